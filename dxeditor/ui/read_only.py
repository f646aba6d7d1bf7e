"""The read-only state of the main window: a banner that says why, and fields that cannot change.

A plan opened read-only (someone else holds the lock, or the share is read-only) must not
look editable: what cannot be done is disabled, and the reason is said once, at the top of
the window, instead of a message box for every attempt.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

_PROPERTY = "dxReadOnlyLocked"  # set on the widgets this module changed, so they can be restored


class ReadOnlyBanner(QFrame):
    """「読み取り専用で開いています（○○さんが編集中）」 with a way out: save an editable copy."""

    save_copy = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #d8b54a; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("別の名前で保存して編集(&W)…"), self)
        self.copy_button.setObjectName("readOnlySaveCopy")
        self.copy_button.clicked.connect(self.save_copy)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.copy_button)
        self.hide()

    def show_for(self, holder: str | None) -> None:
        """Show the banner naming who holds the plan (None: not known, e.g. a read-only share)."""
        if holder:
            text = self.tr("読み取り専用で開いています（{0}さんが編集中）。変更はできません。").format(holder)
        else:
            text = self.tr("読み取り専用で開いています。変更はできません。")
        self.label.setText(text)
        self.show()


class EditGuard(QObject):
    """Event filter for a view that edits by mouse (the schedule): no drag, no edit menu while read-only.

    Hovering (tooltips) and the wheel still work; a press that would start an edit is eaten
    and :attr:`refused` says so, so the window can point at its banner instead of a box.
    """

    refused = Signal()
    _EDITING = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.ContextMenu)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in self._EDITING:
            self.refused.emit()
            return True
        return False


def lock_holder(source: object) -> str | None:
    """Who holds the lock of the plan file ``source`` ("user (PC)"), if someone else does."""
    if source is None:
        return None
    from dxeditor.store import lock as locks

    info = locks.read_lock(source)  # type: ignore[arg-type]
    if info is None or info.is_mine():
        return None
    return f"{info.user}（{info.host}）" if info.host and info.host != info.user else info.user


def set_fields_read_only(root: QWidget, read_only: bool) -> None:
    """Make the input fields under ``root`` read-only (text stays selectable) or editable again."""
    for w in root.findChildren(QWidget):
        if read_only and w.property(_PROPERTY):
            continue
        if not read_only and not w.property(_PROPERTY):
            continue
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            w.setReadOnly(read_only)
        elif isinstance(w, QAbstractSpinBox):
            w.setReadOnly(read_only)
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QListWidget):
            if read_only:
                w.setProperty("dxEditTriggers", int(w.editTriggers().value))
                w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            else:
                w.setEditTriggers(QAbstractItemView.EditTrigger(int(w.property("dxEditTriggers") or 0)))
        elif isinstance(w, (QComboBox, QAbstractButton, QListWidget)):  # lists of check boxes
            if isinstance(w, QAbstractButton) and w.parent() is not None and isinstance(
                    w.parent(), QAbstractSpinBox):
                continue
            if read_only and not w.isEnabled():
                continue  # already off for its own reason: leave it to its owner
            w.setEnabled(not read_only)
        else:
            continue
        w.setProperty(_PROPERTY, read_only)
