"""The audit log viewer, driven as a person would."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxeditor.formats.json import io as json_io
from dxeditor.ui.dialogs.audit_dialog import AuditDialog
from dxeditor.ui.undo import DocumentController
from tests.formats.test_json_io import RICH


@pytest.fixture
def controller(qtbot, monkeypatch):
    doc = json_io.import_data(copy.deepcopy(RICH))
    c = DocumentController(doc)
    monkeypatch.setenv("DXEDITOR_USER", "yamada")
    c.execute("表題の変更", lambda rec: rec.update("plan", 1, title="新しい表題"))
    c.execute("工程名の変更", lambda rec: rec.update("bars", 1, label="=危険な式"))
    monkeypatch.setenv("DXEDITOR_USER", "suzuki")
    c.execute("成果目標の変更", lambda rec: rec.update("kpis", 3, target_value=30.0))
    c.undo_stack.undo()
    yield c
    doc.close()


def test_filters(qtbot, controller, qtmodeltester) -> None:
    dlg = AuditDialog(controller)
    qtbot.addWidget(dlg)
    qtmodeltester.check(dlg.model)
    assert dlg.model.rowCount() == 4
    assert dlg.model.index(0, 3).data() == "元に戻す: 成果目標の変更"  # newest first
    dlg.user.setCurrentIndex(dlg.user.findData("yamada"))
    assert {e.action for e in dlg.model.entries} == {"表題の変更", "工程名の変更"}
    dlg.user.setCurrentIndex(0)
    dlg.initiative.setCurrentIndex(dlg.initiative.findData(5))
    assert {e.action for e in dlg.model.entries} == {"工程名の変更", "成果目標の変更", "元に戻す: 成果目標の変更"}
    dlg.initiative.setCurrentIndex(0)
    dlg.dept.setCurrentIndex(dlg.dept.findData(11))  # デジタル推進室 leads initiative 5
    assert len(dlg.model.entries) == 3
    dlg.dept.setCurrentIndex(0)
    dlg.text.insert("危険")  # QTest.keyClicks aborts on non-ASCII text
    assert [e.action for e in dlg.model.entries] == ["工程名の変更"]
    dlg.text.clear()
    dlg.use_dates.setChecked(True)
    dlg.date_from.setDate(dlg.date_from.date().addDays(40))
    assert dlg.model.rowCount() == 0
    dlg.use_dates.setChecked(False)
    assert dlg.model.rowCount() == 4


def test_export_to_workbook(qtbot, controller, tmp_path: Path) -> None:
    dlg = AuditDialog(controller)
    qtbot.addWidget(dlg)
    out = dlg.export_to(tmp_path / "履歴.xlsx")
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]][:4] == ["日時", "利用者", "PC", "操作"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(values) == 4
    assert any("=危険な式" in (v[7] or "") for v in values)  # stays text, never a formula
    assert ws.cell(2, 2).data_type == "s"
