"""Laid-out pages as display lists, shared by the PDF writer and the Qt printer.

Layout (schedule tables, initiative sheets, the booklet) happens once, in points with the
origin at the top-left corner of the page and y growing downwards, and produces
:class:`Page` objects holding plain drawing operations. :mod:`pdf_render` replays them on a
reportlab canvas; ``dxeditor.ui.dialogs.pdf_dialogs`` replays them on a ``QPainter`` for print and
print preview, so paper and PDF come from the same layout.

Operations (tuples, first item the kind):

- ``("R", x, y, w, h, fill, stroke, lw)`` rectangle; ``fill``/``stroke`` an RGB tuple or None
- ``("L", x1, y1, x2, y2, rgb, lw, dash)`` line; ``dash`` None or (on, off)
- ``("P", points, fill, stroke, lw)`` closed polygon
- ``("T", x, y, size, rgb, runs, invisible)`` text on baseline ``y``; runs of (face, text, width)
- ``("C", x, y, w, h)`` / ``("U",)`` push / pop a rectangular clip
- ``("H", x, y, w, h, pattern, rgb)`` phase pattern lines over a rectangle (see :func:`hatch`)
- ``("B", key, title, level, y)`` outline entry (bookmark) pointing here
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dxeditor.publish.pdf.fonts import FontKit

RGB = tuple[float, float, float]
MM = 72 / 25.4
PAPER = {"A4": (210 * MM, 297 * MM), "A3": (297 * MM, 420 * MM)}
BLACK: RGB = (0.0, 0.0, 0.0)
WHITE: RGB = (1.0, 1.0, 1.0)
GREY: RGB = (0.45, 0.45, 0.45)
LIGHT: RGB = (0.92, 0.92, 0.92)
BAND: RGB = (0.85, 0.85, 0.85)


def rgb(hex_colour: str, default: RGB = (0.62, 0.62, 0.62)) -> RGB:
    """``#rrggbb`` → RGB floats (``default`` for anything else)."""
    m = re.fullmatch(r"#?([0-9a-fA-F]{6})", (hex_colour or "").strip())
    if not m:
        return default
    v = int(m.group(1), 16)
    return ((v >> 16) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0)


def paper_size(name: str, landscape: bool) -> tuple[float, float]:
    """Page (width, height) in points."""
    w, h = PAPER[name]
    return (h, w) if landscape else (w, h)


@dataclass
class Page:
    """One laid-out page."""

    width: float
    height: float
    ops: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


