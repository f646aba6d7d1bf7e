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
#: a schedule row's lane grows by this many pixels for each further line of its tallest bar label
LABEL_LINE_HEIGHT = 15
#: the most label lines a lane grows for (a longer label is elided in the view; exports print it all)
MAX_LABEL_LINES = 6


def lane_height(label_lines: int) -> int:
    """The height of one lane of a row whose tallest bar label has ``label_lines`` lines."""
    return LANE_HEIGHT + LABEL_LINE_HEIGHT * (min(max(label_lines, 1), MAX_LABEL_LINES) - 1)
