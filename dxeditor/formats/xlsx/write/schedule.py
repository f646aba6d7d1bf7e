"""The 工程表 sheet: the plan-wide schedule table (seed 002 §3.3 and seed 000's tables).

Columns: No. / 取組 / 項目 / 担当課, then one column per time unit (年度, 半期, 四半期 or
月) and, when the plan has national target times, 【参考】国が掲げる目標時期. Sections are
band rows; an initiative's No. and 取組 cells span all its lines; a schedule row has one
worksheet line per lane, its left cells merged down; each bar is a merged range with its
label inside, filled with its phase's colour and pattern. A legend sits above the header.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from xlsxwriter.worksheet import Worksheet

from dxeditor.core.fiscal import format_fy, format_fy_header, format_month
from dxeditor.formats.xlsx.write.style import (
    BORDER_COLOR,
    HEADER_FILL,
    MAX_CELL_CHARS,
    SECTION_FILL,
    Formats,
    clip,
    fit_width,
    lines_needed,
)
from dxeditor.plan.readmodel import InitiativeView, PlanView, RowView, SectionView

SHEET_NAME = "工程表"
UNIT_STEP = {"year": 12, "half": 6, "quarter": 3, "month": 1}
UNIT_WIDTH = {"year": 14.0, "half": 8.0, "quarter": 6.0, "month": 4.5}
MAX_TIME_WIDTH = {"year": 30.0, "half": 16.0, "quarter": 9.0, "month": 5.0}
#: Printable width of a landscape page in column units (half-width characters), margins taken off.
PAGE_UNITS = {"A3": 225.0, "A4": 155.0}
TARGET_HEADER = "【参考】\n国が掲げる\n目標時期"
LEFT_HEADERS = ("No.", "取組", "項目", "担当課")
COL_NO, COL_INIT, COL_ITEM, COL_DEPT = range(4)
FIRST_TIME_COL = 4
LINE_HEIGHT = 14.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit (points)
CONTINUE_MARK = " →"
MILESTONE_MARK = "◆"


@dataclass(frozen=True)
class TimeColumn:
    """One time column: its first and last month index and the fiscal year it belongs to."""

    start: int
    end: int
    fy: int
    sub: str  # 上期 / 第1四半期 / 4月, or "" for whole years


def time_columns(first_fy: int, last_fy: int, unit: str) -> list[TimeColumn]:
    """The time columns from ``first_fy`` to ``last_fy`` in ``unit``."""
    step = UNIT_STEP[unit]
    out = []
    for fy in range(first_fy, last_fy + 1):
        for k in range(0, 12, step):
            start = fy * 12 + k
            if unit == "half":
                sub = ("上期", "下期")[k // 6]
            elif unit == "quarter":
                sub = f"第{k // 3 + 1}\n四半期"
            elif unit == "month":
                sub = f"{(k + 3) % 12 + 1}月"
            else:
                sub = ""
            out.append(TimeColumn(start, start + step - 1, fy, sub))
    return out


def plan_years(view: PlanView) -> tuple[int, int]:
    """The fiscal years the table shows: the plan period, widened to every bar and milestone."""
    first, last = int(view.plan["period_start_fy"]), int(view.plan["period_end_fy"])
    for r in view.rows():
        for b in r.bars:
            first, last = min(first, b.start // 12), max(last, b.end // 12)
        for x in r.milestones:
            first, last = min(first, x.month // 12), max(last, x.month // 12)
    return first, last


def single_row(it: InitiativeView) -> RowView | None:
    """The one row of an initiative that has no other rows and bears its title (printed as one line)."""
    if len(it.rows) == 1 and it.rows[0].title.strip() in ("", it.title.strip()):
        return it.rows[0]
    return None


def target_text(fy: int | None, text: str, style: str) -> str:
    """A national target as printed: the free text, else the fiscal year in ``style``."""
    if text:
        return text
    return format_fy(fy, style) if fy is not None else ""


class ScheduleSheet:
    """Writes the 工程表 of ``view`` onto ``ws``."""

    def __init__(self, ws: Worksheet, fmt: Formats, view: PlanView, *, unit: str, style: str,
                 warnings: list[str], paper: str = "A3") -> None:
        self.ws, self.fmt, self.view, self.unit, self.style = ws, fmt, view, unit, style
        self.paper = paper
        self.warnings = warnings
        first, last = plan_years(view)
        self.cols = time_columns(first, last, unit)
        self.first_month = self.cols[0].start
        self.step = UNIT_STEP[unit]
        self.has_target = any(
            it.national_target_fy is not None or it.national_target_text for it in view.initiatives()
        ) or any(r.national_target_fy is not None or r.national_target_text for r in view.rows())
        self.target_col = FIRST_TIME_COL + len(self.cols) if self.has_target else None
        self.last_col = FIRST_TIME_COL + len(self.cols) - (0 if self.has_target else 1)
        self.header_rows = 1 if unit == "year" else 2
        self.row = 0
        self.widths: dict[int, float] = {}
        self.phase_formats: dict[str, Any] = {}
        self._grid: dict[tuple[bool, bool], Any] = {}
        self.f_left = self._cell(align="left")
        self.f_center = self._cell(align="center")
        self._indent: dict[int, Any] = {0: self.f_left}
        self._spans: dict[tuple[int, int], float] = {}
        self._time_cols = range(FIRST_TIME_COL, FIRST_TIME_COL + len(self.cols))

    # ---------------------------------------------------------------- formats
    def _phase_format(self, key: str) -> Any:
        f = self.phase_formats.get(key)
        if f is None:
            p = self.view.phase(key)
            f = self.fmt.phase(p.color if p else "#c8c8c8", p.pattern if p else "solid")
            self.phase_formats[key] = f
        return f

    def _grid_format(self, top: bool, bottom: bool) -> Any:
        """An empty time cell: thin sides, a line on top/bottom only at the row's edges."""
        key = (top, bottom)
        f = self._grid.get(key)
        if f is None:
            f = self.fmt.get(left=7, right=7, top=1 if top else 0, bottom=1 if bottom else 0,
                             border_color=BORDER_COLOR)
            self._grid[key] = f
        return f

    def _cell(self, **extra: Any) -> Any:
        return self.fmt.get(border=1, border_color=BORDER_COLOR, text_wrap=True, **extra)

    # ----------------------------------------------------------------- layout
    def write(self) -> tuple[int, int]:
        """Write the whole sheet; returns the (first, last) header row for print titles."""
        self._set_widths()
        self._title()
        self._legend()
        header_first = self.row
        self._header()
        header_last = self.row - 1
        self.ws.freeze_panes(self.row, FIRST_TIME_COL)
        for kind, item, depth in self.view.walk():
            if kind == "section":
                self._section(item, depth)
            elif kind == "initiative":
                self._initiative(item)
        return header_first, header_last

    def _set_widths(self) -> None:
        inits = self.view.initiatives()
        rows = self.view.rows()
        self.widths[COL_NO] = fit_width([i.number for i in inits], 5, 8)
        self.widths[COL_INIT] = fit_width([i.title for i in inits], 14, 32)
        self.widths[COL_ITEM] = fit_width([r.title for r in rows], 14, 32)
        self.widths[COL_DEPT] = fit_width([d for r in rows for d in [r.lead, *r.related]]
                                          + [i.lead for i in inits], 10, 18)
        if self.target_col is not None:
            self.widths[self.target_col] = 12.0
        # widen the time columns to fill the landscape page (fit-to-width only ever shrinks)
        fixed = sum(self.widths.values())
        room = (PAGE_UNITS.get(self.paper, PAGE_UNITS["A3"]) - fixed) / len(self.cols)
        width = min(MAX_TIME_WIDTH[self.unit], max(UNIT_WIDTH[self.unit], room))
        for c in range(len(self.cols)):
            self.widths[FIRST_TIME_COL + c] = round(width, 1)
        for c, w in self.widths.items():
            self.ws.set_column(c, c, w)

    def _title(self) -> None:
        plan = self.view.plan
        title = f"{plan['title'] or '計画'}　工程表"
        self.ws.merge_range(0, 0, 0, self.last_col, "", self.fmt.get(bold=True, font_size=14))
        self.ws.write_string(0, 0, clip(title, self.warnings, "工程表!A1"), self.fmt.get(bold=True, font_size=14))
        self.ws.set_row(0, 24)
        sub = "　".join(x for x in (plan["municipality"], self._period_text()) if x)
        self.ws.merge_range(1, 0, 1, self.last_col, "", self.fmt.get())
        self.ws.write_string(1, 0, sub, self.fmt.get())
        self.row = 2

    def _period_text(self) -> str:
        plan = self.view.plan
        if plan["period_label"]:
            return f"計画期間: {plan['period_label']}"
        a, b = format_fy(plan["period_start_fy"], self.style), format_fy(plan["period_end_fy"], self.style)
        return f"計画期間: {a}〜{b}"

    def _legend(self) -> None:
        r = self.row
        label = self.fmt.get(bold=True, align="right")
        self.ws.merge_range(r, 0, r, FIRST_TIME_COL - 1, "", label)
        self.ws.write_string(r, 0, "凡例", label)
        per = max(1, -(-8 // int(UNIT_WIDTH[self.unit])))  # columns one legend entry takes
        c = FIRST_TIME_COL
        rows = self.view.rows()
        used = {b.phase for rv in rows for b in rv.bars}
        # the phases only when the table has more than one (a source of one fill prints no legend)
        entries = [(p.name, self._phase_format(p.key)) for p in self.view.phases if p.key in used] \
            if len(used) > 1 else []
        extra = self.fmt.get(align="center")
        if any(b.continues for rv in rows for b in rv.bars):
            entries.append((f"{CONTINUE_MARK.strip()} 継続", extra))
        if any(rv.milestones for rv in rows):
            entries.append((f"{MILESTONE_MARK} 節目", extra))
        if not entries:
            return
        for name, f in entries:
            if c + per - 1 > self.last_col:
                self.ws.set_row(r, 18)
                r += 1
                c = FIRST_TIME_COL
            if per > 1:
                self.ws.merge_range(r, c, r, c + per - 1, "", f)
            self.ws.write_string(r, c, name, f)
            c += per
        self.ws.set_row(r, 18)
        self.row = r + 2  # one empty line between legend and table

    def _header(self) -> None:
        r = self.row
        h = self._cell(bold=True, align="center", pattern=1, bg_color=HEADER_FILL)
        span = self.header_rows - 1
        for c, text in enumerate(LEFT_HEADERS):
            if span:
                self.ws.merge_range(r, c, r + span, c, "", h)
            self.ws.write_string(r, c, text, h)
        fys = sorted({tc.fy for tc in self.cols})
        labels = dict(zip(fys, format_fy_header(fys, self.style), strict=True))
        per_year = 12 // self.step
        two_lines = self.style == "seireki_wareki"  # 2021年度 / (令和3年度), as the sources print it
        for i, fy in enumerate(fys):
            c = FIRST_TIME_COL + i * per_year
            if per_year > 1:
                self.ws.merge_range(r, c, r, c + per_year - 1, "", h)
            self.ws.write_string(r, c, labels[fy].replace("(", "\n(", 1) if two_lines else labels[fy], h)
        if span:
            for i, tc in enumerate(self.cols):
                self.ws.write_string(r + 1, FIRST_TIME_COL + i, tc.sub, h)
        if self.target_col is not None:
            if span:
                self.ws.merge_range(r, self.target_col, r + span, self.target_col, "", h)
            self.ws.write_string(r, self.target_col, TARGET_HEADER, h)
        self.ws.set_row(r, LINE_HEIGHT * 3 + 4 if self.target_col is not None and not span
                        else LINE_HEIGHT * 2 + 4 if two_lines else 22)
        if span:
            self.ws.set_row(r + 1, LINE_HEIGHT * 2 + 4 if self.unit == "quarter" else 18)
        self.row = r + self.header_rows

    # ------------------------------------------------------------------ body
    def _section(self, s: SectionView, depth: int) -> None:
        f = self._cell(bold=True, pattern=1, bg_color=SECTION_FILL, indent=depth)
        text = f"{s.number}　{s.title}" if s.number else s.title
        self.ws.merge_range(self.row, 0, self.row, self.last_col, "", f)
        self.ws.write_string(self.row, 0, clip(text, self.warnings, f"工程表 行{self.row + 1}"), f)
        self.ws.set_row(self.row, 20)
        self.row += 1

    def _merge_down(self, r: int, c: int, lines: int, text: str, f: Any) -> None:
        if len(text) > MAX_CELL_CHARS:
            text = clip(text, self.warnings, f"工程表 行{r + 1}")
        if lines > 1:  # the text goes into the range's first cell ("" makes it a formatted blank)
            self.ws.merge_range(r, c, r + lines - 1, c, text, f)
        elif text:
            self.ws.write_string(r, c, text, f)
        else:
            self.ws.write_blank(r, c, None, f)

    def _initiative(self, it: InitiativeView) -> None:
        top = self.row
        lanes = [rv.lanes for rv in it.rows]
        total = sum(lanes) or 1
        heights = [1.0] * total
        left = self.f_left
        self._merge_down(top, COL_NO, total, it.number, self.f_center)
        one = single_row(it)
        if one is not None:  # printed once, across 取組 and 項目, as the source does
            text = clip(it.title, self.warnings, f"工程表 行{top + 1}")
            self.ws.merge_range(top, COL_INIT, top + total - 1, COL_ITEM, text, left)
            self._share(heights, 0, total, it.title, self.widths[COL_INIT] + self.widths[COL_ITEM])
        else:
            self._merge_down(top, COL_INIT, total, it.title, left)
            self._share(heights, 0, total, it.title, self.widths[COL_INIT])
        init_target = target_text(it.national_target_fy, it.national_target_text, self.style)
        rows_have_target = any(r.national_target_fy is not None or r.national_target_text for r in it.rows)
        if not it.rows:
            self._merge_down(top, COL_ITEM, 1, "", left)
            self._merge_down(top, COL_DEPT, 1, it.lead, left)
            self._empty_lane(top, True, True)
            if self.target_col is not None:
                self._merge_down(top, self.target_col, 1, init_target, self.f_center)
        line = 0
        for rv, n in zip(it.rows, lanes, strict=True):
            self._schedule_row(rv, top + line, it, heights, line, rows_have_target, n)
            line += n
        if self.target_col is not None and it.rows and not rows_have_target:
            self._merge_down(top, self.target_col, total, init_target, self.f_center)
        for i, h in enumerate(heights):
            self.ws.set_row(top + i, min(MAX_ROW_HEIGHT, max(1.0, h) * LINE_HEIGHT + 5))
        self.row = top + total

    def _share(self, heights: list[float], first: int, lines: int, text: str, width: float) -> None:
        """Spread the lines ``text`` needs over ``lines`` worksheet rows starting at ``first``."""
        need = lines_needed(text, width) / lines
        for i in range(first, first + lines):
            heights[i] = max(heights[i], need)

    def _schedule_row(self, rv: RowView, r: int, it: InitiativeView, heights: list[float], line: int,
                      rows_have_target: bool, lanes: int) -> None:
        item = self._indent.get(rv.depth)
        if item is None:
            item = self._indent[rv.depth] = self._cell(align="left", indent=rv.depth)
        if single_row(it) is None:
            self._merge_down(r, COL_ITEM, lanes, rv.title, item)
            self._share(heights, line, lanes, rv.title, self.widths[COL_ITEM] - 2 * rv.depth)
        depts = [d for d in [rv.lead, *rv.related] if d] or ([it.lead] if it.lead else [])
        dept_text = "\n".join(depts)
        self._merge_down(r, COL_DEPT, lanes, dept_text, self.f_left)
        self._share(heights, line, lanes, dept_text, self.widths[COL_DEPT])
        if self.target_col is not None and (rv.national_target_fy is not None or rv.national_target_text):
            text = target_text(rv.national_target_fy, rv.national_target_text, self.style)
            self._merge_down(r, self.target_col, lanes, text, self.f_center)
        elif self.target_col is not None and rows_have_target:
            self._merge_down(r, self.target_col, lanes, "", self.f_center)
        for lane in range(lanes):
            need = self._lane(rv, lane, r + lane, lane == 0, lane == lanes - 1)
            heights[line + lane] = max(heights[line + lane], need)

    def _lane(self, rv: RowView, lane: int, r: int, top: bool, bottom: bool) -> float:
        """Write one lane's bars and milestones; returns the lines its labels need."""
        placed: list[list[Any]] = []  # [first col, last col, text, phase]
        first, step = self.first_month, self.step
        for b in rv.bars:
            if b.lane != lane:
                continue
            c1, c2 = (b.start - first) // step, (b.end - first) // step
            text = b.label + CONTINUE_MARK if b.continues else b.label
            if placed and c1 <= placed[-1][1]:
                c1 = placed[-1][1] + 1
                if c1 > c2:  # the bar falls inside the previous one at this unit
                    placed[-1][2] = f"{placed[-1][2]}／{text}" if text else placed[-1][2]
                    self.warnings.append(
                        f"工程表 行{r + 1}「{rv.title}」: 工程「{b.label}」は{self.unit_name}単位では"
                        "前の工程と重なるため、同じセルに書きました")
                    continue
            placed.append([c1, c2, text, b.phase])
        free: dict[int, str] = {}
        for x in rv.milestones:
            if x.lane != lane:
                continue
            c = (x.month - first) // step
            mark = f"{MILESTONE_MARK}{x.label}"
            host = next((p for p in placed if p[0] <= c <= p[1]), None)
            if host is not None:
                host[2] = f"{host[2]}\n{mark}" if host[2] else mark
            else:
                free[c] = f"{free[c]}\n{mark}" if c in free else mark
        ws = self.ws
        need = 1.0
        used: set[int] = set()
        for c1, c2, text, phase in placed:
            f = self._phase_format(phase)
            if len(text) > MAX_CELL_CHARS:
                text = clip(text, self.warnings, f"工程表 行{r + 1}")
            if c2 > c1:  # the label goes into the range's first cell ("" makes it a formatted blank)
                ws.merge_range(r, FIRST_TIME_COL + c1, r, FIRST_TIME_COL + c2, text, f)
            elif text:
                ws.write_string(r, FIRST_TIME_COL + c1, text, f)
            elif c2 == c1:
                ws.write_blank(r, FIRST_TIME_COL + c1, None, f)
            used.update(range(c1, c2 + 1))
            if text:
                n = lines_needed(text, self._span_width(c1, c2))
                if n > need:
                    need = n
        grid = self._grid_format(top, bottom)
        if not used and not free:
            for c in self._time_cols:
                ws.write_blank(r, c, None, grid)
            return need
        for c in range(len(self.cols)):
            if c in used:
                continue
            if c in free:
                ms_fmt = self.fmt.get(left=7, right=7, top=1 if top else 0, bottom=1 if bottom else 0,
                                      border_color=BORDER_COLOR, text_wrap=True, align="center")
                ws.write_string(r, FIRST_TIME_COL + c, free[c], ms_fmt)
                need = max(need, lines_needed(free[c], self.widths[FIRST_TIME_COL + c]))
            else:
                ws.write_blank(r, FIRST_TIME_COL + c, None, grid)
        return need

    def _span_width(self, c1: int, c2: int) -> float:
        """The width of time columns ``c1`` to ``c2`` (summed left to right, as always)."""
        key = (c1, c2)
        width = self._spans.get(key)
        if width is None:
            width = self._spans[key] = sum(self.widths[FIRST_TIME_COL + c] for c in range(c1, c2 + 1))
        return width

    def _empty_lane(self, r: int, top: bool, bottom: bool) -> None:
        grid = self._grid_format(top, bottom)
        for c in range(len(self.cols)):
            self.ws.write_blank(r, FIRST_TIME_COL + c, None, grid)

    @property
    def unit_name(self) -> str:
        """The time unit as written in messages (年度, 半期 …)."""
        return {"year": "年度", "half": "半期", "quarter": "四半期", "month": "月"}[self.unit]


@lru_cache(maxsize=4096)
def month_text(index: int, style: str) -> str:
    """A month as printed (used by the department sheet's period column; cached: a plan has few)."""
    return format_month(index, style)
