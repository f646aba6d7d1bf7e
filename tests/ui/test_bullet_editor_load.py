"""A text block shown in the initiative form is read from its first line, not scrolled to its end."""

from __future__ import annotations

from dxeditor.plan.ops import initiatives as svc
from tests.ui.test_initiative_form import show_initiative

LONG = [(0, f"{n}行目：本市においても、マイナポータルのぴったりサービスから転出届・転入予約を開始した。", False)
        for n in range(1, 13)]


def test_a_long_text_block_opens_at_its_beginning(qtbot, window):
    window.controller.execute("x", lambda rec: svc.set_text_block(rec, 1, "current", LONG))
    window.outline_view.select_item("initiative", 3)
    form = show_initiative(qtbot, window, 1)
    editor = form.ui.currentEdit
    editor.ensurePolished()
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0)
    qtbot.wait(20)  # let the layout settle as it does on screen
    assert editor.verticalScrollBar().value() == 0
    assert editor.textCursor().position() == 0
    first = editor.cursorRect()
    assert first.top() >= 0  # the first line is drawn whole
    assert editor.cursorForPosition(first.center()).block().text().startswith("1行目")
