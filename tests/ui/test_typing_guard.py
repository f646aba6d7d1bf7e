"""Text being typed in a cell stays when the cell's data changes underneath (a server plan's others' changes)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from sqlalchemy import text

from dxeditor.plan.changes import ChangeSet, RowChange, row_dict
from dxeditor.store import models as m
from tests.ui.test_initiative_form import conn, show_initiative


def _from_elsewhere(window, table, row_id: int, **values) -> None:
    """What a server plan's window does with someone else's change: write it into the copy, announce it."""
    t = m.Base.metadata.tables[table]
    before = row_dict(conn(window), t, row_id)
    conn(window).execute(t.update().where(t.c.id == row_id).values(**values))
    window.controller.doc.session.commit()
    window.controller.changed.emit(ChangeSet("remote", [RowChange(table, row_id, before, {**before, **values})]))


def _editor(view) -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.isAncestorOf(editor), editor
    return editor


def test_a_kpi_value_being_typed_stays_and_is_saved(qtbot, window):
    form = show_initiative(qtbot, window)
    table = form.kpis.table
    kpi = int(conn(window).execute(text("SELECT min(id) FROM kpis WHERE initiative_id = 1")).scalar_one())
    table.setCurrentCell(0, 2)
    table.editItem(table.item(0, 2))
    editor = _editor(table)
    editor.selectAll()
    qtbot.keyClicks(editor, "99")
    _from_elsewhere(window, "kpis", kpi, unit="件（変更）")  # another field of the same KPI changes meanwhile
    assert editor.text() == "99"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # the delegate commits queued
    saved = row_dict(conn(window), m.Kpi.__table__, kpi)
    assert saved["target_value"] == 99.0 and saved["unit"] == "件（変更）"


def test_an_outline_rename_being_typed_stays(qtbot, window):
    view = window.outline_view
    view.select_item("initiative", 2)
    view.edit(window.model.index_of("initiative", 2, 1))
    editor = _editor(view)
    editor.selectAll()
    qtbot.keyClicks(editor, "Renamed")
    _from_elsewhere(window, "initiatives", 2, number_label="9")
    assert editor.text() == "Renamed"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    saved = row_dict(conn(window), m.Initiative.__table__, 2)
    assert (saved["title"], saved["number_label"]) == ("Renamed", "9")
