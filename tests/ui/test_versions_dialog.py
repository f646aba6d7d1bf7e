"""ファイル ▸ 版, driven as a person would: make a version, undo it, rename, delete, restore, open read-only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from dxeditor.core.errors import PlanFileError
from dxeditor.formats.json import io as json_io
from dxeditor.plan import versions
from dxeditor.store.document import PlanDocument
from dxeditor.ui.dialogs.version_forms import VersionEditDialog, date_suggestions, default_label, local_time
from dxeditor.ui.dialogs.versions_dialog import VersionsDialog
from dxeditor.ui.version_window import VersionWindow


@pytest.fixture
def demo_window(qtbot, demo_file: Path, messages):
    """The main window on the demo plan saved as a file (it carries Ver.1.0 and Ver.1.1)."""
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.undo import DocumentController

    w = MainWindow(DocumentController(PlanDocument.open(demo_file)))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w._forced_dirty = False
    w.controller.undo_stack.setClean()
    w.close()


@pytest.fixture
def dialog(qtbot, demo_window) -> VersionsDialog:
    demo_window.versions_action.trigger()  # ファイル ▸ 版
    dlg = demo_window.findChild(VersionsDialog, "versionsDialog")
    assert dlg is not None and dlg.isVisible()
    return dlg


def labels(dlg: VersionsDialog) -> list[str]:
    return [dlg.tree.topLevelItem(i).text(0) for i in range(dlg.tree.topLevelItemCount())]


def fill_version_dialog(qtbot, label: str | None, date_text: str | None, note: str, seen: dict) -> None:
    """When the modal 版 dialog comes up: note what it offers, type, press OK."""
    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, VersionEditDialog)
        seen["label"] = dlg.label_edit.text()
        seen["date"] = dlg.date_edit.currentText()
        if label is not None:
            dlg.label_edit.setText(label)
        if date_text is not None:
            dlg.date_edit.setEditText(date_text)
        dlg.note_edit.setPlainText(note)
        seen["dialog"] = dlg
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        if dlg.isVisible():  # refused: it stays open with what was typed; give up
            seen["kept"] = (dlg.label_edit.text(), dlg.note_edit.toPlainText())
            dlg.reject()

    QTimer.singleShot(0, fill)


def test_defaults() -> None:
    assert default_label([]) == "Ver.1.0"
    assert default_label(["Ver.1.0", "Ver.1.1"]) == "Ver.1.2"
    assert default_label(["ver 2.3", "Ver.1.9"]) == "Ver.2.4"
    assert default_label(["Ver.1.0"], "Ver.2.0") == "Ver.2.0"
    assert default_label(["Ver.2.0"], "Ver.2.0") == "Ver.2.1"
    assert date_suggestions("short", date(2024, 3, 5)) == ["令和6年3月改定", "令和6年3月策定", "令和6年3月"]
    assert date_suggestions("seireki", date(2024, 3, 5), first=True)[0] == "2024年3月策定"


def test_lists_the_demo_versions(dialog: VersionsDialog) -> None:
    assert labels(dialog) == ["Ver.1.0", "Ver.1.1"]
    item = dialog.tree.topLevelItem(0)
    assert item.text(1) == "令和4年3月策定"
    assert "サンプル" in item.text(2)
    assert item.text(3) == "サンプル"
    assert item.text(4) == local_time("2022-03-31T00:00:00Z")


def test_local_time(monkeypatch) -> None:
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert local_time("2024-03-05T16:02:03Z") == "2024-03-06 01:02"
        assert local_time("not a time") == "not a time"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_make_a_version_then_undo_it_in_the_main_window(qtbot, dialog, demo_window) -> None:
    seen: dict = {}
    fill_version_dialog(qtbot, None, "令和6年3月改定", "第2期に向けた見直し", seen)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert seen["label"] == "Ver.1.2"  # the next one after Ver.1.1
    assert seen["date"].endswith("改定")
    assert labels(dialog) == ["Ver.1.0", "Ver.1.1", "Ver.1.2"]
    assert dialog.current().label == "Ver.1.2"
    conn = demo_window.controller.doc.session.connection()
    v = versions.find_version(conn, "Ver.1.2")
    assert (v.date_text, v.note, v.created_by) == ("令和6年3月改定", "第2期に向けた見直し", "tester")
    assert versions.version_data(conn, v.id)["plan"]["title"] == demo_window.controller.doc.plan.title
    assert demo_window.isWindowModified()
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    qtbot.keyClick(demo_window.outline_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert labels(dialog) == ["Ver.1.0", "Ver.1.1"]
    demo_window.redo_action.trigger()
    assert labels(dialog) == ["Ver.1.0", "Ver.1.1", "Ver.1.2"]
    dialog.undo_action.trigger()  # and Ctrl+Z in the dialog
    assert labels(dialog) == ["Ver.1.0", "Ver.1.1"]


def test_a_taken_label_is_refused_and_nothing_typed_is_lost(qtbot, dialog, demo_window, messages) -> None:
    seen: dict = {}
    fill_version_dialog(qtbot, "Ver.1.1", None, "大事なメモ", seen)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert any("既にあります" in t for t in messages.texts("warning"))
    assert seen["kept"] == ("Ver.1.1", "大事なメモ")
    assert labels(dialog) == ["Ver.1.0", "Ver.1.1"]
    assert demo_window.controller.undo_stack.count() == 0


def test_rename_and_delete_are_undoable(qtbot, dialog, demo_window, messages) -> None:
    dialog.select("Ver.1.0")
    seen: dict = {}
    fill_version_dialog(qtbot, "第1版", "令和4年3月策定", "当初の計画", seen)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert seen["label"] == "Ver.1.0"
    assert labels(dialog) == ["第1版", "Ver.1.1"]
    messages.answers = [QMessageBox.StandardButton.No]
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)  # asked, said no
    assert labels(dialog) == ["第1版", "Ver.1.1"]
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)  # asked, said yes
    assert "第1版" in messages.texts("question")[-1]
    assert labels(dialog) == ["Ver.1.1"]
    stack = demo_window.controller.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["版の名前・日付の変更（Ver.1.0）", "版の削除（第1版）"]
    demo_window.undo_action.trigger()
    assert labels(dialog) == ["第1版", "Ver.1.1"]
    demo_window.undo_action.trigger()
    assert labels(dialog) == ["Ver.1.0", "Ver.1.1"]


def test_restore_as_a_new_plan_leaves_the_current_plan_alone(qtbot, dialog, demo_window, demo_file, messages,
                                                            monkeypatch, tmp_path: Path) -> None:
    doc = demo_window.controller.doc
    doc.session.commit()
    before_data = json_io.snapshot_data(doc.session.connection())
    before_bytes = demo_file.read_bytes()
    target = tmp_path / "復元" / "当初版"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    messages.answers = [QMessageBox.StandardButton.No]  # do not open it
    dialog.select("Ver.1.0")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    out = target.with_name("当初版.dxplan")
    assert out.exists()
    assert "Ver.1.0" in messages.texts("question")[-1]
    restored = PlanDocument.open(out, read_only=True)
    try:
        data = json_io.snapshot_data(restored.session.connection())
    finally:
        restored.close(keep_working_copy=False)
    assert data["plan"]["formulation_date"] == "令和4年3月"  # Ver.1.0's, not the current plan's
    assert data["plan"]["uid"] != before_data["plan"]["uid"]  # a new plan
    assert len(data["initiatives"]) == len(before_data["initiatives"]) - 1  # (7) was added in Ver.1.1
    # the current plan: same content, nothing to undo, its file untouched
    assert json_io.snapshot_data(doc.session.connection()) == before_data
    assert demo_window.controller.undo_stack.count() == 0
    assert not demo_window.isWindowModified()
    assert demo_file.read_bytes() == before_bytes
    assert demo_window.controller.doc is doc


def test_restore_then_open_it(qtbot, dialog, demo_window, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "ver11.dxplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.select("Ver.1.1")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # question answered Yes: opened
    assert demo_window.controller.doc.source == target
    assert demo_window.controller.doc.plan.formulation_date == "令和5年11月"


def test_restore_over_the_open_plan_is_refused(qtbot, dialog, demo_file, messages, monkeypatch) -> None:
    before = demo_file.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(demo_file), "")))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert any("開いている計画" in t for t in messages.texts("warning"))
    assert demo_file.read_bytes() == before


def test_open_a_version_read_only(qtbot, dialog, demo_window, messages) -> None:
    dialog.select("Ver.1.0")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(dialog.version_windows) == 1
    win = dialog.version_windows[0]
    assert isinstance(win, VersionWindow)
    qtbot.waitExposed(win)
    assert "Ver.1.0" in win.windowTitle() and "読み取り専用" in win.windowTitle()
    assert win.banner.isVisible() and "Ver.1.0" in win.banner.text()
    assert win.read_only_label.isVisible()
    assert win.controller.doc is not demo_window.controller.doc
    assert win.controller.doc.plan.formulation_date == "令和4年3月"
    assert not win.save_action.isEnabled() and not win.open_action.isEnabled()
    assert not win.add_initiative_action.isEnabled() and not win.delete_action.isEnabled()
    win.outline_view.setCurrentIndex(win.model.index_of("initiative", 1))
    assert win.detail.currentWidget() is win.initiative_form
    fields = win.initiative_form.findChildren(QLineEdit)
    assert fields and all(f.isReadOnly() for f in fields)  # readable, not editable
    with pytest.raises(PlanFileError):  # a version cannot be edited by accident
        win.controller.execute("表題の変更", lambda rec: rec.update("plan", 1, title="x"))
    win.run("表題の変更", lambda rec: rec.update("plan", 1, title="x"))  # as the forms do: told, not changed
    assert win.controller.doc.plan.title != "x"
    assert "読み取り専用" in win.statusBar().currentMessage() or \
        any("読み取り専用" in t for t in messages.texts("warning"))  # said in the window, not a traceback
    working = win.controller.doc.working_dir
    assert win.close()
    assert not working.exists()
    assert messages.texts("question") == []
    assert demo_window.controller.undo_stack.count() == 0


def test_screenshot(qtbot, dialog, tmp_path: Path) -> None:
    dialog.resize(860, 360)
    out = tmp_path / "versions_dialog.png"
    assert dialog.grab().save(str(out))
    assert out.stat().st_size > 1000
