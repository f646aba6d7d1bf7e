"""Load on a server plan through the window's own path (issue 19): department clients and a watching window.

Run: ``.venv/bin/python bench/bench_server_windows.py [--clients 50] [--seconds 60] [--rows 10000] [--think 0.2]``.

Starts a throwaway cluster on a Unix socket in a temp folder (nothing listens on the network),
publishes a generated plan, gives each of ``--clients`` department logins (``dx_department``,
row-level security on) its own initiative, and lets each send bar moves the way a window does
(:meth:`dxeditor.app.server_plan.link.ServerLink.push`: one transaction, field-level check
against what the client saw), one after another with ``--think`` seconds between, until
``--seconds`` have passed. One more window (:class:`~dxeditor.app.server_plan.session.ServerSession`
with its listener and local copy) watches. Prints JSON:

- ``edits`` / ``edits_per_s``; ``refused`` (0 expected: no two clients share a bar);
  ``lost_updates``: bars whose final place on the server is not the last one its client sent
  (must be 0); ``window_agrees``: the watching window's copy equals the server's at the end;
- ``visible_ms``: p50 / p95 / max from a client starting to send a move to the watching window
  holding it in its local copy (announcement, fetch and apply: what "appears in every open
  window" costs; goal ≤ 100 ms at p95 for the announcement, ≤ 1 s to appear); ``missed``: moves
  the window never showed;
- ``server_cpu_s`` / ``server_pss_mb`` as in ``bench_server_load.py``.

Bounded in count and time; never part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _pct(values: list[float], p: float) -> float | None:
    return round(values[max(0, int(len(values) * p) - 1)], 1) if values else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--think", type=float, default=0.2, help="seconds between one client's edits")
    args = ap.parse_args(argv)
    os.environ.setdefault("DXEDITOR_DATA_DIR", tempfile.mkdtemp(prefix="dxbench-"))

    import psycopg

    from bench.bench_server_load import CLK_TCK, _cluster_pids, _usage
    from bench.generate import cached_plan
    from dxeditor.app import server as runs
    from dxeditor.app.server_plan.link import ServerLink
    from dxeditor.app.server_plan.session import ServerSession, announced
    from dxeditor.plan.changes import ChangeSet, RowChange
    from dxeditor.store.server import connect, schema_name
    from dxeditor.store.server.replica import read_rows
    from tests.server.cluster import running_cluster

    with tempfile.TemporaryDirectory() as tmp, running_cluster() as cluster:
        plan = cached_plan(args.rows, Path(tmp))
        db = cluster.new_database()
        url = cluster.url(db)
        runs.init(url)
        uid = runs.push(plan, url).uid
        schema = schema_name(uid)
        # one initiative with bars per client, led by a department of its own account
        with psycopg.connect(cluster.conninfo(db), autocommit=True) as su:
            su.execute(f'SET search_path TO "{schema}"')
            picked = [r[0] for r in su.execute(
                "SELECT r.initiative_id FROM schedule_rows r JOIN bars b ON b.row_id = r.id "
                "GROUP BY r.initiative_id ORDER BY r.initiative_id LIMIT %s", (args.clients,)).fetchall()]
            departments = [r[0] for r in su.execute("SELECT id FROM departments ORDER BY id").fetchall()]
            if len(picked) < args.clients:
                raise SystemExit(f"only {len(picked)} initiatives with bars for {args.clients} clients")
            su.execute("DELETE FROM initiative_departments WHERE role = 'lead' AND initiative_id = ANY(%s)", (picked,))
            for i, initiative in enumerate(picked):
                dept = departments[i % len(departments)]
                su.execute("INSERT INTO initiative_departments (initiative_id, department_id, role, position) "
                           "VALUES (%s, %s, 'lead', 0)", (initiative, dept))
                su.execute(f"CREATE ROLE bench{i} LOGIN IN ROLE dx_department")
                su.execute("INSERT INTO dx_accounts (db_user, department_id) VALUES (%s, %s)", (f"bench{i}", dept))
            bars_of = {i: [r[0] for r in su.execute(
                "SELECT b.id FROM bars b JOIN schedule_rows r ON r.id = b.row_id WHERE r.initiative_id = %s "
                "ORDER BY b.id", (initiative,)).fetchall()] for i, initiative in enumerate(picked)}
        postmaster = int((cluster.socket_dir / "data" / "postmaster.pid").read_text().split()[0])

        watcher = ServerSession(url, uid)
        heard: queue.Queue[list[dict[str, Any]]] = queue.Queue()
        online = threading.Event()
        watcher.listen(heard.put, lambda up: online.set() if up else None)
        online.wait(30)
        sent: list[tuple[tuple[int, int], float]] = []  # ((bar, its new start), when the client began sending)
        committed: list[tuple[tuple[int, int], float]] = []  # ... and when its send returned (committed)
        shown: dict[tuple[int, int], list[float]] = {}  # (bar, start) → when the window held it (a bar comes back)
        last_sent: dict[int, int] = {}
        refused = [0]
        errors: list[str] = []
        lock = threading.Lock()
        stop = threading.Event()

        def window() -> None:  # the watching window's thread: fetch what is announced into its copy
            while not (stop.is_set() and heard.empty()):
                try:
                    batch = heard.get(timeout=0.5)
                except queue.Empty:
                    continue
                while not heard.empty():  # what came meanwhile goes in the same fetch (as the window does)
                    batch += heard.get_nowait()
                changes = watcher.pull(announced(batch))
                now = time.perf_counter()
                for c in changes.changes:
                    if c.table == "bars" and c.after is not None:
                        shown.setdefault((c.id, c.after["start"]), []).append(now)

        def client(i: int, deadline: float) -> None:
            engine = connect(cluster.url(db, f"bench{i}"), pool_size=1)
            try:
                link = ServerLink(engine, uid)
                rows = link.fetch({"bars": bars_of[i]})["bars"]
                k = 0
                while time.perf_counter() < deadline:
                    bar = bars_of[i][k % len(bars_of[i])]
                    before = rows[bar]
                    step = 1 if (k // len(bars_of[i])) % 2 == 0 else -1
                    after = {**before, "start": before["start"] + step, "end": before["end"] + step}
                    k += 1
                    t = time.perf_counter()
                    try:
                        link.push(ChangeSet("バーの移動", [RowChange("bars", bar, before, after)]), "バーの移動")
                    except Exception as exc:  # a refusal would be a defect here: counted, reported
                        with lock:
                            refused[0] += 1
                            errors.append(repr(exc)[:200])
                        rows = link.fetch({"bars": bars_of[i]})["bars"]
                        continue
                    rows[bar] = after
                    done = time.perf_counter()
                    with lock:
                        sent.append(((bar, after["start"]), t))
                        committed.append(((bar, after["start"]), done))
                        last_sent[bar] = after["start"]
                    time.sleep(args.think)
            finally:
                engine.dispose()

        peak = [0.0]
        cpu_of: dict[int, float] = {}  # CPU seconds per server process, last seen (a backend ends with its client)

        def monitor() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], _usage(postmaster)[1])
                for pid in _cluster_pids(postmaster):
                    try:
                        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except OSError:
                        continue
                    cpu_of[pid] = (int(stat[11]) + int(stat[12])) / CLK_TCK
                time.sleep(0.5)

        viewer = threading.Thread(target=window)
        viewer.start()
        watch = threading.Thread(target=monitor)
        watch.start()
        time.sleep(1.0)
        cpu0 = sum(cpu_of.values())
        t0 = time.perf_counter()
        deadline = t0 + args.seconds
        clients = [threading.Thread(target=client, args=(i, deadline)) for i in range(args.clients)]
        for t in clients:
            t.start()
        for t in clients:
            t.join(args.seconds + 120)
        elapsed = time.perf_counter() - t0
        time.sleep(2.0)  # the last announcements
        cpu1 = sum(cpu_of.values())
        stop.set()
        viewer.join(60)
        watch.join(10)

        server = watcher.link.fetch()
        lost = sum(1 for bar, start in last_sent.items() if server["bars"][bar]["start"] != start)
        agrees = read_rows(watcher.doc.session.connection()) == server
        watcher.close()
        def delays(since: list[tuple[tuple[int, int], float]]) -> list[float]:
            return sorted((min(s for s in shown[k] if s >= t) - t) * 1000
                          for k, t in since if any(s >= t for s in shown.get(k, ())))

        visible, after_commit = delays(sent), delays(committed)
        result: dict[str, Any] = {
            "clients": args.clients, "seconds": round(elapsed, 1), "rows": args.rows, "think_s": args.think,
            "edits": len(sent), "edits_per_s": round(len(sent) / elapsed, 1), "refused": refused[0],
            "errors": errors[:3], "lost_updates": lost, "window_agrees": agrees,
            "missed": len(sent) - len(visible),
            "visible_ms": {"p50": round(statistics.median(visible), 1) if visible else None,
                           "p95": _pct(visible, 0.95), "max": round(visible[-1], 1) if visible else None},
            "after_commit_ms": {"p50": round(statistics.median(after_commit), 1) if after_commit else None,
                                "p95": _pct(after_commit, 0.95)},
            "server_cpu_s": round(cpu1 - cpu0, 1), "server_pss_mb": round(peak[0], 1),
            "cpu_count": os.cpu_count(),
        }
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
