"""Load on a server plan (issue 19): department clients editing their own bars at once.

Run: ``.venv/bin/python bench/bench_server_load.py [--clients 50] [--seconds 60] [--rows 10000]``.
Starts a throwaway cluster on a Unix socket in a temp folder (nothing listens on the network),
publishes a generated plan and runs ``--clients`` threads, each with its own connection and
its own share of the bars, each editing one bar after another through the versioned update
(:func:`dxeditor.store.server.rows.update_row`) until ``--seconds`` have passed or it made
``--max-edits``. Another connection LISTENs on the plan's channel. Prints JSON:

- ``edits`` / ``edits_per_s``: the updates that landed; ``stale``: refused as stale (0 expected:
  no two clients share a bar); ``lost_updates``: bars whose final version does not count exactly
  the updates that landed on them (must be 0);
- ``notify_ms``: p50 / p95 / max from a client's update (before its commit) to the listener
  receiving the notification; ``missed_notifications``: landed updates never announced;
- ``server_cpu_s`` / ``server_pss_mb``: CPU time of the cluster's processes during the run, and
  the peak of their memory (proportional set size: shared memory counted once).

Bounded in count and time; never part of the tests. ``python -m bench`` (``python3 tasks.py bench``)
runs it with 50 clients, 10,000 rows and 60 s, and shows its figures beside the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cluster_pids(postmaster: int) -> list[int]:
    pids = [postmaster]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == postmaster:
                pids.append(int(entry.name))
    return pids


def _usage(postmaster: int) -> tuple[float, float]:
    """(CPU seconds, proportional set size in MB) of the cluster's processes now."""
    cpu = pss = 0.0
    for pid in _cluster_pids(postmaster):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        cpu += (int(stat[11]) + int(stat[12])) / CLK_TCK
        # proportional set size: shared buffers counted once over all the backends, not per backend
        pss += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0) / 1024
    return cpu, pss


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--max-edits", type=int, default=100_000, help="per client")
    args = ap.parse_args(argv)

    import psycopg
    from sqlalchemy import text

    from bench.generate import cached_plan
    from dxeditor.app import server as runs
    from dxeditor.store.server import StaleWriteError, channel_name, connect, plan_connection
    from dxeditor.store.server.rows import update_row
    from tests.server.cluster import running_cluster

    with tempfile.TemporaryDirectory() as tmp, running_cluster() as cluster:
        plan = cached_plan(args.rows, Path(tmp))
        db = cluster.new_database()
        url = cluster.url(db)
        runs.init(url)
        uid = runs.push(plan, url).uid
        engine = connect(url, pool_size=args.clients + 2)  # a connection per client, kept open
        with plan_connection(engine, uid) as conn:
            bars = [r[0] for r in conn.execute(text("SELECT id FROM bars ORDER BY id"))]
        postmaster = int((cluster.socket_dir / "data" / "postmaster.pid").read_text().split()[0])

        sent: dict[tuple[int, int], float] = {}
        received: dict[tuple[int, int], float] = {}
        landed: dict[int, int] = {}
        stale = [0]
        lock = threading.Lock()
        stop = threading.Event()
        listening = threading.Event()

        def listener() -> None:
            with psycopg.connect(cluster.conninfo(db), autocommit=True) as conn:
                conn.execute(f"LISTEN {channel_name(uid)}")
                listening.set()
                while True:
                    got = False
                    for n in conn.notifies(timeout=1.0):
                        now = time.perf_counter()
                        got = True
                        p = json.loads(n.payload)
                        if p["table"] == "bars":
                            received[(p["id"], p["version"])] = now
                    if stop.is_set() and not got:
                        return

        def client(mine: list[int], deadline: float) -> None:
            versions = dict.fromkeys(mine, 1)
            k = 0
            while time.perf_counter() < deadline and k < args.max_edits:
                bar = mine[k % len(mine)]
                k += 1
                try:
                    with plan_connection(engine, uid) as conn:
                        new = update_row(conn, "bars", bar, versions[bar], {"note": f"edit {k}"})
                        with lock:
                            sent[(bar, new)] = time.perf_counter()
                except StaleWriteError:
                    with lock:
                        stale[0] += 1
                    continue
                versions[bar] = new
                with lock:
                    landed[bar] = landed.get(bar, 0) + 1

        peak = [0.0]

        def monitor() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], _usage(postmaster)[1])
                time.sleep(0.5)

        load_start = list(os.getloadavg())
        listen = threading.Thread(target=listener)
        listen.start()
        listening.wait(30)
        cpu0, _ = _usage(postmaster)
        watch = threading.Thread(target=monitor)
        watch.start()
        t0 = time.perf_counter()
        deadline = t0 + args.seconds
        clients = [threading.Thread(target=client, args=(bars[i::args.clients], deadline)) for i in range(args.clients)]
        for t in clients:
            t.start()
        for t in clients:
            t.join(args.seconds + 120)
        elapsed = time.perf_counter() - t0
        cpu1, _ = _usage(postmaster)
        stop.set()
        listen.join(60)
        watch.join(10)

        with plan_connection(engine, uid) as conn:
            final = dict(conn.execute(text("SELECT id, row_version FROM bars")).all())
        engine.dispose()
        lost = sum(1 for b in bars if final[b] != 1 + landed.get(b, 0))
        latencies = sorted((received[k] - t) * 1000 for k, t in sent.items() if k in received)
        edits = sum(landed.values())
        result: dict[str, Any] = {
            "clients": args.clients, "seconds": round(elapsed, 1), "rows": args.rows, "bars": len(bars),
            "edits": edits, "edits_per_s": round(edits / elapsed, 1), "stale": stale[0], "lost_updates": lost,
            "missed_notifications": len(sent) - len(latencies),
            "notify_ms": {"p50": round(statistics.median(latencies), 1) if latencies else None,
                          "p95": round(latencies[int(len(latencies) * 0.95) - 1], 1) if latencies else None,
                          "max": round(latencies[-1], 1) if latencies else None},
            "server_cpu_s": round(cpu1 - cpu0, 1), "server_pss_mb": round(peak[0], 1),
            "cpu_count": os.cpu_count(),
            "loadavg_start": [round(x, 2) for x in load_start], "loadavg_end": [round(x, 2) for x in os.getloadavg()],
        }
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
