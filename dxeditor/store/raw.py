"""Plain SELECTs straight on the SQLite driver, for the read paths that must be fast.

SQLAlchemy's result objects cost a few microseconds per row; at 10,000 schedule rows and
30,000 bars that is most of the time it takes to open a plan. These helpers run a SELECT on
the same DBAPI connection (so inside the session's transaction) and return plain tuples.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection


def fetch_all(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """All rows of ``sql`` as tuples, from the driver's cursor."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()
