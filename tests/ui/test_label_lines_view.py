"""Bar labels of several lines in the schedule view: the row grows, every line is drawn, editing keeps them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from dxeditor.ui.outline_model import OutlineModel
from dxeditor.ui.roles import LANE_HEIGHT, lane_height
from dxeditor.ui.schedule.painter import bar_rect
from tests.ui.test_schedule_support import bar, bars_of, make_doc, make_view, plan, type_text, ym

TWO = "標準仕様書と\n既存システム（運用）との比較"


def _doc():
    return make_doc(plan([
        {"id": 1, "title": "標準化", "bars": [bar("2023-04", "2025-03", TWO, "study", id=1)]},
        {"id": 2, "title": "普及", "bars": [bar("2023-04", "2025-03", "普及策の実施", id=2)]},
    ]))


def test_row_grows_for_label_lines_and_editing_keeps_them(qtbot) -> None:
    doc = _doc()
    try:
        view, controller, _ = make_view(qtbot, doc, outline=False)
        c = view.canvas
        two, one = c.lines.find("row", 1), c.lines.find("row", 2)
        assert one.height == LANE_HEIGHT and two.height == lane_height(2) > LANE_HEIGHT
        rect = bar_rect(c.geometry_(), two, ym(2023, 4), ym(2025, 3), 0)
        assert rect.height() >= 2 * c.fontMetrics().height()
        shot = c.viewport().grab().toImage()
        assert not shot.isNull()
        # open the editor on the bar (F2; a double-click opens the bar dialog): both lines are there;
        # Alt+Enter adds a third, Enter commits
        pos = QPoint(round(rect.center().x()), round(rect.center().y()))
        qtbot.mouseClick(c.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.keyClick(c.viewport(), Qt.Key.Key_F2)
        ed = c.editor
        assert ed is not None and ed.text() == TWO
        ed.moveCursor(ed.textCursor().MoveOperation.End)
        qtbot.keyClick(ed, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
        type_text(ed, "（令和5年度）")
        qtbot.keyClick(ed, Qt.Key.Key_Return)
        assert bars_of(doc, 1)[0][3] == TWO + "\n（令和5年度）"
        assert c.lines.find("row", 1).height == lane_height(3)
        controller.undo_stack.undo()
        assert bars_of(doc, 1)[0][3] == TWO
        assert c.lines.find("row", 1).height == lane_height(2)
    finally:
        doc.close(keep_working_copy=False)


def test_outline_rows_are_as_tall_as_their_labels(qtbot) -> None:
    from dxeditor.ui.undo import DocumentController

    doc = _doc()
    try:
        model = OutlineModel(DocumentController(doc))
        heights = {n.title: model.data(model.index_of("row", n.id), Qt.ItemDataRole.SizeHintRole).height()
                   for n in model.all_nodes() if n.kind == "row"}
        assert heights == {"標準化": lane_height(2), "普及": LANE_HEIGHT}
    finally:
        doc.close(keep_working_copy=False)
