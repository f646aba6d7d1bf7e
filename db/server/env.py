"""Alembic environment for the server layout (PostgreSQL; see ``dxeditor.store.server.migrate``).

Run only by the program (``dxeditor server init`` / ``dxeditor server upgrade``), which passes
its connection, inside one transaction, in ``config.attributes["connection"]``. The version
table is ``dxeditor.alembic_version``. A revision changes the bookkeeping schema ``dxeditor``
and, with ``dxeditor.store.server.migrate.for_each_plan``, every plan schema.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from dxeditor.store.server import META_SCHEMA


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise SystemExit("server migrations run through `dxeditor server upgrade URL` only")
    # the version table lives in the bookkeeping schema (CREATE SCHEMA IF NOT EXISTS would need CREATE
    # on the database even when the schema exists)
    if connection.execute(text(f"SELECT to_regnamespace('{META_SCHEMA}')")).scalar() is None:
        connection.execute(text(f"CREATE SCHEMA {META_SCHEMA}"))
    context.configure(connection=connection, target_metadata=None, version_table_schema=META_SCHEMA,
                      transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("dxeditor server migrations run online only")
run_migrations_online()
