"""A bullet-list editor for the text blocks 現状と課題 / 取組の方向性 / 取組内容.

Each paragraph is one bullet with a nesting level. Enter starts a new bullet at the same
level, Alt+Shift+→ / Alt+Shift+← (Word's demote / promote; also Ctrl+] / Ctrl+[ and the
context menu) nest and unnest, Backspace on an empty bullet removes it. Tab and Shift+Tab
move on to the next / previous field as in any form. What is drawn is exactly the stored
structure: a bullet's indentation comes from its level alone. The editor emits
:attr:`BulletEditor.committed` with the whole list when it loses focus or after a
pause in typing — one undoable command per burst of editing, never per keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

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
        self.setTabChangesFocus(True)  # Tab moves on (as in a form); nesting has its own keys
        self.setToolTip(self.tr("Enter: 新しい項目　Alt+Shift+→: 一段下げる　Alt+Shift+←: 一段上げる\n"
                                "Tab / Shift+Tab: 次 / 前の欄へ"))
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
        # the editor's own cursor rode along with the inserts to the end, and the view with it:
        # a text is read from its first line
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)
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
            lst.remove(block)  # Qt adds the list's indent to the block's own indent here …
        plain = QTextBlockFormat(cursor.blockFormat())
        plain.setIndent(0)  # … so reset it: the level alone decides how far right a bullet is drawn
        plain.setTextIndent(0)
        cursor.setBlockFormat(plain)
        fmt = QTextListFormat()
        fmt.setStyle(_STYLES[level % len(_STYLES)])
        fmt.setIndent(level + 1)
        cursor.createList(fmt)

    def change_level(self, step: int) -> None:
        """Nest (+1) or unnest (-1) the bullet(s) under the cursor or selection."""
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        cursor.beginEditBlock()
        block = first
        while block.isValid():
            c = QTextCursor(block)
            lst = block.textList()
            current = lst.format().indent() - 1 if lst is not None else 0
            self._set_block_level(c, current + step)
            if block == last:
                break
            block = block.next()
        cursor.endEditBlock()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard edit menu plus 一段下げる / 一段上げる."""
        menu = self.createStandardContextMenu(pos)
        menu.addSeparator()
        down = menu.addAction(self.tr("一段下げる") + "\tAlt+Shift+→")
        down.setObjectName("indent")
        down.setEnabled(not self.isReadOnly() and self.level() < MAX_LEVEL)
        down.triggered.connect(lambda: self.change_level(1))
        up = menu.addAction(self.tr("一段上げる") + "\tAlt+Shift+←")
        up.setObjectName("outdent")
        up.setEnabled(not self.isReadOnly() and self.level() > 0)
        up.triggered.connect(lambda: self.change_level(-1))
        return menu

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        cursor = self.textCursor()
        alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        if (mods & alt_shift) == alt_shift and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.change_level(1 if key == Qt.Key.Key_Right else -1)
            return
        if mods & ctrl and key in (Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft):
            self.change_level(1 if key == Qt.Key.Key_BracketRight else -1)
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
