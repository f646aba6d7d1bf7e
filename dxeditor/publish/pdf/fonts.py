"""Fonts for the PDF writer: registration with reportlab, measuring and splitting text.

Layout code measures text with :class:`FontKit` and stores it as *runs*: pieces of a line,
each drawn by one face (the requested one, or the fallback for characters it lacks).
Every character neither face has is remembered so the export can warn about it.
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from dxeditor.publish import bundled_fonts as fonts
from dxeditor.publish.bundled_fonts import FALLBACK

#: reportlab font names of the face keys (prefix keeps them apart from reportlab's own).
PDF_NAMES = {key: f"DX-{key}" for key in fonts.FONT_FILES}

Run = tuple[str, str, float]  # (face key, text, width in points)


def _to_unicode_cmap(name: str, subset: list[int]) -> str:
    """A ToUnicode CMap that also maps characters beyond U+FFFF (UTF-16 surrogate pairs).

    reportlab writes ``<%04X>``, which truncates 𠮷 (U+20BB7) to U+20BB and breaks search
    and copy for every supplementary-plane character.
    """
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({name})", f"/Ordering ({name})", "/Supplement 0", ">> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
    ]
    # bfchar blocks hold at most 100 entries each (PDF reference, CMap limits)
    for i in range(0, len(subset), 100):
        chunk = subset[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{i + j:02X}> <{utf16(v)}>" for j, v in enumerate(chunk)]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class DxTTFont(TTFont):
    """reportlab's TrueType font with a ToUnicode CMap that is right for every plane.

    Built from the face :func:`fonts.face` already parsed (a BIZ UD file takes ~50 ms to parse).
    """

    def __init__(self, name: str, parsed_face: Any) -> None:
        from weakref import WeakKeyDictionary

        from reportlab.pdfbase.ttfonts import TTEncoding

        self.fontName = name
        self.face = parsed_face
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = 0
        self.shapable = False

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        """Write each 256-glyph subset as an embedded TrueType font (see TTFont.addObjects)."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap = pdfdoc.PDFStream()
            cmap.content = _to_unicode_cmap(base, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
            font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
            doc.Reference(font, internal)
            doc.idToObject["BasicFonts"].dict[internal] = font
        del self.state[doc]


@functools.cache
def register(key: str) -> str:
    """Register face ``key`` with reportlab once; returns its reportlab name."""
    name = PDF_NAMES[key]
    pdfmetrics.registerFont(DxTTFont(name, fonts.face(key).parsed))
    return name


class FontKit:
    """Measures and splits text for one export; remembers characters no font can draw."""

    def __init__(self) -> None:
        self.missing: dict[str, None] = {}
        self._fb_widths: dict[int, int] | None = None  # parsed only when a character needs it
        self._widths: dict[str, dict[int, int]] = {}
        self._which: dict[tuple[str, str], str] = {}
        self._units: dict[tuple[str, str], int] = {}
        self._split: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
        self.used: set[str] = set()
        self.notes: list[str] = []  # what the export must tell the user (a bar label that could not fit …)

    def _fallback_widths(self) -> dict[int, int]:
        if self._fb_widths is None:
            self._fb_widths = fonts.face(FALLBACK).widths
        return self._fb_widths

    def _face_widths(self, key: str) -> dict[int, int]:
        w = self._widths.get(key)
        if w is None:
            w = self._widths[key] = fonts.face(key).widths
        return w

    def face_for(self, ch: str, key: str) -> str:
        """The face that draws ``ch`` when ``key`` is asked for."""
        k = (ch, key)
        got = self._which.get(k)
        if got is None:
            code = ord(ch)
            if code in self._face_widths(key):
                got = key
            elif code in self._fallback_widths():
                got = FALLBACK
            else:
                got = key
                if not fonts.is_ignorable(ch):
                    self.missing[ch] = None
            self._which[k] = got
        return got

    def width(self, text: str, key: str, size: float) -> float:
        """Advance width of ``text`` in face ``key`` (with fallback) at ``size`` points."""
        k = (text, key)
        units = self._units.get(k)
        if units is None:
            units = self._units[k] = self._measure(text, key)
        return units * size / 1000.0

    def _measure(self, text: str, key: str) -> int:
        # widths are memoised per (text, face): labels, departments and year headers repeat a lot
        total = 0
        wk = self._face_widths(key)
        for ch in text:
            c = ord(ch)
            w = wk.get(c)
            if w is None:
                w = self._fallback_widths().get(c)
                if w is None:
                    self.face_for(ch, key)
                    w = 1000
            total += w
        return total

    def runs(self, text: str, key: str, size: float) -> list[Run]:
        """Split ``text`` into runs by the face that draws each character."""
        k = (text, key)
        split = self._split.get(k)
        if split is None:
            split = self._split[k] = self._split_runs(text, key)
        return [(face, piece, units * size / 1000.0) for face, piece, units in split]

    def _split_runs(self, text: str, key: str) -> list[tuple[str, str, int]]:
        wk = self._face_widths(key)
        if all(ord(ch) in wk for ch in text):
            self.used.add(key)
            return [(key, text, self._measure(text, key))]
        out: list[tuple[str, str, int]] = []
        cur_key, start = None, 0
        for i, ch in enumerate(text):
            face = self.face_for(ch, key)
            if face != cur_key:
                if cur_key is not None and i > start:
                    piece = text[start:i]
                    out.append((cur_key, piece, self._measure(piece, cur_key)))
                cur_key, start = face, i
        if cur_key is not None and start < len(text):
            piece = text[start:]
            out.append((cur_key, piece, self._measure(piece, cur_key)))
        self.used.update(face for face, _, _ in out)
        return out

    def missing_chars(self) -> list[str]:
        """Characters met so far that no bundled font has, in order of appearance."""
        return list(self.missing)
