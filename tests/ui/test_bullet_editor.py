"""The bullet editor draws exactly the levels it stores, and Tab moves on as in a form (issue 15, items 2 and 7)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from dxeditor.ui.bullet_editor import BulletEditor

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def drawn_x(editor: BulletEditor) -> list[int]:
    """The x where each bullet's text is drawn (cursor at the block's start)."""
    out = []
    block = editor.document().begin()
    while block.isValid():
        out.append(editor.cursorRect(QTextCursor(block)).x())
        block = block.next()
    return out


def make(qtbot) -> tuple[QWidget, QLineEdit, BulletEditor, QLineEdit]:
    host = QWidget()
    lay = QVBoxLayout(host)
    before, editor, after = QLineEdit(host), BulletEditor(host), QLineEdit(host)
    for w in (before, editor, after):
        lay.addWidget(w)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    editor.set_items([])
    editor.setFocus()
    return host, before, editor, after


def test_drawn_indentation_is_the_stored_level(qtbot, tmp_path):
    host, _before, editor, _after = make(qtbot)
    qtbot.keyClicks(editor, "AAA")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "BBB")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Right, ALT_SHIFT)
    qtbot.keyClicks(editor, "CCC")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Left, ALT_SHIFT)
    qtbot.keyClicks(editor, "DDD")
    assert editor.items() == [(0, "AAA", True), (0, "BBB", True), (1, "CCC", True), (0, "DDD", True)]
    xs = drawn_x(editor)
    assert xs[0] == xs[1] == xs[3], xs  # same level, same x: nothing accumulates
    assert xs[2] > xs[0], xs
    # Every block's own indent stays 0: the list's level alone decides the position
    block = editor.document().begin()
    while block.isValid():
        assert block.blockFormat().indent() == 0
        block = block.next()
    host.grab().save(str(tmp_path / "bullets.png"))


def test_levels_reloaded_are_drawn_the_same(qtbot):
    _host, _b, editor, _a = make(qtbot)
    editor.set_items([(0, "a", True), (2, "b", True), (1, "c", True), (0, "d", True)])
    xs = drawn_x(editor)
    assert xs[0] == xs[3] < xs[2] < xs[1]
    step = xs[2] - xs[0]
    assert xs[1] - xs[0] == 2 * step


def test_tab_moves_to_the_next_field_and_back(qtbot):
    host, before, editor, after = make(qtbot)
    qtbot.keyClicks(editor, "AAA")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert host.focusWidget() is after
    assert editor.items() == [(0, "AAA", True)]  # no nesting, no tab character
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert host.focusWidget() is before


def test_ctrl_brackets_and_context_menu_nest(qtbot):
    _host, _b, editor, _a = make(qtbot)
    qtbot.keyClicks(editor, "x")
    qtbot.keyClick(editor, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert editor.items() == [(1, "x", True)]
    qtbot.keyClick(editor, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert editor.items() == [(0, "x", True)]
    menu = editor.context_menu(QPoint(5, 5))
    act = next(a for a in menu.actions() if a.objectName() == "indent")
    assert act.text().startswith("一段下げる") and "Alt+Shift" in act.text()
    act.trigger()
    assert editor.items() == [(1, "x", True)]
    assert not next(a for a in menu.actions() if a.objectName() == "outdent").isEnabled()
    menu = editor.context_menu(QPoint(5, 5))
    up = next(a for a in menu.actions() if a.objectName() == "outdent")
    up.trigger()
    assert editor.items() == [(0, "x", True)]
