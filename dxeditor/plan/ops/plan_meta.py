"""The plan's metadata (title, period, styles, philosophy) and its phase kinds (凡例の工程区分).

Every change takes a :class:`~dxeditor.plan.changes.Recorder` first and refuses bad
input with a :class:`~dxeditor.core.errors.ValidationError` before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, select

from dxeditor.core.errors import ValidationError
from dxeditor.core.fiscal import MAX_FY, MIN_FY, YearStyle
from dxeditor.core.numbering import STYLES
from dxeditor.plan.changes import Recorder, row_dict
from dxeditor.store import models as m

PLAN_ID = 1
PATTERNS = ("solid", "diagonal", "cross", "dots", "horizontal", "vertical", "outline")
PATTERN_NAMES = {"solid": "塗りつぶし", "diagonal": "斜線", "cross": "格子（斜め）", "dots": "点",
                 "horizontal": "横線", "vertical": "縦線", "outline": "枠線のみ"}
YEAR_STYLE_NAMES = {"wareki": "令和5年度", "short": "5年度（先頭のみ元号）", "alpha": "R5",
                    "seireki": "2023年度", "both": "令和5(2023)年度",
                    "seireki_wareki": "2023年度(令和5年度)"}
TEXT_FIELDS = ("title", "subtitle", "municipality", "issuing_department", "version_label", "formulation_date",
               "period_label", "basic_philosophy", "vision", "note")
FIELDS = (*TEXT_FIELDS, "period_start_fy", "period_end_fy", "year_style", "numbering_style")
FIELD_NAMES = {"title": "計画名", "subtitle": "副題", "municipality": "自治体名", "issuing_department": "発行部署",
               "version_label": "版", "formulation_date": "策定日", "period_label": "計画期間の表記",
               "basic_philosophy": "基本理念", "vision": "目指す姿", "note": "備考"}
MAX_TEXT = 200_000
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
TABLES: dict[str, Table] = dict(m.Base.metadata.tables)
PT = TABLES["phases"]


def plan_row(conn: Connection) -> dict[str, Any]:
    """The plan's metadata as a dict."""
    return dict(conn.execute(select(TABLES["plan"])).mappings().one())


