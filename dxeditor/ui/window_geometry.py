"""Where the main window opens: sized to the screen it is on, never larger than it.

Office PCs run 1366×768 laptops next to 1920×1080 monitors, often at 125–200 % scaling:
a fixed size puts the status bar and the dock tabs off screen. The window opens at 90 %
of the available area (maximised when that area is small), a remembered geometry is used
only when it still fits the screen, and the outline's name column keeps room for a
readable title in characters, so it scales with the font and the device pixel ratio.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics

SHARE = 0.9  # of the available screen area
SMALL = QSize(1600, 900)  # below this (logical pixels) the window opens maximised
NAME_CHARS = 10  # the 名称 column never narrower than this many full-width characters


def fits(rect: QRect, available: QRect) -> bool:
    """Whether a remembered window rectangle lies wholly on the available screen area."""
    return rect.isValid() and available.contains(rect)


def opening_rect(available: QRect) -> tuple[QRect, bool]:
    """The window's rectangle on a screen with ``available`` area, and whether to maximise it."""
    small = available.width() < SMALL.width() or available.height() < SMALL.height()
    size = QSize(int(available.width() * SHARE), int(available.height() * SHARE))
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect, small


def name_column_width(metrics: QFontMetrics, chars: int = NAME_CHARS) -> int:
    """The smallest width of the 名称 column: ``chars`` full-width characters and the margins."""
    return metrics.horizontalAdvance("名" * chars) + 2 * metrics.averageCharWidth()
