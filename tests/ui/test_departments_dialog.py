"""The departments manager driven as a person would: every action undoable, refusals shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from dxeditor.formats.json import io as json_io
from dxeditor.plan.ops import departments as dep
from dxeditor.store.document import PlanDocument
from dxeditor.ui.dialogs.department_dialogs import (
    DepartmentTreeModel,
    ImportPreviewDialog,
    NameDialog,
    SplitDialog,
)
from dxeditor.ui.dialogs.departments_dialog import DepartmentsDialog
from dxeditor.ui.undo import DocumentController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DATA: dict[str, Any] = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "DX推進計画", "period_start_fy": 2022, "period_end_fy": 2027},
    "departments": [
        {"id": 1, "kind": "部", "name": "総務部"},
        {"id": 2, "parent_id": 1, "kind": "室", "name": "デジタル推進室"},
        {"id": 3, "parent_id": 1, "kind": "課", "name": "戸籍住民課"},
        {"id": 4, "parent_id": 1, "kind": "課", "name": "市民課"},
        {"id": 5, "parent_id": 3, "kind": "係", "name": "住民記録係"},
        {"id": 6, "kind": "部", "name": "財務部"},
    ],
    "initiatives": [{"id": 1, "title": "手続等のオンライン化", "lead_department_id": 2, "related_department_ids": [3],
                     "schedule_rows": [{"id": 1, "title": "転出届・転入予約", "lead_department_id": 3}]}],
}


@pytest.fixture
def controller() -> Iterator[DocumentController]:
    doc: PlanDocument = json_io.import_data(DATA)
    yield DocumentController(doc)
    doc.close(keep_working_copy=False)


@pytest.fixture
def dialog(qtbot: Any, controller: DocumentController) -> DepartmentsDialog:
    d = DepartmentsDialog(controller)
    qtbot.addWidget(d)
    d.set_fy(2024)
    d.confirm = lambda text: pytest.fail(f"unexpected question: {text}")  # type: ignore[method-assign]
    d.run_prompt = lambda dlg: pytest.fail("unexpected input dialog")  # type: ignore[method-assign]
    d.show()
    qtbot.waitExposed(d)
    return d


def type_ja(widget: QWidget, text: str) -> None:
    """Type Japanese as an input method commits it (QTest.keyClicks only knows Latin-1 keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def names(controller: DocumentController, fy: int | None = None) -> dict[int, str]:
    return {d.id: d.name for d in dep.list_departments(controller.doc.session.connection(), fy)}


def prompt(qtbot: Any, fill: Callable[[Any], None]) -> Callable[[QDialog], bool]:
    """A stand-in for exec(): fills the real input dialog as a person would and accepts it."""

    def run(dlg: QDialog) -> bool:
        qtbot.addWidget(dlg)
        fill(dlg)
        return True

    return run


def click(qtbot: Any, dialog: DepartmentsDialog, action: str) -> None:
    button = dialog.toolbar.widgetForAction(dialog.actions_by_name[action])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_children_of_an_ended_department_hang_under_the_nearest_shown_one(
        qtmodeltester: Any, controller: DocumentController) -> None:
    controller.execute("分割", lambda rec: dep.split(rec, 3, ["住民課", "戸籍課"], 2026))
    model = DepartmentTreeModel()
    conn = controller.doc.session.connection()
    model.load(dep.list_departments(conn, 2026), dep.usage_counts(conn), 2026, False)
    qtmodeltester.check(model)
    top = model.index(0, 0)
    # 住民記録係 stays where its ended parent was
    assert [model.index(r, 0, top).data() for r in range(model.rowCount(top))] == [
        "デジタル推進室", "住民記録係", "住民課", "戸籍課", "市民課"]


def test_model_is_a_sound_tree(qtmodeltester: Any, controller: DocumentController) -> None:
    model = DepartmentTreeModel()
    conn = controller.doc.session.connection()
    model.load(dep.list_departments(conn, 2024), dep.usage_counts(conn), 2024, True)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.index(0, 0).data() == "総務部"
    assert model.index(1, 0, model.index(0, 0)).data() == "戸籍住民課"


def test_shows_names_valid_in_the_chosen_year(dialog: DepartmentsDialog, controller: DocumentController) -> None:
    controller.execute("改称", lambda rec: dep.rename_from(rec, 2, "DX推進課", 2025))
    top = dialog.model.index(0, 0)
    assert dialog.model.index(0, 0, top).data() == "デジタル推進室"
    dialog.set_fy(2025)
    assert dialog.model.index(0, 0, dialog.model.index(0, 0)).data() == "DX推進課"


def test_add_and_add_child_then_undo(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController) -> None:
    dialog.select([6])
    dialog.run_prompt = prompt(qtbot, lambda dlg: type_ja(dlg.name_edit, "企画政策部"))
    click(qtbot, dialog, "add")
    dialog.run_prompt = prompt(qtbot, lambda dlg: type_ja(dlg.name_edit, "企画課"))
    click(qtbot, dialog, "add_child")
    info = {d.name: d for d in dep.list_departments(controller.doc.session.connection())}
    assert info["企画政策部"].parent_id is None and info["企画政策部"].kind == "部"
    assert info["企画課"].parent_id == info["企画政策部"].id
    assert dialog.selected_ids() == [info["企画課"].id]
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert "企画政策部" not in names(controller).values()
    assert dialog.model.rowCount() == 2


def test_f2_fixes_a_typo_in_place(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController) -> None:
    dialog.select([4])
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_F2)
    editor = dialog.tree.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    type_ja(editor, "市民窓口課")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(controller)[4] == "市民窓口課")  # the delegate commits queued
    assert controller.undo_stack.undoText() == "部署名の修正"
    controller.undo_stack.undo()
    assert names(controller)[4] == "市民課"


