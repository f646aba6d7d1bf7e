"""The schedule view: header texts, alignment with the outline, hit-testing, rendering, refresh."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from dxeditor.core.fiscal import YearStyle
from dxeditor.plan.ops import schedule as ops
from dxeditor.ui.roles import ID_ROLE, KIND_ROLE
from dxeditor.ui.schedule.layout import TimeAxis, Zoom
from tests.ui.test_schedule_support import bar, basic_rows, make_doc, make_view, plan, point, ym

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
FY23 = 2023 * 12


@pytest.fixture
def doc():
    d = make_doc(plan(basic_rows()))
    yield d
    d.close(keep_working_copy=False)


HEADERS = {
    YearStyle.WAREKI: ["令和4年度", "令和5年度", "令和6年度"],
    YearStyle.SHORT: ["令和4年度", "5年度", "6年度"],
    YearStyle.ALPHA: ["R4", "R5", "R6"],
    YearStyle.SEIREKI: ["2022年度", "2023年度", "2024年度"],
    YearStyle.BOTH: ["令和4(2022)年度", "令和5(2023)年度", "令和6(2024)年度"],
    YearStyle.SEIREKI_WAREKI: ["2022年度(令和4年度)", "2023年度(令和5年度)", "2024年度(令和6年度)"],
}


@pytest.mark.parametrize("style", list(YearStyle))
def test_header_text_in_every_year_style(qtbot, style):
    d = make_doc(plan(basic_rows(), style=str(style)))
    try:
        view, _, _ = make_view(qtbot, d)
        view.canvas.scroll_to_month(2022 * 12, 0)
        assert view.header.texts()[:3] == HEADERS[style]
        view.header.grab()
    finally:
        d.close(keep_working_copy=False)


def test_header_follows_a_style_change_and_heisei_reiwa():
    axis = TimeAxis(2017, 2020)
    assert [c.text for c in axis.header_cells("short")] == ["平成29年度", "30年度", "令和元年度", "2年度"]
    assert [c.text for c in axis.header_cells("alpha")] == ["H29", "H30", "R1", "R2"]


def test_year_style_change_updates_header(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    controller.execute("style", lambda rec: rec.update("plan", 1, year_style="seireki"))
    assert view.header.texts()[0] == "2022年度"
    controller.undo_stack.undo()
    assert view.header.texts()[0] == "令和4年度"


@pytest.mark.parametrize(("zoom", "lower"), [
    (Zoom.HALF, ["上半期", "下半期", "上半期"]),
    (Zoom.QUARTER, ["第1四半期", "第2四半期", "第3四半期", "第4四半期", "第1四半期"]),
    (Zoom.MONTH, ["4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月", "4月"]),
])
def test_two_tier_header_when_zoomed(qtbot, doc, zoom, lower):
    view, _, _ = make_view(qtbot, doc)
    view.zoom = zoom
    view.canvas.scroll_to_month(FY23, 0)
    cells = view.header.visible_cells()
    assert cells[0].tier == 0 and cells[0].text == "令和5年度"
    tier1 = [c.text for c in cells if c.tier == 1]
    assert tier1[: len(lower)] == lower
    view.header.grab()


def test_zoom_actions_and_ctrl_wheel(qtbot, doc):
    view, _, _ = make_view(qtbot, doc)
    acts = view.actions_for_toolbar()
    assert [a.text() for a in acts] == ["年度", "半期", "四半期", "月", "今日", "凡例"]
    acts[2].trigger()
    assert view.zoom == "quarter" and acts[2].isChecked()
    vp = view.canvas.viewport()
    g = view.canvas.geometry_()
    at = 300.0
    month_before = g.axis.first_month + g.content_x(at) / g.axis.month_px
    ev = QWheelEvent(QPointF(at, 50), vp.mapToGlobal(QPointF(at, 50)), QPoint(), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)
    assert view.zoom == "month" and view.zoom_actions["month"].isChecked()
    g = view.canvas.geometry_()
    month_after = g.axis.first_month + g.content_x(at) / g.axis.month_px
    assert abs(month_after - month_before) < 0.1  # the month under the mouse stays put
    acts[5].trigger()
    assert not view.legend.isVisibleTo(view)
    acts[4].trigger()  # today: scrolls without error


def test_lines_align_with_the_tree_and_follow_scroll_and_collapse(qtbot):
    rows = [{"id": i, "title": f"行{i}", "bars": [bar("2023-04", "2024-03", f"b{i}", lane=i % 3)]}
            for i in range(1, 41)]
    d = make_doc(plan(rows))
    try:
        view, _, tree = make_view(qtbot, d, size=(900, 300))

        def check() -> None:
            lines = view.canvas.visible_lines()
            assert lines
            for line in lines:
                idx = tree.indexAt(QPoint(5, line.y + 1))
                assert (idx.data(KIND_ROLE), idx.data(ID_ROLE)) == (line.kind, line.id)
                rect = tree.visualRect(idx)
                assert (rect.y(), rect.height()) == (line.y, line.height)
            assert view.header.height() == tree.viewport().geometry().top()

        check()
        tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum() // 2)
        assert view.canvas.verticalScrollBar().value() == tree.verticalScrollBar().value()
        check()
        view.canvas.verticalScrollBar().setValue(3)
        assert tree.verticalScrollBar().value() == 3
        tree.collapseAll()
        check()
        assert [ln.kind for ln in view.canvas.visible_lines()] == ["section"]
        view.canvas.grab()
    finally:
        d.close(keep_working_copy=False)


@pytest.mark.parametrize("zoom", list(Zoom))
def test_hit_testing_at_every_zoom(qtbot, doc, zoom):
    view, _, _ = make_view(qtbot, doc)
    view.zoom = zoom
    c = view.canvas
    c.scroll_to_month(FY23 - 6, 0)
    g = c.geometry_()
    y = point(view, 1, FY23).y()
    assert c.hit(QPointF(g.x(FY23 + 6), y)).part == "bar"
    assert c.hit(QPointF(g.x(FY23) + 1, y)).part == "start"
    assert c.hit(QPointF(g.x(FY23 + 12) - 1, y)).part == "end"
    outside = c.hit(QPointF(g.x(FY23 - 3), y))
    assert outside.part == "row" and outside.month == FY23 - 3 and outside.bar is None
    assert c.hit(QPointF(g.x(FY23 + 12) + 20, y)).part == "row"
    # second lane of row 3 holds 本格実施 from 2024-04
    c.scroll_to_month(ym(2024, 1), 0)
    g = c.geometry_()
    h = c.hit(QPointF(g.x(ym(2024, 8)), point(view, 3, 0, lane=1).y()))
    assert h.part == "bar" and h.bar.label == "本格実施" and h.lane == 1
    h = c.hit(QPointF(g.x(ym(2024, 8)), point(view, 3, 0, lane=0).y()))
    assert h.part == "row" and h.lane == 0
    h = c.hit(QPointF(g.x(ym(2025, 10) + 0.5), point(view, 3, 0).y()))
    assert h.part == "milestone" and h.milestone.label == "運用開始"
    section = c.lines.find("section", 1)
    assert c.hit(QPointF(50, section.y + 3)).part == "line"


def test_rare_kanji_labels_render(qtbot):
    rows = [{"id": 1, "title": "𠮷野髙橋", "bars": [bar("2023-04", "2024-03", "𠮷髙の検討"),
                                                  bar("2024-04", "2024-04", "𠮷髙の検討をとても長く書いたラベル")],
             "milestones": [{"month": "2024-10", "label": "𠮷髙運用開始"}]}]
    d = make_doc(plan(rows))
    try:
        view, _, _ = make_view(qtbot, d)
        img = view.grab().toImage()
        assert not img.isNull() and img.width() > 0
        tip = view.canvas.tooltip_at(point(view, 1, 2024 * 12 + 0.5).toPointF())
        assert tip.startswith("𠮷髙の検討をとても長く書いたラベル")  # the elided bar shows it all in the tooltip
        assert "令和6年4月〜令和6年4月" in tip
    finally:
        d.close(keep_working_copy=False)


def test_today_line_position(qtbot, doc):
    view, _, _ = make_view(qtbot, doc)
    view.canvas.today = lambda: date(2024, 10, 16)
    view.canvas.grab()
    assert view.canvas.state.today == pytest.approx(ym(2024, 10) + 15 / 31)
    view.scroll_to_today()
    g = view.canvas.geometry_()
    assert 0 < g.x(view.canvas.state.today) < view.canvas.viewport().width()


def test_change_refreshes_only_touched_rows(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    untouched = view.data.items[3]
    controller.execute("move", lambda rec: ops.move_bars(rec, [1], 12))
    assert view.data.items[3] is untouched  # row 3 was not re-read
    assert view.data.row_items(1).bars[0].start == FY23 + 12
    controller.undo_stack.undo()
    assert view.data.row_items(1).bars[0].start == FY23
    assert view.data.items[3] is untouched


def test_new_phase_and_far_bar_extend_legend_and_axis(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    controller.execute("phase", lambda rec: rec.insert("phases", key="x", name="独自", color="#ff0000",
                                                       pattern="vertical", position=9))
    assert [p.name for p in view.legend.styles.phases][-1] == "独自"
    view.legend.grab()
    controller.execute("far", lambda rec: ops.add_bar(rec, 2, 2040 * 12, 2041 * 12 + 11, phase="x"))
    assert view.canvas.axis.last_fy == 2042


def test_standalone_initiative_view_and_create(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc, outline=False)
    assert [ln.kind for ln in view.canvas.visible_lines()][:3] == ["section", "initiative", "row"]
    view.set_initiative(1)
    assert [ln.id for ln in view.canvas.visible_lines()] == [1, 2, 3]
    assert view.canvas.left > 0
    view.canvas.scroll_to_month(FY23, view.canvas.left)
    from tests.ui.test_schedule_support import drag

    drag(qtbot, view, point(view, 2, FY23 + 1), point(view, 2, FY23 + 14))
    view.canvas.close_editor()
    assert [(b.start, b.end) for b in view.data.row_items(2).bars] == [(FY23, FY23 + 23)]
    # the new lane of a row grows the line in standalone mode
    controller.execute("lane", lambda rec: ops.shift_lanes(rec, [b.id for b in view.data.row_items(2).bars], 2))
    assert next(ln for ln in view.canvas.visible_lines() if ln.id == 2).lanes == 3
    view.grab()
    view.set_initiative(None)
    assert view.canvas.visible_lines()[0].kind == "section"


def test_reset_reloads(qtbot, doc):
    view, controller, _ = make_view(qtbot, doc)
    other = make_doc(plan([{"id": 7, "title": "別", "bars": [bar("2030-04", "2031-03", "別計画")]}]))
    try:
        controller.set_document(other)
        assert view.data.row_items(7).bars[0].label == "別計画"
        assert 1 not in view.data.rows
    finally:
        controller.set_document(doc)
        other.close(keep_working_copy=False)


def test_with_the_real_outline_model(qtbot, doc):
    outline_model = pytest.importorskip("dxeditor.ui.outline_model")
    from dxeditor.ui.schedule import ScheduleView
    from dxeditor.ui.undo import DocumentController

    controller = DocumentController(doc)
    model = outline_model.OutlineModel(controller)
    try:
        from dxeditor.ui.outline_view import OutlineView

        tree = OutlineView(model)
    except ImportError:  # pragma: no cover - the outline view may not exist yet
        from PySide6.QtWidgets import QTreeView

        tree = QTreeView()
        tree.setModel(model)
    qtbot.addWidget(tree)
    view = ScheduleView(controller, tree)
    qtbot.addWidget(view)
    tree.expandAll()
    tree.resize(300, 400)
    view.resize(800, 400)
    lines = view.canvas.lines.visible(0, 400)
    assert {ln.kind for ln in lines} == {"section", "initiative", "row"}
    row3 = next(ln for ln in lines if ln.kind == "row" and ln.id == 3)
    assert row3.lanes == 2 and row3.height == 48
