"""Plan properties: typing, previews, phases; OK is one undoable command, Cancel changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QWidget

from dxeditor.formats.json import io as json_io
from dxeditor.plan.ops import plan_meta as pm
from dxeditor.store.document import PlanDocument
from dxeditor.store.models import DEFAULT_PHASES
from dxeditor.ui.dialogs.plan_properties import PlanPropertiesDialog
from dxeditor.ui.undo import DocumentController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

DATA: dict[str, Any] = {
    "format": "dxeditor-plan", "format_version": 1,
    "plan": {"title": "行方市DX基本方針", "municipality": "行方市", "period_start_fy": 2021, "period_end_fy": 2025,
             "year_style": "short", "numbering_style": "paren"},
    "phases": [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in DEFAULT_PHASES],
    "initiatives": [{"id": 1, "title": "取組", "schedule_rows": [{"id": 1, "title": "行", "bars": [
        {"start": "2022-04", "end": "2023-03", "phase": "study"}]}]}],
}


def type_ja(widget: QWidget, text: str) -> None:
    """Type Japanese as an input method commits it (QTest.keyClicks only knows Latin-1 keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def controller() -> Iterator[DocumentController]:
    doc: PlanDocument = json_io.import_data(DATA)
    yield DocumentController(doc)
    doc.close(keep_working_copy=False)


@pytest.fixture
def dialog(qtbot: Any, controller: DocumentController) -> PlanPropertiesDialog:
    d = PlanPropertiesDialog(controller)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def plan(controller: DocumentController) -> dict[str, Any]:
    return pm.plan_row(controller.doc.session.connection())


def ok(qtbot: Any, dialog: PlanPropertiesDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, data: Any) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_edit_metadata_is_one_undoable_command(qtbot: Any, dialog: PlanPropertiesDialog,
                                               controller: DocumentController) -> None:
    title = dialog.edits["title"]
    title.end(False)
    qtbot.keyClicks(title, " Ver.2.0")
    type_ja(dialog.edits["issuing_department"], "総務部デジタル推進室")
    choose(dialog.end_combo, 2027)
    choose(dialog.year_style, "both")
    choose(dialog.numbering, "circled")
    type_ja(dialog.vision, "誰一人取り残さない")
    qtbot.keyClick(dialog.vision, Qt.Key.Key_Return)
    type_ja(dialog.vision, "人に優しいデジタル化")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    p = plan(controller)
    assert (p["title"], p["issuing_department"], p["period_end_fy"], p["year_style"], p["numbering_style"]) == (
        "行方市DX基本方針 Ver.2.0", "総務部デジタル推進室", 2027, "both", "circled")
    assert p["vision"] == "誰一人取り残さない\n人に優しいデジタル化"
    assert controller.undo_stack.count() == 1 and controller.undo_stack.undoText() == "計画の設定の変更"
    controller.undo_stack.undo()
    p = plan(controller)
    assert (p["title"], p["period_end_fy"], p["year_style"], p["vision"]) == ("行方市DX基本方針", 2025, "short", "")


def test_previews_follow_the_choices(dialog: PlanPropertiesDialog) -> None:
    assert "令和3年度" in dialog.year_preview.text() and ">4年度<" in dialog.year_preview.text()
    choose(dialog.year_style, "alpha")
    assert ">R3<" in dialog.year_preview.text() and ">R7<" in dialog.year_preview.text()
    choose(dialog.year_style, "both")
    assert "令和3(2021)年度" in dialog.year_preview.text()
    choose(dialog.numbering, "circled")
    assert dialog.numbering_preview.text().startswith("①")
    assert dialog.start_combo.currentText() == "令和3年度 (2021)"
    assert dialog.start_combo.itemText(dialog.start_combo.findData(2019)) == "令和元年度 (2019)"


@pytest.mark.parametrize("case", ["empty title", "start after end"])
def test_refusal_keeps_dialog_open_and_plan_unchanged(qtbot: Any, dialog: PlanPropertiesDialog,
                                                      controller: DocumentController, case: str) -> None:
    before = plan(controller)
    if case == "empty title":
        dialog.edits["title"].clear()
        type_ja(dialog.edits["municipality"], "𠮷野市😀")
        expected = "計画名を入力してください"
    else:
        choose(dialog.start_combo, 2026)
        expected = "開始年度は終了年度以前"
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message_box is not None and expected in dialog.message_box.text()
    assert plan(controller) == before and controller.undo_stack.count() == 0


def test_cancel_changes_nothing(qtbot: Any, dialog: PlanPropertiesDialog, controller: DocumentController) -> None:
    before = plan(controller)
    type_ja(dialog.edits["subtitle"], "副題")
    dialog.add_phase()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert plan(controller) == before and controller.undo_stack.count() == 0
    assert len(pm.list_phases(controller.doc.session.connection())) == 5


def test_phases_tab(qtbot: Any, dialog: PlanPropertiesDialog, controller: DocumentController) -> None:
    dialog.tabs.setCurrentIndex(2)
    table = dialog.phase_table
    qtbot.mouseClick(dialog.phase_buttons["add"], Qt.MouseButton.LeftButton)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    type_ja(editor, "運用・保守")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(5, 0).text() == "運用・保守")  # the delegate commits queued
    dialog.ask_color = lambda initial: QColor("#123456")  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.phase_buttons["color"], Qt.MouseButton.LeftButton)
    choose(table.cellWidget(5, 2), "vertical")
    qtbot.mouseClick(dialog.phase_buttons["up"], Qt.MouseButton.LeftButton)
    # 検討 is used by a bar: refused at once
    table.selectRow(0)
    qtbot.mouseClick(dialog.phase_buttons["delete"], Qt.MouseButton.LeftButton)
    assert "1 本の工程" in dialog.message_box.text()
    dialog.message_box.close()
    table.selectRow(3)  # 継続 (unused)
    qtbot.mouseClick(dialog.phase_buttons["delete"], Qt.MouseButton.LeftButton)
    ok(qtbot, dialog)
    phases = pm.list_phases(controller.doc.session.connection())
    assert [(p["name"], p["pattern"]) for p in phases] == [
        ("検討", "diagonal"), ("準備・構築", "cross"), ("実施", "solid"), ("運用・保守", "vertical"),
        ("その他", "horizontal")]
    assert phases[3]["color"] == "#123456"
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert [p["name"] for p in pm.list_phases(controller.doc.session.connection())] == [
        "検討", "準備・構築", "実施", "継続", "その他"]


