"""File ▸ サーバーの計画を開く against the real throwaway PostgreSQL: the list, the login, the errors.

The test cluster trusts its Unix socket; a login that must give its password gets its own
``pg_hba.conf`` line (scram-sha-256) for the length of a test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from dxeditor.app import server as runs
from dxeditor.ui.dialogs.server_dialog import ServerDialog
from dxeditor.ui.settings import Settings

from .cluster import PgCluster

pytestmark = pytest.mark.server
PASSWORD = "Kaigi-2026!"


@pytest.fixture
def password_login(pg_cluster: PgCluster, published_db: tuple[str, str]) -> Iterator[str]:
    """A viewer login that must give PASSWORD (the group roles exist once a database is prepared)."""
    import psycopg

    user = f"dxpw_{os.getpid()}"
    hba = pg_cluster.socket_dir / "data" / "pg_hba.conf"
    before = hba.read_text()
    with psycopg.connect(pg_cluster.conninfo("postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{user}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE dx_viewer")
        hba.write_text(f"local all {user} scram-sha-256\n" + before)
        conn.execute("SELECT pg_reload_conf()")
    try:
        yield user
    finally:
        with psycopg.connect(pg_cluster.conninfo("postgres"), autocommit=True) as conn:
            hba.write_text(before)
            conn.execute("SELECT pg_reload_conf()")
            conn.execute(f'DROP ROLE "{user}"')


def make_dialog(qtbot) -> ServerDialog:
    dlg = ServerDialog(Settings(), store=None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def fill(dlg: ServerDialog, host: str, database: str, user: str, password: str = "") -> None:
    dlg.host_edit.setText(host)
    dlg.database_edit.setText(database)
    dlg.user_edit.setText(user)
    dlg.password_edit.setText(password)
    dlg._connection_changed()  # as typing does


def fetch(qtbot, dlg: ServerDialog) -> str:
    qtbot.mouseClick(dlg.fetch_button, Qt.MouseButton.LeftButton)
    assert dlg._fetching
    qtbot.waitUntil(lambda: not dlg._fetching, timeout=20000)
    return dlg.status_label.text()


def test_the_published_plan_is_listed_chosen_and_its_url_opens_it(qtbot, pg_cluster, published_db, password_login,
                                                                  private_data_dir: Path):
    database, uid = published_db
    dlg = make_dialog(qtbot)
    fill(dlg, str(pg_cluster.socket_dir), database, password_login, PASSWORD)
    assert fetch(qtbot, dlg) == "1 件の計画があります。"
    assert dlg.table.rowCount() == 1
    assert [dlg.table.item(0, c).text() for c in (1, 2, 4)] == ["小樽市", uid, pg_cluster.superuser]
    assert dlg.table.item(0, 0).text()  # the demo plan's title
    assert dlg.open_button.isEnabled()  # the only plan is chosen already
    qtbot.mouseClick(dlg.open_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    url, chosen_uid, password = dlg.chosen
    assert (chosen_uid, password) == (uid, PASSWORD)
    assert PASSWORD not in url and "sslmode=verify-full" in url and "connect_timeout=5" in url
    # the URL handed to the window reaches the same plan with the password given separately
    assert [p.uid for p in runs.list_server_plans(url, password=password)] == [uid]
    dlg.settings.sync()
    ini = (private_data_dir / "settings" / "dxeditor.ini").read_text(encoding="utf-8")
    assert password_login in ini and database in ini and PASSWORD not in ini


def test_a_wrong_password_is_said_in_the_dialog(qtbot, pg_cluster, published_db, password_login):
    database, _uid = published_db
    dlg = make_dialog(qtbot)
    fill(dlg, str(pg_cluster.socket_dir), database, password_login, "wrong")
    hint, reason = fetch(qtbot, dlg).split("\n")
    assert hint == "ユーザー名かパスワードが違います。"
    assert reason.startswith("サーバーに接続できません: ") and "password authentication failed" in reason
    assert dlg.table.rowCount() == 0 and not dlg.open_button.isEnabled() and dlg.isVisible()
    fill(dlg, str(pg_cluster.socket_dir), database, password_login, "")  # none at all
    assert fetch(qtbot, dlg).startswith("パスワードを入力してください。\n")
    fill(dlg, str(pg_cluster.socket_dir), database, password_login, PASSWORD)  # then the right one
    assert fetch(qtbot, dlg) == "1 件の計画があります。"


@pytest.mark.parametrize(("host", "hint"), [
    ("no-such-host.invalid", "サーバーが見つかりません。サーバー名を確かめてください。"),
    ("127.0.0.1", "サーバーが接続を受け付けていません。サーバー名とポートを確かめ、管理者に確認してください。"),
    ("/nonexistent-socket-folder", "サーバーが接続を受け付けていません。サーバー名とポートを確かめ、管理者に確認してください。")])
def test_a_server_that_cannot_be_reached_is_said_in_the_dialog(qtbot, host, hint):
    dlg = make_dialog(qtbot)
    fill(dlg, host, "dxplans", "sato", "x")
    if host == "127.0.0.1":
        dlg.port_spin.setValue(1)  # nothing listens there: refused at once
    shown_hint, reason = fetch(qtbot, dlg).split("\n")
    assert shown_hint == hint
    assert reason.startswith("サーバーに接続できません: "), reason
    assert dlg.table.rowCount() == 0 and not dlg.open_button.isEnabled() and dlg.fetch_button.isEnabled()


def test_an_unknown_login_or_database_is_said(qtbot, pg_cluster, published_db):
    dlg = make_dialog(qtbot)
    fill(dlg, str(pg_cluster.socket_dir), published_db[0], "nobody_here")
    assert fetch(qtbot, dlg).startswith("このユーザー名はサーバーに登録されていません。\n")
    fill(dlg, str(pg_cluster.socket_dir), "no_such_db", pg_cluster.superuser)
    assert fetch(qtbot, dlg).startswith("このデータベースはサーバーにありません。データベース名を確かめてください。\n")


def test_a_database_not_prepared_for_dxeditor_is_said(qtbot, pg_cluster, server_db):
    dlg = make_dialog(qtbot)
    fill(dlg, str(pg_cluster.socket_dir), server_db, pg_cluster.superuser)
    assert fetch(qtbot, dlg).startswith("このデータベースは dxeditor 用に準備されていません")


def test_an_empty_prepared_database_says_so(qtbot, pg_cluster, server_url, server_db):
    runs.init(server_url)
    dlg = make_dialog(qtbot)
    fill(dlg, str(pg_cluster.socket_dir), server_db, pg_cluster.superuser)
    assert fetch(qtbot, dlg) == "このデータベースにはまだ計画が公開されていません。"
    assert not dlg.open_button.isEnabled()


def test_the_file_menu_opens_a_server_plan_in_the_window_with_the_password(qtbot, pg_cluster, published_db,
                                                                          password_login):
    """ファイル ▸ サーバーの計画を開く… from start to end: the dialog, the password login, the plan in the window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dxeditor.store.document import PlanDocument
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.undo import DocumentController

    database, uid = published_db
    window = MainWindow(DocumentController(PlanDocument.create()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen: list[str] = []

    def drive() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ServerDialog):
            QTimer.singleShot(50, drive)
            return
        fill(dlg, str(pg_cluster.socket_dir), database, password_login, PASSWORD)
        seen.append(fetch(qtbot, dlg))
        qtbot.mouseClick(dlg.open_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    window.open_server_action.trigger()
    try:
        assert seen == ["1 件の計画があります。"]
        doc = window.controller.doc
        assert doc.server_label and doc.server_label.startswith(password_login)
        assert doc.plan.uid == uid
        assert doc.read_only  # a viewer's login
        assert window.model.root.children  # the plan is shown
        qtbot.waitUntil(lambda: window.server_bridge._listening, timeout=10_000)  # the listener logged in too
        assert password_login in window.windowTitle()
    finally:
        window.close()


def test_a_shortcut_to_a_server_plan_opens_it_with_the_kept_password(qtbot, pg_cluster, published_db, password_login,
                                                                     monkeypatch):
    """``dxeditor "postgresql://…?plan=UID"`` (a desktop shortcut): the password from the credential store."""
    from dxeditor import cli
    from dxeditor.core import credentials
    from dxeditor.store.document import PlanDocument
    from dxeditor.ui import app as gui
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.server_link import open_server_spec
    from dxeditor.ui.undo import DocumentController

    database, uid = published_db
    spec = f"postgresql://{password_login}@/{database}?host={pg_cluster.socket_dir}&plan={uid}"
    started = {}
    monkeypatch.setattr(gui, "run_gui", lambda path, argv=(), **kw: started.update(path=path, **kw) or 0)
    assert cli.main([spec]) == 0
    assert started == {"path": None, "server": spec}  # the URL is not taken for a file name

    class Kept:
        def read(self, target: str) -> str | None:
            return PASSWORD if target == credentials.target_name(password_login, str(pg_cluster.socket_dir), 5432,
                                                                 database) else None

    monkeypatch.setattr(credentials, "default_store", lambda: Kept())
    monkeypatch.delenv("PGPASSWORD", raising=False)
    window = MainWindow(DocumentController(PlanDocument.create()))
    qtbot.addWidget(window)
    window.show()
    try:
        assert open_server_spec(window, spec)
        assert window.controller.doc.plan.uid == uid and window.controller.doc.read_only  # a viewer
    finally:
        window.close()
