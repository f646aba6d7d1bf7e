"""A KPI's yearly actual values (実績) are shown and edited in the initiative form (issue 15, item 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from dxeditor.plan.ops import initiatives as svc
from tests.ui.test_initiative_form import conn, show_initiative
from tests.ui.test_schedule_support import type_text


def edit_cell(qtbot, table, row: int, col: int, text: str) -> None:
    """Type ``text`` into a cell as a person would: select it, F2, type, Enter."""
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert table.state() == QAbstractItemView.State.EditingState and editor is not table
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # the delegate commits queued
    QApplication.processEvents()


def test_actuals_are_shown_added_edited_deleted_and_undone(qtbot, window, messages, tmp_path):
    form = show_initiative(qtbot, window)
    window.activateWindow()
    kpis = form.kpis
    actuals = kpis.actuals
    assert actuals is not None and actuals.isVisibleTo(form)
    kpi_id = kpis.current_id()
    assert kpi_id is not None and actuals.kpi_id == kpi_id
    assert "電子申請化した手続数" in actuals.title.text()
    assert actuals.table.rowCount() == 0
    # the KPI table's context menu offers 実績を追加
    kpis.table.setCurrentCell(0, 0)
    menu = kpis.context_menu()
    add = next(a for a in menu.actions() if a.objectName() == "addActual")
    assert add.isEnabled()
    add.trigger()
    assert [a["fiscal_year"] for a in svc.actuals(conn(window), kpi_id)] == [2024]  # the plan's first year
    assert actuals.table.item(0, 0).text() == "令和6年度"
    assert actuals.table.state() == QAbstractItemView.State.EditingState  # add starts editing the value
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: actuals.table.state() != QAbstractItemView.State.EditingState)
    edit_cell(qtbot, actuals.table, 0, 1, "12")
    edit_cell(qtbot, actuals.table, 0, 2, "上半期のみ")
    actuals.add_button.click()
    edit_cell(qtbot, actuals.table, 1, 1, "２０")  # full-width digits
    got = [(a["fiscal_year"], a["value"], a["note"]) for a in svc.actuals(conn(window), kpi_id)]
    assert got == [(2024, 12.0, "上半期のみ"), (2025, 20.0, "")]
    assert [actuals.table.item(r, 1).text() for r in range(2)] == ["12", "20"]
    kpis.grab().save(str(tmp_path / "kpi_actuals.png"))
    # a wrong value is explained and nothing changes
    edit_cell(qtbot, actuals.table, 1, 1, "たくさん")
    assert any("実績値" in t for t in messages.texts())
    assert actuals.table.item(1, 1).text() == "20"
    # a year entered twice is refused
    edit_cell(qtbot, actuals.table, 1, 0, "R6")
    assert any("すでに" in t for t in messages.texts())
    # the fiscal year can be typed in any style
    edit_cell(qtbot, actuals.table, 1, 0, "2026")
    assert [a["fiscal_year"] for a in svc.actuals(conn(window), kpi_id)] == [2024, 2026]
    # delete through the table's context menu, then undo
    actuals.table.setCurrentCell(0, 0)
    rm = next(a for a in actuals.context_menu().actions() if a.objectName() == "removeActual")
    rm.trigger()
    assert [a["fiscal_year"] for a in svc.actuals(conn(window), kpi_id)] == [2026]
    assert actuals.table.rowCount() == 1
    window.undo_action.trigger()
    assert [a["fiscal_year"] for a in svc.actuals(conn(window), kpi_id)] == [2024, 2026]
    assert actuals.table.rowCount() == 2


def test_kpi_context_menu_adds_and_removes_kpis(qtbot, window):
    form = show_initiative(qtbot, window)
    kpis = form.kpis
    n = kpis.table.rowCount()
    kpis.table.setCurrentCell(0, 0)
    next(a for a in kpis.context_menu().actions() if a.objectName() == "add").trigger()
    assert kpis.table.rowCount() == n + 1
    kpis.table.setCurrentCell(n, 0)
    next(a for a in kpis.context_menu().actions() if a.objectName() == "remove").trigger()
    assert kpis.table.rowCount() == n
