"""The schedule table (工程表) laid out directly as drawing operations.

Drawn without platypus on purpose: a 1,386-row plan must lay out and write in well under a
second. Each outline entry becomes a :class:`Line` (section band, initiative row, schedule
row) with a height computed once; pagination keeps rows whole and groups together where
they fit, and repeats the header and the current section/initiative (（続き）) on every page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dxeditor.core.fiscal import YearStyle, format_fy, format_fy_header, format_month, index_of_calendar
from dxeditor.plan.readmodel import BarView, InitiativeView, PhaseView, PlanView, RowView
from dxeditor.publish.pdf.fonts import FontKit
from dxeditor.publish.pdf.layout import BAND, BLACK, GREY, LIGHT, RGB, WHITE, Pen, elide, rgb, wrap

UNITS = {"year": 1, "half": 2, "quarter": 4, "month": 12}
SUB_LABELS = {
    2: ["上期", "下期"],
    4: ["4-6月", "7-9月", "10-12月", "1-3月"],
    12: [str(m) for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)],
}
PATTERNS = ("solid", "diagonal", "cross", "dots", "horizontal", "vertical", "outline")


@dataclass
class Line:
    """One printed line of the table: a section band, an initiative or a schedule row."""

    kind: str  # "section" | "initiative" | "row"
    obj: Any
    depth: int
    height: float = 0.0
    title: list[str] = field(default_factory=list)
    dept: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    group: int = -1  # index of the line closing this group (section / initiative), for keep-together
    lane_tops: list[float] = field(default_factory=list)  # row: top of each lane (+ the bottom), from the line top
    labels: dict[int, BarLabel] = field(default_factory=dict)  # row: bar id → its label's lines
    initiative: InitiativeView | None = None  # row: the initiative it stands for (printed as one line)


@dataclass
class BarLabel:
    """A bar label laid out: its lines at ``size``; ``cut`` when it could not all be shown."""

    size: float
    lines: list[str]
    cut: bool = False


@dataclass
class Metrics:
    """Sizes of one table (points), chosen from the paper."""

    size: float = 8.0
    small: float = 6.5
    lane: float = 15.0
    pad: float = 2.5
    header: float = 16.0
    min_label: float = 6.0  # bar labels are never printed smaller (6 pt on A3, 5.5 pt on A4)
    max_label_lines: int = 8  # a lane grows to this many lines of its label; beyond, the export says so

    @classmethod
    def for_paper(cls, paper: str) -> Metrics:
        return cls() if paper == "A3" else cls(size=6.6, small=5.4, lane=12.5, pad=2.0, header=13.0, min_label=5.5)

    @property
    def leading(self) -> float:
        return self.size * 1.3


def out_date_text(style: YearStyle | str, today: dt.date | None = None) -> str:
    """出力日 in the plan's year style (令和8年11月23日, 2026年11月23日 …)."""
    d = today or dt.date.today()
    style = YearStyle(style)
    if style is YearStyle.ALPHA:
        return format_month(index_of_calendar(d.year, d.month), style) + f".{d.day}"
    return format_month(index_of_calendar(d.year, d.month), style) + f"{d.day}日"


def single_row(it: InitiativeView) -> RowView | None:
    """The one row of an initiative that has no other rows and bears its title (printed as one line)."""
    if len(it.rows) == 1 and it.rows[0].title.strip() in ("", it.title.strip()):
        return it.rows[0]
    return None


def target_text(obj: InitiativeView | RowView, style: YearStyle | str) -> str:
    """The 国が掲げる目標時期 cell."""
    if obj.national_target_text:
        return obj.national_target_text
    return format_fy(obj.national_target_fy, style) if obj.national_target_fy else ""


