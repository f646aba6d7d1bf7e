"""Text being typed in a cell stays as typed when the cell's data changes underneath.

Qt writes a cell's new data into its open editor (``QAbstractItemView.dataChanged`` →
``setEditorData``). On a server plan the others' changes arrive while a person types — a KPI
value, an outline item's name, a rating — and would replace what they typed. The
:class:`TypingGuard` delegate fills an editor when it opens and leaves it alone once the
user has typed in it; the typed value is committed as usual when the user finishes (and is
refused, with both values named, if it collides with someone else's change).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

_TYPED = "dxTyped"


class TypingGuard(QStyledItemDelegate):
    """A standard delegate that does not overwrite an editor the user has typed in."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text, e=editor: e.setProperty(_TYPED, True))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if editor.property(_TYPED):
            return  # the user is typing: a change from elsewhere does not take it away
        super().setEditorData(editor, index)


def guard_typing(view: QAbstractItemView, parent: QObject | None = None) -> TypingGuard:
    """Give ``view`` the guarding delegate (returned; owned by ``parent`` or the view)."""
    delegate = TypingGuard(parent or view)
    view.setItemDelegate(delegate)
    return delegate
