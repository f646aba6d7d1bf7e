"""The main window driven like a person would: keyboard, menus, clipboard, find, files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from dxeditor.plan.readmodel import load_plan_view
from dxeditor.store.document import PlanDocument


def ime_type(widget, text: str) -> None:
    """Commit ``text`` as an input method does (QTest cannot type non-ASCII keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def titles(window) -> list[str]:
    return [n.title for n in window.model.all_nodes()]


def focus_outline(qtbot, window, kind: str, item_id: int) -> None:
    window.activateWindow()
    window.outline_view.setFocus()
    window.outline_view.select_item(kind, item_id)
    qtbot.waitUntil(lambda: window.outline_view.hasFocus())


def test_title_status_and_modified_marker(qtbot, window):
    assert window.windowTitle() == "テスト市DX推進計画[*] — dxeditor"
    assert not window.isWindowModified()
    assert not window.state_label.isVisibleTo(window)  # never saved: the path label says so, not 保存済み
    window.commands.run("x", lambda rec: __import__("dxeditor.plan.ops.outline").plan.ops.outline.rename(
        rec, "row", 1, "改名"))
    assert window.isWindowModified() and window.state_label.text() == "未保存"
    assert not window.read_only_label.isVisible()


def test_f2_rename_in_place_then_undo_and_redo_by_keyboard(qtbot, window):
    focus_outline(qtbot, window, "row", 4)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F2)
    editor = window.outline_view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "RPA pilot ")
    ime_type(editor, "𠮷😀")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits through a queued call
    qtbot.waitUntil(lambda: "RPA pilot 𠮷😀" in titles(window))
    assert window.undo_action.text() == "元に戻す(&U) 名称の変更"
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "RPA" in titles(window) and "RPA pilot 𠮷😀" not in titles(window)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "RPA pilot 𠮷😀" in titles(window)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "RPA pilot 𠮷😀" in titles(window)
    assert window.undo_view.stack() is window.controller.undo_stack


def test_delete_key_deletes_and_undo_restores(qtbot, window, messages):
    focus_outline(qtbot, window, "row", 3)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Delete)
    assert "コンビニ交付" not in titles(window)
    assert not messages.shown  # one line: no confirmation
    assert window.outline_view.current_item() is not None
    window.undo_action.trigger()
    assert "コンビニ交付" in titles(window)


def test_deleting_much_asks_first(qtbot, window, messages):
    focus_outline(qtbot, window, "section", 1)
    messages.answers = [QMessageBox.StandardButton.No]
    window.delete_action.trigger()
    assert "取組 2 件、工程表の行 3 件" in messages.texts("question")[0]
    assert "手続のオンライン化" in titles(window)
    window.delete_action.trigger()  # default answer: Yes
    assert "手続のオンライン化" not in titles(window) and "RPA" in titles(window)


def test_add_items_start_naming_and_refuse_rows_under_sections(qtbot, window, messages):
    focus_outline(qtbot, window, "initiative", 2)
    window.add_row_action.trigger()
    editor = window.outline_view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "新しい行"
    qtbot.keyClicks(editor, "Chatbot")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(window)[titles(window).index("情報発信") + 1] == "Chatbot")
    focus_outline(qtbot, window, "section", 2)
    window.add_initiative_action.trigger()
    view = load_plan_view(window.controller.doc.session.connection())
    assert [i.title for i in view.sections[1].initiatives] == ["AI・RPAの利用促進", "新しい取組"]
    window.add_section_action.trigger()
    assert [s.title for s in load_plan_view(window.controller.doc.session.connection()).sections][-1] == "新しいセクション"
    window.outline_view.clearSelection()
    focus_outline(qtbot, window, "section", 1)
    window.add_row_action.trigger()
    assert "取組" in messages.texts("warning")[0]


def test_move_indent_duplicate_via_actions(qtbot, window):
    focus_outline(qtbot, window, "row", 2)
    window.move_up_action.trigger()
    assert titles(window)[2:4] == ["キャッシュレス", "転出届・転入予約"]
    assert window.outline_view.current_item() == ("row", 2)
    window.move_down_action.trigger()
    window.indent_action.trigger()
    node = window.model._index[("row", 2)]
    assert node.parent.key() == ("row", 1)
    window.outdent_action.trigger()
    assert window.model._index[("row", 2)].parent.key() == ("initiative", 1)
    window.duplicate_action.trigger()
    assert "キャッシュレス（コピー）" in titles(window)
    assert window.outline_view.current_item()[0] == "row"


