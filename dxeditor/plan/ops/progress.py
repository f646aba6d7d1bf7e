"""Changing the yearly review: ratings, review texts, KPI yearly targets and actuals, the scale.

Each function takes a :class:`~dxeditor.plan.changes.Recorder` (so it is undoable and the
audit log records it) and refuses bad input with a :class:`ValidationError` before
anything is written. A review is the ``progress`` row of an initiative (or a schedule
row) in a fiscal year; it is created on first entry.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from dxeditor.core.achievement import MAX_RATINGS, Rating, RatingScale
from dxeditor.core.errors import ValidationError
from dxeditor.core.fiscal import MAX_FY, MIN_FY
from dxeditor.core.identity import os_user
from dxeditor.plan.changes import Recorder
from dxeditor.plan.progress import REVIEW_TEXT_NAMES, REVIEW_TEXTS, load_scale
from dxeditor.store import models as m

MAX_REVIEW_TEXT = 20_000
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fy(fy: Any) -> int:
    if isinstance(fy, bool) or not isinstance(fy, int) or not MIN_FY <= fy <= MAX_FY:
        raise ValidationError(f"年度は{MIN_FY}〜{MAX_FY}の範囲で指定してください（{fy}）。",
                              f"The fiscal year must be within {MIN_FY}–{MAX_FY} ({fy}).")
    return fy


def _exists(conn: Connection, table: Any, row_id: int, ja: str, en: str) -> None:
    if conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is None:
        raise ValidationError(f"{ja} {row_id} がありません。", f"No {en} {row_id}.")


def review_id(conn: Connection, fy: int, *, initiative_id: int | None = None, row_id: int | None = None) -> int | None:
    """The id of the review of an initiative or a row in ``fy``, or None."""
    t = m.Progress.__table__
    q = select(t.c.id).where(t.c.fiscal_year == fy)
    q = q.where(t.c.row_id == row_id) if row_id is not None else q.where(t.c.initiative_id == initiative_id,
                                                                         t.c.row_id.is_(None))
    return conn.execute(q.order_by(t.c.id)).scalars().first()


def set_review(rec: Recorder, fy: int, *, initiative_id: int | None = None, row_id: int | None = None,
               who: str | None = None, **fields: Any) -> bool:
    """Set the rating, the status (完了, 遅延 …) and / or the texts (results, issues, direction) of one review;
    True if anything changed."""
    _fy(fy)
    if (initiative_id is None) == (row_id is None):
        raise ValidationError("取組か工程表の行のどちらかを指定してください。", "Give an initiative or a row.")
    unknown = set(fields) - {"rating", "status", *REVIEW_TEXTS}
    if unknown:
        raise ValidationError(f"変更できない項目です: {', '.join(sorted(unknown))}", f"Unknown fields: {unknown}")
    values: dict[str, Any] = {}
    if "rating" in fields:
        scale = load_scale(rec.conn)
        key = scale.parse("" if fields["rating"] is None else str(fields["rating"]))
        if key is None:
            raise ValidationError(f"評価「{fields['rating']}」は評価の段階（{'・'.join(scale.keys)}）にありません。",
                                  f"Rating {fields['rating']!r} is not one of {', '.join(scale.keys)}.")
        values["rating"] = key
    if "status" in fields:
        status = fields["status"] or ""
        if status and status not in m.PROGRESS_STATUSES:
            raise ValidationError(f"状況「{status}」は選べません（{'・'.join(m.PROGRESS_STATUSES.values())}）。",
                                  f"Status {status!r} is not one of {', '.join(m.PROGRESS_STATUSES)}.")
        values["status"] = status
    for name in REVIEW_TEXTS:
        if name in fields:
            text = "" if fields[name] is None else str(fields[name]).rstrip()
            if len(text) > MAX_REVIEW_TEXT:
                raise ValidationError(f"{REVIEW_TEXT_NAMES[name]}が長すぎます（上限 {MAX_REVIEW_TEXT:,} 文字）。",
                                      f"{name} is too long (at most {MAX_REVIEW_TEXT:,} characters).")
            values[name] = text
    if row_id is not None:
        _exists(rec.conn, m.ScheduleRow.__table__, row_id, "工程表の行", "schedule row")
        owner: dict[str, Any] = {"row_id": row_id,
                                 "initiative_id": None}
    else:
        assert initiative_id is not None
        _exists(rec.conn, m.Initiative.__table__, initiative_id, "取組", "initiative")
        owner = {"initiative_id": initiative_id, "row_id": None}
    found = review_id(rec.conn, fy, initiative_id=initiative_id, row_id=row_id)
    if found is None:
        if not any(values.values()):
            return False
        found = rec.insert("progress", fiscal_year=fy, status="", comment="", **owner)
    stamp = {"entered_by": who or os_user(), "entered_at": _now()}
    before = rec.conn.execute(select(m.Progress.__table__).where(m.Progress.id == found)).mappings().one()
    if all(before[k] == v for k, v in values.items()):
        return False
    return rec.update("progress", found, **values, **stamp)


def set_ratings(rec: Recorder, cells: Iterable[tuple[int, int, str]], *, who: str | None = None,
                rows: bool = False) -> int:
    """Rate many initiatives (``rows``: schedule rows) at once: ``(id, fiscal year, rating)``; all or none.
    Returns how many changed."""
    scale = load_scale(rec.conn)
    cleaned = []
    for iid, fy, text in cells:
        key = scale.parse(text)
        if key is None:
            raise ValidationError(f"評価「{text}」は評価の段階（{'・'.join(scale.keys)}）にありません。",
                                  f"Rating {text!r} is not one of {', '.join(scale.keys)}.")
        cleaned.append((iid, _fy(fy), key))
    if rows:
        return sum(set_review(rec, fy, row_id=rid, who=who, rating=key) for rid, fy, key in cleaned)
    return sum(set_review(rec, fy, initiative_id=iid, who=who, rating=key) for iid, fy, key in cleaned)


def _number(value: Any, what: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{what}は数値で入力してください（{value}）。", f"{what} must be a number.")
    try:
        number = float(str(value).replace(",", "").strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what}「{value}」が数値ではありません。", f"{what} {value!r} is not a number.") from None
    if not math.isfinite(number):
        raise ValidationError(f"{what}「{value}」が数値ではありません。", f"{what} {value!r} is not a number.")
    return number


def _kpi_year(rec: Recorder, table: Any, kpi_id: int, fy: int, values: dict[str, Any]) -> bool:
    _exists(rec.conn, m.Kpi.__table__, kpi_id, "成果目標", "KPI")
    found = rec.conn.execute(select(table.c.id).where(table.c.kpi_id == kpi_id, table.c.fiscal_year == fy)).scalar()
    empty = all(v in (None, "") for v in values.values())
    if found is None:
        if empty:
            return False
        rec.insert(table, kpi_id=kpi_id, fiscal_year=fy, **values)
        return True
    row = rec.conn.execute(select(table).where(table.c.id == found)).mappings().one()
    full = {c: values.get(c, row[c]) for c in values}
    rest = {c: row[c] for c in ("value", "text", "note") if c in table.c and c not in values}
    if empty and all(v in (None, "") for v in rest.values()):
        rec.delete(table, found)  # nothing left in that year
        return True
    return rec.update(table, found, **full)


def set_kpi_actual(rec: Recorder, kpi_id: int, fy: int, value: Any, note: str | None = None) -> bool:
    """Enter (or clear, with None) the actual of a KPI in ``fy``; ``note`` unchanged when None."""
    values: dict[str, Any] = {"value": _number(value, "実績値")}
    if note is not None:
        values["note"] = str(note).rstrip()
    return _kpi_year(rec, m.KpiActual.__table__, kpi_id, _fy(fy), values)


def set_kpi_target(rec: Recorder, kpi_id: int, fy: int, value: Any, text: str | None = None) -> bool:
    """Set (or clear) the target of a KPI for ``fy`` (the yearly path)."""
    values: dict[str, Any] = {"value": _number(value, "目標値")}
    if text is not None:
        values["text"] = str(text).strip()
    return _kpi_year(rec, m.KpiTarget.__table__, kpi_id, _fy(fy), values)


def set_kpi_lower_is_better(rec: Recorder, kpi_id: int, lower: bool) -> bool:
    """Mark a KPI as one where less is better (待ち時間)."""
    _exists(rec.conn, m.Kpi.__table__, kpi_id, "成果目標", "KPI")
    return rec.update("kpis", kpi_id, lower_is_better=bool(lower))


def set_rating_scale(rec: Recorder, ratings: list[tuple[str, str, str]] | None) -> bool:
    """Replace the plan's rating scale (None or [] = the default); a key in use cannot disappear."""
    if not ratings:
        text = ""
        keys: list[str] = RatingScale.default().keys
    else:
        if len(ratings) > MAX_RATINGS:
            raise ValidationError(f"評価の段階は {MAX_RATINGS} 段階までです。", f"At most {MAX_RATINGS} ratings.")
        cleaned = []
        for key, name, color in ratings:
            k = str(key).strip()
            if not k or len(k) > 4 or " " in k:
                raise ValidationError(f"評価の記号「{key}」は 1〜4 文字で、空白を含めずに入力してください。",
                                      f"Rating key {key!r} must be 1–4 characters without spaces.")
            if not COLOR_RE.match(str(color)):
                raise ValidationError(f"色は #rrggbb の形式で指定してください（{color}）。", f"Colour must be #rrggbb ({color}).")
            cleaned.append(Rating(k, str(name).strip(), str(color).lower()))
        keys = [r.key for r in cleaned]
        if len(set(keys)) != len(keys):
            raise ValidationError("評価の記号が重複しています。", "Rating keys repeat.")
        text = RatingScale(tuple(cleaned)).to_json()
    used = set(rec.conn.execute(select(m.Progress.rating).where(m.Progress.rating != "")
                                .group_by(m.Progress.rating)).scalars())
    lost = sorted(used - set(keys))
    if lost:
        n = rec.conn.execute(select(func.count()).select_from(m.Progress).where(m.Progress.rating.in_(lost))).scalar()
        raise ValidationError(f"評価「{'・'.join(lost)}」は {n} 件の評価で使われているため削除できません。",
                              f"Ratings {', '.join(lost)} are in use ({n}) and cannot be removed.")
    return rec.update("plan", 1, rating_scale=text)
