"""File ▸ サーバーの計画を開く without a server: fields, password handling, settings, the menu item.

The list comes from a stand-in for ``list_server_plans`` here (run on the dialog's worker
thread all the same); tests/server/test_server_dialog.py fetches it from a real PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from dxeditor.app import server as server_runs
from dxeditor.core import credentials
from dxeditor.core.credentials import CredentialError
from dxeditor.store.server import PlanEntry, ServerError
from dxeditor.ui.dialogs.server_dialog import ServerDialog, server_url
from dxeditor.ui.settings import Settings
from tests.ui.test_english import english, japanese_in  # noqa: F401 - the fixture is used by name

PLANS = [PlanEntry("otaru-2024", "plan_otaru_2024", "小樽市DX推進計画", "小樽市",
                   datetime(2026, 11, 2, 9, 30, tzinfo=UTC), "sato"),
         PlanEntry("sapporo-2025", "plan_sapporo_2025", "札幌市DX推進計画", "札幌市",
                   datetime(2026, 12, 1, 15, 0, tzinfo=UTC), "dx_admin")]
SECRET = "Pa55-w0rd!"


class MemoryStore:
    """A credential store in memory (stands for the Windows Credential Manager)."""

    def __init__(self, kept: dict[str, str] | None = None) -> None:
        self.kept = dict(kept or {})
        self.calls: list[tuple[str, ...]] = []
        self.fail = False

    def read(self, target: str) -> str | None:
        self.calls.append(("read", target))
        return self.kept.get(target)

    def write(self, target: str, user: str, password: str) -> None:
        self.calls.append(("write", target, user))
        if self.fail:
            raise CredentialError("資格情報マネージャーに保存できませんでした（エラー 5）。", "error 5")
        self.kept[target] = password

    def delete(self, target: str) -> None:
        self.calls.append(("delete", target))
        self.kept.pop(target, None)


@pytest.fixture
def listing(monkeypatch) -> list[tuple[str, str | None]]:
    """The dialog's list comes from PLANS; records (url, password) of every call."""
    calls: list[tuple[str, str | None]] = []

    def fake(url: str, *, password: str | None = None) -> list[PlanEntry]:
        calls.append((url, password))
        if "nowhere" in url:
            raise ServerError("サーバーに接続できません: failed to resolve host 'nowhere'",
                              "Cannot connect to the server: failed to resolve host 'nowhere'")
        return PLANS

    monkeypatch.setattr(server_runs, "list_server_plans", fake)
    return calls


def make_dialog(qtbot, store: Any = None) -> ServerDialog:
    dlg = ServerDialog(Settings(), store=store)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def fill(qtbot, dlg: ServerDialog, host: str = "dbserver.example.lg.jp", database: str = "dxplans",
         user: str = "sato", password: str | None = SECRET) -> None:
    for edit, text in ((dlg.host_edit, host), (dlg.database_edit, database), (dlg.user_edit, user)):
        edit.clear()
        qtbot.keyClicks(edit, text)
        edit.editingFinished.emit()
    if password is not None:
        dlg.password_edit.clear()
        qtbot.keyClicks(dlg.password_edit, password)


def fetch(qtbot, dlg: ServerDialog) -> None:
    qtbot.mouseClick(dlg.fetch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg._fetching)


def test_the_url_carries_no_password_and_a_connect_timeout():
    assert server_url("db.example.lg.jp", 5432, "dxplans", "sato", "verify-full") == \
        "postgresql://sato@db.example.lg.jp:5432/dxplans?connect_timeout=5&sslmode=verify-full"
    # a folder is a Unix socket on the server itself: libpq takes it from the query
    assert server_url("/run/postgresql", 5433, "dxplans", "sato", "require") == \
        "postgresql://sato@/dxplans?connect_timeout=5&host=%2Frun%2Fpostgresql&port=5433&sslmode=require"
    assert server_url("db", 5432, "計画", "佐藤 太郎", "prefer").startswith("postgresql://%E4%BD%90")


