"""The yearly review as views and exports read it (no Qt): ratings, review texts, KPI paths.

:func:`load_progress` reads in one pass every review (進捗評価) of initiatives and
schedule rows, every KPI with its yearly targets and actuals, and the plan's rating
scale. The progress view, the report and the inquiry's progress sheet all read this.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Integer, func, select

from dxeditor.core.achievement import RatingScale, achievement_rate, trend_mark
from dxeditor.core.fiscal import fy_of, fy_start, index_of_calendar
from dxeditor.store import models as m

REVIEW_TEXTS = ("results", "issues", "direction")
REVIEW_TEXT_NAMES = {"results": "実績・成果", "issues": "課題", "direction": "今後の方向性"}


@dataclass
class Review:
    """One year's review of an initiative (``row_id`` None) or of a schedule row."""

    id: int
    fiscal_year: int
    initiative_id: int | None
    row_id: int | None
    rating: str = ""
    results: str = ""
    issues: str = ""
    direction: str = ""
    entered_by: str = ""
    entered_at: str = ""
    status: str = ""
    comment: str = ""


@dataclass
class KpiPath:
    """A KPI with its baseline, final target, yearly targets and actuals."""

    id: int
    initiative_id: int
    position: int
    name: str
    unit: str
    baseline_value: float | None
    baseline_text: str
    target_value: float | None
    target_text: str
    deadline_fy: int | None
    lower_is_better: bool
    targets: dict[int, tuple[float | None, str]] = field(default_factory=dict)
    actuals: dict[int, tuple[float | None, str]] = field(default_factory=dict)

    @property
    def is_text(self) -> bool:
        """A KPI whose target is a sentence: it has no rate."""
        return self.target_value is None and not any(v is not None for v, _ in self.targets.values())

    def target_for(self, fy: int) -> float | None:
        """The year's target: the yearly path when set, else the final target."""
        value, _ = self.targets.get(fy, (None, ""))
        return value if value is not None else self.target_value

    def actual(self, fy: int) -> float | None:
        return self.actuals.get(fy, (None, ""))[0]

    def rate(self, fy: int) -> float | None:
        """The achievement rate in ``fy`` (see :mod:`dxeditor.core.achievement`)."""
        if self.is_text:
            return None
        return achievement_rate(self.baseline_value, self.target_for(fy), self.actual(fy),
                                lower_is_better=self.lower_is_better)

    def target_path(self, years: list[int]) -> list[tuple[int, float]]:
        """The target path over ``years`` as (year, value): baseline at the start, yearly targets,
        the final target in its deadline year (or the last year)."""
        if not years:
            return []
        points: dict[int, float] = {}
        if self.baseline_value is not None:
            points[years[0]] = self.baseline_value
        for fy in years:
            value = self.targets.get(fy, (None, ""))[0]
            if value is not None:
                points[fy] = value
        final = self.deadline_fy if self.deadline_fy in years else years[-1]
        if self.target_value is not None and final not in points:
            points[final] = self.target_value
        return sorted(points.items())

    def trend(self, fy: int) -> str:
        """▲▼→ of the actual against the previous year's."""
        return trend_mark(self.actual(fy - 1), self.actual(fy), lower_is_better=self.lower_is_better)


@dataclass
class ProgressData:
    """Everything of the yearly review, keyed for quick lookup."""

    scale: RatingScale
    reviews: dict[tuple[int, int], Review]  # (initiative id, fiscal year)
    row_reviews: dict[tuple[int, int], Review]  # (row id, fiscal year)
    kpis: dict[int, list[KpiPath]]  # by initiative id, in order

    def rating(self, initiative_id: int, fy: int) -> str:
        r = self.reviews.get((initiative_id, fy))
        return r.rating if r else ""

    def years_with_data(self) -> list[int]:
        years = {fy for _, fy in self.reviews} | {fy for _, fy in self.row_reviews}
        for paths in self.kpis.values():
            for k in paths:
                years |= set(k.actuals)
        return sorted(years)


def load_scale(conn: Connection) -> RatingScale:
    """The plan's rating scale."""
    return RatingScale.from_json(conn.execute(select(m.Plan.rating_scale)).scalar() or "")


