"""The time axis: month index ↔ x pixel for each zoom level, snapping, header cells.

Pure Python (no widgets) so the mapping is easy to test. x is measured in content
coordinates: x = 0 is the left edge of the first shown month (April of ``first_fy``).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from dxeditor.core.fiscal import (
    MAX_FY,
    MIN_FY,
    YearStyle,
    format_fy_header,
    fy_end,
    fy_start,
    half_label,
    month_label,
    quarter_label,
)


class Zoom(enum.StrEnum):
    """Zoom levels: the unit a header column and a snap step stand for."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"


#: months in one snap unit / lower header column
UNIT_MONTHS = {Zoom.YEAR: 12, Zoom.HALF: 6, Zoom.QUARTER: 3, Zoom.MONTH: 1}
#: pixels per month
MONTH_PX = {Zoom.YEAR: 11.0, Zoom.HALF: 16.0, Zoom.QUARTER: 28.0, Zoom.MONTH: 44.0}
ZOOM_ORDER = [Zoom.YEAR, Zoom.HALF, Zoom.QUARTER, Zoom.MONTH]


@dataclass(frozen=True)
class HeaderCell:
    """One header cell: tier 0 (fiscal year) or 1 (half / quarter / month); months inclusive."""

    tier: int
    start: int
    end: int
    text: str


class TimeAxis:
    """Maps months to pixels for fiscal years ``first_fy..last_fy`` at a zoom level."""

    def __init__(self, first_fy: int, last_fy: int, zoom: Zoom | str = Zoom.YEAR) -> None:
        self.first_fy = max(MIN_FY, min(first_fy, last_fy))
        self.last_fy = min(MAX_FY, max(first_fy, last_fy))
        self.zoom = Zoom(zoom)

    # --- geometry ----------------------------------------------------------------------------------

    @property
    def month_px(self) -> float:
        """Width of one month in pixels."""
        return MONTH_PX[self.zoom]

    @property
    def unit(self) -> int:
        """Months in one snap unit at this zoom."""
        return UNIT_MONTHS[self.zoom]

    @property
    def first_month(self) -> int:
        """The first month shown (April of ``first_fy``)."""
        return fy_start(self.first_fy)

    @property
    def last_month(self) -> int:
        """The last month shown (March closing ``last_fy``)."""
        return fy_end(self.last_fy)

    @property
    def width(self) -> int:
        """Total width of the axis in pixels."""
        return math.ceil(self.x_of(self.last_month + 1))

    def x_of(self, month: float) -> float:
        """The x of the left edge of ``month`` (fractions allowed: 5.5 = middle of month 5)."""
        return (month - self.first_month) * self.month_px

    def span_x(self, start: int, end: int) -> tuple[float, float]:
        """Left and right x of the inclusive month span ``start..end``."""
        return self.x_of(start), self.x_of(end + 1)

    def month_at(self, x: float) -> int:
        """The month under pixel ``x`` (clamped to the axis)."""
        month = self.first_month + math.floor(x / self.month_px)
        return max(self.first_month, min(self.last_month, month))

    def boundary_at(self, x: float, unit: int | None = None) -> int:
        """The month boundary (index of the month starting there) nearest to ``x``, on ``unit`` steps."""
        unit = unit or self.unit
        months = x / self.month_px
        steps = round(months / unit)
        b = self.first_month + steps * unit
        return max(self.first_month, min(self.last_month + 1, b))

    def floor_unit(self, month: int, unit: int | None = None) -> int:
        """The first month of the ``unit`` containing ``month`` (units align with fiscal years)."""
        unit = unit or self.unit
        return month - (month - self.first_month) % unit

    def delta_months(self, dx: float, unit: int | None = None) -> int:
        """A horizontal mouse movement ``dx`` as whole ``unit`` steps of months."""
        unit = unit or self.unit
        return round(dx / (self.month_px * unit)) * unit

    def months_in(self, x0: float, x1: float) -> tuple[int, int]:
        """The months whose cells intersect pixels ``x0..x1`` (for painting only what is visible)."""
        return self.month_at(x0), self.month_at(x1)

    # --- header -----------------------------------------------------------------------------------

    def header_cells(self, style: YearStyle | str, first: int | None = None, last: int | None = None,
                     *, gannen: bool = True) -> list[HeaderCell]:
        """Header cells of the fiscal years (tier 0) and, when zoomed in, their parts (tier 1).

        ``first``/``last`` limit the months returned; year labels are formatted over the
        returned years, so in SHORT style the leftmost visible year is written in full
        (令和4年度 5年度 6年度 …) as in a printed table.
        """
        lo = self.first_month if first is None else max(self.first_month, first)
        hi = self.last_month if last is None else min(self.last_month, last)
        fys = list(range(lo // 12, hi // 12 + 1))
        labels = dict(zip(fys, format_fy_header(fys, style, gannen=gannen), strict=True))
        cells: list[HeaderCell] = []
        for fy in range(lo // 12, hi // 12 + 1):
            cells.append(HeaderCell(0, fy_start(fy), fy_end(fy), labels[fy]))
        if self.zoom is Zoom.YEAR:
            return cells
        unit = self.unit
        m = self.floor_unit(lo)
        while m <= hi:
            k = m % 12
            if self.zoom is Zoom.HALF:
                text = half_label(k // 6)
            elif self.zoom is Zoom.QUARTER:
                text = quarter_label(k // 3)
            else:
                text = month_label(m)
            cells.append(HeaderCell(1, m, m + unit - 1, text))
            m += unit
        return cells