class ScheduleTable:
    """Column geometry, line heights and drawing of one schedule table."""

    def __init__(self, kit: FontKit, view: PlanView, width: float, *, metrics: Metrics, unit: str = "year",
                 year_style: YearStyle | str = YearStyle.SHORT, entries: list[tuple[str, Any, int]] | None = None,
                 show_numbers: bool = True) -> None:
        self.kit = kit
        self.view = view
        self.m = metrics
        self.style = YearStyle(year_style)
        self.sub = UNITS.get(unit, 1)
        p = view.plan
        self.fy0, self.fy1 = int(p["period_start_fy"]), int(p["period_end_fy"])
        self.fys = list(range(self.fy0, self.fy1 + 1))
        self.m0, self.m1 = self.fy0 * 12, self.fy1 * 12 + 11
        self.entries = list(entries if entries is not None else view.walk())
        self.phases = {ph.key: ph for ph in view.phases}
        self.show_target = any(
            (kind in ("row", "initiative")) and (o.national_target_fy or o.national_target_text)
            for kind, o, _ in self.entries)
        self.width = width
        s = metrics.size
        self.c_no = s * 4.2 if show_numbers else 0.0
        self.c_title = width * (0.22 if width > 900 else 0.24)
        self.c_dept = width * 0.09
        self.c_target = width * 0.085 if self.show_target else 0.0
        self.time_w = width - self.c_no - self.c_title - self.c_dept - self.c_target
        self.x_title = self.c_no
        self.x_dept = self.x_title + self.c_title
        self.x_time = self.x_dept + self.c_dept
        self.x_target = self.x_time + self.time_w
        self.month_w = self.time_w / (12 * len(self.fys))
        # 2021年度 / (令和3年度) on two lines, as the sources that use the style print it
        self.two_line_years = self.style is YearStyle.SEIREKI_WAREKI
        self.top_h = max(metrics.header, 2 * metrics.size * 1.2 + 3) if self.two_line_years else metrics.header
        self.header_h = self.top_h + (metrics.header if self.sub > 1 else 0)
        if self.show_target:
            n = len(wrap(kit, "【参考】国が掲げる目標時期", "GB", metrics.small, self.c_target - 2 * metrics.pad))
            self.header_h = max(self.header_h, n * metrics.small * 1.2 + 4)
        self.lines = self._build_lines()

    # ------------------------------------------------------------------ lines
    def _build_lines(self) -> list[Line]:
        kit, m = self.kit, self.m
        lines: list[Line] = []
        open_groups: list[tuple[int, int, str]] = []  # (line index, depth, kind)

        def close(depth: int, kinds: tuple[str, ...]) -> None:
            while open_groups and open_groups[-1][1] >= depth and open_groups[-1][2] in kinds:
                idx, _, _ = open_groups.pop()
                lines[idx].group = len(lines) - 1

        tw = self.c_title - 2 * m.pad
        dw = self.c_dept - 2 * m.pad
        merged: dict[int, InitiativeView] = {}  # row id → the initiative it is printed for
        for kind, obj, depth in self.entries:
            if kind == "initiative" and (one := single_row(obj)) is not None:
                merged[one.id] = obj
                close(0, ("initiative",))
                continue
            if kind == "section":
                close(0, ("initiative",))
                close(depth, ("section",))
                text = f"{obj.number} {obj.title}".strip()
                line = Line("section", obj, depth, title=[text])
                line.height = m.leading + 2 * m.pad + 1
                open_groups.append((len(lines), depth, "section"))
            elif kind == "initiative":
                close(0, ("initiative",))
                line = Line("initiative", obj, depth)
                line.title = wrap(kit, obj.title, "GB", m.size, tw)
                line.dept = wrap(kit, obj.lead, "G", m.small, dw) if obj.lead else []
                line.target = wrap(kit, target_text(obj, self.style), "G", m.small, self.c_target - 2 * m.pad) \
                    if self.show_target else []
                line.height = max(len(line.title) * m.leading, len(line.dept) * m.small * 1.3) + 2 * m.pad
                open_groups.append((len(lines), depth, "initiative"))
            else:
                r: RowView = obj
                it = merged.get(r.id)
                indent = 0.0 if it else m.size * (r.depth + (0.8 if self.c_no else 0))
                line = Line("row", obj, depth, initiative=it)
                line.title = wrap(kit, it.title if it else r.title, "GB" if it else "G", m.size, tw - indent)
                depts = "、".join(x for x in [r.lead, *r.related] if x) or (
                    "、".join(x for x in [it.lead, *it.related] if x) if it else "")
                line.dept = wrap(kit, depts, "G", m.small, dw) if depts else []
                target = target_text(r, self.style) or (target_text(it, self.style) if it else "")
                line.target = wrap(kit, target, "G", m.small, self.c_target - 2 * m.pad) if self.show_target else []
                text_h = max(len(line.title) * m.leading, len(line.dept) * m.small * 1.3,
                             len(line.target) * m.small * 1.3) + 2 * m.pad
                lanes = self._lay_labels(line, r)
                if sum(lanes) < text_h:  # the texts are taller: the lanes share the extra
                    lanes = [h + (text_h - sum(lanes)) / len(lanes) for h in lanes]
                line.lane_tops = [sum(lanes[:k]) for k in range(len(lanes) + 1)]
                line.height = line.lane_tops[-1]
            lines.append(line)
        close(-1, ("initiative", "section"))
        return lines

    def _bar_box(self, b: BarView) -> tuple[float, float, bool]:
        """x (from the time column) and width of a bar, and whether it ends in an arrow."""
        s, e = max(b.start, self.m0), min(b.end, self.m1)
        return (s - self.m0) * self.month_w + 0.8, (e - s + 1) * self.month_w - 1.6, b.continues or b.end > self.m1

    def _lay_labels(self, line: Line, r: RowView) -> list[float]:
        """Lay out the labels of the bars of row ``r``; the height each lane needs to show them.

        A label keeps its line breaks and wraps to its bar; the lane grows to hold the lines
        at the table's size (up to ``max_label_lines``); only then is the text made smaller,
        never below ``min_label``. What still does not fit is cut and reported in ``kit.notes``.
        """
        m, kit = self.m, self.kit
        lanes = [m.lane] * max(1, r.lanes)
        cap = m.max_label_lines
        for b in r.bars:
            if not b.label or b.end < self.m0 or b.start > self.m1:
                continue
            _bx, bw, arrow = self._bar_box(b)
            avail = bw - 3 - ((m.lane - 3.2) * 0.45 if arrow else 0)
            size = m.size
            if "\n" not in b.label:  # one line a little smaller rather than two lines
                while size - 0.5 >= max(m.min_label, m.size - 1.0) and kit.width(b.label, "G", size) > avail:
                    size -= 0.5
                if kit.width(b.label, "G", size) > avail:
                    size = m.size
            lines = wrap(kit, b.label, "G", size, max(avail, 1.0))
            while len(lines) > cap and size - 0.5 >= m.min_label:
                size -= 0.5
                lines = wrap(kit, b.label, "G", size, max(avail, 1.0))
            cut = len(lines) > cap or avail < kit.width("国", "G", m.min_label)
            if cut:
                lines = lines[:cap]
                lines[-1] = elide(kit, lines[-1] + "…", "G", size, max(avail, 1.0))
                self._note_cut(r, b)
            line.labels[b.id] = BarLabel(size, lines, cut)
            need = len(lines) * size * 1.15 + 3.2 + 4.0  # a little air above and below the lines
            if 0 <= b.lane < len(lanes):
                lanes[b.lane] = max(lanes[b.lane], need)
        return lanes

    def _note_cut(self, r: RowView, b: BarView) -> None:
        span = f"{format_month(b.start, self.style)}〜{format_month(b.end, self.style)}"
        label = b.label.replace("\n", "／")
        notes = getattr(self.kit, "notes", None)
        if notes is not None:
            notes.append(f"工程の文字が収まりません（一部を省略して印刷しました）: 「{r.title}」の工程「{label}」（{span}）。"
                         "工程を長くするか、文字を短くしてください")

    # ----------------------------------------------------------------- header
    def draw_header(self, pen: Pen, x: float, y: float) -> float:
        """Draw the column header at (x, y); returns its height."""
        m = self.m
        h = self.header_h
        pen.rect(x, y, self.width, h, fill=LIGHT, stroke=None)
        mid = y + h / 2 + m.size * 0.35
        if self.c_no:
            pen.text(x + self.c_no / 2, mid, "No.", "GB", m.size, align="center")
        pen.text(x + self.x_title + self.c_title / 2, mid, "取組", "GB", m.size, align="center")
        pen.text(x + self.x_dept + self.c_dept / 2, mid, "担当課", "GB", m.size, align="center")
        labels = format_fy_header(self.fys, self.style)
        fy_w = self.month_w * 12
        top_h = self.top_h
        for i, label in enumerate(labels):
            fx = x + self.x_time + i * fy_w
            parts = label.replace("(", "\n(", 1).split("\n") if self.two_line_years else [label]
            size = m.size
            while size > 4.5 and max(pen.width(t, "GB", size) for t in parts) > fy_w - 2:
                size -= 0.5
            y0 = y + top_h / 2 - (len(parts) - 1) * size * 0.6 + size * 0.35
            for k, t in enumerate(parts):
                pen.text(fx + fy_w / 2, y0 + k * size * 1.2, t, "GB", size, align="center")
            if i:
                pen.line(fx, y, fx, y + h, BLACK, 0.6)
            if self.sub > 1:
                sw = fy_w / self.sub
                for k, sl in enumerate(SUB_LABELS[self.sub]):
                    sx = fx + k * sw
                    ss = m.small
                    while ss > 3.5 and pen.width(sl, "G", ss) > sw - 1:
                        ss -= 0.5
                    pen.text(sx + sw / 2, y + top_h + top_h / 2 + ss * 0.35, sl, "G", ss, align="center")
                    if k:
                        pen.line(sx, y + top_h, sx, y + h, GREY, 0.3)
        if self.sub > 1:
            pen.line(x + self.x_time, y + top_h, x + self.x_target, y + top_h, BLACK, 0.4)
        if self.show_target:
            cx = x + self.x_target + self.c_target / 2
            lines = wrap(self.kit, "【参考】国が掲げる目標時期", "GB", m.small, self.c_target - 2 * m.pad)
            ty = y + h / 2 - (len(lines) - 1) * m.small * 0.6 + m.small * 0.35
            for k, t in enumerate(lines):
                pen.text(cx, ty + k * m.small * 1.2, t, "GB", m.small, align="center")
        for cx in (self.x_title, self.x_dept, self.x_time, self.x_target):
            if cx:
                pen.line(x + cx, y, x + cx, y + h, BLACK, 0.6)
        pen.rect(x, y, self.width, h, fill=None, stroke=BLACK, lw=0.8)
        return h

    # ------------------------------------------------------------------ lines
    def draw_line(self, pen: Pen, x: float, y: float, line: Line, cont: bool = False) -> None:
        """Draw ``line`` with its top-left corner at (x, y)."""
        m = self.m
        h = line.height
        if line.kind == "section":
            shade = BAND if line.depth == 0 else LIGHT
            pen.rect(x, y, self.width, h, fill=shade, stroke=BLACK, lw=0.6)
            text = line.title[0] + ("（続き）" if cont else "")
            pen.text(x + m.pad + m.size * line.depth, y + m.pad + m.size, text, "GB", m.size)
            return
        base = y + m.pad + m.size * 0.95
        if line.kind == "initiative":
            it: InitiativeView = line.obj
            pen.rect(x, y, self.width, h, fill=(0.97, 0.97, 0.97), stroke=None)
            if self.c_no:
                pen.text(x + m.pad, base, it.number, "GB", m.size)
            for k, t in enumerate(line.title):
                suffix = "（続き）" if cont and k == len(line.title) - 1 else ""
                pen.text(x + self.x_title + m.pad, base + k * m.leading, t + suffix, "GB", m.size)
        else:
            r: RowView = line.obj
            it = line.initiative
            indent = 0.0 if it else m.size * (r.depth + (0.8 if self.c_no else 0))
            if it is not None and self.c_no:
                pen.text(x + m.pad, base, it.number, "GB", m.size)
            for k, t in enumerate(line.title):
                pen.text(x + self.x_title + m.pad + indent, base + k * m.leading, t, "GB" if it else "G", m.size)
            self._draw_bars(pen, x, y, line)
        sb = y + m.pad + m.small * 0.95
        for k, t in enumerate(line.dept):
            pen.text(x + self.x_dept + m.pad, sb + k * m.small * 1.3, t, "G", m.small)
        for k, t in enumerate(line.target):
            pen.text(x + self.x_target + self.c_target / 2, sb + k * m.small * 1.3, t, "G", m.small, align="center")
        self._grid(pen, x, y, h)

    def _grid(self, pen: Pen, x: float, y: float, h: float) -> None:
        # only the row's bottom rule: vertical rules are drawn once per run of rows (draw_lines)
        pen.line(x, y + h, x + self.width, y + h, GREY, 0.3)

    def draw_grid(self, pen: Pen, x: float, top: float, bottom: float) -> None:
        """Vertical rules (columns, dashed fiscal-year boundaries) from ``top`` to ``bottom``."""
        if bottom <= top:
            return
        fy_w = self.month_w * 12
        for i in range(1, len(self.fys)):
            fx = x + self.x_time + i * fy_w
            pen.line(fx, top, fx, bottom, GREY, 0.3, (1.5, 1.5))
        for cx in (self.x_title, self.x_dept, self.x_time, self.x_target):
            if cx:
                pen.line(x + cx, top, x + cx, bottom, BLACK, 0.4)
        pen.line(x, top, x, bottom, BLACK, 0.6)
        pen.line(x + self.width, top, x + self.width, bottom, BLACK, 0.6)

    def draw_lines(self, pen: Pen, x: float, y: float, items: list[tuple[Line, bool]]) -> float:
        """Draw lines one under another from ``y``; returns the y below the last.

        Vertical rules are drawn once per run of rows between section bands, not per row:
        for a 1,386-row table that is 15,000 fewer strokes.
        """
        seg_top = y
        for line, cont in items:
            if line.kind == "section":
                self.draw_grid(pen, x, seg_top, y)
                self.draw_line(pen, x, y, line, cont)
                y += line.height
                seg_top = y
            else:
                self.draw_line(pen, x, y, line, cont)
                y += line.height
        self.draw_grid(pen, x, seg_top, y)
        return y

    def _draw_bars(self, pen: Pen, x: float, y: float, line: Line) -> None:
        m = self.m
        r: RowView = line.obj
        tops = line.lane_tops or [k * line.height / r.lanes for k in range(r.lanes + 1)]
        x0 = x + self.x_time
        for b in r.bars:
            if b.end < self.m0 or b.start > self.m1:
                continue
            lane = min(max(b.lane, 0), len(tops) - 2)
            top = y + tops[lane] + 1.6
            bh = tops[lane + 1] - tops[lane] - 3.2
            dx, bw, arrow = self._bar_box(b)
            bx = x0 + dx
            draw_bar(pen, bx, top, bw, bh, self.phases.get(b.phase), arrow)
            if b.label:
                self._bar_label(pen, bx, top, bw - (min(bh, m.lane) * 0.45 if arrow else 0), bh, b,
                                line.labels.get(b.id))
        for ms in r.milestones:
            if not self.m0 <= ms.month <= self.m1:
                continue
            lane = min(max(ms.lane, 0), len(tops) - 2)
            lane_h = tops[lane + 1] - tops[lane]
            cy = y + tops[lane] + lane_h / 2
            cx = x0 + (ms.month - self.m0 + 0.5) * self.month_w
            d = min(lane_h * 0.32, 5.0)
            pen.poly([(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)], BLACK, None)
            if ms.label:
                # right of the ◆, or left of it when the label would run into the next column
                right_room = x0 + self.time_w - (cx + d + 1.5)
                if pen.width(ms.label, "G", m.small) <= right_room:
                    pen.text(cx + d + 1.5, cy + m.small * 0.35, ms.label, "G", m.small)
                else:
                    pen.text(cx - d - 1.5, cy + m.small * 0.35, ms.label, "G", m.small, align="right")

    def _bar_label(self, pen: Pen, bx: float, top: float, bw: float, bh: float, b: BarView,
                   laid: BarLabel | None) -> None:
        kit = self.kit
        if laid is None:  # not laid out (a line built elsewhere): one line at the table's size
            laid = BarLabel(self.m.size, wrap(kit, b.label, "G", self.m.size, max(bw - 3, 1.0)))
        size, lines = laid.size, laid.lines
        lh = size * 1.15
        y0 = top + bh / 2 - (len(lines) * lh) / 2 + size * 0.88
        phase = self.phases.get(b.phase)
        backing = (phase.pattern if phase else "solid") not in ("solid", "outline")
        for k, t in enumerate(lines):
            ty = y0 + k * lh
            tw = kit.width(t, "G", size)
            tx = bx + max(2.2, (bw - tw) / 2)
            if backing:
                pen.rect(tx - 0.7, ty - size * 0.9, tw + 1.5, size * 1.1, fill=WHITE, stroke=None)
            pen.text(tx, ty, t, "G", size)
        if laid.cut:  # keep the whole label searchable and copyable
            pen.text(bx + 2.2, y0, b.label.replace("\n", " "), "G", size, invisible=True)