def _fy(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_FY <= value <= MAX_FY:
        raise ValidationError(f"{what}は{MIN_FY}〜{MAX_FY}年度の範囲で指定してください（{value}）。",
                              f"{what}: the fiscal year must be within {MIN_FY}–{MAX_FY} ({value}).")
    return value


def validate_plan_fields(current: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` cleaned (text stripped), or a ValidationError naming the first problem."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValidationError(f"変更できない項目です: {', '.join(unknown)}", f"Unknown plan fields: {', '.join(unknown)}")
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in TEXT_FIELDS:
            text = "" if value is None else str(value)
            text = text.strip() if key not in ("basic_philosophy", "vision", "note") else text.rstrip()
            if len(text) > MAX_TEXT:
                raise ValidationError(f"{FIELD_NAMES[key]}が長すぎます（{len(text):,} 文字、上限 {MAX_TEXT:,} 文字）。",
                                      f"{key} is too long (at most {MAX_TEXT:,} characters).")
            out[key] = text
    if "title" in out and not out["title"]:
        raise ValidationError("計画名を入力してください（空にはできません）。", "The plan title cannot be empty.")
    if "period_start_fy" in fields:
        out["period_start_fy"] = _fy(fields["period_start_fy"], "計画期間の開始年度")
    if "period_end_fy" in fields:
        out["period_end_fy"] = _fy(fields["period_end_fy"], "計画期間の終了年度")
    start = out.get("period_start_fy", current.get("period_start_fy"))
    end = out.get("period_end_fy", current.get("period_end_fy"))
    if start is not None and end is not None and start > end:
        raise ValidationError("計画期間の開始年度は終了年度以前にしてください。",
                              "The plan period must start no later than it ends.")
    if "year_style" in fields:
        if fields["year_style"] not in {s.value for s in YearStyle}:
            raise ValidationError(f"年度の表記が不正です: {fields['year_style']}", f"Unknown year style: {fields['year_style']}")
        out["year_style"] = str(fields["year_style"])
    if "numbering_style" in fields:
        if fields["numbering_style"] not in STYLES:
            raise ValidationError(f"番号の形式が不正です: {fields['numbering_style']}",
                                  f"Unknown numbering style: {fields['numbering_style']}")
        out["numbering_style"] = fields["numbering_style"]
    return out


def update_plan(rec: Recorder, **fields: Any) -> bool:
    """Change the plan's metadata; returns whether anything changed."""
    current = plan_row(rec.conn)
    return rec.update(TABLES["plan"], current["id"], **validate_plan_fields(current, fields))


# --- phases ---------------------------------------------------------------------------------


def list_phases(conn: Connection) -> list[dict[str, Any]]:
    """The phases in legend order."""
    return [dict(r) for r in conn.execute(select(PT).order_by(PT.c.position, PT.c.id)).mappings()]


def bars_using(conn: Connection, key: str) -> int:
    """How many bars use the phase ``key``."""
    return int(conn.execute(select(func.count()).select_from(TABLES["bars"])
                            .where(TABLES["bars"].c.phase == key)).scalar_one())


def _clean_phase(conn: Connection, exclude: int | None, name: Any, color: Any, pattern: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if name is not None:
        text = " ".join(str(name).split())
        if not text:
            raise ValidationError("工程区分の名前を入力してください。", "The phase name cannot be empty.")
        if len(text) > 100:
            raise ValidationError("工程区分の名前が長すぎます（上限 100 文字）。", "The phase name is too long.")
        for r in conn.execute(select(PT.c.id, PT.c.name)):
            if r.id != exclude and r.name == text:
                raise ValidationError(f"工程区分「{text}」は既にあります。", f"A phase named {text} already exists.")
        out["name"] = text
    if color is not None:
        if not COLOR_RE.match(str(color)):
            raise ValidationError(f"色は #rrggbb の形式で指定してください（{color}）。", f"Colour must be #rrggbb ({color}).")
        out["color"] = str(color).lower()
    if pattern is not None:
        if pattern not in PATTERNS:
            raise ValidationError(f"模様が不正です: {pattern}", f"Unknown pattern: {pattern}")
        out["pattern"] = pattern
    return out


def _new_key(conn: Connection) -> str:
    keys = set(conn.execute(select(PT.c.key)).scalars())
    n = 1
    while f"phase{n}" in keys:
        n += 1
    return f"phase{n}"


def add_phase(rec: Recorder, name: str, color: str = "#9e9e9e", pattern: str = "solid", key: str | None = None) -> int:
    """Add a phase at the end of the legend; returns its id (``key`` is generated when None)."""
    values = _clean_phase(rec.conn, None, name, color, pattern)
    if key is None:
        key = _new_key(rec.conn)
    elif not key.strip() or key in set(rec.conn.execute(select(PT.c.key)).scalars()):
        raise ValidationError(f"工程区分のキー「{key}」は使えません（空か重複）。", f"Phase key {key!r} is empty or taken.")
    count = int(rec.conn.execute(select(func.count()).select_from(PT)).scalar_one())
    return rec.insert(PT, key=key, position=count, **values)


def update_phase(rec: Recorder, phase_id: int, *, name: str | None = None, color: str | None = None,
                 pattern: str | None = None) -> bool:
    """Change a phase's name, colour or pattern (bars keep referring to its key)."""
    if row_dict(rec.conn, PT, phase_id) is None:
        raise ValidationError("工程区分が見つかりません（削除されています）。", "The phase no longer exists.")
    return rec.update(PT, phase_id, **_clean_phase(rec.conn, phase_id, name, color, pattern))


def delete_phase(rec: Recorder, phase_id: int) -> None:
    """Delete a phase; refused while bars use it."""
    row = row_dict(rec.conn, PT, phase_id)
    if row is None:
        raise ValidationError("工程区分が見つかりません（削除されています）。", "The phase no longer exists.")
    n = bars_using(rec.conn, row["key"])
    if n:
        raise ValidationError(f"工程区分「{row['name']}」は {n} 本の工程で使われているため削除できません。"
                              "工程の区分を変更してから削除してください。",
                              f"The phase {row['name']} is used by {n} bar(s) and cannot be deleted.")
    rec.delete(PT, phase_id)
    reorder_phases(rec, [p["id"] for p in list_phases(rec.conn)])


def reorder_phases(rec: Recorder, phase_ids: Sequence[int]) -> None:
    """Put the phases in the order of ``phase_ids`` (which must name each phase once)."""
    existing = {p["id"] for p in list_phases(rec.conn)}
    if sorted(phase_ids) != sorted(existing):
        raise ValidationError("工程区分の並びが不正です。", "The phase order must name every phase once.")
    for pos, pid in enumerate(phase_ids):
        rec.update(PT, pid, position=pos)


def move_phase(rec: Recorder, phase_id: int, delta: int) -> bool:
    """Move a phase up (-1) or down (+1) in the legend."""
    ids = [p["id"] for p in list_phases(rec.conn)]
    if phase_id not in ids:
        raise ValidationError("工程区分が見つかりません（削除されています）。", "The phase no longer exists.")
    k = ids.index(phase_id)
    if not 0 <= k + delta < len(ids):
        return False
    ids.insert(k + delta, ids.pop(k))
    reorder_phases(rec, ids)
    return True