def test_copy_rows_as_tab_separated_text_and_paste_from_excel(qtbot, window, messages):
    window.outline_view.select_items([("row", 1), ("row", 3)])
    window.copy_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.splitlines() == ["番号\t名称\t主管課\t関係課\t備考", "\t転出届・転入予約\t戸籍住民課\t\t",
                                 "\tコンビニ交付\t市民税課\t\t"]
    focus_outline(qtbot, window, "initiative", 2)
    QGuiApplication.clipboard().setText("電子契約\t市民税課\r\nRPA拡大\t\r\n")
    window.paste_action.trigger()
    preview = window.commands.preview  # text from Excel: its columns are shown first
    assert preview is not None and preview.isVisible()
    preview.buttons.button(preview.buttons.StandardButton.Ok).click()
    node = window.model._index[("initiative", 2)]
    assert [(c.title, c.dept) for c in node.children] == [("電子契約", "市民税課"), ("RPA拡大", "")]
    assert window.outline_view.selected_items() == [c.key() for c in node.children]
    count = window.controller.undo_stack.count()
    QGuiApplication.clipboard().setText("\t\t\n")
    window.paste_action.trigger()
    assert "貼り付けできません" in messages.texts("warning")[-1]
    assert window.controller.undo_stack.count() == count


def test_find_filters_and_editing_stays_possible(qtbot, window):
    window.find_action.trigger()
    assert window.find_bar.isVisible() and window.find_bar.text_edit.hasFocus()
    qtbot.keyClicks(window.find_bar.text_edit, "RPA")
    qtbot.keyClick(window.find_bar.text_edit, Qt.Key.Key_Return)
    assert window.outline_view.visible_items() == [("section", 2), ("initiative", 3), ("row", 4)]
    assert window.model.index_of("row", 4).data(Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    assert window.model.index_of("section", 2).data(Qt.ItemDataRole.BackgroundRole) is None
    focus_outline(qtbot, window, "row", 4)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F2)
    editor = window.outline_view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "RPA robots")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "RPA robots" in titles(window))
    assert ("row", 4) in window.outline_view.visible_items()
    window.find_bar.text_edit.clear()
    window.find_bar.sdg_combo.setCurrentIndex(window.find_bar.sdg_combo.findData(11))
    assert window.outline_view.visible_items()[:2] == [("section", 1), ("initiative", 1)]
    assert ("initiative", 2) not in window.outline_view.visible_items()
    window.find_bar.sdg_combo.setCurrentIndex(0)
    window.find_bar.dept_combo.setCurrentIndex(window.find_bar.dept_combo.findData(4))
    assert window.outline_view.visible_items() == [("section", 1), ("initiative", 1), ("row", 3)]
    qtbot.keyClick(window.find_bar, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert len(window.outline_view.visible_items()) == len(window.model.all_nodes())


def test_save_as_close_prompt_and_recent_files(qtbot, window, messages, tmp_path: Path):
    target = tmp_path / "計画"
    assert window.save_as(target)
    saved = tmp_path / "計画.dxplan"
    assert saved.exists() and window.state_label.text() == "保存済み"
    assert window.settings.recent_files()[0] == str(saved)
    window.fill_recent_menu()
    assert "計画.dxplan" in window.recent_menu.actions()[0].text()
    window.commands.run("x", lambda rec: __import__("dxeditor.plan.ops.outline").plan.ops.outline.rename(
        rec, "row", 1, "保存前"))
    messages.answers = [QMessageBox.StandardButton.Cancel]
    assert not window.close()
    messages.answers = [QMessageBox.StandardButton.Save]
    assert window.close()
    doc = PlanDocument.open(saved)
    try:
        assert "保存前" in [r.title for r in load_plan_view(doc.session.connection()).rows()]
    finally:
        doc.close(keep_working_copy=False)


def test_open_errors_are_messages_not_tracebacks(qtbot, window, messages, tmp_path: Path):
    bad = tmp_path / "bad.dxplan"
    bad.write_text("not a plan", encoding="utf-8")
    assert not window.open_path(bad)
    assert "dxeditor の計画ファイルではありません" in messages.texts("warning")[0]
    assert not window.open_path(tmp_path / "missing.dxplan")
    assert "見つかりません" in messages.texts("warning")[1]
    assert titles(window)[0] == "市民の利便性向上"


def test_new_plan_and_open_saved_file(qtbot, window, messages, tmp_path: Path):
    window.new_plan("blank")
    assert window.model.all_nodes() == []
    assert window.save_as(tmp_path / "blank.dxplan")
    window.new_plan("national")
    assert window.model.all_nodes()
    assert window.open_path(tmp_path / "blank.dxplan")
    assert window.controller.doc.source == tmp_path / "blank.dxplan"


def test_a_dialog_that_fails_to_import_reaches_the_crash_handler(qtbot, window, messages, monkeypatch):
    import sys

    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: caught.append(exc))
    monkeypatch.setitem(sys.modules, "dxeditor.ui.dialogs.glossary_dialog", None)  # importing it raises ImportError
    window.glossary_action.trigger()
    assert [type(e) for e in caught] == [ModuleNotFoundError]
    assert messages.texts("information") == []  # never 「この機能はまだ利用できません」


