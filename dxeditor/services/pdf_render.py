"""Write laid-out pages (:mod:`pdf_layout`) to a PDF file with reportlab's canvas.

Only the embedded bundled fonts are used (the canvas's initial font is one of them, so no
unembedded Helvetica sneaks in). Text stays text: selectable and searchable.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from dxeditor.services.pdf_fonts import PDF_NAMES, register
from dxeditor.services.pdf_layout import Page


@dataclass
class PdfMeta:
    """Document information written into the PDF."""

    title: str
    author: str
    subject: str
    creator: str = "dxeditor"


def render_pdf(pages: list[Page], meta: PdfMeta) -> bytes:
    """The PDF bytes of ``pages``."""
    buf = io.BytesIO()
    names = {key: register(key) for key in PDF_NAMES}
    first = pages[0] if pages else Page(595.0, 842.0)
    c = Canvas(buf, pagesize=(first.width, first.height), initialFontName=names["G"], initialFontSize=9,
               pageCompression=1, invariant=0)
    c.setTitle(meta.title)
    c.setAuthor(meta.author)
    c.setSubject(meta.subject)
    c.setCreator(meta.creator)
    c.setProducer("dxeditor (reportlab)")
    for n, page in enumerate(pages):
        c.setPageSize((page.width, page.height))
        _draw_page(c, page, names, n)
        c.showPage()
    c.save()
    return buf.getvalue()


def _draw_page(c: Canvas, page: Page, names: dict[str, str], n: int) -> None:
    h = page.height
    code = c._code  # raw operators: the hot path (thousands of rects and lines per page)
    fill: object = None
    stroke: object = None
    lw: float | None = None
    dash: object = None

    def set_fill(col: tuple[float, float, float]) -> None:
        nonlocal fill
        if col != fill:
            code.append(f"{col[0]:.3f} {col[1]:.3f} {col[2]:.3f} rg")
            fill = col

    def set_stroke(col: tuple[float, float, float], width: float, d: object = None) -> None:
        nonlocal stroke, lw, dash
        if col != stroke:
            code.append(f"{col[0]:.3f} {col[1]:.3f} {col[2]:.3f} RG")
            stroke = col
        if width != lw:
            code.append(f"{width:.2f} w")
            lw = width
        if d != dash:
            code.append(f"[{d[0]:.1f} {d[1]:.1f}] 0 d" if d else "[] 0 d")
            dash = d

    depth = 0
    for op in page.ops:
        kind = op[0]
        if kind == "R":
            _, x, y, w, hh, f, s, width = op
            if f is None and s is None:
                continue
            if f is not None:
                set_fill(f)
            if s is not None:
                set_stroke(s, width)
            paint = "B" if f is not None and s is not None else ("f" if f is not None else "S")
            code.append(f"{x:.2f} {h - y - hh:.2f} {w:.2f} {hh:.2f} re {paint}")
        elif kind == "L":
            _, x1, y1, x2, y2, s, width, d = op
            set_stroke(s, width, d)
            code.append(f"{x1:.2f} {h - y1:.2f} m {x2:.2f} {h - y2:.2f} l S")
        elif kind == "T":
            _, x, y, size, col, runs, invisible = op
            set_fill(col)
            t = c.beginText(x, h - y)
            if invisible:
                t.setTextRenderMode(3)
            for face, text, _w in runs:
                t.setFont(names[face], size)
                t.textOut(text)
            c.drawText(t)
        elif kind == "P":
            _, pts, f, s, width = op
            if f is not None:
                set_fill(f)
            if s is not None:
                set_stroke(s, width)
            path = " ".join(f"{px:.2f} {h - py:.2f} {'m' if i == 0 else 'l'}" for i, (px, py) in enumerate(pts))
            paint = "b" if f is not None and s is not None else ("f" if f is not None else "s")
            code.append(f"{path} h {paint}")
        elif kind == "C":
            _, x, y, w, hh = op
            code.append(f"q {x:.2f} {h - y - hh:.2f} {w:.2f} {hh:.2f} re W n")
            depth += 1
            fill = stroke = lw = dash = None  # graphics state is restored at Q
        elif kind == "U":
            if depth:
                code.append("Q")
                depth -= 1
                fill = stroke = lw = dash = None
        elif kind == "B":
            _, key, title, level, y = op
            c.bookmarkHorizontal(key, 0, h - y)
            c.addOutlineEntry(title, key, level=level, closed=level > 0)
    while depth:
        code.append("Q")
        depth -= 1