def test_rename_from_year(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController) -> None:
    dialog.select([2])

    def fill(dlg: NameDialog) -> None:
        dlg.name_edit.clear()
        type_ja(dlg.name_edit, "DX推進課")
        assert dlg.fy_combo is not None
        dlg.fy_combo.setCurrentIndex(dlg.fy_combo.findData(2026))

    dialog.run_prompt = prompt(qtbot, fill)
    click(qtbot, dialog, "rename")
    conn = controller.doc.session.connection()
    assert dep.name_in(conn, 2, 2025) == "デジタル推進室" and dep.name_in(conn, 2, 2026) == "DX推進課"
    assert dialog.fy == 2026
    assert "令和8年度から「DX推進課」" in dialog.details.text()


def test_merge_then_undo(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController) -> None:
    dialog.select([3, 4])

    def fill(dlg: SplitDialog) -> None:
        type_ja(dlg.names_edit, "市民窓口課")
        dlg.fy_combo.setCurrentIndex(dlg.fy_combo.findData(2025))

    dialog.run_prompt = prompt(qtbot, fill)
    click(qtbot, dialog, "merge")
    conn = controller.doc.session.connection()
    assert dep.label_in(conn, 3, 2025) == "市民窓口課"
    assert dialog.fy == 2025
    shown = [dialog.model.index(r, 0, dialog.model.index(0, 0)).data() for r in range(2)]
    assert shown == ["デジタル推進室", "市民窓口課"]
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert dep.label_in(controller.doc.session.connection(), 3, 2025) == "戸籍住民課"


def test_split(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController) -> None:
    dialog.select([2])

    def fill(dlg: SplitDialog) -> None:
        type_ja(dlg.names_edit, "DX推進課")
        qtbot.keyClick(dlg.names_edit, Qt.Key.Key_Return)
        type_ja(dlg.names_edit, "情報システム課")
        dlg.fy_combo.setCurrentIndex(dlg.fy_combo.findData(2026))

    dialog.run_prompt = prompt(qtbot, fill)
    click(qtbot, dialog, "split")
    assert dep.label_in(controller.doc.session.connection(), 2, 2026) == "DX推進課・情報システム課"
    assert len(dialog.selected_ids()) == 2


