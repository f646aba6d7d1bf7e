"""The status bar says 保存済み only of a plan that is in a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from dxeditor.plan.ops import outline as ops


def shown(window) -> list[str]:
    return [label.text() for label in (window.path_label, window.state_label) if label.isVisibleTo(window)]


def test_a_new_plan_is_not_called_saved_until_it_is(qtbot, window, messages, tmp_path: Path):
    window.new_plan("demo")
    assert shown(window) == ["（まだ保存していません）"]
    window.commands.run("x", lambda rec: ops.rename(rec, "section", 1, "改名"))
    assert shown(window) == ["（まだ保存していません）", "未保存"]
    window.controller.undo_stack.undo()
    assert shown(window) == ["（まだ保存していません）"]
    assert window.save_as(tmp_path / "計画")
    window.statusBar().clearMessage()  # the path shows again once 保存しました has gone
    assert shown(window) == [str(tmp_path / "計画.dxplan"), "保存済み"]
    window.commands.run("x", lambda rec: ops.rename(rec, "section", 1, "改名"))
    assert shown(window)[1] == "未保存"


def test_the_save_question_names_the_plan_as_the_title_bar_does(qtbot, window, messages):
    window.new_plan("demo")
    window.commands.run("x", lambda rec: ops.rename(rec, "section", 1, "改名"))
    assert window.windowTitle() == "自治体DXに関する全体方針[*] — dxeditor"
    messages.answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert messages.texts("question") == ["「自治体DXに関する全体方針」への変更を保存しますか？"]  # not 「無題」
