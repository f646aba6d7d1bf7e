"""Entry script of the frozen program: both ``dxeditor`` (windowed) and ``dxeditor-cli`` run it.

It is the same as ``python -m dxeditor``: no command starts the GUI, a command (``info``,
``export`` …) runs the command line. A windowed Windows executable has no console, so
``sys.stdout`` / ``sys.stderr`` are ``None`` there: stderr goes to the program log
(``<data dir>/logs/dxeditor.log``, see ``dxeditor.core.logsetup``) so that warnings and
start-up failures leave a trace, and stdout to ``os.devnull`` so a stray ``print`` can
never crash the GUI (use ``dxeditor-cli.exe`` to see output).

``DXEDITOR_SELFTEST_MIGRATE=FILE`` (used by ``packaging/smoke.py`` only) runs the bundled
Alembic migrations on a new empty SQLite file and exits: it proves that ``db/env.py`` and
every ``db/versions`` script load inside the frozen program, which opening a current plan
never exercises.

``DXEDITOR_SELFTEST_SERVER=1`` (``packaging/smoke.py`` too) prints, as JSON, the PostgreSQL
driver the frozen program loads (psycopg's version, its implementation: ``binary`` expected,
libpq's version), SQLAlchemy's psycopg dialect and the head of the bundled server migrations
(``db/server``), and exits: no server is needed.
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    if sys.stderr is None:
        from dxeditor.core import logsetup

        logsetup.setup()
        logsetup.redirect_stderr()
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:  # the log could not be set up: never crash on a stray write
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def _selftest_migrate(target: str) -> int:
    from pathlib import Path

    from dxeditor.store import document

    path = Path(target)
    if path.exists():
        sys.stderr.write(f"refusing to overwrite {path}\n")
        return 2
    document._migrate(path)
    sys.stdout.write(f"migrated {path}\n")
    return 0


def _selftest_server() -> int:
    import json

    import psycopg
    from sqlalchemy.dialects import registry

    from dxeditor.store.server import migrate

    dialect = registry.load("postgresql.psycopg")
    facts = {"psycopg": psycopg.__version__, "impl": psycopg.pq.__impl__, "libpq": psycopg.pq.version(),
             "dialect": f"{dialect.__module__}.{dialect.__name__}", "server_head": migrate.head(),
             "server_revisions": migrate.known_revisions()}
    sys.stdout.write(json.dumps(facts) + "\n")
    return 0


def _run() -> int:
    _ensure_streams()
    selftest = os.environ.get("DXEDITOR_SELFTEST_MIGRATE")
    if selftest:
        return _selftest_migrate(selftest)
    if os.environ.get("DXEDITOR_SELFTEST_SERVER"):
        return _selftest_server()
    from dxeditor.cli import main

    return main()


if __name__ == "__main__":
    raise SystemExit(_run())