def test_refusals_are_shown_and_change_nothing(qtbot: Any, dialog: DepartmentsDialog,
                                               controller: DocumentController) -> None:
    dialog.select([3])
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert dialog.message_box is not None and dialog.message_box.isVisible()
    assert "転出届・転入予約" in dialog.message_box.text() and "2 か所" in dialog.message_box.text()
    assert 3 in names(controller) and controller.undo_stack.count() == 0
    dialog.message_box.close()
    dialog.select([2])
    click(qtbot, dialog, "merge")
    assert "2つ以上" in dialog.message_box.text()
    dialog.run_prompt = prompt(qtbot, lambda dlg: None)  # empty name
    click(qtbot, dialog, "add")
    assert "空" in dialog.message_box.text()
    assert controller.undo_stack.count() == 0


def test_delete_with_subtree_asks_and_undo_restores(qtbot: Any, dialog: DepartmentsDialog,
                                                    controller: DocumentController) -> None:
    controller.execute("外す", lambda rec: dep.set_row_departments(rec, 1, None))
    controller.execute("外す", lambda rec: dep.set_initiative_departments(rec, 1, 2))
    asked: list[str] = []
    dialog.confirm = lambda text: asked.append(text) or True  # type: ignore[method-assign]
    dialog.select([3])
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert asked and "下位の部署 1 件" in asked[0]
    assert {3, 5}.isdisjoint(names(controller))
    controller.undo_stack.undo()
    assert {3, 5} <= set(names(controller))
    assert dialog.model.index_of(5).isValid()


def test_move_up_and_down(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController) -> None:
    dialog.select([4])
    click(qtbot, dialog, "up")
    top = dialog.model.index(0, 0)
    assert [dialog.model.index(r, 0, top).data() for r in range(3)] == ["デジタル推進室", "市民課", "戸籍住民課"]
    assert dialog.selected_ids() == [4]
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    top = dialog.model.index(0, 0)
    assert [dialog.model.index(r, 0, top).data() for r in range(3)] == ["デジタル推進室", "戸籍住民課", "市民課"]


def test_import_cp932_csv_with_preview(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController,
                                       tmp_path: Path) -> None:
    path = tmp_path / "組織一覧.csv"
    path.write_bytes("部,課,係\r\n総務部,戸籍住民課,\r\n総務部,総務課,庶務係\r\n,,庶務係\r\n環境部,環境課,\r\n".encode("cp932"))
    dialog.ask_open_path = lambda: str(path)  # type: ignore[method-assign]
    seen: list[ImportPreviewDialog] = []
    dialog.run_prompt = prompt(qtbot, seen.append)
    click(qtbot, dialog, "import")
    table = seen[0].table
    assert [table.item(r, 2).text() for r in range(table.rowCount())] == [
        "登録済み（読み飛ばし）", "追加", seen[0].table.item(2, 2).text(), "追加"]
    assert "重複" in table.item(2, 2).text()
    assert {"総務課", "庶務係", "環境部", "環境課"} <= set(names(controller).values())
    assert "2 件の部署を追加しました" in dialog.status.text()
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert "環境部" not in names(controller).values()


def test_import_of_a_bad_file_says_so(qtbot: Any, dialog: DepartmentsDialog, controller: DocumentController,
                                      tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    dialog.ask_open_path = lambda: str(path)  # type: ignore[method-assign]
    click(qtbot, dialog, "import")
    assert dialog.message_box is not None and ".xlsx" in dialog.message_box.text()
    assert controller.undo_stack.count() == 0


def test_external_undo_refreshes_the_tree(dialog: DepartmentsDialog, controller: DocumentController) -> None:
    controller.execute("追加", lambda rec: dep.add_department(rec, "会計課"))
    assert dialog.model.rowCount() == 3
    controller.undo_stack.undo()
    assert dialog.model.rowCount() == 2


def test_ctrl_z_in_the_dialog_undoes_and_ctrl_y_redoes(qtbot: Any, dialog: DepartmentsDialog,
                                                       controller: DocumentController) -> None:
    dialog.select([6])
    dialog.run_prompt = prompt(qtbot, lambda dlg: type_ja(dlg.name_edit, "会計課"))
    click(qtbot, dialog, "add_child")
    assert "会計課" in names(controller).values()
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "会計課" not in names(controller).values()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "会計課" in names(controller).values()
    assert dialog.model.index_of(next(k for k, v in names(controller).items() if v == "会計課")).isValid()
