"""Closing without needless questions, nothing typed lost, and unexpected errors told plainly."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit

from dxeditor.core import paths
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.store.document import PlanDocument
from dxeditor.ui.crash import install_excepthook

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"


def click_item(qtbot, window, kind: str, item_id: int) -> None:
    """Click an outline line with the mouse, then click into every field of its form and back."""
    view = window.outline_view
    index = window.model.index_of(kind, item_id)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert view.current_item() == (kind, item_id)
    page = window.detail.currentWidget()
    for cls in (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit):
        for field in page.findChildren(cls):
            if field.isVisible() and field.isEnabled():
                target = field.viewport() if isinstance(field, (QTextEdit, QPlainTextEdit)) else field
                qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_looking_through_a_new_demo_plan_then_closing_asks_nothing(qtbot, window, messages):
    window.new_plan("demo")
    assert window.controller.doc.source is None  # a new, never-saved plan
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    nodes = window.model.all_nodes()
    for kind in ("section", "initiative", "row"):
        for node in [n for n in nodes if n.kind == kind][:3]:
            click_item(qtbot, window, node.kind, node.id)
    click_item(qtbot, window, "row", next(n.id for n in nodes if n.kind == "row"))  # focus left in a row field
    assert window.controller.undo_stack.count() == 0, window.controller.undo_stack.text(0)
    assert not window.isWindowModified()
    working = window.controller.doc.working_dir
    assert window.close()
    assert messages.texts("question") == []
    assert not working.exists()  # nothing to recover either


def test_a_converted_old_file_is_not_an_unsaved_edit(qtbot, window, messages, tmp_path: Path):
    old = tmp_path / "旧形式.dxplan"
    shutil.copyfile(SCHEMAS / "0001.dxplan", old)
    before = old.read_bytes()
    assert window.open_path(old)
    assert window.controller.doc.migrated_from == "0001"
    assert "古い形式のファイルを変換しました" in window.statusBar().currentMessage()
    assert not window.isWindowModified() and window.state_label.text() == "保存済み"
    working = window.controller.doc.working_dir
    assert window.close()
    assert messages.texts("question") == []
    assert old.read_bytes() == before and not working.exists()


def test_a_converted_old_file_with_an_edit_asks(qtbot, window, messages, tmp_path: Path):
    from dxeditor.plan.ops import outline as ops

    old = tmp_path / "旧形式.dxplan"
    shutil.copyfile(SCHEMAS / "0001.dxplan", old)
    assert window.open_path(old)
    row = load_plan_view(window.controller.doc.session.connection()).rows()[0].id
    window.controller.execute("名称の変更", lambda rec: ops.rename(rec, "row", row, "変換後の編集"))
    messages.answers = [QMessageBox.StandardButton.Save]
    assert window.close()
    assert "保存しますか" in messages.texts("question")[0]
    doc = PlanDocument.open(old, read_only=True)
    try:
        assert doc.migrated_from is None
        assert "変換後の編集" in [r.title for r in load_plan_view(doc.session.connection()).rows()]
    finally:
        doc.close(keep_working_copy=False)


def test_recovered_work_still_asks(qtbot, window, messages):
    doc = PlanDocument.create()
    doc.dirty = True  # as recover() leaves it: edits the file does not have
    window.set_document(doc)
    assert window.isWindowModified()
    messages.answers = [QMessageBox.StandardButton.Cancel]
    assert not window.close()
    assert "保存しますか" in messages.texts("question")[0]


def test_a_field_still_being_typed_in_is_kept_by_save_and_by_close(qtbot, window, messages, tmp_path: Path):
    plan = tmp_path / "typing.dxplan"
    assert window.save_as(plan)
    window.activateWindow()
    window.outline_view.select_item("row", 1)
    title = window.row_form.title_edit
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    title.insert("入力中の名称")  # typed, Enter not pressed, focus still there
    assert window.save()
    assert window.model._index[("row", 1)].title == "入力中の名称"
    title.insert("（続き）")
    messages.answers = [QMessageBox.StandardButton.Save]
    assert window.close()  # the field is committed before asking, and nothing writes after closing
    assert "保存しますか" in messages.texts("question")[0]
    doc = PlanDocument.open(plan, read_only=True)
    try:
        assert load_plan_view(doc.session.connection()).rows()[0].title == "入力中の名称（続き）"
    finally:
        doc.close(keep_working_copy=False)


# ----------------------------------------------------------------------------- crash hook
def raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


@pytest.fixture
def hook(window, monkeypatch):
    """The crash hook installed for ``window`` (sys.excepthook is restored afterwards)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.delenv("DXEDITOR_DEBUG", raising=False)
    install_excepthook(lambda: window)
    return sys.excepthook


