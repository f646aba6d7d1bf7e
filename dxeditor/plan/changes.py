"""One path for every change: a recorder that remembers each row before and after.

A service changes the plan only through a :class:`Recorder`; what it records is a
:class:`ChangeSet` that can be applied again (redo) or inverted (undo) on the same
database, leaving it exactly as it was. Deletes cascade through the foreign keys,
children first, and every removed row is remembered so undo restores it with its id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, FromClause, Table, bindparam, delete, insert, select, update

from dxeditor.store.models import Base


@dataclass(frozen=True)
class RowChange:
    """One row of one table: ``before`` None = inserted, ``after`` None = deleted."""

    table: str
    id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def inverted(self) -> RowChange:
        """The change that undoes this one."""
        return RowChange(self.table, self.id, self.after, self.before)

    def changed_values(self) -> dict[str, Any]:
        """An update's new values of the columns it changed (only those: others may have changed the rest)."""
        before, after = self.before or {}, self.after or {}
        return {k: v for k, v in after.items() if k != "id" and before.get(k) != v}


@dataclass
class ChangeSet:
    """The rows one user action changed, in the order they were changed."""

    name: str
    changes: list[RowChange] = field(default_factory=list)

    def inverted(self) -> ChangeSet:
        """The change set that undoes this one (reverse order, before and after swapped)."""
        return ChangeSet(self.name, [c.inverted() for c in reversed(self.changes)])

    def tables(self) -> set[str]:
        """The names of the tables this change touches (for views to refresh)."""
        return {c.table for c in self.changes}

    def ids(self, table: str) -> set[int]:
        """The ids of the rows of ``table`` this change touches."""
        return {c.id for c in self.changes if c.table == table}

    def __bool__(self) -> bool:
        return bool(self.changes)

    def extend(self, other: ChangeSet) -> None:
        """Append another change set's rows (for composite commands)."""
        self.changes.extend(other.changes)


TableRef = str | FromClause
"""A table by name or as a model's ``__table__`` (typed as a FromClause by SQLAlchemy)."""


def _table(table: TableRef) -> Table:
    return Base.metadata.tables[table] if isinstance(table, str) else cast(Table, table)


def _children(table: Table) -> list[tuple[Table, str]]:
    """(child table, column) pairs whose foreign key points at ``table.id``."""
    out: list[tuple[Table, str]] = []
    for t in Base.metadata.sorted_tables:
        for fk in t.foreign_keys:
            if fk.column.table is table:
                out.append((t, fk.parent.name))
    return out


_CHILDREN: dict[str, list[tuple[Table, str]]] = {}


def children_of(table: Table) -> list[tuple[Table, str]]:
    """Cached :func:`_children`."""
    found = _CHILDREN.get(table.name)
    if found is None:
        found = _CHILDREN[table.name] = _children(table)
    return found


def row_dict(conn: Connection, table: FromClause, row_id: int) -> dict[str, Any] | None:
    """The row of ``table`` with ``id`` as a plain dict, or None."""
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return dict(row) if row is not None else None


