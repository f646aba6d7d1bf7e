"""Two windows (two users) on one server plan: live updates, refused collisions, per-user undo, the server away."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from dxeditor.plan.ops import initiatives, outline
from dxeditor.plan.ops import schedule as sch
from tests.ui.conftest import MessageRecorder, messages  # noqa: F401 - the fixture

from .cluster import PgCluster
from .netcut import NetCut

pytestmark = pytest.mark.server


@pytest.fixture
def netcut(pg_cluster: PgCluster) -> Iterator[NetCut]:
    """A relay to the cluster whose cable the test can pull."""
    cut = NetCut(pg_cluster.socket_dir)
    yield cut
    cut.close()


@pytest.fixture
def users(pg_cluster: PgCluster, published_db: tuple[str, str], netcut: NetCut) -> Callable[[str], tuple[str, str]]:
    """who → (url, uid): office logins sato and suzuki on a fresh copy of the published demo plan (sato
    connects through the relay ``netcut``)."""
    db, uid = published_db
    with psycopg.connect(pg_cluster.conninfo(db), autocommit=True) as su:
        for who in ("sato", "suzuki"):
            su.execute(f"CREATE ROLE {who}_{db} LOGIN IN ROLE dx_office")
    via = {"sato": netcut.socket_dir, "suzuki": pg_cluster.socket_dir}
    return lambda who: (f"postgresql+psycopg:///{db}?host={via[who]}&user={who}_{db}", uid)


@pytest.fixture
def open_window(qtbot: Any, messages: MessageRecorder, users: Callable[[str], tuple[str, str]]) -> Iterator[Any]:  # noqa: F811
    """who → a main window with the server plan open as that user."""
    from dxeditor.store.document import PlanDocument
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.undo import DocumentController

    made = []

    def make(who: str) -> Any:
        w = MainWindow(DocumentController(PlanDocument.create()))
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        assert w.open_server_plan(*users(who), None), messages.texts()
        qtbot.waitUntil(lambda: w.server_bridge._listening, timeout=10_000)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def _first_bar(window: Any) -> int:
    return int(window.controller.doc.session.execute(text("SELECT min(id) FROM bars")).scalar_one())


def _bar(window: Any, bar_id: int) -> dict[str, Any]:
    row = window.controller.doc.session.execute(text("SELECT * FROM bars WHERE id = :i"), {"i": bar_id})
    return dict(row.mappings().one())


def test_each_window_sees_the_others_bar_move_and_keeps_its_selection(qtbot: Any, open_window: Any) -> None:
    sato, suzuki = open_window("sato"), open_window("suzuki")
    bar = _first_bar(sato)
    start = _bar(suzuki, bar)["start"]
    initiative = suzuki.controller.doc.session.execute(text(
        "SELECT r.initiative_id FROM bars b JOIN schedule_rows r ON r.id = b.row_id WHERE b.id = :b"), {"b": bar}
    ).scalar_one()
    # suzuki has the bar's initiative selected and is typing its title
    suzuki.outline_view.select_item("initiative", initiative)
    selected = suzuki.outline_view.selected_items()
    suzuki.activateWindow()
    qtbot.waitUntil(suzuki.isActiveWindow)
    title = suzuki.initiative_form.ui.titleEdit
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.end(False)
    qtbot.keyClicks(title, " draft")
    typed = title.text()

    sato.run("バーの移動", lambda r: sch.move_bars(r, [bar], 3))
    sato.run("番号の変更", lambda r: initiatives.update_initiative(r, initiative, number_label="9-9"))

    qtbot.waitUntil(lambda: _bar(suzuki, bar)["start"] == start + 3, timeout=3000)
    qtbot.waitUntil(lambda: suzuki.schedule_view.data.bar(bar) is not None
                    and suzuki.schedule_view.data.bar(bar).start == start + 3, timeout=3000)
    qtbot.waitUntil(lambda: suzuki.initiative_form.ui.numberEdit.text() == "9-9", timeout=3000)
    assert suzuki.outline_view.selected_items() == selected
    assert title.text() == typed and title.hasFocus()  # the text being typed is left alone
    title.clearFocus()  # finishing the field saves it
    qtbot.waitUntil(lambda: sato.controller.doc.session.execute(
        text("SELECT title FROM initiatives WHERE id = :i"), {"i": initiative}).scalar_one() == typed, timeout=3000)
    # and back the other way; suzuki's change is not in sato's undo history
    suzuki.run("バーの移動", lambda r: sch.move_bars(r, [bar], -1))
    qtbot.waitUntil(lambda: _bar(sato, bar)["start"] == start + 2, timeout=3000)
    assert [sato.controller.undo_stack.text(i) for i in range(sato.controller.undo_stack.count())] \
        == ["バーの移動", "番号の変更"]
    assert suzuki.controller.undo_stack.count() == 2  # the title and the move


def test_a_colliding_label_edit_is_refused_with_the_others_name(
        qtbot: Any, open_window: Any, messages: MessageRecorder) -> None:  # noqa: F811
    sato, suzuki = open_window("sato"), open_window("suzuki")
    bar = _first_bar(sato)
    suzuki.server_bridge.heard.disconnect()  # suzuki has not yet heard of sato's change when typing
    sato.run("ラベルの変更", lambda r: sch.set_label(r, bar, "佐藤の案"))
    suzuki.run("ラベルの変更", lambda r: sch.set_label(r, bar, "鈴木の案"))

    refused = messages.texts("warning")
    assert len(refused) == 1 and "sato_" in refused[0] and "鈴木の案" in refused[0], refused
    # the window shows the current value, the refused edit is not in the undo history
    qtbot.waitUntil(lambda: _bar(suzuki, bar)["label"] == "佐藤の案", timeout=3000)
    assert suzuki.controller.undo_stack.count() == 0
    # edits to other fields of the same bar do not collide
    assert suzuki.run("バーの移動", lambda r: sch.move_bars(r, [bar], 1)) == 1
    assert len(messages.texts("warning")) == 1


def test_undo_refuses_to_undo_over_someone_elses_later_change(
        qtbot: Any, open_window: Any, messages: MessageRecorder) -> None:  # noqa: F811
    sato, suzuki = open_window("sato"), open_window("suzuki")
    bar = _first_bar(sato)
    start = _bar(sato, bar)["start"]
    sato.run("ラベルの変更", lambda r: sch.set_label(r, bar, "佐藤の案"))
    sato.run("バーの移動", lambda r: sch.move_bars(r, [bar], 2))
    qtbot.waitUntil(lambda: _bar(suzuki, bar)["start"] == start + 2, timeout=3000)
    suzuki.run("バーの移動", lambda r: sch.move_bars(r, [bar], 1))
    qtbot.waitUntil(lambda: _bar(sato, bar)["start"] == start + 3, timeout=3000)

    sato.undo_action.trigger()  # undo sato's move: suzuki moved the bar since
    qtbot.waitUntil(lambda: sato.controller.undo_stack.index() == 2 and not sato.controller.refusing(), timeout=3000)
    assert any("suzuki_" in t for t in messages.texts("warning")), messages.texts()
    assert _bar(sato, bar)["start"] == start + 3
    assert sato.undo_action.isEnabled()
    # suzuki undoes its own move; then sato's undo goes through, and so does the label's
    suzuki.undo_action.trigger()
    qtbot.waitUntil(lambda: _bar(sato, bar)["start"] == start + 2, timeout=3000)
    sato.undo_action.trigger()
    sato.undo_action.trigger()
    assert sato.controller.undo_stack.index() == 0
    qtbot.waitUntil(lambda: (_bar(suzuki, bar)["start"], _bar(suzuki, bar)["label"])
                    == (start, _bar(sato, bar)["label"]) and _bar(sato, bar)["label"] != "佐藤の案", timeout=3000)


def test_the_server_away_keeps_the_edits_and_sends_them_when_it_returns(
        qtbot: Any, open_window: Any, netcut: NetCut, messages: MessageRecorder) -> None:  # noqa: F811
    sato, suzuki = open_window("sato"), open_window("suzuki")
    bar = _first_bar(sato)
    start = _bar(sato, bar)["start"]
    netcut.cut()  # the network between sato's PC and the server
    qtbot.waitUntil(lambda: not sato.server_bridge._listening, timeout=10_000)

    sato.run("バーの移動", lambda r: sch.move_bars(r, [bar], 4))
    sato.run("ラベルの変更", lambda r: sch.set_label(r, bar, "つながらない間の入力"))
    suzuki.run("ラベルの変更", lambda r: sch.set_label(r, bar, "鈴木の入力"))  # collides with sato's label
    label = sato.findChild(type(sato.server_bridge.label), "serverState")
    assert "2 件" in label.text()
    assert messages.texts() == []  # no error box: work goes on
    assert _bar(sato, bar)["start"] == start + 4  # kept in the window meanwhile
    pending = json.loads(sato.server_bridge.session.outbox.path.read_text(encoding="utf-8"))
    assert [p["action"] for p in pending["pending"]] == ["バーの移動", "ラベルの変更"]  # and on disk
    messages.answers.append(QMessageBox.StandardButton.Cancel)
    assert not sato.confirm_close()  # closing now is asked about: the changes wait on this PC
    assert "2 件" in messages.texts("question")[-1]

    netcut.restore()
    qtbot.waitUntil(lambda: sato.server_bridge.session.online and not sato.server_bridge.session.outbox,
                    timeout=15_000)
    box = sato.findChild(QMessageBox, "refusedChanges")
    assert box is not None and "つながらない間の入力" in box.detailedText() and "suzuki_" in box.detailedText()
    # the move went through; the label is suzuki's, in both windows
    qtbot.waitUntil(lambda: _bar(suzuki, bar)["start"] == start + 4, timeout=3000)
    assert _bar(sato, bar)["label"] == "鈴木の入力"
    assert "サーバー:" in label.text()
    assert not sato.server_bridge.session.outbox.path.exists()


def test_items_added_and_removed_by_someone_else_appear_and_go_in_the_outline(qtbot: Any, open_window: Any) -> None:
    sato, suzuki = open_window("sato"), open_window("suzuki")
    initiative = int(suzuki.controller.doc.session.execute(text("SELECT max(id) FROM initiatives")).scalar_one())
    suzuki.outline_view.select_item("initiative", initiative)
    selected = suzuki.outline_view.selected_items()
    first = int(sato.controller.doc.session.execute(text("SELECT min(id) FROM initiatives")).scalar_one())

    row = sato.run("行の追加", lambda r: outline.add_row(r, first, title="佐藤が足した行"))
    new = sato.run("取組の追加", lambda r: outline.add_initiative(r, None, title="佐藤が足した取組"))
    qtbot.waitUntil(lambda: ("row", row) in suzuki.model._index and ("initiative", new) in suzuki.model._index,
                    timeout=3000)
    assert suzuki.model._index[("row", row)].title == "佐藤が足した行"
    assert suzuki.outline_view.selected_items() == selected

    sato.run("削除", lambda r: outline.delete_items(r, [("row", row)]))
    qtbot.waitUntil(lambda: ("row", row) not in suzuki.model._index, timeout=3000)
    assert suzuki.outline_view.selected_items() == selected
    # suzuki can work on what sato added: ids taken by one window are never given to another
    suzuki.run("行の追加", lambda r: outline.add_row(r, new, title="鈴木が足した行"))
    qtbot.waitUntil(lambda: sato.controller.doc.session.execute(text(
        "SELECT count(*) FROM schedule_rows WHERE initiative_id = :i"), {"i": new}).scalar_one() == 1, timeout=3000)


def test_save_as_writes_a_file_copy_and_the_window_stays_on_the_server(
        qtbot: Any, open_window: Any, tmp_path: Any) -> None:
    from dxeditor.store.document import PlanDocument

    sato = open_window("sato")
    bar = _first_bar(sato)
    sato.run("ラベルの変更", lambda r: sch.set_label(r, bar, "控えに入る"))
    assert sato.save()  # Ctrl+S: nothing to do, said in the status bar
    assert "サーバー" in sato.statusBar().currentMessage()
    assert sato.save_as(tmp_path / "控え.dxplan")
    copy = PlanDocument.open(tmp_path / "控え.dxplan", read_only=True)
    try:
        assert copy.session.execute(text("SELECT label FROM bars WHERE id = :b"), {"b": bar}).scalar_one() == "控えに入る"
    finally:
        copy.close(keep_working_copy=False)
    assert sato.controller.doc.source is None and sato.server_bridge is not None
    assert "sato_" in sato.windowTitle() and not sato.isWindowModified()
    # the history names database users: the own entries, and the server's log read when a window opens
    log = "SELECT \"user\", action FROM audit_log ORDER BY id DESC LIMIT 1"
    assert sato.controller.doc.session.execute(text(log)).one()[1] == "ラベルの変更"
    assert sato.controller.doc.session.execute(text(log)).one()[0].startswith("sato_")
    suzuki = open_window("suzuki")
    assert tuple(suzuki.controller.doc.session.execute(text(log)).one())[1] == "ラベルの変更"
    assert suzuki.controller.doc.session.execute(text(log)).one()[0].startswith("sato_")


def test_a_window_whose_connection_dropped_catches_up_with_what_it_did_not_hear(
        qtbot: Any, open_window: Any, netcut: NetCut, messages: MessageRecorder) -> None:  # noqa: F811
    sato, suzuki = open_window("sato"), open_window("suzuki")
    bar = _first_bar(sato)
    netcut.cut()  # sato's cable is out for a moment; sato changes nothing meanwhile
    qtbot.waitUntil(lambda: not sato.server_bridge._listening, timeout=10_000)
    suzuki.run("ラベルの変更", lambda r: sch.set_label(r, bar, "聞こえなかった変更"))
    netcut.restore()
    qtbot.waitUntil(lambda: _bar(sato, bar)["label"] == "聞こえなかった変更", timeout=15_000)
    assert sato.server_bridge.session.online and messages.texts() == []


def test_a_plan_published_anew_is_opened_again_and_a_removed_one_kept_read_only(
        qtbot: Any, open_window: Any, pg_cluster: PgCluster, tmp_path: Any) -> None:
    from dxeditor.app import server as runs
    from dxeditor.store.document import PlanDocument
    from dxeditor.store.server import connect, ddl

    sato = open_window("sato")
    db = sato.controller.doc.server_label.rsplit("/", 1)[1]
    uid = sato.controller.doc.plan.uid
    bar = _first_bar(sato)
    # the office takes a copy, changes it as a file and publishes it again over the server's plan
    copy = runs.pull(pg_cluster.url(db), uid, tmp_path / "copy.dxplan")
    doc = PlanDocument.open(copy)
    doc.session.execute(text("UPDATE bars SET label = 'ファイルから公開' WHERE id = :b"), {"b": bar})
    doc.session.commit()
    doc.save()
    doc.close(keep_working_copy=False)
    runs.push(copy, pg_cluster.url(db), replace=True)

    qtbot.waitUntil(lambda: sato.findChild(QMessageBox, "planReplaced") is not None, timeout=5000)
    assert _bar(sato, bar)["label"] == "ファイルから公開"
    assert sato.server_bridge is not None and sato.server_bridge.session.online
    qtbot.waitUntil(lambda: sato.server_bridge._listening, timeout=10_000)
    # edits go on against the new plan
    sato.run("ラベルの変更", lambda r: sch.set_label(r, bar, "公開し直した後の変更"))
    data = runs.server_export(pg_cluster.url(db), uid)
    assert "公開し直した後の変更" in [b["label"] for it in data["initiatives"] for r in it["schedule_rows"] for b in r["bars"]]

    engine = connect(pg_cluster.url(db))
    try:
        ddl.drop_plan(engine, uid)
    finally:
        engine.dispose()
    qtbot.waitUntil(lambda: sato.findChild(QMessageBox, "planRemoved") is not None, timeout=5000)
    assert sato.controller.doc.read_only
    assert _bar(sato, bar)["label"] == "公開し直した後の変更"  # the copy is kept, to save as a file
    assert sato.save_as(tmp_path / "残した控え.dxplan")


def test_a_damaged_outbox_is_said_and_kept_and_the_plan_opens(
        qtbot: Any, users: Callable[[str], tuple[str, str]], open_window: Any) -> None:
    from dxeditor.app.server_plan.outbox import outbox_path

    url, uid = users("sato")
    outbox_path(url, uid).write_text("{ not json", encoding="utf-8")
    sato = open_window("sato")
    box = sato.findChild(QMessageBox, "outboxDamaged")
    assert box is not None and "壊れて" in box.text()
    kept = sato.server_bridge.session.outbox.damaged
    assert kept is not None and kept.read_text(encoding="utf-8") == "{ not json" and str(kept) in box.text()
    assert sato.controller.doc.server_label  # the plan is open all the same
