"""A version shown read-only in a main window of its own: the title and a banner say which one.

Nothing can be changed or saved there (the document is read-only, the edit actions are
off and the detail forms read-only); to work on a version, restore it as a new plan.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from dxeditor.plan import versions
from dxeditor.ui.main_window import MainWindow
from dxeditor.ui.undo import DocumentController


class VersionWindow(MainWindow):
    """A version shown read-only: the title and a banner say which one; nothing can be changed or saved."""

    def __init__(self, controller: DocumentController, version: versions.VersionInfo, settings: Any,
                 owner: QWidget | None) -> None:
        from dxeditor.ui.settings import Settings

        self.version = version
        super().__init__(controller, settings or Settings())
        self.setObjectName("versionWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dated = f"（{version.date_text}）" if version.date_text else ""
        self.banner = QLabel(self.tr("版「{0}」{1}を読み取り専用で表示しています。この画面では編集も保存もできません。"
                                     "編集するには、版の管理で「新しい計画として復元」を選んでください。")
                             .format(version.label, dated), self)
        self.banner.setObjectName("versionBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3c4; color: #5a4300; padding: 6px; font-weight: bold;"
                                  "border-bottom: 1px solid #e0c060;")
        layout = self.centralWidget().layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.banner)
        for act in (self.new_action, self.new_demo_action, self.new_national_action, self.open_action,
                    self.save_action, self.save_as_action, self.import_json_action, self.import_excel_action,
                    self.import_answers_action):
            act.setEnabled(False)
        self.recent_menu.setEnabled(False)
        self._lock_editing()
        if owner is not None:  # owned by the main window (a window of its own): lives on after the dialog closes
            self.setParent(owner, Qt.WindowType.Window)
            self.move(owner.pos() + QPoint(40, 40))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.update_state()

    def _lock_editing(self) -> None:
        """No edit can even be started: edit actions off, the detail forms read-only (still readable)."""
        for act in (self.paste_action, self.rename_action, self.duplicate_action, self.delete_action,
                    self.move_up_action, self.move_down_action, self.indent_action, self.outdent_action,
                    self.add_section_action, self.add_initiative_action, self.add_row_action, self.add_subrow_action):
            act.setEnabled(False)
        for form in self.forms:
            for w in form.findChildren(QWidget):
                if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
                    w.setReadOnly(True)
                elif isinstance(w, QAbstractItemView):
                    w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                    w.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
                elif isinstance(w, (QComboBox, QAbstractButton)):
                    w.setEnabled(False)

    def update_state(self) -> None:
        super().update_state()
        if getattr(self, "version", None) is None or self._closed:
            return
        v = self.version
        dated = f"（{v.date_text}）" if v.date_text else ""
        self.setWindowTitle(self.tr("版 {0}{1} — {2} — 読み取り専用 — dxeditor").format(
            v.label, dated, self.controller.doc.plan.title or ""))
        self.path_label.setText(self.tr("版 {0}（読み取り専用）").format(v.label))

    def is_modified(self) -> bool:
        return False  # a version cannot be changed: nothing to save or ask about

    def shutdown(self) -> None:
        """Close the version's document; the main window's geometry and recent files stay as they are."""
        if self._closed:
            return
        self._closed = True
        self.show_detail(None)
        self.controller.doc.close(keep_working_copy=False)
