"""ScheduleView: the schedule table widget (stub; full implementation in progress)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTreeView, QWidget

from dxeditor.ui.undo import DocumentController


class ScheduleView(QWidget):
    """Bars over fiscal years; one line per visible outline item, aligned with ``outline``."""

    def __init__(
        self,
        controller: DocumentController,
        outline: QTreeView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.outline = outline
        self._zoom = "year"

    @property
    def zoom(self) -> str:
        """The zoom level: "year", "half", "quarter" or "month"."""
        return self._zoom

    @zoom.setter
    def zoom(self, value: str) -> None:
        self._zoom = value
        self.update()

    def set_initiative(self, initiative_id: int | None) -> None:
        """Show one initiative's rows standalone (None: follow the outline)."""

    def actions_for_toolbar(self) -> list[QAction]:
        """Actions for a toolbar: zoom levels, today, legend toggle."""
        return []
