"""The server's tables: the bookkeeping schema, and one schema per plan made from the file's models.

A plan's schema holds every table of :mod:`dxeditor.store.models` (created with a
``schema_translate_map``, so the models stay schema-less for the file) and, on the content
tables, three server-only columns: ``row_version`` (raised by every update, for optimistic
concurrency), ``changed_by`` (the database user of the last writer) and ``changed_at``. A
trigger keeps them and another announces every change on the plan's NOTIFY channel.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, Engine, text

from dxeditor.store import models as m
from dxeditor.store.server import (
    META_SCHEMA,
    SHARED_TABLE_NAMES,
    ServerError,
    channel_name,
    check_revision,
    migrate,
    plan_exists,
    policies,
    schema_name,
    translated_errors,
    use_plan,
)

#: Tables that carry ``row_version`` / ``changed_by`` / ``changed_at`` and announce their changes.
VERSIONED_TABLES = [t.name for t in m.Base.metadata.sorted_tables if t.name in SHARED_TABLE_NAMES]


def init(engine: Engine) -> migrate.UpgradeResult:
    """Prepare the database: the layout at the Alembic head (upgraded when older), the three roles (idempotent).

    The roles and the bookkeeping grants are made again where missing (a database restored on a
    new server): they live outside the database's dump.
    """
    result = migrate.upgrade(engine)
    with translated_errors(), engine.begin() as conn:
        policies.create_roles(conn)
        policies.grant_bookkeeping(conn)
    return result


def create_plan_schema(conn: Connection, uid: str, title: str, municipality: str, *, replace: bool = False) -> str:
    """Create plan ``uid``'s empty schema and list it; ``conn``'s transaction is left pointing at it."""
    schema = schema_name(uid)
    check_revision(conn)  # a plan is laid out as this dxeditor's head: never into an older or newer database
    if plan_exists(conn, uid):
        if not replace:
            raise ServerError(f"この計画はすでにサーバーにあります: {uid}（置き換えるには --replace）",
                              f"The plan is already on the server: {uid} (use --replace to replace it)")
        conn.execute(text(f"DELETE FROM {META_SCHEMA}.plans WHERE uid = :uid"), {"uid": uid})
        announce(conn, uid, "replaced")  # open windows read the new plan (at commit)
    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    m.Base.metadata.create_all(conn.execution_options(schema_translate_map={None: schema}), checkfirst=False)
    for name in VERSIONED_TABLES:
        conn.execute(text(f'ALTER TABLE "{schema}"."{name}" '
                          "ADD COLUMN row_version integer NOT NULL DEFAULT 1, "
                          "ADD COLUMN changed_by text NOT NULL DEFAULT session_user, "
                          "ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now()"))
    conn.execute(text(f"""
        CREATE TABLE "{schema}".dx_accounts (
            db_user text NOT NULL,
            department_id integer NOT NULL REFERENCES "{schema}".departments (id),
            PRIMARY KEY (db_user, department_id))"""))
    conn.execute(text(f"INSERT INTO {META_SCHEMA}.plans (uid, schema_name, title, municipality) "
                      "VALUES (:uid, :schema, :title, :municipality)"),
                 {"uid": uid, "schema": schema, "title": title, "municipality": municipality})
    use_plan(conn, uid)
    return schema


def announce(conn: Connection, uid: str, op: str) -> None:
    """Tell the windows that have plan ``uid`` open that the whole plan was ``replaced`` or ``removed``."""
    conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                 {"channel": channel_name(uid), "payload": json.dumps({"op": op})})


def finish_plan_schema(conn: Connection, uid: str) -> None:
    """After the plan's rows are in: sequences past the ids, triggers, grants and policies."""
    schema = schema_name(uid)
    for table in m.Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence(:t, 'id'), COALESCE(MAX(id), 0) + 1, false) "
                f'FROM "{schema}"."{table.name}"'), {"t": f'"{schema}"."{table.name}"'})
    conn.execute(text(f"""
        CREATE FUNCTION "{schema}".dx_touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.row_version := OLD.row_version + 1;
            NEW.changed_by := session_user;
            NEW.changed_at := clock_timestamp();
            RETURN NEW;
        END $$"""))
    conn.execute(text(f"""
        CREATE FUNCTION "{schema}".dx_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            changed bigint;
            version integer;
        BEGIN
            IF TG_OP = 'DELETE' THEN
                changed := OLD.id; version := OLD.row_version;
            ELSE
                changed := NEW.id; version := NEW.row_version;
            END IF;
            PERFORM pg_notify('{channel_name(uid)}', json_build_object(
                'table', TG_TABLE_NAME, 'id', changed, 'version', version, 'op', lower(TG_OP),
                'by', session_user)::text);
            RETURN NULL;
        END $$"""))
    for name in VERSIONED_TABLES:
        conn.execute(text(f'CREATE TRIGGER dx_touch BEFORE UPDATE ON "{schema}"."{name}" '
                          f'FOR EACH ROW EXECUTE FUNCTION "{schema}".dx_touch()'))
        conn.execute(text(f'CREATE TRIGGER dx_notify AFTER INSERT OR UPDATE OR DELETE ON "{schema}"."{name}" '
                          f'FOR EACH ROW EXECUTE FUNCTION "{schema}".dx_notify()'))
    # the audit log names the database user of every entry written on the server, whatever the client says
    conn.execute(text(f"""
        CREATE FUNCTION "{schema}".dx_audit_user() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW."user" := session_user;
            NEW.host := COALESCE(host(inet_client_addr()), 'local');
            RETURN NEW;
        END $$"""))
    conn.execute(text(f'CREATE TRIGGER dx_audit_user BEFORE INSERT OR UPDATE ON "{schema}".audit_log '
                      f'FOR EACH ROW EXECUTE FUNCTION "{schema}".dx_audit_user()'))
    policies.secure_plan(conn, schema)


def drop_plan(engine: Engine, uid: str) -> None:
    """Remove plan ``uid`` and its schema from the server."""
    schema = schema_name(uid)
    with translated_errors(), engine.begin() as conn:
        conn.execute(text(f"DELETE FROM {META_SCHEMA}.plans WHERE uid = :uid"), {"uid": uid})
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        announce(conn, uid, "removed")
