"""The initiative form in the detail panel: fields, bullet lists, KPIs, SDGs, departments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from dxeditor.plan.ops import initiatives as svc
from dxeditor.store import models as m
from tests.ui.test_main_window import ime_type


def conn(window):
    return window.controller.doc.session.connection()


def show_initiative(qtbot, window, iid: int = 1):
    window.activateWindow()
    window.outline_view.select_item("initiative", iid)
    form = window.initiative_form
    assert window.detail.currentWidget() is form and form.item_id == iid
    return form


def initiative(window, iid: int = 1) -> dict:
    return dict(conn(window).execute(select(m.Initiative.__table__).where(m.Initiative.id == iid)).mappings().one())


def test_form_shows_the_initiative(qtbot, window):
    form = show_initiative(qtbot, window)
    ui = form.ui
    assert ui.titleEdit.text() == "手続のオンライン化"
    assert ui.numberEdit.placeholderText() == "(1)"
    assert ui.leadCombo.currentText().strip() == "デジタル推進室"
    assert ui.sdgPicker.goals() == [9, 11]
    assert ui.nationalCategoryCombo.currentData() == "focus" and ui.nationalNumberSpin.value() == 3
    assert form.editor("current").items() == [(0, "窓口での手続が多い", True)]
    assert form.kpis.table.item(0, 0).text() == "電子申請化した手続数"
    assert form.kpis.table.item(0, 2).text() == "27"


def test_title_commits_when_editing_finishes_and_undoes(qtbot, window, messages):
    ui = show_initiative(qtbot, window).ui
    ui.titleEdit.setFocus()
    ui.titleEdit.selectAll()
    qtbot.keyClicks(ui.titleEdit, "Online ")
    ime_type(ui.titleEdit, "手続 𠮷")
    qtbot.keyClick(ui.titleEdit, Qt.Key.Key_Return)
    assert initiative(window)["title"] == "Online 手続 𠮷"
    assert window.model._index[("initiative", 1)].title == "Online 手続 𠮷"
    assert window.undo_action.text() == "元に戻す(&U) 取組名の変更"
    window.undo_action.trigger()
    assert ui.titleEdit.text() == "手続のオンライン化"
    ui.titleEdit.clear()
    qtbot.keyClick(ui.titleEdit, Qt.Key.Key_Return)
    assert "空" in messages.texts("warning")[0]
    assert ui.titleEdit.text() == "手続のオンライン化" == initiative(window)["title"]


def test_bullet_editor_keys_and_one_command_on_focus_out(qtbot, window):
    form = show_initiative(qtbot, window)
    editor = form.editor("current")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = window.controller.undo_stack.count()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    ime_type(editor, "紙の申請書が多い")
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor, Qt.Key.Key_Right, alt_shift)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "RPA")
    qtbot.keyClick(editor, Qt.Key.Key_Left, alt_shift)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # empty bullet goes away
    assert editor.items() == [(0, "窓口での手続が多い", True), (1, "紙の申請書が多い", True), (0, "RPA", True)]
    assert window.controller.undo_stack.count() == before  # nothing per keystroke
    form.ui.titleEdit.setFocus()  # focus leaves the editor
    qtbot.waitUntil(lambda: window.controller.undo_stack.count() == before + 1)
    assert svc.text_block(conn(window), 1, "current") == editor.items()
    assert window.undo_action.text() == "元に戻す(&U) 現状と課題の編集"
    window.undo_action.trigger()
    assert editor.items() == [(0, "窓口での手続が多い", True)]


def test_bullet_editor_commits_after_a_pause(qtbot, window):
    form = show_initiative(qtbot, window)
    editor = form.editor("direction")
    editor.setFocus()
    ime_type(editor, "段階的に拡充する")
    with qtbot.waitSignal(editor.committed, timeout=5000):
        pass
    assert svc.text_block(conn(window), 1, "direction") == [(0, "段階的に拡充する", True)]


def test_long_text_survives(qtbot, window):
    form = show_initiative(qtbot, window)
    editor = form.editor("content")
    editor.set_items([(0, "長" * 100_000, True)])
    editor.setFocus()
    qtbot.keyClicks(editor, "x")
    editor.commit()
    assert len(svc.text_block(conn(window), 1, "content")[0][1]) == 100_001


def test_kpi_target_must_be_a_number(qtbot, window, messages):
    form = show_initiative(qtbot, window)
    table = form.kpis.table
    table.setFocus()
    table.setCurrentCell(0, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "many")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(messages.texts("warning")))
    assert "数値ではありません" in messages.texts("warning")[0]
    assert table.item(0, 2).text() == "27"
    table.item(0, 2).setText("３０")
    assert svc.children(conn(window), "kpi", 1)[0]["target_value"] == 30.0
    form.kpis.add_button.click()
    assert len(svc.children(conn(window), "kpi", 1)) == 2
    form.kpis.up_button.click()
    assert svc.children(conn(window), "kpi", 1)[0]["name"] == "新しい成果目標"
    form.kpis.remove_button.click()
    assert [k["name"] for k in svc.children(conn(window), "kpi", 1)] == ["電子申請化した手続数"]


def test_sdg_badges_departments_and_national_item(qtbot, window):
    form = show_initiative(qtbot, window)
    ui = form.ui
    badge = ui.sdgPicker.badges[16]
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    assert conn(window).execute(select(m.InitiativeSdg.goal).where(m.InitiativeSdg.initiative_id == 1)
                                .order_by(m.InitiativeSdg.goal)).scalars().all() == [9, 11, 17]
    ui.relatedList.item(2).setCheckState(Qt.CheckState.Checked)  # 戸籍住民課
    assert svc.departments_of(conn(window), "initiative", 1) == (2, [3])
    ui.nationalTargetEdit.setFocus()
    qtbot.keyClicks(ui.nationalTargetEdit, "R7")
    qtbot.keyClick(ui.nationalTargetEdit, Qt.Key.Key_Return)
    assert initiative(window)["national_target_fy"] == 2025
    assert ui.nationalTargetEdit.text() == "令和7年度"
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert ui.sdgPicker.goals() == [9, 11]


def test_reference_table_and_section_and_row_forms(qtbot, window):
    form = show_initiative(qtbot, window)
    form.references.add_button.click()
    assert svc.children(conn(window), "reference", 1)[0]["title"] == "新しい根拠・関連計画"
    window.outline_view.select_item("section", 2)
    assert window.detail.currentWidget() is window.section_form
    window.section_form.title_edit.setFocus()
    window.section_form.title_edit.selectAll()
    qtbot.keyClicks(window.section_form.title_edit, "Staff")
    qtbot.keyClick(window.section_form.title_edit, Qt.Key.Key_Return)
    assert window.model._index[("section", 2)].title == "Staff"
    window.outline_view.select_item("row", 3)
    assert window.detail.currentWidget() is window.row_form
    assert window.row_form.lead_combo.currentText() .strip() == "市民税課"
    window.row_form.note_edit.setFocus()
    qtbot.keyClicks(window.row_form.note_edit, "memo")
    qtbot.keyClick(window.row_form.note_edit, Qt.Key.Key_Return)
    assert conn(window).execute(select(m.ScheduleRow.note).where(m.ScheduleRow.id == 3)).scalar_one() == "memo"


def test_kpi_deadline_outside_the_plan_period_is_told_but_kept(qtbot, window, messages):
    form = show_initiative(qtbot, window)
    form.kpis.table.item(0, 7).setText("令和12年度")
    assert svc.children(conn(window), "kpi", 1)[0]["deadline_fy"] == 2030
    assert "計画期間" in messages.texts("warning")[-1]
    form.kpis.table.item(0, 7).setText("R8")
    assert form.kpis.table.item(0, 7).text() == "令和8年度"
    assert len(messages.texts("warning")) == 1


def test_tab_leaves_the_bullet_editors_in_form_order(qtbot, window):
    form = show_initiative(qtbot, window)
    window.activateWindow()
    current, direction = form.editor("current"), form.editor("direction")
    current.setFocus()
    qtbot.keyClick(current, Qt.Key.Key_Tab)
    assert window.focusWidget() is direction
    qtbot.keyClick(direction, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.focusWidget() is current
    assert current.items() == [(0, "窓口での手続が多い", True)]


def test_row_form_lists_departments_as_they_are_when_a_row_is_shown(qtbot, window):
    """The department lists are kept from row to row, and read again once departments change."""
    from dxeditor.plan.ops import departments as dops

    form = window.row_form
    window.outline_view.select_item("row", 3)
    assert window.detail.currentWidget() is form
    names = [form.lead_combo.itemText(i).strip() for i in range(form.lead_combo.count())]
    assert "市民税課" in names and "新しい課" not in names
    window.outline_view.select_item("row", 1)
    assert form.lead_combo.currentText().strip() == "戸籍住民課"  # its own lead, with the lists kept
    window.controller.execute("dept", lambda rec: dops.add_department(rec, "新しい課", 1))
    window.controller.execute("rename", lambda rec: dops.rename_department(rec, 3, "市民窓口課"))
    window.outline_view.select_item("row", 3)
    names = [form.lead_combo.itemText(i).strip() for i in range(form.lead_combo.count())]
    assert "新しい課" in names and "市民窓口課" in names and "戸籍住民課" not in names
    window.outline_view.select_item("row", 1)
    assert form.lead_combo.currentText().strip() == "市民窓口課"
    assert [form.related_list.item(i).text().strip() for i in range(form.related_list.count())] == \
        [form.lead_combo.itemText(i).strip() for i in range(1, form.lead_combo.count())]
