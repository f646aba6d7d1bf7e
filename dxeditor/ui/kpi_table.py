"""Editable lists of an initiative's KPIs (成果目標) and references (根拠・関連計画).

A :class:`RecordTable` shows the records in a table with add / remove / up / down
buttons. Each cell edit becomes one undoable command through the controller; a value
the service refuses (a target that is not a number) is explained in a message box and
the cell shows the stored value again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError
from dxeditor.core.fiscal import format_fy
from dxeditor.plan.ops import initiatives as svc
from dxeditor.ui.kpi_actuals import ActualsTable
from dxeditor.ui.typing_guard import guard_typing
from dxeditor.ui.undo import DocumentController

Column = tuple[str, str]  # (field, header)


def _fmt_number(v: Any) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


class RecordTable(QWidget):
    """A table of KPIs or references of one initiative."""

    #: An edit was refused: the message to show.
    refused = Signal(str)

    def __init__(self, kind: str, columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = columns
        self.controller: DocumentController | None = None
        self.initiative_id: int | None = None
        self._records: list[dict[str, Any]] = []
        self._loading = False
        self.table = QTableWidget(0, len(columns), self)
        guard_typing(self.table)  # a change from elsewhere (a server plan) leaves typed text alone
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("RecordTable", h) for _, h in columns])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(90)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(self.tr("追加"), self)
        self.remove_button = QPushButton(self.tr("削除"), self)
        self.up_button = QPushButton(self.tr("上へ"), self)
        self.down_button = QPushButton(self.tr("下へ"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.actuals: ActualsTable | None = None
        if kind == "kpi":  # each KPI's yearly actual values (実績), below the KPIs
            self.actuals = ActualsTable(self)
            self.actuals.refused.connect(self.refused)
            layout.addWidget(self.actuals)
            self.table.currentCellChanged.connect(lambda *_: self._show_actuals())

    # ------------------------------------------------------------------ loading
    def load(self, controller: DocumentController, initiative_id: int) -> None:
        """Show the records of ``initiative_id``."""
        self.controller = controller
        self.initiative_id = initiative_id
        self.refresh()

    def refresh(self) -> None:
        """Read the records again (after an undo or another edit)."""
        if self.controller is None or self.initiative_id is None:
            return
        current = self.table.currentRow()
        self._records = svc.children(self.controller.doc.session.connection(), self.kind, self.initiative_id)
        self._loading = True
        try:
            self.table.setRowCount(len(self._records))
            for r, rec in enumerate(self._records):
                for c, (field, _) in enumerate(self.columns):
                    self.table.setItem(r, c, QTableWidgetItem(self.display(field, rec.get(field))))
        finally:
            self._loading = False
        if 0 <= current < len(self._records):
            self.table.setCurrentCell(current, max(0, self.table.currentColumn()))
        elif self._records and self.actuals is not None:
            self.table.setCurrentCell(0, 0)
        self._show_actuals()

    def _show_actuals(self) -> None:
        if self.actuals is None:
            return
        row = self.table.currentRow()
        record = self._records[row] if 0 <= row < len(self._records) else None
        self.actuals.set_kpi(self.controller if record else None, record["id"] if record else None,
                             record["name"] if record else "")

    def context_menu(self) -> QMenu:
        """追加 / 削除 / 上へ / 下へ, and for KPIs 実績を追加."""
        menu = QMenu(self)
        has = self.current_id() is not None
        for name, text, slot, enabled in (("add", self.tr("追加"), self.add, self.initiative_id is not None),
                                          ("remove", self.tr("削除"), self.remove, has),
                                          ("up", self.tr("上へ"), lambda: self.move(-1), has),
                                          ("down", self.tr("下へ"), lambda: self.move(1), has)):
            act = menu.addAction(text)
            act.setObjectName(name)
            act.setEnabled(enabled)
            act.triggered.connect(slot)
        if self.actuals is not None:
            menu.addSeparator()
            act = menu.addAction(self.tr("実績を追加"))
            act.setObjectName("addActual")
            act.setEnabled(has)
            act.triggered.connect(self.actuals.add)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    @staticmethod
    def display(field: str, value: Any) -> str:
        """A stored value as shown in a cell."""
        if field in ("target_value", "baseline_value"):
            return _fmt_number(value)
        if field == "deadline_fy":
            return format_fy(value) if value is not None else ""
        return "" if value is None else str(value)

    # ------------------------------------------------------------------ editing
    def _run(self, name: str, fn: Callable[[Any], Any]) -> Any:
        assert self.controller is not None
        try:
            return self.controller.execute(name, fn)
        except DxError as exc:
            self.refused.emit(exc.message())
            return None
        finally:
            self.refresh()

    def _name(self, action: str) -> str:
        what = self.tr("成果目標") if self.kind == "kpi" else self.tr("根拠・関連計画")
        return f"{what}の{action}"

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.row() >= len(self._records):
            return
        field = self.columns[item.column()][0]
        record = self._records[item.row()]
        text = item.text()
        if text == self.display(field, record.get(field)):
            return
        rid = record["id"]
        self._run(self._name(self.tr("変更")), lambda rec: svc.update_child(rec, self.kind, rid, **{field: text}))
        if field == "deadline_fy":
            self._check_deadline(rid)

    def _check_deadline(self, record_id: int) -> None:
        """Say plainly when a KPI deadline lies outside the plan period (the value is kept)."""
        assert self.controller is not None
        record = next((r for r in self._records if r["id"] == record_id), None)
        plan = self.controller.doc.plan
        fy = record.get("deadline_fy") if record else None
        if fy is not None and not plan.period_start_fy <= fy <= plan.period_end_fy:
            self.refused.emit(self.tr("期限 {0} は計画期間（{1}〜{2}）の外です。入力した値はそのまま保存しました。").format(
                format_fy(fy), format_fy(plan.period_start_fy), format_fy(plan.period_end_fy)))

    def add(self) -> None:
        """Append a record after the current one and start editing its name."""
        if self.initiative_id is None:
            return
        iid, row = self.initiative_id, self.table.currentRow()
        index = row + 1 if row >= 0 else None
        new_id = self._run(self._name(self.tr("追加")), lambda rec: svc.add_child(rec, self.kind, iid, index))
        if new_id is not None:
            pos = next(i for i, r in enumerate(self._records) if r["id"] == new_id)
            self.table.setCurrentCell(pos, 0)
            self.table.editItem(self.table.item(pos, 0))

    def current_id(self) -> int | None:
        """The id of the selected record."""
        row = self.table.currentRow()
        return self._records[row]["id"] if 0 <= row < len(self._records) else None

    def remove(self) -> None:
        """Delete the selected record (undoable)."""
        rid = self.current_id()
        if rid is not None:
            self._run(self._name(self.tr("削除")), lambda rec: svc.delete_child(rec, self.kind, rid))

    def move(self, delta: int) -> None:
        """Move the selected record up or down."""
        rid = self.current_id()
        if rid is None:
            return
        row = self.table.currentRow()
        if self._run(self._name(self.tr("並べ替え")), lambda rec: svc.move_child(rec, self.kind, rid, delta)):
            self.table.setCurrentCell(max(0, min(len(self._records) - 1, row + delta)), 0)


def kpi_table(parent: QWidget | None = None) -> RecordTable:
    """The KPI table: name, baseline and target (numbers, unit, then as text), deadline, deadline year.

    The numbers are what achievement is computed from; the texts, when set, are what is printed.
    """
    t = RecordTable("kpi", [("name", QT_TRANSLATE_NOOP("RecordTable", "成果目標（指標）")),
                            ("baseline_value", QT_TRANSLATE_NOOP("RecordTable", "現状値")),
                            ("target_value", QT_TRANSLATE_NOOP("RecordTable", "目標値")),
                            ("unit", QT_TRANSLATE_NOOP("RecordTable", "単位")),
                            ("baseline_text", QT_TRANSLATE_NOOP("RecordTable", "現状（文字）")),
                            ("target_text", QT_TRANSLATE_NOOP("RecordTable", "目標（文字）")),
                            ("deadline_text", QT_TRANSLATE_NOOP("RecordTable", "期限")),
                            ("deadline_fy", QT_TRANSLATE_NOOP("RecordTable", "期限の年度"))], parent)
    t.setObjectName("kpiTable")
    return t


def reference_table(parent: QWidget | None = None) -> RecordTable:
    """The references table: title, date."""
    t = RecordTable("reference", [("title", QT_TRANSLATE_NOOP("RecordTable", "名称")), ("date_text", QT_TRANSLATE_NOOP("RecordTable", "日付")), ("note", QT_TRANSLATE_NOOP("RecordTable", "備考"))], parent)
    t.setObjectName("referenceTable")
    return t


def header_tr(table: RecordTable) -> None:
    """Translate the column headers (called after a language switch)."""
    table.table.setHorizontalHeaderLabels([table.tr(h) for _, h in table.columns])
    table.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
