"""The outline ends where the schedule's lines end, so the plan's last line can be reached in both.

The schedule canvas follows the outline's vertical scrolling exactly, but its viewport is
shorter: the legend, its horizontal scroll bar and the 工程表 | 進捗管理 tabs sit below it.
Scrolled to the end, the last lines showed in the outline and lay hidden under the legend in
the schedule, where no bar could be drawn on them. A blank strip under the outline as tall
as that difference gives both the same visible height, hence the same scroll range.
(A viewport margin cannot do it: QTreeView resets its margins to make room for its header.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QVBoxLayout, QWidget


class BottomAligner(QObject):
    """Holds ``outline`` above a strip sized so its viewport ends level with ``lines`` (the canvas viewport).

    :attr:`host` is the widget to put where the outline was.
    """

    def __init__(self, outline: QAbstractScrollArea, lines: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline, self.lines = outline, lines
        self.host = QWidget(parent)
        self.host.setObjectName("outlineHost")
        self.strip = QWidget(self.host)
        self.strip.setFixedHeight(0)
        lay = QVBoxLayout(self.host)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(outline, 1)
        lay.addWidget(self.strip)
        self._timer = QTimer(self)  # one pass after the layouts have settled, however many resizes
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.align)
        for w in (outline, outline.viewport(), lines):
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Move):
            self._timer.start()
        return False

    def align(self) -> None:
        """Size the strip to the height the schedule lacks (left as it is while the schedule is hidden)."""
        tree, lines = self.outline, self.lines
        if not lines.isVisible() or not tree.isVisible():
            return
        top = tree.window()
        view = tree.viewport()
        tree_bottom = view.mapTo(top, QPoint(0, view.height())).y()
        lines_bottom = lines.mapTo(top, QPoint(0, lines.height())).y()
        extra = max(0, self.strip.height() + tree_bottom - lines_bottom)
        if extra != self.strip.height():
            self.strip.setFixedHeight(extra)
