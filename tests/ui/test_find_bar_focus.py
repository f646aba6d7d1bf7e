"""Esc in the find bar gives the keyboard back to where the user was (real key events)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

CTRL = Qt.KeyboardModifier.ControlModifier


def focus_outline(qtbot, window, kind: str, item_id: int) -> None:
    window.activateWindow()
    window.outline_view.setFocus()
    window.outline_view.select_item(kind, item_id)
    qtbot.waitUntil(lambda: window.outline_view.hasFocus())


def test_esc_returns_to_the_current_outline_item(qtbot, window):
    focus_outline(qtbot, window, "row", 3)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.text_edit.hasFocus()
    qtbot.keyClicks(bar.text_edit, "RPA")
    qtbot.keyClick(bar.text_edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.text_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is window.outline_view
    assert window.outline_view.current_item() == ("row", 3)
    # the keyboard works on that item at once: Down moves from it, not from somewhere else
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Down)
    assert window.outline_view.current_item() == ("initiative", 2)


def test_esc_after_picking_a_match_stays_on_the_match(qtbot, window):
    focus_outline(qtbot, window, "row", 1)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    qtbot.keyClicks(bar.text_edit, "RPA")
    qtbot.keyClick(bar.text_edit, Qt.Key.Key_Return)
    focus_outline(qtbot, window, "row", 4)  # the user goes to a match …
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F, CTRL)  # … comes back to the bar and closes it
    qtbot.keyClick(bar.text_edit, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.outline_view
    assert window.outline_view.current_item() == ("row", 4)


def test_esc_from_a_combo_returns_to_the_schedule_when_started_there(qtbot, window):
    window.activateWindow()
    canvas = window.schedule_view.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    qtbot.keyClick(canvas, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.text_edit.hasFocus()
    bar.sdg_combo.setFocus()
    qtbot.keyClick(bar.sdg_combo, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is canvas



def test_close_button_clicked_returns_to_the_outline(qtbot, window):
    focus_outline(qtbot, window, "row", 4)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    qtbot.keyClicks(bar.text_edit, "RPA")
    close = next(b for b in bar.findChildren(QToolButton) if b.text() == "✕")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and bar.text_edit.text() == ""
    assert QApplication.focusWidget() is window.outline_view
    assert window.outline_view.current_item() == ("row", 4)
