"""Editing the content of sections, initiatives and schedule rows.

Text blocks, KPIs, SDGs, references, national-plan item, departments. Each function
takes a :class:`~dxeditor.plan.changes.Recorder` first (run it through
``DocumentController.execute``) and raises :class:`ValidationError` for bad input, in
which case nothing changes.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.errors import ValidationError
from dxeditor.core.fiscal import MAX_FY, MIN_FY, FiscalYearError, parse_fy
from dxeditor.plan.changes import Recorder, row_dict
from dxeditor.plan.ops.outline import SECTION_KINDS, check_length, clean_title
from dxeditor.store import models as m

TextItems = Sequence[tuple[int, str, bool]]  # (level, text, bullet)
MAX_LEVEL = 5
KPI_FIELDS = ("name", "baseline_text", "baseline_value", "target_value", "target_text", "unit", "deadline_text",
              "deadline_fy", "note")
REFERENCE_FIELDS = ("title", "date_text", "note")


def _need(conn: Connection, table: str, row_id: int) -> dict[str, Any]:
    row = row_dict(conn, m.Base.metadata.tables[table], row_id)
    if row is None:
        raise ValidationError("編集対象が見つかりません（削除されています）。", "The item no longer exists.")
    return row


def parse_number(text: str | float | None, what: str = "目標値") -> float | None:
    """A number typed by a person (全角, 1,234, 12.5%) or None when empty; else ValidationError."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        s = unicodedata.normalize("NFKC", text).strip().replace(",", "").rstrip("%").strip()
        if not s:
            return None
        try:
            value = float(s)
        except ValueError:
            raise ValidationError(
                f"{what}「{text}」は数値ではありません。数値（例: 27、12.5）を入力してください。"
                "数値でない目標は「目標（文字）」に書いてください。",
                f"{what} {text!r} is not a number. Enter a number (e.g. 27, 12.5); "
                "write a target that is not a number as text.",
            ) from None
    if not math.isfinite(value):
        raise ValidationError(f"{what}が数値として扱えません: {text}", f"{what} is not a finite number: {text}")
    return value


def parse_optional_fy(text: str | int | None, what: str = "年度") -> int | None:
    """A fiscal year typed as 令和7 / R7 / 2025 / 2025年度, or None when empty."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if isinstance(text, int):
        fy = text
    else:
        try:
            fy = parse_fy(text)
        except FiscalYearError as exc:
            raise ValidationError(f"{what}: {exc.ja}", f"{what}: {exc.en}") from None
    if not MIN_FY <= fy <= MAX_FY:
        raise ValidationError(f"{what}が範囲外です: {fy}", f"{what} out of range: {fy}")
    return fy


# ------------------------------------------------------------------------- simple fields
def update_section(rec: Recorder, section_id: int, *, title: str | None = None, kind: str | None = None,
                   description: str | None = None, number_label: str | None = None) -> None:
    """Change a section's title, kind (policy / pillar / group), description or manual number."""
    _need(rec.conn, "sections", section_id)
    values: dict[str, Any] = {}
    if title is not None:
        values["title"] = clean_title(title, "セクション名")
    if kind is not None:
        if kind not in SECTION_KINDS:
            raise ValidationError(f"セクションの種類が不正です: {kind}", f"Bad section kind: {kind}")
        values["kind"] = kind
    if description is not None:
        values["description"] = check_length(description, "説明")
    if number_label is not None:
        values["number_label"] = check_length(number_label.strip(), "番号")
    rec.update("sections", section_id, **values)


def update_initiative(rec: Recorder, initiative_id: int, **values: Any) -> None:
    """Change an initiative's title, number label, summary, national-plan item or target, note."""
    _need(rec.conn, "initiatives", initiative_id)
    allowed = {"title", "number_label", "summary", "national_category", "national_number", "national_target_fy",
               "national_target_text", "note"}
    unknown = set(values) - allowed
    if unknown:
        raise ValidationError(f"変更できない項目です: {', '.join(sorted(unknown))}", f"Unknown fields: {unknown}")
    out = dict(values)
    if "title" in out:
        out["title"] = clean_title(out["title"], "取組名")
    for k in ("number_label", "summary", "national_target_text", "note"):
        if k in out:
            out[k] = check_length(str(out[k] or ""), "本文")
    if "number_label" in out:
        out["number_label"] = out["number_label"].strip()
    if "national_category" in out:
        cat = out["national_category"] or ""
        if cat and cat not in m.NATIONAL_CATEGORIES:
            raise ValidationError(f"国の計画の区分が不正です: {cat}", f"Bad national category: {cat}")
        out["national_category"] = cat
    if "national_number" in out and out["national_number"] is not None:
        n = out["national_number"]
        if not isinstance(n, int) or not 1 <= n <= 99:
            raise ValidationError("国の計画の番号は 1〜99 の整数で入力してください。",
                                  "The national item number must be an integer 1–99.")
    if "national_target_fy" in out:
        out["national_target_fy"] = parse_optional_fy(out["national_target_fy"], "国が掲げる目標時期")
    rec.update("initiatives", initiative_id, **out)


