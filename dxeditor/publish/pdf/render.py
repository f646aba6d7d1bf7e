"""Write laid-out pages (:mod:`pdf_layout`) to a PDF file with reportlab's canvas.

Only the embedded bundled fonts are used (the canvas's initial font is one of them, so no
unembedded Helvetica sneaks in). Text stays text: selectable and searchable.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from dxeditor.core.errors import Cancelled
from dxeditor.publish.pdf.fonts import PDF_NAMES, register
from dxeditor.publish.pdf.layout import HATCH_STEP, Page, hatch

#: Size of one pattern tile (a form XObject drawn under a clip for each patterned bar).
#: Both are whole multiples of every pattern's spacing, so tiles join without seams.
TILE_W, TILE_H = HATCH_STEP * 1.3 * 50, HATCH_STEP * 1.3 * 20


@dataclass
class PdfMeta:
    """Document information written into the PDF."""

    title: str
    author: str
    subject: str
    creator: str = "dxeditor"


def render_pdf(pages: list[Page], meta: PdfMeta, progress: Callable[[int], bool] | None = None) -> bytes:
    """The PDF bytes of ``pages``; ``progress(pages_done)`` returning False stops with ``Cancelled``."""
    # reportlab's pure-Python ASCII85 filter cost ~70 % of the time; binary Flate streams are
    # standard and smaller. The setting is read while pages are written, so scope it to here.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        return _render(pages, meta, progress)
    finally:
        rl_config.useA85 = saved


def _render(pages: list[Page], meta: PdfMeta, progress: Callable[[int], bool] | None) -> bytes:
    buf = io.BytesIO()
    used = {run[0] for page in pages for op in page.ops if op[0] == "T" for run in op[5]}
    names = {key: register(key) for key in PDF_NAMES if key in used or key == "G"}
    first = pages[0] if pages else Page(595.0, 842.0)
    c = Canvas(buf, pagesize=(first.width, first.height), initialFontName=names["G"], initialFontSize=9,
               pageCompression=1, invariant=0)
    c.setTitle(meta.title)
    c.setAuthor(meta.author)
    c.setSubject(meta.subject)
    c.setCreator(meta.creator)
    c.setProducer("dxeditor (reportlab)")
    forms = _define_pattern_forms(c, pages)
    fonts = {key: pdfmetrics.getFont(name) for key, name in names.items()}  # only faces in use are loaded
    encoded: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for done, page in enumerate(pages, start=1):
        c.setPageSize((page.width, page.height))
        _draw_page(c, page, fonts, forms, encoded)
        c.showPage()
        if progress is not None and progress(done) is False:
            raise Cancelled()
    c.save()
    return buf.getvalue()


def _define_pattern_forms(c: Canvas, pages: list[Page]) -> dict[tuple[Any, ...], str]:
    """One form XObject per (pattern, colour): each patterned bar then costs a clip and a ``Do``.

    Drawing the hatch lines bar by bar wrote ~150,000 segments for a 1,386-row table.
    """
    keys = {(op[5], op[6]) for page in pages for op in page.ops if op[0] == "H"}
    forms: dict[tuple[Any, ...], str] = {}
    for i, (pattern, colour) in enumerate(sorted(keys)):
        name = f"dxpat{i}"
        c.beginForm(name, 0, 0, TILE_W, TILE_H)
        dots = pattern == "dots"
        segs = hatch(0, 0, TILE_W, TILE_H, pattern)
        c._code.append(f"{colour[0]:.3f} {colour[1]:.3f} {colour[2]:.3f} RG {0.9 if dots else 0.45:.2f} w"
                       + (" 1 J " if dots else " ")
                       + " ".join(f"{x1:.2f} {TILE_H - y1:.2f} m {x2:.2f} {TILE_H - y2:.2f} l" for x1, y1, x2, y2 in segs)
                       + " S")
        c.endForm()
        forms[(pattern, colour)] = name
    return forms


def _draw_page(c: Canvas, page: Page, fonts: dict[str, Any], forms: dict[tuple[Any, ...], str],
               encoded: dict[tuple[str, str], list[tuple[str, str]]]) -> None:
    h = page.height
    doc = c._doc
    escape = c._escape
    code = c._code  # raw operators: the hot path (thousands of rects and lines per page)
    fill: object = None
    stroke: object = None
    lw: float | None = None
    dash: tuple[float, float] | None = None

    def set_fill(col: tuple[float, float, float]) -> None:
        nonlocal fill
        if col != fill:
            code.append(f"{col[0]:.3f} {col[1]:.3f} {col[2]:.3f} rg")
            fill = col

    def set_stroke(col: tuple[float, float, float], width: float, d: tuple[float, float] | None = None) -> None:
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
            # written as raw operators: reportlab's text object formatting was the next hot spot
            _, x, y, size, col, runs, invisible = op
            set_fill(col)
            parts = [f"BT {'3 Tr ' if invisible else ''}1 0 0 1 {x:.2f} {h - y:.2f} Tm"]
            for face, text, _w in runs:
                pieces = encoded.get((face, text))
                if pieces is None:  # subset codes are fixed once assigned, so the encoding can be reused
                    font = fonts[face]
                    pieces = encoded[(face, text)] = [
                        (font.getSubsetInternalName(subset, doc), escape(chunk))
                        for subset, chunk in font.splitString(text, doc)]
                for fname, chunk in pieces:
                    parts.append(f"{fname} {size:.2f} Tf ({chunk}) Tj")
            # the text render mode outlives ET: put it back, or every later text is invisible too
            parts.append("0 Tr ET" if invisible else "ET")
            code.append(" ".join(parts))
        elif kind == "P":
            _, pts, f, s, width = op
            if f is not None:
                set_fill(f)
            if s is not None:
                set_stroke(s, width)
            path = " ".join(f"{px:.2f} {h - py:.2f} {'m' if i == 0 else 'l'}" for i, (px, py) in enumerate(pts))
            paint = "b" if f is not None and s is not None else ("f" if f is not None else "s")
            code.append(f"{path} h {paint}")
        elif kind == "H":
            _, x, y, w, hh, pattern, s = op
            name = forms[(pattern, s)]
            ty = 0.0
            while ty < hh:  # tiles from the bar's top-left corner, across and down
                tx = 0.0
                while tx < w:
                    code.append(f"q 1 0 0 1 {x + tx:.2f} {h - y - ty - TILE_H:.2f} cm")
                    c.doForm(name)
                    code.append("Q")
                    tx += TILE_W
                ty += TILE_H
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
