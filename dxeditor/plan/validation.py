"""Plan rules checked by ``dxeditor check`` and before export: what is wrong, and where."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from dxeditor.core.fiscal import index_to_month
from dxeditor.store import models as m


@dataclass(frozen=True)
class Finding:
    """One problem (``error``) or doubt (``warning``) with where it is."""

    level: str
    where: str
    ja: str
    en: str
    where_en: str = ""  # the place in English (``where`` when empty)

    def message(self, lang: str = "ja") -> str:
        if lang == "en":
            return f"{self.where_en or self.where}: {self.en}"
        return f"{self.where}: {self.ja}"


def check_plan(conn: Connection) -> list[Finding]:
    """Every rule the stored plan breaks (errors first, then warnings)."""
    out: list[Finding] = []
    plan = conn.execute(select(m.Plan.__table__)).mappings().first()
    if plan is None:
        return [Finding("error", "plan", "計画の基本情報がありません", "the plan metadata row is missing")]
    start, end = plan["period_start_fy"], plan["period_end_fy"]
    if end < start:
        out.append(Finding("error", "計画期間", "終わりが始まりより前です", "the period ends before it starts",
                           "plan period"))
    if not plan["title"].strip():
        out.append(Finding("warning", "計画", "表題が空です", "the title is empty", "plan"))
    rows = {r.id: r for r in conn.execute(select(m.ScheduleRow.id, m.ScheduleRow.title))}
    phases = set(conn.execute(select(m.Phase.key)).scalars())
    for b in conn.execute(select(m.Bar.__table__)).mappings():
        row = rows[b["row_id"]].title if b["row_id"] in rows else b["row_id"]
        where = f"工程表「{row}」のバー{b['id']}"
        where_en = f"bar {b['id']} of schedule row {row!r}"
        if b["end"] < b["start"]:
            out.append(Finding("error", where, f"終わり {index_to_month(b['end'])} が始まりより前です",
                               f"ends ({index_to_month(b['end'])}) before it starts", where_en))
        if b["lane"] < 0:
            out.append(Finding("error", where, "段が負の値です", "negative lane", where_en))
        if b["phase"] and b["phase"] not in phases:
            out.append(Finding("error", where, f"工程の種類「{b['phase']}」が定義されていません",
                               f"phase {b['phase']!r} is not defined", where_en))
        if b["end"] // 12 < start or b["start"] // 12 > end:
            out.append(Finding("warning", where, "計画期間の外にあります", "lies outside the plan period",
                               where_en))
    titles = conn.execute(select(m.Initiative.id, m.Initiative.title)).all()
    for iid, title in titles:
        if not title.strip():
            out.append(Finding("warning", f"取組 {iid}", "名称が空です", "the title is empty",
                               f"initiative {iid}"))
    leads: dict[int, int] = {}
    for d in conn.execute(select(m.InitiativeDepartment.initiative_id, m.InitiativeDepartment.role)):
        if d.role == "lead":
            leads[d.initiative_id] = leads.get(d.initiative_id, 0) + 1
    for iid, n in leads.items():
        if n > 1:
            out.append(Finding("error", f"取組 {iid}", "主管課が複数あります", "more than one lead department",
                               f"initiative {iid}"))
    for k in conn.execute(select(m.Kpi.__table__)).mappings():
        if k["deadline_fy"] is not None and not start <= k["deadline_fy"] <= end + 10:
            out.append(Finding("warning", f"成果目標「{k['name']}」", "期限が計画期間から外れています",
                               "the deadline is outside the plan period", f"KPI {k['name']!r}"))
    for s in conn.execute(select(m.InitiativeSdg.initiative_id, m.InitiativeSdg.goal)):
        if not 1 <= s.goal <= 17:
            out.append(Finding("error", f"取組 {s.initiative_id}", f"SDGs の目標 {s.goal} は 1〜17 ではありません",
                               f"SDG goal {s.goal} is not 1–17", f"initiative {s.initiative_id}"))
    out.sort(key=lambda f: f.level != "error")
    return out
