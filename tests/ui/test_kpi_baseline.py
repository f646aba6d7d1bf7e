"""The KPI table shows the plan's baseline number (現状値) and edits it like the target (real key events)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dxeditor.plan.ops import initiatives as svc
from tests.ui.test_initiative_form import conn, show_initiative


def column(table, header: str) -> int:
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == header)


def edit_cell(qtbot, table, row: int, col: int, text: str) -> None:
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_baseline_number_held_by_the_plan_is_shown_and_edited(qtbot, window, messages):
    window.controller.execute("x", lambda rec: svc.update_child(
        rec, "kpi", svc.children(rec.conn, "kpi", 1)[0]["id"], baseline_value="12", baseline_text="12手続（令和5年度）"))
    form = show_initiative(qtbot, window)
    table = form.kpis.table
    value, text = column(table, "現状値"), column(table, "現状（文字）")
    assert table.item(0, value).text() == "12"
    assert table.item(0, text).text() == "12手続（令和5年度）"
    assert table.item(0, column(table, "目標値")).text() == "27"
    edit_cell(qtbot, table, 0, value, "15")
    qtbot.waitUntil(lambda: svc.children(conn(window), "kpi", 1)[0]["baseline_value"] == 15.0)
    assert window.undo_action.text() == "元に戻す(&U) 成果目標の変更"
    edit_cell(qtbot, table, 0, value, "many")
    qtbot.waitUntil(lambda: bool(messages.texts("warning")))
    assert "数値ではありません" in messages.texts("warning")[0]
    assert table.item(0, value).text() == "15"
    window.undo_action.trigger()
    assert table.item(0, value).text() == "12"
    assert svc.children(conn(window), "kpi", 1)[0]["baseline_value"] == 12.0
