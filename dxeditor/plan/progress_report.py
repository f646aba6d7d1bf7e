"""What the progress report (進捗状況報告) of one fiscal year says, for the PDF and Excel writers.

:func:`build_report` gathers it in one pass: ratings counted per policy (基本方針), the KPI
table (baseline, the year's target and actual, achievement rate, ▲▼ against the year
before), one entry per initiative (rating, texts, its KPIs over the plan period) and the
schedule changes the audit log recorded from the start of the year under review.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from dxeditor.core.achievement import RatingScale, format_rate
from dxeditor.core.fiscal import format_fy, format_month
from dxeditor.plan.ops.audit import load_audit
from dxeditor.plan.progress import KpiPath, Review, load_progress
from dxeditor.plan.readmodel import load_plan_view

SCHEDULE_TABLES = {"bars": "工程", "milestones": "節目", "schedule_rows": "工程表の行"}
MAX_CHANGES = 500
NOT_RATED = "未評価"


@dataclass
class PolicyCount:
    """Ratings of the initiatives under one policy (基本方針)."""

    title: str
    counts: dict[str, int]  # rating key (or "" = not rated) → number of initiatives

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class KpiLine:
    """One line of the KPI table."""

    initiative: str
    kpi: KpiPath
    baseline: str
    target: str
    actual: str
    rate: str
    trend: str
    note: str


@dataclass
class InitiativePage:
    """One initiative's page."""

    id: int
    number: str
    title: str
    policy: str
    lead: str
    review: Review | None
    kpis: list[KpiPath] = field(default_factory=list)


@dataclass
class ScheduleChange:
    """One schedule change from the audit log."""

    at: datetime
    user: str
    initiative: str
    what: str
    action: str
    detail: str


@dataclass
class ProgressReport:
    """The whole report of ``fiscal_year``."""

    title: str
    municipality: str
    fiscal_year: int
    years: list[int]
    scale: RatingScale
    policies: list[PolicyCount]
    kpi_lines: list[KpiLine]
    pages: list[InitiativePage]
    changes: list[ScheduleChange]
    changes_left_out: int = 0

    @property
    def year_label(self) -> str:
        return format_fy(self.fiscal_year, "wareki")

    def totals(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.policies:
            for k, n in p.counts.items():
                out[k] = out.get(k, 0) + n
        return out

    def rating_label(self, key: str) -> str:
        return self.scale.label(key) if key else NOT_RATED


def number(v: float | None) -> str:
    """A value as printed: 12, 12.5, 10,000."""
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _with_unit(v: float | None, text: str, unit: str) -> str:
    if v is None:
        return text
    return f"{number(v)}{unit}"


def build_report(conn: Connection, fiscal_year: int) -> ProgressReport:
    """Everything the report of ``fiscal_year`` shows."""
    view = load_plan_view(conn, dept_fy=fiscal_year, items=False)
    data = load_progress(conn)
    plan = view.plan
    years = list(range(plan["period_start_fy"], plan["period_end_fy"] + 1))
    policies: list[PolicyCount] = []
    pages: list[InitiativePage] = []
    kpi_lines: list[KpiLine] = []
    current: PolicyCount | None = None
    titles: dict[int, str] = {}
    for kind, v, _depth in view.walk():
        if kind == "section" and v.depth == 0:
            current = PolicyCount(f"{v.number} {v.title}".strip(), {})
            policies.append(current)
            continue
        if kind != "initiative":
            continue
        if v.section_id is None:
            if not policies or policies[0].title != "（基本方針なし）":
                policies.insert(0, PolicyCount("（基本方針なし）", {}))
            target = policies[0]
        else:
            assert current is not None
            target = current
        review = data.reviews.get((v.id, fiscal_year))
        key = review.rating if review else ""
        target.counts[key] = target.counts.get(key, 0) + 1
        name = f"{v.number} {v.title}".strip()
        titles[v.id] = name
        kpis = data.kpis.get(v.id, [])
        pages.append(InitiativePage(v.id, v.number, v.title, target.title, v.lead, review, kpis))
        for k in kpis:
            value, note = k.actuals.get(fiscal_year, (None, ""))
            target_text = k.targets.get(fiscal_year, (None, ""))[1]
            shown_target = _with_unit(k.target_for(fiscal_year), target_text or k.target_text, k.unit)
            kpi_lines.append(KpiLine(
                name, k, _with_unit(k.baseline_value, k.baseline_text, k.unit), shown_target,
                _with_unit(value, "", k.unit) or (note if k.is_text else ""),
                "" if k.is_text else format_rate(k.rate(fiscal_year)), k.trend(fiscal_year),
                note if value is not None or not k.is_text else "",
            ))
    changes, left_out = _schedule_changes(conn, fiscal_year, titles)
    return ProgressReport(plan["title"], plan["municipality"], fiscal_year, years, data.scale,
                          [p for p in policies if p.total], kpi_lines, pages, changes, left_out)


def _describe(entity: str, before: str, after: str) -> str:
    def parse(text: str) -> dict[str, Any]:
        try:
            value = json.loads(text) if text and not text.endswith("…") else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    b, a = parse(before), parse(after)

    def shown(key: str, value: Any) -> str:
        if key in ("start", "end", "month") and isinstance(value, int):
            return format_month(value)
        return "" if value is None else str(value)

    names = {"label": "内容", "start": "開始", "end": "終了", "month": "時期", "title": "名称", "phase": "種類",
             "lane": "段", "continues": "継続"}
    if not b and a:
        main = a.get("label") or a.get("title") or ""
        span = f" {shown('start', a['start'])}〜{shown('end', a['end'])}" if "start" in a and "end" in a else ""
        return f"追加: {main}{span}".strip()
    if b and not a:
        return f"削除: {b.get('label') or b.get('title') or ''}".strip()
    parts = [f"{names.get(k, k)} {shown(k, b.get(k))} → {shown(k, a.get(k))}"
             for k in names if k in a and b.get(k) != a.get(k)]
    return "、".join(parts)


def _schedule_changes(conn: Connection, fy: int, titles: dict[int, str]) -> tuple[list[ScheduleChange], int]:
    """Schedule changes the audit log holds from 1 April of ``fy`` on (newest last)."""
    start = datetime(fy, 4, 1).astimezone()
    out = []
    for e in reversed(load_audit(conn)):
        if e.entity not in SCHEDULE_TABLES or e.at < start:
            continue
        out.append(ScheduleChange(e.at, e.user, titles.get(e.initiative_id or 0, ""), SCHEDULE_TABLES[e.entity],
                                  e.action, _describe(e.entity, e.before, e.after)))
    left_out = max(0, len(out) - MAX_CHANGES)
    return out[-MAX_CHANGES:] if left_out else out, left_out
