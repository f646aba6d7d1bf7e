"""Draw the program icon (a sheet with schedule bars) into ``resources/icons/``.

Run ``python packaging/make_icon.py`` after changing the drawing; the generated
``dxeditor.png`` (256 px) and ``dxeditor.ico`` (16-256 px) are kept in the repository so a
build never needs Pillow's drawing code. No text is drawn, so no font is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

NAVY = (22, 58, 112, 255)
PAPER = (255, 255, 255, 255)
GRID = (200, 210, 225, 255)
BARS = [((40, 96, 180, 255), 0.10, 0.55), ((230, 120, 30, 255), 0.30, 0.85), ((30, 150, 90, 255), 0.20, 0.70)]


def draw(size: int = 1024) -> Image.Image:
    """The icon at ``size`` pixels: a navy tile, a white sheet, three coloured 工程表 bars."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=NAVY)
    left, top, right, bottom = 44 * s, 40 * s, 212 * s, 216 * s
    d.rounded_rectangle((left, top, right, bottom), radius=12 * s, fill=PAPER)
    # Header band and year columns of a schedule table.
    d.rectangle((left, top + 10 * s, right, top + 34 * s), fill=GRID)
    for k in range(1, 4):
        x = left + (right - left) * k / 4
        d.line((x, top + 34 * s, x, bottom - 12 * s), fill=GRID, width=max(1, round(3 * s)))
    row_h = 42 * s
    for i, (colour, start, end) in enumerate(BARS):
        y = top + 50 * s + i * row_h
        x0 = left + 12 * s + (right - left - 24 * s) * start
        x1 = left + 12 * s + (right - left - 24 * s) * end
        d.rounded_rectangle((x0, y, x1, y + 24 * s), radius=6 * s, fill=colour)
    return img


def main() -> int:
    """Write ``dxeditor.png`` and ``dxeditor.ico``."""
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    big = draw(1024)
    png = big.resize((256, 256), Image.Resampling.LANCZOS)
    png.save(ICON_DIR / "dxeditor.png", optimize=True)
    png.save(ICON_DIR / "dxeditor.ico", sizes=ICO_SIZES)
    sys.stdout.write(f"wrote {ICON_DIR / 'dxeditor.png'} and {ICON_DIR / 'dxeditor.ico'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