def test_defaults_masked_password_and_no_store_outside_windows(qtbot):
    dlg = ServerDialog(Settings())  # this system's store: none on Linux
    qtbot.addWidget(dlg)
    assert credentials.default_store() is None
    assert dlg.port_spin.value() == 5432
    assert dlg.sslmode() == "verify-full"
    assert [dlg.ssl_combo.itemData(i) for i in range(dlg.ssl_combo.count())] == ["verify-full", "require", "prefer"]
    assert "証明書" in dlg.ssl_help.text()
    dlg.ssl_combo.setCurrentIndex(1)
    assert "確かめません" in dlg.ssl_help.text()
    assert dlg.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert not dlg.remember_check.isEnabled()
    assert not dlg.open_button.isEnabled()


def test_the_list_fills_the_table_and_a_selection_enables_open(qtbot, listing):
    dlg = make_dialog(qtbot)
    fill(qtbot, dlg)
    fetch(qtbot, dlg)
    assert listing == [("postgresql://sato@dbserver.example.lg.jp:5432/dxplans?connect_timeout=5&sslmode=verify-full",
                        SECRET)]
    assert dlg.table.rowCount() == 2
    row = [dlg.table.item(0, c).text() for c in range(5)]
    assert row[0] == "小樽市DX推進計画" and row[1] == "小樽市" and row[2] == "otaru-2024" and row[4] == "sato"
    assert row[3].startswith("2026-11-0")  # local time
    assert "2 件" in dlg.status_label.text()
    assert not dlg.open_button.isEnabled()
    dlg.table.selectRow(1)
    assert dlg.open_button.isEnabled()
    qtbot.mouseClick(dlg.open_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.chosen == ("postgresql://sato@dbserver.example.lg.jp:5432/dxplans?connect_timeout=5&sslmode=verify-full",
                          "sapporo-2025", SECRET)


def test_double_click_opens_and_an_empty_password_is_none(qtbot, listing):
    dlg = make_dialog(qtbot)
    fill(qtbot, dlg, password="")
    fetch(qtbot, dlg)
    assert listing[-1][1] is None
    rect = dlg.table.visualItemRect(dlg.table.item(0, 0))
    qtbot.mouseClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first
    qtbot.mouseDClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.chosen is not None and dlg.chosen[1:] == ("otaru-2024", None)


def test_missing_fields_and_errors_are_said_in_the_dialog(qtbot, listing):
    dlg = make_dialog(qtbot)
    fill(qtbot, dlg, user="")
    qtbot.mouseClick(dlg.fetch_button, Qt.MouseButton.LeftButton)
    assert dlg.status_label.text() == "ユーザー名を入力してください。"
    assert listing == []
    fill(qtbot, dlg, host="nowhere")
    fetch(qtbot, dlg)
    assert dlg.status_label.text() == ("サーバーが見つかりません。サーバー名を確かめてください。\n"
                                       "サーバーに接続できません: failed to resolve host 'nowhere'")
    assert dlg.table.rowCount() == 0 and not dlg.open_button.isEnabled()
    assert dlg.fetch_button.isEnabled()


def test_changing_the_server_clears_a_list_that_belongs_to_another(qtbot, listing):
    dlg = make_dialog(qtbot)
    fill(qtbot, dlg)
    fetch(qtbot, dlg)
    dlg.table.selectRow(0)
    assert dlg.open_button.isEnabled()
    qtbot.keyClicks(dlg.database_edit, "2")
    assert dlg.table.rowCount() == 0 and not dlg.open_button.isEnabled()
    fetch(qtbot, dlg)
    assert listing[-1][0].endswith("/dxplans2?connect_timeout=5&sslmode=verify-full")


def test_an_answer_for_fields_since_changed_is_ignored(qtbot, listing):
    dlg = make_dialog(qtbot)
    fill(qtbot, dlg)
    dlg.fetch()
    qtbot.keyClicks(dlg.user_edit, "x")  # before the answer arrives (it is queued to this thread)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: len(listing) == 1)
    QApplication.processEvents()
    assert dlg.table.rowCount() == 0 and dlg.status_label.text() == ""


def test_the_connection_is_remembered_without_the_password(qtbot, listing, private_data_dir: Path):
    dlg = make_dialog(qtbot)
    fill(qtbot, dlg)
    dlg.port_spin.setValue(6543)
    dlg.ssl_combo.setCurrentIndex(dlg.ssl_combo.findData("require"))
    fetch(qtbot, dlg)
    dlg.table.selectRow(0)
    dlg.accept()
    Settings().sync()
    dlg.settings.sync()
    ini = (private_data_dir / "settings" / "dxeditor.ini").read_text(encoding="utf-8")
    assert "dbserver.example.lg.jp" in ini and "6543" in ini
    assert SECRET not in ini and "Pa55" not in ini
    again = make_dialog(qtbot)
    assert (again.host(), again.port_spin.value(), again.database(), again.user(), again.sslmode()) == \
        ("dbserver.example.lg.jp", 6543, "dxplans", "sato", "require")
    assert again.password_edit.text() == ""  # asked again: nothing kept outside a credential store


def test_a_kept_password_is_filled_and_a_typed_one_never_replaced(qtbot, listing):
    target = credentials.target_name("sato", "dbserver.example.lg.jp", 5432, "dxplans")
    store = MemoryStore({target: SECRET})
    dlg = make_dialog(qtbot, store)
    assert dlg.remember_check.isEnabled() and not dlg.remember_check.isChecked()
    fill(qtbot, dlg, password=None)
    assert dlg.password_edit.text() == SECRET and dlg.remember_check.isChecked()
    fill(qtbot, dlg, user="tanaka", password=None)  # another login: the kept password of sato goes
    assert dlg.password_edit.text() == "" and not dlg.remember_check.isChecked()
    qtbot.keyClicks(dlg.password_edit, "typed")
    fill(qtbot, dlg, user="sato", password=None)  # what was typed stays
    assert dlg.password_edit.text() == "typed"


def test_the_password_is_kept_only_when_asked_and_forgotten_when_not(qtbot, listing):
    target = credentials.target_name("sato", "dbserver.example.lg.jp", 5432, "dxplans")
    store = MemoryStore()
    dlg = make_dialog(qtbot, store)
    fill(qtbot, dlg)
    fetch(qtbot, dlg)
    dlg.table.selectRow(0)
    dlg.accept()
    assert store.kept == {}  # not ticked: nothing kept
    dlg = make_dialog(qtbot, store)
    fill(qtbot, dlg)
    dlg.remember_check.setChecked(True)
    fetch(qtbot, dlg)
    dlg.table.selectRow(0)
    dlg.accept()
    assert store.kept == {target: SECRET}
    assert ("write", target, "sato") in store.calls
    dlg = make_dialog(qtbot, store)  # the last connection, its password filled from the store
    assert dlg.password_edit.text() == SECRET and dlg.remember_check.isChecked()
    dlg.remember_check.setChecked(False)
    fetch(qtbot, dlg)
    dlg.table.selectRow(0)
    dlg.accept()
    assert store.kept == {}


def test_a_store_that_refuses_is_said_and_the_plan_opens_anyway(qtbot, listing, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    store = MemoryStore()
    store.fail = True
    dlg = make_dialog(qtbot, store)
    fill(qtbot, dlg)
    dlg.remember_check.setChecked(True)
    fetch(qtbot, dlg)
    dlg.table.selectRow(0)
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.chosen is not None
    assert shown == ["資格情報マネージャーに保存できませんでした（エラー 5）。"]


def drive_dialog(qtbot, done: list[str], *, choose: bool = True) -> None:
    """When the modal dialog shows: fill it, fetch, choose the first plan and open (or cancel)."""

    def run() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, ServerDialog)
        fill(qtbot, dlg)
        fetch(qtbot, dlg)
        if choose:
            dlg.table.selectRow(0)
            qtbot.mouseClick(dlg.open_button, Qt.MouseButton.LeftButton)
        else:
            dlg.reject()
        done.append("driven")

    QTimer.singleShot(0, run)


def test_the_file_menu_item_opens_the_chosen_plan_in_the_window(qtbot, window, listing, monkeypatch):
    opened: list[tuple[str, str, str | None]] = []
    monkeypatch.setattr(window, "open_server_plan", lambda url, uid, password: opened.append((url, uid, password)),
                        raising=False)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.open_server_action in file_menu.actions()
    assert file_menu.actions().index(window.open_server_action) == \
        file_menu.actions().index(window.open_action) + 1
    assert window.open_server_action.text() == "サーバーの計画を開く(&D)…"
    done: list[str] = []
    drive_dialog(qtbot, done, choose=False)
    window.open_server_action.trigger()
    assert done and opened == []  # cancelled: nothing opened
    drive_dialog(qtbot, done)
    window.open_server_action.trigger()
    assert opened == [("postgresql://sato@dbserver.example.lg.jp:5432/dxplans?connect_timeout=5&sslmode=verify-full",
                       "otaru-2024", SECRET)]


def test_unsaved_edits_are_asked_about_first_as_with_open(qtbot, window, listing, messages, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(window, "open_server_plan", lambda url, uid, password: opened.append(uid), raising=False)
    from dxeditor.plan.ops import outline as ops

    window.controller.execute("名称の変更", lambda rec: ops.rename(rec, "initiative", 1, "変更した取組"))
    assert window.is_modified()
    messages.answers = [QMessageBox.StandardButton.Cancel]
    done: list[str] = []
    drive_dialog(qtbot, done)
    window.open_server_action.trigger()
    assert messages.texts("question") and "保存しますか" in messages.texts("question")[0]
    assert opened == []  # キャンセル: the window keeps its plan and its edits
    assert window.is_modified()
    messages.answers = [QMessageBox.StandardButton.Discard]
    drive_dialog(qtbot, done)
    window.open_server_action.trigger()
    assert opened == ["otaru-2024"]


@pytest.mark.usefixtures("english")
def test_the_dialog_is_english(qtbot, listing):
    dlg = make_dialog(qtbot, MemoryStore())
    fill(qtbot, dlg, user="")
    dlg.fetch()
    found = japanese_in(dlg)
    fill(qtbot, dlg, host="nowhere")
    fetch(qtbot, dlg)
    assert dlg.status_label.text() == ("The server was not found; check the server name.\n"
                                       "Cannot connect to the server: failed to resolve host 'nowhere'")
    fill(qtbot, dlg)
    fetch(qtbot, dlg)
    assert dlg.table.rowCount() == 2
    assert dlg.status_label.text() == "2 plans on the server."
    dlg.table.clearContents()  # the plans' titles are content, not UI
    found += japanese_in(dlg)
    for i in range(dlg.ssl_combo.count()):
        dlg.ssl_combo.setCurrentIndex(i)
        found += japanese_in(dlg)
    assert not found, "\n".join(found)
    plain = ServerDialog(Settings())
    qtbot.addWidget(plain)
    assert plain.remember_check.toolTip().startswith("Passwords cannot be kept")


@pytest.mark.parametrize(("reason", "hint"), [
    ('connection to server at "10.0.0.5", port 5432 failed: timeout expired', "5 秒以内に応答しませんでした"),
    ('connection failed: FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "sato"', "この PC からの接続"),
    ('root certificate file "C:\\Users\\sato\\AppData\\Roaming/postgresql/root.crt" does not exist', "root.crt"),
    ("SSL error: certificate verify failed", "証明書を確かめられませんでした"),
    ('server certificate for "db" does not match host name "dbserver"', "証明書を確かめられませんでした"),
    ("server does not support SSL, but SSL was required", "暗号化 (TLS) に対応していません"),
    ("received invalid response to SSL negotiation: H", "PostgreSQL のサーバーではない"),
    ("something nobody foresaw", ""),
])
def test_a_connection_failure_comes_with_what_to_do(qtbot, reason, hint):
    dlg = ServerDialog(Settings(), store=None)
    qtbot.addWidget(dlg)
    found = dlg.hint_for(f"サーバーに接続できません: {reason}")
    assert (hint in found) if hint else found == ""


def test_a_damaged_remembered_port_falls_back_to_the_default(qtbot):
    settings = Settings()
    settings.set_server_connection(host="db", port="54x", database="dxplans", user="sato", sslmode="bogus")
    dlg = ServerDialog(settings, store=None)
    qtbot.addWidget(dlg)
    assert (dlg.host(), dlg.port_spin.value(), dlg.sslmode()) == ("db", 5432, "verify-full")


def test_the_dialog_has_a_help_button_opening_its_section(qtbot, window):
    from PySide6.QtWidgets import QDialogButtonBox

    from dxeditor.ui.help_window import HelpWindow

    dlg = ServerDialog(window.settings, window, store=None)
    dlg.show()
    qtbot.waitExposed(dlg)
    button = dlg.buttons.button(QDialogButtonBox.StandardButton.Help)
    assert button is not None and button.text() == "ヘルプ"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    help_window = dlg.findChild(HelpWindow)
    assert help_window is not None and help_window.topic() == "server"
    assert "資格情報マネージャー" in help_window.browser.toPlainText()
    assert dlg.isVisible()
    dlg.reject()
