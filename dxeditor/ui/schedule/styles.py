"""Phase styles: colour AND fill pattern AND border line, so phases stay distinct in black and white.

The ``phases`` table names a pattern (solid, diagonal, cross, dots, horizontal, vertical,
outline); this module maps it to Qt brushes and pens. The same mapping draws the bars and
the legend (:class:`LegendWidget`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dxeditor.plan.readmodel import PhaseView

#: pattern name → (overlay brush style, border pen style)
PATTERNS: dict[str, tuple[Qt.BrushStyle, Qt.PenStyle]] = {
    "solid": (Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine),
    "diagonal": (Qt.BrushStyle.BDiagPattern, Qt.PenStyle.DashLine),
    "cross": (Qt.BrushStyle.DiagCrossPattern, Qt.PenStyle.SolidLine),
    "dots": (Qt.BrushStyle.Dense6Pattern, Qt.PenStyle.DotLine),
    "horizontal": (Qt.BrushStyle.HorPattern, Qt.PenStyle.DashDotLine),
    "vertical": (Qt.BrushStyle.VerPattern, Qt.PenStyle.DashDotDotLine),
    "outline": (Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine),
}
FALLBACK_COLOR = "#9e9e9e"


@dataclass(frozen=True)
class PhaseStyle:
    """How one phase is drawn: base fill, overlay pattern, border pen."""

    key: str
    name: str
    fill: QBrush
    pattern: QBrush
    pen: QPen
    text: QColor

    def paint_box(self, p: QPainter, rect: QRectF) -> None:
        """Fill and outline ``rect`` in this style."""
        p.fillRect(rect, self.fill)
        if self.pattern.style() != Qt.BrushStyle.NoBrush:
            p.fillRect(rect, self.pattern)
        p.setPen(self.pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))


def make_style(key: str, name: str, color: str, pattern: str) -> PhaseStyle:
    """The style of a phase with ``color`` (#rrggbb) and ``pattern`` name."""
    base = QColor(color if QColor.isValidColorName(color) else FALLBACK_COLOR)
    brush_style, pen_style = PATTERNS.get(pattern, PATTERNS["solid"])
    if pattern == "outline":
        fill = QBrush(QColor("white"))
    else:
        fill = QBrush(base.lighter(115) if pattern != "solid" else base)
    dark = base.darker(190)
    overlay = QBrush(dark, brush_style)
    pen = QPen(dark, 2.0 if pattern in ("outline", "cross") else 1.2, pen_style)
    return PhaseStyle(key, name, fill, overlay, pen, QColor("#111111"))


class PhaseStyles:
    """The styles of a plan's phases; unknown keys get a neutral grey style."""

    def __init__(self, phases: list[PhaseView] | None = None) -> None:
        self.phases = list(phases or [])
        self._styles = {p.key: make_style(p.key, p.name, p.color, p.pattern) for p in self.phases}
        self._unknown = make_style("", "", FALLBACK_COLOR, "solid")

    def get(self, key: str) -> PhaseStyle:
        """The style of phase ``key``."""
        return self._styles.get(key, self._unknown)

    def name(self, key: str) -> str:
        """The display name of phase ``key`` ("" when unknown)."""
        s = self._styles.get(key)
        return s.name if s else ""


class LegendWidget(QWidget):
    """The legend: a swatch per phase with its name, plus ◆ 節目 and → 継続.

    One line when the schedule is wide enough; otherwise the entries wrap onto more lines
    (an entry is never cut: at 1366×768 the last ones fell off the right edge).
    """

    SWATCH = QSize(28, 12)
    GAP = 12  # between entries
    MARGIN = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.styles = PhaseStyles()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height_for(0))

    def set_styles(self, styles: PhaseStyles) -> None:
        """Show ``styles``."""
        self.styles = styles
        self._fit()
        self.updateGeometry()
        self.update()

    def _entries(self) -> list[tuple[PhaseStyle | None, str]]:
        # a default phase name (検討, 実施 …) shows in the UI language; a name the user gave stays as typed
        out: list[tuple[PhaseStyle | None, str]] = [(self.styles.get(p.key), self.tr(p.name)) for p in self.styles.phases]
        out.append((None, self.tr("◆ 節目")))
        out.append((None, self.tr("→ 継続")))
        return out

    def _line_height(self) -> int:
        return max(self.fontMetrics().height(), self.SWATCH.height()) + 8

    def entry_rects(self, width: int | None = None) -> list[tuple[PhaseStyle | None, str, QRectF]]:
        """Where each entry goes (swatch and text) at ``width`` (default: the widget's), wrapping as needed."""
        width = self.width() if width is None else width
        fm = self.fontMetrics()
        line_h = self._line_height()
        x, y = float(self.MARGIN), 0.0
        out = []
        for style, text in self._entries():
            w = (self.SWATCH.width() + 4 if style is not None else 0) + fm.horizontalAdvance(text) + 2
            if x > self.MARGIN and x + w > width - self.MARGIN:  # does not fit: next line
                x, y = float(self.MARGIN), y + line_h
            out.append((style, text, QRectF(x, y, w, line_h)))
            x += w + self.GAP - 2
        return out

    def _height_for(self, width: int) -> int:
        rects = self.entry_rects(width) if width > 0 else []
        return int(max((r.bottom() for _s, _t, r in rects), default=self._line_height()))

    def _fit(self) -> None:
        if self.width() > 0:
            h = self._height_for(self.width())
            if h != self.height():
                self.setFixedHeight(h)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def sizeHint(self) -> QSize:
        rects = self.entry_rects(1 << 20)  # on one line
        w = int(max((r.right() for _s, _t, r in rects), default=0)) + self.MARGIN
        return QSize(w, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        for style, text, r in self.entry_rects():
            x = r.left()
            if style is not None:
                box = QRectF(x, r.top() + (r.height() - self.SWATCH.height()) / 2, self.SWATCH.width(),
                             self.SWATCH.height())
                style.paint_box(p, box)
                x += self.SWATCH.width() + 4
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x, r.top(), r.right() - x, r.height()), Qt.AlignmentFlag.AlignVCenter, text)
        p.end()
