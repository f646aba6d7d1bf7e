"""Mouse drags on the schedule view: create, move, resize at every zoom; undo/redo; Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from dxeditor.ui.schedule.layout import UNIT_MONTHS, Zoom
from tests.ui.test_schedule_support import (
    bar_row,
    bars_of,
    basic_rows,
    drag,
    make_doc,
    make_view,
    plan,
    point,
    type_text,
    ym,
)

# offscreen Qt warns whenever a top-level window with a layout is shown; not our concern
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FY23 = 2023 * 12
ZOOMS = list(Zoom)


@pytest.fixture
def doc():
    d = make_doc(plan(basic_rows()))
    yield d
    d.close(keep_working_copy=False)


def setup(qtbot, doc, zoom):
    view, controller, _tree = make_view(qtbot, doc)
    view.zoom = zoom
    view.canvas.scroll_to_month(FY23, 0)
    return view, controller


# expected (start, end) of a bar created by dragging from mid-May 2023 to mid-August 2023
CREATE = {
    Zoom.YEAR: (ym(2023, 4), ym(2024, 3)),
    Zoom.HALF: (ym(2023, 4), ym(2023, 9)),
    Zoom.QUARTER: (ym(2023, 4), ym(2023, 9)),
    Zoom.MONTH: (ym(2023, 5), ym(2023, 8)),
}


@pytest.mark.parametrize("zoom", ZOOMS)
def test_drag_in_empty_row_creates_a_bar_then_edits_its_label(qtbot, doc, zoom):
    view, controller = setup(qtbot, doc, zoom)
    drag(qtbot, view, point(view, 2, ym(2023, 5) + 0.5), point(view, 2, ym(2023, 8) + 0.5))
    start, end = CREATE[zoom]
    assert bars_of(doc, 2) == [(start, end, 0, "")]
    editor = view.canvas.editor
    assert editor is not None and editor.isVisible()
    type_text(editor, "構築")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert bars_of(doc, 2) == [(start, end, 0, "構築")]
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    assert bars_of(doc, 2) == [(start, end, 0, "")]
    controller.undo_stack.undo()
    assert bars_of(doc, 2) == []
    controller.undo_stack.redo()
    controller.undo_stack.redo()
    assert bars_of(doc, 2) == [(start, end, 0, "構築")]


def test_created_bar_gets_the_run_phase(qtbot, doc):
    view, _ = setup(qtbot, doc, Zoom.YEAR)
    drag(qtbot, view, point(view, 2, ym(2024, 5)), point(view, 2, ym(2025, 5)))
    view.canvas.close_editor()
    new = max(view.canvas.selected_bars)
    row = bar_row(doc, new)
    assert row is not None and row["phase"] == "run"
    assert (row["start"], row["end"]) == (ym(2024, 4), ym(2026, 3))


@pytest.mark.parametrize("zoom", ZOOMS)
def test_drag_moves_a_bar_by_whole_units(qtbot, doc, zoom):
    view, controller = setup(qtbot, doc, zoom)
    unit = UNIT_MONTHS[zoom]
    px = view.canvas.axis.month_px
    a = point(view, 1, FY23 + 0.5 + min(unit, 6) / 2)  # inside the bar, away from its edges
    # a little more than one unit to the right (snaps to exactly one unit)
    b = QPoint(a.x() + round(unit * px * 1.2), a.y())
    drag(qtbot, view, a, b)
    assert bars_of(doc, 1) == [(FY23 + unit, FY23 + 11 + unit, 0, "検討する")]
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]
    controller.undo_stack.redo()
    assert bars_of(doc, 1) == [(FY23 + unit, FY23 + 11 + unit, 0, "検討する")]


@pytest.mark.parametrize("zoom", ZOOMS)
def test_drag_right_edge_resizes_to_the_unit(qtbot, doc, zoom):
    view, controller = setup(qtbot, doc, zoom)
    unit = UNIT_MONTHS[zoom]
    g = view.canvas.geometry_()
    edge = point(view, 1, FY23 + 12)
    a = QPoint(round(g.x(FY23 + 12)) - 2, edge.y())
    b = QPoint(round(g.x(FY23 + 12 + unit)) + 1, edge.y())
    drag(qtbot, view, a, b)
    assert bars_of(doc, 1) == [(FY23, FY23 + 11 + unit, 0, "検討する")]
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]
    controller.undo_stack.redo()
    assert bars_of(doc, 1)[0][:2] == (FY23, FY23 + 11 + unit)


@pytest.mark.parametrize("zoom", ZOOMS)
def test_drag_left_edge_resizes_to_the_unit(qtbot, doc, zoom):
    view, controller = setup(qtbot, doc, zoom)
    view.canvas.scroll_to_month(FY23 - 12, 0)
    unit = UNIT_MONTHS[zoom]
    g = view.canvas.geometry_()
    y = point(view, 1, FY23).y()
    a = QPoint(round(g.x(FY23)) + 2, y)
    b = QPoint(round(g.x(FY23 - unit)), y)
    drag(qtbot, view, a, b)
    assert bars_of(doc, 1) == [(FY23 - unit, FY23 + 11, 0, "検討する")]
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]


def test_alt_drag_resizes_with_month_precision_at_year_zoom(qtbot, doc):
    view, _ = setup(qtbot, doc, Zoom.YEAR)
    g = view.canvas.geometry_()
    y = point(view, 1, FY23).y()
    a = QPoint(round(g.x(FY23 + 12)) - 2, y)
    b = QPoint(round(g.x(FY23 + 14)) + 1, y)
    drag(qtbot, view, a, b, Qt.KeyboardModifier.AltModifier)
    assert bars_of(doc, 1) == [(FY23, FY23 + 13, 0, "検討する")]


def test_alt_drag_moves_by_months_at_year_zoom(qtbot, doc):
    view, _ = setup(qtbot, doc, Zoom.YEAR)
    px = view.canvas.axis.month_px
    a = point(view, 1, FY23 + 6)
    drag(qtbot, view, a, QPoint(a.x() + round(3 * px), a.y()), Qt.KeyboardModifier.AltModifier)
    assert bars_of(doc, 1) == [(FY23 + 3, FY23 + 14, 0, "検討する")]


def test_escape_cancels_a_drag_and_changes_nothing(qtbot, doc):
    view, controller = setup(qtbot, doc, Zoom.YEAR)
    vp = view.canvas.viewport()
    a = point(view, 1, FY23 + 6)
    b = QPoint(a.x() + 300, a.y())
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    qtbot.mouseMove(vp, QPoint(a.x() + 100, a.y()))
    qtbot.mouseMove(vp, b)
    assert view.canvas.state.preview  # the preview follows the mouse …
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]  # … the database does not
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]
    assert controller.undo_stack.count() == 0
    assert not view.canvas.state.preview


def test_escape_cancels_a_create_drag(qtbot, doc):
    view, controller = setup(qtbot, doc, Zoom.HALF)
    vp = view.canvas.viewport()
    a, b = point(view, 2, FY23 + 1), point(view, 2, FY23 + 20)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    qtbot.mouseMove(vp, b)
    assert view.canvas.state.ghost is not None
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert bars_of(doc, 2) == [] and controller.undo_stack.count() == 0


def test_click_without_moving_creates_nothing(qtbot, doc):
    view, controller = setup(qtbot, doc, Zoom.YEAR)
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point(view, 2, FY23 + 3))
    assert bars_of(doc, 2) == [] and controller.undo_stack.count() == 0


def test_ctrl_click_multi_select_and_drag_moves_all_together(qtbot, doc):
    view, controller = setup(qtbot, doc, Zoom.YEAR)
    view.canvas.scroll_to_month(FY23 - 12, 0)
    vp = view.canvas.viewport()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point(view, 1, FY23 + 6))
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, ctrl, point(view, 3, FY23 - 6))
    assert set(view.canvas.selected_bars) == {1, 2}
    px = view.canvas.axis.month_px
    a = point(view, 3, FY23 - 6)
    drag(qtbot, view, a, QPoint(a.x() + round(12 * px), a.y()))
    assert bars_of(doc, 1) == [(FY23 + 12, FY23 + 23, 0, "検討する")]
    assert bars_of(doc, 3)[0] == (FY23, FY23 + 11, 0, "一部実施")
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert bars_of(doc, 1) == [(FY23, FY23 + 11, 0, "検討する")]
    assert bars_of(doc, 3)[0] == (FY23 - 12, FY23 - 1, 0, "一部実施")


def test_drag_a_milestone(qtbot, doc):
    view, controller = setup(qtbot, doc, Zoom.QUARTER)
    view.canvas.scroll_to_month(ym(2025, 4), 0)
    ms_month = ym(2025, 10)
    a = point(view, 3, ms_month + 0.5)
    px = view.canvas.axis.month_px
    drag(qtbot, view, a, QPoint(a.x() + round(3 * px), a.y()))
    items = view.data.row_items(3)
    assert items.milestones[0].month == ms_month + 3
    controller.undo_stack.undo()
    assert view.data.row_items(3).milestones[0].month == ms_month
