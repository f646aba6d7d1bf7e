"""Alembic environment for .dxplan files.

The program runs migrations itself on a local working copy (see
``dxeditor.store.document._migrate``), passing the connection in
``config.attributes["connection"]``. ``render_as_batch`` lets SQLite alter tables.
"""

from __future__ import annotations

from alembic import context

from dxeditor.store.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from dxeditor.store.document import make_engine

        url = context.config.get_main_option("sqlalchemy.url")
        assert url and url.startswith("sqlite:///"), "pass a connection or a sqlite URL"
        from pathlib import Path

        engine = make_engine(Path(url.removeprefix("sqlite:///")))
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("dxeditor migrations run online only")
run_migrations_online()