def draw_bar(pen: Pen, x: float, y: float, w: float, h: float, phase: PhaseView | None, arrow: bool) -> None:
    """A bar filled with its phase's colour and pattern; an arrow head when it continues."""
    colour = rgb(phase.color) if phase else (0.75, 0.75, 0.75)
    pattern = phase.pattern if phase and phase.pattern in PATTERNS else "solid"
    head = min(h * 0.45, w * 0.5) if arrow else 0.0
    body_w = w - head
    fill: RGB | None = WHITE if pattern == "outline" else colour
    if head:
        pts = [(x, y), (x + body_w, y), (x + body_w, y - h * 0.12), (x + w, y + h / 2),
               (x + body_w, y + h * 1.12), (x + body_w, y + h), (x, y + h)]
        pen.poly(pts, fill, None)
    else:
        pen.rect(x, y, w, h, fill=fill, stroke=None)
    if pattern not in ("solid", "outline") and body_w > 0:
        pen.clip(x, y, body_w, h)
        pen.page.ops.append(("H", x, y, body_w, h, pattern, tuple(c * 0.45 for c in colour)))
        pen.unclip()
    dash = (2.0, 1.2) if pattern == "outline" else None
    if head:
        pen.poly(pts, None, BLACK, 0.5 if dash is None else 0.9)
    elif dash:
        for x1, y1, x2, y2 in ((x, y, x + w, y), (x + w, y, x + w, y + h), (x + w, y + h, x, y + h), (x, y + h, x, y)):
            pen.line(x1, y1, x2, y2, BLACK, 0.9, dash)
    else:
        pen.rect(x, y, w, h, fill=None, stroke=BLACK, lw=0.5)


