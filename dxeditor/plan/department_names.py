"""A department's name in a fiscal year: the one rule every view and every export uses.

A department's own name changes with its renames (``department_names`` rows, valid from a
fiscal year on). What is *printed* for it in a year also follows reorganisations
(``department_links``): a department that ended before the year is printed as its
successors, and one that began after it as its predecessors, joined by ・. So an export of
a plan as of 令和7年度 never prints a department's name from before a merge.

The rule is written once, on plain records (:func:`own_names`, :func:`printed_names`), and
read either from the database (:func:`department_names`, :func:`printed_department_names`)
or from an exported JSON plan (:func:`printed_names_of_data`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.store import models as m

Span = tuple[int | None, int | None]


def own_names(base: dict[int, str], renames: Iterable[tuple[int, str, int]], fy: int | None) -> dict[int, str]:
    """Each department's own name in ``fy`` (its latest name when None).

    ``renames`` are ``(department_id, name, valid_from_fy)`` in any order.
    """
    names = dict(base)
    for dept_id, name, valid_from in sorted(renames, key=lambda r: r[2]):
        if fy is None or valid_from <= fy:
            names[dept_id] = name
    return names


def successors_in(spans: dict[int, Span], links: Iterable[tuple[int, int]], dept_id: int, fy: int) -> list[int]:
    """The departments that carry ``dept_id``'s work in ``fy``, following merges and splits.

    Itself when it exists in ``fy``; its successors (recursively) when it ended before; its
    predecessors when it only began later (a revised plan viewed as of an earlier year).
    ``links`` are ``(predecessor_id, successor_id)`` in their order.
    """
    succ: dict[int, list[int]] = {}
    pred: dict[int, list[int]] = {}
    for a, b in links:
        succ.setdefault(a, []).append(b)
        pred.setdefault(b, []).append(a)
    out: list[int] = []
    seen: set[int] = set()

    def walk(d: int, forward: bool | None) -> None:
        if d in seen or d not in spans:
            return
        seen.add(d)
        start, end = spans[d]
        if (start is None or start <= fy) and (end is None or fy <= end):
            out.append(d)
        elif end is not None and fy > end and forward is not False:
            for s in succ.get(d, []):
                walk(s, True)
        elif start is not None and fy < start and forward is not True:
            for p in pred.get(d, []):
                walk(p, False)

    walk(dept_id, None)
    return out


def printed_names(own: dict[int, str], spans: dict[int, Span], links: Iterable[tuple[int, int]],
                  fy: int | None) -> dict[int, str]:
    """What is printed for each department in ``fy``: its own name then, or its successors' names."""
    if fy is None:
        return dict(own)
    links = list(links)
    return {d: "・".join(own[x] for x in successors_in(spans, links, d, fy) if x in own) or name
            for d, name in own.items()}


def _read(conn: Connection) -> tuple[dict[int, str], list[tuple[int, str, int]], dict[int, Span]]:
    base: dict[int, str] = {}
    spans: dict[int, Span] = {}
    for d in conn.execute(select(m.Department.id, m.Department.name, m.Department.valid_from_fy,
                                 m.Department.valid_to_fy)):
        base[d.id] = d.name
        spans[d.id] = (d.valid_from_fy, d.valid_to_fy)
    renames = [(r.department_id, r.name, r.valid_from_fy) for r in conn.execute(
        select(m.DepartmentName.department_id, m.DepartmentName.name, m.DepartmentName.valid_from_fy)
        .order_by(m.DepartmentName.valid_from_fy, m.DepartmentName.id))]
    return base, renames, spans


def links_of(conn: Connection) -> list[tuple[int, int]]:
    """Every reorganisation link ``(predecessor_id, successor_id)`` in order."""
    return [(r.predecessor_id, r.successor_id) for r in conn.execute(
        select(m.DepartmentLink.predecessor_id, m.DepartmentLink.successor_id).order_by(m.DepartmentLink.id))]


def department_names(conn: Connection, fiscal_year: int | None = None) -> dict[int, str]:
    """Each department's own name as valid in ``fiscal_year`` (latest rename when None)."""
    base, renames, _spans = _read(conn)
    return own_names(base, renames, fiscal_year)


def printed_department_names(conn: Connection, fiscal_year: int | None = None) -> dict[int, str]:
    """What views and exports print for each department in ``fiscal_year`` (reorganisations followed)."""
    base, renames, spans = _read(conn)
    own = own_names(base, renames, fiscal_year)
    return printed_names(own, spans, links_of(conn), fiscal_year)


def printed_names_of_data(data: dict[str, Any], fiscal_year: int | None) -> dict[int, str]:
    """:func:`printed_department_names` of an exported JSON plan."""
    base: dict[int, str] = {}
    spans: dict[int, Span] = {}
    renames: list[tuple[int, str, int]] = []
    for d in data.get("departments", []):
        base[d["id"]] = d["name"]
        spans[d["id"]] = (d.get("valid_from_fy"), d.get("valid_to_fy"))
        renames += [(d["id"], r["name"], r["valid_from_fy"]) for r in d.get("renames", [])]
    links = [(x["predecessor_id"], x["successor_id"]) for x in data.get("department_links", [])]
    return printed_names(own_names(base, renames, fiscal_year), spans, links, fiscal_year)
