"""The server layout under Alembic: its revision, upgrades of the bookkeeping schema and every plan schema.

The scripts live in ``db/server/`` (``env.py``, ``versions/sNNNN_*.py``), beside the file
schema's ``db/``; the version table is ``dxeditor.alembic_version``. A server revision
upgrades the bookkeeping schema ``dxeditor`` and, through :func:`for_each_plan`, every plan
schema that ``dxeditor.plans`` lists (each step runs with ``search_path`` set to that plan's
schema). The whole upgrade is one transaction: PostgreSQL's DDL is transactional, so a
failure leaves the database as it was.

A plan pushed later is created from the current models by :mod:`.ddl`, so a revision that
changes a plan's tables must bring the existing plan schemas to exactly that layout (the
file's migration in ``db/versions`` does the same for ``.dxplan`` files).

Databases prepared before the layout was under Alembic have ``dxeditor.server_meta`` with
revision ``s1`` and no version table; their layout is the baseline ``s0001``, whose script is
idempotent, so upgrading them runs it and records the revision.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from dxeditor.core import paths
from dxeditor.store.server import META_SCHEMA, ServerError, translated_errors

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

#: The revision of the baseline script: the layout of the databases prepared before Alembic.
BASELINE = "s0001"
#: What ``dxeditor.server_meta`` said before Alembic (dxeditor releases of that time compare it).
LEGACY_REVISION = "s1"
VERSION_TABLE = "alembic_version"


def script_location() -> Path:
    """The server's Alembic environment (``db/server``, shipped in the frozen program like ``db/``)."""
    return paths.migrations() / "server"


@functools.lru_cache(maxsize=4)
def _script(location: str) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(location)


def scripts() -> ScriptDirectory:
    """The :class:`alembic.script.ScriptDirectory` of :func:`script_location` (read once per process)."""
    return _script(str(script_location()))


def head() -> str:
    """The revision this dxeditor lays out and expects."""
    found = scripts().get_current_head()
    assert found, "db/server/versions has no revision"
    return str(found)


def known_revisions() -> list[str]:
    """Every revision of the chain, oldest first."""
    return [str(s.revision) for s in reversed(list(scripts().walk_revisions()))]


def current_revision(conn: Connection) -> str | None:
    """The database's layout revision: None when not prepared, ``s1`` when prepared before Alembic."""
    has_version, has_meta = conn.execute(text(
        f"SELECT to_regclass('{META_SCHEMA}.{VERSION_TABLE}') IS NOT NULL, "
        f"to_regclass('{META_SCHEMA}.server_meta') IS NOT NULL")).one()
    if has_version:
        found = conn.execute(text(f"SELECT version_num FROM {META_SCHEMA}.{VERSION_TABLE}")).scalar()
        if found is not None:
            return str(found)
    if has_meta:
        found = conn.execute(text(f"SELECT value FROM {META_SCHEMA}.server_meta WHERE key = 'revision'")).scalar()
        return str(found) if found else LEGACY_REVISION
    return None


def require_head(found: str | None) -> None:
    """Refuse a database whose layout is not this dxeditor's (older: upgrade it; newer: update dxeditor)."""
    expected = head()
    if found == expected:
        return
    if found is None:
        raise ServerError("このデータベースは dxeditor 用に準備されていません（dxeditor server init を先に）。",
                          "The database is not prepared for dxeditor (run dxeditor server init first).")
    if found == LEGACY_REVISION or found in known_revisions():
        raise ServerError(
            f"サーバーのデータベースの形式 ({found}) が古いため開けません（この dxeditor は {expected}）。"
            "管理者が dxeditor server upgrade でデータベースを更新してください（docs/server.md の「7. Upgrades」）。",
            f"The server's database layout ({found}) is older than this dxeditor's ({expected}): the "
            "administrator must run dxeditor server upgrade (docs/server.md, 7. Upgrades).")
    raise ServerError(
        f"サーバーのデータベースの形式 ({found}) がこの dxeditor ({expected}) より新しいため開けません。"
        "dxeditor を新しい版に更新してください。",
        f"The server's database layout ({found}) is newer than this dxeditor's ({expected}): update dxeditor.")


def plan_schemas(conn: Connection) -> list[str]:
    """The schemas of the plans the database holds (none before the bookkeeping schema exists)."""
    if conn.execute(text(f"SELECT to_regclass('{META_SCHEMA}.plans')")).scalar() is None:
        return []
    return [str(r[0]) for r in conn.execute(text(f"SELECT schema_name FROM {META_SCHEMA}.plans ORDER BY uid"))]


