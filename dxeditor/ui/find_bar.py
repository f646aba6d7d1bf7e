"""Find and filter (Ctrl+F): text, department, SDG goal, national-plan item.

The bar computes the matching outline items and emits them; the outline view hides
every line that neither matches nor contains a match. Editing stays possible. Text is
searched in a :class:`dxeditor.plan.find_index.FindIndex` (normalised once, updated from
each change set); departments, SDGs and national items with
:func:`dxeditor.plan.ops.outline.find_items`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from dxeditor.plan.find_index import FindIndex
from dxeditor.plan.ops.outline import Item, find_items
from dxeditor.store import models as m
from dxeditor.ui.initiative_form import department_choices
from dxeditor.ui.sdgs import SDG_NAMES
from dxeditor.ui.undo import DocumentController

NATIONAL_MAX = 9


class FindBar(QWidget):
    """A bar above the outline; :attr:`filter_changed` carries the matches (None = no filter)."""

    filter_changed = Signal(object)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("findText")
        self.text_edit.setPlaceholderText(self.tr("検索（名称・本文・成果目標）"))
        self.text_edit.setClearButtonEnabled(True)
        self.dept_combo = QComboBox(self)
        self.sdg_combo = QComboBox(self)
        self.national_combo = QComboBox(self)
        self.count_label = QLabel(self)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("検索を閉じる (Esc)"))
        close.clicked.connect(self.close_bar)
        self.sdg_combo.addItem(self.tr("SDGs: すべて"), None)
        for n, name in enumerate(SDG_NAMES, start=1):  # names translated by source text (ui/lower_strings.py)
            self.sdg_combo.addItem(f"{n}. {self.tr(name)}", n)
        self.national_combo.addItem(self.tr("国の取組: すべて"), None)
        for key, name in m.NATIONAL_CATEGORIES.items():
            name = self.tr(name)
            self.national_combo.addItem(name, (key, None))
            for n in range(1, NATIONAL_MAX + 1):
                self.national_combo.addItem(f"　{name} {n}", (key, n))
        for combo in (self.dept_combo, self.sdg_combo, self.national_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        top = QHBoxLayout()
        top.addWidget(self.text_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.dept_combo, 1)
        bottom.addWidget(self.sdg_combo, 1)
        bottom.addWidget(self.national_combo, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(3)
        lay.addLayout(top)
        lay.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply)
        self.text_edit.textChanged.connect(lambda _t: self._timer.start())
        self.text_edit.returnPressed.connect(self.apply)
        #: The plan's searchable text, read at the first search and then kept up to date.
        self._index: FindIndex | None = None
        controller.changed.connect(self._on_changed)
        controller.reset.connect(self._on_reset)
        self.refresh_departments()
        #: Where the keyboard was before it came into the bar (the outline, the schedule, a form):
        #: closing the bar gives it back there instead of to the next widget in the tab chain.
        self._return_to: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if (new is not None and old is not None and self.isAncestorOf(new) and not self.isAncestorOf(old)
                and old is not self and old.window() is self.window()):
            self._return_to = old

    def _on_reset(self) -> None:
        self._index = None
        self.refresh_departments()

    def _on_changed(self, changeset: object) -> None:
        if {"departments", "department_names"} & changeset.tables():  # type: ignore[attr-defined]
            self.refresh_departments()
        if self._index is not None:
            self._index.update(changeset)  # type: ignore[arg-type]
        if self.active():
            self.apply()

    def refresh_departments(self) -> None:
        """Reload the department choices (after open or a departments edit)."""
        current = self.dept_combo.currentData()
        self.dept_combo.blockSignals(True)
        self.dept_combo.clear()
        self.dept_combo.addItem(self.tr("部署: すべて"), None)
        for d, name in department_choices(self.controller):
            self.dept_combo.addItem(name, d)
        self.dept_combo.setCurrentIndex(max(0, self.dept_combo.findData(current)) if current is not None else 0)
        self.dept_combo.blockSignals(False)

    def active(self) -> bool:
        """Whether any criterion is set."""
        return bool(self.text_edit.text().strip() or self.dept_combo.currentData() is not None
                    or self.sdg_combo.currentData() is not None or self.national_combo.currentData() is not None)

    def matches(self) -> set[Item] | None:
        """The matching items, or None when nothing is being searched."""
        if not self.active():
            return None
        conn = self.controller.doc.session.connection()
        found: set[Item] | None = None
        if self.text_edit.text().strip():
            if self._index is None:
                self._index = FindIndex.read(conn)
            found = self._index.search(self.text_edit.text())
        dept, sdg, national = (self.dept_combo.currentData(), self.sdg_combo.currentData(),
                               self.national_combo.currentData())
        if dept is not None or sdg is not None or national is not None:
            more = find_items(conn, "", dept, sdg, national)
            found = more if found is None else found & more
        return found if found is not None else set()

    def apply(self) -> None:
        """Compute the matches and announce them."""
        self._timer.stop()
        found = self.matches()
        self.count_label.setText("" if found is None else self.tr("{0} 件").format(len(found)))
        self.filter_changed.emit(found)

    def open_bar(self) -> None:
        """Show the bar and put the cursor in the text field (the plan's text is read now, not at the first key)."""
        if self._index is None:
            self._index = FindIndex.read(self.controller.doc.session.connection())
        self.show()
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_edit.selectAll()

    def close_bar(self) -> None:
        """Clear every criterion, show the whole outline again and hide the bar."""
        for combo in (self.dept_combo, self.sdg_combo, self.national_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text_edit.clear()
        self.apply()
        back, focus = self._return_to, QApplication.focusWidget()
        self._return_to = None
        if (focus is not None and self.isAncestorOf(focus) and back is not None and isValid(back)
                and back.isVisible() and back.isEnabled()):
            back.setFocus(Qt.FocusReason.OtherFocusReason)  # before hiding: the focus never visits the tab chain
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
