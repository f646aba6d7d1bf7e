"""Page furniture (title line, 出力日, legend, page numbers) and the schedule-table pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dxeditor.core.fiscal import YearStyle
from dxeditor.plan.readmodel import PlanView
from dxeditor.publish.pdf.fonts import FontKit
from dxeditor.publish.pdf.layout import BLACK, GREY, MM, Page, Pen, paper_size
from dxeditor.publish.pdf.schedule import Metrics, ScheduleTable, draw_bar, paginate

MARGIN = 12 * MM


@dataclass
class Furniture:
    """What every page of an export shows around its content."""

    title: str
    date_text: str  # 出力日 …
    municipality: str


def draw_legend(pen: Pen, view: PlanView, x: float, y: float, size: float) -> float:
    """The legend of what the table shows: its phases (swatch with colour and pattern, name) when
    there is more than one, ◆ 節目 and → 継続 when used; nothing for a table of one phase (as a
    source workbook of one fill prints none). Returns its width."""
    rows = view.rows()
    used = {b.phase for r in rows for b in r.bars}
    phases = [ph for ph in view.phases if ph.key in used] if len(used) > 1 else []
    milestones = any(r.milestones for r in rows)
    p1 = int(view.plan.get("period_end_fy") or 0) * 12 + 11
    arrows = any(b.continues or b.end > p1 for r in rows for b in r.bars)
    if not (phases or milestones or arrows):
        return 0.0
    cx = x
    cx += pen.text(cx, y, "凡例", "GB", size) + 6
    sw, sh = size * 2.6, size * 1.1
    for ph in phases:
        draw_bar(pen, cx, y - size * 0.95, sw, sh, ph, False)
        cx += sw + 3
        cx += pen.text(cx, y, ph.name, "G", size) + 8
    if milestones:
        d = size * 0.45
        cy = y - size * 0.35
        pen.poly([(cx + d, cy - d), (cx + 2 * d, cy), (cx + d, cy + d), (cx, cy)], BLACK, None)
        cx += 2 * d + 3
        cx += pen.text(cx, y, "節目", "G", size) + 8
    if arrows:
        draw_bar(pen, cx, y - size * 0.95, sw, sh, None, True)
        cx += sw + 3
        cx += pen.text(cx, y, "次期計画期間へ継続", "G", size) + 8
    return cx - x


def page_header(pen: Pen, f: Furniture, subtitle: str, size: float) -> float:
    """Title line at the top of the page; returns the y below it."""
    w = pen.page.width
    y = MARGIN + size
    title = f"{f.title}　{subtitle}" if subtitle else f.title
    pen.text(MARGIN, y, title, "GB", size)
    pen.text(w - MARGIN, y, f"出力日 {f.date_text}", "G", size * 0.75, align="right")
    pen.line(MARGIN, y + size * 0.45, w - MARGIN, y + size * 0.45, BLACK, 0.8)
    return y + size * 0.45 + 5


def stamp_numbers(pages: list[Page], kit: FontKit, fmt: Callable[[int, int], str], first: int = 1,
                  size: float = 8.0) -> None:
    """Write the page number (``fmt(n, total)``) centred at the foot of every page."""
    total = len(pages)
    for i, page in enumerate(pages):
        pen = Pen(kit, page)
        pen.text(page.width / 2, page.height - MARGIN * 0.55, fmt(i + first, total + first - 1), "G", size,
                 align="center")


def schedule_pages(kit: FontKit, view: PlanView, furniture: Furniture, *, paper: str, unit: str,
                   year_style: YearStyle | str, entries: list[tuple[str, Any, int]] | None = None,
                   bookmark: tuple[str, str, int] | None = None) -> list[Page]:
    """The plan's schedule table on landscape pages of ``paper`` (no page numbers yet)."""
    w, h = paper_size(paper, landscape=True)
    m = Metrics.for_paper(paper)
    table = ScheduleTable(kit, view, w - 2 * MARGIN, metrics=m, unit=unit, year_style=year_style, entries=entries)
    head_size = 13.0 if paper == "A3" else 10.5
    foot_size = m.small + 0.5
    top = MARGIN + head_size * 1.45 + 5
    bottom = h - MARGIN - foot_size * 2.2
    avail = bottom - top - table.header_h
    pages: list[Page] = []
    for chunk in paginate(table, avail):
        page = Page(w, h)
        pen = Pen(kit, page)
        if bookmark and not pages:
            pen.bookmark(*bookmark)
        y = page_header(pen, furniture, "工程表", head_size)
        y += table.draw_header(pen, MARGIN, y)
        y = table.draw_lines(pen, MARGIN, y, chunk)
        pen.line(MARGIN, y, MARGIN + table.width, y, BLACK, 0.8)
        fy = h - MARGIN - foot_size * 0.4
        draw_legend(pen, view, MARGIN, fy, foot_size)
        if furniture.municipality:
            pen.text(w - MARGIN, fy, furniture.municipality, "G", foot_size, GREY, align="right")
        pages.append(page)
    return pages
