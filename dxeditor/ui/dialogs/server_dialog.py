"""File ▸ サーバーの計画を開く: choose a plan on a PostgreSQL server.

The person names the server, database and login, fetches the list of plans the database
holds (on a worker thread, with a connect timeout, so the window never freezes for long)
and picks one. The result is the database URL without a password, the plan's uid and the
password typed (or None). The password is kept only in the operating system's credential
store, and only when the person asks (:mod:`dxeditor.core.credentials`); the settings keep
the server, port, database, user and encryption, never the password.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core import credentials
from dxeditor.core.credentials import CredentialStore
from dxeditor.core.errors import DxError, message_for
from dxeditor.ui.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432
# Seconds to wait for the server to answer a connection (libpq ``connect_timeout``).
CONNECT_TIMEOUT_S = 5
SSL_MODES = ("verify-full", "require", "prefer")
# ``ServerDialog(store=SYSTEM_STORE)``: this system's credential store (None where there is none).
SYSTEM_STORE = object()


def server_url(host: str, port: int, database: str, user: str, sslmode: str,
               timeout: int = CONNECT_TIMEOUT_S) -> str:
    """The database URL (never with a password): ``postgresql://user@host:port/db?sslmode=…&connect_timeout=…``.

    A host that is a folder (``/run/postgresql``) is a Unix socket on the server itself; it
    goes in the query, as libpq takes it.
    """
    from sqlalchemy.engine import URL

    query = {"sslmode": sslmode, "connect_timeout": str(timeout)}
    if host.startswith("/"):
        url = URL.create("postgresql", username=user, database=database,
                         query={**query, "host": host, "port": str(port)})
    else:
        url = URL.create("postgresql", username=user, host=host, port=port, database=database, query=query)
    return url.render_as_string(hide_password=False)


class _Relay(QObject):
    """Carries a worker thread's result to the GUI thread (a queued signal).

    One per fetch, owned by the application (not the dialog, which may be gone before the
    server answers) and deleted on the GUI thread once it has delivered.
    """

    done = Signal(int, object, object)  # generation, plans or None, error message or None


class ServerDialog(QDialog):
    """サーバーの計画を開く: connection fields, the server's plans, 開く.

    After ``exec()`` returns Accepted, :attr:`chosen` is ``(url, uid, password or None)``.
    ``store`` is where passwords are kept (default: this system's, None where there is none).
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 store: CredentialStore | object | None = SYSTEM_STORE) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("サーバーの計画を開く"))
        self.settings = settings
        self.store: CredentialStore | None = (credentials.default_store() if store is SYSTEM_STORE
                                              else store)  # type: ignore[assignment]
        self.chosen: tuple[str, str, str | None] | None = None
        self.plans: list[Any] = []
        self._generation = 0  # a fetch whose connection fields have since changed is ignored
        self._fetching = False
        self._looked_up: str | None = None  # the login whose kept password was last looked for
        self._prefilled = False  # the password field holds a kept password, not edited since
        self._build()
        self._restore()
        self.finished.connect(self._forget_fetch)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.host_edit = QLineEdit(self)
        self.host_edit.setPlaceholderText(self.tr("例: dbserver.example.lg.jp"))
        self.port_spin = QSpinBox(self)
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setGroupSeparatorShown(False)
        self.port_spin.setMaximumWidth(self.port_spin.fontMetrics().horizontalAdvance("0") * 8 + 40)
        self.database_edit = QLineEdit(self)
        self.database_edit.setPlaceholderText(self.tr("例: dxplans"))
        self.user_edit = QLineEdit(self)
        self.ssl_combo = QComboBox(self)
        for mode, label in ((SSL_MODES[0], self.tr("証明書とサーバー名を確かめて暗号化する（推奨）")),
                            (SSL_MODES[1], self.tr("暗号化する（サーバーは確かめない）")),
                            (SSL_MODES[2], self.tr("できれば暗号化する"))):
            self.ssl_combo.addItem(f"{mode} — {label}", mode)
        self.ssl_help = QLabel(self)
        self.ssl_help.setWordWrap(True)
        self.ssl_help.setStyleSheet("color: #555;")
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("パスワードをこの PC に保存する (Windows の資格情報マネージャー)(&K)"),
                                        self)
        if self.store is None:
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(self.tr("この環境ではパスワードを保存できません。開くたびに入力してください。"))
        form = QFormLayout()
        form.addRow(self.tr("サーバー(&S):"), self.host_edit)
        form.addRow(self.tr("ポート(&P):"), self.port_spin)
        form.addRow(self.tr("データベース(&D):"), self.database_edit)
        form.addRow(self.tr("ユーザー名(&U):"), self.user_edit)
        form.addRow(self.tr("接続の暗号化(&E):"), self.ssl_combo)
        form.addRow("", self.ssl_help)
        form.addRow(self.tr("パスワード(&W):"), self.password_edit)
        form.addRow("", self.remember_check)

        self.fetch_button = QPushButton(self.tr("一覧を取得(&L)"), self)
        self.fetch_button.clicked.connect(self.fetch)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("serverStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fetch_row = QHBoxLayout()
        fetch_row.addWidget(self.fetch_button, 0, Qt.AlignmentFlag.AlignTop)
        fetch_row.addWidget(self.status_label, 1)

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("計画の名前"), self.tr("団体名"), self.tr("識別子"),
                                              self.tr("公開日時"), self.tr("公開した人")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 5):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("開く(&O)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(fetch_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 600)

        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textEdited.connect(self._connection_changed)
            edit.editingFinished.connect(self._prefill_password)
        self.port_spin.valueChanged.connect(self._connection_changed)
        self.port_spin.editingFinished.connect(self._prefill_password)
        self.password_edit.textEdited.connect(self._password_edited)
        self.ssl_combo.currentIndexChanged.connect(self._ssl_changed)

    def _restore(self) -> None:
        """The last server, port, database, user and encryption; the password kept for them, if any."""
        last = self.settings.server_connection()
        self.host_edit.setText(last.get("host", ""))
        port = last.get("port", "")
        self.port_spin.setValue(int(port) if port.isdigit() and 0 < int(port) < 65536 else DEFAULT_PORT)
        self.database_edit.setText(last.get("database", ""))
        self.user_edit.setText(last.get("user", ""))
        index = self.ssl_combo.findData(last.get("sslmode") or SSL_MODES[0])
        self.ssl_combo.setCurrentIndex(max(index, 0))
        self._ssl_changed()
        self._prefill_password()
        self._update_buttons()
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            if not edit.text():
                edit.setFocus()
                break
        else:
            self.fetch_button.setFocus()

    # ------------------------------------------------------------------ fields
    def host(self) -> str:
        return self.host_edit.text().strip()

    def database(self) -> str:
        return self.database_edit.text().strip()

    def user(self) -> str:
        return self.user_edit.text().strip()

    def sslmode(self) -> str:
        return str(self.ssl_combo.currentData())

    def url(self) -> str:
        """The database URL of the fields (without the password)."""
        return server_url(self.host(), self.port_spin.value(), self.database(), self.user(), self.sslmode())

    def target(self) -> str | None:
        """The credential store's name for this login, or None while a field is empty."""
        if not (self.host() and self.database() and self.user()):
            return None
        return credentials.target_name(self.user(), self.host(), self.port_spin.value(), self.database())

    def missing(self) -> str | None:
        """What still has to be filled in before connecting, as a sentence; None when all is there."""
        for value, name in ((self.host(), self.tr("サーバー")), (self.database(), self.tr("データベース")),
                            (self.user(), self.tr("ユーザー名"))):
            if not value:
                return self.tr("{0}を入力してください。").format(name)
        return None

    def _ssl_changed(self) -> None:
        self.ssl_help.setText({
            "verify-full": self.tr("通信を暗号化し、サーバーの証明書が自治体の認証局のものであることと"
                                   "サーバー名を確かめます。通常はこれを使います。"),
            "require": self.tr("通信を暗号化しますが、接続先が本物のサーバーかは確かめません。最初の試験だけに使ってください。"),
            "prefer": self.tr("サーバーが対応していれば暗号化し、対応していなければ暗号化せずに接続します。"
                              "閉じたネットワークの中で管理者が認めた場合だけ使ってください。"),
        }.get(self.sslmode(), ""))
        self._connection_changed()

    def _prefill_password(self) -> None:
        """Fill the password kept for this login, if any; a kept one of another login goes.

        A password the person typed is never replaced.
        """
        target = self.target()
        if self.store is None or target == self._looked_up:
            return
        self._looked_up = target
        kept: str | None = None
        if target is not None:
            try:
                kept = self.store.read(target)
            except DxError as exc:
                self._show_status(exc.message(), error=True)
        if kept is not None and (self._prefilled or not self.password_edit.text()):
            self.password_edit.setText(kept)
            self.remember_check.setChecked(True)
            self._prefilled = True
        elif kept is None and self._prefilled:
            self.password_edit.clear()
            self.remember_check.setChecked(False)
            self._prefilled = False

    def _password_edited(self) -> None:
        self._prefilled = False
        self._connection_changed()

    def _connection_changed(self) -> None:
        """Another server, login or password: the list shown no longer belongs to it."""
        self._generation += 1
        self._fetching = False
        if self.table.rowCount():
            self.table.setRowCount(0)
            self.plans = []
        if self.status_label.text():
            self._show_status("")
        self._update_buttons()

    # ------------------------------------------------------------------ the list
    def fetch(self) -> None:
        """Ask the server for its plans on a worker thread; the answer fills the table (or says what went wrong)."""
        self._prefill_password()
        problem = self.missing()
        if problem:
            self._show_status(problem, error=True)
            return
        self._generation += 1
        generation, url = self._generation, self.url()
        password = self.password_edit.text() or None
        self._fetching = True
        self.table.setRowCount(0)
        self.plans = []
        self._show_status(self.tr("サーバーに接続しています…"))
        self._update_buttons()
        relay = _Relay(QCoreApplication.instance())
        relay.done.connect(self._fetched, Qt.ConnectionType.QueuedConnection)

        def work() -> None:
            from dxeditor.app.server import list_server_plans

            result: tuple[list[Any] | None, str | None]
            try:
                result = (list_server_plans(url, password=password), None)
            except DxError as exc:
                result = (None, exc.message())
            except Exception as exc:  # a defect or an unforeseen driver error: said plainly, logged for support
                log.warning("listing the plans of %s failed", url, exc_info=True)
                result = (None, message_for(exc))
            relay.done.emit(generation, *result)
            relay.deleteLater()  # on the GUI thread, after the queued answer

        threading.Thread(target=work, name="server-list", daemon=True).start()

    def _fetched(self, generation: int, plans: list[Any] | None, error: str | None) -> None:
        if generation != self._generation:
            return  # the fields changed meanwhile, or the dialog closed
        self._fetching = False
        if plans is None:
            hint = self.hint_for(error or "")
            self._show_status(f"{hint}\n{error}" if hint else error or "", error=True)
        else:
            self._fill(plans)
            self._show_status(self.tr("{0} 件の計画があります。").format(len(plans)) if plans
                              else self.tr("このデータベースにはまだ計画が公開されていません。"))
        self._update_buttons()

    def hint_for(self, message: str) -> str:
        """What the person can do about a connection failure, from the driver's reason (empty if unknown)."""
        for pattern, hint in (
            (r"password authentication failed", self.tr("ユーザー名かパスワードが違います。")),
            (r"no password supplied", self.tr("パスワードを入力してください。")),
            (r"failed to resolve host|could not translate host name",
             self.tr("サーバーが見つかりません。サーバー名を確かめてください。")),
            (r"timeout expired", self.tr("サーバーが {0} 秒以内に応答しませんでした。サーバー名、ポートとネットワークを"
                                         "確かめてください。").format(CONNECT_TIMEOUT_S)),
            (r"connection refused|no such file or directory",
             self.tr("サーバーが接続を受け付けていません。サーバー名とポートを確かめ、管理者に確認してください。")),
            (r'role ".*" does not exist', self.tr("このユーザー名はサーバーに登録されていません。")),
            (r'database ".*" does not exist',
             self.tr("このデータベースはサーバーにありません。データベース名を確かめてください。")),
            (r"no pg_hba\.conf entry",
             self.tr("このユーザーはこの PC からの接続を許されていません。管理者に確認してください。")),
            (r"root certificate file", self.tr("サーバーの証明書を確かめるためのルート証明書がこの PC にありません"
                                               "（%APPDATA%\\postgresql\\root.crt）。管理者に確認してください。")),
            (r"certificate verify failed|server certificate for",
             self.tr("サーバーの証明書を確かめられませんでした。管理者に確認してください。")),
            (r"does not support ssl", self.tr("サーバーが暗号化 (TLS) に対応していません。管理者に確認してください。")),
            (r"invalid response to ssl negotiation|expected authentication request",
             self.tr("接続先は PostgreSQL のサーバーではないようです。サーバー名とポートを確かめてください。")),
        ):
            if re.search(pattern, message, re.IGNORECASE):
                return hint
        return ""

    def _fill(self, plans: list[Any]) -> None:
        self.plans = list(plans)
        self.table.setRowCount(len(self.plans))
        for r, p in enumerate(self.plans):
            when = p.pushed_at.astimezone().strftime("%Y-%m-%d %H:%M") if p.pushed_at else ""
            for c, value in enumerate((p.title, p.municipality, p.uid, when, p.pushed_by)):
                item = QTableWidgetItem(str(value or ""))
                item.setData(Qt.ItemDataRole.UserRole, p.uid)
                self.table.setItem(r, c, item)
        if len(self.plans) == 1:
            self.table.selectRow(0)
        self.table.setFocus()

    def selected_uid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b00020;" if error else "")
        self.status_label.setText(text)

    def _update_buttons(self) -> None:
        chosen = self.selected_uid() is not None
        self.open_button.setEnabled(chosen and not self._fetching)
        self.fetch_button.setEnabled(not self._fetching)
        (self.open_button if chosen else self.fetch_button).setDefault(True)
        (self.fetch_button if chosen else self.open_button).setDefault(False)

    def _forget_fetch(self) -> None:
        self._generation += 1

    # ------------------------------------------------------------------ the end
    def accept(self) -> None:
        uid = self.selected_uid()
        if uid is None or self._fetching:
            return
        password = self.password_edit.text() or None
        self.chosen = (self.url(), uid, password)
        self.settings.set_server_connection(host=self.host(), port=self.port_spin.value(),
                                            database=self.database(), user=self.user(), sslmode=self.sslmode())
        self._keep_password(password)
        super().accept()

    def _keep_password(self, password: str | None) -> None:
        """Keep the password in the credential store when asked to; forget a kept one when not."""
        target = self.target()
        if self.store is None or target is None:
            return
        try:
            if self.remember_check.isChecked() and password:
                self.store.write(target, self.user(), password)
            else:
                self.store.delete(target)
        except DxError as exc:  # the plan opens all the same; the password is asked next time
            QMessageBox.warning(self, self.windowTitle(), exc.message())


def open_from_server(window: Any) -> bool:
    """Run the dialog for ``window``; after asking about unsaved edits, open the chosen plan there.

    Returns whether a plan was handed to ``window.open_server_plan``.
    """
    dlg = ServerDialog(window.settings, window)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.chosen is None:
            return False
        url, uid, password = dlg.chosen
    finally:
        dlg.deleteLater()
    if not window.confirm_close():  # as 開く: save or drop the open plan's edits first
        return False
    opener = getattr(window, "open_server_plan", None)
    if opener is None:  # pragma: no cover - this build has the dialog but not yet the server document
        window.show_error(window.tr("この版ではサーバーの計画をウィンドウで開けません。"))
        return False
    opener(url, uid, password)
    return True