def test_a_dialogs_own_error_is_shown_as_a_message(qtbot, window, messages, monkeypatch):
    from dxeditor.core.errors import ValidationError
    from dxeditor.ui.dialogs import glossary_dialog

    def refuse(*_args):
        raise ValidationError("用語集を開けません", "Cannot open the glossary")

    monkeypatch.setattr(glossary_dialog, "GlossaryDialog", refuse)
    window.glossary_action.trigger()
    assert messages.texts("warning") == ["用語集を開けません"]


def test_json_export_and_import(qtbot, window, tmp_path: Path):
    out = tmp_path / "plan.json"
    window.export_json(str(out))
    assert out.exists()
    window.import_json(str(out))
    assert titles(window)[:2] == ["市民の利便性向上", "手続のオンライン化"]
    assert window.controller.doc.source is None


def test_menus_are_reachable_by_keyboard(qtbot, window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "編集(&E)", "表示(&V)", "挿入(&I)", "ツール(&T)", "ヘルプ(&H)"]
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert [k.toString() for k in window.redo_action.shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert window.delete_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_english_ui_through_qt_translations(qtbot, controller, messages):
    from dxeditor.core import errors
    from dxeditor.ui.i18n import install_translations
    from dxeditor.ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translations(app, "en")
    try:
        w = MainWindow(controller)
        qtbot.addWidget(w)
        assert [a.text() for a in w.menuBar().actions()][:2] == ["&File", "&Edit"]
        assert w.state_label.text() == "Saved"
    finally:
        for t in translators:
            app.removeTranslator(t)
        errors.set_language("ja")


def test_unexpected_exceptions_become_a_message_box(qtbot, window, messages):
    import sys

    from dxeditor.ui.crash import install_excepthook

    old = sys.excepthook
    try:
        install_excepthook(lambda: window)
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old
    text = messages.texts("critical")[0]
    assert "予期しないエラー" in text and "作業用コピー" in text


def test_start_with_a_bad_file_says_so(qtbot, messages, tmp_path: Path):
    from dxeditor.ui.app import first_document
    from dxeditor.ui.settings import Settings

    bad = tmp_path / "壊れた.dxplan"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert first_document(bad, Settings()) is None
    assert "壊れた.dxplan" in messages.texts("critical")[0]
    doc = first_document(None, Settings())  # nothing remembered: the demo
    try:
        assert doc.source is None and doc.plan.title
    finally:
        doc.close(keep_working_copy=False)


def test_window_geometry_and_last_file_are_remembered(qtbot, window, tmp_path: Path):
    from dxeditor.ui.settings import Settings

    window.resize(1234, 777)
    assert window.save_as(tmp_path / "geo.dxplan")
    assert window.close()
    settings = Settings()
    assert settings.geometry("geometry") is not None
    assert settings.last_file() == str(tmp_path / "geo.dxplan")
    assert (Path(settings.qs.fileName()).parent) == Path(__import__("os").environ["DXEDITOR_SETTINGS_DIR"])


def test_f6_moves_between_outline_and_detail_panel(qtbot, window):
    window.activateWindow()
    window.outline_view.setFocus()
    window.outline_view.select_item("initiative", 1)
    qtbot.waitUntil(window.outline_view.hasFocus)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F6)
    assert window.initiative_form.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert window.outline_view.hasFocus()


