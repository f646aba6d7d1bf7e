"""The bundled fonts: where they are, which characters they draw, how wide they are.

No Qt here: PDF export measures and splits text with these tables, and the print path
(ui) loads the same files into Qt so paper and PDF agree. Faces are parsed once per
process (about 50 ms for a BIZ UD file, 170 ms for the fallback) and then shared; they
are read-only.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxeditor.core import paths
from dxeditor.core.errors import DxError

#: Face key → file in ``resources/fonts``. ``F`` is the fallback for characters the others lack.
FONT_FILES: dict[str, str] = {
    "G": "BIZUDGothic-Regular.ttf",
    "GB": "BIZUDGothic-Bold.ttf",
    "M": "BIZUDMincho-Regular.ttf",
    "F": "HanaMinA.ttf",
}
FALLBACK = "F"
#: Characters that are layout, not ink: never reported as missing.
_IGNORED = {"\n", "\r", "\t", "\u200b", "\ufeff", "\u00ad"}


class FontError(DxError):
    """A bundled font file is missing or unreadable (a broken installation)."""


def fonts_dir() -> Path:
    """The folder of bundled fonts."""
    return paths.resources() / "fonts"


def font_path(key: str) -> Path:
    """The file of face ``key`` (see :data:`FONT_FILES`); FontError when it is missing."""
    p = fonts_dir() / FONT_FILES[key]
    if not p.is_file():
        raise FontError(
            f"同梱フォントが見つかりません: {p}（プログラムを再インストールしてください）",
            f"Bundled font missing: {p} (reinstall the program)",
        )
    return p


@dataclass(frozen=True)
class FaceMetrics:
    """One face's character map and advance widths (1/1000 em).

    ``parsed`` is reportlab's parsed face, kept so the PDF writer embeds from it without
    reading and parsing the file a second time.
    """

    key: str
    path: Path
    widths: dict[int, int]
    default_width: int
    ascent: int
    descent: int
    parsed: Any = field(default=None, repr=False, compare=False)

    def covers(self, ch: str) -> bool:
        """Whether the face has a glyph for ``ch``."""
        return ord(ch) in self.widths


@functools.cache
def face(key: str) -> FaceMetrics:
    """Parse face ``key`` once (cached for the process)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFace

    p = font_path(key)
    try:
        f = TTFontFace(str(p), validate=0)
    except (TTFError, OSError) as exc:
        raise FontError(f"同梱フォントを読めません: {p} ({exc})", f"Cannot read bundled font: {p} ({exc})") from exc
    return FaceMetrics(key, p, f.charWidths, int(f.defaultWidth or 1000), int(f.ascent), int(f.descent), f)


def is_ignorable(ch: str) -> bool:
    """Characters that draw nothing by nature (controls, joiners, variation selectors)."""
    if ch in _IGNORED:
        return True
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf"):
        return True
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def missing_chars(text: str, primary: str = "G") -> list[str]:
    """Characters of ``text`` that neither face ``primary`` nor the fallback can draw, in order."""
    main, fb = face(primary), face(FALLBACK)
    seen: dict[str, None] = {}
    for ch in text:
        if ch in seen or is_ignorable(ch):
            continue
        code = ord(ch)
        if code not in main.widths and code not in fb.widths:
            seen[ch] = None
    return list(seen)


def describe_chars(chars: list[str]) -> str:
    """``𠮷 (U+20BB7)、…`` for a warning."""
    return "、".join(f"{c} (U+{ord(c):04X})" for c in chars)
