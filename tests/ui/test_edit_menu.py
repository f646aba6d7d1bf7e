"""Edit ▸ 元に戻す(U) / やり直し(R): mnemonics like the other menu items, the command's name after them."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from dxeditor.plan.ops import outline as ops
from tests.ui.test_english import en_window, english  # noqa: F401  (fixtures)


def edit_menu(window) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text() in ("編集(&E)", "&Edit"))


def mnemonics(menu: QMenu) -> list[str]:
    keys = []
    for act in menu.actions():
        m = re.search(r"&([^&])", act.text().replace("&&", ""))
        if m:
            keys.append(m.group(1).upper())
    return keys


def test_undo_and_redo_name_the_command_after_their_mnemonic(qtbot, window):
    assert window.undo_action.text() == "元に戻す(&U)" and not window.undo_action.isEnabled()
    assert window.redo_action.text() == "やり直し(&R)"
    window.commands.run(window.tr("名称の変更"), lambda rec: ops.rename(rec, "row", 1, "改名"))
    assert window.undo_action.text() == "元に戻す(&U) 名称の変更"
    window.undo_action.trigger()
    assert window.undo_action.text() == "元に戻す(&U)"
    assert window.redo_action.text() == "やり直し(&R) 名称の変更"


def test_every_edit_menu_item_has_its_own_mnemonic(window):
    keys = mnemonics(edit_menu(window))
    assert {"U", "R"} <= set(keys)
    assert len(keys) == len(set(keys)), keys


def test_an_ampersand_in_a_command_name_is_shown_not_taken_as_a_mnemonic(window):
    window.commands.run("版の削除（R&D 版）", lambda rec: ops.rename(rec, "row", 1, "改名"))
    assert window.undo_action.text() == "元に戻す(&U) 版の削除（R&&D 版）"


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", "does not support raise", "propagateSizeHints")
def test_u_in_the_open_edit_menu_undoes(qtbot, window):
    window.commands.run("名称の変更", lambda rec: ops.rename(rec, "row", 1, "改名"))
    menu = edit_menu(window)
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    with qtbot.waitSignal(window.undo_action.triggered):
        qtbot.keyClick(menu, Qt.Key.Key_U)
    assert window.controller.undo_stack.index() == 0
    assert window.model._index[("row", 1)].title != "改名"


def test_english_edit_menu(qtbot, en_window):  # noqa: F811
    w = en_window
    assert w.undo_action.text() == "&Undo" and w.redo_action.text() == "&Redo"
    w.commands.run(w.tr("名称の変更"), lambda rec: ops.rename(rec, "row", 1, "Renamed"))
    assert w.undo_action.text() == "&Undo Rename"
    keys = mnemonics(edit_menu(w))
    assert len(keys) == len(set(keys)), keys
