"""The outline item model: structure, roles, Qt's model checks, refresh after changes, drag and drop."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from dxeditor.plan.ops import outline as ops
from dxeditor.ui.outline_model import MIME, OutlineModel
from dxeditor.ui.roles import ID_ROLE, KIND_ROLE, LANE_HEIGHT, LANES_ROLE


def lines(model: OutlineModel) -> list[tuple[str, str, str]]:
    return [(n.kind, n.number, n.title) for n in model.all_nodes()]


def test_model_passes_qt_model_tester(qtmodeltester, controller):
    model = OutlineModel(controller)
    qtmodeltester.check(model, force_py=True)
    controller.execute("add", lambda r: ops.add_row(r, 2, None, "新しい行"))
    controller.execute("rename", lambda r: ops.rename(r, "row", 1, "改名"))
    controller.execute("dup", lambda r: ops.duplicate(r, "initiative", 1))
    controller.execute("move", lambda r: ops.move(r, "row", 3, -2))
    controller.execute("indent", lambda r: ops.indent(r, "row", 2))
    controller.execute("move", lambda r: ops.move_to(r, "initiative", 2, ("section", 2), 0))
    controller.execute("delete", lambda r: ops.delete_items(r, [("section", 1)]))
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)
    assert [n.title for n in model.all_nodes()] == [n.title for n in OutlineModel(controller).all_nodes()]


def test_structural_changes_do_not_reset_the_model(qtbot, controller):
    model = OutlineModel(controller)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted) as blocker:
        controller.execute("add", lambda r: ops.add_row(r, 1, None, "行", 0))
    assert blocker.args[1:] == [0, 0]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved):
        controller.undo_stack.undo()
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        controller.execute("move", lambda r: ops.move(r, "initiative", 2, -1))  # numbers (1) ↔ (2) follow
    assert [n.number for n in model.all_nodes() if n.kind == "initiative"][:2] == ["(1)", "(2)"]
    assert [n.title for n in model.all_nodes() if n.kind == "initiative"][:2] == ["情報発信", "手続のオンライン化"]


def test_structure_numbers_and_roles(qtbot, controller):
    model = OutlineModel(controller)
    assert lines(model)[:6] == [
        ("section", "1", "市民の利便性向上"), ("initiative", "(1)", "手続のオンライン化"),
        ("row", "", "転出届・転入予約"), ("row", "", "キャッシュレス"), ("row", "", "コンビニ交付"),
        ("initiative", "(2)", "情報発信")]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "名称"
    cash = model.index_of("row", 2)
    assert cash.data(KIND_ROLE) == "row" and cash.data(ID_ROLE) == 2 and cash.data(LANES_ROLE) == 2
    assert cash.data(Qt.ItemDataRole.SizeHintRole).height() == 2 * LANE_HEIGHT
    init = model.index_of("initiative", 1)
    assert init.data(Qt.ItemDataRole.SizeHintRole).height() == LANE_HEIGHT
    assert init.siblingAtColumn(2).data() == "デジタル推進室"
    assert model.index_of("row", 1).siblingAtColumn(2).data() == "戸籍住民課"


def test_rename_in_place_is_incremental_and_undoable(qtbot, controller):
    model = OutlineModel(controller)
    index = model.index_of("initiative", 2, 1)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        assert model.setData(index, "情報発信・公開")
    assert index.data() == "情報発信・公開"
    controller.undo_stack.undo()
    assert model.index_of("initiative", 2, 1).data() == "情報発信"


def test_empty_rename_is_refused_with_a_message(qtbot, controller):
    model = OutlineModel(controller)
    with qtbot.waitSignal(model.refused) as blocker:
        assert not model.setData(model.index_of("row", 1, 1), "  ")
    assert "空" in blocker.args[0]
    assert controller.undo_stack.count() == 0


def test_structure_change_and_numbering_follow(qtbot, controller):
    model = OutlineModel(controller)
    controller.execute("move", lambda r: ops.move(r, "initiative", 2, -1))
    assert [x for x in lines(model) if x[0] == "initiative"][:2] == [
        ("initiative", "(1)", "情報発信"), ("initiative", "(2)", "手続のオンライン化")]


def test_drop_moves_rows_to_another_initiative(qtbot, controller):
    model = OutlineModel(controller)
    data = model.mimeData([model.index_of("row", 3), model.index_of("row", 1)])
    target = model.index_of("initiative", 3)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    rows = [n.title for n in model.node(model.index_of("initiative", 3)).children]
    assert rows == ["転出届・転入予約", "コンビニ交付", "RPA"]
    assert data.hasFormat(MIME)
    controller.undo_stack.undo()
    assert [n.title for n in model.node(model.index_of("initiative", 3)).children] == ["RPA"]


def test_ten_thousand_rows_build(qtbot, messages):
    from dxeditor.formats.json import io as json_io
    from dxeditor.ui.undo import DocumentController

    data = {"format": "dxeditor-plan", "format_version": 1,
            "plan": {"title": "大", "period_start_fy": 2024, "period_end_fy": 2028},
            "initiatives": [{"id": i, "title": f"取組{i}", "schedule_rows": [
                {"id": i * 1000 + j, "title": f"行{j}"} for j in range(100)]} for i in range(1, 101)]}
    doc = json_io.import_data(data)
    try:
        model = OutlineModel(DocumentController(doc))
        assert len(model.all_nodes()) == 10_100
        assert model.rowCount() == 100 and model.rowCount(model.index(99, 0)) == 100
    finally:
        doc.close(keep_working_copy=False)


def test_bar_edits_change_only_the_touched_rows_lane_count(qtbot, controller):
    from dxeditor.plan.ops import schedule

    model = OutlineModel(controller)
    row = model.index_of("row", 1)
    assert row.data(LANES_ROLE) == 1
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.rowsInserted), \
            qtbot.waitSignal(model.dataChanged) as blocker:
        bar = controller.execute("bar", lambda r: schedule.add_bar(r, 1, 24300, 24305, lane=2))
    assert blocker.args[0].data(ID_ROLE) == 1
    assert row.data(LANES_ROLE) == 3
    assert row.data(Qt.ItemDataRole.SizeHintRole).height() == 3 * LANE_HEIGHT
    with qtbot.assertNotEmitted(model.modelReset):
        controller.execute("lane", lambda r: schedule.shift_lanes(r, [bar], -1))
        assert row.data(LANES_ROLE) == 2
        controller.undo_stack.undo()
        controller.undo_stack.undo()
    assert row.data(LANES_ROLE) == 1
    controller.undo_stack.redo()
    assert row.data(LANES_ROLE) == 3
    assert [n.lanes for n in model.all_nodes()] == [n.lanes for n in OutlineModel(controller).all_nodes()]


def snapshot(model: OutlineModel) -> list[tuple[str, int, str, str, str, int, int, tuple[str, int]]]:
    """Every line with its fields, position and parent: what a fresh read shows."""
    return [(n.kind, n.id, n.number, n.title, n.dept, n.lanes, n.row, n.parent.key() if n.parent else ("", 0))
            for n in model.all_nodes()]


def test_row_edits_patch_only_their_initiatives_and_match_a_fresh_read(qtbot, controller, monkeypatch):
    """Adding, moving, indenting, deleting and pasting rows does not read the plan; the result is a fresh read's."""
    from dxeditor.ui import outline_model

    model = OutlineModel(controller)
    reads = []
    monkeypatch.setattr(outline_model, "load_plan_view", lambda *a, **k: reads.append(1) or (_ for _ in ()).throw(
        AssertionError("whole plan read")))
    with qtbot.assertNotEmitted(model.modelReset):
        controller.execute("add", lambda r: ops.add_row(r, 1, None, "行A", 1))
        controller.execute("sub", lambda r: ops.add_row(r, 1, 2, "子行"))
        controller.execute("move", lambda r: ops.move(r, "row", 3, -2))
        controller.execute("indent", lambda r: ops.indent(r, "row", 3))
        controller.execute("outdent", lambda r: ops.outdent(r, "row", 3))
        controller.execute("across", lambda r: ops.move_to(r, "row", 2, ("initiative", 3), 0))
        controller.execute("dup", lambda r: ops.duplicate(r, "row", 2))
        controller.execute("delete", lambda r: ops.delete_items(r, [("row", 1), ("row", 4)]))
    assert reads == []
    monkeypatch.undo()
    assert snapshot(model) == snapshot(OutlineModel(controller))
    assert set(model._index) == {n.key() for n in model.all_nodes()}
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
        assert snapshot(model) == snapshot(OutlineModel(controller))
        assert set(model._index) == {n.key() for n in model.all_nodes()}


def test_a_row_edit_after_a_department_rename_shows_the_new_name(qtbot, controller):
    from dxeditor.plan.ops import departments as dops

    model = OutlineModel(controller)
    assert model.index_of("row", 1).siblingAtColumn(2).data() == "戸籍住民課"
    controller.execute("add", lambda r: ops.add_row(r, 1, None, "行", 0))  # the rows' departments are read once
    controller.execute("rename", lambda r: dops.rename_department(r, 3, "市民窓口課"))
    assert model.index_of("row", 1).siblingAtColumn(2).data() == "市民窓口課"
    controller.execute("add", lambda r: ops.add_row(r, 1, None, "行2", 0))  # re-reads the initiative's rows
    assert model.index_of("row", 1).siblingAtColumn(2).data() == "市民窓口課"
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert model.index_of("row", 1).siblingAtColumn(2).data() == "戸籍住民課"
    controller.execute("move", lambda r: ops.move(r, "row", 1, 1))
    assert model.index_of("row", 1).siblingAtColumn(2).data() == "戸籍住民課"
