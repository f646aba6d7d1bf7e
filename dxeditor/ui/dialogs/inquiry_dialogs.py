"""Dialogs of the department inquiry round trip (照会の書き出し / 回答の取込)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from dxeditor.app.inquiry_runs import answering_departments, current_fiscal_year
from dxeditor.core.errors import Cancelled, DxError, ProgressFn, check_progress, message_for
from dxeditor.core.fiscal import format_fy
from dxeditor.exchange import inquiry
from dxeditor.plan.department_names import department_names
from dxeditor.ui.background import run_on_plan
from dxeditor.ui.undo import DocumentController

log = logging.getLogger(__name__)


class InquiryExportDialog(QDialog):
    """Choose departments, the fiscal year asked about and a folder; write one workbook each."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("照会ブックの書き出し"))
        conn = controller.doc.session.connection()
        plan = controller.doc.plan
        self.year = QComboBox()
        for fy in range(plan.period_start_fy, plan.period_end_fy + 1):
            self.year.addItem(format_fy(fy), fy)
        current = current_fiscal_year(conn)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.departments = QListWidget()
        answering = set(answering_departments(conn))
        for did, name in sorted(department_names(conn, current).items(), key=lambda x: x[1]):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, did)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if did in answering else Qt.CheckState.Unchecked)
            self.departments.addItem(item)
        self.folder = QLineEdit(str(controller.doc.source.parent) if controller.doc.source else str(Path.home()))
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("照会する年度"), self.year)
        form.addRow(self.tr("部署"), self.departments)
        form.addRow(self.tr("保存先フォルダー"), folder_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("書き出す"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.written: list[Path] = []

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("保存先フォルダー"), self.folder.text())
        if d:
            self.folder.setText(d)

    def chosen(self) -> list[int]:
        """The ids of the checked departments."""
        out = []
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def accept(self) -> None:
        ids = self.chosen()
        folder = Path(self.folder.text())
        if not ids:
            QMessageBox.information(self, self.windowTitle(), self.tr("部署を選んでください。"))
            return
        if not folder.is_dir():
            QMessageBox.warning(self, self.windowTitle(), self.tr("保存先フォルダーが見つかりません。"))
            return
        fiscal_year = int(self.year.currentData())
        try:
            self.written = run_on_plan(self, self.controller, self.tr("照会ブックを書き出しています…"),
                                       lambda conn, progress: inquiry.export_all(conn, ids, folder,
                                                                                 fiscal_year=fiscal_year,
                                                                                 progress=progress))
        except Cancelled:
            return  # the workbooks written before 中止 are complete; the dialog stays open
        except (DxError, OSError) as exc:
            QMessageBox.warning(self, self.windowTitle(), message_for(exc))
            return
        super().accept()


class AnswerPreviewDialog(QDialog):
    """Returned workbooks, department by department: problems, and each change old → new to accept."""

    def __init__(self, controller: DocumentController, checks: list[inquiry.AnswerCheck],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.checks = checks
        self.setWindowTitle(self.tr("回答の取込（確認）"))
        self.resize(900, 600)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("部署 / 項目"), self.tr("現在"), self.tr("回答")])
        self.tree.setColumnWidth(0, 380)
        self._items: list[tuple[QTreeWidgetItem, inquiry.FieldChange]] = []
        red = QBrush(QColor("#b00020"))
        for check in checks:
            top = QTreeWidgetItem([f"{check.department}（{check.path.name}）"])
            self.tree.addTopLevelItem(top)
            if not check.ok:
                top.setText(1, self.tr("取り込めません"))
                top.setForeground(1, red)
                for e in check.errors:
                    child = QTreeWidgetItem([e])
                    child.setForeground(0, red)
                    top.addChild(child)
            for w in check.warnings:
                top.addChild(QTreeWidgetItem([w]))
            for ch in check.changes:
                item = QTreeWidgetItem([f"{ch.sheet}「{ch.title}」{ch.field_name}", ch.shown(ch.old),
                                        ch.shown(ch.new)])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
                top.addChild(item)
                self._items.append((item, ch))
            top.setExpanded(True)
        bad = sum(1 for c in checks if not c.ok)
        summary = QLabel(self.tr("{n} 件の変更、取り込めないブック {bad} 件").format(
            n=len(self._items), bad=bad))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("選んだ変更を取り込む"))
        self.ok_button.setEnabled(bool(self._items))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        for item, ch in self._items:
            ch.accepted = item.checkState(0) == Qt.CheckState.Checked
        accepted = [(c, [ch for ch in c.changes if ch.accepted]) for c in self.checks if c.ok]
        accepted = [(c, chs) for c, chs in accepted if chs]
        if accepted:
            names = "・".join(c.department for c, _ in accepted)

            def apply_all(rec: object) -> int:
                return sum(inquiry.apply_answers(rec, chs, c.fiscal_year) for c, chs in accepted)  # type: ignore[arg-type]

            try:
                self.controller.execute(self.tr("照会回答の取込（{0}）").format(names), apply_all)
            except DxError as exc:
                QMessageBox.warning(self, self.windowTitle(), message_for(exc))
                return
        super().accept()


def export_inquiries(window: QWidget, controller: DocumentController) -> list[Path]:
    """File ▸ 照会 ▸ 書き出し."""
    dlg = InquiryExportDialog(controller, window)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return []
    QMessageBox.information(window, dlg.windowTitle(),
                            dlg.tr("{n} 部署の照会ブックを書き出しました。\n{folder}").format(
                                n=len(dlg.written), folder=dlg.folder.text()))
    return dlg.written


def import_answers(window: QWidget, controller: DocumentController, paths: list[Path] | None = None) -> bool:
    """File ▸ 照会 ▸ 回答の取込: validate each workbook, preview, apply what is accepted."""
    if paths is None:
        names, _ = QFileDialog.getOpenFileNames(window, window.tr("回答ブックを選択"), "",
                                                window.tr("Excel ブック (*.xlsx)"))
        paths = [Path(n) for n in names]
    if not paths:
        return False
    files = list(paths)
    try:
        checks = run_on_plan(window, controller, window.tr("回答ブックを確かめています…"),
                             lambda conn, progress: check_answers(conn, files, progress))
    except Cancelled:
        return False
    dlg = AnswerPreviewDialog(controller, checks, window)
    return dlg.exec() == QDialog.DialogCode.Accepted


def check_answers(conn: Connection, paths: list[Path], progress: ProgressFn | None = None) -> list[inquiry.AnswerCheck]:
    """Check each returned workbook (on the worker thread); a file that cannot be read is a failed check."""
    checks = []
    check_progress(progress, 0, len(paths))
    for n, p in enumerate(paths, start=1):
        try:
            checks.append(inquiry.check_answer(conn, p))
        except (DxError, OSError) as exc:
            log.info("answer workbook refused: %s: %s", p, exc)
            bad = inquiry.AnswerCheck(p, errors=[message_for(exc)])
            bad.department = p.name
            checks.append(bad)
        check_progress(progress, n, len(paths))
    inquiry.progress_sheet.check_batch(checks)
    return checks
