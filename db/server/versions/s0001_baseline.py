"""Baseline: the bookkeeping schema, the three group roles and their grants

The layout of databases prepared before the server layout was under Alembic (their
``dxeditor.server_meta`` says ``s1``): every statement here is idempotent, so upgrading such
a database runs it and records the revision. Plan schemas need nothing: at this revision
they are exactly what ``dxeditor.store.server.ddl`` makes when a plan is pushed.

Revision ID: s0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

ROLES = ("dx_office", "dx_department", "dx_viewer")


def upgrade() -> None:
    op.execute("CREATE SCHEMA IF NOT EXISTS dxeditor")
    op.execute("""
        CREATE TABLE IF NOT EXISTS dxeditor.server_meta (
            key text PRIMARY KEY,
            value text NOT NULL DEFAULT '')""")
    op.execute("""
        CREATE TABLE IF NOT EXISTS dxeditor.plans (
            uid text PRIMARY KEY,
            schema_name text NOT NULL UNIQUE,
            title text NOT NULL DEFAULT '',
            municipality text NOT NULL DEFAULT '',
            pushed_at timestamptz NOT NULL DEFAULT now(),
            pushed_by text NOT NULL DEFAULT session_user)""")
    op.execute("INSERT INTO dxeditor.server_meta (key, value) VALUES ('revision', 's1') ON CONFLICT (key) DO NOTHING")
    for role in ROLES:
        op.execute(f"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} NOLOGIN;
                END IF;
            END $$""")
    everyone = ", ".join(ROLES)
    op.execute(f"GRANT USAGE ON SCHEMA dxeditor TO {everyone}")
    # every table of the schema, the version table included: every client checks the revision
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA dxeditor TO {everyone}")
    op.execute("GRANT INSERT, UPDATE, DELETE ON dxeditor.plans TO dx_office")
    op.execute(f"""
        DO $$ BEGIN
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO {everyone}', current_database());
            EXECUTE format('GRANT CREATE ON DATABASE %I TO dx_office', current_database());
        END $$""")


def downgrade() -> None:
    raise NotImplementedError("the server layout is not downgraded: restore the backup taken before upgrading")
