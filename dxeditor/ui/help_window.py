"""The offline manual: HTML in resources/help/<lang>/, shown in a QTextBrowser (no network, no web engine).

F1 opens it at the topic of what has the focus; every dialog of the program gets a ヘルプ
button (and F1) that opens the manual at that dialog's section. Links that leave the
manual (http, mailto) are never followed: LGWAN PCs have no internet, and the program
never opens a socket.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QTextBrowser,
    QToolBar,
    QWidget,
)

from dxeditor.core import errors, paths

#: The manual's section for each dialog class (by class name, so no dialog module is imported here).
DIALOG_TOPICS = {
    "PlanPropertiesDialog": "plan-settings",
    "DepartmentsDialog": "departments",
    "NameDialog": "departments",
    "SplitDialog": "departments",
    "GlossaryDialog": "glossary",
    "AuditDialog": "audit",
    "PdfOptionsDialog": "pdf",
    "ExcelExportDialog": "excel",
    "ImportPreviewDialog": "import",
    "InquiryExportDialog": "inquiry",
    "AnswerPreviewDialog": "inquiry",
    "RecoveryDialog": "recovery",
    "ServerDialog": "server",
}
_HELPED = "dxHelpButton"


def help_dir(lang: str | None = None) -> Path:
    """The folder of the manual in ``lang`` (the UI language by default); Japanese when missing."""
    lang = lang or errors.language()
    folder = paths.resources() / "help" / lang
    return folder if (folder / "index.html").exists() else paths.resources() / "help" / "ja"


class HelpBrowser(QTextBrowser):
    """A text browser that reads the manual's pictures from their files (by suffix, no content sniffing)."""

    def loadResource(self, kind: int, url: QUrl) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value and url.isLocalFile():
            image = QImage(url.toLocalFile())
            if not image.isNull():
                return image
        return super().loadResource(kind, url)


class HelpWindow(QMainWindow):
    """The manual in a window of its own: back, forward, contents; opened at a topic."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("dxeditor ヘルプ"))
        self.folder = help_dir(lang)
        self.browser = HelpBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)  # every link goes through _follow: the manual's own pages only
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setSearchPaths([str(self.folder), str(self.folder.parent)])
        self.setCentralWidget(self.browser)
        bar = QToolBar(self.tr("ヘルプ"), self)
        bar.setObjectName("helpToolBar")
        bar.setMovable(False)
        self.back_action = QAction(self.tr("戻る"), self)
        self.back_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_action.triggered.connect(self.browser.backward)
        self.forward_action = QAction(self.tr("進む"), self)
        self.forward_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.forward_action.triggered.connect(self.browser.forward)
        self.home_action = QAction(self.tr("目次"), self)
        self.home_action.setShortcut(QKeySequence("Alt+Home"))
        self.home_action.triggered.connect(lambda: self.show_topic(""))
        self.close_action = QAction(self.tr("閉じる"), self)
        self.close_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Esc")])
        self.close_action.triggered.connect(self.close)
        self.browser.backwardAvailable.connect(self.back_action.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_action.setEnabled)
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        for act in (self.back_action, self.forward_action, self.home_action, self.close_action):
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{act.text()} ({keys})" if keys else act.text())
            bar.addAction(act)
            self.addAction(act)
        self.addToolBar(bar)
        self.resize(820, 640)

    def show_topic(self, topic: str = "") -> None:
        """Show the manual at ``topic`` (an anchor of index.html; "" for the start) and raise the window."""
        url = QUrl.fromLocalFile(str(self.folder / "index.html"))
        if topic:
            url.setFragment(topic)
        self.browser.setSource(url)
        if topic:
            self.browser.scrollToAnchor(topic)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: object) -> None:
        """Give the keyboard back to the window the help was opened from."""
        super().closeEvent(event)  # type: ignore[arg-type]
        owner = self.parentWidget()
        if owner is not None and owner.isVisible():
            owner.window().activateWindow()

    def topic(self) -> str:
        """The anchor shown now ("" at the start)."""
        return self.browser.source().fragment()

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("", "file") or url.isRelative():
            target = self.browser.source().resolved(url)
            self.browser.setSource(target)
            if target.fragment():
                self.browser.scrollToAnchor(target.fragment())
        # anything else (http, mailto) is outside the manual and is not opened: no network here


class ContextHelp(QObject):
    """Application event filter: a ヘルプ button and F1 for every dialog with a manual section."""

    def __init__(self, opener: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.opener = opener  # callable(topic, parent_window)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(obj, QDialog):
            self.add_button(obj)
        elif kind == QEvent.Type.KeyPress and isinstance(obj, QWidget):
            if event.key() == Qt.Key.Key_F1:  # type: ignore[attr-defined]
                dialog = obj.window()
                topic = DIALOG_TOPICS.get(type(dialog).__name__)
                if isinstance(dialog, QDialog) and topic:
                    self.opener(topic, dialog)  # type: ignore[operator]
                    return True
        return False

    def add_button(self, dialog: QDialog) -> None:
        """Give ``dialog``'s button box a ヘルプ button opening its section (once)."""
        topic = DIALOG_TOPICS.get(type(dialog).__name__)
        if topic is None or dialog.property(_HELPED):
            return
        dialog.setProperty(_HELPED, True)
        box = dialog.findChild(QDialogButtonBox)
        if box is None:
            return
        button = box.button(QDialogButtonBox.StandardButton.Help) or box.addButton(
            QDialogButtonBox.StandardButton.Help)
        button.setText(QApplication.translate("ContextHelp", "ヘルプ"))
        button.setIcon(QIcon())  # some styles draw a confusing red icon for the help role
        button.setToolTip(QApplication.translate("ContextHelp", "この画面の説明を開きます (F1)"))
        button.setObjectName("dialogHelpButton")
        button.clicked.connect(lambda _c=False, d=dialog, t=topic: self.opener(t, d))  # type: ignore[operator]
