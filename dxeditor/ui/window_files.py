"""The main window's file handling, and what happens when the program meets an unexpected error.

:class:`FileHandling` is mixed into :class:`~dxeditor.ui.main_window.MainWindow`: new, open
(with the shared-drive edit lock), save, save as, recent files, JSON interchange, asking
before unsaved edits are dropped, and closing the document at the end.
The crash handler (:func:`install_excepthook`) lives in :mod:`dxeditor.ui.crash`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from dxeditor.core.errors import Cancelled, DxError, message_for
from dxeditor.ui.file_names import offered_path, plan_stem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from dxeditor.ui.settings import Settings
    from dxeditor.ui.undo import DocumentController

log = logging.getLogger(__name__)
PLAN_FILTER = "dxeditor 計画ファイル (*.dxplan)"

_Window = QMainWindow if TYPE_CHECKING else object


def unsaved_on_open(doc: Any) -> bool:
    """Whether a document just opened holds work its file lacks: recovered edits, a new plan bound to a file.

    Converting an old file to the current schema does not count: the file is still intact, the
    user changed nothing, and the next open converts it again.
    """
    return bool(doc.dirty) and not doc.migrated_from


class FileHandling(_Window):
    """New / open / save / recent files / JSON / close for the main window (a mixin)."""

    controller: DocumentController
    settings: Settings
    recent_menu: QMenu
    lock: Any
    _forced_dirty: bool
    _closed: bool
    _discard = False  # the user chose 保存しない: the working copy goes too
    # provided by the window
    outline_view: Any
    commit_pending: Callable[[], None]
    show_detail: Callable[[tuple[str, int] | None], None]
    show_error: Callable[[str], None]
    update_state: Callable[[], None]

    # ------------------------------------------------------------------ lock and state
    def init_files(self) -> None:
        """Lock the open file, restore the window geometry, remember the file."""
        self.lock = None
        self._lock_timer = QTimer(self)
        self._lock_timer.timeout.connect(lambda: self.lock.refresh() if self.lock is not None else None)
        self._forced_dirty = unsaved_on_open(self.controller.doc)
        self._take_lock()
        geometry = self.settings.geometry("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.geometry("state")
        if state is not None:
            self.restoreState(state)
        if self.controller.doc.source:
            self.settings.add_recent(self.controller.doc.source)

    def _take_lock(self) -> None:
        """Lock the file on the shared drive; someone else holding it means read-only."""
        doc = self.controller.doc
        if doc.source is None or doc.read_only:
            return
        try:
            from dxeditor.store import lock as locks
        except ImportError:  # pragma: no cover - the lock module ships with the program
            return
        try:
            try:
                self.lock = locks.acquire(doc.source)
            except locks.PlanLockedError as exc:
                self._plan_is_locked(exc)
        except DxError as exc:  # the lock cannot be written (read-only share …): continue read-only
            doc.read_only = True
            self.show_error(exc.message() + "\n" + self.tr("読み取り専用で開きました。"))
        if self.lock is not None:
            self._lock_timer.start(locks.REFRESH_EVERY * 1000)

    def _plan_is_locked(self, exc: Any) -> None:
        """Someone else has the plan open: read-only, a copy, or (stale lock) take over."""
        from dxeditor.core.identity import host_name, os_user
        from dxeditor.store import lock as locks

        doc = self.controller.doc
        info = exc.info
        stale = info.is_stale()
        if stale and info.host == host_name() and info.user == os_user():  # our own crashed session
            self.lock = locks.acquire(doc.source, take_over=True)
            return
        choice = self.ask_lock_choice(exc.message(), stale)
        if choice == "take_over":
            answer = QMessageBox.question(self, self.tr("編集の引き継ぎ"), self.tr(
                "{0} さんのロックを外して編集を引き継ぎます。相手がまだ編集中なら、その内容は保存できなくなります。"
                "よろしいですか？").format(info.user))
            if answer == QMessageBox.StandardButton.Yes:
                self.lock = locks.acquire(doc.source, take_over=True)
                return
        if choice == "copy":
            doc.detach()
            self.statusBar().showMessage(self.tr("コピーとして開きました。保存するときに新しい名前を付けます。"), 8000)
            return
        doc.read_only = True
        self.statusBar().showMessage(self.tr("読み取り専用で開きました。"), 8000)

    def ask_lock_choice(self, message: str, stale: bool) -> str:
        """Ask what to do with a locked plan: "read_only", "copy" or "take_over" (stale locks only)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("ほかの人が編集中です"), message, parent=self)
        if stale:  # the message itself already offers read-only or a copy
            box.setInformativeText(self.tr("相手のプログラムは終了しているようです。編集を引き継ぐこともできます。"))
        read_only = box.addButton(self.tr("読み取り専用で開く(&R)"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(self.tr("コピーを開く(&C)"), QMessageBox.ButtonRole.ActionRole)
        take = box.addButton(self.tr("編集を引き継ぐ(&T)…"), QMessageBox.ButtonRole.DestructiveRole) \
            if stale else None
        box.setDefaultButton(read_only)
        box.setEscapeButton(read_only)
        box.exec()
        clicked = box.clickedButton()
        if clicked is copy:
            return "copy"
        if take is not None and clicked is take:
            return "take_over"
        return "read_only"

    def _release_lock(self) -> None:
        self._lock_timer.stop()
        if self.lock is not None:
            with contextlib.suppress(Exception):
                self.lock.release()
            self.lock = None

    def is_modified(self) -> bool:
        """Whether there are edits not written to the file (a server plan's are on the server or in its outbox)."""
        if self.controller.doc.server_label:
            return False
        return self._forced_dirty or not self.controller.undo_stack.isClean()

    # ------------------------------------------------------------------ a plan on a server
    server_bridge: Any = None

    def open_server_plan(self, url: str, uid: str, password: str | None) -> bool:
        """Open plan ``uid`` of the PostgreSQL server ``url`` (see :mod:`dxeditor.ui.server_link`)."""
        from dxeditor.ui.server_link import open_server_plan

        return open_server_plan(self, url, uid, password)

    def close_server_link(self) -> None:
        """Stop keeping in step with a server plan (it is being closed or replaced)."""
        if self.server_bridge is not None:
            self.server_bridge.close()
            self.server_bridge = None

    def confirm_close(self) -> bool:
        """Ask 保存 / 保存しない / キャンセル when there are unsaved edits; False = keep going."""
        self.commit_pending()
        waiting = len(self.server_bridge.session.outbox) if self.server_bridge is not None else 0
        if waiting:
            Btn = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self, self.tr("サーバーに送っていない変更"),
                self.tr("サーバーにつながらないため、変更 {0} 件をまだ送っていません。この PC に保存してあり、"
                        "次にこの計画を開いたときに送ります。閉じてよろしいですか？").format(waiting),
                Btn.Ok | Btn.Cancel, Btn.Cancel)
            return answer == Btn.Ok
        if not self.is_modified():
            return True
        Btn = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("保存の確認"),
            self.tr("「{0}」への変更を保存しますか？").format(self.plan_name()),
            Btn.Save | Btn.Discard | Btn.Cancel, Btn.Save)
        if answer == Btn.Cancel:
            return False
        if answer == Btn.Save:
            return self.save()
        self._discard = True
        return True

    def plan_name(self) -> str:
        """The name the window title shows: the file's, or for a plan never saved its title (無題 without one)."""
        doc = self.controller.doc
        if doc.source or doc.copy_of or doc.server_label:
            return doc.display_name()
        return doc.plan.title or self.tr("無題")

    def _keep_working_copy(self) -> bool | None:
        """For ``doc.close``: False drops the working copy (nothing unsaved, or 保存しない), None keeps unsaved work."""
        keep = None if self.is_modified() and not self._discard else False
        self._discard = False
        return keep

    # ------------------------------------------------------------------ new and open
    def set_document(self, doc: Any) -> None:
        """Replace the open plan with ``doc`` (the old one is closed)."""
        old = self.controller.doc
        self._release_lock()
        self.outline_view.clearSelection()
        self.show_detail(None)  # hides the forms: a field still being edited commits to the old plan
        keep = self._keep_working_copy()
        self.controller.set_document(doc)
        self.close_server_link()
        old.close(keep_working_copy=keep)
        self._forced_dirty = unsaved_on_open(doc)
        self._take_lock()
        if doc.source:
            self.settings.add_recent(doc.source)
        self.update_state()

    def new_plan(self, template: str) -> None:
        """A new unsaved plan: blank, the demo, or the national template."""
        if not self.confirm_close():
            return
        from dxeditor.app.templates import open_template

        try:
            doc = open_template(template)
        except (DxError, OSError) as exc:
            self.show_error(message_for(exc))
            return
        self.set_document(doc)

    def open_dialog(self) -> None:
        """Choose a plan file and open it."""
        last = self.settings.last_file() or ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("計画を開く"), last, self.tr(PLAN_FILTER))
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, *, ask: bool = True) -> bool:
        """Open a plan file (after asking about unsaved edits); errors are shown, not raised."""
        if ask and not self.confirm_close():
            return False
        from dxeditor.store.document import PlanDocument

        try:
            doc = PlanDocument.open(path)
        except DxError as exc:
            self.show_error(exc.message())
            if str(path) in self.settings.recent_files() and not Path(path).exists():
                self.settings.remove_recent(str(path))
            return False
        self.set_document(doc)
        if doc.migrated_from:
            self.statusBar().showMessage(self.tr("古い形式のファイルを変換しました（元のファイルは {0}）").format(
                doc.backup_path), 8000)
        return True

    def fill_recent_menu(self) -> None:
        """List the recent files (numbered for the keyboard)."""
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for n, f in enumerate(files, start=1):
            act = self.recent_menu.addAction(f"&{n % 10} {Path(f).name}  —  {Path(f).parent}")
            act.triggered.connect(lambda _c=False, f=f: self.open_path(f))
        if not files:
            self.recent_menu.addAction(self.tr("（なし）")).setEnabled(False)

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        """Write the plan to its file (Save As when it has none); True when saved."""
        self.commit_pending()
        doc = self.controller.doc
        if doc.server_label:
            self.statusBar().showMessage(self.tr("サーバーの計画は、変更のたびにサーバーに保存されています"), 5000)
            return True
        if doc.source is None or doc.read_only:
            return self.save_as()
        return self._save_to(None)

    def save_as(self, path: str | Path | None = None) -> bool:
        """Write the plan to a new file chosen by the user (or ``path``)."""
        self.commit_pending()
        if path is None:
            doc = self.controller.doc
            start = str(doc.source) if doc.source else offered_path(doc, plan_stem(doc, self.tr("無題")) + ".dxplan")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("名前を付けて保存"), start, self.tr(PLAN_FILTER))
            if not chosen:
                return False
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".dxplan":
            target = target.with_name(target.name + ".dxplan")
        return self._save_to(target)

    def _save_to(self, target: Path | None) -> bool:
        doc = self.controller.doc
        try:
            try:
                doc.save(target)
            except DxError as exc:
                if type(exc).__name__ != "SaveConflictError":
                    raise
                answer = QMessageBox.question(self, self.tr("上書きの確認"),
                                              exc.message() + "\n\n" + self.tr("上書きしますか？"))
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                doc.save(target, overwrite_changed=True)
        except DxError as exc:
            log.warning("save failed: %s", exc)
            self.show_error(exc.message())
            return False
        except OSError as exc:
            log.warning("save failed", exc_info=True)
            self.show_error(message_for(exc))
            return False
        if target is not None:
            self._release_lock()
            self._take_lock()
        self._forced_dirty = False
        self.controller.undo_stack.setClean()
        if doc.source:
            self.settings.add_recent(doc.source)
        self.statusBar().showMessage(self.tr("保存しました: {0}").format(doc.source or target), 4000)
        self.update_state()
        return True

    # ------------------------------------------------------------------ JSON interchange
    def import_json(self, path: str | None = None) -> None:
        """Open a plan from the JSON interchange format (as a new unsaved plan)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("JSON からインポート"), "", "JSON (*.json)")
            if not path:
                return
        if not self.confirm_close():
            return
        from dxeditor.formats.json import io as json_io
        from dxeditor.ui.background import run_new_document

        source = path
        try:
            doc = run_new_document(self, self.tr("JSON を読み込んでいます…"), lambda _p: json_io.import_json(source))
        except Cancelled:
            return
        except (DxError, OSError) as exc:
            self.show_error(message_for(exc))
            return
        self.set_document(doc)

    def export_json(self, path: str | None = None) -> None:
        """Write the plan in the JSON interchange format."""
        self.commit_pending()
        if path is None:
            doc = self.controller.doc
            start = offered_path(doc, plan_stem(doc, "plan") + ".json")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("JSON にエクスポート"), start, "JSON (*.json)")
            if not path:
                return
        from dxeditor.formats.json import io as json_io

        try:
            out = json_io.export_json(self.controller.doc, path)
        except (DxError, OSError) as exc:
            self.show_error(message_for(exc))
            return
        self.statusBar().showMessage(self.tr("書き出しました: {0}").format(out), 4000)

    # ------------------------------------------------------------------ the end
    def shutdown(self) -> None:
        """Remember the window and the file; close the document."""
        if self._closed:
            return
        self._closed = True
        self.settings.set_geometry("geometry", self.saveGeometry())
        self.settings.set_geometry("state", self.saveState())
        doc = self.controller.doc
        if doc.source:
            self.settings.add_recent(doc.source)
        self.settings.sync()
        self._release_lock()
        self.show_detail(None)  # no form may write to the document after it is closed
        self.close_server_link()
        doc.close(keep_working_copy=self._keep_working_copy())
