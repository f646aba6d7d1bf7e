"""Inquiry dialogs: export for chosen departments, preview answers, accept some, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from dxeditor.exchange import inquiry
from dxeditor.store import models as m
from dxeditor.ui.dialogs.inquiry_dialogs import AnswerPreviewDialog, InquiryExportDialog
from dxeditor.ui.undo import DocumentController
from tests.ui.test_english import english  # noqa: F401  (fixture)


def test_export_dialog_writes_checked_departments(qtbot, demo_doc, tmp_path: Path) -> None:
    c = DocumentController(demo_doc)
    dlg = InquiryExportDialog(c)
    qtbot.addWidget(dlg)
    checked = dlg.chosen()
    assert checked  # departments that answer for rows are pre-checked
    for i in range(dlg.departments.count()):
        item = dlg.departments.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in ("デジタル推進室", "戸籍住民課")
                           else Qt.CheckState.Unchecked)
    dlg.folder.setText(str(tmp_path))
    dlg.accept()
    assert sorted(p.name for p in dlg.written) == sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert len(dlg.written) == 2


def test_preview_accepts_only_checked_changes_as_one_undo(qtbot, demo_doc, tmp_path: Path) -> None:
    c = DocumentController(demo_doc)
    path = inquiry.export_inquiry(demo_doc.session.connection(), 2, tmp_path / "a.xlsx", fiscal_year=2024)
    wb = load_workbook(path)
    ws = wb[inquiry.BARS_SHEET]
    ws.cell(inquiry.HEADER_ROW + 1, 5).value = "変更A"
    ws.cell(inquiry.HEADER_ROW + 2, 5).value = "変更B"
    wb.save(path)
    check = inquiry.check_answer(demo_doc.session.connection(), path)
    assert len(check.changes) == 2
    dlg = AnswerPreviewDialog(c, [check])
    qtbot.addWidget(dlg)
    item_b = dlg._items[1][0]
    item_b.setCheckState(0, Qt.CheckState.Unchecked)
    dlg.accept()
    labels = set(demo_doc.session.scalars(select(m.Bar.label)))
    assert "変更A" in labels and "変更B" not in labels
    assert c.undo_stack.count() == 1 and c.undo_stack.undoText().startswith("照会回答の取込")
    c.undo_stack.undo()
    assert "変更A" not in set(demo_doc.session.scalars(select(m.Bar.label)))


def test_preview_shows_errors_and_disables_ok(qtbot, demo_doc, tmp_path: Path) -> None:
    c = DocumentController(demo_doc)
    bad = inquiry.AnswerCheck(tmp_path / "x.xlsx", department="市民税課", errors=["別の計画の照会ブックです"])
    dlg = AnswerPreviewDialog(c, [bad])
    qtbot.addWidget(dlg)
    top = dlg.tree.topLevelItem(0)
    assert top.child(0).text(0) == "別の計画の照会ブックです"
    assert not dlg.ok_button.isEnabled()


@pytest.mark.usefixtures("english")
def test_the_undo_name_of_taken_answers_is_translated(qtbot, demo_doc, tmp_path: Path) -> None:
    c = DocumentController(demo_doc)
    path = inquiry.export_inquiry(demo_doc.session.connection(), 2, tmp_path / "a.xlsx", fiscal_year=2024)
    wb = load_workbook(path)
    wb[inquiry.BARS_SHEET].cell(inquiry.HEADER_ROW + 1, 5).value = "Changed"
    wb.save(path)
    dlg = AnswerPreviewDialog(c, [inquiry.check_answer(demo_doc.session.connection(), path)])
    qtbot.addWidget(dlg)
    dlg.accept()
    assert c.undo_stack.undoText().startswith("Answers taken in (")  # shown in Edit ▸ Undo and the history
