"""A keyboard-only user on the schedule: cell cursor, select, create, move, resize, label, dialog, delete.

Also the bar dialog (exact months in the plan's year style, phase, lane, label, continuation) and
the dates shown while dragging (issue 15, items 7 and 8).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dxeditor.ui.dialogs.bar_dialog import BarDialog
from dxeditor.ui.schedule.menu import build_menu
from tests.ui.test_schedule_support import (
    bar_row,
    bars_of,
    basic_rows,
    make_doc,
    make_view,
    plan,
    point,
    type_text,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FY23 = 2023 * 12


@pytest.fixture
def doc():
    d = make_doc(plan(basic_rows(), style="wareki"))
    yield d
    d.close(keep_working_copy=False)


def focus(qtbot, view):
    view.host_.activateWindow()
    view.canvas.setFocus()
    qtbot.waitUntil(view.canvas.hasFocus)
    return view.canvas


def key(qtbot, c, k, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(c, k, mods)


def test_arrows_move_a_visible_cell_cursor_instead_of_scrolling(qtbot, doc, tmp_path):
    view, _, _ = make_view(qtbot, doc)
    c = focus(qtbot, view)
    assert c.cell is not None and c.cell.kind == "row" and c.cell.id == 1
    h = c.horizontalScrollBar().value()
    before = c.grab().toImage()
    start = c.cell.month
    key(qtbot, c, Qt.Key.Key_Right)
    assert c.cell.month == start + 12 and c.horizontalScrollBar().value() == h
    key(qtbot, c, Qt.Key.Key_Down)
    assert (c.cell.id, c.cell.lane) == (2, 0)
    key(qtbot, c, Qt.Key.Key_Down)
    key(qtbot, c, Qt.Key.Key_Down)
    assert (c.cell.id, c.cell.lane) == (3, 1)  # row 3 has two lanes
    key(qtbot, c, Qt.Key.Key_Up)
    assert (c.cell.id, c.cell.lane) == (3, 0)
    key(qtbot, c, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert c.cell.month == start + 11  # Alt: one month
    after = c.grab().toImage()
    assert after != before  # the cursor is drawn
    c.grab().save(str(tmp_path / "cursor.png"))


def test_enter_on_an_empty_cell_creates_a_one_year_bar_and_edits_its_label(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    c = focus(qtbot, view)
    key(qtbot, c, Qt.Key.Key_Down)  # row 2: empty
    assert c.cell.id == 2
    while c.cell.month > FY23:
        key(qtbot, c, Qt.Key.Key_Left)
    while c.cell.month < FY23:
        key(qtbot, c, Qt.Key.Key_Right)
    key(qtbot, c, Qt.Key.Key_Return)
    assert bars_of(doc, 2) == [(FY23, FY23 + 11, 0, "")]
    assert c.editor is not None
    type_text(c.editor, "調査")
    key(qtbot, c.editor, Qt.Key.Key_Return)
    assert bars_of(doc, 2) == [(FY23, FY23 + 11, 0, "調査")]
    assert len(c.selected_bars) == 1
    # move, resize, change lane, delete: all by keys, each one undoable command
    key(qtbot, c, Qt.Key.Key_Right)
    assert bars_of(doc, 2) == [(FY23 + 12, FY23 + 23, 0, "調査")]
    assert c.cell.month == FY23 + 12  # the cursor follows the bar
    key(qtbot, c, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert bars_of(doc, 2) == [(FY23 + 12, FY23 + 35, 0, "調査")]
    key(qtbot, c, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert bars_of(doc, 2) == [(FY23 + 12, FY23 + 35, 1, "調査")]
    key(qtbot, c, Qt.Key.Key_Delete)
    assert bars_of(doc, 2) == []
    controller.undo_stack.undo()
    assert bars_of(doc, 2) == [(FY23 + 12, FY23 + 35, 1, "調査")]


def test_space_and_tab_select_bars_of_the_row_then_tab_leaves(qtbot, doc):
    view, _, _tree = make_view(qtbot, doc)
    c = focus(qtbot, view)
    key(qtbot, c, Qt.Key.Key_Down)
    key(qtbot, c, Qt.Key.Key_Down)  # row 3: bars 2 (lane 0), 3 (lane 1), milestone 1 (lane 0)
    assert c.cell.id == 3
    key(qtbot, c, Qt.Key.Key_Tab)
    assert set(c.selected_bars) == {2}
    key(qtbot, c, Qt.Key.Key_Tab)
    assert set(c.selected_milestones) == {1}
    key(qtbot, c, Qt.Key.Key_Tab)
    assert set(c.selected_bars) == {3} and c.cell.lane == 1
    key(qtbot, c, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert set(c.selected_milestones) == {1}
    key(qtbot, c, Qt.Key.Key_Tab)
    key(qtbot, c, Qt.Key.Key_Tab)  # past the last item: focus moves on
    assert not c.hasFocus()
    assert not c.selected_bars
    # Space selects what is under the cursor
    c.setFocus()
    key(qtbot, c, Qt.Key.Key_Escape)
    c.cell = type(c.cell)("row", 1, 1, 0, FY23)
    key(qtbot, c, Qt.Key.Key_Space)
    assert set(c.selected_bars) == {1}
    key(qtbot, c, Qt.Key.Key_F2)
    assert c.editor is not None and c.editor.text() == "検討する"


def dialog_of(c) -> BarDialog:
    dlg = c.findChild(BarDialog)
    assert dlg is not None and dlg.isVisible()
    return dlg


def test_enter_on_a_bar_opens_the_dialog_with_exact_values_in_the_year_style(qtbot, doc, tmp_path):
    view, controller, _ = make_view(qtbot, doc)
    c = focus(qtbot, view)
    c.cell = type(c.cell)("row", 1, 1, 0, FY23)
    key(qtbot, c, Qt.Key.Key_Return)
    dlg = dialog_of(c)
    assert dlg.start.year.currentText() == "令和5年度" and dlg.start.month.currentText() == "4月"
    assert dlg.end.year.currentText() == "令和5年度" and dlg.end.month.currentText() == "3月"
    assert dlg.summary.text().startswith("令和5年4月〜令和6年3月")
    dlg.grab().save(str(tmp_path / "bar_dialog.png"))
    dlg.start.month.setCurrentIndex(dlg.start.month.findData(10))  # October
    dlg.end.year.setCurrentIndex(dlg.end.year.findData(2025))
    dlg.phase.setCurrentIndex(dlg.phase.findData("run"))
    dlg.lane.setValue(2)
    dlg.label.setPlainText("システム\n更新")
    dlg.continues.setChecked(True)
    before = controller.undo_stack.count()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    row = bar_row(doc, 1)
    assert (row["start"], row["end"], row["lane"], row["phase"], row["label"], row["continues"]) == (
        FY23 + 6, 2025 * 12 + 11, 1, "run", "システム 更新", True)
    assert controller.undo_stack.count() == before + 1
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]


def test_dialog_refuses_an_end_before_the_start_and_cancel_changes_nothing(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    c = view.canvas
    qtbot.mouseDClick(c.viewport(), Qt.MouseButton.LeftButton, pos=point(view, 1, FY23 + 6))
    dlg = dialog_of(c)
    dlg.end.year.setCurrentIndex(dlg.end.year.findData(2022))
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "終了" in dlg.error.text()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]
    assert controller.undo_stack.count() == 0


def test_context_menu_opens_the_dialog(qtbot, doc):
    view, _, _ = make_view(qtbot, doc)
    c = view.canvas
    menu = build_menu(c, c.hit(point(view, 1, FY23 + 6).toPointF()))
    act = next(a for a in menu.actions() if a.objectName() == "details")
    act.trigger()
    assert dialog_of(c).bar.id == 1


def test_dragging_shows_the_dates_being_set(qtbot, doc):
    view, _, _ = make_view(qtbot, doc)
    c = view.canvas
    vp = c.viewport()
    texts = []
    c.dragTextChanged.connect(texts.append)
    a = point(view, 1, FY23 + 6)
    b = point(view, 1, FY23 + 6 + 24)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(vp, QPoint((a.x() + b.x()) // 2, a.y()))
    qtbot.mouseMove(vp, b)
    assert c.drag_text == "令和7年4月〜令和8年3月"
    c.grab()
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)
    assert c.drag_text == "" and texts[-1] == ""
    assert "令和7年4月〜令和8年3月" in texts
    QApplication.processEvents()


def test_cursor_in_the_standalone_initiative_view(qtbot, doc):
    view, _, _ = make_view(qtbot, doc, outline=False)
    view.set_initiative(1)
    c = focus(qtbot, view)
    assert c.cell is not None and (c.cell.kind, c.cell.id) == ("row", 1)
    key(qtbot, c, Qt.Key.Key_Down)
    key(qtbot, c, Qt.Key.Key_Down)
    assert (c.cell.id, c.cell.lane) == (3, 0)
    key(qtbot, c, Qt.Key.Key_Down)
    assert (c.cell.id, c.cell.lane) == (3, 1)
    key(qtbot, c, Qt.Key.Key_Down)  # the last line: stays
    assert (c.cell.id, c.cell.lane) == (3, 1)
    key(qtbot, c, Qt.Key.Key_Up)
    key(qtbot, c, Qt.Key.Key_Up)
    assert (c.cell.id, c.cell.lane) == (2, 0)
    key(qtbot, c, Qt.Key.Key_Insert)
    assert len(bars_of(doc, 2)) == 1