class Recorder:
    """Changes rows on ``conn`` and remembers each one for undo.

    ``new_id`` (table name → id) numbers inserted rows where the plan is shared with others
    (a server plan: each window takes ids from its own reserved range); without it the
    database numbers them.
    """

    def __init__(self, conn: Connection, name: str, *, new_id: Callable[[str], int] | None = None) -> None:
        self.conn = conn
        self.changeset = ChangeSet(name)
        self.new_id = new_id

    def insert(self, table: TableRef, **values: Any) -> int:
        """Insert a row; returns its id."""
        t = _table(table)
        if self.new_id is not None and values.get("id") is None:
            values["id"] = self.new_id(t.name)
        result = self.conn.execute(insert(t).values(**values))
        new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        after = row_dict(self.conn, t, new_id)
        self.changeset.changes.append(RowChange(t.name, new_id, None, after))
        return new_id

    def update(self, table: TableRef, row_id: int, **values: Any) -> bool:
        """Update a row's columns; records (and returns True) only when something changed."""
        t = _table(table)
        before = row_dict(self.conn, t, row_id)
        if before is None:
            raise KeyError(f"{t.name} {row_id} does not exist")
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            return False
        self.conn.execute(update(t).where(t.c.id == row_id).values(**changed))
        after = dict(before)
        after.update(changed)
        self.changeset.changes.append(RowChange(t.name, row_id, before, after))
        return True

    def update_each(self, table: TableRef, values: Mapping[int, dict[str, Any]]) -> int:
        """Update several rows (id → columns) as :meth:`update` would, one after the other.

        The rows are read in one query and written in one statement per set of changed
        columns (renumbering 20 siblings is 2 statements, not 40). Returns how many changed.
        """
        t = _table(table)
        ids = list(values)
        befores: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            befores.update((int(r["id"]), dict(r)) for r in
                           self.conn.execute(select(t).where(t.c.id.in_(chunk))).mappings())
        batches: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        changes: list[RowChange] = []
        for row_id in ids:
            before = befores.get(row_id)
            if before is None:
                raise KeyError(f"{t.name} {row_id} does not exist")
            changed = {k: v for k, v in values[row_id].items() if before.get(k) != v}
            if not changed:
                continue
            after = dict(before)
            after.update(changed)
            changes.append(RowChange(t.name, row_id, before, after))
            batches.setdefault(tuple(sorted(changed)), []).append(
                {"_id": row_id, **{f"_v_{k}": v for k, v in changed.items()}})
        _update_batches(self.conn, t, batches)
        self.changeset.changes.extend(changes)
        return len(changes)

    def delete(self, table: TableRef, row_id: int) -> None:
        """Delete a row and, first, every row that refers to it (recursively).

        A row's own subtree in its table (sub-rows, sub-sections) is read level by level and
        deleted with it, deepest first; rows of other tables that nothing refers to (bars,
        milestones, departments of a row) are read and deleted at once for the whole subtree.
        """
        t = _table(table)
        own = [column for child, column in children_of(t) if child is t]
        ids = [row_id]
        level, seen = [row_id], {row_id}
        while own and level:
            below: list[int] = []
            for column in own:
                for chunk in _chunks(level):
                    for i in self.conn.execute(select(t.c.id).where(t.c[column].in_(chunk))).scalars():
                        if i not in seen:
                            seen.add(i)
                            below.append(i)
            ids.extend(below)
            level = below
        for child, column in children_of(t):
            if child is t:
                continue
            if children_of(child):  # rows with rows of their own: one by one, children first
                for chunk in _chunks(ids):
                    child_ids = self.conn.execute(select(child.c.id).where(child.c[column].in_(chunk))).scalars().all()
                    for child_id in child_ids:
                        self.delete(child, child_id)
                continue
            for chunk in _chunks(ids):
                rows = [dict(r) for r in self.conn.execute(select(child).where(child.c[column].in_(chunk))).mappings()]
                if rows:
                    self.conn.execute(delete(child).where(child.c.id.in_([r["id"] for r in rows])))
                    self.changeset.changes.extend(RowChange(child.name, r["id"], r, None) for r in rows)
        befores: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            befores.update((int(r["id"]), dict(r)) for r in
                           self.conn.execute(select(t).where(t.c.id.in_(chunk))).mappings())
        gone = [i for i in reversed(ids) if i in befores]  # deepest first: a row goes before its parent
        for chunk in _chunks(gone):
            self.conn.execute(delete(t).where(t.c.id.in_(chunk)))
        self.changeset.changes.extend(RowChange(t.name, i, befores[i], None) for i in gone)

    def delete_many(self, table: TableRef, ids: Iterable[int]) -> None:
        """Delete several rows (each with its children)."""
        for row_id in ids:
            self.delete(table, row_id)


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    """``ids`` in lists short enough for one ``IN (...)``."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def _update_batches(conn: Connection, t: Table, batches: Mapping[tuple[str, ...], list[dict[str, Any]]]) -> None:
    """Run one executemany UPDATE per set of columns (parameters ``_id`` and ``_v_<column>``)."""
    for columns, params in batches.items():
        stmt = update(t).where(t.c.id == bindparam("_id")).values({k: bindparam(f"_v_{k}") for k in columns})
        conn.execute(stmt, params)


def apply(conn: Connection, changeset: ChangeSet) -> None:
    """Apply a recorded change set (redo); apply ``changeset.inverted()`` to undo it.

    Consecutive changes of the same kind to one table (a renumbering, the bars of a deleted
    row coming back) go in one statement each, in the recorded order.
    """
    pending: tuple[str, Table, tuple[str, ...]] | None = None
    params: list[dict[str, Any]] = []

    def flush() -> None:
        if pending is not None and params:
            kind, t, shape = pending
            if kind == "update":
                _update_batches(conn, t, {shape: list(params)})
            elif kind == "insert":
                conn.execute(insert(t), list(params))
            else:
                conn.execute(delete(t).where(t.c.id == bindparam("_id")), list(params))
        params.clear()

    for c in changeset.changes:
        t = _table(c.table)
        if c.before is not None and c.after is not None:
            values = c.changed_values()
            if not values:
                continue
            shape = ("update", t, tuple(sorted(values)))
            row = {"_id": c.id, **{f"_v_{k}": v for k, v in values.items()}}
        elif c.after is None:
            shape, row = ("delete", t, ()), {"_id": c.id}
        else:
            shape, row = ("insert", t, tuple(sorted(c.after))), dict(c.after)
        if shape != pending:
            flush()
            pending = shape
        params.append(row)
    flush()