def update_row(rec: Recorder, row_id: int, **values: Any) -> None:
    """Change a schedule row's title, note or national target."""
    _need(rec.conn, "schedule_rows", row_id)
    out = dict(values)
    if set(out) - {"title", "note", "national_target_fy", "national_target_text"}:
        raise ValidationError("変更できない項目です。", f"Unknown fields: {set(out)}")
    if "title" in out:
        out["title"] = clean_title(out["title"], "行の名称")
    for k in ("note", "national_target_text"):
        if k in out:
            out[k] = check_length(str(out[k] or ""), "本文")
    if "national_target_fy" in out:
        out["national_target_fy"] = parse_optional_fy(out["national_target_fy"], "国が掲げる目標時期")
    rec.update("schedule_rows", row_id, **out)


# -------------------------------------------------------------------------- text blocks
def text_block(conn: Connection, initiative_id: int, block: str) -> list[tuple[int, str, bool]]:
    """The bullets of a text block: (level, text, bullet) in order."""
    t = m.TextItem.__table__
    rows = conn.execute(select(t.c.level, t.c.text, t.c.bullet).where(t.c.initiative_id == initiative_id)
                        .where(t.c.block == block).order_by(t.c.position, t.c.id))
    return [(int(r.level), str(r.text), bool(r.bullet)) for r in rows]


def set_text_block(rec: Recorder, initiative_id: int, block: str, items: TextItems) -> None:
    """Replace a text block's bullets; unchanged bullets stay untouched (small undo records)."""
    if block not in m.TEXT_BLOCKS:
        raise ValidationError(f"不明な文章ブロックです: {block}", f"Unknown text block: {block}")
    _need(rec.conn, "initiatives", initiative_id)
    check_length("".join(text for _, text, _ in items), m.TEXT_BLOCK_NAMES[block])
    t = m.TextItem.__table__
    existing = list(rec.conn.execute(select(t.c.id).where(t.c.initiative_id == initiative_id)
                                     .where(t.c.block == block).order_by(t.c.position, t.c.id)).scalars())
    for pos, (level, text, bullet) in enumerate(items):
        values = {"position": pos, "level": max(0, min(MAX_LEVEL, int(level))), "text": text, "bullet": bool(bullet)}
        if pos < len(existing):
            rec.update(t, existing[pos], **values)
        else:
            rec.insert(t, initiative_id=initiative_id, block=block, **values)
    for extra in existing[len(items):]:
        rec.delete(t, extra)


# --------------------------------------------------------------------------------- SDGs
def set_sdgs(rec: Recorder, initiative_id: int, goals: Sequence[int]) -> None:
    """The SDGs goals (1–17) an initiative contributes to."""
    _need(rec.conn, "initiatives", initiative_id)
    wanted = set(goals)
    bad = [g for g in wanted if not 1 <= g <= 17]
    if bad:
        raise ValidationError(f"SDGs の目標は 1〜17 です: {bad}", f"SDG goals are 1–17: {bad}")
    t = m.InitiativeSdg.__table__
    have = {r.goal: r.id for r in rec.conn.execute(select(t.c.id, t.c.goal).where(t.c.initiative_id == initiative_id))}
    for goal, row_id in have.items():
        if goal not in wanted:
            rec.delete(t, row_id)
    for goal in sorted(wanted - set(have)):
        rec.insert(t, initiative_id=initiative_id, goal=goal)


