"""A small KPI trend chart drawn with QPainter: actuals as a line with dots, the target path dashed."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dxeditor.plan.progress import KpiPath

ACTUAL = QColor("#1f5fbf")
TARGET = QColor("#555555")


def paint_trend(painter: QPainter, rect: QRectF, kpi: KpiPath, years: list[int]) -> None:
    """Draw the KPI's actuals and target path over ``years`` inside ``rect`` (nothing for a text KPI)."""
    index = {fy: n for n, fy in enumerate(years)}
    points = [(n, kpi.actual(fy)) for n, fy in enumerate(years)]
    path_t = [(index[fy], v) for fy, v in kpi.target_path(years)]
    values = [v for _, v in points if v is not None] + [v for _, v in path_t]
    if not values or len(years) < 2:
        return
    low, high = min(values), max(values)
    if high == low:
        high, low = high + 1, low - 1
    r = rect.adjusted(4, 3, -4, -3)

    def at(n: int, v: float) -> QPointF:
        return QPointF(r.left() + r.width() * n / (len(years) - 1), r.bottom() - r.height() * (v - low) / (high - low))

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if len(path_t) >= 2:
        painter.setPen(QPen(TARGET, 1, Qt.PenStyle.DashLine))
        tp = QPainterPath(at(*path_t[0]))
        for p in path_t[1:]:
            tp.lineTo(at(*p))
        painter.drawPath(tp)
    shown = [(n, v) for n, v in points if v is not None]
    painter.setPen(QPen(ACTUAL, 1.6))
    for (n0, v0), (n1, v1) in itertools.pairwise(shown):
        painter.drawLine(at(n0, v0), at(n1, v1))
    painter.setBrush(ACTUAL)
    for n, v in shown:
        painter.drawEllipse(at(n, v), 2.2, 2.2)
    painter.restore()


class TrendDelegate(QStyledItemDelegate):
    """Paints :func:`paint_trend` in the chart column (the KPI comes from ``UserRole``)."""

    def __init__(self, years: Callable[[], list[int]], parent: object = None) -> None:
        super().__init__(parent)
        self.years = years

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight().color().lighter(170))
        kpi = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(kpi, KpiPath):
            paint_trend(painter, QRectF(option.rect), kpi, self.years())
