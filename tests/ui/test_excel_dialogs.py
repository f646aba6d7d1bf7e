"""The Excel dialogs driven as a person would: options, save, preview with corrected column roles."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QMessageBox, QWidget

from dxeditor.formats.json.io import import_data
from dxeditor.formats.xlsx.read.workbook import WorkbookReader
from dxeditor.ui.dialogs import excel_dialogs as xd
from dxeditor.ui.undo import DocumentController
from tests.formats.test_xlsx_import import seed002_workbook
from tests.formats.xlsx_samples import sample_plan


@pytest.fixture
def controller(qtbot):
    doc = import_data(sample_plan())
    ctl = DocumentController(doc)
    yield ctl
    doc.close(keep_working_copy=False)


def test_export_dialog_options_and_export(qtbot, controller, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    dlg = xd.ExcelExportDialog(controller.doc, window)
    assert dlg.year_style.currentData() == "short"
    for key in ("kpis", "departments", "glossary"):
        dlg.sheet_checks[key].click()
    dlg.paper.setCurrentIndex(dlg.paper.findData("A4"))
    dlg.unit.setCurrentIndex(dlg.unit.findData("quarter"))
    dlg.year_style.setCurrentIndex(dlg.year_style.findData("seireki"))
    dlg.dept_current.click()
    assert dlg.dept_year.isEnabled()
    dlg.dept_year.setCurrentIndex(dlg.dept_year.findData(2023))
    opts = dlg.options()
    assert (opts.sheets, opts.paper, opts.unit, opts.year_style, opts.dept_year) == (
        ("schedule", "initiatives"), "A4", "quarter", "seireki", 2023)
    out = xd.export_excel(window, controller, tmp_path / "plan", dialog=dlg)
    assert out == tmp_path / "plan.xlsx"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["工程表", "取組一覧", "_dxeditor"]
    assert wb["工程表"].page_setup.paperSize == 9
    wb.close()
    for check in dlg.sheet_checks.values():
        check.setChecked(False)
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_preview_shows_recognition_and_role_correction(qtbot, tmp_path: Path) -> None:
    src = seed002_workbook(tmp_path / "seed002.xlsx")
    reader = WorkbookReader(src)
    try:
        dlg = xd.ImportPreviewDialog(reader)
        qtbot.addWidget(dlg)
        assert not dlg.use_embedded.isVisible()
        assert "行 10" in dlg.report.toPlainText() and "見出し行: 3行目、4行目" in dlg.report.toPlainText()
        cols = [dlg.columns.item(i, 0).text() for i in range(dlg.columns.rowCount())]
        assert cols == ["A", "B", "C", "I"]
        combo = dlg.columns.cellWidget(2, 2)
        assert isinstance(combo, QComboBox) and combo.currentData() == "subtitle"
        combo.setCurrentIndex(combo.findData("ignore"))
        assert "行 7" in dlg.report.toPlainText()
        assert dlg.roles()[3] == "ignore"
        assert dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        data = dlg.outcome.data
    finally:
        reader.close()
    host = QWidget()
    qtbot.addWidget(host)
    doc = xd._adopt(host, data, str(src), install=True)
    assert doc is not None
    try:
        assert doc.plan.period_start_fy == 2021
    finally:
        doc.close(keep_working_copy=False)


def test_import_excel_own_workbook_and_bad_file(qtbot, controller, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(xd.ImportPreviewDialog, "exec", lambda self: 1)

    class Window(QWidget):
        installed = None

        def confirm_close(self) -> bool:
            return True

        def set_document(self, doc) -> None:
            self.installed = doc

    window = Window()
    qtbot.addWidget(window)
    out = xd.export_excel(window, controller, tmp_path / "own.xlsx", dialog=xd.ExcelExportDialog(controller.doc, window))
    doc = xd.import_excel(window, out)
    assert doc is not None and window.installed is doc
    try:
        assert doc.plan.uid == controller.doc.plan.uid
    finally:
        doc.close(keep_working_copy=False)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert xd.import_excel(window, bad) is None
    assert "パスワード付きのブックは読めません" in shown[-1]


def test_preview_of_own_workbook_can_switch_to_recognition(qtbot, controller, tmp_path: Path) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    out = xd.export_excel(host, controller, tmp_path / "own.xlsx", dialog=xd.ExcelExportDialog(controller.doc, host))
    reader = WorkbookReader(out)
    try:
        dlg = xd.ImportPreviewDialog(reader, host)
        assert dlg.use_embedded.isChecked() and dlg.outcome is not None and dlg.outcome.kind == "embedded"
        assert "埋め込み" in dlg.report.toPlainText() and dlg.columns.rowCount() == 0
        dlg.use_embedded.click()
        assert dlg.outcome is not None and dlg.outcome.kind == "recognised"
        assert [dlg.columns.item(i, 0).text() for i in range(dlg.columns.rowCount())] == ["A", "B", "C", "D", "K"]
        assert "見出し行" in dlg.report.toPlainText()
    finally:
        reader.close()


def test_preview_shows_fills_and_renames_their_phases(qtbot, tmp_path: Path) -> None:
    """The fills of the bars are listed with the phase each becomes; a new name reaches the plan data."""
    src = seed002_workbook(tmp_path / "seed002.xlsx")
    reader = WorkbookReader(src)
    try:
        dlg = xd.ImportPreviewDialog(reader)
        qtbot.addWidget(dlg)
        colors = [dlg.fills.item(i, 2).data(256) for i in range(dlg.fills.rowCount())]
        assert colors == ["#bdd7ee", "#c6e0b4", ""]
        assert [dlg.fills.item(i, 1).text() for i in range(3)] == ["6", "15", "1"]
        dlg.fills.item(0, 2).setText("検討・準備")
        phases = {p["name"]: p["key"] for p in dlg.outcome.data["phases"]}
        assert "検討・準備" in phases
        bars = [b for it in dlg.outcome.data["initiatives"] for r in it["schedule_rows"] for b in r["bars"]]
        blue = [b["label"] for b in bars if b["phase"] == phases["検討・準備"]]
        assert "標準仕様書と\n既存システム（運用）との比較" in blue
        assert "検討・準備" in dlg.report.toPlainText()
    finally:
        reader.close()
