"""Cell formats, phase fills, column widths and print setup shared by the Excel sheets.

XlsxWriter formats are cached by their properties (a workbook may hold only a few
thousand distinct formats, and creating one per cell is slow). Phase patterns map to
Excel fill patterns so that phases stay distinct on a black-and-white printer.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from dxeditor.formats.xlsx.text_cells import MAX_CELL_CHARS  # the writers clip to it

FONT = "BIZ UDゴシック"
FONT_SIZE = 10
#: Excel's limit for the text of one cell.
#: Paper sizes as XlsxWriter/Excel numbers them.
PAPER = {"A3": 8, "A4": 9}

#: Phase pattern name → Excel fill pattern (XlsxWriter index). "outline" has no fill.
PATTERNS: dict[str, int] = {
    "solid": 1,
    "diagonal": 13,  # lightDown
    "cross": 15,  # lightGrid
    "dots": 17,  # gray125
    "horizontal": 11,  # lightHorizontal
    "vertical": 12,  # lightVertical
    "outline": 0,
}
#: The same mapping as openpyxl names it (for reading back and recognition).
PATTERN_NAMES = {
    1: "solid", 13: "lightDown", 15: "lightGrid", 17: "gray125", 11: "lightHorizontal", 12: "lightVertical",
}

BORDER_COLOR = "#404040"
HEADER_FILL = "#d9e1f2"
SECTION_FILL = "#ededed"


def darker(color: str, factor: float = 0.55) -> str:
    """A darker shade of ``#rrggbb`` (the pattern's line colour over the phase colour)."""
    c = color.lstrip("#")
    if len(c) != 6:
        return "#404040"
    try:
        r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return "#404040"
    return "#{:02x}{:02x}{:02x}".format(*(int(v * factor) for v in (r, g, b)))


def safe_color(color: str, default: str = "#c8c8c8") -> str:
    """``color`` when it is a valid ``#rrggbb``, otherwise ``default``."""
    c = (color or "").strip()
    if len(c) == 7 and c.startswith("#"):
        try:
            int(c[1:], 16)
            return c
        except ValueError:
            pass
    return default


class Formats:
    """A cache of XlsxWriter formats keyed by their properties (font set everywhere)."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._cache: dict[tuple[tuple[str, Any], ...], Format] = {}

    def get(self, **props: Any) -> Format:
        """The format with ``props`` (plus the house font), created once."""
        key = tuple(sorted(props.items()))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self.wb.add_format({"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter", **props})
            self._cache[key] = fmt
        return fmt

    def phase(self, color: str, pattern: str, **extra: Any) -> Format:
        """A bar's format: phase colour and pattern, medium border, centred wrapped label."""
        color = safe_color(color)
        props: dict[str, Any] = {"border": 2, "border_color": BORDER_COLOR, "align": "center", "text_wrap": True}
        p = PATTERNS.get(pattern, 1)
        if p == 1:
            props |= {"pattern": 1, "bg_color": color}
        elif p:
            props |= {"pattern": p, "bg_color": color, "fg_color": darker(color)}
        else:
            props |= {"border": 5}  # outline: no fill, thick frame
        return self.get(**(props | extra))


@lru_cache(maxsize=65536)
def text_width(text: str) -> int:
    """Display width of ``text`` in Excel column units: full-width characters count as 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


@lru_cache(maxsize=65536)
def longest_line(text: str) -> int:
    """The width of the widest line of ``text`` (cached: titles and names repeat across sheets)."""
    return max((text_width(line) for line in str(text).split("\n")), default=0)


@lru_cache(maxsize=65536)
def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` takes when wrapped in a column ``width`` units wide."""
    if not text:
        return 1
    usable = max(width - 1.0, 1.0)
    return sum(max(1, -(-text_width(line) // int(usable))) for line in str(text).split("\n"))


def fit_width(values: list[str], minimum: float, maximum: float) -> float:
    """A column width that shows the widest value up to ``maximum`` (wrapped beyond)."""
    widest = max((longest_line(v) for v in values if v), default=0)
    return max(minimum, min(maximum, widest + 2))


def clip(text: str, warnings: list[str], where: str) -> str:
    """``text`` cut to Excel's cell limit (with a warning naming the place)."""
    if len(text) > MAX_CELL_CHARS:
        warnings.append(f"{where}: 文字数が Excel の上限（{MAX_CELL_CHARS}字）を超えるため切り詰めました")
        return text[:MAX_CELL_CHARS]
    return text


HEADER_FONT = f'&"{FONT},標準"&9'
HEADER_LIMIT = 255  # Excel's limit for a header or footer string, codes included


def header_escape(text: str, limit: int = 60) -> str:
    """Text for a page header/footer: line breaks removed, cut to ``limit``, ``&`` doubled."""
    return " ".join(text.split())[:limit].replace("&", "&&")


def page_header(title: str, sheet: str, printed: str) -> str:
    """The page header: plan title left, sheet name centre, date right; within Excel's limit."""
    for limit in (60, 40, 20):
        text = (f"&L{HEADER_FONT}{header_escape(title, limit)}&C{HEADER_FONT}{header_escape(sheet, limit)}"
                f"&R{HEADER_FONT}{header_escape(printed, limit)}")
        if len(text) <= HEADER_LIMIT:
            return text
    return f"&L{header_escape(title, 20)}&C{header_escape(sheet, 20)}&R{header_escape(printed, 20)}"


def japanese_date(d: date, style: str) -> str:
    """A calendar date as printed in the header: 令和8年11月23日 (or 2026年11月23日)."""
    if style == "seireki" or d < date(1989, 1, 8):
        return f"{d.year}年{d.month}月{d.day}日"
    era, base = ("令和", 2018) if d >= date(2019, 5, 1) else ("平成", 1988)
    n = d.year - base
    return f"{era}{'元' if n == 1 else n}年{d.month}月{d.day}日"


def setup_print(
    ws: Worksheet,
    *,
    paper: str,
    landscape: bool,
    title: str,
    sheet: str,
    printed: str,
    repeat: tuple[int, int] | None,
) -> None:
    """Paper, orientation, fit to one page wide, repeated title rows, header and footer."""
    ws.set_paper(PAPER.get(paper, 8))
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    if repeat is not None:
        ws.repeat_rows(*repeat)
    ws.set_header(page_header(title, sheet, printed), {"margin": 0.3})
    ws.set_footer(f"&C{HEADER_FONT}&P / &N", {"margin": 0.3})
    ws.hide_gridlines(1)  # gridlines on screen, never printed
