"""Scrolled to the end, the plan's last line shows in the schedule too, not under its legend and scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def bottom_in_window(w, widget) -> int:
    return widget.mapTo(w, QPoint(0, widget.height())).y()


@pytest.mark.parametrize("legend", [True, False])
def test_last_line_is_drawable_when_scrolled_to_the_end(qtbot, window, messages, legend):
    window.resize(1300, 620)
    window.new_plan("demo")
    view = window.schedule_view
    view.legend_action.setChecked(legend)
    settle()
    tree, canvas = window.outline_view, view.canvas
    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum())
    settle()
    last = window.model.all_nodes()[-1].key()
    line = canvas.lines.find(*last)
    assert line is not None
    assert line.y + line.height <= canvas.viewport().height(), "the last line is hidden in the schedule"
    # and the outline shows no line that the schedule cannot: their visible bottoms meet
    assert bottom_in_window(window, tree.viewport()) <= bottom_in_window(window, canvas.viewport())
    canvas.viewport().repaint()
    painted = {(x.kind, x.id) for x in canvas.painted_lines}
    assert last in painted