# -------------------------------------------------------------------------- departments
def set_departments(rec: Recorder, owner: str, owner_id: int, lead: int | None, related: Sequence[int]) -> None:
    """Lead (主管) and related (関係課) departments of an initiative (owner "initiative") or a row ("row")."""
    table, fk, owner_table = (("initiative_departments", "initiative_id", "initiatives") if owner == "initiative"
                              else ("row_departments", "row_id", "schedule_rows"))
    _need(rec.conn, owner_table, owner_id)
    known = set(rec.conn.execute(select(m.Department.id)).scalars())
    wanted = [d for d in dict.fromkeys(related) if d != lead]
    missing = [d for d in [lead, *wanted] if d is not None and d not in known]
    if missing:
        raise ValidationError("選んだ部署が計画にありません。", f"Unknown departments: {missing}")
    t = m.Base.metadata.tables[table]
    rows = [dict(r) for r in rec.conn.execute(select(t).where(t.c[fk] == owner_id).order_by(t.c.position, t.c.id))
            .mappings()]
    target = ([(lead, "lead")] if lead is not None else []) + [(d, "related") for d in wanted]
    for pos, (dept, role) in enumerate(target):
        values = {"department_id": dept, "role": role, "position": pos if role == "related" else 0}
        if pos < len(rows):
            rec.update(t, rows[pos]["id"], **values)
        else:
            rec.insert(t, **{fk: owner_id}, **values)
    for extra in rows[len(target):]:
        rec.delete(t, extra["id"])


def departments_of(conn: Connection, owner: str, owner_id: int) -> tuple[int | None, list[int]]:
    """(lead id, related ids) of an initiative or a row."""
    table, fk = ("initiative_departments", "initiative_id") if owner == "initiative" else ("row_departments", "row_id")
    t = m.Base.metadata.tables[table]
    rows = conn.execute(select(t.c.department_id, t.c.role).where(t.c[fk] == owner_id)
                        .order_by(t.c.position, t.c.id)).all()
    lead = next((r.department_id for r in rows if r.role == "lead"), None)
    return lead, [r.department_id for r in rows if r.role != "lead"]


# ------------------------------------------------------------------- KPIs and references
def _child_table(kind: str) -> tuple[str, tuple[str, ...]]:
    if kind == "kpi":
        return "kpis", KPI_FIELDS
    if kind == "reference":
        return "plan_references", REFERENCE_FIELDS
    raise ValidationError(f"不明な種類です: {kind}", f"Unknown kind: {kind}")


def _ordered_ids(conn: Connection, table: str, initiative_id: int) -> list[int]:
    t = m.Base.metadata.tables[table]
    return list(conn.execute(select(t.c.id).where(t.c.initiative_id == initiative_id)
                             .order_by(t.c.position, t.c.id)).scalars())


