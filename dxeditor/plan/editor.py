"""Running a change as one transaction, and undoing or redoing it (no Qt here).

``PlanEditor.run(name, fn)`` calls ``fn(recorder)`` inside one transaction on the
document's working copy. If ``fn`` raises, nothing is changed. Otherwise the
transaction is committed at once (so a crash loses nothing), the change is written to
the audit log, and the recorded :class:`ChangeSet` is returned for the undo stack.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import insert

from dxeditor.core.errors import DxError, ReadOnlyError
from dxeditor.core.identity import host_name, os_user
from dxeditor.plan.changes import ChangeSet, Recorder, apply
from dxeditor.store.document import PlanDocument
from dxeditor.store.models import AuditEntry

log = logging.getLogger(__name__)

T = TypeVar("T")
AUDIT_VALUE_LIMIT = 2000


def audit_json(value: dict[str, Any] | None) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= AUDIT_VALUE_LIMIT else text[:AUDIT_VALUE_LIMIT] + "…"


class ChangeSink(Protocol):
    """Where a document's changes go besides its working copy (a server plan: the server).

    :meth:`publish` is called inside the working copy's transaction, before it commits: when
    it raises, the change is rolled back and reaches neither.
    """

    def new_id(self, table: str) -> int:
        """An id for a new row of ``table`` that no other editor of the plan will use."""

    def publish(self, changeset: ChangeSet, action: str) -> None:
        """Pass on a change (done, undone or redone) named ``action``; raise to refuse it."""


class PlanEditor:
    """Applies changes to one document: run (do), revert (undo), apply (redo)."""

    def __init__(self, doc: PlanDocument) -> None:
        self.doc = doc
        #: The document's change sink (a server plan's link), or None for a plan file.
        self.sink: ChangeSink | None = getattr(doc, "change_sink", None)

    def _check_writable(self) -> None:
        if self.doc.read_only:
            raise ReadOnlyError()

    def run(self, name: str, fn: Callable[[Recorder], T]) -> tuple[ChangeSet, T]:
        """Do a change: ``fn`` records its edits; all of them or none reach the document."""
        self._check_writable()
        session = self.doc.session
        session.commit()
        conn = session.connection()
        recorder = Recorder(conn, name, new_id=self.sink.new_id if self.sink else None)
        try:
            result = fn(recorder)
            if recorder.changeset:
                self._audit(conn, name, recorder.changeset)
                if self.sink is not None:
                    self.sink.publish(recorder.changeset, name)
            session.commit()
        except BaseException as exc:
            session.rollback()
            log.log(logging.INFO if isinstance(exc, DxError) else logging.ERROR, "%s: rolled back (%s: %s)",
                    name, type(exc).__name__, exc)
            raise
        session.expire_all()
        if recorder.changeset:
            self.doc.mark_dirty()
        return recorder.changeset, result

    def apply(self, changeset: ChangeSet, *, action: str | None = None) -> None:
        """Apply a recorded change again (redo)."""
        self._replay(changeset, action or f"やり直し: {changeset.name}")

    def revert(self, changeset: ChangeSet) -> None:
        """Undo a recorded change."""
        self._replay(changeset.inverted(), f"元に戻す: {changeset.name}")

    def _replay(self, changeset: ChangeSet, action: str) -> None:
        self._check_writable()
        session = self.doc.session
        session.commit()
        conn = session.connection()
        try:
            apply(conn, changeset)
            self._audit(conn, action, changeset)
            if self.sink is not None:
                self.sink.publish(changeset, action)
            session.commit()
        except BaseException as exc:
            session.rollback()
            if isinstance(exc, DxError):
                log.info("%s: refused, rolled back (%s)", action, exc)
            else:
                log.exception("%s: could not be applied; rolled back", action)
            raise
        session.expire_all()
        self.doc.mark_dirty()

    def _audit(self, conn: Any, action: str, changeset: ChangeSet) -> None:
        first = changeset.changes[0]
        conn.execute(insert(AuditEntry).values(
            at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            user=getattr(self.sink, "user", None) or os_user(),  # a server plan: the database user, as the server logs
            host=host_name(),
            action=action,
            entity=first.table,
            entity_id=first.id,
            before=audit_json(first.before),
            after=audit_json(first.after),
        ))
