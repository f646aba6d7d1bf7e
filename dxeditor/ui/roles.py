"""Item-data roles and sizes shared by the outline and the schedule view (kept aligned)."""

from __future__ import annotations

from PySide6.QtCore import Qt

#: "section", "initiative" or "row"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
#: the database id of the section / initiative / schedule row
ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: number of lanes (stacked lines) a schedule row needs (>= 1); 1 for sections and initiatives
LANES_ROLE = Qt.ItemDataRole.UserRole + 3
#: height in pixels of one lane of a schedule row (an outline line is one lane high)
LANE_HEIGHT = 24
