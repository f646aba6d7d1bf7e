"""Offering unsaved work back after a crash (at start-up)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError
from dxeditor.store.document import PlanDocument, RecoverableWork, discard, list_recoverable, recover


def describe(work: RecoverableWork) -> str:
    """One line about recoverable work: file, time of the last edit, who."""
    name = work.source.name if work.source else QCoreApplication.translate("RecoveryDialog", "無題")
    when = datetime.fromtimestamp(work.updated).strftime("%Y/%m/%d %H:%M") if work.updated else "?"
    folder = f"（{work.source.parent}）" if work.source else ""
    return QCoreApplication.translate("RecoveryDialog", "{0}  —  最終編集 {1}  {2}").format(name, when, folder).rstrip()


class RecoveryDialog(QDialog):
    """Lists unsaved work; the user restores one, discards it, or decides later."""

    RESTORE, DISCARD = 1, 2

    def __init__(self, works: list[RecoverableWork], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("保存されていない作業の復元"))
        self.works = works
        self.choice = 0
        label = QLabel(self.tr("前回、dxeditor が保存せずに終了しました。次の計画に保存されていない編集があります。\n"
                               "復元すると、編集した内容を開きます（保存するまではファイルは変わりません）。"), self)
        label.setWordWrap(True)
        self.list = QListWidget(self)
        for w in works:
            item = QListWidgetItem(describe(w))
            item.setData(Qt.ItemDataRole.UserRole, w)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("復元する(&R)"), self)
        self.discard_button = QPushButton(self.tr("破棄する(&D)"), self)
        self.later_button = QPushButton(self.tr("後で(&L)"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(lambda: self._done(self.RESTORE))
        self.discard_button.clicked.connect(lambda: self._done(self.DISCARD))
        self.later_button.clicked.connect(self.reject)
        self.restore_button.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(self.list)
        lay.addWidget(buttons)
        self.resize(560, 260)

    def _done(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def selected(self) -> RecoverableWork | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def offer_recovery(parent: QWidget | None = None) -> PlanDocument | None:
    """Ask about unsaved work left by a crash; returns the restored document, if any."""
    works = list_recoverable()
    if not works:
        return None
    dialog = RecoveryDialog(works, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    work = dialog.selected()
    if work is None:
        return None
    if dialog.choice == RecoveryDialog.DISCARD:
        answer = QMessageBox.question(parent, dialog.tr("破棄の確認"),
                                      dialog.tr("保存されていない編集を破棄します。元に戻せません。よろしいですか？"))
        if answer == QMessageBox.StandardButton.Yes:
            discard(work)
        return None
    try:
        return recover(work)
    except DxError as exc:
        QMessageBox.warning(parent, "dxeditor", exc.message())
        return None
