"""The time header as painted when the schedule is scrolled: the first readable year names its era."""

from __future__ import annotations

import pytest

from dxeditor.ui.schedule.layout import Zoom
from tests.ui.test_schedule_support import basic_rows, make_doc, make_view, plan

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FY24 = 2024 * 12


@pytest.fixture
def doc():
    d = make_doc(plan(basic_rows(), style="short"))
    yield d
    d.close(keep_working_copy=False)


def readable_years(view) -> list[str]:
    """The year labels painted in full (not cut by the left edge), left to right."""
    return [text for cell, _rect, text in view.header.painted_cells()
            if cell.tier == 0 and text and "…" not in text]


@pytest.mark.parametrize("zoom", [Zoom.YEAR, Zoom.HALF, Zoom.MONTH])
@pytest.mark.parametrize("into", [0.0, 0.3, 0.6, 0.9, 0.97])
def test_first_readable_year_names_its_era_when_scrolled(qtbot, doc, zoom, into):
    view, _, _ = make_view(qtbot, doc, size=(600, 300))
    view.zoom = zoom
    c = view.canvas
    c.scroll_to_month(FY24 + 12 * into, c.left)  # 令和6年度 scrolled partly out at the left
    assert c.horizontalScrollBar().value() > 0
    years = readable_years(view)
    assert years and years[0].startswith("令和"), view.header.texts()
    assert all(not t.startswith("令和") for t in years[1:])  # the rest stay short
    view.header.grab()


def test_cut_first_year_hands_the_era_to_the_next(qtbot, doc):
    view, _, _ = make_view(qtbot, doc, size=(600, 300))
    c = view.canvas
    c.scroll_to_month(FY24 + 11, c.left)  # one month of 令和6年度 left: its label cannot be read
    texts = view.header.texts()
    assert "令和6年度" not in texts
    assert texts[1:3] == ["令和7年度", "8年度"]


def test_alpha_style_always_has_the_era(qtbot):
    d = make_doc(plan(basic_rows(), style="alpha"))
    try:
        view, _, _ = make_view(qtbot, d, size=(600, 300))
        view.canvas.scroll_to_month(FY24 + 11, view.canvas.left)
        assert readable_years(view)[:2] == ["R7", "R8"]
    finally:
        d.close(keep_working_copy=False)
