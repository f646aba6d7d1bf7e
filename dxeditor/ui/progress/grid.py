"""A table edited like Excel: type into a cell, arrows move, Ctrl+C / Ctrl+V as tab-separated text, Delete clears.

The model decides what a cell accepts (``set_cells`` takes ``(row, column, text)``
triples and applies them as one undoable change); undo is the window's Ctrl+Z.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from dxeditor.ui.typing_guard import guard_typing

MAX_PASTE_CELLS = 100_000


def cells_to_tsv(block: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(block)
    return buf.getvalue()


def tsv_to_cells(text: str) -> list[list[str]]:
    """A block copied from Excel (trailing empty line dropped)."""
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n")), delimiter="\t"))
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows


class ExcelGrid(QTableView):
    """A QTableView with spreadsheet keys; ``quick_keys`` lets a typed character set a cell at once."""

    def __init__(self, parent: QWidget | None = None, *, quick_keys: bool = False) -> None:
        super().__init__(parent)
        self.quick_keys = quick_keys
        guard_typing(self)  # a value being typed stays when a change from elsewhere arrives
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)

    def _editable(self, index: QModelIndex) -> bool:
        return bool(index.isValid() and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable)

    def selected_block(self) -> list[QModelIndex]:
        return sorted((i for i in self.selectedIndexes() if not self.isRowHidden(i.row())),
                      key=lambda i: (i.row(), i.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model: Any = self.model()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            cells = [(i.row(), i.column(), "") for i in self.selected_block() if self._editable(i)]
            if cells:
                model.set_cells(cells)
            return
        text = event.text()
        current = self.currentIndex()
        if (self.quick_keys and text and text.isprintable() and not text.isspace() and self._editable(current)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            targets = [i for i in self.selected_block() if self._editable(i)] or [current]
            if model.set_cells([(i.row(), i.column(), text) for i in targets]) and len(targets) == 1:
                below = self._next_visible_row(current.row())
                if below is not None:
                    self.setCurrentIndex(model.index(below, current.column()))
            return
        super().keyPressEvent(event)

    def _next_visible_row(self, row: int) -> int | None:
        for r in range(row + 1, self.model().rowCount()):
            if not self.isRowHidden(r):
                return r
        return None

    def copy(self) -> None:
        """The selection as tab-separated text (a rectangle; gaps stay empty)."""
        block = self.selected_block()
        if not block:
            return
        rows = sorted({i.row() for i in block})
        cols = sorted({i.column() for i in block})
        chosen = {(i.row(), i.column()) for i in block}
        model = self.model()
        lines = [[str(model.index(r, c).data(Qt.ItemDataRole.EditRole) or "") if (r, c) in chosen else ""
                  for c in cols] for r in rows]
        QGuiApplication.clipboard().setText(cells_to_tsv(lines))

    def paste(self) -> None:
        """Paste a tab-separated block at the current cell (one selected cell repeats over a selection)."""
        current = self.currentIndex()
        if not current.isValid():
            return
        block = tsv_to_cells(QGuiApplication.clipboard().text() or "")
        if not block:
            return
        model: Any = self.model()
        cells: list[tuple[int, int, str]] = []
        if len(block) == 1 and len(block[0]) == 1:
            targets = [i for i in self.selected_block() if self._editable(i)] or [current]
            cells = [(i.row(), i.column(), block[0][0]) for i in targets]
        else:
            row = current.row()
            for line in block:
                while row < model.rowCount() and self.isRowHidden(row):
                    row += 1
                if row >= model.rowCount():
                    break
                for k, text in enumerate(line):
                    col = current.column() + k
                    if col < model.columnCount() and self._editable(model.index(row, col)):
                        cells.append((row, col, text))
                row += 1
        if cells and len(cells) <= MAX_PASTE_CELLS:
            model.set_cells(cells)
