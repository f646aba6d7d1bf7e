"""Schedule operations (工程表): bars and milestones in schedule rows.

Every function takes a :class:`~dxeditor.plan.changes.Recorder` first, validates its
input (``ValidationError`` with a Japanese message) and changes rows only through the
recorder, so the UI runs each as one undoable command via ``DocumentController.execute``.
Months are absolute month indexes (``fy * 12 + k``, k = 0 for April); a bar's ``start``
and ``end`` are inclusive. :func:`load_items` reads bars and milestones for the view's
in-memory cache in one query each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.errors import ValidationError
from dxeditor.core.fiscal import MAX_FY, MIN_FY, format_month
from dxeditor.plan.changes import Recorder, row_dict
from dxeditor.store import models as m
from dxeditor.store.raw import fetch_all

MAX_LANE = 19  # 20 stacked lines in one row is already far more than any printed table
MAX_LABEL = 2000
MIN_MONTH = MIN_FY * 12
MAX_MONTH = MAX_FY * 12 + 11

BAR_COLUMNS = ("id", "row_id", "lane", "start", "end", "label", "phase", "continues")
MILESTONE_COLUMNS = ("id", "row_id", "lane", "month", "label")


@dataclass(frozen=True, slots=True)  # slots: a 100,000-row plan holds ~200,000 of these in the view
class BarItem:
    """A bar as the schedule view caches it."""

    id: int
    row_id: int
    lane: int
    start: int
    end: int
    label: str
    phase: str
    continues: bool


@dataclass(frozen=True, slots=True)
class MilestoneItem:
    """A milestone as the schedule view caches it."""

    id: int
    row_id: int
    lane: int
    month: int
    label: str


@dataclass(slots=True)
class RowItems:
    """The bars and milestones of one schedule row."""

    bars: list[BarItem] = field(default_factory=list)
    milestones: list[MilestoneItem] = field(default_factory=list)

    @property
    def lanes(self) -> int:
        """How many stacked lines the row needs (at least one)."""
        top = max([b.lane for b in self.bars] + [x.lane for x in self.milestones], default=0)
        return top + 1


# --- validation --------------------------------------------------------------------------------


def _month_text(index: int) -> str:
    try:
        return format_month(index)
    except Exception:
        return str(index)


def check_month(month: int) -> int:
    """``month`` as an int inside 1989年度〜2100年度, or ValidationError."""
    if not isinstance(month, int) or isinstance(month, bool):
        raise ValidationError(f"月の指定が正しくありません: {month!r}", f"Invalid month: {month!r}")
    if not MIN_MONTH <= month <= MAX_MONTH:
        raise ValidationError(
            f"{MIN_FY}〜{MAX_FY}年度の範囲外です（{_month_text(month)}）。",
            f"Outside fiscal years {MIN_FY}-{MAX_FY}.",
        )
    return month


def check_span(start: int, end: int) -> tuple[int, int]:
    """A valid inclusive (start, end) pair of month indexes, or ValidationError."""
    check_month(start)
    check_month(end)
    if end < start:
        raise ValidationError(
            f"終わり（{_month_text(end)}）が始まり（{_month_text(start)}）より前になっています。",
            "The end of the bar is before its start.",
        )
    return start, end


def check_lane(lane: int) -> int:
    """A lane number 0..MAX_LANE, or ValidationError."""
    if not isinstance(lane, int) or not 0 <= lane <= MAX_LANE:
        raise ValidationError(f"段は1〜{MAX_LANE + 1}段目で指定してください。", f"Lane must be 0..{MAX_LANE}.")
    return lane


def check_label(label: str) -> str:
    """A bar or milestone label (line breaks become spaces; surrounding space removed)."""
    text = " ".join(str(label or "").splitlines()).strip()
    if len(text) > MAX_LABEL:
        raise ValidationError(f"ラベルが長すぎます（{MAX_LABEL}文字まで）。", f"Label too long (max {MAX_LABEL}).")
    return text


def check_phase(conn: Connection, phase: str) -> str:
    """A phase key that exists in the phases table (or "" for none)."""
    if phase == "":
        return phase
    found = conn.execute(select(m.Phase.id).where(m.Phase.key == phase)).first()
    if found is None:
        raise ValidationError(f"工程の種類「{phase}」がありません。", f"Unknown phase: {phase}")
    return phase


def default_phase(conn: Connection) -> str:
    """The phase a new bar gets: 実施 ("run") when it exists, otherwise the first phase."""
    keys = list(conn.execute(select(m.Phase.key).order_by(m.Phase.position, m.Phase.id)).scalars())
    if "run" in keys:
        return "run"
    return keys[0] if keys else ""


def _bar(conn: Connection, bar_id: int) -> dict[str, Any]:
    row = row_dict(conn, m.Bar.__table__, bar_id)
    if row is None:
        raise ValidationError(f"工程（バー）{bar_id} が見つかりません。", f"Bar {bar_id} does not exist.")
    return row


def _milestone(conn: Connection, ms_id: int) -> dict[str, Any]:
    row = row_dict(conn, m.Milestone.__table__, ms_id)
    if row is None:
        raise ValidationError(f"節目 {ms_id} が見つかりません。", f"Milestone {ms_id} does not exist.")
    return row


def _check_row(conn: Connection, row_id: int) -> None:
    if row_dict(conn, m.ScheduleRow.__table__, row_id) is None:
        raise ValidationError(f"工程表の行 {row_id} が見つかりません。", f"Schedule row {row_id} does not exist.")


# --- bars ----------------------------------------------------------------------------------------


def add_bar(rec: Recorder, row_id: int, start: int, end: int, *, lane: int = 0, label: str = "",
            phase: str | None = None, continues: bool = False) -> int:
    """Add a bar to a row; ``phase`` None gives :func:`default_phase`. Returns the bar's id."""
    _check_row(rec.conn, row_id)
    check_span(start, end)
    check_lane(lane)
    phase = default_phase(rec.conn) if phase is None else check_phase(rec.conn, phase)
    return rec.insert("bars", row_id=row_id, lane=lane, start=start, end=end, label=check_label(label),
                      phase=phase, continues=bool(continues))


