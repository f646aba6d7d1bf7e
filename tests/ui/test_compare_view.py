"""The compare view: the demo's Ver.1.0 against Ver.1.1, stepped through, filtered, annotated and printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog

from dxeditor.plan.compare import KINDS
from dxeditor.ui.dialogs.compare_view import ChangeListModel, CompareView, marked_html
from dxeditor.ui.dialogs.version_forms import CompareChooser
from dxeditor.ui.dialogs.versions_dialog import VersionsDialog
from tests.ui.test_versions_dialog import demo_window  # noqa: F401  (fixture)


@pytest.fixture
def dialog(qtbot, demo_window) -> VersionsDialog:  # noqa: F811
    demo_window.versions_action.trigger()
    return demo_window.findChild(VersionsDialog, "versionsDialog")


@pytest.fixture
def view(qtbot, dialog) -> CompareView:
    v = dialog.compare("Ver.1.0", "Ver.1.1")
    assert isinstance(v, CompareView)
    qtbot.waitExposed(v)
    yield v
    v.close()


def marked_runs(browser) -> list[str]:
    """The runs of text shown underlined and bold (the changed characters)."""
    doc = browser.document()
    runs: list[str] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if frag.isValid() and fmt.fontUnderline() and fmt.fontWeight() >= 600:
                runs.append(frag.text())
            it += 1
        block = block.next()
    return runs


def test_marked_html_escapes_and_marks() -> None:
    text = marked_html("a<b>\nc", [(1, 4)])
    assert "&lt;b&gt;" in text and "<br/>" in text and "underline" in text
    assert "（なし）" in marked_html("", [])


def test_choose_the_sides(qtbot, dialog) -> None:
    dialog.select("Ver.1.0")

    def choose() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, CompareChooser)
        assert chooser.sides() == ("Ver.1.0", "current")  # the selected version against 現在
        chooser.after.setCurrentIndex(chooser.after.findData("Ver.1.1"))
        chooser.accept()

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert len(dialog.compare_views) == 1
    view = dialog.compare_views[0]
    assert (view.cmp.before_label, view.cmp.after_label) == ("Ver.1.0", "Ver.1.1")
    assert "10 件" in view.summary.text()
    view.close()


def test_step_through_the_changes(qtbot, view, qtmodeltester) -> None:
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 10
    assert view.current_row() == 0
    assert "策定日" in view.where.text()
    assert marked_runs(view.after_view) == ["5年11"]  # 令和5年11月 against 令和4年3月
    assert marked_runs(view.before_view) == ["4年3"]
    assert not view.prev_button.isEnabled()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.table, Qt.Key.Key_F3)
    assert view.current_row() == 1
    assert "取組の方向性" in view.where.text() and "本文の変更" in view.where.text()
    assert marked_runs(view.after_view) == ["オンライン"] * 3
    assert marked_runs(view.before_view) == ["電子"] * 3
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert "公開型GIS" in view.where.text()
    qtbot.keyClick(view.table, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_row() == 1
    seen = []
    for _ in range(12):  # to the end, and it stays there
        seen.append(view.current_change().key)
        qtbot.keyClick(view.table, Qt.Key.Key_F3)
    assert view.current_row() == 9 and not view.next_button.isEnabled()
    assert len(set(seen)) == 9
    assert view.position.text() == "10 / 10"
    added = next(c for c in view.cmp.changes if c.kind == "added")
    view.go_to(view.model.shown.index(added))
    assert view.before_view.toPlainText() == "（なし）"
    assert "知識・課題の共有促進" in view.after_view.toPlainText()


def test_filter_by_kind(qtbot, view) -> None:
    counts = view.cmp.counts()
    assert view.kind_list.count() == len(KINDS)
    removed = next(view.kind_list.item(i) for i in range(view.kind_list.count())
                   if view.kind_list.item(i).data(Qt.ItemDataRole.UserRole) == "removed")
    assert not removed.flags() & Qt.ItemFlag.ItemIsEnabled  # none of that kind
    view.go_to(1)
    keep = view.current_change()
    renumbered = next(i for i in range(view.kind_list.count())
                      if view.kind_list.item(i).data(Qt.ItemDataRole.UserRole) == "renumbered")
    view.kind_list.setFocus()
    view.kind_list.setCurrentRow(renumbered)
    qtbot.keyClick(view.kind_list, Qt.Key.Key_Space)  # the keyboard toggles a kind
    assert view.model.rowCount() == 10 - counts["renumbered"]
    assert all(c.kind != "renumbered" for c in view.model.shown)
    assert view.current_change() is keep  # still shown
    for kind in KINDS:
        if kind != "schedule":
            view.set_kind_checked(kind, False)
    assert [c.kind for c in view.model.shown] == ["schedule", "schedule"]
    assert view.current_change().kind == "schedule"
    view.set_kind_checked("schedule", False)
    assert view.model.rowCount() == 0 and view.current_change() is None
    assert "ありません" in view.where.text()
    assert not view.note_edit.isEnabled()
    qtbot.mouseClick(view.all_kinds_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 10


def test_notes_go_into_the_printed_table(qtbot, view, dialog, monkeypatch, tmp_path: Path) -> None:
    view.go_to(1)
    view.note_edit.setFocus()
    view.note_edit.insertPlainText("国の方針に合わせた")  # keyClicks cannot type Japanese
    key = view.current_change().key
    assert view.notes[key] == "国の方針に合わせた"
    assert view.model.index(1, 3).data() == "国の方針に合わせた"
    view.go_to(2)
    assert view.note_edit.toPlainText() == ""
    view.go_to(1)
    assert view.note_edit.toPlainText() == "国の方針に合わせた"
    # the notes are kept in the plan (one undoable change): the same comparison opened again shows them
    from dxeditor.formats.json import io as json_io
    from dxeditor.plan import versions

    conn = dialog.controller.doc.session.connection()
    assert versions.load_notes(conn, "Ver.1.0", "Ver.1.1") == {key: "国の方針に合わせた"}
    assert json_io.export_data(conn)["compare_notes"][0]["text"] == "国の方針に合わせた"  # and travel in the JSON
    again = dialog.compare("Ver.1.0", "Ver.1.1")
    assert again.notes[key] == "国の方針に合わせた"
    again.close()

    target = tmp_path / "対照表"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(view.exported) as blocker:
        qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    pdf = Path(blocker.args[0])
    assert pdf == tmp_path / "対照表.pdf" and pdf.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        flat = "".join(text.split())
        assert "新旧対照表" in flat
        assert "改定後:Ver.1.1" in flat and "改定前:Ver.1.0" in flat
        assert "国の方針に合わせた" in flat
        assert "知識・課題の共有促進" in flat

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "対照表.xlsx"), "")))
    with qtbot.waitSignal(view.exported):
        qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    wb = load_workbook(tmp_path / "対照表.xlsx")
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any("国の方針に合わせた" in c for c in cells)
    dialog.controller.undo_stack.undo()  # the note was one undoable change
    assert versions.load_notes(dialog.controller.doc.session.connection(), "Ver.1.0", "Ver.1.1") == {}


def test_a_plan_without_changes(qtbot, dialog, demo_window) -> None:  # noqa: F811
    from dxeditor.ui.dialogs.version_forms import CURRENT

    view = dialog.compare("Ver.1.1", CURRENT)  # the demo's current plan is Ver.1.1
    assert view.model.rowCount() == 0
    assert "違いはありません" in view.summary.text()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_change() is None
    view.close()


def test_model_without_filter(qtmodeltester, view) -> None:
    model = ChangeListModel(view.cmp, {})
    qtmodeltester.check(model)
    model.set_kinds({"added"})
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_screenshot(qtbot, view, tmp_path: Path) -> None:
    view.go_to(1)
    out = tmp_path / "compare_view.png"
    assert view.grab().save(str(out))
    assert out.stat().st_size > 1000
    cursor = QTextCursor(view.after_view.document())
    assert cursor.document().toPlainText().startswith("自治体情報システムの標準化")


def test_compare_with_another_plan_file(qtbot, dialog, demo_file, monkeypatch, tmp_path) -> None:
    old = tmp_path / "旧計画.dxplan"
    dialog.select("Ver.1.0")
    dialog.restore(old, offer_open=False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(old), "")))

    def choose() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, CompareChooser)
        at = chooser.before.findData("file")
        chooser.before.setCurrentIndex(at)
        chooser.before.activated.emit(at)  # as when picked from the list: asks for the file
        assert chooser.sides() == (str(old), "current")
        assert chooser.before.currentText() == "旧計画.dxplan"
        chooser.accept()

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    view = dialog.compare_views[-1]
    assert view.cmp.before_label == "旧計画"
    assert view.model.rowCount() == 10  # the file holds Ver.1.0, the plan is Ver.1.1
    view.close()


def test_show_a_change_in_the_plan(qtbot, view, demo_window, messages) -> None:  # noqa: F811
    assert view.locate_button.isVisible()
    view.go_to(1)  # (1) ＞ 取組の方向性
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    kind, item_id = demo_window.outline_view.current_item()
    title = demo_window.controller.doc.session.connection().exec_driver_sql(
        "select title from initiatives where id = ?", (item_id,)).scalar()
    assert (kind, title) == ("initiative", "手続等のオンライン化・窓口改革")
    view.go_to(3)  # a bar of (5) ＞ 情報システムの標準化・共通化
    qtbot.mouseClick(view.locate_button, Qt.MouseButton.LeftButton)
    kind, item_id = demo_window.outline_view.current_item()
    title = demo_window.controller.doc.session.connection().exec_driver_sql(
        "select title from schedule_rows where id = ?", (item_id,)).scalar()
    assert (kind, title) == ("row", "情報システムの標準化・共通化")
    view.go_to(9)  # 部署: not an outline item
    assert not view.show_in_plan()
    assert any("一覧にありません" in t for t in messages.texts("information"))
