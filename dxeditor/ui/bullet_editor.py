"""A bullet-list editor for the text blocks 現状と課題 / 取組の方向性 / 取組内容.

Each paragraph is one bullet with a nesting level. Enter starts a new bullet, Tab and
Shift+Tab nest and unnest, Backspace on an empty bullet removes it. The editor emits
:attr:`BulletEditor.committed` with the whole list when it loses focus or after a
pause in typing — one undoable command per burst of editing, never per keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextBlock, QTextCursor, QTextListFormat
from PySide6.QtWidgets import QTextEdit, QWidget

Items = list[tuple[int, str, bool]]
MAX_LEVEL = 5
PAUSE_MS = 1500
_STYLES = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare)


class BulletEditor(QTextEdit):
    """Plain-text bullets with levels; ``items()`` / ``set_items()`` read and write them."""

    #: The list after an editing burst: [(level, text, bullet), …]
    committed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self._last: Items = []
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._on_text_changed)
        self.setMinimumHeight(120)
        self.document().setIndentWidth(18)

    # ------------------------------------------------------------------ content
    def set_items(self, items: Items) -> None:
        """Show ``items`` (no commit is emitted)."""
        items = [(int(lv), str(t), bool(b)) for lv, t, b in items]
        if items == self.items() and (items or self.document().begin().textList() is not None):
            self._last = items
            return
        self._loading = True
        try:
            self.clear()
            cursor = QTextCursor(self.document())
            for n, (level, text, bullet) in enumerate(items):
                if n:
                    cursor.insertBlock()
                cursor.insertText(text)
                if bullet:
                    self._set_block_level(cursor, level)
            if not items:
                self._set_block_level(cursor, 0)
        finally:
            self._loading = False
        self._last = self.items()
        self._timer.stop()

    def items(self) -> Items:
        """The bullets as (level, text, bullet); a single empty bullet counts as none."""
        out: Items = []
        block = self.document().begin()
        while block.isValid():
            lst = block.textList()
            level = lst.format().indent() - 1 if lst is not None else 0
            out.append((max(0, level), block.text(), lst is not None))
            block = block.next()
        if len(out) == 1 and not out[0][1]:
            return []
        return out

    def commit(self) -> None:
        """Emit :attr:`committed` if the bullets changed since the last load or commit."""
        self._timer.stop()
        now = self.items()
        if now != self._last:
            self._last = now
            self.committed.emit(now)

    def level(self) -> int:
        """The nesting level of the bullet under the cursor."""
        lst = self.textCursor().currentList()
        return lst.format().indent() - 1 if lst is not None else 0

    # ------------------------------------------------------------------ editing
    def _set_block_level(self, cursor: QTextCursor, level: int) -> None:
        level = max(0, min(MAX_LEVEL, level))
        block = cursor.block()
        lst = block.textList()
        if lst is not None:
            lst.remove(block)
        fmt = QTextListFormat()
        fmt.setStyle(_STYLES[level % len(_STYLES)])
        fmt.setIndent(level + 1)
        cursor.createList(fmt)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        cursor = self.textCursor()
        if key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
            self._set_block_level(cursor, self.level() + 1)
            return
        if key == Qt.Key.Key_Backtab:
            self._set_block_level(cursor, self.level() - 1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & Qt.KeyboardModifier.ShiftModifier:
            level = self.level()
            cursor.beginEditBlock()
            cursor.insertBlock()
            self._set_block_level(cursor, level)
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        if key == Qt.Key.Key_Backspace and not cursor.hasSelection() and cursor.atBlockStart():
            block: QTextBlock = cursor.block()
            if not block.text() and block.previous().isValid():
                cursor.beginEditBlock()
                cursor.deletePreviousChar()  # merge the empty bullet into the previous one
                cursor.endEditBlock()
                self.setTextCursor(cursor)
                return
            if not block.text() and block.next().isValid():
                cursor.beginEditBlock()
                cursor.deleteChar()
                cursor.endEditBlock()
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)
