"""Issue 15 item 10: a plan opened read-only looks read-only and says why once, in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTextEdit

from tests.ui.test_main_window import _locked_by_sato


def open_read_only(window, tmp_path: Path) -> Path:
    plan = _locked_by_sato(window, tmp_path, "shared.dxplan")
    window.ask_lock_choice = lambda text, stale: "read_only"
    assert window.open_path(plan)
    assert window.controller.doc.read_only
    return plan


def test_banner_names_the_holder_and_edit_actions_are_off(qtbot, window, messages, tmp_path):
    open_read_only(window, tmp_path)
    banner = window.read_only_banner
    assert banner.isVisible()
    assert "読み取り専用で開いています" in banner.label.text() and "sato" in banner.label.text()
    assert banner.geometry().top() <= window.outline_view.mapTo(window.centralWidget(), window.outline_view.rect()
                                                                 .topLeft()).y()
    for act in (window.save_action, window.add_initiative_action, window.add_section_action, window.add_row_action,
                window.delete_action, window.rename_action, window.paste_action, window.properties_action,
                window.move_up_action, window.indent_action):
        assert not act.isEnabled(), act.text()
    for act in (window.open_action, window.save_as_action, window.export_pdf_action, window.find_action):
        assert act.isEnabled(), act.text()


def test_forms_are_read_only_and_attempts_open_no_box(qtbot, window, messages, tmp_path):
    open_read_only(window, tmp_path)
    window.activateWindow()
    window.outline_view.setFocus()
    window.outline_view.select_item("initiative", 1)
    form = window.initiative_form
    qtbot.waitUntil(lambda: window.detail.currentWidget() is form)
    title = form.ui.titleEdit
    before = title.text()
    assert title.isReadOnly()
    qtbot.keyClicks(title, "abc")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert title.text() == before
    assert all(e.isReadOnly() for e in form.findChildren(QTextEdit))
    assert not any(b.isEnabled() for b in form.findChildren(QPushButton))
    assert not form.ui.leadCombo.isEnabled() and not form.ui.relatedList.isEnabled()
    window.delete_action.trigger()  # disabled: nothing happens
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F2)
    assert not messages.shown  # no modal box for any of these attempts
    view = window.outline_view
    name = window.model.index_of("initiative", 1, 1)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(name).center())
    assert view.state() != QAbstractItemView.State.EditingState  # the name is not edited in place either
    assert not view.edit(name, QAbstractItemView.EditTrigger.AllEditTriggers, None)


def test_saving_a_copy_makes_everything_editable_again(qtbot, window, messages, tmp_path):
    open_read_only(window, tmp_path)
    window.save_as(tmp_path / "mine.dxplan")
    assert not window.controller.doc.read_only
    assert not window.read_only_banner.isVisible()
    assert window.save_action.isEnabled() and window.add_initiative_action.isEnabled()
    window.outline_view.select_item("initiative", 1)
    title = window.initiative_form.ui.titleEdit
    assert not title.isReadOnly()
    assert window.outline_view.edit(window.model.index_of("initiative", 1, 1),
                                    QAbstractItemView.EditTrigger.AllEditTriggers, None)
    assert window.outline_view.state() == QAbstractItemView.State.EditingState


def test_schedule_edit_of_a_read_only_plan_opens_no_box(qtbot, window, messages, tmp_path):
    from dxeditor.plan.ops import outline as ops

    open_read_only(window, tmp_path)
    assert window.schedule_view.run("x", lambda rec: ops.rename(rec, "row", 1, "x")) is None
    assert not messages.shown


def test_schedule_cannot_be_dragged_on_a_read_only_plan(qtbot, window, messages, tmp_path):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtTest import QTest

    from dxeditor.plan.readmodel import load_plan_view

    open_read_only(window, tmp_path)
    canvas = window.schedule_view.canvas
    viewport = canvas.viewport()
    spot = next((QPoint(x, y) for y in range(0, viewport.height(), 4) for x in range(0, viewport.width(), 8)
                 if (h := canvas.hit(QPointF(x, y))) is not None and h.part == "bar"), None)
    assert spot is not None
    before = [(b.start, b.end) for r in load_plan_view(window.controller.doc.session.connection()).sections[0]
              .initiatives[0].rows for b in r.bars]
    window.statusBar().clearMessage()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert canvas.drag is None and not canvas.selected_bars  # no drag starts, nothing looks editable
    QTest.mouseMove(viewport, spot + QPoint(120, 0))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot + QPoint(120, 0))
    after = [(b.start, b.end) for r in load_plan_view(window.controller.doc.session.connection()).sections[0]
             .initiatives[0].rows for b in r.bars]
    assert after == before and not messages.shown
    assert "読み取り専用" in window.statusBar().currentMessage()
    window.save_as(tmp_path / "mine.dxplan")  # editable again: the schedule takes presses again
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert canvas.selected_bars
