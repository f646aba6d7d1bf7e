"""What ``dxeditor info`` and the GUI's plan summary report: counts and facts of a plan."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from dxeditor.plan.progress import year_counts
from dxeditor.store import models as m
from dxeditor.store.document import SCHEMA_REVISION, PlanDocument


def plan_counts(doc: PlanDocument) -> dict[str, Any]:
    """Counts and facts of the plan in ``doc``."""
    conn = doc.session.connection()

    def count(model: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())

    plan = doc.plan
    return {
        "file": str(doc.source) if doc.source else None,
        "title": plan.title,
        "municipality": plan.municipality,
        "version_label": plan.version_label,
        "period_start_fy": plan.period_start_fy,
        "period_end_fy": plan.period_end_fy,
        "schema_version": SCHEMA_REVISION,
        "sections": count(m.Section),
        "initiatives": count(m.Initiative),
        "schedule_rows": count(m.ScheduleRow),
        "bars": count(m.Bar),
        "milestones": count(m.Milestone),
        "departments": count(m.Department),
        "kpis": count(m.Kpi),
        "glossary_terms": count(m.GlossaryTerm),
        "progress": {str(fy): c for fy, c in year_counts(conn).items()},  # per year: ratings, KPI actuals
    }
