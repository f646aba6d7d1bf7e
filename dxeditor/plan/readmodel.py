"""A read-only view of the whole plan in outline order, for views and exports.

One fast pass of plain SELECTs builds :class:`PlanView`: sections (nested), their
initiatives with automatic numbers, each initiative's schedule rows (nested sub-rows),
bars, milestones and department names as valid in a chosen fiscal year. The schedule
view, the Excel and the PDF exports all draw the same table from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.numbering import Numberer
from dxeditor.core.perf import gc_paused
from dxeditor.plan.department_names import department_names, printed_department_names
from dxeditor.store import models as m
from dxeditor.store.raw import fetch_all


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, without frozen's slow __init__
class BarView:
    """A bar as views and exports read it (month indexes, inclusive)."""

    id: int
    row_id: int
    lane: int
    start: int
    end: int
    label: str
    phase: str
    continues: bool


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, without frozen's slow __init__
class MilestoneView:
    """A milestone as views and exports read it."""

    id: int
    row_id: int
    lane: int
    month: int
    label: str


@dataclass
class RowView:
    id: int
    initiative_id: int
    parent_id: int | None
    depth: int
    title: str
    note: str
    national_target_fy: int | None
    national_target_text: str
    lead: str = ""
    related: list[str] = field(default_factory=list)
    bars: list[BarView] = field(default_factory=list)
    milestones: list[MilestoneView] = field(default_factory=list)
    #: Set when the view was read without bars and milestones (``items=False``).
    lane_count: int | None = None
    line_count: int | None = None  # likewise: the most lines a bar label of the row has

    @property
    def label_lines(self) -> int:
        """The most lines one bar label of the row has (labels keep their line breaks; at least one)."""
        if self.line_count is not None:
            return self.line_count
        return max([b.label.count("\n") + 1 for b in self.bars], default=1)

    @property
    def lanes(self) -> int:
        """How many stacked lines the row needs (at least one)."""
        if self.lane_count is not None:
            return self.lane_count
        top = max((b.lane for b in self.bars), default=0)
        return max(top, max((ms.lane for ms in self.milestones), default=0)) + 1


@dataclass
class InitiativeView:
    id: int
    section_id: int | None
    number: str
    title: str
    summary: str
    national_category: str
    national_number: int | None
    national_target_fy: int | None
    national_target_text: str
    lead: str = ""
    related: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    rows: list[RowView] = field(default_factory=list)


@dataclass
class SectionView:
    id: int
    parent_id: int | None
    depth: int
    kind: str
    number: str
    title: str
    description: str
    sections: list[SectionView] = field(default_factory=list)
    initiatives: list[InitiativeView] = field(default_factory=list)


@dataclass
class ChapterView:
    id: int
    parent_id: int | None
    depth: int
    placement: str
    title: str
    body: str


@dataclass
class PhaseView:
    key: str
    name: str
    color: str
    pattern: str


@dataclass
class PlanView:
    plan: dict[str, Any]
    phases: list[PhaseView]
    sections: list[SectionView]
    loose: list[InitiativeView]  # initiatives outside any section (flat plans)
    departments: dict[int, str]
    chapters: list[ChapterView] = field(default_factory=list)  # in reading order, parents first

    def walk(self) -> Iterator[tuple[str, Any, int]]:
        """Every outline entry in order: ("section" | "initiative" | "row", view, depth)."""
        for it in self.loose:
            yield from _walk_initiative(it, 0)
        for s in self.sections:
            yield from _walk_section(s)

    def initiatives(self) -> list[InitiativeView]:
        """All initiatives in outline order."""
        return [v for kind, v, _ in self.walk() if kind == "initiative"]

    def rows(self) -> list[RowView]:
        """All schedule rows in outline order."""
        return [v for kind, v, _ in self.walk() if kind == "row"]

    def phase(self, key: str) -> PhaseView | None:
        return next((p for p in self.phases if p.key == key), None)


def _walk_section(s: SectionView) -> Iterator[tuple[str, Any, int]]:
    yield "section", s, s.depth
    for sub in s.sections:
        yield from _walk_section(sub)
    for it in s.initiatives:
        yield from _walk_initiative(it, s.depth + 1)


def _walk_initiative(it: InitiativeView, depth: int) -> Iterator[tuple[str, Any, int]]:
    yield "initiative", it, depth
    for r in it.rows:
        yield "row", r, depth + 1 + r.depth


def _group(rows: Any, key: int = 0) -> dict[Any, list[Any]]:
    """Plain tuples grouped by the column at ``key`` (order kept)."""
    out: dict[Any, list[Any]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def _by(rows: Any, key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for r in rows:
        out[getattr(r, key)].append(r)
    return out


def _lead_related(links: list[tuple[int, str]], names: dict[int, str]) -> tuple[str, list[str]]:
    """Links are ``(department_id, role)`` in their order."""
    lead = ""
    related = []
    for dept, role in links:
        if role == "lead":
            lead = lead or names.get(dept, "")
        else:
            related.append(names.get(dept, ""))
    return lead, related


def _dept_links(conn: Connection, table: str, owner: str) -> dict[int, list[tuple[int, str]]]:
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for o, dept, role in fetch_all(conn, f"SELECT {owner}, department_id, role FROM {table} ORDER BY position, id"):
        out[o].append((dept, role))
    return out


def lane_counts_of(conn: Connection, row_ids: list[int] | None = None) -> dict[int, int]:
    """How many stacked lines each schedule row needs (rows without bars or milestones absent)."""
    where, params = "", tuple[int, ...]()
    if row_ids is not None:
        marks = ",".join("?" * len(row_ids))
        where, params = f" WHERE row_id IN ({marks})", tuple(row_ids)
    return {r: top + 1 for r, top in fetch_all(
        conn, f"SELECT row_id, MAX(lane) FROM (SELECT row_id, lane FROM bars{where} UNION ALL "
              f"SELECT row_id, lane FROM milestones{where}) GROUP BY row_id", params * 2)}


def label_lines_of(conn: Connection, row_ids: list[int] | None = None) -> dict[int, int]:
    """The most lines a bar label has, for each row whose labels have more than one."""
    where, params = "", tuple[int, ...]()
    if row_ids is not None:
        where, params = f" AND row_id IN ({','.join('?' * len(row_ids))})", tuple(row_ids)
    return {r: n + 1 for r, n in fetch_all(
        conn, "SELECT row_id, MAX(LENGTH(label) - LENGTH(REPLACE(label, char(10), ''))) FROM bars "
              f"WHERE label LIKE '%' || char(10) || '%'{where} GROUP BY row_id", params)}


def load_plan_view(conn: Connection, *, dept_fy: int | None = None, items: bool = True,
                   rows: bool = True) -> PlanView:
    """Read the whole plan into a :class:`PlanView` (department names as of ``dept_fy``).

    Plain driver tuples, one query per table, the garbage collector paused while the views
    are built: at 10,000 schedule rows this is the cost of opening a plan. With
    ``items=False`` rows carry only their lane count, not their bars and milestones (the
    outline needs no more; 30,000 bar objects fewer). With ``rows=False`` initiatives carry
    no schedule rows at all (the outline reads them as plain tuples: :func:`outline_rows_of`).
    """
    with gc_paused():
        return _load_plan_view(conn, dept_fy, items, rows)


def _load_plan_view(conn: Connection, dept_fy: int | None, items: bool, rows: bool = True) -> PlanView:
    plan = dict(conn.execute(select(m.Plan.__table__)).mappings().one())
    numberer = Numberer(plan["numbering_style"])
    phases = [PhaseView(p.key, p.name, p.color, p.pattern)
              for p in conn.execute(select(m.Phase.__table__).order_by(m.Phase.position, m.Phase.id))]
    names = printed_department_names(conn, dept_fy)
    bars: dict[int, list[BarView]] = defaultdict(list)
    mss: dict[int, list[MilestoneView]] = defaultdict(list)
    lane_counts: dict[int, int] = {}
    line_counts: dict[int, int] = {}
    if not rows:
        pass
    elif items:
        for b in fetch_all(conn, 'SELECT id, row_id, lane, start, "end", label, phase, continues FROM bars '
                                 "ORDER BY lane, start, id"):
            bars[b[1]].append(BarView(b[0], b[1], b[2], b[3], b[4], b[5] or "", b[6] or "", bool(b[7])))
        for x in fetch_all(conn, "SELECT id, row_id, lane, month, label FROM milestones ORDER BY lane, month, id"):
            mss[x[1]].append(MilestoneView(x[0], x[1], x[2], x[3], x[4] or ""))
    else:
        lane_counts = lane_counts_of(conn)
        line_counts = label_lines_of(conn)
    rdepts = _dept_links(conn, "row_departments", "row_id") if rows else {}
    idepts = _dept_links(conn, "initiative_departments", "initiative_id")
    sdgs: dict[int, list[int]] = defaultdict(list)
    for iid, goal in fetch_all(conn, "SELECT initiative_id, goal FROM initiative_sdgs ORDER BY goal"):
        sdgs[iid].append(goal)
    # (id, initiative_id, parent_id, title, note, national_target_fy, national_target_text)
    rows_by_init = _group(fetch_all(
        conn, "SELECT id, initiative_id, parent_id, title, note, national_target_fy, national_target_text "
        "FROM schedule_rows ORDER BY position, id"), 1) if rows else {}

    def build_rows(iid: int) -> list[RowView]:
        children = _group(rows_by_init.get(iid, ()), 2)
        out: list[RowView] = []

        def walk(parent: int | None, depth: int) -> None:
            for r in children.get(parent, ()):
                rid = r[0]
                lead, related = _lead_related(rdepts[rid], names) if rid in rdepts else ("", [])
                out.append(RowView(rid, iid, r[2], depth, r[3] or "", r[4] or "", r[5], r[6] or "", lead, related,
                                   bars.get(rid) or [], mss.get(rid) or [],
                                   None if items else lane_counts.get(rid, 1),
                                   None if items else line_counts.get(rid, 1)))
                if rid in children:
                    walk(rid, depth + 1)

        walk(None, 0)
        return out

    t = m.Initiative.__table__
    inits_by_section = _by(conn.execute(select(t).order_by(t.c.position, t.c.id)), "section_id")
    t = m.Section.__table__
    secs_by_parent = _by(conn.execute(select(t).order_by(t.c.position, t.c.id)), "parent_id")

    def make_initiative(r: Any, parents: list[int], n_in_section: int) -> InitiativeView:
        number = numberer.initiative(n_in_section, parents, r.number_label or "")
        lead, related = _lead_related(idepts.get(r.id, []), names)
        return InitiativeView(r.id, r.section_id, number, r.title, r.summary, r.national_category, r.national_number,
                              r.national_target_fy, r.national_target_text, lead, related,
                              list(sdgs.get(r.id, ())), build_rows(r.id))

    def build_sections(parent: int | None, depth: int, parents: list[int]) -> list[SectionView]:
        out = []
        for n, s in enumerate(secs_by_parent.get(parent, []), start=1):
            number = numberer.section(n, depth, parents, s.number_label or "")
            view = SectionView(s.id, s.parent_id, depth, s.kind, number, s.title, s.description)
            view.sections = build_sections(s.id, depth + 1, [*parents, n])
            view.initiatives = [make_initiative(r, [*parents, n], k)
                                for k, r in enumerate(inits_by_section.get(s.id, []), start=1)]
            out.append(view)
        return out

    loose = [make_initiative(r, [], k) for k, r in enumerate(inits_by_section.get(None, []), start=1)]
    sections = build_sections(None, 0, [])
    t = m.Chapter.__table__
    chaps_by_parent = _by(conn.execute(select(t).order_by(t.c.position, t.c.id)), "parent_id")
    chapters: list[ChapterView] = []

    def walk_chapters(parent: int | None, depth: int) -> None:
        for c in chaps_by_parent.get(parent, []):
            chapters.append(ChapterView(c.id, c.parent_id, depth, c.placement, c.title, c.body))
            walk_chapters(c.id, depth + 1)

    walk_chapters(None, 0)
    return PlanView(plan, phases, sections, loose, names, chapters)


#: One schedule row as the outline holds it: (id, parent row id, title, lead department, lanes).
OutlineRow = tuple[int, "int | None", str, str, int, int]  # id, parent, title, lead, lanes, label lines


def outline_rows_of(conn: Connection, initiative_ids: list[int] | None = None,
                    names: dict[int, str] | None = None) -> dict[int, list[OutlineRow]]:
    """The schedule rows of some initiatives (None: all), in outline order, as plain tuples with lane counts.

    What the outline needs: to build itself without a row object per row, and to refresh the
    initiatives a change touched without reading the plan. ``names``: the departments' names
    (:func:`department_names`) when the caller already holds them.
    """
    if initiative_ids is not None and not initiative_ids:
        return {}
    if initiative_ids is None:
        where, mine, params = "", "1", tuple[int, ...]()
    else:
        marks = ",".join("?" * len(initiative_ids))
        where = f" WHERE initiative_id IN ({marks})"
        mine = f"row_id IN (SELECT id FROM schedule_rows{where})"
        params = tuple(initiative_ids)
    rows = fetch_all(conn, f"SELECT id, initiative_id, parent_id, title FROM schedule_rows{where} "
                           "ORDER BY position, id", params)
    lanes = {r: top + 1 for r, top in fetch_all(
        conn, f"SELECT row_id, MAX(lane) FROM (SELECT row_id, lane FROM bars WHERE {mine} UNION ALL "
              f"SELECT row_id, lane FROM milestones WHERE {mine}) GROUP BY row_id", params * 2)}
    leads: dict[int, int] = {}
    for o, dept in fetch_all(conn, f"SELECT row_id, department_id FROM row_departments WHERE {mine} "
                                   "AND role = 'lead' ORDER BY position DESC, id DESC", params):
        leads[o] = dept  # the first lead in order wins
    if names is None:
        names = department_names(conn) if leads else {}
    lines = {r: n + 1 for r, n in fetch_all(
        conn, "SELECT row_id, MAX(LENGTH(label) - LENGTH(REPLACE(label, char(10), ''))) FROM bars "
              f"WHERE {mine} AND label LIKE '%' || char(10) || '%' GROUP BY row_id", params)}
    out: dict[int, list[OutlineRow]] = {iid: [] for iid in initiative_ids or ()}
    for iid, members in _group(rows, 1).items():
        children = _group(members, 2)
        mine_out = out.setdefault(iid, [])

        def walk(parent: int | None, children: Any = children, mine_out: list[OutlineRow] = mine_out) -> None:
            for r in children.get(parent, ()):
                rid = r[0]
                lead = names.get(leads[rid], "") if rid in leads else ""
                mine_out.append((rid, r[2], r[3] or "", lead, lanes.get(rid, 1), lines.get(rid, 1)))
                if rid in children:
                    walk(rid)

        walk(None)
    return out
