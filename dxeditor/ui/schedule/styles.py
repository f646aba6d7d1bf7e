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
    """A one-line legend: a swatch per phase with its name, plus ◆ 節目 and → 継続."""

    SWATCH = QSize(28, 12)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.styles = PhaseStyles()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_styles(self, styles: PhaseStyles) -> None:
        """Show ``styles``."""
        self.styles = styles
        self.updateGeometry()
        self.update()

    def _entries(self) -> list[tuple[PhaseStyle | None, str]]:
        # a default phase name (検討, 実施 …) shows in the UI language; a name the user gave stays as typed
        out: list[tuple[PhaseStyle | None, str]] = [(self.styles.get(p.key), self.tr(p.name)) for p in self.styles.phases]
        out.append((None, self.tr("◆ 節目")))
        out.append((None, self.tr("→ 継続")))
        return out

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        w = sum(self.SWATCH.width() + 16 + fm.horizontalAdvance(t) for _, t in self._entries())
        return QSize(w + 8, max(fm.height(), self.SWATCH.height()) + 8)

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        fm = self.fontMetrics()
        x = 6.0
        h = self.height()
        for style, text in self._entries():
            if style is not None:
                r = QRectF(x, (h - self.SWATCH.height()) / 2, self.SWATCH.width(), self.SWATCH.height())
                style.paint_box(p, r)
                x += self.SWATCH.width() + 4
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x, 0, fm.horizontalAdvance(text) + 2, h), Qt.AlignmentFlag.AlignVCenter, text)
            x += fm.horizontalAdvance(text) + 12
        p.end()
