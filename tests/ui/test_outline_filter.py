"""The find filter after edits: lines re-filtered where the edit changed them show what a fresh pass shows."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from dxeditor.plan.ops import outline as ops
from dxeditor.ui.outline_view import OutlineView


def same_as_a_fresh_pass(window, what: str) -> None:
    QApplication.processEvents()
    fresh = OutlineView(window.model)
    fresh.apply_filter(window.find_bar.matches())
    try:
        assert window.outline_view.visible_items() == fresh.visible_items(), what
    finally:
        fresh.setModel(None)
        fresh.deleteLater()


def test_edits_inside_initiatives_refilter_like_a_fresh_pass(qtbot, window):
    ctl = window.controller
    window.find_bar.open_bar()
    window.find_bar.text_edit.setText("キャッシュ")
    window.find_bar.apply()
    shown = window.outline_view.visible_items()
    assert ("row", 2) in shown and ("row", 1) not in shown and ("initiative", 3) not in shown
    same_as_a_fresh_pass(window, "start")
    steps = [
        ("rename a row to match", lambda rec: ops.rename(rec, "row", 3, "キャッシュ窓口")),
        ("rename it back", lambda rec: ops.rename(rec, "row", 3, "コンビニ交付")),
        ("a match in a hidden initiative", lambda rec: ops.add_row(rec, 3, None, "キャッシュ払い", 0)),
        ("a sub-row under a match", lambda rec: ops.add_row(rec, 1, 2, "下の行")),
        ("a line that does not match", lambda rec: ops.add_row(rec, 1, None, "別の行", 0)),
        ("move the match up", lambda rec: ops.move(rec, "row", 2, -1)),
        ("indent the match", lambda rec: ops.indent(rec, "row", 2)),
        ("outdent it", lambda rec: ops.outdent(rec, "row", 2)),
        ("the only match of initiative 1 goes", lambda rec: ops.delete_items(rec, [("row", 2)])),
    ]
    for what, fn in steps:
        ctl.execute(what, fn)
        same_as_a_fresh_pass(window, what)
    assert ("initiative", 1) not in window.outline_view.visible_items()  # nothing of it matches now
    assert ("initiative", 3) in window.outline_view.visible_items()
    step = 0
    while ctl.undo_stack.canUndo():
        ctl.undo_stack.undo()
        step += 1
        same_as_a_fresh_pass(window, f"undo {step}")
    assert window.outline_view.visible_items() == shown
    while ctl.undo_stack.canRedo():
        ctl.undo_stack.redo()
        same_as_a_fresh_pass(window, "redo")