def test_plan_open_elsewhere_opens_read_only(qtbot, window, messages, small_doc, tmp_path: Path):
    import json
    import time

    plan = tmp_path / "shared.dxplan"
    window.save_as(plan)
    window._release_lock()
    (tmp_path / "shared.dxplan.lock").write_text(json.dumps(
        {"user": "sato", "host": "PC-02", "pid": 4242, "since": time.time()}), encoding="utf-8")
    asked: list[tuple[str, bool]] = []
    window.ask_lock_choice = lambda text, stale: asked.append((text, stale)) or "read_only"
    assert window.open_path(plan)
    assert len(asked) == 1 and "sato" in asked[0][0] and "PC-02" in asked[0][0] and asked[0][1] is False
    assert window.controller.doc.read_only and window.read_only_label.isVisible()
    window.commands.run("x", lambda rec: __import__("dxeditor.plan.ops.outline").plan.ops.outline.rename(
        rec, "row", 1, "だめ"))
    assert not messages.texts("warning")  # the banner says why, once; no box per attempt
    assert "読み取り専用" in window.statusBar().currentMessage()


def test_stale_lock_of_our_own_crashed_session_is_taken_over(qtbot, window, messages, tmp_path: Path):
    import json
    import os
    import time

    plan = tmp_path / "mine.dxplan"
    window.save_as(plan)
    window._release_lock()
    (tmp_path / "mine.dxplan.lock").write_text(json.dumps(
        {"user": os.environ["DXEDITOR_USER"], "host": os.environ["DXEDITOR_HOST"], "pid": 999_999_999,
         "since": time.time()}), encoding="utf-8")
    assert window.open_path(plan)
    assert not window.controller.doc.read_only
    assert json.loads((tmp_path / "mine.dxplan.lock").read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_keyboard_multi_select_then_delete_and_paste_after_a_row(qtbot, window, messages):
    focus_outline(qtbot, window, "row", 1)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.outline_view.selected_items() == [("row", 1), ("row", 2)]
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Delete)
    node = window.model._index[("initiative", 1)]
    assert [c.title for c in node.children] == ["コンビニ交付"]
    focus_outline(qtbot, window, "row", 3)
    QGuiApplication.clipboard().setText("番号\t名称\t主管課\n\t住民票\t戸籍住民課\n")
    window.paste_action.trigger()
    window.commands.preview.buttons.button(window.commands.preview.buttons.StandardButton.Ok).click()
    assert [(c.title, c.dept) for c in node.children] == [("コンビニ交付", "市民税課"), ("住民票", "戸籍住民課")]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [c.title for c in node.children] == ["転出届・転入予約", "キャッシュレス", "コンビニ交付"]


def test_text_still_being_typed_is_not_lost_on_close(qtbot, window, messages, tmp_path: Path):
    from dxeditor.plan.ops import initiatives as svc

    assert window.save_as(tmp_path / "typing.dxplan")
    window.outline_view.select_item("initiative", 2)
    editor = window.initiative_form.editor("content")
    editor.setFocus()
    ime_type(editor, "まだ確定していない文章")
    messages.answers = [QMessageBox.StandardButton.Save]
    assert window.close()
    assert "保存しますか" in messages.texts("question")[0]
    doc = PlanDocument.open(tmp_path / "typing.dxplan", read_only=True)
    try:
        assert svc.text_block(doc.session.connection(), 2, "content") == [(0, "まだ確定していない文章", True)]
    finally:
        doc.close(keep_working_copy=False)


def test_manual_number_and_hidden_panel_catches_up(qtbot, window):
    window.outline_view.select_item("initiative", 2)
    ui = window.initiative_form.ui
    ui.numberEdit.setFocus()
    qtbot.keyClicks(ui.numberEdit, "(2-a)")
    qtbot.keyClick(ui.numberEdit, Qt.Key.Key_Return)
    assert window.model._index[("initiative", 2)].number == "(2-a)"
    window.detail_dock.hide()
    window.undo_action.trigger()
    window.detail_dock.show()
    assert ui.numberEdit.text() == "" and ui.numberEdit.placeholderText() == "(2)"


