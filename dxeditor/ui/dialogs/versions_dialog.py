"""ファイル ▸ 版: the named versions kept inside the plan file.

A version is the whole plan as it was; it is made, renamed and deleted as undoable edits
(Ctrl+Z here or in the main window), compared with another version, the current plan or
another plan file (:mod:`dxeditor.ui.dialogs.compare_view`), restored as a new plan file (the
current plan is never touched) or shown read-only in a window of its own
(:mod:`dxeditor.ui.version_window`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import Cancelled, DxError, message_for
from dxeditor.plan import versions
from dxeditor.ui.dialogs.version_forms import (
    CURRENT,
    CompareChooser,
    VersionEditDialog,
    date_suggestions,
    default_label,
    item_of_change,
    local_time,
)
from dxeditor.ui.undo import DocumentController
from dxeditor.ui.version_window import VersionWindow

__all__ = ["CURRENT", "VersionsDialog"]


class VersionsDialog(QDialog):
    """The list of versions and what can be done with one."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.controller = controller
        self.window_ = parent
        self.compare_views: list[QWidget] = []
        self.version_windows: list[QWidget] = []
        self.setWindowTitle(self.tr("版の管理"))
        intro = QLabel(self.tr("版は、ある時点の計画全体（本文・成果目標・工程表・部署・用語）を計画ファイルの中に"
                               "残したものです。版の内容は変更できません。"), self)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("versionList")
        self.tree.setRootIsDecorated(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("版"), self.tr("日付"), self.tr("メモ"), self.tr("作成者"),
                                   self.tr("作成日時")])
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda *_: self.update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_: self.rename())
        list_label = QLabel(self.tr("この計画の版(&V)"), self)
        list_label.setBuddy(self.tree)

        B = self._button
        self.create_button = B(self.tr("現在の計画を版として保存(&S)…"), self.create_version)
        self.rename_button = B(self.tr("名前・日付を変更(&R)…"), self.rename)
        self.delete_button = B(self.tr("削除(&D)"), self.delete)
        self.compare_button = B(self.tr("比較(&C)…"), self.compare)
        self.restore_button = B(self.tr("新しい計画として復元(&N)…"), self.restore)
        self.open_button = B(self.tr("読み取り専用で開く(&O)"), self.open_read_only)
        self.close_button = B(self.tr("閉じる"), self.close)
        side = QVBoxLayout()
        for b in (self.create_button, self.rename_button, self.delete_button, None, self.compare_button,
                  self.restore_button, self.open_button):
            if b is None:
                side.addSpacing(12)
            else:
                side.addWidget(b)
        side.addStretch(1)
        side.addWidget(self.close_button)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.tree, 1)
        body.addLayout(left, 1)
        body.addLayout(side)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(body, 1)
        # Ctrl+Z / Ctrl+Y work here as in the main window
        stack = controller.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("元に戻す"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, self.tr("やり直し"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.undo_action, self.redo_action])
        controller.changed.connect(self._changed)
        controller.reset.connect(self.refresh)
        self.resize(860, 420)
        self.refresh()

    def _button(self, text: str, slot: Any) -> QPushButton:
        b = QPushButton(text, self)
        b.setAutoDefault(False)
        b.clicked.connect(lambda _c=False: self._guard(slot))
        return b

    def _guard(self, fn: Any) -> None:
        commit = getattr(self.window_, "commit_pending", None)
        if commit is not None:
            commit()  # what is still being typed in the main window belongs to the current plan
        try:
            fn()
        except DxError as exc:
            QMessageBox.warning(self, "dxeditor", exc.message())

    # ------------------------------------------------------------------ the list
    def _conn(self) -> Any:
        return self.controller.doc.session.connection()

    def _changed(self, changeset: Any) -> None:
        if "plan_versions" in changeset.tables():
            self.refresh()

    def versions(self) -> list[versions.VersionInfo]:
        """The versions of the open plan, oldest first."""
        return versions.list_versions(self._conn())

    def refresh(self, select_id: int | None = None) -> None:
        """Fill the list again (keeps the selection when it still exists)."""
        if select_id is None:
            cur = self.current()
            select_id = cur.id if cur else None
        self.tree.clear()
        found = self.versions()
        for v in found:
            when = local_time(v.created_at)
            item = QTreeWidgetItem([v.label, v.date_text, " ".join(v.note.split()), v.created_by, when])
            item.setData(0, Qt.ItemDataRole.UserRole, v.id)
            item.setToolTip(2, v.note)
            self.tree.addTopLevelItem(item)
            if v.id == select_id:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and found:
            self.tree.setCurrentItem(self.tree.topLevelItem(len(found) - 1))
        for col in (0, 1, 3, 4):
            self.tree.resizeColumnToContents(col)
        self.update_buttons()

    def current(self) -> versions.VersionInfo | None:
        """The version selected."""
        item = self.tree.currentItem()
        if item is None:
            return None
        vid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((v for v in self.versions() if v.id == vid), None)

    def select(self, label: str) -> None:
        """Select the version with ``label``."""
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).text(0) == label:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))

    def update_buttons(self) -> None:
        has = self.tree.currentItem() is not None
        writable = not self.controller.doc.read_only
        self.create_button.setEnabled(writable)
        for b in (self.rename_button, self.delete_button):
            b.setEnabled(has and writable)
        for b in (self.restore_button, self.open_button):
            b.setEnabled(has)
        self.compare_button.setEnabled(True)  # 現在 against another plan file needs no version

    # ------------------------------------------------------------------ edits (undoable)
    def _style(self) -> str:
        return str(self.controller.doc.plan.year_style or "short")

    def create_version(self, label: str | None = None, date_text: str | None = None, note: str = "",
                       *, ask: bool = True) -> int | None:
        """Keep the plan as it is now as a version (asks for label, date and note unless ``ask`` is False)."""
        from dxeditor.formats.json import io as json_io

        found = self.versions()
        labels = [v.label for v in found]
        plan = self.controller.doc.plan
        dates = date_suggestions(self._style(), first=not found)
        label = label if label is not None else default_label(labels, plan.version_label or "")
        date_text = date_text if date_text is not None else dates[0]
        made: list[int] = []

        def apply(lab: str, dat: str, nt: str) -> None:
            vid = self.controller.execute(
                self.tr("版の作成（{0}）").format(" ".join(lab.split())),
                lambda rec: versions.create_version(rec, json_io.snapshot_data(rec.conn), lab, dat, nt))
            made.append(int(vid))

        if ask:
            dlg = VersionEditDialog(self.tr("現在の計画を版として保存"), label, date_text, note, dates, apply, self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
        else:
            apply(label, date_text, note)
        if made:
            self.refresh(made[0])
            return made[0]
        return None

    def rename(self, label: str | None = None, date_text: str | None = None, note: str | None = None,
               *, ask: bool = True) -> bool:
        """Change the selected version's label, date or note (its content stays as it was)."""
        v = self.current()
        if v is None or self.controller.doc.read_only:
            return False

        def apply(lab: str, dat: str, nt: str) -> None:
            self.controller.execute(self.tr("版の名前・日付の変更（{0}）").format(v.label),
                                    lambda rec: versions.update_version(rec, v.id, label=lab, date_text=dat, note=nt))

        if ask:
            dlg = VersionEditDialog(self.tr("版の名前・日付を変更"), v.label, v.date_text, v.note,
                                    date_suggestions(self._style()), apply, self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
        else:
            apply(v.label if label is None else label, v.date_text if date_text is None else date_text,
                  v.note if note is None else note)
        self.refresh(v.id)
        return True

    def delete(self) -> bool:
        """Delete the selected version after asking (undoable)."""
        v = self.current()
        if v is None or self.controller.doc.read_only:
            return False
        answer = QMessageBox.question(
            self, self.tr("版の削除"),
            self.tr("版「{0}」を削除しますか？\n（元に戻す Ctrl+Z で取り消せます。保存すると計画ファイルから"
                    "なくなります。）").format(v.label))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.controller.execute(self.tr("版の削除（{0}）").format(v.label),
                                lambda rec: versions.delete_version(rec, v.id))
        self.refresh()
        return True

    # ------------------------------------------------------------------ compare
    def compare(self, before: str | None = None, after: str | None = None) -> QWidget | None:
        """Compare two sides (a version label or ``current``) and show the compare view."""
        labels = [v.label for v in self.versions()]
        if before is None or after is None:
            cur = self.current()
            default_before = cur.label if cur else (labels[-1] if labels else CURRENT)
            chooser = CompareChooser(labels, default_before, CURRENT, self)
            if chooser.exec() != QDialog.DialogCode.Accepted:
                return None
            before, after = chooser.sides()
        if before == after:
            QMessageBox.information(self, "dxeditor", self.tr("同じものどうしは比較できません。別の版を選んでください。"))
            return None
        from dxeditor.app.versions import side_data
        from dxeditor.plan.compare import compare
        from dxeditor.ui.background import run_on_plan
        from dxeditor.ui.dialogs.compare_view import CompareView

        current_name = self.tr("現在")
        b, a = before, after

        def work(conn: Any, _progress: Any) -> Any:
            bl, bd = side_data(conn, b)
            al, ad = side_data(conn, a)
            return compare(bd, ad, current_name if b == CURRENT else bl, current_name if a == CURRENT else al)

        try:
            cmp = run_on_plan(self, self.controller, self.tr("比較しています…"), work)
        except Cancelled:
            return None
        locate = self.locate if getattr(self.window_, "outline_view", None) is not None else None
        view = CompareView(cmp, versions.load_notes(self._conn(), cmp.before_label, cmp.after_label),
                           self.window_ or self, locate, save_notes=lambda changed, c=cmp: self.save_notes(c, changed))
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.compare_views.append(view)
        view.destroyed.connect(lambda _o=None, v=view: self.compare_views.remove(v) if v in self.compare_views
                               else None)
        view.show()
        return view

    def locate(self, change: Any) -> bool:
        """Select the item a change is about in the main window's outline; False when the plan lacks it."""
        item = item_of_change(self._conn(), change.key)
        view = getattr(self.window_, "outline_view", None)
        if item is None or view is None or not view.model().index_of(*item).isValid():
            return False
        view.select_item(*item)
        self.window_.activateWindow()
        return True

    def save_notes(self, cmp: Any, changed: dict[str, str]) -> None:
        """Keep the 備考 typed in a compare view in the plan (one undoable change)."""
        self.controller.execute(self.tr("備考の変更"), lambda rec: versions.set_notes(
            rec, cmp.before_label, cmp.after_label, changed))

    # ------------------------------------------------------------------ restore and read-only
    def restore(self, path: str | Path | None = None, *, offer_open: bool = True) -> Path | None:
        """Save the selected version as a new plan file (the current plan is not touched)."""
        v = self.current()
        if v is None:
            return None
        if path is None:
            doc = self.controller.doc
            folder = doc.source.parent if doc.source else Path.home()
            start = folder / f"{(doc.plan.title or self.tr('計画'))}_{v.label}.dxplan"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("版を新しい計画として保存"), str(start),
                                                    self.tr("dxeditor 計画ファイル (*.dxplan)"))
            if not chosen:
                return None
            path = chosen
        target = Path(path).absolute()
        if target.suffix.lower() != ".dxplan":
            target = target.with_name(target.name + ".dxplan")
        source = self.controller.doc.source
        if source is not None and target == Path(source).absolute():
            raise DxError("開いている計画のファイルには復元できません。別のファイル名を指定してください。",
                          "A version cannot be restored over the open plan. Choose another file name.")
        from dxeditor.app.versions import restored_document
        from dxeditor.ui.background import run_on_plan

        label = v.label

        def work(conn: Any, _progress: Any) -> Path:
            doc = restored_document(conn, label)
            try:
                return doc.save(target)
            finally:
                doc.close(keep_working_copy=False)

        try:
            out = run_on_plan(self, self.controller, self.tr("版を復元しています…"), work)
        except Cancelled:
            return None
        except OSError as exc:
            QMessageBox.warning(self, "dxeditor", message_for(exc))
            return None
        if offer_open:
            answer = QMessageBox.question(
                self, self.tr("版の復元"),
                self.tr("版「{0}」を新しい計画として保存しました:\n{1}\n\nこの計画を開きますか？").format(label, out))
            opener = getattr(self.window_, "open_path", None)
            if answer == QMessageBox.StandardButton.Yes and opener is not None:
                self.close()
                opener(out)
        return Path(out)

    def open_read_only(self) -> QWidget | None:
        """Show the selected version in a read-only window of its own."""
        v = self.current()
        if v is None:
            return None
        from dxeditor.app.versions import restored_document
        from dxeditor.ui.background import run_on_plan

        label = v.label

        def work(conn: Any, _progress: Any) -> Any:
            doc = restored_document(conn, label)
            doc.session.commit()  # the GUI thread opens its own connections
            doc.session.close()
            doc.engine.dispose()
            return doc

        try:
            doc = run_on_plan(self, self.controller, self.tr("版を開いています…"), work)
        except Cancelled:
            return None
        doc.read_only = True
        settings = getattr(self.window_, "settings", None)
        window = VersionWindow(DocumentController(doc), v, settings, self.window_)
        self.version_windows.append(window)
        window.destroyed.connect(lambda _o=None, w=window: self.version_windows.remove(w)
                                 if w in self.version_windows else None)
        window.show()
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.controller.changed.disconnect(self._changed)
            self.controller.reset.disconnect(self.refresh)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)
