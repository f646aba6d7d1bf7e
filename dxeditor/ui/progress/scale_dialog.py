"""ツール ▸ 評価の段階: the plan's rating scale (symbols, words, colours), best first."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.achievement import RatingScale
from dxeditor.core.errors import DxError
from dxeditor.plan.ops import progress as ops
from dxeditor.plan.progress import load_scale
from dxeditor.ui.undo import DocumentController


class RatingScaleDialog(QDialog):
    """Edit the rating scale as a small table; OK applies it as one undoable change."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("評価の段階"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("記号"), self.tr("意味"), self.tr("色 (#rrggbb)")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        add, remove = QPushButton(self.tr("追加"), self), QPushButton(self.tr("削除"), self)
        default = QPushButton(self.tr("既定（A〜D）に戻す"), self)
        add.clicked.connect(lambda: self._add("", "", "#ffffff"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        default.clicked.connect(lambda: self._fill(RatingScale.default()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (add, remove, default):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("良い順に並べます。後半の段階（既定では C・D）は工程表で遅れとして示します。"), self))
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self._fill(load_scale(controller.doc.session.connection()))
        self.resize(460, 320)

    def _fill(self, scale: RatingScale) -> None:
        self.table.setRowCount(0)
        for r in scale.ratings:
            self._add(r.key, r.name, r.color)

    def _add(self, key: str, name: str, color: str) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        for c, text in enumerate((key, name, color)):
            item = QTableWidgetItem(text)
            if c == 2 and QColor.isValidColorName(text):
                item.setBackground(QColor(text))
            self.table.setItem(n, c, item)

    def ratings(self) -> list[tuple[str, str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [(self.table.item(r, c).text() if self.table.item(r, c) else "").strip() for c in range(3)]
            if any(cells):
                out.append((cells[0], cells[1], cells[2] or "#ffffff"))
        return out

    def accept(self) -> None:
        ratings = self.ratings()
        scale = None if [(r[0], r[1], r[2].lower()) for r in ratings] == [
            (r.key, r.name, r.color) for r in RatingScale.default().ratings] else ratings
        try:
            self.controller.execute(self.tr("評価の段階の変更"), lambda rec: ops.set_rating_scale(rec, scale))
        except DxError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message())
            return
        super().accept()