def menu_of(window, *titles: str):
    """The menu reached through the menu bar by ``titles`` (e.g. "ファイル(&F)", "照会(&Q)")."""
    actions = window.menuBar().actions()
    menu = None
    for title in titles:
        menu = next(a.menu() for a in actions if a.text() == title)
        actions = menu.actions()
    return menu


def action_in(window, *path: str):
    """The action at the end of a menu path, as a person would find it."""
    return next(a for a in menu_of(window, *path[:-1]).actions() if a.text() == path[-1])


def test_schedule_zoom_today_and_legend_on_the_toolbar_and_in_the_view_menu(qtbot, window):
    from PySide6.QtWidgets import QToolBar, QToolButton

    view = window.schedule_view
    expected = view.actions_for_toolbar()
    assert [a.text() for a in expected] == ["年度", "半期", "四半期", "月", "今日", "凡例"]
    toolbar = window.findChild(QToolBar, "mainToolBar")
    on_bar = toolbar.actions()
    assert on_bar[-len(expected):] == expected and on_bar[-len(expected) - 1].isSeparator()
    window.showNormal()
    window.resize(1229, 691)  # the opening size on a 1366×768 screen (the offscreen screen is smaller)
    qtbot.waitUntil(lambda: toolbar.width() >= 1200)
    overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()  # everything fits on an office laptop
    submenu = menu_of(window, "表示(&V)", "工程表(&S)")
    assert [a.text() for a in submenu.actions()] == ["年度", "半期", "四半期", "月", "", "今日", "凡例"]
    qtbot.mouseClick(toolbar.widgetForAction(view.zoom_actions["month"]), Qt.MouseButton.LeftButton)
    assert view.zoom == "month" and view.zoom_actions["month"].isChecked()
    assert not view.zoom_actions["year"].isChecked()
    assert view.legend.isVisible()
    qtbot.mouseClick(toolbar.widgetForAction(view.legend_action), Qt.MouseButton.LeftButton)
    assert not view.legend.isVisible()
    action_in(window, "表示(&V)", "工程表(&S)", "凡例").trigger()
    assert view.legend.isVisible()
    action_in(window, "表示(&V)", "工程表(&S)", "四半期").trigger()
    assert view.zoom == "quarter"


def test_tools_menu_opens_the_audit_log_on_this_plan(qtbot, window, monkeypatch):
    from dxeditor.plan.ops import outline as ops
    from dxeditor.ui.dialogs.audit_dialog import AuditDialog

    window.controller.execute("名称の変更", lambda rec: ops.rename(rec, "row", 1, "監査の確認"))
    opened = []
    monkeypatch.setattr(AuditDialog, "exec", lambda self: opened.append(self) or 0)
    action_in(window, "ツール(&T)", "変更履歴(&H)…").trigger()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert dialog.controller is window.controller and dialog.parent() is window
    assert [e.action for e in dialog.model.entries] == ["名称の変更"]


def test_file_menu_exports_inquiry_workbooks_for_this_plan(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from dxeditor.ui.dialogs.inquiry_dialogs import InquiryExportDialog

    opened = []

    def exec_(self):
        opened.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(InquiryExportDialog, "exec", exec_)
    action_in(window, "ファイル(&F)", "照会(&Q)", "照会票を出力(&E)…").trigger()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert dialog.controller is window.controller and dialog.parent() is window
    names = [dialog.departments.item(i).text() for i in range(dialog.departments.count())]
    assert "戸籍住民課" in names


def test_file_menu_takes_in_inquiry_answers_as_one_undo(qtbot, window, monkeypatch, messages, tmp_path: Path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QDialog, QFileDialog

    from dxeditor.exchange import inquiry
    from dxeditor.ui.dialogs.inquiry_dialogs import AnswerPreviewDialog

    answer = inquiry.export_inquiry(window.controller.doc.session.connection(), 3, tmp_path / "戸籍住民課.xlsx",
                                    fiscal_year=2024)
    wb = load_workbook(answer)
    wb[inquiry.BARS_SHEET].cell(inquiry.HEADER_ROW + 1, 5).value = "回答で変更"
    wb.save(answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(answer)], "")))
    previews = []

    def exec_(self):
        previews.append(self)
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AnswerPreviewDialog, "exec", exec_)
    action_in(window, "ファイル(&F)", "照会(&Q)", "回答を取り込む(&I)…").trigger()
    (preview,) = previews
    qtbot.addWidget(preview)
    assert preview.controller is window.controller and preview.parent() is window
    assert window.controller.undo_stack.undoText().startswith("照会回答の取込")
    assert window.isWindowModified() and not messages.texts("warning")


