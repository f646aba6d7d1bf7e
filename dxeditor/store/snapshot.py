"""A read-only snapshot of an open plan for another thread (exports and inquiries off the GUI thread).

SQLite objects must not cross threads, so a worker never uses the document's session: it
opens its own connection on the working copy (WAL mode: it reads the state committed when
its transaction began while the GUI thread goes on) and closes it before it ends. The GUI
thread commits first (:func:`committed_working_copy`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from dxeditor.store.document import make_engine


def committed_working_copy(doc: Any) -> Path:
    """Commit ``doc``'s session and return its working-copy file (call on the document's thread)."""
    doc.session.commit()
    return Path(doc.working)


@contextlib.contextmanager
def read_snapshot(working: Path) -> Iterator[Connection]:
    """A connection on ``working`` inside one read transaction (one consistent state); closed after."""
    engine = make_engine(working)
    try:
        with engine.connect() as conn:
            # pysqlite begins transactions only before writes: begin one so that every read
            # below sees the same committed state
            conn.exec_driver_sql("BEGIN")
            yield conn
    finally:
        engine.dispose()