def _clean_child(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    _, fields = _child_table(kind)
    unknown = set(values) - set(fields)
    if unknown:
        raise ValidationError("変更できない項目です。", f"Unknown fields: {unknown}")
    out = dict(values)
    for k, v in list(out.items()):
        if isinstance(v, str):
            out[k] = check_length(v)
    if "target_value" in out:
        out["target_value"] = parse_number(out["target_value"], "目標値")
    if "baseline_value" in out:
        out["baseline_value"] = parse_number(out["baseline_value"], "現状値")
    if "deadline_fy" in out:
        out["deadline_fy"] = parse_optional_fy(out["deadline_fy"], "期限の年度")
    if kind == "reference" and "title" in out:
        out["title"] = clean_title(out["title"], "根拠・関連計画の名称")
    return out


def add_child(rec: Recorder, kind: str, initiative_id: int, index: int | None = None, **values: Any) -> int:
    """A new KPI (kind "kpi") or reference ("reference") of an initiative at ``index``."""
    table, _ = _child_table(kind)
    _need(rec.conn, "initiatives", initiative_id)
    clean = _clean_child(kind, values)
    if kind == "kpi":
        clean.setdefault("name", "新しい成果目標")
    else:
        clean.setdefault("title", "新しい根拠・関連計画")
    ids = _ordered_ids(rec.conn, table, initiative_id)
    index = len(ids) if index is None else max(0, min(index, len(ids)))
    new_id = rec.insert(table, initiative_id=initiative_id, position=index, **clean)
    ids.insert(index, new_id)
    for pos, i in enumerate(ids):
        rec.update(table, i, position=pos)
    return new_id


def update_child(rec: Recorder, kind: str, child_id: int, **values: Any) -> None:
    """Change fields of a KPI or a reference (numbers and fiscal years are checked)."""
    table, _ = _child_table(kind)
    _need(rec.conn, table, child_id)
    rec.update(table, child_id, **_clean_child(kind, values))


def delete_child(rec: Recorder, kind: str, child_id: int) -> None:
    """Delete a KPI (with its actual values) or a reference."""
    table, _ = _child_table(kind)
    row = _need(rec.conn, table, child_id)
    rec.delete(table, child_id)
    for pos, i in enumerate(_ordered_ids(rec.conn, table, row["initiative_id"])):
        rec.update(table, i, position=pos)


def move_child(rec: Recorder, kind: str, child_id: int, delta: int) -> bool:
    """Move a KPI or reference up (-1) or down (+1) in its list."""
    table, _ = _child_table(kind)
    row = _need(rec.conn, table, child_id)
    ids = _ordered_ids(rec.conn, table, row["initiative_id"])
    i = ids.index(child_id)
    j = max(0, min(len(ids) - 1, i + delta))
    if i == j:
        return False
    ids.insert(j, ids.pop(i))
    for pos, x in enumerate(ids):
        rec.update(table, x, position=pos)
    return True


def children(conn: Connection, kind: str, initiative_id: int) -> list[dict[str, Any]]:
    """The KPIs or references of an initiative, in order, as dicts."""
    table, _ = _child_table(kind)
    t = m.Base.metadata.tables[table]
    return [dict(r) for r in conn.execute(select(t).where(t.c.initiative_id == initiative_id)
                                          .order_by(t.c.position, t.c.id)).mappings()]


# ------------------------------------------------------------------------- KPI actuals (実績)


def actuals(conn: Connection, kpi_id: int) -> list[dict[str, Any]]:
    """The yearly actual values of a KPI, by fiscal year, as dicts (id, fiscal_year, value, note)."""
    t = m.KpiActual.__table__
    return [dict(r) for r in conn.execute(select(t).where(t.c.kpi_id == kpi_id)
                                          .order_by(t.c.fiscal_year, t.c.id)).mappings()]


def _check_actual_year(conn: Connection, kpi_id: int, fy: int, actual_id: int | None = None) -> None:
    t = m.KpiActual.__table__
    other = conn.execute(select(t.c.id).where(t.c.kpi_id == kpi_id, t.c.fiscal_year == fy)).scalar()
    if other is not None and other != actual_id:
        raise ValidationError(f"{fy}年度の実績はすでにあります。その行の値を変更してください。",
                              f"There is already an actual value for FY{fy}; change that row instead.")


def add_actual(rec: Recorder, kpi_id: int, fiscal_year: int | str | None = None,
               value: float | str | None = None, note: str = "") -> int:
    """Add a KPI's actual for ``fiscal_year`` (default: the year after the latest one, or the plan's first)."""
    _need(rec.conn, "kpis", kpi_id)
    fy = parse_optional_fy(fiscal_year, "実績の年度")
    if fy is None:
        years = [a["fiscal_year"] for a in actuals(rec.conn, kpi_id)]
        if years:
            fy = max(years) + 1
        else:
            start = rec.conn.execute(select(m.Plan.__table__.c.period_start_fy)).scalar()
            fy = int(start) if start is not None else MIN_FY
    _check_actual_year(rec.conn, kpi_id, fy)
    return rec.insert("kpi_actuals", kpi_id=kpi_id, fiscal_year=fy, value=parse_number(value, "実績値"),
                      note=check_length(note or ""))


def update_actual(rec: Recorder, actual_id: int, **values: Any) -> None:
    """Change an actual's fiscal_year, value or note (checked: a number, a year not used twice)."""
    unknown = set(values) - {"fiscal_year", "value", "note"}
    if unknown:
        raise ValidationError("変更できない項目です。", f"Unknown fields: {unknown}")
    row = _need(rec.conn, "kpi_actuals", actual_id)
    out = dict(values)
    if "fiscal_year" in out:
        fy = parse_optional_fy(out["fiscal_year"], "実績の年度")
        if fy is None:
            raise ValidationError("実績の年度を入力してください。", "Enter the fiscal year of the actual value.")
        _check_actual_year(rec.conn, row["kpi_id"], fy, actual_id)
        out["fiscal_year"] = fy
    if "value" in out:
        out["value"] = parse_number(out["value"], "実績値")
    if "note" in out:
        out["note"] = check_length(str(out["note"] or ""))
    rec.update("kpi_actuals", actual_id, **out)


def delete_actual(rec: Recorder, actual_id: int) -> None:
    """Delete one yearly actual value."""
    _need(rec.conn, "kpi_actuals", actual_id)
    rec.delete("kpi_actuals", actual_id)