def test_duplicate_phase_name_is_refused_on_ok(qtbot: Any, dialog: PlanPropertiesDialog,
                                               controller: DocumentController) -> None:
    dialog.phase_table.item(1, 0).setText("検討")
    ok(qtbot, dialog)
    assert "既にあります" in dialog.message_box.text()
    assert controller.undo_stack.count() == 0


def test_numbering_restart_is_a_choice_of_its_own(qtbot: Any, dialog: PlanPropertiesDialog,
                                                  controller: DocumentController) -> None:
    choose(dialog.numbering, "paren")
    assert not dialog.numbering_restart.isChecked()  # (1)…(10) through the plan, as 小樽市
    assert dialog.numbering_preview.text() == "(1)　(2)　（次のセクション）(3)"
    qtbot.mouseClick(dialog.numbering_restart, Qt.MouseButton.LeftButton,
                     pos=dialog.numbering_restart.rect().bottomLeft() + QPoint(4, -4))
    assert dialog.numbering_preview.text() == "(1)　(2)　（次のセクション）(1)"
    choose(dialog.numbering, "circled")
    assert dialog.numbering_restart.isChecked()  # ① restarts in each section, as the national plan
    choose(dialog.numbering, "hier")
    assert not dialog.numbering_restart.isEnabled()
    choose(dialog.numbering, "paren")
    qtbot.mouseClick(dialog.numbering_restart, Qt.MouseButton.LeftButton,
                     pos=dialog.numbering_restart.rect().bottomLeft() + QPoint(4, -4))
    ok(qtbot, dialog)
    assert plan(controller)["numbering_style"] == "paren/section"
