"""Preview of tab-separated text before it is pasted: which column becomes what, and what is left out.

Every column of the pasted block gets a choice (番号 / 名称 / 主管課 / 関係課 / 備考 /
取り込まない); columns with data that will not be imported are named above the OK button,
so nothing is dropped without the user seeing it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.formats.clipboard import HEADER, PastedLine, TsvTable, lines_of

PREVIEW_ROWS = 30
FIELD_NAMES = {"番号": QT_TRANSLATE_NOOP("PastePreview", "番号"), "名称": QT_TRANSLATE_NOOP("PastePreview", "名称"),
               "主管課": QT_TRANSLATE_NOOP("PastePreview", "主管課"), "関係課": QT_TRANSLATE_NOOP("PastePreview", "関係課"),
               "備考": QT_TRANSLATE_NOOP("PastePreview", "備考")}


class PastePreview(QDialog):
    """Shows the pasted cells with a field choice per column; :meth:`lines` gives what to create."""

    def __init__(self, table: TsvTable, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastePreview")
        self.setWindowTitle(self.tr("貼り付けの確認"))
        self.data = table
        intro = QLabel(self.tr("{0} 行を「{1}」に貼り付けます。各列の取り込み先を確かめてください。").format(
            len(table.rows), target), self)
        intro.setWordWrap(True)
        self.combos: list[QComboBox] = []
        self.grid = QTableWidget(min(len(table.rows), PREVIEW_ROWS) + 1, table.width, self)
        self.grid.setObjectName("previewGrid")
        self.grid.setHorizontalHeaderLabels([table.column_name(i) for i in range(table.width)])
        self.grid.setVerticalHeaderLabels([self.tr("取り込み先")] + [str(n + 1) for n in range(self.grid.rowCount() - 1)])
        for i in range(table.width):
            combo = QComboBox(self.grid)
            combo.addItem(self.tr("取り込まない"), None)
            for name in HEADER:
                combo.addItem(self.tr(FIELD_NAMES[name]), name)
            current = table.mapping[i] if i < len(table.mapping) else None
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(lambda _n, i=i: self._choose(i))
            self.grid.setCellWidget(0, i, combo)
            self.combos.append(combo)
        for r, row in enumerate(table.rows[:PREVIEW_ROWS], start=1):
            for c, text in enumerate(row):
                self.grid.setItem(r, c, QTableWidgetItem(text))
        self.grid.resizeColumnsToContents()
        self.ignored = QLabel(self)
        self.ignored.setObjectName("ignored")
        self.ignored.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.grid, 1)
        lay.addWidget(self.ignored)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(720, 420)
        self._update()

    def _choose(self, column: int) -> None:
        field = self.combos[column].currentData()
        mapping = list(self.data.mapping) + [None] * (self.data.width - len(self.data.mapping))
        if field is not None:  # one column per field: the column that had it gives it up
            for i, f in enumerate(mapping):
                if f == field and i != column:
                    mapping[i] = None
                    self.combos[i].blockSignals(True)
                    self.combos[i].setCurrentIndex(0)
                    self.combos[i].blockSignals(False)
        mapping[column] = field
        self.data.mapping = mapping
        self._update()

    def _update(self) -> None:
        left = self.data.ignored()
        self.ignored.setText(self.tr("取り込まない列: {0}").format("、".join(left)) if left
                             else self.tr("すべての列を取り込みます。"))
        ok = "名称" in self.data.mapping
        self.error.setText("" if ok else self.tr("「名称」にする列を選んでください。"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def lines(self) -> list[PastedLine]:
        """The lines to create with the chosen mapping (ValidationError for an empty name)."""
        return lines_of(self.data)

