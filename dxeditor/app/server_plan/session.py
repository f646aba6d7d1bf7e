"""A server plan open for editing: the local copy, the link to the server, the outbox, the listener.

:class:`ServerSession` is the document's change sink (:class:`dxeditor.plan.editor.ChangeSink`):
every change the window makes (done, undone, redone) is sent to the server inside the local
transaction — refused there, it is rolled back here too; with the server away it is kept in
the outbox and the local copy. The others' changes come in by id (:meth:`pull`) when the
listener hears of them, or all at once after the server was away (:meth:`reconnected`), and come
back as a :class:`ChangeSet` for the views to refresh — never as an entry in this user's undo
history. No Qt here: the window wires the listener's callbacks to its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import make_url

from dxeditor.app.server_plan.link import ServerLink
from dxeditor.app.server_plan.outbox import Outbox, outbox_path
from dxeditor.plan.changes import ChangeSet, RowChange, apply
from dxeditor.store.server import (
    ServerError,
    ServerUnavailableError,
    channel_name,
    connect,
)
from dxeditor.store.server.listen import Listener
from dxeditor.store.server.replica import (
    SHARED_TABLES,
    TABLES_BY_NAME,
    Tuples,
    as_dict,
    defer_foreign_keys,
    open_replica,
    read_tuples,
)

log = logging.getLogger(__name__)

#: Ids taken from the server per table at a time (the window numbers new rows itself, even offline).
ID_BATCH = 50
#: The name of the change sets that bring the others' changes.
REMOTE = "remote"


@dataclass(frozen=True)
class Refused:
    """A change kept while the server was away that it refused when it came back."""

    action: str
    message: str


def whole_plan_news(batch: Iterable[dict[str, Any]]) -> str | None:
    """``replaced`` or ``removed`` when a burst says the whole plan was (published anew / taken off the server)."""
    ops = {note.get("op") for note in batch}
    return "replaced" if "replaced" in ops else "removed" if "removed" in ops else None


def announced(batch: Iterable[dict[str, Any]]) -> dict[str, set[int]]:
    """The rows named by a burst of announcements, by table (tables the window does not hold are left out)."""
    out: dict[str, set[int]] = {}
    for note in batch:
        table, row_id = note.get("table"), note.get("id")
        if table in TABLES_BY_NAME and isinstance(row_id, int):
            out.setdefault(table, set()).add(row_id)
    return out


def differences(local: Tuples, server: Tuples) -> list[RowChange]:
    """The row changes that turn ``local`` into ``server`` (rows read as tuples; only those that differ
    become dicts): removals children first, then the rest parents first."""
    removed: list[RowChange] = []
    rest: list[RowChange] = []
    for t in SHARED_TABLES:
        mine = {r[0]: r for r in local.get(t.name, ())}
        theirs = {r[0]: r for r in server.get(t.name, ())}
        if mine == theirs:
            continue
        for row_id in sorted(mine.keys() | theirs.keys()):
            before, after = mine.get(row_id), theirs.get(row_id)
            if before == after:
                continue
            change = RowChange(t.name, row_id, as_dict(t, before), as_dict(t, after))
            (removed if after is None else rest).append(change)
    return [*reversed(removed), *rest]


class ServerSession:
    """Plan ``uid`` on the server ``url`` (no password in it), open in a window."""

    def __init__(self, url: str, uid: str, password: str | None = None, *, live: bool = True) -> None:
        self.url, self.uid = url, uid
        #: Kept in memory only, to open the plan again (it was replaced on the server); never written.
        self.password = password
        self.engine = connect(url, password, pool_size=2, live=True)
        self.listener: Listener | None = None
        self._lock = threading.Lock()
        self._early: list[dict[str, Any]] = []  # announcements heard before anyone asked (see listen)
        self._early_online: bool | None = None
        self._on_changes: Callable[[list[dict[str, Any]]], None] | None = None
        self._on_online: Callable[[bool], None] | None = None
        self.outbox = Outbox(outbox_path(url, uid))
        try:
            self.link = ServerLink(self.engine, uid)
            if live:
                # listening before the copy is read: no change made in between goes unheard
                self.listener = Listener(self.engine, channel_name(uid), self._heard, self._reachable)
                self.listener.start()
                self.listener.ready.wait(10)
            parsed = make_url(url)
            where = parsed.host or parsed.query.get("host") or "localhost"
            if isinstance(where, str) and where.startswith("/"):
                where = "localhost"
            self.label = f"{self.link.user}@{where}/{parsed.database}"
            self.doc = open_replica(self.engine, uid, self.label)
        except BaseException:
            if self.listener is not None:
                self.listener.stop()
            self.engine.dispose()
            raise
        self.doc.change_sink = self
        self.outbox.label = self.label
        self.online = True
        self._ids: dict[str, list[int]] = {}
        #: Told (in the caller's thread) when the server goes away from a send or a read: on_online(False).
        self.on_offline: Callable[[], None] = lambda: None
        #: Told which rows a refused change touched (after it is rolled back they are fetched again).
        self.on_refused: Callable[[dict[str, set[int]]], None] = lambda rows: None
        self.doc.read_only = not self.link.may_write
        try:
            if self.link.may_write:
                self._ids = self.link.take_ids([t.name for t in SHARED_TABLES], ID_BATCH)
        except ServerError:
            self.close()
            raise

    # ------------------------------------------------------------------ the change sink
    @property
    def user(self) -> str:
        """The database user this window writes as (its own history entries name it too)."""
        return self.link.user

    def new_id(self, table: str) -> int:
        """The next of this window's ids for ``table`` (more are fetched while the server answers)."""
        ids = self._ids.setdefault(table, [])
        if len(ids) < 5 and self.online:
            try:
                ids.extend(self.link.take_ids([table], ID_BATCH)[table])
            except ServerUnavailableError:
                self._went_offline()
        if not ids:
            raise ServerUnavailableError(
                "サーバーにつながらないため、新しい項目はこれ以上追加できません。つながってから追加してください。",
                "The server cannot be reached: no more new items can be added until it answers again.")
        return ids.pop(0)

    def publish(self, changeset: ChangeSet, action: str) -> None:
        """Send a change; with the server away (or changes still waiting) keep it in the outbox.

        Raises what the server refuses (:class:`~dxeditor.app.server_plan.link.ConflictError`,
        a permission refused): the caller rolls the change back.
        """
        if self.online and not self.outbox:
            try:
                self.link.push(changeset, action)
                return
            except ServerUnavailableError:
                log.info("server away while sending %r: kept in the outbox", action)
                self._went_offline()
            except ServerError:
                # refused: the caller rolls back; the window is then shown what the server holds
                self.on_refused({t: changeset.ids(t) for t in changeset.tables()})
                raise
        self.outbox.append(action, changeset)

    def _went_offline(self) -> None:
        if self.online:
            self.online = False
            self.on_offline()

    # ------------------------------------------------------------------ the others' changes
    def pull(self, wanted: dict[str, Collection[int]] | None = None) -> ChangeSet:
        """Bring the local copy up to the server's rows (``wanted`` by table and id, or all); returns what changed.

        Nothing is pulled while changes of this window wait in the outbox (they would be overwritten).
        """
        if self.outbox or (wanted is not None and not wanted):
            return ChangeSet(REMOTE)
        try:
            server = self.link.fetch_tuples(wanted)
        except ServerUnavailableError:
            self._went_offline()
            return ChangeSet(REMOTE)
        session = self.doc.session
        session.commit()
        conn = session.connection()
        try:
            changes = differences(read_tuples(conn, wanted), server)
            if changes:
                defer_foreign_keys(conn)
                apply(conn, ChangeSet(REMOTE, changes))
            session.commit()
        except BaseException:
            session.rollback()
            raise
        session.expire_all()
        return ChangeSet(REMOTE, changes)

    def reconnected(self) -> tuple[ChangeSet, list[Refused]]:
        """The server answers again: send what waited, in order, then catch up with everyone's changes.

        Returns what changed in the local copy and the kept changes the server refused (for the
        user to see, with what they had entered); those are dropped from the outbox.
        """
        refused: list[Refused] = []
        self.online = True
        while self.outbox:
            pending = self.outbox.items[0]
            try:
                self.link.push(pending.changeset, pending.action)
            except ServerUnavailableError:
                self._went_offline()
                return ChangeSet(REMOTE), refused
            except ServerError as exc:
                refused.append(Refused(pending.action, exc.message()))
            self.outbox.pop_first()
        for table, ids in self._ids.items():
            if len(ids) < ID_BATCH // 2 and self.link.may_write:
                ids.extend(self.link.take_ids([table], ID_BATCH)[table])
        return self.pull(), refused

    def listen(self, on_changes: Callable[[list[dict[str, Any]]], None], on_online: Callable[[bool], None]) -> None:
        """Hear the others' changes from now on, and what was heard since the copy was read (the
        callbacks run in the listener's thread; the session must have been opened ``live``)."""
        with self._lock:
            self._on_changes, self._on_online = on_changes, on_online
            early, self._early = self._early, []
            state = self._early_online
        if early:
            on_changes(early)
        if state is not None:
            on_online(state)

    def _heard(self, batch: list[dict[str, Any]]) -> None:
        with self._lock:
            if self._on_changes is None:
                self._early += batch
                return
            deliver = self._on_changes
        deliver(batch)

    def _reachable(self, online: bool) -> None:
        with self._lock:
            if self._on_online is None:
                self._early_online = online
                return
            deliver = self._on_online
        deliver(online)

    def close(self, *, close_document: bool = True) -> None:
        """Stop listening, drop the local copy (unless the window closes it); the outbox stays until sent."""
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if close_document:
            self.doc.close(keep_working_copy=False)
        self.engine.dispose()
