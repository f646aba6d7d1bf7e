"""The schedule view's in-memory cache: bars and milestones per row, refreshed per changed row.

Up to :data:`FULL_UP_TO` schedule rows it is built in one query per table when a document
is shown, and painting never queries the database. A bigger plan keeps only the rows last
shown (at most :data:`CACHE_ROWS`, least recently used dropped first): the canvas fetches
the rows it is about to paint in one query, so the window's memory does not grow with the
plan. Either way a change set refreshes only the rows it touched, so an edit never re-reads
the whole plan.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.fiscal import YearStyle, fy_of
from dxeditor.core.perf import gc_paused
from dxeditor.plan.changes import ChangeSet
from dxeditor.plan.ops.schedule import RowItems, load_items, month_range
from dxeditor.plan.progress import late_items, late_reasons
from dxeditor.plan.readmodel import BarView, MilestoneView, PhaseView, label_lines_of, lane_counts_of
from dxeditor.store import models as m
from dxeditor.store.raw import fetch_all
from dxeditor.ui.schedule.styles import PhaseStyles

EMPTY = RowItems()
#: Plans with at most this many schedule rows keep every row's bars in memory.
FULL_UP_TO = 20_000
#: Bigger plans keep the bars of at most this many rows (the ones shown last).
CACHE_ROWS = 5_000
_CHUNK = 900  # row ids per query (SQLite's limit of bound parameters)


class ScheduleData:
    """Plan period, year style, phases and the rows' bars/milestones, kept in memory."""

    def __init__(self, connect: Callable[[], Connection] | None = None) -> None:
        #: The document's current connection (needed to fetch rows on demand in a big plan).
        self.connect = connect
        #: True when only recently shown rows are cached (a big plan).
        self.lazy = False
        self.period = (2023, 2027)
        self.year_style = YearStyle.SHORT
        self.phases: list[PhaseView] = []
        self.styles = PhaseStyles()
        self.items: dict[int, RowItems] = {}
        #: row id → (initiative id, parent row id, position, title)
        self.rows: dict[int, tuple[int, int | None, int, str]] = {}
        self.initiative_titles: dict[int, str] = {}
        self._spans: dict[int, tuple[int, int] | None] = {}
        #: initiative id → its rows in outline order, computed when first asked, dropped per initiative
        self._rows_of: dict[int, list[int]] = {}
        #: initiative id → ids of its rows (any order)
        self._members: dict[int, set[int]] = defaultdict(set)
        self.data_fys: tuple[int, int] | None = None
        #: ("initiative" | "row", id) late in their latest review, or rows ended without completion
        #: (plan.progress.late_reasons): marked on the schedule
        self.late: set[tuple[str, int]] = set()
        #: The plan records progress (only then can a row be "ended without completion").
        self.has_progress = False
        #: The day that counts as today for "ended" (None: the real today; tests pin it).
        self.today: date | None = None

    # --- loading ------------------------------------------------------------------------------------

    def load(self, conn: Connection) -> None:
        """Read everything the view needs (one query per table)."""
        self._load_plan(conn)
        self._load_phases(conn)
        rows = fetch_all(conn, "SELECT id, initiative_id, parent_id, position, title FROM schedule_rows")
        self.rows = {r[0]: (r[1], r[2], r[3], r[4] or "") for r in rows}
        self._members = defaultdict(set)
        for rid, (iid, _parent, _pos, _title) in self.rows.items():
            self._members[iid].add(rid)
        inits = fetch_all(conn, "SELECT id, title FROM initiatives")
        self.initiative_titles = {r[0]: r[1] or "" for r in inits}
        self.lazy = len(self.rows) > FULL_UP_TO and self.connect is not None
        if self.lazy:
            self.items = OrderedDict()
        else:
            with gc_paused():
                self.items = load_items(conn)
        self._spans.clear()
        self._rows_of = {}
        span = month_range(conn)
        self.data_fys = (fy_of(span[0]), fy_of(span[1])) if span else None
        self._load_late(conn)

    def _load_plan(self, conn: Connection) -> None:
        t = m.Plan.__table__
        plan = conn.execute(select(t.c.period_start_fy, t.c.period_end_fy, t.c.year_style)).first()
        if plan is None:
            return
        self.period = (int(plan.period_start_fy), int(plan.period_end_fy))
        try:
            self.year_style = YearStyle(plan.year_style or "short")
        except ValueError:
            self.year_style = YearStyle.SHORT

    def _load_phases(self, conn: Connection) -> None:
        t = m.Phase.__table__
        self.phases = [PhaseView(p.key, p.name, p.color, p.pattern)
                       for p in conn.execute(select(t).order_by(t.c.position, t.c.id))]
        self.styles = PhaseStyles(self.phases)

    def _load_late(self, conn: Connection) -> None:
        self.late = late_items(conn, self.today)
        self.has_progress = conn.execute(select(m.Progress.id).limit(1)).first() is not None

    def refresh(self, conn: Connection, changeset: ChangeSet) -> set[int]:
        """Bring the cache up to date after ``changeset``; returns the schedule rows it touched."""
        tables = changeset.tables()
        if "plan" in tables:
            self._load_plan(conn)
        if "phases" in tables:
            self._load_phases(conn)
        if tables & {"progress", "plan"}:
            self._load_late(conn)
        elif tables & {"bars", "schedule_rows"} and self.has_progress:
            # a row's bars moved or went: is it still "ended without completion"? (only those rows)
            rows = changeset.ids("schedule_rows") | {
                int(c.after["row_id"] if c.after else c.before["row_id"])  # type: ignore[index]
                for c in changeset.changes if c.table == "bars"}
            self.late = {k for k in self.late if not (k[0] == "row" and k[1] in rows)} | set(
                late_reasons(conn, self.today, rows=rows))
        touched: set[int] = set()
        reread: set[int] = set()  # rows whose bars or milestones may differ (moved or renumbered rows keep theirs)
        for c in changeset.changes:
            if c.table == "schedule_rows":
                touched.add(c.id)
                if c.before is None:
                    reread.add(c.id)
                old = self.rows.get(c.id)
                if c.after is None:
                    self.rows.pop(c.id, None)
                    self.items.pop(c.id, None)
                else:
                    a = c.after
                    self.rows[c.id] = new = (a["initiative_id"], a["parent_id"], a["position"], a["title"] or "")
                    if old is not None and old[:3] == new[:3]:
                        continue  # renamed or a note changed: the order and the spans stay
                    self._members[new[0]].add(c.id)
                    self._forget(new[0])
                if old is not None:
                    if c.after is None or self.rows[c.id][0] != old[0]:
                        self._members[old[0]].discard(c.id)
                    self._forget(old[0])
            elif c.table in ("bars", "milestones"):
                for d in (c.before, c.after):
                    if d is not None:
                        touched.add(int(d["row_id"]))
                        reread.add(int(d["row_id"]))
            elif c.table == "initiatives":
                if c.after is None:
                    self.initiative_titles.pop(c.id, None)
                else:
                    self.initiative_titles[c.id] = c.after.get("title") or ""
        live = [r for r in reread if r in self.rows]
        if live:
            fresh = load_items(conn, live)
            for rid in live:
                items = fresh.get(rid, EMPTY)
                if items.bars or items.milestones or self.lazy:  # lazy: an empty row is known empty
                    self.items[rid] = items
                else:
                    self.items.pop(rid, None)
            self._trim()
        for rid in touched:
            owner = self.rows.get(rid)
            if owner is not None:
                self._spans.pop(owner[0], None)
        self._update_data_fys(rows=live)
        return touched

    def _forget(self, initiative_id: int) -> None:
        """Drop what was computed from an initiative's rows (their order, its summary span)."""
        self._rows_of.pop(initiative_id, None)
        self._spans.pop(initiative_id, None)

    def _update_data_fys(self, rows: list[int]) -> None:
        """Widen (never narrow, until the next load) the range of fiscal years holding bars."""
        source = (self.items.get(r, EMPTY) for r in rows)
        lo, hi = self.data_fys if self.data_fys else (None, None)
        for items in source:
            for b in items.bars:
                lo = fy_of(b.start) if lo is None else min(lo, fy_of(b.start))
                hi = fy_of(b.end) if hi is None else max(hi, fy_of(b.end))
            for x in items.milestones:
                lo = fy_of(x.month) if lo is None else min(lo, fy_of(x.month))
                hi = fy_of(x.month) if hi is None else max(hi, fy_of(x.month))
        if lo is not None and hi is not None:
            self.data_fys = (lo, hi)

    # --- queries -------------------------------------------------------------------------------------

    def row_items(self, row_id: int) -> RowItems:
        """The bars and milestones of a row (empty when it has none)."""
        if not self.lazy:
            return self.items.get(row_id, EMPTY)
        found = self.items.get(row_id)
        if found is None:
            self.prefetch([row_id])
            return self.items.get(row_id, EMPTY)
        self.items.move_to_end(row_id)  # type: ignore[attr-defined]
        return found

    def prefetch(self, row_ids: Iterable[int]) -> None:
        """Make sure the bars of ``row_ids`` are cached (a big plan: one query for the missing ones)."""
        if not self.lazy or self.connect is None:
            return
        items = self.items
        missing = [r for r in row_ids if r not in items and r in self.rows]
        if missing:
            conn = self.connect()
            for i in range(0, len(missing), _CHUNK):
                part = missing[i:i + _CHUNK]
                fresh = load_items(conn, part)
                for rid in part:
                    items[rid] = fresh.get(rid, EMPTY)
            self._trim(keep=len(missing))

    def lanes_of(self, row_ids: list[int]) -> dict[int, int]:
        """How many lanes each row needs, without caching every row of a big plan."""
        if not self.lazy or self.connect is None or len(row_ids) <= CACHE_ROWS:
            self.prefetch(row_ids)
            return {r: self.row_items(r).lanes for r in row_ids}
        conn = self.connect()
        out: dict[int, int] = {}
        for i in range(0, len(row_ids), _CHUNK):
            out.update(lane_counts_of(conn, row_ids[i:i + _CHUNK]))
        return {r: out.get(r, 1) for r in row_ids}

    def label_lines(self, row_ids: list[int]) -> dict[int, int]:
        """The most lines one bar label has, per row (1 for rows without multi-line labels)."""
        if not self.lazy or self.connect is None or len(row_ids) <= CACHE_ROWS:
            self.prefetch(row_ids)
            return {r: max([b.label.count("\n") + 1 for b in self.row_items(r).bars], default=1) for r in row_ids}
        conn = self.connect()
        out: dict[int, int] = {}
        for i in range(0, len(row_ids), _CHUNK):
            out.update(label_lines_of(conn, row_ids[i:i + _CHUNK]))
        return {r: out.get(r, 1) for r in row_ids}

    def _trim(self, keep: int = 0) -> None:
        """Drop the least recently used rows beyond the cache size (never the ``keep`` newest)."""
        if not self.lazy:
            return
        items = self.items
        limit = max(CACHE_ROWS, keep)
        while len(items) > limit:
            items.popitem(last=False)  # type: ignore[call-arg]

    def bar(self, bar_id: int, row_id: int | None = None) -> BarView | None:
        """A cached bar (searching one row when ``row_id`` is given)."""
        rows = [self.items.get(row_id, EMPTY)] if row_id is not None else self.items.values()
        for items in rows:
            for b in items.bars:
                if b.id == bar_id:
                    return b
        return None

    def milestone(self, ms_id: int, row_id: int | None = None) -> MilestoneView | None:
        """A cached milestone."""
        rows = [self.items.get(row_id, EMPTY)] if row_id is not None else self.items.values()
        for items in rows:
            for x in items.milestones:
                if x.id == ms_id:
                    return x
        return None

    def rows_of(self, initiative_id: int) -> list[int]:
        """An initiative's rows in outline order (parents before their sub-rows)."""
        found = self._rows_of.get(initiative_id)
        if found is not None:
            return found
        children: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
        for rid in self._members.get(initiative_id, ()):
            _iid, parent, pos, _title = self.rows[rid]
            children[parent].append((pos, rid))
        out: list[int] = []

        def walk(parent: int | None) -> None:
            for _pos, rid in sorted(children.get(parent, [])):
                out.append(rid)
                walk(rid)

        walk(None)
        self._rows_of[initiative_id] = out
        return out

    def depth(self, row_id: int) -> int:
        """How deep a row is nested (0 for a top row)."""
        d, parent = 0, self.rows.get(row_id, (0, None, 0, ""))[1]
        while parent is not None and d < 50:
            d += 1
            parent = self.rows.get(parent, (0, None, 0, ""))[1]
        return d

    def initiative_span(self, initiative_id: int) -> tuple[int, int] | None:
        """The months covered by the bars of an initiative's rows (for its summary band)."""
        if initiative_id in self._spans:
            return self._spans[initiative_id]
        lo: int | None = None
        hi: int | None = None
        if self.lazy and self.connect is not None:
            found = fetch_all(self.connect(), 'SELECT MIN(b.start), MAX(b."end") FROM bars b JOIN schedule_rows r '
                                             "ON r.id = b.row_id WHERE r.initiative_id = ?", (initiative_id,))
            lo, hi = found[0] if found else (None, None)
            span = (lo, hi) if lo is not None and hi is not None else None
            self._spans[initiative_id] = span
            return span
        for rid in self.rows_of(initiative_id):
            for b in self.items.get(rid, EMPTY).bars:
                lo = b.start if lo is None else min(lo, b.start)
                hi = b.end if hi is None else max(hi, b.end)
        span = (lo, hi) if lo is not None and hi is not None else None
        self._spans[initiative_id] = span
        return span

    def fiscal_range(self) -> tuple[int, int]:
        """Fiscal years the axis shows: the period, the data, one year before and one after."""
        lo, hi = self.period
        if self.data_fys:
            lo, hi = min(lo, self.data_fys[0]), max(hi, self.data_fys[1])
        return lo - 1, hi + 1

    def describe(self) -> dict[str, Any]:
        """Counts for diagnostics and benchmarks."""
        return {"rows": len(self.rows), "bars": sum(len(i.bars) for i in self.items.values())}