def load_progress(conn: Connection) -> ProgressData:
    """Read the whole yearly review."""
    reviews: dict[tuple[int, int], Review] = {}
    row_reviews: dict[tuple[int, int], Review] = {}
    for p in conn.execute(select(m.Progress.__table__).order_by(m.Progress.id)).mappings():
        r = Review(**{k: p[k] for k in ("id", "fiscal_year", "initiative_id", "row_id", "rating", "results",
                                         "issues", "direction", "entered_by", "entered_at", "status", "comment")})
        if r.row_id is not None:
            row_reviews.setdefault((r.row_id, r.fiscal_year), r)
        elif r.initiative_id is not None:
            reviews.setdefault((r.initiative_id, r.fiscal_year), r)
    kpis: dict[int, list[KpiPath]] = {}
    by_id: dict[int, KpiPath] = {}
    for k in conn.execute(select(m.Kpi.__table__).order_by(m.Kpi.initiative_id, m.Kpi.position, m.Kpi.id)).mappings():
        path = KpiPath(k["id"], k["initiative_id"], k["position"], k["name"], k["unit"], k["baseline_value"],
                       k["baseline_text"], k["target_value"], k["target_text"], k["deadline_fy"],
                       bool(k["lower_is_better"]))
        kpis.setdefault(path.initiative_id, []).append(path)
        by_id[path.id] = path
    for t in conn.execute(select(m.KpiTarget.kpi_id, m.KpiTarget.fiscal_year, m.KpiTarget.value, m.KpiTarget.text)):
        if t.kpi_id in by_id:
            by_id[t.kpi_id].targets[t.fiscal_year] = (t.value, t.text)
    for a in conn.execute(select(m.KpiActual.kpi_id, m.KpiActual.fiscal_year, m.KpiActual.value, m.KpiActual.note)):
        if a.kpi_id in by_id:
            by_id[a.kpi_id].actuals[a.fiscal_year] = (a.value, a.note)
    return ProgressData(load_scale(conn), reviews, row_reviews, kpis)


def year_counts(conn: Connection) -> dict[int, dict[str, Any]]:
    """Per fiscal year: ratings counted by key and how many KPI actuals are entered (for ``info``)."""
    data = load_progress(conn)
    out: dict[int, dict[str, Any]] = {}
    for (_, fy), r in data.reviews.items():
        if r.rating:
            year = out.setdefault(fy, {"ratings": {}, "kpi_actuals": 0})
            year["ratings"][r.rating] = year["ratings"].get(r.rating, 0) + 1
    for paths in data.kpis.values():
        for k in paths:
            for fy, (value, note) in k.actuals.items():
                if value is not None or note:
                    out.setdefault(fy, {"ratings": {}, "kpi_actuals": 0})["kpi_actuals"] += 1
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class LateReason:
    """Why the schedule marks an initiative or a row: ``kind`` is ``rating`` (C / D in the latest
    review of ``fiscal_year``), ``status`` (遅延 / 中止 in it) or ``ended`` (a row whose bars all
    ended, the last in month ``month``, before this fiscal year, with no 完了 reported)."""

    kind: str
    fiscal_year: int = 0
    value: str = ""
    month: int = 0


def late_reasons(conn: Connection, today: date | None = None, rows: Collection[int] | None = None,
                 ) -> dict[tuple[str, int], LateReason]:
    """Initiatives and rows the schedule marks as late, with why: ``("initiative", id)`` / ``("row", id)``.

    Late: the latest rating is on the late half of the scale (C / D), or the latest status is
    遅延 / 中止; or — in a plan that records progress at all — a row whose bars all ended before
    the fiscal year of ``today`` (no arrow past their end) whose latest review reports neither
    完了 nor a good rating ("ended without completion"). ``rows``: only these schedule rows (after an edit).
    """
    scale = load_scale(conn)
    latest: dict[tuple[str, int], tuple[int, int, str, str]] = {}
    t = m.Progress.__table__
    for pid, fy, iid, rid, rating, status in conn.execute(
            select(t.c.id, t.c.fiscal_year, t.c.initiative_id, t.c.row_id, t.c.rating, t.c.status)):
        key = ("row", rid) if rid is not None else ("initiative", iid)
        if key[1] is None or not (rating or status):
            continue
        if key not in latest or (fy, pid) > latest[key][:2]:
            latest[key] = (fy, pid, rating, status)
    out: dict[tuple[str, int], LateReason] = {}
    for key, (fy, _, rating, status) in latest.items():
        if rows is not None and (key[0] != "row" or key[1] not in rows):
            continue
        if rating and scale.is_late(rating):
            out[key] = LateReason("rating", fy, rating)
        elif not rating and status in ("delayed", "stopped"):
            out[key] = LateReason("status", fy, status)
    if not latest:
        return out  # a plan without progress management: nothing is "without completion"
    day = today or date.today()
    this_year = fy_of(index_of_calendar(day.year, day.month))
    b = m.Bar.__table__
    query = select(b.c.row_id, func.max(b.c.end), func.max(b.c.continues.cast(Integer))).group_by(b.c.row_id)
    if rows is not None:
        query = query.where(b.c.row_id.in_(sorted(rows)))
    ended = conn.execute(query).all()
    for row_id, last, continues in ended:
        key = ("row", row_id)
        if key in out or continues or last >= fy_start(this_year):
            continue
        review = latest.get(key)
        if review is not None and (review[3] == "done" or (review[2] and not scale.is_late(review[2]))):
            continue
        out[key] = LateReason("ended", month=int(last))
    return out


def late_items(conn: Connection, today: date | None = None) -> set[tuple[str, int]]:
    """The keys of :func:`late_reasons` (what the schedule marks)."""
    return set(late_reasons(conn, today))
