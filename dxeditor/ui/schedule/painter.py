"""Drawing the schedule: grid, plan period, lines (section bands, initiative summaries, rows), today.

Everything is drawn in viewport coordinates; ``xoff`` is the content x at the viewport's
left edge of the time area, ``left`` the width of a title column (standalone mode).
Bars and milestones are placed by :func:`bar_rect` / :func:`milestone_point`, which
hit-testing uses too, so what is drawn is what is clicked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF

from dxeditor.core.fiscal import fy_end, fy_start
from dxeditor.plan.readmodel import BarView, MilestoneView
from dxeditor.ui.roles import LANE_HEIGHT
from dxeditor.ui.schedule.data import ScheduleData
from dxeditor.ui.schedule.layout import TimeAxis
from dxeditor.ui.schedule.lines import Line

BAR_MARGIN = 3
ARROW = 9
DIAMOND = 6
OUTSIDE = QColor("#eeeeee")
PERIOD = QColor("#ffffff")
GRID_UNIT = QColor("#e2e2e2")
GRID_YEAR = QColor("#a8a8a8")
SECTION = QColor("#d9dee6")
INITIATIVE = QColor("#f3f4f6")
SUMMARY = QColor("#7a8799")
SELECT = QColor("#1f5fbf")
TODAY = QColor("#d0342c")
BASELINE = QColor("#6f6f6f")
BASELINE_FILL = QColor(0, 0, 0, 22)


@dataclass
class Geometry:
    """Where the time area is: the axis, the content x at its left edge, the title column width."""

    axis: TimeAxis
    xoff: int = 0
    left: int = 0

    def x(self, month: float) -> float:
        """Viewport x of the left edge of ``month``."""
        return self.left + self.axis.x_of(month) - self.xoff

    def content_x(self, vx: float) -> float:
        """Content x (on the axis) of viewport x ``vx``."""
        return vx - self.left + self.xoff


@dataclass
class PaintState:
    """What besides the data affects painting: selection, a drag preview, the today month."""

    selected_bars: set[int] = field(default_factory=set)
    selected_milestones: set[int] = field(default_factory=set)
    preview: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # bar id → start, end, lane
    preview_milestones: dict[int, int] = field(default_factory=dict)  # milestone id → month
    ghost: tuple[int, int, int, int] | None = None  # new bar: row id, lane, start, end
    today: float | None = None  # fractional month index
    hidden_bar: int | None = None  # a bar whose label is being edited
    baseline: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)  # a version's bars: row → spans


def line_lane_height(line: Line) -> float:
    """The height of one lane of ``line`` (lanes grow with the row's tallest bar label)."""
    return line.height / line.lanes if line.lanes > 0 and line.height >= line.lanes * LANE_HEIGHT else LANE_HEIGHT


def bar_rect(g: Geometry, line: Line, start: int, end: int, lane: int) -> QRectF:
    """The rectangle of a bar of a row line."""
    x0, x1 = g.x(start), g.x(end + 1)
    lh = line_lane_height(line)
    y = line.y + lane * lh + BAR_MARGIN
    return QRectF(x0, y, max(2.0, x1 - x0), lh - 2 * BAR_MARGIN)


def milestone_point(g: Geometry, line: Line, month: int, lane: int) -> QPointF:
    """The centre of a milestone's ◆."""
    lh = line_lane_height(line)
    return QPointF(g.x(month + 0.5), line.y + lane * lh + lh / 2)


def paint_background(p: QPainter, g: Geometry, data: ScheduleData, top: int, bottom: int, right: int) -> None:
    """Outside-period shade, the plan period in white, vertical grid per unit and per year."""
    a = g.axis
    p.fillRect(QRectF(g.left, top, right - g.left, bottom - top), OUTSIDE)
    px0 = max(g.left, g.x(fy_start(data.period[0])))
    px1 = min(right, g.x(fy_end(data.period[1]) + 1))
    if px1 > px0:
        p.fillRect(QRectF(px0, top, px1 - px0, bottom - top), PERIOD)
    m0 = a.floor_unit(a.month_at(g.content_x(g.left)))
    m1 = a.month_at(g.content_x(right)) + 1
    unit = a.unit
    pen_unit = QPen(GRID_UNIT, 1)
    pen_year = QPen(GRID_YEAR, 1)
    m = m0
    while m <= m1:
        x = round(g.x(m)) + 0.5
        if x >= g.left:
            p.setPen(pen_year if m % 12 == 0 else pen_unit)
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
        m += unit


def paint_lines(p: QPainter, g: Geometry, data: ScheduleData, lines: list[Line], state: PaintState,
                right: int, font: QFont) -> None:
    """Every visible line: bands, summaries, bars and milestones, with row separators."""
    fm = Metrics(font)
    p.setFont(font)
    sep = QPen(QColor("#cfcfcf"), 1)
    for line in lines:
        if line.kind == "section":
            p.fillRect(QRectF(g.left, line.y, right - g.left, line.height), SECTION)
        elif line.kind == "initiative":
            p.fillRect(QRectF(g.left, line.y, right - g.left, line.height), INITIATIVE)
            span = data.initiative_span(line.id)
            if span is not None:
                x0, x1 = g.x(span[0]), g.x(span[1] + 1)
                mid = line.y + line.height / 2
                p.fillRect(QRectF(x0, mid - 3, x1 - x0, 6), SUMMARY)
        else:
            _paint_row(p, g, data, line, state, fm, right)
        if (line.kind, line.id) in data.late:
            _paint_late_flag(p, g, line)
        p.setPen(sep)
        yb = line.y + line.height - 0.5
        p.drawLine(QPointF(g.left, yb), QPointF(right, yb))


#: The red corner's size (its tooltip says why: see ScheduleCanvas.late_text).
LATE_FLAG_WIDTH = 9


def _paint_late_flag(p: QPainter, g: Geometry, line: Line) -> None:
    """A small red triangle at the left edge: late in the latest review, or ended without completion."""
    top = line.y + 2
    w = LATE_FLAG_WIDTH
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(TODAY)
    p.drawPolygon(QPolygonF([QPointF(g.left, top), QPointF(g.left + w, top), QPointF(g.left, top + w)]))


def _paint_row(p: QPainter, g: Geometry, data: ScheduleData, line: Line, state: PaintState,
               fm: QFontMetrics, right: int) -> None:
    items = data.row_items(line.id)
    c0 = g.content_x(g.left) - ARROW - 2
    c1 = g.content_x(right)
    lo, hi = g.axis.month_at(max(0.0, c0)) - 1, g.axis.month_at(c1) + 1
    period_end = fy_end(data.period[1])
    ghosts = state.baseline.get(line.id)
    if ghosts:
        paint_baseline(p, g, line, ghosts, lo, hi)
    for b in items.bars:
        start, end, lane = state.preview.get(b.id, (b.start, b.end, b.lane))
        if end < lo or start > hi:
            continue
        selected = b.id in state.selected_bars
        arrow = b.continues or end > period_end
        label = "" if b.id == state.hidden_bar else b.label
        paint_bar(p, g, line, b, (start, end, lane), selected, arrow, label, data, fm, right)
    if state.ghost is not None and state.ghost[0] == line.id:
        _row, lane, start, end = state.ghost
        r = bar_rect(g, line, start, end, lane)
        style = data.styles.get(_ghost_phase(data))
        p.setOpacity(0.6)
        style.paint_box(p, r)
        p.setOpacity(1.0)
        p.setPen(QPen(SELECT, 2, Qt.PenStyle.DashLine))
        p.drawRect(r)
    for x in items.milestones:
        month = state.preview_milestones.get(x.id, x.month)
        if lo <= month <= hi + 30:
            paint_milestone(p, g, line, x, month, x.id in state.selected_milestones, fm)


def paint_baseline(p: QPainter, g: Geometry, line: Line, spans: list[tuple[int, int, int]], lo: int, hi: int) -> None:
    """A compared version's bars (表示 ▸ 比較する版): thin grey dashed outlines, drawn behind today's bars.

    Each is a little larger than a bar, so where nothing moved it shows as a grey frame and a
    bar that slipped leaves its old place visible as an empty grey box.
    """
    p.setPen(QPen(BASELINE, 1, Qt.PenStyle.DashLine))
    p.setBrush(QBrush(BASELINE_FILL))
    for start, end, lane in spans:
        if end < lo or start > hi:
            continue
        p.drawRect(bar_rect(g, line, start, end, lane).adjusted(-1.5, -2.5, 1.5, 2.5))
    p.setBrush(Qt.BrushStyle.NoBrush)


def _ghost_phase(data: ScheduleData) -> str:
    keys = [ph.key for ph in data.phases]
    return "run" if "run" in keys else (keys[0] if keys else "")


_WIDTHS: dict[tuple[str, str], int] = {}


class Metrics(QFontMetrics):
    """Font metrics that remember label widths (labels repeat: 検討, 実施 …)."""

    def __init__(self, font: QFont) -> None:
        super().__init__(font)
        self.key = font.key()


def text_width(fm: QFontMetrics, text: str) -> int:
    """``fm.horizontalAdvance(text)``, remembered per font."""
    key = (getattr(fm, "key", ""), text)
    w = _WIDTHS.get(key)
    if w is None:
        if len(_WIDTHS) > 20000:
            _WIDTHS.clear()
        w = _WIDTHS[key] = fm.horizontalAdvance(text)
    return w


def paint_bar(p: QPainter, g: Geometry, line: Line, b: BarView, span: tuple[int, int, int],
              selected: bool, arrow: bool, label: str, data: ScheduleData, fm: QFontMetrics, right: int) -> None:
    """One bar: phase fill and pattern, its label inside (elided), an arrow when it continues.

    The label is centred on the visible part of the bar, so a long bar scrolled half out of
    view still shows its label.
    """
    start, end, lane = span
    r = bar_rect(g, line, start, end, lane)
    style = data.styles.get(b.phase)
    style.paint_box(p, r)
    if arrow:
        tip = QPolygonF([QPointF(r.right(), r.top() - 2), QPointF(r.right() + ARROW, r.center().y()),
                         QPointF(r.right(), r.bottom() + 2)])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor("#333333")))
        p.drawPolygon(tip)
    if label:
        left, rr = max(r.left(), float(g.left)), min(r.right(), float(right))
        vis = QRectF(left, r.top(), max(0.0, rr - left), r.height())
        avail = int(vis.width()) - 6
        parts = label.split("\n")
        lh = fm.height()
        room = max(1, int((r.height() - 2) // lh))
        if len(parts) > room:  # more lines than the lane can hold (beyond MAX_LABEL_LINES)
            parts = [*parts[:room - 1], parts[room - 1] + "…"]
        y0 = r.top() + (r.height() - lh * len(parts)) / 2
        p.setPen(style.text)
        for k, part in enumerate(parts):
            tw = text_width(fm, part)
            text = part if tw <= avail else fm.elidedText(part, Qt.TextElideMode.ElideRight, max(0, avail))
            if not text or text == "…":
                continue
            if text is not part:
                tw = fm.horizontalAdvance(text)
            tx = vis.left() + max(3.0, (vis.width() - tw) / 2)
            ty = y0 + k * lh
            p.fillRect(QRectF(tx - 2, max(r.top() + 2, ty), tw + 4, min(lh, r.bottom() - 2 - ty)), style.fill)
            p.setPen(style.text)
            p.drawText(QRectF(tx, ty, tw + 1, lh), Qt.AlignmentFlag.AlignVCenter, text)
    if selected:
        p.setPen(QPen(SELECT, 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(-1, -1, 1, 1))
        for x in (r.left(), r.right()):
            p.fillRect(QRectF(x - 2.5, r.center().y() - 4, 5, 8), SELECT)


def paint_milestone(p: QPainter, g: Geometry, line: Line, x: MilestoneView, month: int, selected: bool,
                    fm: QFontMetrics) -> None:
    """A milestone: ◆ at the middle of its month, its label to the right."""
    c = milestone_point(g, line, month, x.lane)
    d = DIAMOND
    poly = QPolygonF([QPointF(c.x(), c.y() - d), QPointF(c.x() + d, c.y()), QPointF(c.x(), c.y() + d),
                      QPointF(c.x() - d, c.y())])
    p.setPen(QPen(SELECT if selected else QColor("#000000"), 2 if selected else 1))
    p.setBrush(QBrush(QColor("#000000")))
    p.drawPolygon(poly)
    if x.label:
        p.setPen(QColor("#000000"))
        tw = fm.horizontalAdvance(x.label)
        p.drawText(QRectF(c.x() + d + 3, c.y() - LANE_HEIGHT / 2, tw + 2, LANE_HEIGHT),
                   Qt.AlignmentFlag.AlignVCenter, x.label)


def paint_today(p: QPainter, g: Geometry, today: float | None, top: int, bottom: int) -> None:
    """A red dashed line at today's date."""
    if today is None:
        return
    x = g.x(today)
    if x < g.left:
        return
    p.setPen(QPen(TODAY, 1.5, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x, top), QPointF(x, bottom))


def paint_titles(p: QPainter, lines: list[Line], width: int, font: QFont) -> None:
    """The title column of standalone mode (row titles, indented by depth)."""
    p.fillRect(QRectF(0, 0, width, 100000), QColor("#fafafa"))
    p.setFont(font)
    fm = QFontMetrics(font)
    for line in lines:
        if line.kind == "section":
            p.fillRect(QRectF(0, line.y, width, line.height), SECTION)
        indent = 6 + 12 * line.depth
        text = fm.elidedText(line.title, Qt.TextElideMode.ElideRight, width - indent - 4)
        p.setPen(QColor("#000000"))
        p.drawText(QRectF(indent, line.y, width - indent, min(line.height, LANE_HEIGHT)),
                   Qt.AlignmentFlag.AlignVCenter, text)
        p.setPen(QPen(QColor("#cfcfcf"), 1))
        p.drawLine(QPointF(0, line.y + line.height - 0.5), QPointF(width, line.y + line.height - 0.5))
    p.setPen(QPen(GRID_YEAR, 1))
    p.drawLine(QPointF(width - 0.5, 0), QPointF(width - 0.5, 100000))


CURSOR = QColor("#1f5fbf")


def paint_cursor(p: QPainter, g: Geometry, lines: list[Line], kind: str, item_id: int, lane: int,
                 start: int, end: int, right: int) -> None:
    """The keyboard cursor: a dashed frame around one lane × one zoom unit of its line."""
    line = next((ln for ln in lines if ln.kind == kind and ln.id == item_id), None)
    if line is None:
        return
    x0, x1 = max(g.left, g.x(start)), min(right, g.x(end + 1))
    if x1 <= x0:
        return
    lane_h = LANE_HEIGHT if kind == "row" else line.height
    rect = QRectF(x0 + 1, line.y + lane * lane_h + 1, x1 - x0 - 2, lane_h - 2)
    p.save()
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(CURSOR, 2, Qt.PenStyle.DashLine))
    p.drawRect(rect)
    p.restore()
