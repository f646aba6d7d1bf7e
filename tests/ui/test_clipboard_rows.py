"""Ctrl+C / Ctrl+V of outline rows: whole rows inside dxeditor and between two windows; Excel text
goes through a preview that names every column it leaves out (issue 15, item 3)."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from dxeditor.formats import clipboard
from dxeditor.formats.json import io as json_io
from dxeditor.store import models as m
from dxeditor.ui.main_window import MainWindow
from dxeditor.ui.schedule.keyboard import Cell
from dxeditor.ui.undo import DocumentController
from tests.ui.conftest import SMALL_PLAN
from tests.ui.test_main_window import focus_outline


def bars(window, row_id):
    t = m.Bar.__table__
    c = window.controller.doc.session.connection()
    return [tuple(r) for r in c.execute(select(t.c.start, t.c.end, t.c.lane, t.c.label).where(t.c.row_id == row_id)
                                        .order_by(t.c.lane, t.c.start))]


def test_ctrl_c_ctrl_v_carries_bars_between_two_windows(qtbot, window, messages):
    other_plan = copy.deepcopy(SMALL_PLAN)
    other_plan["plan"]["title"] = "別の計画"
    for it in other_plan["initiatives"]:
        it.pop("schedule_rows", None)
    doc = json_io.import_data(other_plan)
    other = MainWindow(DocumentController(doc))
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    try:
        focus_outline(qtbot, window, "row", 2)
        window.outline_view.select_items([("row", 2)])
        qtbot.keyClick(window.outline_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        mime = QGuiApplication.clipboard().mimeData()
        assert mime.hasFormat(clipboard.MIME_ROWS)
        assert mime.text().splitlines()[1] == "\tキャッシュレス\t\t\t"  # Excel still gets the text
        focus_outline(qtbot, other, "initiative", 2)
        qtbot.keyClick(other.outline_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert other.commands.preview is None  # dxeditor rows need no preview
        node = other.model._index[("initiative", 2)]
        assert [c.title for c in node.children] == ["キャッシュレス"]
        new_row = node.children[0].id
        assert bars(other, new_row) == bars(window, 2) == [(2024 * 12, 2024 * 12 + 11, 0, "検討"),
                                                           (2025 * 12, 2026 * 12 + 11, 1, "実施")]
        other.undo_action.trigger()
        assert node.children == [] or [c.title for c in other.model._index[("initiative", 2)].children] == []
    finally:
        other._forced_dirty = False
        other.controller.undo_stack.setClean()
        other.close()
        doc.close(keep_working_copy=False)


def test_excel_text_preview_maps_columns_and_names_the_ones_left_out(qtbot, window, messages, tmp_path):
    focus_outline(qtbot, window, "initiative", 2)
    QGuiApplication.clipboard().setText("取組名\t担当課\t期間\t備考\r\n電子契約\t市民税課\tR6〜R8\t試行\r\n")
    qtbot.keyClick(window.outline_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dlg = window.commands.preview
    assert dlg is not None and dlg.isVisible()
    assert [c.currentData() for c in dlg.combos] == ["名称", "主管課", None, "備考"]
    assert "期間" in dlg.ignored.text()
    dlg.grab().save(str(tmp_path / "paste_preview.png"))
    # map 期間 to 備考 instead: the old 備考 column is now the one named as left out
    dlg.combos[2].setCurrentIndex(dlg.combos[2].findData("備考"))
    assert dlg.combos[3].currentData() is None and "備考" in dlg.ignored.text()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    node = window.model._index[("initiative", 2)]
    assert [(c.title, c.dept) for c in node.children] == [("電子契約", "市民税課")]
    t = m.ScheduleRow.__table__
    note = window.controller.doc.session.connection().execute(
        select(t.c.note).where(t.c.id == node.children[0].id)).scalar_one()
    assert note == "R6〜R8"


def test_preview_cancel_changes_nothing(qtbot, window, messages):
    focus_outline(qtbot, window, "initiative", 2)
    count = window.controller.undo_stack.count()
    QGuiApplication.clipboard().setText("a\tb\r\n")
    window.paste_action.trigger()
    window.commands.preview.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.controller.undo_stack.count() == count


def test_ctrl_c_on_a_schedule_row_and_ctrl_v_after_another(qtbot, window, messages):
    canvas = window.schedule_view.canvas
    window.activateWindow()
    canvas.setFocus()
    canvas.cell = Cell("row", 2, 2, 0, 2024 * 12)
    qtbot.keyClick(canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().mimeData().hasFormat(clipboard.MIME_ROWS)
    canvas.cell = Cell("row", 4, 1, 0, 2024 * 12)
    qtbot.keyClick(canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    node = window.model._index[("initiative", 3)]
    assert [c.title for c in node.children] == ["RPA", "キャッシュレス"]
    assert len(bars(window, node.children[1].id)) == 2