def for_each_plan(step: Callable[[str], None]) -> list[str]:
    """Inside a server revision: run ``step(schema)`` once per plan schema, with ``search_path`` set to it.

    ``alembic.op`` calls without a schema inside ``step`` act on that plan's tables. Returns the
    schemas done. The search path is set back afterwards.
    """
    from alembic import op

    conn = op.get_bind()
    done = []
    for schema in plan_schemas(conn):
        conn.execute(text(f'SET LOCAL search_path TO "{schema}"'))
        step(schema)
        done.append(schema)
    conn.execute(text("SET LOCAL search_path TO DEFAULT"))
    return done


def _refusals(conn: Connection) -> list[str]:
    """Why this login cannot upgrade: schemas and tables it does not own, missing rights; empty when it can."""
    why = []
    names = [META_SCHEMA, *plan_schemas(conn)]
    owners = conn.execute(text("""
        SELECT n.nspname, pg_get_userbyid(n.nspowner) FROM pg_namespace n
        WHERE n.nspname = ANY(:names) AND NOT pg_has_role(current_user, n.nspowner, 'USAGE')
        UNION
        SELECT n.nspname, pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY(:names) AND c.relkind IN ('r', 'p', 'v', 'S')
          AND NOT pg_has_role(current_user, c.relowner, 'USAGE')
        ORDER BY 1, 2"""), {"names": names}).all()
    why += [f"{schema} ({owner})" for schema, owner in owners]
    if not conn.execute(text(f"SELECT to_regnamespace('{META_SCHEMA}') IS NOT NULL")).scalar() and not conn.execute(
            text("SELECT has_database_privilege(current_database(), 'CREATE')")).scalar():
        why.append("CREATE ON DATABASE")
    missing_roles = conn.execute(text(
        "SELECT count(*) FROM unnest(ARRAY['dx_office', 'dx_department', 'dx_viewer']) r "
        "WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r)")).scalar()
    if missing_roles and not conn.execute(text(
            "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
        why.append("CREATEROLE")
    return why


@dataclass(frozen=True)
class UpgradeResult:
    """What an upgrade did: the revisions before and after, the steps run, the plan schemas it went through."""

    before: str | None
    after: str
    applied: list[tuple[str, str]] = field(default_factory=list)  # (revision, what it changes)
    plans: list[str] = field(default_factory=list)


def _steps(before: str | None) -> list[tuple[str, str]]:
    """The revisions an upgrade from ``before`` runs, oldest first, with their one-line descriptions."""
    chain = list(reversed(list(scripts().walk_revisions())))
    start = 0 if before in (None, LEGACY_REVISION) else [str(s.revision) for s in chain].index(before) + 1
    return [(str(s.revision), (s.doc or "").strip().splitlines()[0] if s.doc else "") for s in chain[start:]]


def upgrade(engine: Engine) -> UpgradeResult:
    """Bring the database's layout (bookkeeping and every plan) to :func:`head` in one transaction.

    Refuses, naming what is missing, when the login does not own the schemas (and tables) to
    change or lacks the rights to create them; refuses a database newer than this dxeditor.
    """
    from alembic import command
    from alembic.config import Config

    target = head()
    with translated_errors(), engine.begin() as conn:
        before = current_revision(conn)
        if before == target:
            return UpgradeResult(before, target)
        if before is not None and before != LEGACY_REVISION and before not in known_revisions():
            require_head(before)  # newer than this dxeditor: raises
        refused = _refusals(conn)
        user = conn.execute(text("SELECT current_user")).scalar()
        if refused:
            raise ServerError(
                f"ログイン {user} ではデータベースの形式を更新できません。所有者でないもの・足りない権限: "
                + "、".join(r.replace(" (", "（").replace(")", "）") for r in refused)
                + "。データベースと計画のスキーマを所有するログイン（計画を公開した管理者）"
                "で実行してください（docs/server.md の「7. Upgrades」）。",
                f"The login {user} cannot upgrade the database layout; not its own or missing: "
                + ", ".join(refused) + ". Run it as the login that owns the database and the plans' schemas "
                "(the administrator who published them; docs/server.md, 7. Upgrades).")
        plans = plan_schemas(conn)
        steps = _steps(before)
        cfg = Config()
        cfg.set_main_option("script_location", str(script_location()))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        # dxeditor releases from before Alembic compare this value and refuse any other layout than theirs
        conn.execute(text(f"UPDATE {META_SCHEMA}.server_meta SET value = :rev WHERE key = 'revision'"),
                     {"rev": LEGACY_REVISION if target == BASELINE else target})
    return UpgradeResult(before, target, steps, plans)
