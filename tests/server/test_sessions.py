"""Many editors at once through the window's own path (sessions with local copies): nothing lost, all agree."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from dxeditor.app.server_plan.link import ConflictError
from dxeditor.app.server_plan.session import ServerSession
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import initiatives as ops
from dxeditor.plan.ops import schedule as sch
from dxeditor.store.server.replica import read_rows

from .cluster import PgCluster
from .netcut import NetCut

pytestmark = pytest.mark.server

CLIENTS = 10


@pytest.fixture
def sessions(pg_cluster: PgCluster, published_db: tuple[str, str]) -> Iterator[Callable[[int], list[ServerSession]]]:
    """n → n sessions on one published plan, each under its own office login."""
    db, uid = published_db
    opened: list[ServerSession] = []

    def make(n: int) -> list[ServerSession]:
        with psycopg.connect(pg_cluster.conninfo(db), autocommit=True) as su:
            for i in range(n):
                su.execute(f"CREATE ROLE editor{i}_{db} LOGIN IN ROLE dx_office")
        opened.extend(ServerSession(pg_cluster.url(db, f"editor{i}_{db}"), uid) for i in range(n))
        return opened

    yield make
    for s in opened:
        s.close()


def _initiatives_with_bars(s: ServerSession) -> list[tuple[int, int]]:
    """(initiative, its first bar) for every initiative that has bars."""
    return [(int(i), int(b)) for i, b in s.doc.session.execute(text(
        "SELECT r.initiative_id, min(b.id) FROM bars b JOIN schedule_rows r ON r.id = b.row_id "
        "GROUP BY r.initiative_id ORDER BY r.initiative_id"))]


def test_ten_editors_at_once_lose_nothing_and_end_with_the_same_plan(
        sessions: Callable[[int], list[ServerSession]]) -> None:
    editors = sessions(CLIENTS)
    owned = _initiatives_with_bars(editors[0])
    assert len(owned) >= CLIENTS
    shared_bar = owned[-1][1]
    first = editors[0].link.fetch({"bars": [b for _, b in owned[:CLIENTS]]})["bars"]
    results: dict[int, dict[str, Any]] = {}
    start = threading.Barrier(CLIENTS)

    def work(i: int) -> None:
        s, (initiative, bar) = editors[i], owned[i]
        editor = PlanEditor(s.doc)
        got: dict[str, Any] = {"moves": 0, "label": None, "refused": 0, "errors": []}
        try:
            start.wait()
            for _ in range(5):  # edits to the own initiative never collide
                editor.run("バーの移動", lambda r: sch.move_bars(r, [bar], 1))
                got["moves"] += 1
            row = int(s.doc.session.execute(text("SELECT row_id FROM bars WHERE id = :b"), {"b": bar}).scalar_one())
            got["milestone"] = editor.run("マイルストーンの追加", lambda r: sch.add_milestone(
                r, row, 24300 + i, f"節目{i}"))[1]
            editor.run("取組内容", lambda r: ops.set_text_block(r, initiative, "content", [(0, f"編集者{i}の文", True)]))
            try:  # everyone edits the same label from the same starting point: one wins
                editor.run("ラベルの変更", lambda r: sch.set_label(r, shared_bar, f"編集者{i}の案"))
                got["label"] = f"編集者{i}の案"
            except ConflictError:
                got["refused"] += 1
        except Exception as exc:  # reported below, with the thread's index
            got["errors"].append(repr(exc))
        results[i] = got

    threads = [threading.Thread(target=work, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert all(not r["errors"] for r in results.values()), {i: r["errors"] for i, r in results.items()}
    assert [r["moves"] for r in results.values()] == [5] * CLIENTS
    winners = [r["label"] for r in results.values() if r["label"]]
    assert len(winners) == 1 and sum(r["refused"] for r in results.values()) == CLIENTS - 1
    # every window catches up and holds exactly the server's plan
    server = editors[0].link.fetch()
    for s in editors:
        s.pull()
        assert read_rows(s.doc.session.connection()) == server
    bars = server["bars"]
    assert bars[shared_bar]["label"] == winners[0]
    assert {b: bars[b]["start"] for b in first} == {b: row["start"] + 5 for b, row in first.items()}  # no move lost
    milestones = {r["milestone"] for r in results.values()}
    assert len(milestones) == CLIENTS and milestones <= set(server["milestones"])  # ids never collide
    texts = {row["text"] for row in server["text_items"].values()}
    assert {f"編集者{i}の文" for i in range(CLIENTS)} <= texts


@pytest.fixture
def netcut(pg_cluster: PgCluster) -> Iterator[NetCut]:
    cut = NetCut(pg_cluster.socket_dir)
    yield cut
    cut.close()


def test_edits_made_while_the_server_is_away_survive_a_closed_window_and_are_sent_next_time(
        pg_cluster: PgCluster, published_db: tuple[str, str], netcut: NetCut) -> None:
    from dxeditor.plan.versions import create_version, list_versions

    db, uid = published_db
    url = f"postgresql+psycopg:///{db}?host={netcut.socket_dir}&user={pg_cluster.superuser}"
    s = ServerSession(url, uid)
    editor = PlanEditor(s.doc)
    (initiative, bar), *_ = _initiatives_with_bars(s)
    start = s.link.fetch({"bars": [bar]})["bars"][bar]["start"]
    netcut.cut()  # mid-edit: the window does not know yet
    editor.run("バーの移動", lambda r: sch.move_bars(r, [bar], 2))
    assert not s.online and len(s.outbox) == 1
    editor.run("取組内容", lambda r: ops.set_text_block(r, initiative, "content", [(0, "つながらない間の文", True)]))
    editor.run("版の作成", lambda r: create_version(r, {"plan": {"title": "控え"}}, "オフライン版"))
    assert len(s.outbox) == 3
    assert read_rows(s.doc.session.connection(), {"bars": [bar]})["bars"][bar]["start"] == start + 2
    s.close()  # the window is closed (or the PC crashes) before the server is back: the outbox stays
    assert s.outbox.path.exists()

    netcut.restore()
    again = ServerSession(url, uid)
    try:
        assert len(again.outbox) == 3  # what was kept is found again
        _changes, refused = again.reconnected()
        assert refused == [] and not again.outbox and not again.outbox.path.exists()
        server = again.link.fetch()
        assert server["bars"][bar]["start"] == start + 2
        assert "つながらない間の文" in {r["text"] for r in server["text_items"].values()}
        assert [v.label for v in list_versions(again.doc.session.connection())][-1] == "オフライン版"
        assert read_rows(again.doc.session.connection()) == server
    finally:
        again.close()


def test_a_plan_whose_sub_row_comes_long_before_its_parent_opens(pg_cluster: PgCluster, tmp_path: Any) -> None:
    """Rows arrive in batches: a sub-row in the first batch whose parent is in the last (seen in the load bench)."""
    from bench.generate import write_plan
    from dxeditor.app import server as runs
    from dxeditor.store.server import schema_name

    plan = write_plan(2500, tmp_path / "big.dxplan", 1)
    db = pg_cluster.new_database()
    runs.init(pg_cluster.url(db))
    uid = runs.push(plan, pg_cluster.url(db)).uid
    with psycopg.connect(pg_cluster.conninfo(db), autocommit=True) as su:
        su.execute(f'SET search_path TO "{schema_name(uid)}"')
        child, parent = su.execute("SELECT min(id), max(id) FROM schedule_rows").fetchone()
        su.execute("UPDATE schedule_rows SET initiative_id = (SELECT initiative_id FROM schedule_rows WHERE id = %s), "
                   "parent_id = %s WHERE id = %s", (parent, parent, child))
        su.execute("UPDATE schedule_rows SET note = 'last' WHERE id = %s", (parent,))  # its new version: read last
        su.execute("VACUUM schedule_rows")
    s = ServerSession(pg_cluster.url(db), uid)
    try:
        assert read_rows(s.doc.session.connection()) == s.link.fetch()
    finally:
        s.close()


def test_formula_like_and_rare_kanji_text_round_trips_and_bad_input_changes_nothing(
        sessions: Callable[[int], list[ServerSession]], pg_cluster: PgCluster, tmp_path: Any) -> None:
    from dxeditor.app import server as runs
    from dxeditor.core.errors import DxError
    from dxeditor.store.document import PlanDocument

    a, b = sessions(2)
    (initiative, bar), *_ = _initiatives_with_bars(a)
    editor = PlanEditor(a.doc)
    editor.run("ラベル", lambda r: sch.set_label(r, bar, "=SUM(A1)\n𠮷野家と髙島屋"))
    editor.run("取組名", lambda r: ops.update_initiative(r, initiative, title="𠮷田・髙橋の=取組"))
    before = a.link.fetch()
    with pytest.raises(DxError):  # too long for a label: refused before anything is sent
        editor.run("不正な入力", lambda r: sch.set_label(r, bar, "長" * 100_000))
    assert a.link.fetch() == before and read_rows(a.doc.session.connection()) == before
    b.pull()
    assert read_rows(b.doc.session.connection())["bars"][bar]["label"] == "=SUM(A1)\n𠮷野家と髙島屋"
    url = a.url
    copy = runs.pull(url, a.uid, tmp_path / "写し.dxplan")
    doc = PlanDocument.open(copy, read_only=True)
    try:
        assert read_rows(doc.session.connection())["initiatives"][initiative]["title"] == "𠮷田・髙橋の=取組"
    finally:
        doc.close(keep_working_copy=False)
