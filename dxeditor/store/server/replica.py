"""The window's local copy of a server plan: the server's rows, with the same ids, in a working copy.

A plan opened from the server is read once, table by table in one snapshot, into a local
working copy (SQLite, like a file's), so every view, form and export runs unchanged and
stays instant. Changes go both ways row by row: the window's own (see
:mod:`dxeditor.app.server_plan`) and the others' (fetched by id when the server announces
them, :func:`read_rows`). The copy holds no unsaved work of its own: what was not yet sent
is kept in the outbox, so the working copy is never offered for crash recovery.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, insert, select, text
from sqlalchemy.exc import DBAPIError

from dxeditor.core.errors import PlanFileError
from dxeditor.store import models as m
from dxeditor.store.document import PlanDocument
from dxeditor.store.server import SHARED_TABLE_NAMES, plan_connection

#: The tables a server plan shares, parents before children (the order to insert in).
SHARED_TABLES: list[Table] = [t for t in m.Base.metadata.sorted_tables if t.name in SHARED_TABLE_NAMES]
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in SHARED_TABLES}

Tuples = dict[str, list[tuple[Any, ...]]]
"""Rows of the shared tables as plain driver tuples in column order, by table name (id order)."""

Rows = dict[str, dict[int, dict[str, Any]]]
"""Rows by table name, then by id; each row as a plain dict of the model's columns."""


def _columns(t: Table) -> str:
    return ", ".join(f'"{c.name}"' for c in t.c)


def read_tuples(conn: Connection, wanted: dict[str, Collection[int]] | None = None) -> Tuples:
    """Every shared row of the plan ``conn`` points at, or those ``wanted`` by table and id, as driver tuples.

    A whole plan is hundreds of thousands of rows at the largest: plain tuples are read (and
    written, and compared) several times faster than SQLAlchemy rows or dicts.
    """
    dbapi = conn.dialect.loaded_dbapi
    cursor: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    out: Tuples = {}
    try:
        for t in SHARED_TABLES:
            where = ""
            if wanted is not None:
                if not wanted.get(t.name):
                    continue
                where = f" WHERE id IN ({', '.join(str(int(i)) for i in sorted(wanted[t.name]))})"
            sql = f'SELECT {_columns(t)} FROM "{t.name}"{where} ORDER BY id'
            try:
                cursor.execute(sql)
            except dbapi.Error as exc:  # as SQLAlchemy would raise it (translated_errors and describe know it)
                raise DBAPIError.instance(sql, None, exc, dbapi.Error, dialect=conn.dialect) from exc
            out[t.name] = [tuple(r) for r in cursor.fetchall()]
    finally:
        cursor.close()
    return out


def read_rows(conn: Connection, wanted: dict[str, Collection[int]] | None = None) -> Rows:
    """:func:`read_tuples` as dicts by id (to look rows up by column name)."""
    return {name: {r[0]: as_dict(TABLES_BY_NAME[name], r) or {} for r in rows}
            for name, rows in read_tuples(conn, wanted).items()}


def write_tuples(conn: Connection, rows: Tuples) -> None:
    """Insert :func:`read_tuples`' rows into the working copy on ``conn`` (SQLite)."""
    cursor: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        for t in SHARED_TABLES:
            if rows.get(t.name):
                marks = ", ".join("?" for _ in t.c)
                cursor.executemany(f'INSERT INTO "{t.name}" ({_columns(t)}) VALUES ({marks})', rows[t.name])
    finally:
        cursor.close()


def as_dict(t: Table, row: tuple[Any, ...] | None) -> dict[str, Any] | None:
    """A tuple of :func:`read_tuples` as a row dict."""
    return None if row is None else dict(zip(t.c.keys(), row, strict=True))


class ServerPlanDocument(PlanDocument):
    """A working copy of a plan that lives on a server (``label``: where, for the title bar)."""

    def mark_dirty(self) -> None:
        """Every change is on the server (or in the outbox) once made: nothing here is unsaved."""
        self.edited = True

    def save(self, target: str | os.PathLike[str] | None = None, *, overwrite_changed: bool = False) -> Path:
        """Write a file copy of the plan to ``target`` (the plan itself stays on the server)."""
        if target is None:
            raise PlanFileError("サーバーの計画は、変更のたびにサーバーに保存されています。"
                                "ファイルの控えは「名前を付けて保存」で作れます。",
                                "A server plan is saved on the server with every change; "
                                "use Save As for a file copy.")
        read_only = self.read_only
        try:
            return super().save(target, overwrite_changed=overwrite_changed)
        finally:  # still the server's plan, not the file's
            self.source, self.stamp, self.read_only = None, None, read_only
            self._write_manifest()

    def display_name(self) -> str:
        title = self.plan.title or "無題"
        return f"{title}（{self.server_label}）"


def open_replica(engine: Engine, uid: str, label: str) -> ServerPlanDocument:
    """A new working copy holding plan ``uid`` as the server has it now (one consistent snapshot)."""
    snapshot = engine.execution_options(isolation_level="REPEATABLE READ")
    with plan_connection(snapshot, uid) as conn:
        rows = read_tuples(conn)
        # the history so far, for 操作履歴 (who changed what, by database user); not kept in step afterwards
        history = [dict(r) for r in conn.execute(select(m.AuditEntry.__table__).order_by(m.AuditEntry.id)).mappings()]
    doc = cast(ServerPlanDocument, ServerPlanDocument.create())
    doc.server_label = label
    try:
        with doc.engine.begin() as local:
            defer_foreign_keys(local)  # a sub-row may come before its parent row
            for t in reversed(SHARED_TABLES):
                local.execute(delete(t))
            write_tuples(local, rows)
            local.execute(delete(m.AuditEntry))
            if history:
                local.execute(insert(m.AuditEntry), history)
        doc.session.expire_all()
        doc._write_manifest()
    except BaseException:
        doc.close(keep_working_copy=False)
        raise
    return doc


def defer_foreign_keys(conn: Connection) -> None:
    """Check the working copy's foreign keys at commit (rows of others arrive in any order)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("PRAGMA defer_foreign_keys = ON"))