def update_bar(rec: Recorder, bar_id: int, **values: Any) -> bool:
    """Change a bar's columns (start, end, lane, label, phase, continues, note), validated."""
    allowed = {"start", "end", "lane", "label", "phase", "continues", "note"}
    unknown = set(values) - allowed
    if unknown:
        raise ValidationError(f"変更できない項目です: {', '.join(sorted(unknown))}",
                              f"Cannot change: {', '.join(sorted(unknown))}")
    bar = _bar(rec.conn, bar_id)
    check_span(values.get("start", bar["start"]), values.get("end", bar["end"]))
    if "lane" in values:
        check_lane(values["lane"])
    if "label" in values:
        values["label"] = check_label(values["label"])
    if "phase" in values:
        check_phase(rec.conn, values["phase"])
    if "continues" in values:
        values["continues"] = bool(values["continues"])
    return rec.update("bars", bar_id, **values)


def set_label(rec: Recorder, bar_id: int, label: str) -> bool:
    """Change a bar's label."""
    return update_bar(rec, bar_id, label=label)


def resize_bar(rec: Recorder, bar_id: int, start: int, end: int) -> bool:
    """Give a bar a new inclusive span."""
    return update_bar(rec, bar_id, start=start, end=end)


def move_bars(rec: Recorder, ids: Iterable[int], delta: int, lane_delta: int = 0) -> int:
    """Shift bars by ``delta`` months (and ``lane_delta`` lanes) together; returns how many changed.

    All or none: if one bar would leave the allowed years or lanes, nothing moves.
    """
    bars = [_bar(rec.conn, i) for i in dict.fromkeys(ids)]
    for b in bars:
        check_span(b["start"] + delta, b["end"] + delta)
        check_lane(b["lane"] + lane_delta)
    changed = 0
    for b in bars:
        changed += rec.update("bars", b["id"], start=b["start"] + delta, end=b["end"] + delta,
                              lane=b["lane"] + lane_delta)
    return changed


def resize_bars(rec: Recorder, ids: Iterable[int], start_delta: int, end_delta: int) -> int:
    """Move the start and/or end of several bars by a number of months (keyboard resize)."""
    bars = [_bar(rec.conn, i) for i in dict.fromkeys(ids)]
    for b in bars:
        check_span(b["start"] + start_delta, b["end"] + end_delta)
    return sum(rec.update("bars", b["id"], start=b["start"] + start_delta, end=b["end"] + end_delta)
               for b in bars)


def delete_bars(rec: Recorder, ids: Iterable[int]) -> None:
    """Delete bars."""
    for bar_id in dict.fromkeys(ids):
        _bar(rec.conn, bar_id)
        rec.delete("bars", bar_id)


def set_phase(rec: Recorder, ids: Iterable[int], phase: str) -> int:
    """Give bars a phase (key from the phases table); returns how many changed."""
    check_phase(rec.conn, phase)
    return sum(update_bar(rec, i, phase=phase) for i in dict.fromkeys(ids))