class Pen:
    """Draws onto one page with the shared :class:`FontKit` (measuring and font fallback)."""

    def __init__(self, kit: FontKit, page: Page) -> None:
        self.kit = kit
        self.page = page
        self.ops = page.ops

    def rect(self, x: float, y: float, w: float, h: float, fill: RGB | None = None,
             stroke: RGB | None = BLACK, lw: float = 0.5) -> None:
        self.ops.append(("R", x, y, w, h, fill, stroke, lw))

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: RGB = BLACK, lw: float = 0.5,
             dash: tuple[float, float] | None = None) -> None:
        self.ops.append(("L", x1, y1, x2, y2, colour, lw, dash))

    def poly(self, points: list[tuple[float, float]], fill: RGB | None, stroke: RGB | None = BLACK,
             lw: float = 0.5) -> None:
        self.ops.append(("P", points, fill, stroke, lw))

    def clip(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(("C", x, y, w, h))

    def unclip(self) -> None:
        self.ops.append(("U",))

    def bookmark(self, key: str, title: str, level: int, y: float = 0.0) -> None:
        self.ops.append(("B", key, title, level, y))

    def text(self, x: float, y: float, text: str, face: str = "G", size: float = 9.0,
             colour: RGB = BLACK, align: str = "left", invisible: bool = False) -> float:
        """Draw one line of text on baseline ``y``; returns its width."""
        if not text:
            return 0.0
        runs = self.kit.runs(text, face, size)
        w = sum(r[2] for r in runs)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        self.ops.append(("T", x, y, size, colour, runs, invisible))
        return w

    def width(self, text: str, face: str = "G", size: float = 9.0) -> float:
        return self.kit.width(text, face, size)


# --- line breaking ---------------------------------------------------------------------------

#: Characters that must not begin a line (行頭禁則) and must not end one (行末禁則).
NO_START = set("、。，．,.)）]］｝〕〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～？！?!‼⁇⁈⁉・:;：；/…‥")
NO_END = set("(（[［｛〔〈《「『【〘〖〝‘“｟«")
_WORD = re.compile(r"[A-Za-z0-9@#$%&'*+\-./:=?_~]+|\s+|.", re.S)


def _tokens(text: str) -> list[str]:
    """Break opportunities: Latin words stay whole, every other character stands alone."""
    return _WORD.findall(text)


def wrap(kit: FontKit, text: str, face: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (Japanese rules; ``\\n`` forces a break)."""
    out: list[str] = []
    for para in text.split("\n"):
        out.extend(_wrap_para(kit, para, face, size, width))
    return out


def _wrap_para(kit: FontKit, para: str, face: str, size: float, width: float) -> list[str]:
    if not para:
        return [""]
    if kit.width(para, face, size) <= width:
        return [para]
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0.0
    for tok in _tokens(para):
        tw = kit.width(tok, face, size)
        if cur and cur_w + tw > width and not tok.isspace():
            if tok[0] in NO_START and len(cur) > 1:
                # pull the previous characters down with it (追い出し), past ー、」 runs too,
                # and an opening bracket left at the end of the line: （DX） never breaks as （ / DX）
                carry = [cur.pop()]
                while len(cur) > 1 and (carry[0][:1] in NO_START or cur[-1][-1:] in NO_END):
                    carry.insert(0, cur.pop())
                lines.append("".join(cur).rstrip())
                cur = carry
                cur_w = sum(kit.width(c, face, size) for c in carry)
            elif cur[-1] and cur[-1][-1] in NO_END and len(cur) > 1:
                prev = cur.pop()
                lines.append("".join(cur).rstrip())
                cur, cur_w = [prev], kit.width(prev, face, size)
            else:
                lines.append("".join(cur).rstrip())
                cur, cur_w = [], 0.0
        if not cur and tok.isspace() and lines:  # spaces after a break go; a paragraph's indent stays
            continue
        if tw > width and len(tok) > 1:  # a Latin word longer than the line: cut it
            for ch in tok:
                cw = kit.width(ch, face, size)
                if cur and cur_w + cw > width:
                    lines.append("".join(cur))
                    cur, cur_w = [], 0.0
                cur.append(ch)
                cur_w += cw
            continue
        cur.append(tok)
        cur_w += tw
    if cur:
        lines.append("".join(cur).rstrip())
    return lines


def elide(kit: FontKit, text: str, face: str, size: float, width: float) -> str:
    """``text`` shortened with … to fit ``width`` (unchanged when it fits)."""
    if kit.width(text, face, size) <= width:
        return text
    ell = kit.width("…", face, size)
    acc = 0.0
    for i, ch in enumerate(text):
        acc += kit.width(ch, face, size)
        if acc + ell > width:
            return text[:i] + "…"
    return text


HATCH_STEP = 3.6


def hatch(x: float, y: float, w: float, h: float, pattern: str,
          step: float = HATCH_STEP) -> list[tuple[float, float, float, float]]:
    """Line segments drawing ``pattern`` over a rectangle (the caller clips to it).

    Patterns stay distinct in black and white: ``diagonal`` ／, ``cross`` ╳, ``horizontal``,
    ``vertical``; ``dots`` gives very short segments drawn with round caps.
    """
    segs: list[tuple[float, float, float, float]] = []
    if pattern in ("diagonal", "cross"):
        k = -h
        while k < w:
            segs.append((x + k, y + h, x + k + h, y))
            k += step * 1.3
    if pattern == "cross":
        k = 0.0
        while k < w + h:
            segs.append((x + k - h, y, x + k, y + h))
            k += step * 1.3
    if pattern == "horizontal":
        yy = y + step / 2
        while yy < y + h:
            segs.append((x, yy, x + w, yy))
            yy += step * 0.8
    if pattern == "vertical":
        xx = x + step / 2
        while xx < x + w:
            segs.append((xx, y, xx, y + h))
            xx += step
    if pattern == "dots":
        row = 0
        yy = y + step / 2
        while yy < y + h:
            xx = x + step / 2 + (step / 2 if row % 2 else 0)
            while xx < x + w:
                segs.append((xx - 0.45, yy, xx + 0.45, yy))
                xx += step
            yy += step * 0.75
            row += 1
    return segs
