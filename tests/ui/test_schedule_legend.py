"""The schedule legend shows every entry whole: it wraps onto another line rather than cut the last ones off."""

from __future__ import annotations

import pytest

from tests.ui.test_english import en_window, english  # noqa: F401  (fixtures)


def check_whole(legend) -> list[str]:
    inside = legend.rect().adjusted(0, 0, 1, 1)
    rects = legend.entry_rects()
    for _style, text, r in rects:
        assert inside.contains(r.toAlignedRect()), (text, r, legend.rect())
        assert legend.fontMetrics().horizontalAdvance(text) <= r.width()
    for i, (_s, _t, a) in enumerate(rects):
        assert all(not a.intersects(b) for _s2, _t2, b in rects[i + 1:])
    return [t for _s, t, _r in rects]


@pytest.mark.parametrize("width", [1366, 1229, 1000])
def test_every_entry_is_whole_at_the_window_widths_of_a_small_screen(qtbot, window, messages, width):
    window.resize(width, 700)
    window.new_plan("demo")  # five phases
    legend = window.schedule_view.legend
    qtbot.waitUntil(lambda: legend.width() > 0)
    texts = check_whole(legend)
    assert texts[-2:] == ["◆ 節目", "→ 継続"] and len(texts) == 7
    legend.grab()


def test_narrow_legend_wraps_and_the_schedule_gives_it_room(qtbot, window, messages):
    from dxeditor.ui.schedule.styles import LegendWidget

    window.new_plan("demo")
    legend = LegendWidget()
    qtbot.addWidget(legend)
    legend.set_styles(window.schedule_view.data.styles)
    legend.show()
    legend.resize(2000, 10)
    one_line = legend.height()
    assert len({r.top() for _s, _t, r in legend.entry_rects()}) == 1
    legend.resize(200, 10)
    assert legend.height() > one_line  # two lines or more, each entry whole
    assert len({r.top() for _s, _t, r in legend.entry_rects()}) > 1
    check_whole(legend)
    # in the window, the canvas above it gets shorter, not the legend cut
    view = window.schedule_view
    window.resize(900, 700)
    qtbot.waitUntil(lambda: view.legend.height() > one_line)
    assert view.canvas.geometry().bottom() < view.legend.geometry().top()


def test_english_legend_is_whole(qtbot, en_window):  # noqa: F811
    en_window.resize(1229, 691)
    legend = en_window.schedule_view.legend
    qtbot.waitUntil(lambda: legend.width() > 0)
    check_whole(legend)
