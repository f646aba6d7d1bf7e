"""The audit log viewer (変更履歴): who changed what and when, filtered, exportable."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from dxeditor.core.errors import DxError, message_for
from dxeditor.formats.xlsx.write.audit import export_audit_xlsx
from dxeditor.plan.department_names import department_names
from dxeditor.plan.ops.audit import AuditRow, filter_audit, load_audit
from dxeditor.store import models as m
from dxeditor.ui.undo import DocumentController

Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """Audit entries as a table (newest first)."""

    HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "日時"), QT_TRANSLATE_NOOP("AuditModel", "利用者"), "PC",
               QT_TRANSLATE_NOOP("AuditModel", "操作"), QT_TRANSLATE_NOOP("AuditModel", "対象"),
               QT_TRANSLATE_NOOP("AuditModel", "取組"))

    def __init__(self, initiatives: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AuditRow] = []
        self.initiatives = initiatives

    def set_entries(self, entries: list[AuditRow]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.at.strftime("%Y/%m/%d %H:%M"), e.user, e.host, e.action, e.entity_name,
                    self.initiatives.get(e.initiative_id, "") if e.initiative_id else "")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"変更前: {e.before}\n変更後: {e.after}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None


class AuditDialog(QDialog):
    """Filter the audit log by person, department, initiative, date and text; export it."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("変更履歴"))
        self.resize(1000, 600)
        conn = controller.doc.session.connection()
        self.all_entries = load_audit(conn)
        self.initiatives = dict(conn.execute(select(m.Initiative.id, m.Initiative.title)).all())
        self.departments = department_names(conn)
        self.model = AuditModel(self.initiatives, self)

        self.user = QComboBox()
        self.user.addItem(self.tr("すべて"), None)
        for u in sorted({e.user for e in self.all_entries}):
            self.user.addItem(u, u)
        self.dept = QComboBox()
        self.dept.addItem(self.tr("すべて"), None)
        for did, name in sorted(self.departments.items(), key=lambda x: x[1]):
            self.dept.addItem(name, did)
        self.initiative = QComboBox()
        self.initiative.addItem(self.tr("すべて"), None)
        for iid, title in self.initiatives.items():
            self.initiative.addItem(title, iid)
        self.use_dates = QCheckBox(self.tr("期間で絞り込む"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy/MM/dd")
            d.setEnabled(False)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("操作・内容の文字で絞り込み"))
        self.count = QLabel()

        form = QFormLayout()
        form.addRow(self.tr("利用者"), self.user)
        form.addRow(self.tr("部署"), self.dept)
        form.addRow(self.tr("取組"), self.initiative)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("〜"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow(self.tr("期間"), dates)
        form.addRow(self.tr("文字"), self.text)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(self.tr("Excel に書き出す…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._export_clicked)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)

        for combo in (self.user, self.dept, self.initiative):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.text.textChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.apply_filter()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Show the entries matching the filters."""
        tz = datetime.now().astimezone().tzinfo
        date_from = date_to = None
        if self.use_dates.isChecked():
            date_from = datetime.combine(self.date_from.date().toPython(), time.min, tz)
            date_to = datetime.combine(self.date_to.date().toPython(), time.max, tz)
        entries = filter_audit(self.all_entries, user=self.user.currentData(), department_id=self.dept.currentData(),
                               initiative_id=self.initiative.currentData(), date_from=date_from, date_to=date_to,
                               text=self.text.text().strip())
        self.model.set_entries(entries)
        self.table.resizeColumnToContents(0)
        self.count.setText(self.tr("{n} 件 / 全 {total} 件").format(n=len(entries), total=len(self.all_entries)))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        e = self.model.entries[current.row()]
        self.detail.setText(f"変更前: {e.before or '—'}\n変更後: {e.after or '—'}")

    def export_to(self, path: Path) -> Path:
        """Write the filtered entries to a workbook."""
        title = self.controller.doc.plan.title
        return export_audit_xlsx(self.model.entries, path, title=title, initiatives=self.initiatives)

    def _export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("変更履歴の書き出し"), "変更履歴.xlsx",
                                              self.tr("Excel ブック (*.xlsx)"))
        if not name:
            return
        try:
            self.export_to(Path(name))
        except (DxError, OSError) as exc:  # a full disk or a locked file is a message, not a traceback
            QMessageBox.warning(self, self.tr("書き出せません"), message_for(exc))