def test_dialog_modules_are_imported_only_when_chosen(tmp_path: Path):
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from dxeditor.app.templates import open_template\n"
        "from dxeditor.ui.main_window import MainWindow\n"
        "from dxeditor.ui.undo import DocumentController\n"
        "doc = open_template('blank')\n"
        "w = MainWindow(DocumentController(doc))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[-1] in\n"
        "      ('audit_dialog', 'inquiry_dialogs', 'excel_dialogs', 'pdf_dialogs', 'glossary_dialog')))\n"
        "w.shutdown()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_english_ui_covers_file_handling_new_menus_and_the_crash_box(qtbot, controller, messages):
    from dxeditor.core import errors
    from dxeditor.ui.crash import crash_message
    from dxeditor.ui.i18n import install_translations
    from dxeditor.ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translations(app, "en")
    try:
        w = MainWindow(controller)
        qtbot.addWidget(w)
        file_menu = w.menuBar().actions()[0].menu()
        assert "In&quiries" in [a.text() for a in file_menu.actions()]
        assert w.audit_action.text() == "Change &history…"
        w.fill_recent_menu()  # a string of the FileHandling mix-in
        assert [a.text() for a in w.recent_menu.actions()] == ["(none)"]
        assert crash_message(RuntimeError("x"), Path("crash.log")).startswith("An unexpected error occurred.")
        w.shutdown()
    finally:
        for t in translators:
            app.removeTranslator(t)
        errors.set_language("ja")


def _locked_by_sato(window, tmp_path: Path, name: str, *, refreshed_hours_ago: float = 0) -> Path:
    import json
    import os
    import time

    plan = tmp_path / name
    window.save_as(plan)
    window._release_lock()
    since = time.time() - refreshed_hours_ago * 3600
    lock = tmp_path / f"{name}.lock"
    lock.write_text(json.dumps({"user": "sato", "host": "PC-02", "pid": 4242, "since": since}), encoding="utf-8")
    os.utime(lock, (since, since))  # the holder refreshes the lock's mtime while it runs
    return plan


def test_plan_open_elsewhere_can_be_opened_as_a_copy(qtbot, window, messages, tmp_path: Path):
    plan = _locked_by_sato(window, tmp_path, "shared.dxplan")
    before = plan.read_bytes()
    window.ask_lock_choice = lambda text, stale: "copy"
    assert window.open_path(plan)
    doc = window.controller.doc
    assert doc.source is None and not doc.read_only and doc.copy_of == plan
    assert "shared.dxplan のコピー" in window.windowTitle()
    window.commands.run("x", lambda rec: __import__("dxeditor.plan.ops.outline").plan.ops.outline.rename(
        rec, "row", 1, "コピーで編集"))
    copy = tmp_path / "mine.dxplan"
    assert window.save_as(copy)
    assert plan.read_bytes() == before  # the locked original is untouched
    assert "sato" in (tmp_path / "shared.dxplan.lock").read_text(encoding="utf-8")


def test_stale_lock_of_someone_else_is_taken_over_only_after_confirming(qtbot, window, messages, tmp_path: Path,
                                                                       monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from dxeditor.store import lock as locks

    plan = _locked_by_sato(window, tmp_path, "old.dxplan", refreshed_hours_ago=30)
    clock = [1000.0]  # staleness: the heartbeat seen standing still on this PC's own clock, not file times
    monkeypatch.setattr(locks, "_monotonic", lambda: clock[0])
    locks.read_lock(plan)
    clock[0] += locks.STALE_AFTER + 60
    offered: list[bool] = []
    window.ask_lock_choice = lambda text, stale: offered.append(stale) or "take_over"
    messages.answers = [QMessageBox.StandardButton.No]  # changes their mind at the confirmation
    assert window.open_path(plan)
    assert offered == [True] and window.controller.doc.read_only
    messages.answers = [QMessageBox.StandardButton.Yes]
    assert window.open_path(plan)
    assert not window.controller.doc.read_only and window.lock is not None
    assert "sato" not in (tmp_path / "old.dxplan.lock").read_text(encoding="utf-8")