def set_continues(rec: Recorder, ids: Iterable[int], continues: bool) -> int:
    """Set or clear the continuation arrow of bars."""
    return sum(update_bar(rec, i, continues=continues) for i in dict.fromkeys(ids))


def toggle_continues(rec: Recorder, ids: Iterable[int]) -> int:
    """Turn the continuation arrow on for all bars unless all have it (then off)."""
    bars = [_bar(rec.conn, i) for i in dict.fromkeys(ids)]
    value = not all(b["continues"] for b in bars)
    return set_continues(rec, [b["id"] for b in bars], value)


def shift_lanes(rec: Recorder, ids: Iterable[int], delta: int) -> int:
    """Move bars ``delta`` lanes down (negative: up) within their rows."""
    return move_bars(rec, ids, 0, delta)


# --- milestones ------------------------------------------------------------------------------------


def add_milestone(rec: Recorder, row_id: int, month: int, label: str = "", lane: int = 0) -> int:
    """Add a milestone (◆) to a row; returns its id."""
    _check_row(rec.conn, row_id)
    check_month(month)
    check_lane(lane)
    return rec.insert("milestones", row_id=row_id, month=month, lane=lane, label=check_label(label))


def move_milestone(rec: Recorder, ms_id: int, month: int, lane: int | None = None) -> bool:
    """Move a milestone to ``month`` (and optionally another lane)."""
    _milestone(rec.conn, ms_id)
    check_month(month)
    values: dict[str, Any] = {"month": month}
    if lane is not None:
        values["lane"] = check_lane(lane)
    return rec.update("milestones", ms_id, **values)


def set_milestone_label(rec: Recorder, ms_id: int, label: str) -> bool:
    """Change a milestone's label."""
    _milestone(rec.conn, ms_id)
    return rec.update("milestones", ms_id, label=check_label(label))


def delete_milestones(rec: Recorder, ids: Iterable[int]) -> None:
    """Delete milestones."""
    for ms_id in dict.fromkeys(ids):
        _milestone(rec.conn, ms_id)
        rec.delete("milestones", ms_id)


def delete_milestone(rec: Recorder, ms_id: int) -> None:
    """Delete one milestone."""
    delete_milestones(rec, [ms_id])


def delete_items(rec: Recorder, bar_ids: Iterable[int], milestone_ids: Iterable[int]) -> None:
    """Delete bars and milestones in one change."""
    delete_bars(rec, bar_ids)
    delete_milestones(rec, milestone_ids)


# --- reading for the view --------------------------------------------------------------------------


def load_items(conn: Connection, row_ids: Iterable[int] | None = None) -> dict[int, RowItems]:
    """Bars and milestones per row (all rows, or only ``row_ids``), one query per table.

    Plain SQL on the driver: at 30,000 bars the ORM's row processing would cost seconds.
    """
    where = ""
    params: tuple[int, ...] = ()
    wanted: list[int] | None = None
    if row_ids is not None:
        wanted = list(dict.fromkeys(int(r) for r in row_ids))
        if not wanted:
            return {}
        where = f" WHERE row_id IN ({','.join('?' * len(wanted))})"
        params = tuple(wanted)
    out: dict[int, RowItems] = defaultdict(RowItems)
    cols = ", ".join(f'"{c}"' for c in BAR_COLUMNS)
    for r in fetch_all(conn, f"SELECT {cols} FROM bars{where} ORDER BY lane, start, id", params):
        out[r[1]].bars.append(BarItem(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", bool(r[7])))
    cols = ", ".join(f'"{c}"' for c in MILESTONE_COLUMNS)
    for r in fetch_all(conn, f"SELECT {cols} FROM milestones{where} ORDER BY lane, month, id", params):
        out[r[1]].milestones.append(MilestoneItem(r[0], r[1], r[2], r[3], r[4] or ""))
    result = dict(out)
    for rid in wanted or []:
        result.setdefault(rid, RowItems())
    return result


def month_range(conn: Connection) -> tuple[int, int] | None:
    """The first and last month any bar or milestone covers (None for an empty schedule)."""
    row = conn.exec_driver_sql(
        'SELECT MIN(lo), MAX(hi) FROM (SELECT MIN(start) AS lo, MAX("end") AS hi FROM bars '
        "UNION ALL SELECT MIN(month), MAX(month) FROM milestones)").first()
    if row is None or row[0] is None:
        return None
    return int(row[0]), int(row[1])


def row_owner_map(conn: Connection) -> dict[int, tuple[int, str]]:
    """Each schedule row's (initiative id, title), one query."""
    rows = conn.exec_driver_sql("SELECT id, initiative_id, title FROM schedule_rows")
    return {r[0]: (r[1], r[2] or "") for r in rows}
