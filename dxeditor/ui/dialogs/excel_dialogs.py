"""File ▸ Export ▸ Excel and File ▸ Import ▸ Excel: the options dialog and the recognition preview.

The export dialog chooses sheets, year style, paper, time unit and the fiscal year whose
department names are printed, then asks where to save. The import preview shows what was
recognised in a workbook (header rows, year columns, the role of every other column) and
lets the user correct the column roles before anything is created.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import Cancelled, DxError, message_for
from dxeditor.core.fiscal import YearStyle, format_fy
from dxeditor.formats.json.io import import_data
from dxeditor.formats.xlsx.read.grid import col_name
from dxeditor.formats.xlsx.read.recognise import ROLES
from dxeditor.formats.xlsx.read.workbook import WorkbookImport, WorkbookReader
from dxeditor.formats.xlsx.write.export import SHEETS, XlsxOptions, export_xlsx_from
from dxeditor.store.document import PlanDocument
from dxeditor.ui.background import run_new_document, run_on_plan, run_with_progress
from dxeditor.ui.file_names import offered_path, plan_stem

YEAR_STYLE_NAMES = {"wareki": "令和5年度", "short": "令和4年度 5年度（先頭のみ元号）", "alpha": "R5",
                    "seireki": "2023年度", "both": "令和5(2023)年度",
                    "seireki_wareki": "2023年度(令和5年度)"}
UNIT_NAMES = {"year": "年度", "half": "半期", "quarter": "四半期", "month": "月"}


class ExcelExportDialog(QDialog):
    """Options of the Excel export (sheets, year style, paper, unit, department names' year)."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Excel に書き出し"))
        plan = doc.plan
        box = QGroupBox(self.tr("シート"))
        sheets_layout = QVBoxLayout(box)
        self.sheet_checks: dict[str, QCheckBox] = {}
        for key, name in SHEETS.items():
            check = QCheckBox(self.tr(name))
            check.setChecked(True)
            check.toggled.connect(self._update)
            sheets_layout.addWidget(check)
            self.sheet_checks[key] = check
        form = QFormLayout()
        self.year_style = QComboBox()
        for style in YearStyle:
            self.year_style.addItem(self.tr(YEAR_STYLE_NAMES[style.value]), style.value)
        self.year_style.setCurrentIndex(max(0, self.year_style.findData(plan.year_style or "short")))
        form.addRow(self.tr("年度の表記"), self.year_style)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A3 横"), "A3")
        self.paper.addItem(self.tr("A4 横"), "A4")
        form.addRow(self.tr("用紙"), self.paper)
        self.unit = QComboBox()
        for key, name in UNIT_NAMES.items():
            self.unit.addItem(self.tr(name), key)
        form.addRow(self.tr("時間の単位"), self.unit)
        row = QHBoxLayout()
        self.dept_current = QCheckBox(self.tr("現在の名称"))
        self.dept_current.setChecked(True)
        self.dept_year = QComboBox()
        for fy in range(plan.period_start_fy, plan.period_end_fy + 1):
            self.dept_year.addItem(format_fy(fy, plan.year_style or "wareki"), fy)
        self.dept_year.setEnabled(False)
        self.dept_current.toggled.connect(lambda on: self.dept_year.setEnabled(not on))
        row.addWidget(self.dept_current)
        row.addWidget(self.dept_year, 1)
        form.addRow(self.tr("部署名"), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(any(c.isChecked() for c in self.sheet_checks.values()))

    def options(self) -> XlsxOptions:
        """The chosen options."""
        return XlsxOptions(
            sheets=tuple(k for k, c in self.sheet_checks.items() if c.isChecked()),
            year_style=self.year_style.currentData(),
            paper=self.paper.currentData(),
            unit=self.unit.currentData(),
            dept_year=None if self.dept_current.isChecked() else self.dept_year.currentData(),
        )


def export_excel(window: QWidget, controller: Any, path: str | Path | None = None,
                 dialog: ExcelExportDialog | None = None) -> Path | None:
    """Ask for options and a file name, then export the open plan; returns the file written."""
    doc: PlanDocument = controller.doc
    dlg = dialog or ExcelExportDialog(doc, window)
    if dialog is None and not dlg.exec():
        return None
    opts = dlg.options()
    if path is None:
        start = offered_path(doc, plan_stem(doc, "plan") + ".xlsx")
        chosen, _ = QFileDialog.getSaveFileName(window, dlg.tr("Excel に書き出し"), start,
                                                dlg.tr("Excel ブック (*.xlsx)"))
        if not chosen:
            return None
        path = chosen
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    try:
        warnings = run_on_plan(window, controller, dlg.tr("Excel に書き出しています…"),
                               lambda conn, progress: export_xlsx_from(conn, target, opts, progress))
    except Cancelled:
        return None
    except (DxError, OSError) as exc:
        QMessageBox.critical(window, "dxeditor", message_for(exc))
        return None
    if warnings:
        QMessageBox.warning(window, "dxeditor", dlg.tr("書き出しました（注意があります）:\n") + "\n".join(warnings[:20]))
    return target


class ImportPreviewDialog(QDialog):
    """What was recognised in a workbook, with the column roles the user may correct."""

    def __init__(self, reader: WorkbookReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.setWindowTitle(self.tr("Excel から取り込み"))
        self.resize(760, 560)
        self.outcome: WorkbookImport | None = None
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.sheet = QComboBox()
        self.use_embedded = QCheckBox(self.tr("埋め込みの計画データを使う（dxeditor で書き出したブック）"))
        self.use_embedded.setVisible(reader.embedded is not None)
        self.use_embedded.setChecked(reader.embedded is not None)
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels([self.tr("列"), self.tr("見出し"), self.tr("役割")])
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.verticalHeader().setVisible(False)
        self.fills = QTableWidget(0, 3)
        self.fills.setHorizontalHeaderLabels([self.tr("塗り"), self.tr("工程の数"), self.tr("区分（名前を変えられます）")])
        self.fills.horizontalHeader().setStretchLastSection(True)
        self.fills.verticalHeader().setVisible(False)
        self.fills.itemChanged.connect(self._fill_renamed)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("取り込む"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("シート"), self.sheet)
        layout = QVBoxLayout(self)
        layout.addWidget(self.use_embedded)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("列の役割（違っていれば選び直してください）")))
        layout.addWidget(self.columns, 1)
        layout.addWidget(QLabel(self.tr("工程の塗りと区分（同じ塗りの工程は同じ区分になります）")))
        layout.addWidget(self.fills, 1)
        layout.addWidget(QLabel(self.tr("認識結果")))
        layout.addWidget(self.report, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._busy = True
        try:
            names = reader.sheets()
        except DxError as exc:
            names = []
            self.error.setText(exc.message())
        self.sheet.addItem(self.tr("自動（年度の見出しがあるシート）"), None)
        for name in names:
            self.sheet.addItem(name, name)
        self._busy = False
        self.sheet.currentIndexChanged.connect(lambda _i: self.recognise(keep_roles=False))
        self.use_embedded.toggled.connect(lambda _on: self.recognise(keep_roles=False))
        self.recognise(keep_roles=False)

    def roles(self) -> dict[int, str]:
        """The role chosen for each listed column (sheet column number → role key)."""
        out: dict[int, str] = {}
        for i in range(self.columns.rowCount()):
            combo = self.columns.cellWidget(i, 2)
            col = self.columns.item(i, 0).data(Qt.ItemDataRole.UserRole)
            if isinstance(combo, QComboBox):
                out[int(col)] = combo.currentData()
        return out

    def phase_names(self) -> dict[str, str]:
        """The phase name given to each fill colour in the table."""
        out: dict[str, str] = {}
        for i in range(self.fills.rowCount()):
            item = self.fills.item(i, 2)
            if item is not None and item.text().strip():
                out[str(item.data(Qt.ItemDataRole.UserRole))] = item.text().strip()
        return out

    def _fill_renamed(self, item: QTableWidgetItem) -> None:
        if not self._busy and item.column() == 2:
            self.recognise()

    def recognise(self, *, keep_roles: bool = True) -> None:
        """Read the workbook again with the current sheet and roles; show the outcome."""
        if self._busy:
            return
        roles = self.roles() if keep_roles else None
        embedded = self.use_embedded.isChecked() and self.reader.embedded is not None
        self.sheet.setEnabled(not embedded)
        self.columns.setEnabled(not embedded)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.outcome = self.reader.read(sheet=None if embedded else self.sheet.currentData(), roles=roles,
                                           use_embedded=embedded,
                                           phase_names=self.phase_names() if keep_roles else None)
        except DxError as exc:
            self.outcome = None
            self.error.setText(exc.message())
            self.report.setPlainText("")
            ok.setEnabled(False)
            return
        self.error.setText("")
        self.report.setPlainText(self.outcome.report())
        ok.setEnabled(True)
        if not keep_roles:
            self._fill_columns()
        self._fill_fills()

    def _fill_fills(self) -> None:
        fills = self.outcome.fills if self.outcome else []
        shown = [self.fills.item(i, 2).data(Qt.ItemDataRole.UserRole) for i in range(self.fills.rowCount())]
        if shown == [f.color for f in fills]:
            return  # same fills: keep what the user typed
        self._busy = True
        self.fills.setRowCount(0)
        for i, f in enumerate(fills):
            self.fills.insertRow(i)
            swatch = QTableWidgetItem(f.color or self.tr("塗りなし"))
            if f.color.startswith("#"):
                swatch.setBackground(QBrush(QColor(f.color)))
            swatch.setFlags(swatch.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.fills.setItem(i, 0, swatch)
            count = QTableWidgetItem(str(f.bars))
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.fills.setItem(i, 1, count)
            name = QTableWidgetItem(f.name)
            name.setData(Qt.ItemDataRole.UserRole, f.color)
            self.fills.setItem(i, 2, name)
        self._busy = False

    def _fill_columns(self) -> None:
        self._busy = True
        self.columns.setRowCount(0)
        lay = self.outcome.layout if self.outcome else None
        if lay is not None:
            for i, (col, role) in enumerate(sorted(lay.roles.items())):
                self.columns.insertRow(i)
                item = QTableWidgetItem(col_name(col))
                item.setData(Qt.ItemDataRole.UserRole, col)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(i, 0, item)
                head = QTableWidgetItem(" ".join(lay.headers.get(col, "").split()))
                head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(i, 1, head)
                combo = QComboBox()
                for key, name in ROLES.items():
                    combo.addItem(self.tr(name), key)
                combo.setCurrentIndex(max(0, combo.findData(role)))
                combo.currentIndexChanged.connect(lambda _i: self.recognise())
                self.columns.setCellWidget(i, 2, combo)
        self._busy = False


def import_excel(window: QWidget, path: str | Path | None = None, *, install: bool = True) -> PlanDocument | None:
    """Choose a workbook, preview what is recognised, and return it as a new (unsaved) plan.

    With ``install`` and a main window that has ``set_document``, the new plan replaces the
    open one (after ``confirm_close``).
    """
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(window, window.tr("Excel から取り込み"), "",
                                                window.tr("Excel ブック (*.xlsx *.xlsm)"))
        if not chosen:
            return None
        path = chosen
    source = Path(path)
    try:
        reader = run_with_progress(window, window.tr("ブックを読み込んでいます…"),
                                   lambda _progress: WorkbookReader(source))
    except Cancelled:
        return None
    except DxError as exc:
        QMessageBox.critical(window, "dxeditor", exc.message())
        return None
    try:
        dlg = ImportPreviewDialog(reader, window)
        if not dlg.exec() or dlg.outcome is None:
            return None
        data = dlg.outcome.data
    finally:
        reader.close()
    return _adopt(window, data, str(path), install)


def _adopt(window: QWidget, data: dict[str, Any], source: str, install: bool) -> PlanDocument | None:
    confirm = getattr(window, "confirm_close", None)
    if install and confirm is not None and not confirm():
        return None
    try:
        doc = run_new_document(window, window.tr("計画を作成しています…"), lambda _progress: import_data(data, source))
    except Cancelled:
        return None
    except DxError as exc:
        QMessageBox.critical(window, "dxeditor", exc.message())
        return None
    setter = getattr(window, "set_document", None)
    if install and setter is not None:
        setter(doc)
    return doc
