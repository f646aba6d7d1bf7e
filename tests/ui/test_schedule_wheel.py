"""The wheel over the schedule: vertical scroll, Shift for horizontal, Ctrl zooms (issue 15, item 9)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.test_schedule_support import bar, make_doc, make_view, plan

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def wheel(view, dy: int, mods=Qt.KeyboardModifier.NoModifier, dx: int = 0) -> None:
    vp = view.canvas.viewport()
    at = QPointF(300, 60)
    ev = QWheelEvent(at, vp.mapToGlobal(at), QPoint(), QPoint(dx, dy), Qt.MouseButton.NoButton, mods,
                     Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)


@pytest.fixture
def tall():
    rows = [{"id": i, "title": f"行{i}", "bars": [bar("2023-04", "2024-03", f"b{i}")]} for i in range(1, 41)]
    d = make_doc(plan(rows))
    yield d
    d.close(keep_working_copy=False)


@pytest.mark.parametrize("outline", [True, False])
def test_wheel_scrolls_vertically_and_the_outline_follows(qtbot, tall, outline):
    view, _, tree = make_view(qtbot, tall, outline=outline, size=(900, 300))
    v = view.canvas.verticalScrollBar()
    assert v.maximum() > 0 and v.value() == 0
    h_before = view.canvas.horizontalScrollBar().value()
    wheel(view, -120)  # one notch down
    assert v.value() > 0
    assert view.canvas.horizontalScrollBar().value() == h_before
    if tree is not None:
        assert tree.verticalScrollBar().value() == v.value()
        first = view.canvas.visible_lines()[0]
        assert tree.visualRect(tree.indexAt(QPoint(5, first.y + 1))).y() == first.y
    wheel(view, 120)
    assert v.value() == 0


@pytest.mark.parametrize("outline", [True, False])
def test_shift_wheel_scrolls_horizontally(qtbot, tall, outline):
    view, _, _ = make_view(qtbot, tall, outline=outline, size=(900, 300))
    h = view.canvas.horizontalScrollBar()
    v = view.canvas.verticalScrollBar()
    h.setValue(0)
    before = h.value()
    wheel(view, -120, Qt.KeyboardModifier.ShiftModifier)
    assert h.value() > before and v.value() == 0
    wheel(view, 120, Qt.KeyboardModifier.ShiftModifier)
    assert h.value() == before
    wheel(view, 0, dx=-120)  # a horizontal wheel / touchpad swipe scrolls horizontally as well
    assert h.value() > before


def test_ctrl_wheel_still_zooms(qtbot, tall):
    view, _, _ = make_view(qtbot, tall, size=(900, 300))
    assert view.zoom == "year"
    wheel(view, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == "half"
    assert view.canvas.verticalScrollBar().value() == 0


def test_wheel_in_the_main_window_scrolls_outline_and_schedule_together(qtbot, window):
    view = window.schedule_view
    tree = window.outline_view
    from dxeditor.plan.ops import outline as ops

    window.controller.execute("rows", lambda rec: [ops.add_row(rec, 3, title=f"行{i}") for i in range(30)])
    tree.expandAll()
    window.resize(1000, 500)
    QApplication.processEvents()
    v = tree.verticalScrollBar()
    if v.maximum() == 0:
        pytest.skip("the small plan fits")
    wheel(view, -120)
    assert v.value() > 0
    assert view.canvas.verticalScrollBar().value() == v.value()
