"""Issue 15 item 12: an offline manual (F1, context help in dialogs), tooltips with keys, a first-run hint."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QToolBar

from dxeditor.core import paths
from dxeditor.ui.help_window import DIALOG_TOPICS, HelpWindow

HELP = paths.resources() / "help"
TOPICS = {"start", "plan-settings", "outline", "initiative", "section", "row", "schedule", "find", "keys",
          "read-only", *DIALOG_TOPICS.values()}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_manual_has_every_topic_and_its_pictures_and_no_web_links(lang):
    html = (HELP / lang / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert TOPICS <= ids, TOPICS - ids
    for src in re.findall(r'src="([^"]+)"', html):
        assert (HELP / lang / src).resolve().is_file(), src
    for href in re.findall(r'href="([^"]+)"', html):
        assert not re.match(r"[a-z]+:", href), href  # no http(s), mailto: the manual is offline
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_f1_opens_the_manual_at_the_focused_part(qtbot, window):
    window.activateWindow()
    window.outline_view.setFocus()
    qtbot.waitUntil(window.outline_view.hasFocus)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F1)
    help_window = window.findChild(HelpWindow)
    assert help_window is not None and help_window.isVisible()
    assert help_window.topic() == "outline"
    assert "dxeditor ヘルプ" in help_window.browser.toPlainText()
    assert "一覧（セクション・取組・工程表の行）" in help_window.browser.toPlainText()
    help_window.close()


def test_help_menu_offers_the_manual_and_the_keys(qtbot, window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "ヘルプ(&H)")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "ヘルプ(&H)" in texts and "キーボード操作の一覧(&K)" in texts and len(texts) >= 3
    next(a for a in menu.actions() if a.text() == "キーボード操作の一覧(&K)").trigger()
    assert window.help_window is not None and window.help_window.topic() == "keys"
    window.help_window.close()


def test_dialogs_get_a_help_button_opening_their_section(qtbot, window, monkeypatch):
    from dxeditor.ui.dialogs.plan_properties import PlanPropertiesDialog

    opened = []
    monkeypatch.setattr(PlanPropertiesDialog, "exec", lambda self: opened.append(self) or 0)
    window.properties_action.trigger()
    dialog = opened[0]
    dialog.show()
    qtbot.waitExposed(dialog)
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Help)
    assert button is not None and button.text() == "ヘルプ"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    help_window = dialog.findChild(HelpWindow)
    assert help_window is not None and help_window.isVisible() and help_window.topic() == "plan-settings"
    assert dialog.isVisible()  # the help button does not close the dialog
    dialog.reject()
    assert not help_window.isVisible()  # closes with its dialog


def test_every_toolbar_action_has_a_tooltip_with_its_shortcut(qtbot, window):
    toolbar = window.findChild(QToolBar, "mainToolBar")
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert all(a.toolTip() for a in actions)
    assert window.save_action.toolTip() == "上書き保存 (Ctrl+S)"
    assert window.add_initiative_action.toolTip() == "取組 (Ctrl+Alt+I)"
    assert window.find_action.toolTip() == "検索・絞り込み (Ctrl+F)"
    for a in actions:
        keys = a.shortcut().toString()
        if keys:
            assert keys in a.toolTip(), a.text()


def test_blank_plan_shows_where_period_and_numbering_are_set(qtbot, messages, monkeypatch):
    from dxeditor.cli import open_template
    from dxeditor.ui.dialogs.plan_properties import PlanPropertiesDialog
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.undo import DocumentController

    w = MainWindow(DocumentController(open_template("blank")))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    hint = w.empty_hint
    assert hint.isVisible() and not w.outline_view.isVisible()
    text = " ".join(lbl.text() for lbl in hint.findChildren(type(w.path_label)))
    assert "計画期間" in text and "番号" in text
    opened = []
    monkeypatch.setattr(PlanPropertiesDialog, "exec", lambda self: opened.append(self) or 0)
    qtbot.mouseClick(hint.settings_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    qtbot.mouseClick(hint.initiative_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible() and w.outline_view.isVisible()
    assert [n.kind for n in w.model.root.children] == ["initiative"]
    w.controller.undo_stack.undo()
    assert hint.isVisible()
    w._forced_dirty = False
    w.controller.undo_stack.setClean()
    w.close()


def _mnemonic_clashes(menu, where: str) -> list[str]:
    seen: dict[str, list[str]] = {}
    out = []
    for act in menu.actions():
        m = re.search(r"&([^&])", act.text())
        if m:
            seen.setdefault(m.group(1).upper(), []).append(act.text())
        if act.menu() is not None:
            out += _mnemonic_clashes(act.menu(), f"{where} > {act.text()}")
    return out + [f"{where}: {v}" for v in seen.values() if len(v) > 1]


def test_menu_mnemonics_do_not_clash(qtbot, window):
    """Alt+F then P must open one item, not cycle between 計画のプロパティ and 印刷."""
    assert not _mnemonic_clashes(window.menuBar(), "menu bar")


def test_f6_lands_on_the_first_field_of_the_form(qtbot, window):
    from PySide6.QtWidgets import QApplication, QLineEdit

    window.activateWindow()
    window.outline_view.setFocus()
    window.outline_view.select_item("initiative", 1)
    qtbot.waitUntil(window.outline_view.hasFocus)
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F6)
    assert isinstance(QApplication.focusWidget(), QLineEdit)  # 番号, not the scroll area around the form


def test_form_mnemonics_leave_the_menu_bar_alone(qtbot, window):
    """Alt+T must open ツール wherever the focus is, also while a row's or a section's form is shown."""
    bar = {re.search(r"&(.)", a.text()).group(1).upper() for a in window.menuBar().actions()}
    from PySide6.QtWidgets import QLabel

    for form in (window.row_form, window.section_form):
        for label in form.findChildren(QLabel):
            m = re.search(r"&([^&])", label.text())
            if m and label.buddy() is not None:
                assert m.group(1).upper() not in bar, label.text()


def test_tab_leaves_the_section_description(qtbot, window):
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    window.outline_view.setFocus()
    window.outline_view.select_item("section", 1)
    qtbot.waitUntil(lambda: window.detail.currentWidget() is window.section_form)
    edit = window.section_form.description_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert "\t" not in edit.toPlainText() and QApplication.focusWidget() is not edit



@pytest.mark.parametrize("lang", ["ja", "en"])
def test_getting_started_names_every_way_to_start_a_plan(qtbot, window, lang):
    """What File ▸ New offers is what the manual's first section says it offers."""
    from PySide6.QtWidgets import QApplication, QMenuBar

    from dxeditor.core import errors
    from dxeditor.ui.i18n import install_translations

    page = (HELP / lang / "index.html").read_text(encoding="utf-8")
    start = page[page.index('id="start"'):]
    start = re.sub(r"<[^>]+>", "", start[:start.index("<h2", 1)]).lower()
    file_menu = window.findChild(QMenuBar).actions()[0].menu()
    new_menu = next(a.menu() for a in file_menu.actions() if a.menu() is not None)
    sources = [a.text() for a in new_menu.actions() if not a.isSeparator()]
    translators = install_translations(QApplication.instance(), lang) if lang == "en" else []
    try:
        labels = [window.tr(t) for t in sources]
    finally:
        for t in translators:
            QApplication.instance().removeTranslator(t)
        errors.set_language("ja")  # install_translations switched the lower layers' messages too
    labels = [re.sub(r"\(&.\)|&|…", "", label).strip().lower() for label in labels]
    assert len(labels) >= 5 and all(labels)
    missing = [label for label in labels if label not in start]
    assert missing == [], missing
