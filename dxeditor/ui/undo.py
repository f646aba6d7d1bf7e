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

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from dxeditor.core.errors import DxError
from dxeditor.plan.changes import ChangeSet, Recorder
from dxeditor.plan.editor import PlanEditor
from dxeditor.store.document import PlanDocument

T = TypeVar("T")


class ChangeCommand(QUndoCommand):
    """An applied change set: undo reverts it, redo applies it again.

    Undo or redo can be refused (a server plan: someone else changed the same thing later);
    then nothing changes, the user is told why, and the stack goes back to where it was.
    """

    def __init__(self, controller: DocumentController, changeset: ChangeSet) -> None:
        super().__init__(changeset.name)
        self.controller = controller
        self.changeset = changeset
        self._first = True
        #: This command did not run (refused, or skipped after a refusal): the stack's way back skips it too.
        self._not_run = False

    def _replay(self, changeset: ChangeSet, run: Callable[[], None]) -> None:
        if self._not_run:  # the stack steps back over a refused command: nothing to do
            self._not_run = False
            return
        if self.controller.refusing():
            self._not_run = True
            return
        try:
            run()
        except DxError as exc:
            self._not_run = True
            self.controller.refuse(exc)
            return
        self.controller.changed.emit(changeset)

    def redo(self) -> None:
        if self._first:  # already applied when it was executed
            self._first = False
            return
        self._replay(self.changeset, lambda: self.controller.editor.apply(self.changeset))

    def undo(self) -> None:
        self._replay(self.changeset.inverted(), lambda: self.controller.editor.revert(self.changeset))


class DocumentController(QObject):
    """Owns the open document's undo stack and announces every change."""

    #: A change set was applied (done, undone or redone); views refresh what it touches.
    changed = Signal(object)
    #: The whole document was replaced (open, new, revert); views reload everything.
    reset = Signal()
    #: An undo or redo was refused (the message says why); the document is unchanged.
    refused = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.editor = PlanEditor(doc)
        self.undo_stack = QUndoStack(self)
        self._way_back: int | None = None

    def refusing(self) -> bool:
        """Whether an undo or redo was just refused (the stack is about to go back)."""
        return self._way_back is not None

    def refuse(self, exc: DxError) -> None:
        """An undo or redo failed: tell, and put the stack back where the document is (once the stack is done)."""
        # during a command's undo() / redo() the stack's index is still the one before it
        self._way_back = self.undo_stack.index()
        QTimer.singleShot(0, self._go_back)
        self.refused.emit(exc.message())

    def _go_back(self) -> None:
        index, self._way_back = self._way_back, None
        if index is not None:
            self.undo_stack.setIndex(index)

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
