"""Optimistic concurrency on the server: an update names the row version it was based on.

Every content row carries ``row_version``; the server's trigger raises it (and records the
database user and time) on every update, whoever makes it, psql included. An update through
:func:`update_row` applies only when the row still has the version the editor read, so a
change that someone else overtook is refused with who changed it and when — never silently
written over.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, literal_column, select, update
from sqlalchemy.exc import DBAPIError

from dxeditor.store import models as m
from dxeditor.store.server import ServerError, StaleWriteError, describe

_TABLES: dict[str, Any] = {cast(Table, t).name: t for t in m.CONTENT_TABLES}


@dataclass(frozen=True)
class RowStamp:
    """A row's version and its last writer."""

    version: int
    changed_by: str
    changed_at: datetime


def _table(name: str) -> Any:
    try:
        return _TABLES[name]
    except KeyError:
        raise ServerError(f"内容の表ではありません: {name}", f"Not a content table: {name}") from None


def row_stamp(conn: Connection, table: str, row_id: int) -> RowStamp | None:
    """The version and last writer of one row of the plan ``conn`` points at (None: no such row)."""
    t = _table(table)
    found: Any = conn.execute(select(literal_column("row_version"), literal_column("changed_by"),
                                literal_column("changed_at")).select_from(t).where(t.c.id == row_id)).first()
    return RowStamp(*found) if found else None


def update_row(conn: Connection, table: str, row_id: int, expected_version: int, values: dict[str, Any],
               *, action: str = "") -> int:
    """Set ``values`` on one row if it still has ``expected_version``; returns the row's new version.

    Raises :class:`StaleWriteError` (naming who changed it and when) when the row moved on,
    :class:`ServerError` when it is gone, :class:`PermissionRefusedError` when the database's
    policies refuse the change. With an ``action`` (the command's name, as in Edit ▸ Undo) the
    change goes to the plan's audit log too, under the database user (the server sets it).
    Runs in ``conn``'s transaction, which a refusal leaves usable.
    """
    t = _table(table)
    unknown = set(values) - set(t.c.keys())
    if unknown or "id" in values:
        raise ServerError(f"変更できない項目です: {sorted(unknown | ({'id'} & set(values)))}",
                          f"Cannot set: {sorted(unknown | ({'id'} & set(values)))}")
    version: Any = literal_column("row_version")
    savepoint = conn.begin_nested()
    try:
        # lock the row as it was read: a writer that comes later waits, then finds a new version
        before: Any = conn.execute(select(*(t.c[k] for k in values)).where(t.c.id == row_id, version == expected_version)
                                   .with_for_update()).mappings().first()
        new = None
        if before is not None:
            stmt: Any = update(t).where(t.c.id == row_id).values(**values).returning(version)
            new = conn.execute(stmt).scalar()
            if action:
                conn.execute(insert(m.AuditEntry).values(
                    at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), action=action, entity=table,
                    entity_id=row_id, before=_json(dict(before)), after=_json(values)))
    except DBAPIError as exc:
        savepoint.rollback()
        raise describe(exc) from exc
    savepoint.commit()
    if new is not None:
        return int(new)
    stamp = row_stamp(conn, table, row_id)
    if stamp is None:
        raise ServerError(f"この行は削除されています（{table} の {row_id} 番）。",
                          f"The row was deleted ({table} #{row_id}).")
    raise StaleWriteError(table, row_id, stamp.changed_by, stamp.changed_at)


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
