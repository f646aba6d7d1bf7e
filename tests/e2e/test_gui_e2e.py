"""End to end: build part of a plan in the real window, undo, redo, save, reopen, compare; start the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from dxeditor.formats.json import io as json_io
from dxeditor.store.document import PlanDocument
from tests.ui.conftest import controller, messages, small_doc, window  # noqa: F401  (shared UI fixtures)
from tests.ui.test_main_window import ime_type

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]


def exported(doc: PlanDocument) -> dict:
    data = json_io.export_data(doc.session.connection())
    data.pop("exported_at")
    data.pop("audit_log", None)
    return data


def test_edit_undo_redo_save_reopen_compare(qtbot, window, tmp_path: Path):  # noqa: F811
    view = window.outline_view
    window.activateWindow()
    view.setFocus()
    view.select_item("section", 2)
    window.add_initiative_action.trigger()  # new initiative, name it in place
    editor = QApplication.focusWidget()
    editor.selectAll()
    ime_type(editor, "窓口のデジタル化")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(n.title == "窓口のデジタル化" for n in window.model.all_nodes()))
    new_id = view.current_item()[1]
    form = window.initiative_form
    view.select_item("initiative", new_id)
    text = form.editor("current")
    text.setFocus()
    text.moveCursor(QTextCursor.MoveOperation.End)
    ime_type(text, "来庁が必要な手続が多い")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClick(text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)  # nest
    ime_type(text, "平日の日中のみ 😀")
    form.ui.titleEdit.setFocus()  # commit the bullets
    qtbot.mouseClick(form.ui.sdgPicker.badges[10], Qt.MouseButton.LeftButton)
    form.kpis.add_button.click()
    view.setFocus()
    view.select_item("initiative", new_id)
    window.add_row_action.trigger()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    final = exported(window.controller.doc)
    steps = window.controller.undo_stack.count()
    assert steps >= 5
    for _ in range(steps):
        window.undo_action.trigger()
    assert not any(n.title == "窓口のデジタル化" for n in window.model.all_nodes())
    for _ in range(steps):
        window.redo_action.trigger()
    assert exported(window.controller.doc) == final
    target = tmp_path / "e2e.dxplan"
    assert window.save_as(target)
    reopened = PlanDocument.open(target, read_only=True)
    try:
        assert exported(reopened) == final
    finally:
        reopened.close(keep_working_copy=False)
    init = next(i for i in final["initiatives"] if i["title"] == "窓口のデジタル化")
    assert init["sdgs"] == [11]
    assert [(t["level"], t["text"]) for t in init["text"]["current"]] == [
        (0, "来庁が必要な手続が多い"), (1, "平日の日中のみ 😀")]
    assert [r["title"] for r in init["schedule_rows"]] == ["新しい行"]
    assert len(init["kpis"]) == 1


def run_program(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run([sys.executable, "-m", "dxeditor", *args], cwd=ROOT, env=full, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_program_starts_on_a_file_and_on_the_demo(small_doc, tmp_path: Path):  # noqa: F811
    plan = small_doc.save(tmp_path / "start.dxplan")
    proc = run_program(str(plan), DXEDITOR_EXIT_AFTER_FIRST_PAINT="1")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "first-paint"
    proc = run_program(DXEDITOR_EXIT_AFTER_FIRST_PAINT="1")  # last plan from the settings
    assert proc.returncode == 0 and "first-paint" in proc.stdout
    assert not (tmp_path / "start.dxplan.lock").exists()


def test_build_a_flat_plan_like_seed_001_by_hand(qtbot, window, tmp_path: Path):  # noqa: F811
    """Seed 001 is a flat list of initiatives with long text and references."""
    window.new_plan("blank")
    assert window.model.all_nodes() == []
    titles = ["行政手続のオンライン化", "AI・RPAの利用推進", "テレワークの推進"]
    for title in titles:
        window.activateWindow()
        window.outline_view.setFocus()
        window.add_initiative_action.trigger()
        editor = QApplication.focusWidget()
        editor.selectAll()
        ime_type(editor, title)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda t=title: any(n.title == t for n in window.model.all_nodes()))
    assert [(n.number, n.title) for n in window.model.all_nodes()] == [
        ("(1)", titles[0]), ("(2)", titles[1]), ("(3)", titles[2])]
    first = window.model.all_nodes()[0].id
    window.outline_view.select_item("initiative", first)
    form = window.initiative_form
    body = form.editor("direction")
    body.setFocus()
    ime_type(body, "書かない窓口" * 2000)
    form.references.add_button.click()
    form.references.table.item(0, 0).setText("◇デジタル社会の実現に向けた重点計画")
    form.references.table.item(0, 1).setText("令和5年6月9日閣議決定")
    assert window.save_as(tmp_path / "namegata.dxplan")
    doc = PlanDocument.open(tmp_path / "namegata.dxplan", read_only=True)
    try:
        data = exported(doc)
    finally:
        doc.close(keep_working_copy=False)
    assert [i["title"] for i in data["initiatives"]] == titles
    assert data["initiatives"][0]["text"]["direction"][0]["text"] == "書かない窓口" * 2000
    assert data["initiatives"][0]["references"][0] == {
        "title": "◇デジタル社会の実現に向けた重点計画", "date_text": "令和5年6月9日閣議決定", "note": ""}


def test_program_refuses_a_bad_file_with_a_message(tmp_path: Path):
    bad = tmp_path / "bad.dxplan"
    bad.write_text("これは計画ではありません", encoding="utf-8")
    proc = run_program(str(bad), DXEDITOR_EXIT_AFTER_FIRST_PAINT="1")
    assert proc.returncode == 2
    assert "dxeditor の計画ファイルではありません" in proc.stderr and "Traceback" not in proc.stderr
