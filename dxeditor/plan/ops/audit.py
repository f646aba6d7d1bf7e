"""The audit log: who changed what and when, filtered and exported to a workbook."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.atomic import write_atomic
from dxeditor.store import models as m

ENTITY_NAMES = {
    "plan": "計画", "phases": "工程の種類", "departments": "部署", "department_names": "部署名",
    "department_links": "組織改正", "sections": "セクション", "initiatives": "取組", "initiative_sdgs": "SDGs",
    "initiative_departments": "取組の担当課", "text_items": "本文", "kpis": "成果目標", "kpi_actuals": "実績値",
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
    for iid, did in conn.execute(select(m.InitiativeDepartment.initiative_id, m.InitiativeDepartment.department_id)):
        init_depts.setdefault(iid, set()).add(did)
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


def export_audit_xlsx(entries: list[AuditRow], out: Path, *, title: str, initiatives: dict[int, str]) -> Path:
    """Write the entries to a workbook (print-ready, text cells stay text)."""
    write_atomic(out, lambda tmp: _write_audit(tmp, entries, title, initiatives))
    return out


def _write_audit(tmp: Path, entries: list[AuditRow], title: str, initiatives: dict[int, str]) -> None:
    import xlsxwriter

    from dxeditor.formats.xlsx.text_cells import XLSXWRITER_OPTIONS, cell_text, header_footer_text, write_text

    wb = xlsxwriter.Workbook(str(tmp), XLSXWRITER_OPTIONS)
    try:
        wb.set_properties({"title": cell_text(f"{title} 変更履歴")})
        ws = wb.add_worksheet("変更履歴")
        head = wb.add_format({"bold": True, "font_name": "BIZ UDゴシック", "bg_color": "#DDDDDD", "border": 1})
        cell = wb.add_format({"font_name": "BIZ UDゴシック", "text_wrap": True, "valign": "top", "border": 1})
        cols = [("日時", 18), ("利用者", 12), ("PC", 14), ("操作", 26), ("対象", 14), ("取組", 30), ("変更前", 40),
                ("変更後", 40)]
        for c, (name, width) in enumerate(cols):
            ws.write_string(0, c, name, head)
            ws.set_column(c, c, width)
        for r, e in enumerate(entries, start=1):
            values = [e.at.strftime("%Y/%m/%d %H:%M:%S"), e.user, e.host, e.action, e.entity_name,
                      initiatives.get(e.initiative_id, "") if e.initiative_id else "", e.before, e.after]
            for c, v in enumerate(values):
                write_text(ws, r, c, v, cell)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(entries), 1), len(cols) - 1)
        ws.set_landscape()
        ws.set_paper(8)  # A3
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_header(f"&L{header_footer_text(' '.join(title.split()))[:200]} 変更履歴&R&D")
        ws.set_footer("&C&P / &N")
    finally:
        wb.close()
