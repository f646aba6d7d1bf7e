"""Another plan in the same window opens as the first one did: nothing of the old plan's view state."""

from __future__ import annotations

from dxeditor.plan.ops import outline as ops


def collapsed(window) -> list[tuple[str, int]]:
    view = window.outline_view
    return [n.key() for n in window.model.all_nodes()
            if n.children and not view.isExpanded(window.model.index_of(*n.key()))]


def test_a_new_plan_opens_expanded_whatever_the_old_plan_had_under_the_same_ids(qtbot, window, messages):
    # the small plan's initiative 2 has no rows, and the user collapsed initiative 1
    window.outline_view.collapse(window.model.index_of("initiative", 1))
    assert collapsed(window) == [("initiative", 1)]
    window.new_plan("demo")  # its initiatives 1 and 2 (same ids) have rows
    assert window.model.index_of("initiative", 2).isValid()
    assert collapsed(window) == []
    # within one plan the user's collapsing is kept across edits that rebuild the outline
    window.outline_view.collapse(window.model.index_of("initiative", 2))
    window.commands.run("x", lambda rec: ops.rename(rec, "section", 1, "改名"))
    window.controller.undo_stack.undo()
    assert ("initiative", 2) in collapsed(window)



def test_a_new_plan_shows_its_schedule_from_its_first_year(qtbot, window, messages):
    canvas = window.schedule_view.canvas
    canvas.scroll_to_month(2026 * 12 + 6, 0)  # the user looked at 令和8年度 of the first plan
    assert window.schedule_view.header.visible_cells()[0].start == 2026 * 12
    window.new_plan("kamiamakusa")  # its period: 2021–2025年度, written 2021年度(令和3年度)
    g = canvas.geometry_()
    assert canvas.axis.month_at(g.content_x(g.left)) == 2021 * 12
    first = window.schedule_view.header.visible_cells()[0]
    assert (first.start, first.text) == (2021 * 12, "2021年度(令和3年度)")
