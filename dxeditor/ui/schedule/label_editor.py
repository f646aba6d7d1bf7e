"""The in-place label editor over a bar or milestone (Enter commits, Esc cancels).

A label may have several lines (「標準仕様書と／既存システム（運用）との比較」): Alt+Enter or
Shift+Enter starts a new line, as Alt+Enter does in an Excel cell.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

_NEW_LINE = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


class LabelEditor(QPlainTextEdit):
    """Emits ``committed(text)`` on Enter or when focus leaves, ``cancelled()`` on Esc — once."""

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._done = False
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setTabChangesFocus(True)
        self.selectAll()

    def text(self) -> str:
        """The label as typed (line breaks kept)."""
        return self.toPlainText()

    def lines_hint(self) -> int:
        """How many text lines the editor should show."""
        return max(1, self.toPlainText().count("\n") + 1)

    def _finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        if commit:
            self.committed.emit(self.text())
        else:
            self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & _NEW_LINE:
                self.insertPlainText("\n")
            else:
                self._finish(True)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self._finish(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finish(True)
