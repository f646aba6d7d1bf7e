"""The yearly actual values (実績) of the KPI selected in the KPI table: fiscal year, value, note.

Each cell edit, addition and deletion is one undoable command; a refused value (not a
number, a year entered twice) is explained through ``refused`` and the cell shows the
stored value again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError
from dxeditor.core.fiscal import YearStyle, format_fy
from dxeditor.plan.ops import initiatives as svc
from dxeditor.ui.typing_guard import guard_typing
from dxeditor.ui.undo import DocumentController

FIELDS = ("fiscal_year", "value", "note")


def _fmt_number(v: Any) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


class ActualsTable(QWidget):
    """実績: one line per fiscal year of one KPI."""

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: DocumentController | None = None
        self.kpi_id: int | None = None
        self.kpi_name = ""
        self._records: list[dict[str, Any]] = []
        self._loading = False
        self.title = QLabel(self)
        self.title.setObjectName("actualsTitle")
        self.table = QTableWidget(0, len(FIELDS), self)
        guard_typing(self.table)  # a change from elsewhere (a server plan) leaves typed text alone
        self.table.setObjectName("actualsTable")
        self.table.setHorizontalHeaderLabels([self.tr("年度"), self.tr("実績値"), self.tr("備考")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(80)
        self.table.setToolTip(self.tr("年度は 令和6 / R6 / 2024 のどれでも入力できます。右クリックで追加・削除。"))
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.add_button = QPushButton(self.tr("実績を追加"), self)
        self.add_button.setObjectName("addActual")
        self.remove_button = QPushButton(self.tr("実績を削除"), self)
        self.remove_button.setObjectName("removeActual")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        self.set_kpi(None, None)

    def _style(self) -> YearStyle:
        plan = self.controller.doc.plan if self.controller is not None else None
        try:
            return YearStyle(getattr(plan, "year_style", None) or "wareki")
        except ValueError:
            return YearStyle.WAREKI

    def set_kpi(self, controller: DocumentController | None, kpi_id: int | None, name: str = "") -> None:
        """Show the actuals of ``kpi_id`` (None: no KPI selected)."""
        self.controller = controller
        self.kpi_id = kpi_id
        self.kpi_name = name
        self.refresh()

    def refresh(self) -> None:
        """Read the actual values again."""
        has = self.controller is not None and self.kpi_id is not None
        writable = has and not self.controller.doc.read_only  # type: ignore[union-attr]
        self.title.setText(self.tr("実績（年度ごと）: {0}").format(self.kpi_name) if has
                           else self.tr("実績（年度ごと）: 成果目標を選ぶと表示されます"))
        self.table.setEnabled(has)  # a read-only plan's actuals stay readable
        for w in (self.add_button, self.remove_button):
            w.setEnabled(writable)
        current = self.table.currentRow()
        self._records = (svc.actuals(self.controller.doc.session.connection(), self.kpi_id)  # type: ignore[union-attr]
                         if has else [])
        style = self._style()
        self._loading = True
        try:
            self.table.setRowCount(len(self._records))
            for r, rec in enumerate(self._records):
                texts = (format_fy(rec["fiscal_year"], style), _fmt_number(rec["value"]), rec["note"] or "")
                for c, text in enumerate(texts):
                    self.table.setItem(r, c, QTableWidgetItem(text))
        finally:
            self._loading = False
        if 0 <= current < len(self._records):
            self.table.setCurrentCell(current, max(0, self.table.currentColumn()))

    def _run(self, name: str, fn: Callable[[Any], Any]) -> Any:
        assert self.controller is not None
        try:
            return self.controller.execute(name, fn)
        except DxError as exc:
            self.refused.emit(exc.message())
            return None
        finally:
            self.refresh()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.row() >= len(self._records):
            return
        record = self._records[item.row()]
        field = FIELDS[item.column()]
        shown = (format_fy(record["fiscal_year"], self._style()) if field == "fiscal_year"
                 else _fmt_number(record["value"]) if field == "value" else record["note"] or "")
        text = item.text()
        if text == shown:
            return
        aid = record["id"]
        self._run(self.tr("実績値の変更"), lambda rec: svc.update_actual(rec, aid, **{field: text}))

    def add(self) -> None:
        """Add the next fiscal year's actual and start editing its value."""
        if self.kpi_id is None or self.controller is None:
            return
        kid = self.kpi_id
        new_id = self._run(self.tr("実績値の追加"), lambda rec: svc.add_actual(rec, kid))
        if new_id is not None:
            pos = next(i for i, r in enumerate(self._records) if r["id"] == new_id)
            self.table.setCurrentCell(pos, 1)
            self.table.editItem(self.table.item(pos, 1))

    def remove(self) -> None:
        """Delete the selected actual (undoable)."""
        row = self.table.currentRow()
        if 0 <= row < len(self._records):
            aid = self._records[row]["id"]
            self._run(self.tr("実績値の削除"), lambda rec: svc.delete_actual(rec, aid))

    def context_menu(self) -> QMenu:
        """実績を追加 / 実績を削除."""
        menu = QMenu(self)
        add = menu.addAction(self.tr("実績を追加"))
        add.setObjectName("addActual")
        add.setEnabled(self.kpi_id is not None)
        add.triggered.connect(self.add)
        rm = menu.addAction(self.tr("実績を削除"))
        rm.setObjectName("removeActual")
        rm.setEnabled(0 <= self.table.currentRow() < len(self._records))
        rm.triggered.connect(self.remove)
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()
