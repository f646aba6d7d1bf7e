"""The bridge between user actions and the plan: every edit is a command on a QUndoStack.

Widgets never write to the database. They call :meth:`DocumentController.execute` with
a name (shown in Edit ▸ Undo) and a function that records its edits through a
:class:`~dxeditor.plan.changes.Recorder`. The controller runs it as one
transaction, pushes an undoable command and emits :attr:`DocumentController.changed`
with the change set so views refresh only what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from dxeditor.plan.changes import ChangeSet, Recorder
from dxeditor.plan.editor import PlanEditor
from dxeditor.store.document import PlanDocument

T = TypeVar("T")


class ChangeCommand(QUndoCommand):
    """An applied change set: undo reverts it, redo applies it again."""

    def __init__(self, controller: DocumentController, changeset: ChangeSet) -> None:
        super().__init__(changeset.name)
        self.controller = controller
        self.changeset = changeset
        self._first = True

    def redo(self) -> None:
        if self._first:  # already applied when it was executed
            self._first = False
            return
        self.controller.editor.apply(self.changeset)
        self.controller.changed.emit(self.changeset)

    def undo(self) -> None:
        self.controller.editor.revert(self.changeset)
        self.controller.changed.emit(self.changeset.inverted())


class DocumentController(QObject):
    """Owns the open document's undo stack and announces every change."""

    #: A change set was applied (done, undone or redone); views refresh what it touches.
    changed = Signal(object)
    #: The whole document was replaced (open, new, revert); views reload everything.
    reset = Signal()

    def __init__(self, doc: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.editor = PlanEditor(doc)
        self.undo_stack = QUndoStack(self)

    def execute(self, name: str, fn: Callable[[Recorder], T]) -> T:
        """Run ``fn`` as one undoable change named ``name``; returns what ``fn`` returns.

        If ``fn`` raises, the document is unchanged and the exception propagates.
        """
        changeset, result = self.editor.run(name, fn)
        if changeset:
            self.undo_stack.push(ChangeCommand(self, changeset))
            self.changed.emit(changeset)
        return result

    def set_document(self, doc: PlanDocument) -> None:
        """Switch to another document (clears the undo history)."""
        self.doc = doc
        self.editor = PlanEditor(doc)
        self.undo_stack.clear()
        self.reset.emit()
