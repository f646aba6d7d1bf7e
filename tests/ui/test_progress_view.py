"""The progress view: a tab beside the schedule, rated like Excel, undone with Ctrl+Z, filtered like the outline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from dxeditor.plan.progress import load_progress
from dxeditor.store import models as m


def progress(window):
    return load_progress(window.controller.doc.session.connection())


def open_tab(qtbot, window):
    window.show_progress_action.trigger()
    view = window.progress_view
    assert window.view_tabs.currentWidget() is view
    return view


def test_typing_ratings_arrows_delete_undo_redo(qtbot, window, tmp_path: Path):
    view = open_tab(qtbot, window)
    grid, model = view.rating_grid, view.ratings
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == \
        ["取組", "令和6年度", "令和7年度", "令和8年度", "令和9年度"]
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(grid, Qt.Key.Key_A)  # lower-case a is A; the cursor moves down
    qtbot.keyClick(grid, Qt.Key.Key_C)
    assert grid.currentIndex().row() == 2
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_B)
    data = progress(window)
    assert (data.rating(1, 2024), data.rating(2, 2024), data.rating(2, 2025)) == ("A", "C", "B")
    assert model.index(1, 1).data() == "C"
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # late: red
    window.undo_action.trigger()
    assert progress(window).rating(2, 2025) == ""
    window.redo_action.trigger()
    assert progress(window).rating(2, 2025) == "B"
    grid.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert progress(window).rating(1, 2024) == ""
    actions = [a.action for a in window.controller.doc.session.execute(select(m.AuditEntry)).scalars()]
    assert "進捗評価の入力" in actions
    view.grab().save(str(tmp_path / "progress.png"))


def test_a_wrong_key_is_refused_with_a_message(qtbot, window, messages):
    view = open_tab(qtbot, window)
    view.rating_grid.setFocus()
    view.rating_grid.setCurrentIndex(view.ratings.index(0, 1))
    qtbot.keyClick(view.rating_grid, Qt.Key.Key_E)
    assert any("評価「e」" in t for t in messages.texts())
    assert progress(window).reviews == {}


def test_copy_and_paste_a_block_as_one_change(qtbot, window):
    view = open_tab(qtbot, window)
    grid, model = view.rating_grid, view.ratings
    QGuiApplication.clipboard().setText("A\tB\r\nC\tD\r\n")
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, 2))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    data = progress(window)
    assert [data.rating(i, fy) for i in (1, 2) for fy in (2025, 2026)] == ["A", "B", "C", "D"]
    grid.selectionModel().clear()
    grid.setCurrentIndex(model.index(1, 2))
    grid.selectionModel().select(model.index(1, 3), grid.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "C\tD\r\n"
    window.undo_action.trigger()  # the whole pasted block at once
    assert progress(window).reviews == {}


def test_review_texts_and_kpi_actuals(qtbot, window, messages):
    view = open_tab(qtbot, window)
    view.rating_grid.setCurrentIndex(view.ratings.index(0, 2))
    view.texts["results"].setPlainText("12手続を電子化")
    view.texts["issues"].setPlainText("添付書類")
    view.apply_button.click()
    review = progress(window).reviews[(1, 2025)]
    assert (review.results, review.issues, review.entered_by) == ("12手続を電子化", "添付書類", "tester")
    kpis = view.kpis
    assert kpis.rowCount() == 1
    actual_2025 = next(c for c in range(kpis.columnCount()) if kpis.column_kind(c) == ("actual", 2025))
    assert kpis.setData(kpis.index(0, actual_2025), "9")
    view.year_combo.setCurrentIndex(view.year_combo.findData(2025))
    rate_col = kpis.columnCount() - 3
    assert kpis.index(0, rate_col).data() == "33.3%"  # 9 / 27, no baseline
    assert not kpis.setData(kpis.index(0, actual_2025), "たくさん")
    assert any("数値ではありません" in t for t in messages.texts())
    assert kpis.index(0, actual_2025).data() == "9"
    window.undo_action.trigger()
    assert kpis.index(0, actual_2025).data() == ""


def test_the_outline_filter_filters_the_progress_grid(qtbot, window):
    view = open_tab(qtbot, window)
    window.find_action.trigger()
    qtbot.keyClicks(window.find_bar.text_edit, "RPA")
    qtbot.keyClick(window.find_bar.text_edit, Qt.Key.Key_Return)
    shown = [n for n in range(view.ratings.rowCount()) if not view.rating_grid.isRowHidden(n)]
    assert [view.source.lines[n].id for n in shown] == [3]
    assert view.kpi_grid.isRowHidden(0)  # the KPI belongs to initiative 1
    qtbot.keyClick(window.find_bar, Qt.Key.Key_Escape)
    assert not any(view.rating_grid.isRowHidden(n) for n in range(view.ratings.rowCount()))


def test_late_ratings_are_marked_on_the_schedule(qtbot, window, tmp_path: Path):
    from dxeditor.plan.ops import progress as ops

    window.schedule_view.data.today = date(2025, 6, 1)  # row 1's bars run to March 2026: not ended yet
    window.controller.execute("評価", lambda rec: [ops.set_ratings(rec, [(1, 2024, "C"), (3, 2024, "A")]),
                                                   ops.set_review(rec, 2024, row_id=2, rating="D")])
    data = window.schedule_view.data
    assert data.late == {("initiative", 1), ("row", 2)}
    window.controller.execute("評価", lambda rec: ops.set_ratings(rec, [(1, 2025, "B")]))  # the latest year counts
    assert data.late == {("row", 2)}
    window.undo_action.trigger()
    assert data.late == {("initiative", 1), ("row", 2)}
    window.schedule_view.grab().save(str(tmp_path / "late.png"))


def test_report_export_from_the_file_menu(qtbot, window, monkeypatch, tmp_path: Path):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("令和7年度", True)))
    target = tmp_path / "報告"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.export_progress_pdf_action.trigger()
    assert (tmp_path / "報告.pdf").read_bytes().startswith(b"%PDF")
    window.export_progress_xlsx_action.trigger()
    assert (tmp_path / "報告.xlsx").exists()


def test_rating_scale_is_edited_in_a_dialog_and_undone(qtbot, window):
    from dxeditor.core.achievement import RatingScale
    from dxeditor.ui.progress.scale_dialog import RatingScaleDialog

    view = open_tab(qtbot, window)
    dlg = RatingScaleDialog(window.controller, window)
    qtbot.addWidget(dlg)
    assert dlg.ratings()[0] == ("A", "順調", "#b7e1b0")
    dlg.table.item(0, 0).setText("S")
    dlg.table.item(0, 1).setText("達成")
    dlg.accept()
    assert progress(window).scale.keys == ["S", "B", "C", "D"]
    assert "達成" in view.legend.text().replace("\u2060", "")  # word joiners keep a rating on one line
    view.rating_grid.setFocus()
    view.rating_grid.setCurrentIndex(view.ratings.index(0, 1))
    qtbot.keyClick(view.rating_grid, Qt.Key.Key_S)
    assert progress(window).rating(1, 2024) == "S"
    dlg2 = RatingScaleDialog(window.controller, window)
    qtbot.addWidget(dlg2)
    dlg2._fill(RatingScale.default())
    dlg2.accept()  # S is in use: refused with a message, the scale stays
    assert progress(window).scale.keys == ["S", "B", "C", "D"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert progress(window).scale.keys == ["A", "B", "C", "D"]


def test_a_kpi_is_marked_lower_is_better_from_its_menu(qtbot, window):
    view = open_tab(qtbot, window)
    view.kpi_grid.setCurrentIndex(view.kpis.index(0, 1))
    assert view.lower_action.isEnabled() and not view.lower_action.isChecked()
    view.lower_action.trigger()
    assert progress(window).kpis[1][0].lower_is_better
    assert view.kpis.index(0, 1).data().endswith("↓")
    window.undo_action.trigger()
    assert not progress(window).kpis[1][0].lower_is_better


def test_a_row_whose_bars_ended_without_completion_is_marked_and_says_why(qtbot, window):
    from PySide6.QtCore import QPointF

    from dxeditor.plan.ops import progress as ops

    view = window.schedule_view
    data = view.data
    data.today = date(2026, 6, 1)  # fiscal 2026: row 1's last bar ended in March 2026
    window.controller.execute("評価", lambda rec: ops.set_ratings(rec, [(3, 2024, "A")]))  # the plan records progress
    assert ("row", 1) in data.late
    line = next(ln for ln in view.canvas.visible_lines() if (ln.kind, ln.id) == ("row", 1))
    tip = view.canvas.tooltip_at(QPointF(view.canvas.geometry_().left + 2, line.y + 4))
    assert "完了の報告がありません" in tip and "3月" in tip
    # reporting it done takes the mark away; so does moving its bars on
    window.controller.execute("状況", lambda rec: ops.set_review(rec, 2025, row_id=1, status="done"))
    assert ("row", 1) not in data.late
    window.undo_action.trigger()
    assert ("row", 1) in data.late
    bars = [b.id for b in data.row_items(1).bars]
    window.controller.execute("移動", lambda rec: __import__("dxeditor.plan.ops.schedule", fromlist=["x"])
                              .move_bars(rec, bars, 12))
    assert ("row", 1) not in data.late


def test_schedule_rows_are_rated_under_their_initiative_on_request(qtbot, window):
    view = open_tab(qtbot, window)
    grid, model = view.rating_grid, view.ratings
    initiatives = model.rowCount()
    titles = [view.kpis.data(view.kpis.index(r, 0)) for r in range(view.kpis.rowCount())]
    view.rows_check.setChecked(True)
    # the KPI grid still names each KPI's initiative (a row's id is another series than an initiative's)
    assert [view.kpis.data(view.kpis.index(r, 0)) for r in range(view.kpis.rowCount())] == titles
    keys = [line.key for line in view.source.lines]
    assert model.rowCount() > initiatives and keys.index(("row", 1)) == keys.index(("initiative", 1)) + 1
    n = keys.index(("row", 2))
    grid.setFocus()
    grid.setCurrentIndex(model.index(n, 1))
    qtbot.keyClick(grid, Qt.Key.Key_C)
    data = progress(window)
    assert data.row_reviews[(2, 2024)].rating == "C" and (1, 2024) not in data.reviews
    assert ("row", 2) in window.schedule_view.data.late  # marked on the schedule too
    # the texts below the grid are the row's
    grid.setCurrentIndex(model.index(n, 1))
    assert "令和6年度" in view.review_box.title()
    view.texts["issues"].setPlainText("業者の選定が遅れた")
    assert view.commit_texts()
    assert progress(window).row_reviews[(2, 2024)].issues == "業者の選定が遅れた"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert (2, 2024) not in progress(window).row_reviews
    # the outline's filter keeps a matching row's line (and its initiative's)
    view.apply_filter({("row", 2)})
    shown = [view.source.lines[i].key for i in range(model.rowCount()) if not grid.isRowHidden(i)]
    assert ("row", 2) in shown and ("row", 4) not in shown
    view.rows_check.setChecked(False)
    assert model.rowCount() == initiatives


def test_the_view_is_read_when_its_tab_is_first_chosen_with_what_happened_before(qtbot, window):
    """Not read at start-up (a tab behind the schedule); changes and a filter from before are there when it opens."""
    from dxeditor.plan.ops import progress as ops

    view = window.progress_view
    assert window.view_tabs.currentWidget() is window.schedule_view
    assert not view.loaded and view.ratings.rowCount() == 0  # nothing read behind the schedule
    window.controller.execute("評価", lambda rec: ops.set_ratings(rec, [(3, 2025, "B")]))
    window.find_action.trigger()
    qtbot.keyClicks(window.find_bar.text_edit, "RPA")
    qtbot.keyClick(window.find_bar.text_edit, Qt.Key.Key_Return)
    assert not view.loaded
    view = open_tab(qtbot, window)
    assert view.loaded and view.isVisible()
    shown = [n for n in range(view.ratings.rowCount()) if not view.rating_grid.isRowHidden(n)]
    assert [view.source.lines[n].id for n in shown] == [3]
    col = next(c for c in range(1, view.ratings.columnCount()) if view.ratings.fy_of(c) == 2025)
    assert view.ratings.index(shown[0], col).data() == "B"
    assert view.year_combo.currentData() == 2025  # the year last entered, as when read at start-up


def test_the_view_is_read_when_shown_even_without_its_tab_changing(qtbot, window):
    view = window.progress_view
    tabs = window.view_tabs
    tabs.hide()
    tabs.blockSignals(True)  # no currentChanged: only the show event can read it
    tabs.setCurrentIndex(1)
    tabs.blockSignals(False)
    assert not view.loaded
    tabs.show()
    assert view.loaded and view.ratings.rowCount() == 3


def test_a_filter_set_while_the_tab_is_hidden_applies_when_it_is_shown(qtbot, window):
    view = open_tab(qtbot, window)  # read once
    window.view_tabs.setCurrentIndex(0)  # the schedule in front: the progress tab is hidden
    assert not view.isVisible()
    window.find_action.trigger()
    qtbot.keyClicks(window.find_bar.text_edit, "RPA")
    qtbot.keyClick(window.find_bar.text_edit, Qt.Key.Key_Return)
    view = open_tab(qtbot, window)
    shown = [n for n in range(view.ratings.rowCount()) if not view.rating_grid.isRowHidden(n)]
    assert [view.source.lines[n].id for n in shown] == [3]
    window.view_tabs.setCurrentIndex(0)
    qtbot.keyClick(window.find_bar, Qt.Key.Key_Escape)  # cleared while hidden
    view = open_tab(qtbot, window)
    assert not any(view.rating_grid.isRowHidden(n) for n in range(view.ratings.rowCount()))
