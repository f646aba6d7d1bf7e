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
        """The header cells intersecting the visible width, labelled as :meth:`painted_cells` writes them."""
        return [cell for cell, _rect, _text in self.painted_cells()]

    def texts(self) -> list[str]:
        """The texts as painted (elided where a cell is partly scrolled out), tier 0 first.

        For tests and accessibility: what the user reads, not what the cell would hold.
        """
        shown = sorted(self.painted_cells(), key=lambda t: (t[0].tier, t[0].start))
        return [text for _cell, _rect, text in shown]

    def painted_cells(self) -> list[tuple[HeaderCell, QRectF, str]]:
        """Each visible cell with its visible rectangle and the text painted there.

        The leftmost year whose label can be read whole names its era (令和7年度, not 7年度,
        in the short style), like the first column of a printed table: when the first year
        is scrolled so far out that its label is cut, the next year is written in full.
        """
        g = self._geometry()
        a = g.axis
        w, h = self.width(), self.height()
        first = a.month_at(g.content_x(g.left))
        last = a.month_at(g.content_x(w))
        style = self.data.year_style
        cells = a.header_cells(style, first, last)
        years = [c for c in cells if c.tier == 0]
        fm = self.fontMetrics()
        tier_h = h / 2 if a.zoom is not Zoom.YEAR else h
        area = QRectF(g.left, 0, w - g.left, h)

        def shown(cell: HeaderCell) -> tuple[HeaderCell, QRectF, str]:
            cx0, cx1 = g.x(cell.start), g.x(cell.end + 1)
            rect = QRectF(cx0, 0 if cell.tier == 0 else tier_h, cx1 - cx0, tier_h)
            # keep a year's label readable when its cell is partly scrolled out
            vis = rect.intersected(area)
            return cell, vis, fm.elidedText(cell.text, Qt.TextElideMode.ElideRight, int(vis.width()) - 4)

        out = [shown(c) for c in cells]
        if len(years) > 1 and out[cells.index(years[0])][2] != years[0].text:
            full = {c.start: c for c in a.header_cells(style, years[1].start, last) if c.tier == 0}
            out = [shown(full[c.start]) if c.tier == 0 and c.start in full else t for c, t in zip(cells, out, strict=True)]
        return out

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
        for cell, vis, text in self.painted_cells():
            cx0 = g.x(cell.start)
            top = 0 if cell.tier == 0 else tier_h
            p.setPen(QPen(GRID_YEAR if cell.tier == 0 else QColor("#c8c8c8"), 1))
            p.drawLine(QPointF(round(cx0) + 0.5, top), QPointF(round(cx0) + 0.5, h))
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
