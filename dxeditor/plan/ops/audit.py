"""The audit log: who changed what and when, filtered and exported to a workbook."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.store import models as m

ENTITY_NAMES = {
    "plan": "計画", "phases": "工程の種類", "departments": "部署", "department_names": "部署名",
    "department_links": "組織改正", "sections": "セクション", "initiatives": "取組", "initiative_sdgs": "SDGs",
    "initiative_departments": "取組の担当課", "text_items": "本文", "kpis": "成果目標", "kpi_actuals": "実績値", "kpi_targets": "年度別目標",
    "plan_references": "根拠・関連計画", "schedule_rows": "工程表の行", "row_departments": "行の担当課",
    "bars": "工程", "milestones": "節目", "progress": "進捗", "glossary": "用語",
}


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as a person reads it."""

    id: int
    at: datetime  # local time
    user: str
    host: str
    action: str
    entity: str
    entity_id: int | None
    initiative_id: int | None
    department_ids: frozenset[int]
    before: str
    after: str

    @property
    def entity_name(self) -> str:
        return ENTITY_NAMES.get(self.entity, self.entity)


def _parse_time(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return datetime.fromtimestamp(0).astimezone()


def _initiative_of(entity: str, values: dict[str, Any], rows: dict[int, int], kpis: dict[int, int]) -> int | None:
    if entity == "initiatives":
        return values.get("id")
    if "initiative_id" in values and values["initiative_id"] is not None:
        return int(values["initiative_id"])
    if "row_id" in values and values["row_id"] is not None:
        return rows.get(int(values["row_id"]))
    if entity == "schedule_rows":
        return values.get("initiative_id")
    if "kpi_id" in values:
        return kpis.get(int(values["kpi_id"]))
    return None


def load_audit(conn: Connection) -> list[AuditRow]:
    """Every audit entry, newest first, with the initiative and departments it concerns."""
    rows = dict(conn.execute(select(m.ScheduleRow.id, m.ScheduleRow.initiative_id)).all())
    kpis = dict(conn.execute(select(m.Kpi.id, m.Kpi.initiative_id)).all())
    init_depts: dict[int, set[int]] = {}
    for owner, did in conn.execute(select(m.InitiativeDepartment.initiative_id, m.InitiativeDepartment.department_id)):
        init_depts.setdefault(owner, set()).add(did)
    for rid, did in conn.execute(select(m.RowDepartment.row_id, m.RowDepartment.department_id)):
        if rid in rows:
            init_depts.setdefault(rows[rid], set()).add(did)
    out = []
    for a in conn.execute(select(m.AuditEntry.__table__).order_by(m.AuditEntry.id.desc())).mappings():
        values: dict[str, Any] = {}
        for text in (a["after"], a["before"]):
            try:
                parsed = json.loads(text) if text and not text.endswith("…") else {}
            except ValueError:
                parsed = {}
            if isinstance(parsed, dict):
                values = parsed | values
        if a["entity_id"] is not None:
            values.setdefault("id", a["entity_id"])
        iid = _initiative_of(a["entity"], values, rows, kpis)
        depts = set(init_depts.get(iid, set())) if iid is not None else set()
        if a["entity"] in ("departments", "department_names") and a["entity_id"] is not None:
            depts.add(a["entity_id"])
        if "department_id" in values and values["department_id"] is not None:
            depts.add(int(values["department_id"]))
        out.append(AuditRow(a["id"], _parse_time(a["at"]), a["user"], a["host"], a["action"], a["entity"],
                            a["entity_id"], iid, frozenset(depts), a["before"], a["after"]))
    return out


def filter_audit(entries: list[AuditRow], *, user: str | None = None, department_id: int | None = None,
                 initiative_id: int | None = None, date_from: datetime | None = None,
                 date_to: datetime | None = None, text: str = "") -> list[AuditRow]:
    """Entries matching every given condition (None = any)."""
    out = []
    for e in entries:
        if user and e.user != user:
            continue
        if department_id is not None and department_id not in e.department_ids:
            continue
        if initiative_id is not None and e.initiative_id != initiative_id:
            continue
        if date_from and e.at < date_from:
            continue
        if date_to and e.at > date_to:
            continue
        if text and text not in e.action and text not in e.before and text not in e.after:
            continue
        out.append(e)
    return out
