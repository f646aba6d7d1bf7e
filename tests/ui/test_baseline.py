"""表示 ▸ 比較する版: a version's bars drawn as grey ghost bars where they were."""

from __future__ import annotations

from PySide6.QtGui import QColor

from dxeditor.app.versions import make_version
from dxeditor.core.fiscal import month_to_index
from dxeditor.ui.baseline import baseline_bars
from dxeditor.ui.schedule.painter import bar_rect


def test_baseline_bars_of_a_plan(demo_data) -> None:
    spans = baseline_bars(demo_data)
    assert spans
    assert all(s <= e and lane >= 0 for rows in spans.values() for s, e, lane in rows)


def _pixel(window, row_id: int, month: int) -> QColor:
    canvas = window.schedule_view.canvas
    line = canvas.lines.find("row", row_id)
    assert line is not None
    r = bar_rect(canvas.geometry_(), line, month, month, 0)
    image = canvas.viewport().grab().toImage()
    return image.pixelColor(int(r.center().x()), int(r.top() + 2))


def test_a_moved_bar_leaves_a_ghost_where_the_version_had_it(qtbot, window) -> None:
    c = window.controller
    make_version(c.editor, "Ver.1.0")  # not through the stack: the version is there before the edit
    c.execute("工程の移動", lambda rec: rec.update("bars", 1, start=month_to_index("2025-04"),
                                                 end=month_to_index("2027-03")))
    old = month_to_index("2024-06")  # inside the bar's old span, now empty
    canvas = window.schedule_view.canvas
    canvas.scroll_to_month(month_to_index("2024-04"), canvas.left)
    qtbot.waitUntil(lambda: canvas.lines is not None and canvas.lines.find("row", 1) is not None)
    without = _pixel(window, 1, old)
    menu = window.baseline.menu
    menu.aboutToShow.emit()
    entries = {a.text(): a for a in menu.actions() if a.text()}
    assert set(entries) >= {"なし", "Ver.1.0"}
    assert entries["なし"].isChecked()
    entries["Ver.1.0"].trigger()
    assert window.baseline.label == "Ver.1.0"
    assert canvas.state.baseline[1] == [(month_to_index("2024-04"), month_to_index("2026-03"), 0)]
    ghost = _pixel(window, 1, old)
    assert without.lightness() > 240  # the plan period's white
    assert ghost.lightness() < without.lightness()  # shaded grey where the version's bar was
    menu.aboutToShow.emit()
    next(a for a in menu.actions() if a.text() == "なし").trigger()
    assert canvas.state.baseline == {}
    assert _pixel(window, 1, old) == without
    window.new_plan("blank")  # another plan: no baseline carried over
    assert window.baseline.version_id is None
