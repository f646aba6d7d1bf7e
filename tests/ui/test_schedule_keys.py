"""Keyboard edits, the in-place label editor and the context menu of the schedule view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from dxeditor.core.errors import ValidationError
from dxeditor.ui.schedule.layout import UNIT_MONTHS, Zoom
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
    ym,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FY23 = 2023 * 12
ORIGINAL = [(FY23, FY23 + 11, 0, "検討する")]


@pytest.fixture
def doc():
    d = make_doc(plan(basic_rows()))
    yield d
    d.close(keep_working_copy=False)


def select_bar(qtbot, view, row_id=1, month=FY23 + 6):
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point(view, row_id, month))


@pytest.mark.parametrize("zoom", list(Zoom))
def test_arrow_keys_move_and_shift_arrows_resize_by_one_unit(qtbot, doc, zoom):
    view, controller, _ = make_view(qtbot, doc)
    view.zoom = zoom
    view.canvas.scroll_to_month(FY23, 0)
    unit = UNIT_MONTHS[zoom]
    select_bar(qtbot, view, month=FY23 + 0.5 + min(unit, 6) / 2)
    assert set(view.canvas.selected_bars) == {1}
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert bars_of(doc, 1) == [(FY23 + unit, FY23 + 11 + unit, 0, "検討する")]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert bars_of(doc, 1) == [(FY23 - unit, FY23 + 11 - unit, 0, "検討する")]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert bars_of(doc, 1) == [(FY23 - unit, FY23 + 11, 0, "検討する")]
    assert controller.undo_stack.count() == 4
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == [(FY23 - unit, FY23 + 11 - unit, 0, "検討する")]
    for _ in range(3):
        controller.undo_stack.undo()
    assert bars_of(doc, 1) == ORIGINAL
    for _ in range(4):
        controller.undo_stack.redo()
    assert bars_of(doc, 1) == [(FY23 - unit, FY23 + 11, 0, "検討する")]


def test_alt_arrows_change_lane_and_delete_deletes(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    select_bar(qtbot, view)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 1, "検討する")]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert bars_of(doc, 1) == ORIGINAL
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert bars_of(doc, 1) == []
    assert view.canvas.selected_bars == {}
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == ORIGINAL
    controller.undo_stack.redo()
    assert bars_of(doc, 1) == []


def test_alt_right_moves_by_one_month(qtbot, doc):
    view, _, _ = make_view(qtbot, doc)
    select_bar(qtbot, view)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert bars_of(doc, 1) == [(FY23 + 1, FY23 + 12, 0, "検討する")]


def test_f2_edits_label_in_place_enter_commits(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    select_bar(qtbot, view)
    qtbot.keyClick(view.canvas, Qt.Key.Key_F2)
    ed = view.canvas.editor
    assert ed is not None and ed.text() == "検討する"
    ed.selectAll()
    type_text(ed, "𠮷髙の検討")
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "𠮷髙の検討")]
    assert view.canvas.editor is None
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == ORIGINAL
    controller.undo_stack.redo()
    assert bars_of(doc, 1)[0][3] == "𠮷髙の検討"


def test_f2_then_escape_changes_nothing(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    select_bar(qtbot, view)
    qtbot.keyClick(view.canvas, Qt.Key.Key_F2)
    ed = view.canvas.editor
    assert ed is not None
    type_text(ed, "変更")
    qtbot.keyClick(ed, Qt.Key.Key_Escape)
    assert view.canvas.editor is None
    assert bars_of(doc, 1) == ORIGINAL and controller.undo_stack.count() == 0


def test_context_menu_phase_continues_lane_milestone_delete(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    c = view.canvas
    hit = c.hit(point(view, 1, FY23 + 6).toPointF())
    assert hit is not None and hit.bar is not None
    menu = build_menu(c, hit)
    phases = {a.text(): a for a in menu.actions()[0].menu().actions()}
    assert list(phases) == ["検討", "準備・構築", "実施", "継続", "その他"]
    assert phases["検討"].isChecked()
    phases["準備・構築"].trigger()
    assert bar_row(doc, 1)["phase"] == "build"
    menu = build_menu(c, c.hit(point(view, 1, FY23 + 6).toPointF()))
    acts = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert not acts["lane_up"].isEnabled()
    acts["continues"].trigger()
    assert bar_row(doc, 1)["continues"] is True
    acts["lane_down"].trigger()
    assert bar_row(doc, 1)["lane"] == 1
    assert controller.undo_stack.count() == 3
    # add a milestone in an empty cell (its label editor opens), then delete the bar
    menu = build_menu(c, c.hit(point(view, 2, ym(2024, 7) + 0.5).toPointF()))
    acts = {a.objectName(): a for a in menu.actions() if a.objectName()}
    acts["add_milestone"].trigger()
    ms = view.data.row_items(2).milestones
    assert [(x.month, x.label) for x in ms] == [(ym(2024, 7), "運用開始")]
    assert c.editor is not None
    c.editor.clear()
    type_text(c.editor, "移行")
    qtbot.keyClick(c.editor, Qt.Key.Key_Return)
    assert view.data.row_items(2).milestones[0].label == "移行"
    c.scroll_to_month(FY23, 0)
    menu = build_menu(c, c.hit(point(view, 1, FY23 + 6, lane=1).toPointF()))
    acts = {a.objectName(): a for a in menu.actions() if a.objectName()}
    acts["delete"].trigger()
    assert bars_of(doc, 1) == []
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 1, "検討する")]


def test_context_menu_add_bar_in_empty_cell(qtbot, doc):
    view, _, _ = make_view(qtbot, doc)
    view.zoom = "quarter"
    view.canvas.scroll_to_month(FY23, 0)
    c = view.canvas
    menu = build_menu(c, c.hit(point(view, 2, FY23 + 4).toPointF()))
    {a.objectName(): a for a in menu.actions()}["add_bar"].trigger()
    assert bars_of(doc, 2) == [(FY23 + 3, FY23 + 5, 0, "")]
    c.close_editor()
    menu = build_menu(c, c.hit(point(view, 2, FY23 + 7).toPointF()))
    {a.objectName(): a for a in menu.actions()}["add_bar_new_lane"].trigger()
    assert bars_of(doc, 2) == [(FY23 + 3, FY23 + 5, 0, ""), (FY23 + 6, FY23 + 8, 1, "")]
    assert c.lines.find("row", 2).lanes == 2  # the outline grew the row to two lanes
    c.close_editor()


def test_context_menu_nothing_outside_rows(qtbot, doc):
    view, _, _ = make_view(qtbot, doc)
    c = view.canvas
    line = c.lines.find("section", 1)
    assert line is not None
    assert build_menu(c, c.hit(QPointF(50, line.y + 5))) is None


def test_validation_error_is_shown_in_a_message_box(qtbot, doc, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    view, controller, _ = make_view(qtbot, doc)

    def bad(rec):
        raise ValidationError("終わりが始まりより前です", "end before start")

    assert view.run("x", bad) is None
    assert shown == ["終わりが始まりより前です"]
    assert controller.undo_stack.count() == 0


def test_milestone_keyboard_nudge_and_delete(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    view.zoom = "month"
    view.canvas.scroll_to_month(ym(2025, 8), 0)
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point(view, 3, ym(2025, 10) + 0.5))
    assert set(view.canvas.selected_milestones) == {1}
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.data.row_items(3).milestones[0].month == ym(2025, 11)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert view.data.row_items(3).milestones == []
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert view.data.row_items(3).milestones[0].month == ym(2025, 10)
