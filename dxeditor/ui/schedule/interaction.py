"""Hit-testing and drags: what is under the mouse, and what a drag would do if dropped now.

A :class:`Drag` only computes a preview; nothing reaches the database until the canvas
commits it on release (one command), and Esc simply forgets it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF

from dxeditor.plan.ops.schedule import MAX_MONTH, MIN_MONTH
from dxeditor.plan.readmodel import BarView, MilestoneView
from dxeditor.ui.schedule.data import ScheduleData
from dxeditor.ui.schedule.lines import Line
from dxeditor.ui.schedule.painter import DIAMOND, Geometry, bar_rect, line_lane_height, milestone_point

EDGE = 5  # pixels at each end of a bar that grab its edge


@dataclass(frozen=True)
class Hit:
    """What is under a point: ``part`` is "bar", "start", "end", "milestone", "row" (empty cell) or "line"."""

    part: str
    line: Line
    lane: int
    month: int
    bar: BarView | None = None
    milestone: MilestoneView | None = None


def hit_test(g: Geometry, data: ScheduleData, lines: list[Line], pos: QPointF) -> Hit | None:
    """The item at viewport point ``pos`` (None above, below or left of the time area)."""
    if pos.x() < g.left:
        return None
    line = next((ln for ln in lines if ln.y <= pos.y() < ln.y + ln.height), None)
    if line is None:
        return None
    month = g.axis.month_at(g.content_x(pos.x()))
    if line.kind != "row":
        return Hit("line", line, 0, month)
    lane = max(0, min(line.lanes - 1, int((pos.y() - line.y) // line_lane_height(line))))
    items = data.row_items(line.id)
    for x in reversed(items.milestones):
        if x.lane != lane:
            continue
        c = milestone_point(g, line, x.month, x.lane)
        if abs(c.x() - pos.x()) <= DIAMOND + 1 and abs(c.y() - pos.y()) <= DIAMOND + 2:
            return Hit("milestone", line, lane, month, milestone=x)
    for b in reversed(items.bars):
        if b.lane != lane:
            continue
        r = bar_rect(g, line, b.start, b.end, b.lane)
        if r.left() - 2 <= pos.x() <= r.right() + 2:
            edge = min(EDGE, r.width() / 4)
            if pos.x() <= r.left() + edge:
                return Hit("start", line, lane, month, bar=b)
            if pos.x() >= r.right() - edge:
                return Hit("end", line, lane, month, bar=b)
            return Hit("bar", line, lane, month, bar=b)
    return Hit("row", line, lane, month)


def _clamp_delta(delta: int, spans: list[tuple[int, int]]) -> int:
    if not spans:
        return delta
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    return max(MIN_MONTH - lo, min(MAX_MONTH - hi, delta))


@dataclass
class Drag:
    """A drag in progress: ``mode`` is "create", "move", "start", "end" or "milestone"."""

    mode: str
    row_id: int
    lane: int
    press_x: float  # content x where the button went down
    bars: list[BarView]
    milestone: MilestoneView | None = None
    current_x: float = 0.0
    fine: bool = False  # Alt: month precision
    active: bool = False  # moved past the drag threshold

    def update(self, content_x: float, fine: bool) -> None:
        """Follow the mouse."""
        self.current_x = content_x
        self.fine = fine

    def unit(self, g: Geometry) -> int:
        """The snap step in months."""
        return 1 if self.fine else g.axis.unit

    def delta(self, g: Geometry) -> int:
        """The movement in whole snap steps of months (move / milestone modes)."""
        d = g.axis.delta_months(self.current_x - self.press_x, self.unit(g))
        if self.milestone is not None:
            return _clamp_delta(d, [(self.milestone.month, self.milestone.month)])
        return _clamp_delta(d, [(b.start, b.end) for b in self.bars])

    def spans(self, g: Geometry) -> dict[int, tuple[int, int, int]]:
        """The bars' (start, end, lane) if dropped now (move / resize modes)."""
        unit = self.unit(g)
        a = g.axis
        out: dict[int, tuple[int, int, int]] = {}
        if self.mode == "move":
            d = self.delta(g)
            for b in self.bars:
                out[b.id] = (b.start + d, b.end + d, b.lane)
        elif self.mode == "start" and self.bars:
            b = self.bars[0]
            start = a.boundary_at(self.current_x, unit)
            if start > b.end:
                start = a.floor_unit(b.end, unit) if unit > 1 else b.end
            out[b.id] = (min(start, b.end), b.end, b.lane)
        elif self.mode == "end" and self.bars:
            b = self.bars[0]
            end = a.boundary_at(self.current_x, unit) - 1
            if end < b.start:
                end = (b.start - (b.start - a.first_month) % unit) + unit - 1 if unit > 1 else b.start
            out[b.id] = (b.start, max(end, b.start), b.lane)
        return out

    def new_span(self, g: Geometry) -> tuple[int, int]:
        """The (start, end) of the bar a create drag would add."""
        unit = self.unit(g)
        a = g.axis
        m0, m1 = sorted((a.month_at(self.press_x), a.month_at(self.current_x)))
        return a.floor_unit(m0, unit), a.floor_unit(m1, unit) + unit - 1

    def milestone_month(self, g: Geometry) -> int:
        """Where a dragged milestone would land."""
        assert self.milestone is not None
        return self.milestone.month + self.delta(g)
