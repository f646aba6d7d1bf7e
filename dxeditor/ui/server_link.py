"""A server plan in the window: the others' changes appear, the server's absence is shown, nothing is lost.

:func:`open_server_plan` opens plan ``uid`` of a PostgreSQL server in the window through a
:class:`~dxeditor.app.server_plan.session.ServerSession`; a :class:`ServerBridge` then keeps
the window in step with it:

- the listener's announcements (its own thread) come here as a queued signal; the rows are
  fetched and the views refresh them through the controller's ``changed`` signal, like an
  undo — selection, scroll position and text being typed stay as they are;
- a refused change (someone else changed the same thing first, or the database's policies
  refuse it) is rolled back, the message names who and when, and the rows are fetched at
  once so the window shows what the server holds;
- when the server goes away the status bar says so, edits go on into the outbox on this PC,
  and when the listener reaches the server again they are sent, in order; those that now
  collide are listed with what the user had entered.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from dxeditor.app.server_plan.session import REMOTE, Refused, ServerSession, announced, whole_plan_news
from dxeditor.core.errors import DxError
from dxeditor.plan.changes import ChangeSet

log = logging.getLogger(__name__)


class ServerBridge(QObject):
    """Keeps ``window`` in step with ``session`` (lives as long as the plan is open)."""

    heard = Signal(list)
    reachable = Signal(bool)

    def __init__(self, window: Any, session: ServerSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.controller = window.controller
        self._listening = False
        self._closed = False
        self._heard: list[dict[str, Any]] = []
        self.label = QLabel(window)
        self.label.setObjectName("serverState")
        window.statusBar().addPermanentWidget(self.label)
        self.heard.connect(self._pull_announced, Qt.ConnectionType.QueuedConnection)
        self.reachable.connect(self._reachable, Qt.ConnectionType.QueuedConnection)
        session.on_offline = self._went_offline
        session.on_refused = lambda rows: QTimer.singleShot(0, lambda: self.pull(rows))
        self._retry = QTimer(self)
        self._retry.setInterval(10_000)
        self._retry.timeout.connect(self._send_waiting)
        self.controller.changed.connect(self._changed)
        session.listen(self.heard.emit, self.reachable.emit)
        self.show_state()

    def _changed(self, _changeset: ChangeSet) -> None:
        if not self._closed and not self.session.online:
            self.show_state()  # one more change kept on this PC

    # ------------------------------------------------------------------ the others' changes
    def _pull_announced(self, batch: list[dict[str, Any]]) -> None:
        # announcements that queue up while the window is busy go in one fetch
        first = not self._heard
        self._heard += batch
        if first:
            QTimer.singleShot(0, self._pull_heard)

    def _pull_heard(self) -> None:
        batch, self._heard = self._heard, []
        if self._closed:
            return
        news = whole_plan_news(batch)
        if news is not None:
            self._whole_plan(news)
            return
        own = self.session.link.user
        others = sorted({str(n.get("by")) for n in batch if n.get("by") and n.get("by") != own})
        changes = self.pull(announced(batch))
        if changes and others:
            self.window.statusBar().showMessage(
                self.tr("{0} さんの変更を反映しました").format("、".join(others)), 5000)

    def pull(self, rows: dict[str, Collection[int]] | None) -> ChangeSet:
        """Fetch ``rows`` (all when None) from the server into the window; returns what changed."""
        if self._closed or self.session.doc is not self.controller.doc:
            return ChangeSet(REMOTE)  # an announcement still queued for a plan closed meanwhile
        try:
            changes = self.session.pull(rows)
        except DxError as exc:
            log.warning("could not fetch the others' changes: %s", exc)
            return ChangeSet(REMOTE)
        if changes:
            self.controller.changed.emit(changes)
            self.window.update_state()
        return changes

    def _whole_plan(self, news: str) -> None:
        """The plan was published anew (open it again) or taken off the server (keep the copy, read-only)."""
        window, session = self.window, self.session
        if news == "replaced":
            if open_server_plan(window, session.url, session.uid, session.password):
                window.statusBar().showMessage(
                    self.tr("この計画はサーバーで新しく公開し直されたため、開き直しました"), 10_000)
                _tell(window, "planReplaced", QMessageBox.Icon.Information, self.tr("計画が公開し直されました"),
                      self.tr("この計画はサーバーで新しく公開し直されました（ファイルからの置き換え）。"
                              "新しい内容で開き直しました。元に戻す履歴はありません。"))
            return
        session.doc.read_only = True
        window.update_state()
        _tell(window, "planRemoved", QMessageBox.Icon.Warning, self.tr("計画がサーバーから削除されました"),
              self.tr("この計画はサーバーから削除されました。画面の内容は読み取り専用で残してあります。"
                      "残す場合は「名前を付けて保存」でファイルにしてください。"))

    # ------------------------------------------------------------------ the server away and back
    def _went_offline(self) -> None:
        self._retry.start()
        self.show_state()

    def _reachable(self, online: bool) -> None:
        if self._closed:
            return
        self._listening = online
        if not online:
            self.session.online = False
            self._went_offline()
            return
        self._send_waiting()

    def _send_waiting(self) -> None:
        """The listener reached the server: send what waited, catch up, list what was refused."""
        if not self._listening or (self.session.online and not self.session.outbox):
            if self.session.online:
                self._retry.stop()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            changes, refused = self.session.reconnected()
        except DxError as exc:
            log.warning("reconnecting: %s", exc)
            self.session.online = False
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.show_state()
        if self.session.online:
            self._retry.stop()
        if changes:
            self.controller.changed.emit(changes)
            self.window.update_state()
        if refused:
            self.show_refused(refused)
        elif self.session.online:
            self.window.statusBar().showMessage(self.tr("サーバーにつながりました。この PC に保存していた変更を送りました"), 6000)

    def show_refused(self, refused: list[Refused]) -> None:
        """List the kept changes the server refused, with what the user entered (nothing typed is lost)."""
        box = _tell(self.window, "refusedChanges", QMessageBox.Icon.Warning, self.tr("サーバーに送れなかった変更"),
                    self.tr("サーバーにつながらない間の変更のうち {0} 件は、ほかの人の変更と重なったため"
                            "保存しませんでした。画面はサーバーの今の内容です。詳細に、入力した内容があります。")
                    .format(len(refused)))
        box.setDetailedText("\n\n".join(f"{r.action}\n{r.message}" for r in refused))

    def show_state(self) -> None:
        """The status bar: where the plan is, and whether changes wait on this PC."""
        waiting = len(self.session.outbox)
        if self.session.online and not waiting:
            self.label.setText(self.tr("サーバー: {0}").format(self.session.label))
            self.label.setStyleSheet("")
        else:
            self.label.setText(self.tr("サーバーにつながりません — 変更 {0} 件をこの PC に保存しています"
                                       "（つながると送ります）").format(waiting))
            self.label.setStyleSheet("color: #b00020; font-weight: bold;")

    def close(self) -> None:
        """Stop listening and drop the link (the document is closed by the window)."""
        self._closed = True
        self._retry.stop()
        self.session.close(close_document=False)
        self.window.statusBar().removeWidget(self.label)
        self.label.deleteLater()
        self.deleteLater()


def _tell(window: Any, name: str, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that does not stop the window (the others' changes keep coming meanwhile)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName(name)
    box.open()
    return box


def open_server_plan(window: Any, url: str, uid: str, password: str | None) -> bool:
    """Open plan ``uid`` of the server ``url`` in ``window`` (the caller has asked about unsaved edits).

    The plan is read on a worker thread behind a progress dialog (a large plan takes seconds; the
    window keeps answering and 中止 gives up).
    """
    from dxeditor.core.errors import Cancelled
    from dxeditor.ui.background import run_with_progress

    def read(progress: Any) -> ServerSession:
        session = ServerSession(url, uid, password)
        if not progress(1, 1):  # 中止 while it was read
            session.close()
            raise Cancelled()
        return session

    try:
        session = run_with_progress(window, QCoreApplication.translate("ServerBridge", "サーバーから計画を読み込んでいます…"),
                                    read)
    except Cancelled:
        window._discard = False
        return False
    except DxError as exc:
        window._discard = False  # the open plan stays: a 保存しない given for it no longer holds
        window.show_error(exc.message())
        return False
    window.set_document(session.doc)
    window.server_bridge = ServerBridge(window, session)
    window.update_state()  # changes kept on this PC the last time go out when the listener reaches the server
    if session.outbox.damaged is not None:
        _tell(window, "outboxDamaged", QMessageBox.Icon.Warning,
              QCoreApplication.translate("ServerBridge", "未送信の変更を読めません"),
              QCoreApplication.translate("ServerBridge", "この PC に保存していた未送信の変更のファイルが壊れていたため、"
                                         "送れませんでした。ファイルは消さずに残してあります: {0}")
              .format(session.outbox.damaged))
    return True


def open_server_spec(window: Any, spec: str) -> bool:
    """Open ``postgresql://USER@HOST[:PORT]/DB?plan=UID`` given on the command line (a desktop shortcut).

    The password comes from ``PGPASSWORD`` (libpq reads it), else from the credential store where
    the server dialog kept it; when neither has it, the server says so and the dialog is the way.
    """
    import os

    from sqlalchemy.engine import make_url

    from dxeditor.app.server import split_plan_url
    from dxeditor.core import credentials

    try:
        url, uid = split_plan_url(spec)
    except DxError as exc:
        window.show_error(exc.message())
        return False
    password = None
    store = credentials.default_store()
    if store is not None and not os.environ.get("PGPASSWORD"):
        u = make_url(url)
        host = u.host or str(u.query.get("host") or "")
        try:
            password = store.read(credentials.target_name(u.username or "", host, u.port or 5432, u.database or ""))
        except DxError as exc:
            log.warning("credential store: %s", exc)
    return open_server_plan(window, url, uid, password)
