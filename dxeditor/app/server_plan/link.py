"""A window's changes to a server plan: sent as one transaction each, refused when they collide.

A change made in the window is a :class:`~dxeditor.plan.changes.ChangeSet`: every row it
inserted, updated or deleted, with the values before and after. :meth:`ServerLink.push` sends
it in one transaction. Each row is locked and compared with what the window saw: an update
goes through when the server still holds the window's "before" values **in the columns it
changes** (someone else's change to other columns of the same row is kept, so edits to
different fields — and to different initiatives — never collide); otherwise the whole change
is refused with :class:`ConflictError`, naming the last writer of that row and when
(``changed_by`` / ``changed_at``, kept by the server's trigger with the row's ``row_version``).
Undo and redo are sent the same way, so an undo over someone else's later change is refused.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, literal_column, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from dxeditor.plan.changes import ChangeSet, RowChange
from dxeditor.plan.editor import audit_json
from dxeditor.store import models as m
from dxeditor.store.server import (
    PermissionRefusedError,
    ServerError,
    describe,
    plan_connection,
    schema_name,
    translated_errors,
    use_plan,
)
from dxeditor.store.server.replica import TABLES_BY_NAME, Rows, Tuples, read_rows, read_tuples

_STAMPS: tuple[Any, ...] = (literal_column("changed_by"), literal_column("changed_at"))


class ConflictError(ServerError):
    """A change was refused because someone else changed (or removed) the same thing first."""

    def __init__(self, action: str, who: str = "", when: datetime | None = None, *, typed: str = "",
                 gone: bool = False) -> None:
        at = when.astimezone().strftime("%m月%d日 %H:%M") if when else ""
        at_en = when.astimezone().strftime("%b %d %H:%M") if when else ""
        if gone:
            ja, en = "その項目は、ほかの人がすでに削除しています", "someone else has already removed that item"
        elif who:
            ja, en = f"{who} さんが {at} に同じ項目を変更しています", f"{who} changed the same item at {at_en}"
        else:
            ja, en = "ほかの人の変更と重なりました", "it collides with someone else's change"
        kept_ja = f"\n入力した内容: {typed}" if typed else ""
        kept_en = f"\nWhat you entered: {typed}" if typed else ""
        super().__init__(
            f"「{action}」は保存しませんでした。{ja}。画面は今の内容にしました。{kept_ja}",
            f"\"{action}\" was not saved: {en}. The window shows the current content now.{kept_en}")
        self.action, self.who, self.when, self.gone = action, who, when, gone


def typed_text(change: RowChange) -> str:
    """The text the user entered in an update (to show it when the change is refused: nothing typed is lost)."""
    texts = [str(v) for v in change.changed_values().values() if isinstance(v, str) and v.strip()]
    joined = " / ".join(texts)
    return joined if len(joined) <= 400 else joined[:400] + "…"


class ServerLink:
    """Sends and fetches rows of plan ``uid`` through ``engine``."""

    def __init__(self, engine: Engine, uid: str) -> None:
        self.engine = engine
        self.uid = uid
        with plan_connection(engine, uid) as conn:  # the layout revision and the plan, with clear messages
            #: The database user this window writes as (the audit log and the others see this name).
            self.user: str = conn.execute(text("SELECT session_user")).scalar_one()
            #: Whether this login may change the plan at all (viewers may not: the window opens read-only).
            self.may_write: bool = bool(conn.execute(text(
                "SELECT pg_has_role(session_user, 'dx_office', 'MEMBER') "
                "OR pg_has_role(session_user, 'dx_department', 'MEMBER') "
                "OR has_table_privilege(current_schema() || '.plan', 'UPDATE')")).scalar_one())

    @contextlib.contextmanager
    def plan(self, *, snapshot: bool = False) -> Iterator[Connection]:
        """One transaction on the plan (``snapshot``: every read sees the same moment)."""
        engine = self.engine.execution_options(isolation_level="REPEATABLE READ") if snapshot else self.engine
        with translated_errors(), engine.begin() as conn:
            use_plan(conn, self.uid)
            yield conn

    def fetch(self, wanted: dict[str, Collection[int]] | None = None) -> Rows:
        """The server's rows: all shared rows, or those ``wanted`` (table → ids); a missing id is deleted."""
        with self.plan(snapshot=True) as conn:
            return read_rows(conn, wanted)

    def fetch_tuples(self, wanted: dict[str, Collection[int]] | None = None) -> Tuples:
        """:meth:`fetch` as driver tuples (what the window compares with its copy)."""
        with self.plan(snapshot=True) as conn:
            return read_tuples(conn, wanted)

    def take_ids(self, tables: Collection[str], count: int) -> dict[str, list[int]]:
        """``count`` ids per table for new rows that no other editor will be given (one transaction)."""
        schema = schema_name(self.uid)
        out: dict[str, list[int]] = {}
        with self.plan() as conn:
            for table in tables:
                out[table] = list(conn.execute(
                    text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                    {"t": f'"{schema}"."{table}"', "n": count}).scalars())
        return out

    def push(self, changeset: ChangeSet, action: str) -> None:
        """Apply ``changeset`` on the server in one transaction, or refuse all of it (:class:`ConflictError`)."""
        with self.plan() as conn:
            for change in changeset.changes:
                self._push_row(conn, change, action)
            first = changeset.changes[0]
            conn.execute(insert(m.AuditEntry).values(  # user and host: set by the server
                at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), action=action, entity=first.table,
                entity_id=first.id, before=audit_json(first.before), after=audit_json(first.after)))

    def _push_row(self, conn: Connection, c: RowChange, action: str) -> None:
        t = TABLES_BY_NAME[c.table]
        if c.before is None:
            savepoint = conn.begin_nested()
            try:
                conn.execute(insert(t).values(**(c.after or {})))
            except IntegrityError as exc:
                savepoint.rollback()
                code = getattr(exc.orig, "sqlstate", "")
                if code == "42501":
                    raise describe(exc) from exc
                raise ConflictError(action, gone=code == "23503") from exc
            except DBAPIError as exc:
                savepoint.rollback()
                raise describe(exc) from exc
            savepoint.commit()
            return
        current: Any = conn.execute(select(t, *_STAMPS).where(t.c.id == c.id).with_for_update()).mappings().first()
        if c.after is None:
            if current is None:
                return  # removed by someone else already: what this change wanted
            if any(current[k] != v for k, v in c.before.items()):
                raise self._conflict(conn, c, current, action)
            if conn.execute(delete(t).where(t.c.id == c.id)).rowcount == 0:  # the policies hid it: not ours
                raise PermissionRefusedError(
                    f"「{action}」は保存しませんでした。この項目を削除する権限がありません（サーバーが認めませんでした）。",
                    f"\"{action}\" was not saved: you may not remove this item (the server refused it).")
            return
        values = c.changed_values()
        if current is None:
            raise ConflictError(action, gone=True, typed=typed_text(c))
        if any(current[k] != c.before.get(k) for k in values):
            raise self._conflict(conn, c, current, action, typed=typed_text(c))
        if values:
            conn.execute(update(t).where(t.c.id == c.id).values(**values))

    def _conflict(self, conn: Connection, c: RowChange, current: Any, action: str, typed: str = "") -> ConflictError:
        """The refusal, naming who changed the row; when the last writer is this user (a change of
        theirs sent earlier, on another field), the last other writer the audit log names."""
        who, when = current["changed_by"], current["changed_at"]
        if who == self.user:
            log_ = m.AuditEntry.__table__
            other: Any = conn.execute(
                select(log_.c.user, log_.c.at).where(log_.c.entity == c.table, log_.c.entity_id == c.id,
                                                     log_.c.user != self.user)
                .order_by(log_.c.id.desc()).limit(1)).first()
            if other is not None:
                who = other.user
                with contextlib.suppress(ValueError):
                    when = datetime.strptime(other.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        return ConflictError(action, who, when, typed=typed)
