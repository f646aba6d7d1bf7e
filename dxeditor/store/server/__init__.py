"""A plan served from PostgreSQL: one schema per plan, made from the same models as the file.

The database holds a bookkeeping schema ``dxeditor`` (the list of plans, the server schema's
revision) and, per plan, a schema ``plan_<uid>`` whose tables are :mod:`dxeditor.store.models`'
tables plus server-only columns (``row_version``, ``changed_by``, ``changed_at``). A connection
works on one plan by setting its ``search_path`` to that schema inside its transaction, so the
code that reads and writes the file's tables (exports, imports) runs unchanged.

Layout: :mod:`.ddl` creates the bookkeeping and plan schemas, :mod:`.policies` the roles,
grants and row-level security, :mod:`.rows` the optimistic-concurrency update, :mod:`.migrate`
the layout's revision and its upgrades (Alembic, ``db/server``).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError

from dxeditor.core.errors import DxError
from dxeditor.store import models as m

#: The bookkeeping schema: which plans the database holds.
META_SCHEMA = "dxeditor"
_UID = re.compile(r"^[0-9A-Za-z_-]{1,48}$")
#: The tables every editor of a server plan shares row by row (versioned, announced): the plan's
#: content and its versions with their comparison notes (the audit log is the server's own).
SHARED_TABLE_NAMES = frozenset({*(cast(Table, t).name for t in m.CONTENT_TABLES), "plan_versions", "compare_notes"})


class ServerError(DxError):
    """Something about the server or a plan on it that a person can act on."""


class StaleWriteError(ServerError):
    """An update was refused: someone else changed the row after it was read."""

    def __init__(self, table: str, row_id: int, changed_by: str, changed_at: datetime) -> None:
        when = changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        super().__init__(
            f"{changed_by} さんが {when} に先に変更したため、この変更は保存しませんでした"
            f"（{table} の {row_id} 番）。最新の内容を読み直してからやり直してください。",
            f"Not saved: {changed_by} changed this first, at {when} ({table} #{row_id}). "
            "Reload the current value and try again.",
        )
        self.table, self.row_id, self.changed_by, self.changed_at = table, row_id, changed_by, changed_at


class ServerUnavailableError(ServerError):
    """The server cannot be reached (not started, network cut, connection dropped)."""


class PermissionRefusedError(ServerError):
    """The database refused a change this account may not make (roles and row-level security)."""


@dataclass(frozen=True)
class PlanEntry:
    """A plan held by the server, as the bookkeeping table lists it."""

    uid: str
    schema: str
    title: str
    municipality: str
    pushed_at: datetime
    pushed_by: str


def schema_name(uid: str) -> str:
    """The PostgreSQL schema of the plan ``uid`` (``plan_<uid>``, lower case)."""
    if not _UID.match(uid or ""):
        raise ServerError(f"計画の識別子 (uid) が正しくありません: {uid!r}", f"Invalid plan identifier (uid): {uid!r}")
    return "plan_" + uid.lower().replace("-", "_")


def channel_name(uid: str) -> str:
    """The LISTEN/NOTIFY channel on which every change to plan ``uid`` is announced."""
    return "dx_" + schema_name(uid)


#: For a window's connections: give up connecting after 5 s, notice a silent network cut within ~10 s.
LIVE_TIMEOUTS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
                 "keepalives_count": 2, "tcp_user_timeout": 8000}


def connect(url: str, password: str | None = None, *, pool_size: int = 5, live: bool = False) -> Engine:
    """An engine on the PostgreSQL database ``url`` (``postgresql://`` uses psycopg 3).

    A password is never taken from the URL (it would end up in shell histories and logs):
    libpq reads ``PGPASSWORD`` or the password file itself, or the caller passes one it asked for.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ServerError(f"サーバーの URL が正しくありません: {url}", f"Invalid server URL: {url}") from None
    if parsed.get_backend_name() != "postgresql":
        raise ServerError("サーバーの URL は postgresql:// で始めてください。",
                          "The server URL must start with postgresql://.")
    if parsed.password is not None:
        raise ServerError("URL にパスワードを書かないでください（環境変数 PGPASSWORD か --password で入力）。",
                          "Do not put the password in the URL (use PGPASSWORD or --password).")
    if parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    args: dict[str, Any] = {"application_name": "dxeditor"}
    if live:
        args.update({k: v for k, v in LIVE_TIMEOUTS.items() if k not in parsed.query})
    if password is not None:
        args["password"] = password
    try:
        return create_engine(parsed, connect_args=args, future=True, pool_size=pool_size, pool_pre_ping=live)
    except ImportError:
        raise ServerError("サーバーに接続する部品 (psycopg) がインストールされていません。",
                          "The PostgreSQL driver (psycopg) is not installed: reinstall dxeditor.") from None


def describe(exc: DBAPIError) -> ServerError:
    """A driver error as a message a person can act on."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None)
    detail = str(orig or exc).strip().splitlines()[0] if str(orig or exc).strip() else type(exc).__name__
    if code == "42501":
        return PermissionRefusedError(
            "この変更の権限がありません（サーバーが認めませんでした）。部署のアカウントで変更できるのは、"
            f"自分の課が主管の取組事項とその工程・進捗だけです。\n（{detail}）",
            f"You may not make this change (the server refused it): {detail}")
    if (code is None and isinstance(exc, (OperationalError, InterfaceError))) or exc.connection_invalidated \
            or (code or "").startswith("08") or code in ("57P01", "57P02", "57P03"):
        return ServerUnavailableError(f"サーバーに接続できません: {detail}", f"Cannot connect to the server: {detail}")
    if code in ("42P01", "3F000"):
        return ServerError("このデータベースは dxeditor 用に準備されていません（dxeditor server init を先に）: "
                           f"{detail}", f"The database is not prepared for dxeditor (run dxeditor server init): {detail}")
    if code in ("28P01", "28000"):
        return ServerError(f"サーバーにログインできません: {detail}", f"Cannot log in to the server: {detail}")
    return ServerError(f"サーバーでエラーが起きました: {detail}", f"Server error: {detail}")


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    """Turn driver errors raised inside into :class:`ServerError` (with the driver's reason)."""
    try:
        yield
    except DBAPIError as exc:
        raise describe(exc) from exc


def use_plan(conn: Connection, uid: str) -> str:
    """Point ``conn``'s current transaction at plan ``uid``'s schema; returns the schema's name."""
    schema = schema_name(uid)
    conn.execute(text(f'SET LOCAL search_path TO "{schema}"'))
    return schema


def plan_exists(conn: Connection, uid: str) -> bool:
    """Whether the bookkeeping table lists plan ``uid``."""
    found = conn.execute(text(f"SELECT 1 FROM {META_SCHEMA}.plans WHERE uid = :uid"), {"uid": uid}).first()
    return found is not None


def check_revision(conn: Connection) -> None:
    """Refuse a database whose layout is not this dxeditor's Alembic head (older, newer, or not prepared)."""
    from dxeditor.store.server import migrate

    migrate.require_head(migrate.current_revision(conn))


@contextlib.contextmanager
def plan_connection(engine: Engine, uid: str) -> Iterator[Connection]:
    """A connection inside one transaction on plan ``uid`` (committed at the end, rolled back on error)."""
    with translated_errors(), engine.begin() as conn:
        check_revision(conn)
        if not plan_exists(conn, uid):
            raise ServerError(f"サーバーにこの計画はありません: {uid}", f"No such plan on the server: {uid}")
        use_plan(conn, uid)
        yield conn


def list_plans(engine: Engine) -> list[PlanEntry]:
    """The plans the database holds, oldest first."""
    with translated_errors(), engine.connect() as conn:
        rows = conn.execute(text(
            f"SELECT uid, schema_name, title, municipality, pushed_at, pushed_by FROM {META_SCHEMA}.plans "
            "ORDER BY pushed_at, uid")).all()
    return [PlanEntry(*r) for r in rows]
