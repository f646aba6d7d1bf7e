"""Walking the outline with the arrow keys keeps the current line in view (lines of several heights)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.mark.parametrize("height", [560, 640, 760])
def test_down_and_up_keep_the_current_line_in_view(qtbot, window, messages, height):
    window.resize(1300, height)
    window.new_plan("demo")  # lines of one, two and four lanes
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.outline_view
    view.setFocus()
    view.select_item("section", 1)
    area = view.viewport().rect()
    out_of_view = []
    for key in [Qt.Key.Key_Down] * 40 + [Qt.Key.Key_Up] * 40:
        qtbot.keyClick(view, key)
        rect = view.visualRect(view.currentIndex())
        if not area.contains(rect):
            out_of_view.append((view.current_item(), rect.top(), area.height()))
    assert out_of_view == []
    # the schedule follows: it paints the current line too
    canvas = window.schedule_view.canvas
    canvas.viewport().repaint()
    assert view.current_item() in {(x.kind, x.id) for x in canvas.painted_lines}
