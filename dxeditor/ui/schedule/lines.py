"""The lines the schedule shows, from the outline tree or laid out by the view itself.

Either way the view asks only for the lines that intersect the visible band of pixels:
from the tree by walking ``indexAt(top)`` … ``indexBelow`` until the bottom, on its own by
bisecting the cumulative line offsets. Nothing iterates every row while painting.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTreeView, QWidget

from dxeditor.ui.roles import ID_ROLE, KIND_ROLE, LANES_ROLE, lane_height
from dxeditor.ui.schedule.data import ScheduleData


@dataclass(frozen=True)
class Line:
    """One visible line: its kind ("section" / "initiative" / "row"), id, y and height in viewport pixels."""

    kind: str
    id: int
    y: int
    height: int
    lanes: int
    title: str
    depth: int = 0


class OutlineLines:
    """Lines read from an outline ``QTreeView`` (its visible items, at its pixel rows)."""

    def __init__(self, tree: QTreeView) -> None:
        self.tree = tree

    def visible(self, top: int, bottom: int) -> list[Line]:
        """The lines intersecting viewport pixels ``top..bottom`` (tree viewport coordinates)."""
        tree = self.tree
        model = tree.model()
        if model is None:
            return []
        idx = tree.indexAt(QPoint(1, max(0, top)))
        if not idx.isValid():
            if top > 0:
                return []
            idx = model.index(0, 0, QModelIndex())
        out: list[Line] = []
        guard = 0
        while idx.isValid() and guard < 5000:
            guard += 1
            idx = idx.siblingAtColumn(0)
            rect = tree.visualRect(idx)
            if rect.top() > bottom:
                break
            if rect.height() > 0 and rect.bottom() >= top:
                kind = idx.data(KIND_ROLE) or "row"
                item_id = idx.data(ID_ROLE)
                lanes = idx.data(LANES_ROLE) or 1
                title = idx.data(Qt.ItemDataRole.DisplayRole) or ""
                depth = 0
                p = idx.parent()
                while p.isValid():
                    depth += 1
                    p = p.parent()
                if item_id is not None:
                    out.append(Line(str(kind), int(item_id), rect.top(), rect.height(), int(lanes), str(title), depth))
            idx = tree.indexBelow(idx)
        return out

    def find(self, kind: str, item_id: int) -> Line | None:
        """The visible line showing ``(kind, item_id)``, if any."""
        vp = self.tree.viewport()
        for line in self.visible(0, vp.height()):
            if line.kind == kind and line.id == item_id:
                return line
        return None


class PaintFollower(QObject):
    """Repaints the schedule canvas wherever the outline repaints its lines.

    The outline repaints a band whenever its lines there change (filter, collapse, lanes,
    edits, scrolling, fonts); the schedule repaints the same band, so the two never show
    different lines. A full repaint of the outline repaints the whole canvas (whose
    viewport may reach a little lower, where the outline has its horizontal scroll bar).

    With the ``canvas`` given, the window's paint passes are watched too: before a pass the
    canvas compares the lines it would show with those it painted last and, if they differ,
    is painted in that same pass; a repaint of the outline then asks for nothing more. (Asked
    only while the outline paints, the canvas — already painted in that pass — would be
    painted again in a second pass.)
    """

    def __init__(self, tree_viewport: QWidget, canvas_viewport: QWidget, canvas: Any = None) -> None:
        super().__init__(canvas_viewport)
        self.source = tree_viewport
        self.target = canvas_viewport
        self.canvas = canvas
        self._window: QWidget | None = None
        tree_viewport.installEventFilter(self)
        self._watch_window()

    def _watch_window(self) -> None:
        if self.canvas is None:
            return
        window = self.source.window()
        if window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            window.installEventFilter(self)
            self._window = window

    def detach(self) -> None:
        """Stop following (the outline is replaced or the view lays out its own lines)."""
        for obj in (self.source, self._window):
            try:
                if obj is not None:
                    obj.removeEventFilter(self)
            except RuntimeError:  # the outline is already gone
                pass
        self._window = None

    def _lines_changed(self) -> bool:
        return bool(self.canvas.visible_lines() != self.canvas.painted_lines)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.UpdateRequest and obj is self._window:
            canvas = self.canvas
            if not canvas.repaint_due and self.target.isVisible() and self._lines_changed():
                canvas.repaint_due = True
                self.target.update()
        elif kind == QEvent.Type.Paint and obj is self.source and isinstance(event, QPaintEvent):
            if self.canvas is not None:
                self._watch_window()
                if self.canvas.repaint_due or not self._lines_changed():
                    return False  # painted in this pass already, or its lines are those painted
            band = event.rect()
            if band.top() <= 0 and band.bottom() >= self.source.height() - 1:
                self.target.update()
            else:
                self.target.update(QRect(0, band.top(), self.target.width(), band.height()))
        return False


class OwnLines:
    """Lines laid out by the view itself (one initiative, or a plan without an outline)."""

    def __init__(self, entries: list[tuple[str, int, str, int]], data: ScheduleData) -> None:
        """``entries``: (kind, id, title, depth) in order; rows take their lanes from ``data``."""
        self.entries = entries
        self.data = data
        self.offset = 0  # the vertical scroll position
        self.relayout()

    def relayout(self) -> None:
        """Recompute line heights (after lanes changed)."""
        self.tops: list[int] = []
        self.heights: list[int] = []
        self.lanes: list[int] = []
        y = 0
        row_ids = [item_id for kind, item_id, _t, _d in self.entries if kind == "row"]
        counts = self.data.lanes_of(row_ids)
        label_lines = self.data.label_lines(row_ids)
        for kind, item_id, _title, _depth in self.entries:
            lanes = counts.get(item_id, 1) if kind == "row" else 1
            height = lanes * lane_height(label_lines.get(item_id, 1) if kind == "row" else 1)
            self.tops.append(y)
            self.lanes.append(lanes)
            self.heights.append(height)
            y += height
        self.total_height = y

    def visible(self, top: int, bottom: int) -> list[Line]:
        """The lines intersecting viewport pixels ``top..bottom``."""
        first = max(0, bisect.bisect_right(self.tops, top + self.offset) - 1)
        out: list[Line] = []
        for i in range(first, len(self.entries)):
            y = self.tops[i] - self.offset
            if y > bottom:
                break
            kind, item_id, title, depth = self.entries[i]
            if kind == "row":
                title = self.data.rows.get(item_id, (0, None, 0, title))[3]
            out.append(Line(kind, item_id, y, self.heights[i], self.lanes[i], title, depth))
        return out

    def find(self, kind: str, item_id: int) -> Line | None:
        """The line showing ``(kind, item_id)`` (visible or not)."""
        for i, (k, item, title, depth) in enumerate(self.entries):
            if k == kind and item == item_id:
                return Line(k, item, self.tops[i] - self.offset, self.heights[i], self.lanes[i], title, depth)
        return None
