"""The server layout under Alembic (db/server): init lays out the head, upgrade goes through every plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest

from dxeditor import cli
from dxeditor.app import server as runs
from dxeditor.core import paths
from dxeditor.formats.json import io as json_io
from dxeditor.store.document import PlanDocument
from dxeditor.store.server import ServerError, connect, migrate

from .cluster import PgCluster

pytestmark = pytest.mark.server

LATER = '''"""Test only: a note column on every plan's initiatives, a table in the bookkeeping schema

Revision ID: s0099
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

from dxeditor.store.server.migrate import for_each_plan

revision = "s0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_notes", sa.Column("id", sa.Integer, primary_key=True), schema="dxeditor")
    # no schema named: search_path points at each plan in turn
    for_each_plan(lambda schema: op.add_column("initiatives", sa.Column("upgrade_note", sa.Text)))
'''


def _scalar(cluster: PgCluster, db: str, sql: str, *params: object) -> object:
    with psycopg.connect(cluster.conninfo(db)) as conn:
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None


def _export(url: str, uid: str) -> dict:
    data = runs.server_export(url, uid)
    data.pop("exported_at")
    return data


def _second_plan(demo_file: Path, tmp_path: Path) -> Path:
    """The demo plan under another uid (a second plan on the same server)."""
    doc = PlanDocument.open(demo_file, read_only=True)
    try:
        data = json_io.export_data(doc.session.connection())
    finally:
        doc.close(keep_working_copy=False)
    data["plan"]["uid"] = "second-plan"
    other = json_io.import_data(data)
    try:
        return other.save(tmp_path / "second.dxplan")
    finally:
        other.close(keep_working_copy=False)


def _to_legacy(cluster: PgCluster, db: str) -> None:
    """Make a database look as dxeditor prepared it before the layout was under Alembic (server_meta s1)."""
    with psycopg.connect(cluster.conninfo(db), autocommit=True) as su:
        su.execute("DROP TABLE dxeditor.alembic_version")
        su.execute("UPDATE dxeditor.server_meta SET value = 's1' WHERE key = 'revision'")


@pytest.fixture
def later_chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real db/server scripts plus a trivial later revision s0099, in a temp folder this dxeditor uses."""
    location = tmp_path / "server-migrations"
    shutil.copytree(paths.migrations() / "server", location, ignore=shutil.ignore_patterns("__pycache__"))
    (location / "versions" / "s0099_test_note.py").write_text(LATER.format(head=migrate.head()), encoding="utf-8")
    monkeypatch.setattr(migrate, "script_location", lambda: location)
    return location


def test_init_lays_out_the_head_and_a_second_upgrade_has_nothing_to_do(
        pg_cluster: PgCluster, server_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_cluster.url(server_db)
    assert cli.main(["server", "init", url]) == 0
    out = capsys.readouterr().out
    assert f"→ {migrate.head()}" in out and "s0001" in out
    assert _scalar(pg_cluster, server_db, "SELECT version_num FROM dxeditor.alembic_version") == migrate.head()
    assert migrate.head() == migrate.known_revisions()[-1]
    assert cli.main(["server", "upgrade", url]) == 0
    assert f"すでに {migrate.head()}" in capsys.readouterr().out
    assert cli.main(["server", "init", url]) == 0  # init again: still safe
    assert "prepared" in capsys.readouterr().out


def test_a_database_prepared_before_alembic_is_upgraded_and_its_plan_still_reads(
        pg_cluster: PgCluster, server_db: str, demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_cluster.url(server_db)
    runs.init(url)
    uid = runs.push(demo_file, url).uid
    before = _export(url, uid)
    _to_legacy(pg_cluster, server_db)
    with pytest.raises(ServerError, match="server upgrade") as refused:
        runs.server_export(url, uid)
    assert "古い" in refused.value.message("ja")
    assert cli.main(["info", f"{url}&plan={uid}"]) == 2
    assert "dxeditor server upgrade" in capsys.readouterr().err
    assert cli.main(["server", "upgrade", url]) == 0
    out = capsys.readouterr().out
    assert f"s1 → {migrate.head()}" in out and "plan_" + uid.lower().replace("-", "_") in out
    assert _export(url, uid) == before
    # releases from before Alembic compare server_meta: it still says s1 while the layout is the baseline
    assert _scalar(pg_cluster, server_db, "SELECT value FROM dxeditor.server_meta WHERE key = 'revision'") == "s1"


def test_a_later_revision_runs_in_every_plan_schema_and_pushed_plans_still_read(
        pg_cluster: PgCluster, server_db: str, demo_file: Path, tmp_path: Path, later_chain: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_cluster.url(server_db)
    real_head = migrate.known_revisions()[-2]
    with monkeypatch.context() as m:  # the database as today's dxeditor prepares it, with two plans
        m.setattr(migrate, "script_location", lambda: paths.migrations() / "server")
        runs.init(url)
        first = runs.push(demo_file, url).uid
        second = runs.push(_second_plan(demo_file, tmp_path), url).uid
        before = {uid: _export(url, uid) for uid in (first, second)}
    assert migrate.head() == "s0099"
    # this (newer) dxeditor refuses the older database until it is upgraded
    with pytest.raises(ServerError, match="server upgrade"):
        runs.server_export(url, first)
    with pytest.raises(ServerError, match="server upgrade"):
        runs.push(demo_file, url, replace=True)
    assert cli.main(["server", "upgrade", url]) == 0
    out = capsys.readouterr().out
    assert f"データベースの形式 {real_head} → s0099" in out
    assert "s0099  Test only: a note column" in out
    schemas = sorted("plan_" + u.lower().replace("-", "_") for u in (first, second))
    assert f"更新した計画: 2 件（{', '.join(schemas)}）" in out
    for schema in schemas:
        assert _scalar(pg_cluster, server_db, "SELECT count(*) FROM information_schema.columns WHERE "
                       "table_schema = %s AND table_name = 'initiatives' AND column_name = 'upgrade_note'",
                       schema) == 1
    assert _scalar(pg_cluster, server_db, "SELECT to_regclass('dxeditor.upgrade_notes') IS NOT NULL") is True
    # nothing else got the column: the search path pointed at one plan at a time, and was set back
    assert _scalar(pg_cluster, server_db, "SELECT count(*) FROM information_schema.columns WHERE "
                   "column_name = 'upgrade_note'") == 2
    assert _scalar(pg_cluster, server_db, "SELECT value FROM dxeditor.server_meta WHERE key = 'revision'") == "s0099"
    for uid, data in before.items():
        assert _export(url, uid) == data
    # the older dxeditor (the real chain) now refuses the newer database, and will not upgrade it either
    monkeypatch.setattr(migrate, "script_location", lambda: paths.migrations() / "server")
    with pytest.raises(ServerError, match="新しい版に更新") as newer:
        runs.server_export(url, first)
    assert "update dxeditor" in newer.value.message("en")
    with pytest.raises(ServerError, match="新しい版に更新"):
        runs.upgrade(url)


def test_an_upgrade_failing_in_one_plan_leaves_every_plan_as_it_was(
        pg_cluster: PgCluster, server_db: str, demo_file: Path, tmp_path: Path, later_chain: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = pg_cluster.url(server_db)
    with monkeypatch.context() as m:
        m.setattr(migrate, "script_location", lambda: paths.migrations() / "server")
        runs.init(url)
        runs.push(demo_file, url)
        runs.push(_second_plan(demo_file, tmp_path), url)
    script = later_chain / "versions" / "s0099_test_note.py"
    script.write_text(script.read_text(encoding="utf-8").replace(
        'sa.Column("upgrade_note", sa.Text)', 'sa.Column("upgrade_note", sa.Text, nullable=False)'), encoding="utf-8")
    with pytest.raises(ServerError):  # a NOT NULL column without a default: the first plan with rows fails
        runs.upgrade(url)
    assert _scalar(pg_cluster, server_db, "SELECT count(*) FROM information_schema.columns WHERE "
                   "column_name = 'upgrade_note'") == 0
    assert _scalar(pg_cluster, server_db, "SELECT to_regclass('dxeditor.upgrade_notes')") is None
    assert _scalar(pg_cluster, server_db, "SELECT version_num FROM dxeditor.alembic_version") != "s0099"


def test_upgrade_refuses_a_login_that_does_not_own_the_plans(
        pg_cluster: PgCluster, server_db: str, demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_cluster.url(server_db)
    runs.init(url)
    uid = runs.push(demo_file, url).uid
    _to_legacy(pg_cluster, server_db)
    office = f"office_{server_db}"
    with psycopg.connect(pg_cluster.conninfo(server_db), autocommit=True) as su:
        su.execute(f"CREATE ROLE {office} LOGIN IN ROLE dx_office")
    assert cli.main(["server", "upgrade", pg_cluster.url(server_db, office)]) == 2
    err = capsys.readouterr().err
    assert f"ログイン {office} ではデータベースの形式を更新できません" in err
    assert "plan_" + uid.lower().replace("-", "_") in err and "dxeditor（" in err and "Traceback" not in err
    engine = connect(url)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == "s1"
    engine.dispose()
