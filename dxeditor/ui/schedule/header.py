"""The time header: fiscal years in the plan's year style, over halves / quarters / months when zoomed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dxeditor.core.fiscal import fy_end, fy_start
from dxeditor.ui.schedule.data import ScheduleData
from dxeditor.ui.schedule.layout import HeaderCell, Zoom
from dxeditor.ui.schedule.painter import GRID_YEAR, Geometry

PERIOD_HEADER = QColor("#e6edf7")
OUTSIDE_HEADER = QColor("#f2f2f2")


class HeaderWidget(QWidget):
    """Paints the visible header cells; ``geometry()`` gives the axis and scroll offset."""

    def __init__(self, geometry: Callable[[], Geometry], data: ScheduleData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geometry = geometry
        self.data = data
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.natural_height())
        self.title_text = ""

    def natural_height(self) -> int:
        """Two lines of text."""
        return 2 * self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())

    def visible_cells(self) -> list[HeaderCell]:
        """The header cells intersecting the visible width."""
        g = self._geometry()
        a = g.axis
        first = a.month_at(g.content_x(g.left))
        last = a.month_at(g.content_x(self.width()))
        return a.header_cells(self.data.year_style, first, last)

    def texts(self) -> list[str]:
        """The texts of the visible cells, tier 0 first (for tests and accessibility)."""
        return [c.text for c in sorted(self.visible_cells(), key=lambda c: (c.tier, c.start))]

    def paintEvent(self, event: object) -> None:
        g = self._geometry()
        p = QPainter(self)
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), OUTSIDE_HEADER)
        x0 = max(g.left, g.x(fy_start(self.data.period[0])))
        x1 = min(w, g.x(fy_end(self.data.period[1]) + 1))
        if x1 > x0:
            p.fillRect(QRectF(x0, 0, x1 - x0, h), PERIOD_HEADER)
        two = g.axis.zoom is not Zoom.YEAR
        tier_h = h / 2 if two else h
        fm = self.fontMetrics()
        for cell in self.visible_cells():
            cx0, cx1 = g.x(cell.start), g.x(cell.end + 1)
            top = 0 if cell.tier == 0 else tier_h
            rect = QRectF(cx0, top, cx1 - cx0, tier_h)
            p.setPen(QPen(GRID_YEAR if cell.tier == 0 else QColor("#c8c8c8"), 1))
            p.drawLine(QPointF(round(cx0) + 0.5, top), QPointF(round(cx0) + 0.5, h))
            # keep a year's label readable when its cell is partly scrolled out
            vis = rect.intersected(QRectF(g.left, 0, w - g.left, h))
            text = fm.elidedText(cell.text, Qt.TextElideMode.ElideRight, int(vis.width()) - 4)
            p.setPen(QColor("#000000"))
            p.drawText(vis, Qt.AlignmentFlag.AlignCenter, text)
        if two:
            p.setPen(QPen(QColor("#c8c8c8"), 1))
            p.drawLine(QPointF(g.left, tier_h), QPointF(w, tier_h))
        p.setPen(QPen(GRID_YEAR, 1))
        p.drawLine(QPointF(0, h - 0.5), QPointF(w, h - 0.5))
        if g.left:
            p.fillRect(QRectF(0, 0, g.left, h), QColor("#fafafa"))
            p.setPen(QColor("#000000"))
            p.drawText(QRectF(6, 0, g.left - 6, h), Qt.AlignmentFlag.AlignVCenter, self.title_text)
            p.setPen(QPen(GRID_YEAR, 1))
            p.drawLine(QPointF(g.left - 0.5, 0), QPointF(g.left - 0.5, h))
        p.end()