def test_unexpected_error_writes_a_crash_log_and_says_so_plainly(qtbot, hook, messages):
    raise_and_hook(RuntimeError("boom 𠮷"))
    (text,) = messages.texts("critical")
    assert text.startswith("予期しないエラーが発生しました。")
    assert "編集内容は作業用コピーに保存されています" in text and "Traceback" not in text
    (log,) = (paths.data_dir() / "logs").glob("crash-*.log")
    assert f"ログ: {log}" in text
    assert re.fullmatch(r"crash-\d{8}-\d{6}\.log", log.name)
    written = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in written and "RuntimeError: boom 𠮷" in written
    assert "raise_and_hook" in written


def test_a_known_error_that_escaped_shows_its_own_message(qtbot, hook, messages):
    from dxeditor.core.errors import ValidationError

    raise_and_hook(ValidationError("部署がありません", "No department"))
    text = messages.texts("critical")[0]
    assert text.startswith("部署がありません") and "作業用コピー" in text


def test_crash_box_survives_a_window_that_is_gone(qtbot, messages, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def gone():
        raise RuntimeError("Internal C++ object already deleted.")

    install_excepthook(gone)
    raise_and_hook(ValueError("x"))
    assert "予期しないエラー" in messages.texts("critical")[0]


def test_debug_mode_prints_the_traceback_instead(qtbot, hook, messages, monkeypatch, capsys):
    monkeypatch.setenv("DXEDITOR_DEBUG", "1")
    raise_and_hook(KeyError("debug"))
    assert messages.texts("critical") == []
    assert "KeyError: 'debug'" in capsys.readouterr().err
    assert list((paths.data_dir() / "logs").glob("crash-*.log"))


def test_opening_another_plan_never_writes_the_old_plans_form_text_into_it(qtbot, window, messages, demo_file):
    window.outline_view.select_item("section", 1)  # the small plan's section 1 (no description) is shown
    assert window.detail.currentWidget() is window.section_form
    assert window.open_path(demo_file)
    conn = window.controller.doc.session.connection()
    before = load_plan_view(conn).sections[0].description
    assert before  # the demo's section 1 has one
    window.outline_view.select_item("initiative", 1)
    window.outline_view.select_item("row", 1)
    assert window.controller.undo_stack.count() == 0
    assert load_plan_view(window.controller.doc.session.connection()).sections[0].description == before
    assert window.close() and messages.texts("question") == []


def test_undo_while_a_form_is_hidden_is_not_redone_by_the_next_click(qtbot, window):
    window.outline_view.select_item("section", 1)
    edit = window.section_form.description_edit
    edit.insertPlainText("説明を書いた")  # as typed (setPlainText would be a load, not an edit)
    window.commit_pending()
    assert window.controller.undo_stack.undoText() == "説明の変更"
    window.outline_view.select_item("initiative", 1)  # the section form is hidden now
    window.undo_action.trigger()
    window.outline_view.select_item("row", 1)
    window.outline_view.select_item("section", 2)
    assert window.controller.undo_stack.canRedo() and window.controller.undo_stack.count() == 1
    assert load_plan_view(window.controller.doc.session.connection()).sections[0].description == ""


def test_a_description_qt_normalises_is_not_an_edit(qtbot, window):
    conn = window.controller.doc.session.connection()
    conn.exec_driver_sql("UPDATE sections SET description = ? WHERE id = 1", ("一行目\r\n二行目\u2028三行目",))
    window.outline_view.select_item("row", 1)
    window.outline_view.select_item("section", 1)
    assert "二行目" in window.section_form.description_edit.toPlainText()
    window.outline_view.select_item("initiative", 1)
    window.commit_pending()
    assert window.controller.undo_stack.count() == 0
    assert conn.exec_driver_sql("SELECT description FROM sections WHERE id = 1").scalar() == \
        "一行目\r\n二行目\u2028三行目"