def paginate(table: ScheduleTable, avail: float) -> list[list[tuple[Line, bool]]]:
    """Split the table's lines into pages of height ``avail`` (below the header).

    Rows are never cut; a section or initiative group starts a new page when it would fit
    on a fresh page but not in what is left of this one; a page starting inside a group
    repeats the group's section band and initiative line, marked （続き）.
    """
    lines = table.lines
    pages: list[list[tuple[Line, bool]]] = [[]]
    left = avail
    context: list[Line] = []  # open sections and initiative at this point
    end_of: list[int] = []

    def group_height(i: int) -> float:
        return sum(ln.height for ln in lines[i:lines[i].group + 1])

    def new_page(i: int) -> float:
        pages.append([])
        room = avail
        if lines[i].kind == "row":
            for c in context:
                pages[-1].append((c, True))
                room -= c.height
        elif lines[i].kind == "initiative":
            for c in context:
                if c.kind == "section":
                    pages[-1].append((c, True))
                    room -= c.height
        return room

    for i, ln in enumerate(lines):
        while end_of and end_of[-1] < i:
            end_of.pop()
            context.pop()
        if ln.kind in ("section", "initiative"):
            g = group_height(i) if ln.group >= i else ln.height
            nxt = lines[i + 1].height if i + 1 < len(lines) and ln.group > i else 0.0
            fresh = avail - sum(c.height for c in context if c.kind == "section" and ln.kind == "initiative")
            if pages[-1] and (left < g <= fresh or ln.height + nxt > left):
                left = new_page(i)
        elif ln.height > left and pages[-1]:
            left = new_page(i)
        pages[-1].append((ln, False))
        left -= ln.height
        if ln.kind in ("section", "initiative"):
            context.append(ln)
            end_of.append(ln.group if ln.group >= i else i)
    return [p for p in pages if p] or [[]]
