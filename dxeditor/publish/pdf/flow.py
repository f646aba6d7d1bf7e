"""A small flowing layout for portrait documents: paragraphs, headings and boxes across pages.

Text is broken with the Japanese rules of :func:`pdf_layout.wrap`; a paragraph splits
between lines at a page break, a box (現状と課題 …) splits into one framed part per page
with its title repeated as （続き）.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dxeditor.publish.pdf.fonts import FontKit
from dxeditor.publish.pdf.layout import BLACK, GREY, MM, RGB, Page, Pen, paper_size, wrap

MARGIN = 18 * MM


@dataclass
class _Box:
    title: str
    top: float  # y where the frame began on the current page
    colour: RGB


class Flow:
    """Pages filled from top to bottom; ``new_page`` is called whenever something does not fit."""

    def __init__(self, kit: FontKit, paper: str = "A4", *, header: str = "",
                 on_page: Callable[[Flow], None] | None = None) -> None:
        self.kit = kit
        self.width_pt, self.height_pt = paper_size(paper, landscape=False)
        self.paper = paper
        self.header = header
        self.on_page = on_page
        self.pages: list[Page] = []
        self.x0 = MARGIN
        self.x1 = self.width_pt - MARGIN
        self.top = MARGIN + 14
        self.bottom = self.height_pt - MARGIN - 6
        self.boxes: list[_Box] = []
        self.pen: Pen = Pen(kit, Page(self.width_pt, self.height_pt))
        self.y = self.top
        self._fresh = False

    @property
    def width(self) -> float:
        """Width of the text area."""
        return self.x1 - self.x0

    @property
    def left(self) -> float:
        """Room left on this page."""
        return self.bottom - self.y

    def new_page(self) -> None:
        """Close open box frames, start a page (header line) and reopen the frames."""
        if self.pages:
            for b in self.boxes:
                self._frame(b, self.bottom, closed=False)
        page = Page(self.width_pt, self.height_pt)
        self.pages.append(page)
        self.pen = Pen(self.kit, page)
        self.y = self.top
        if self.header:
            self.pen.text(self.x1, MARGIN * 0.75, self.header, "G", 7, GREY, align="right")
        if self.on_page:
            self.on_page(self)
        for b in self.boxes:
            b.top = self.y
            self._box_title(b, cont=True)
        self._fresh = True

    def ensure(self, h: float) -> None:
        """Start a new page unless ``h`` points fit (and this page is not empty anyway)."""
        if not self.pages or (h > self.left and not self._fresh):
            self.new_page()

    def space(self, h: float) -> None:
        """Vertical space (dropped at the top of a page)."""
        if self.pages and self.y > self.top + 0.1:
            self.y = min(self.y + h, self.bottom)

    def _mark(self) -> None:
        self._fresh = False

    # --------------------------------------------------------------- text
    def paragraph(self, text: str, face: str = "M", size: float = 10.0, *, indent: float = 0.0,
                  bullet: str = "", leading: float = 1.65, colour: RGB = BLACK, right: float = 0.0) -> None:
        """A paragraph, with a hanging ``bullet`` when given; splits across pages between lines."""
        bw = self.kit.width(bullet, face, size) if bullet else 0.0
        inner = self._inner()
        avail = inner[1] - inner[0] - indent - bw - right
        lines = wrap(self.kit, text, face, size, max(avail, size * 2))
        lh = size * leading
        for k, line in enumerate(lines):
            self.ensure(lh)
            inner = self._inner()
            base = self.y + size * 1.05
            if k == 0 and bullet:
                self.pen.text(inner[0] + indent, base, bullet, face, size, colour)
            self.pen.text(inner[0] + indent + bw, base, line, face, size, colour)
            self.y += lh
            self._mark()

    def heading(self, text: str, size: float = 14.0, *, rule: bool = True, face: str = "GB") -> None:
        """A heading kept with at least three lines of what follows."""
        self.ensure(size * 2.2 + 40)
        self.space(size * 0.8)
        self.pen.text(self.x0, self.y + size, text, face, size)
        self.y += size * 1.45
        if rule:
            self.pen.line(self.x0, self.y, self.x1, self.y, BLACK, 1.0)
            self.y += 5
        self._mark()

    # ---------------------------------------------------------------- boxes
    def _inner(self) -> tuple[float, float]:
        pad = 8.0 * len(self.boxes)
        return self.x0 + pad, self.x1 - pad

    def begin_box(self, title: str, colour: RGB = (0.25, 0.25, 0.25)) -> None:
        """Open a framed box with a title band; close it with :meth:`end_box`."""
        self.ensure(60)
        self.space(6)
        box = _Box(title, self.y, colour)
        self.boxes.append(box)
        self._box_title(box, cont=False)
        self._mark()

    def _box_title(self, box: _Box, cont: bool) -> None:
        size = 10.0
        h = size * 1.9
        x0, x1 = self.x0, self.x1
        self.pen.rect(x0, self.y, x1 - x0, h, fill=box.colour, stroke=None)
        label = box.title + ("（続き）" if cont else "")
        self.pen.text(x0 + 8, self.y + h / 2 + size * 0.36, label, "GB", size, (1.0, 1.0, 1.0))
        self.y += h + 5

    def end_box(self) -> None:
        """Close the innermost box."""
        box = self.boxes.pop()
        self.y += 4
        self._frame(box, self.y, closed=True)
        self.y += 2

    def _frame(self, box: _Box, bottom: float, closed: bool) -> None:
        x0, x1 = self.x0, self.x1
        self.pen.line(x0, box.top, x0, bottom, box.colour, 1.0)
        self.pen.line(x1, box.top, x1, bottom, box.colour, 1.0)
        self.pen.line(x0, bottom, x1, bottom, box.colour, 1.0 if closed else 0.6, None if closed else (3, 2))
