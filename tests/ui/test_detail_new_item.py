"""A line just added shows its form from the top (its name and department), wherever the last form was scrolled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def test_a_new_initiative_opens_its_form_at_the_top(qtbot, window):
    window.resize(1300, 600)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.outline_view
    view.setFocus()
    view.select_item("initiative", 1)
    area = window.initiative_form.findChild(QScrollArea)
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the user was looking at the KPIs / SDGs of initiative 1
    view.select_item("initiative", 3)
    assert bar.value() == bar.maximum()  # going through existing initiatives keeps the place …
    qtbot.keyClick(view, Qt.Key.Key_I, CTRL_ALT)  # 挿入 ▸ 取組
    new = view.current_item()
    assert new[0] == "initiative" and new[1] not in (1, 2, 3)
    assert window.detail.currentWidget() is window.initiative_form and window.initiative_form.item_id == new[1]
    assert bar.value() == 0  # … a new one starts at its name
