"""表示 ▸ 比較する版: a version's bars drawn as grey ghost bars under today's (a baseline).

Rows are matched by identity (a row keeps its id across versions), so a bar that slipped
shows its old span as an empty grey box beside where it is now.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from dxeditor.core.errors import DxError
from dxeditor.core.fiscal import month_to_index
from dxeditor.plan import versions


def baseline_bars(data: dict[str, Any]) -> dict[int, list[tuple[int, int, int]]]:
    """The bars of a plan in its JSON form, per row id: (start, end, lane) as month indexes."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    for initiative in data.get("initiatives", []):
        for row in initiative.get("schedule_rows", []):
            spans = [(month_to_index(b["start"]), month_to_index(b["end"]), int(b.get("lane", 0)))
                     for b in row.get("bars", [])]
            if spans and "id" in row:
                out[int(row["id"])] = spans
    return out


class BaselineMenu(QObject):
    """Fills the 比較する版 menu with the plan's versions and hands the chosen one's bars to the schedule."""

    def __init__(self, menu: QMenu, controller: Any, schedule_view: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = menu
        self.controller = controller
        self.schedule_view = schedule_view
        self.version_id: int | None = None
        self.label = ""
        menu.setObjectName("baselineMenu")
        menu.aboutToShow.connect(self.fill)
        controller.reset.connect(lambda: self.choose(None))
        self.fill()

    def fill(self) -> None:
        """One checkable entry per version, and なし."""
        self.menu.clear()
        group = QActionGroup(self.menu)
        none = QAction(self.tr("なし"), self.menu)
        entries: list[tuple[QAction, int | None]] = [(none, None)]
        try:
            found = versions.list_versions(self.controller.doc.session.connection())
        except DxError:
            found = []
        for v in found:
            text = f"{v.label}　{v.date_text}" if v.date_text else v.label
            entries.append((QAction(text.replace("&", "&&"), self.menu), v.id))
        for act, vid in entries:
            act.setCheckable(True)
            act.setChecked(vid == self.version_id)
            act.triggered.connect(lambda _c=False, vid=vid: self.choose(vid))
            group.addAction(act)
            self.menu.addAction(act)
            if vid is None and found:
                self.menu.addSeparator()
        if not found:
            hint = self.menu.addAction(self.tr("（版がありません: ファイル ▸ 版 で作成します）"))
            hint.setEnabled(False)

    def choose(self, version_id: int | None) -> None:
        """Show version ``version_id``'s bars as ghost bars (None: none)."""
        spans: dict[int, list[tuple[int, int, int]]] = {}
        label = ""
        if version_id is not None:
            conn = self.controller.doc.session.connection()
            try:
                spans = baseline_bars(versions.version_data(conn, version_id))
                label = next((v.label for v in versions.list_versions(conn) if v.id == version_id), "")
            except DxError:
                version_id = None
        self.version_id, self.label = version_id, label
        canvas = getattr(self.schedule_view, "canvas", None)
        if canvas is not None:
            canvas.state.baseline = spans
            canvas.viewport().update()
