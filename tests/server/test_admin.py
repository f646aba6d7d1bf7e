"""What docs/server.md tells the administrator works: publishing as an office login, dump and restore."""

from __future__ import annotations

import subprocess
from pathlib import Path

import psycopg
import pytest

from dxeditor.app import server as runs
from dxeditor.store.server import PermissionRefusedError, ServerError

from .cluster import PgCluster

pytestmark = pytest.mark.server


def _login(cluster: PgCluster, db: str, name: str, group: str) -> str:
    user = f"{name}_{db}"
    with psycopg.connect(cluster.conninfo(db), autocommit=True) as su:
        su.execute(f"CREATE ROLE {user} LOGIN IN ROLE {group}")
    return user


def test_an_office_login_publishes_and_a_department_login_cannot(pg_cluster: PgCluster, server_db: str,
                                                                 demo_file: Path, tmp_path: Path) -> None:
    runs.init(pg_cluster.url(server_db))
    office = _login(pg_cluster, server_db, "office", "dx_office")
    dept = _login(pg_cluster, server_db, "dept", "dx_department")
    with pytest.raises(PermissionRefusedError):
        runs.push(demo_file, pg_cluster.url(server_db, dept))
    assert runs.list_server_plans(pg_cluster.url(server_db)) == []  # nothing half-published
    uid = runs.push(demo_file, pg_cluster.url(server_db, office)).uid
    [entry] = runs.list_server_plans(pg_cluster.url(server_db, dept))
    assert (entry.uid, entry.pushed_by) == (uid, office)
    out = runs.pull(pg_cluster.url(server_db, dept), uid, tmp_path / "copy.dxplan")
    assert out.exists()


def test_a_dump_restores_with_its_plans_and_policies(pg_cluster: PgCluster, server_db: str,
                                                     demo_file: Path, tmp_path: Path) -> None:
    url = pg_cluster.url(server_db)
    runs.init(url)
    uid = runs.push(demo_file, url).uid
    before = runs.server_export(url, uid)
    dump = tmp_path / "plans.dump"
    subprocess.run([str(pg_cluster.bindir / "pg_dump"), "-h", str(pg_cluster.socket_dir), "-U",
                    pg_cluster.superuser, "-Fc", "-d", server_db, "-f", str(dump)],
                   check=True, capture_output=True, timeout=120)
    restored = pg_cluster.new_database()
    subprocess.run([str(pg_cluster.bindir / "pg_restore"), "-h", str(pg_cluster.socket_dir), "-U",
                    pg_cluster.superuser, "-d", restored, str(dump)], check=True, capture_output=True, timeout=120)
    after = runs.server_export(pg_cluster.url(restored), uid)
    before.pop("exported_at")
    after.pop("exported_at")
    assert after == before
    with psycopg.connect(pg_cluster.conninfo(restored), autocommit=True) as su:
        policies = su.execute("SELECT count(*) FROM pg_policies WHERE schemaname = %s",
                              (f"plan_{uid.replace('-', '_')}",)).fetchone()[0]
    assert policies > 10


def test_replacing_a_plan_needs_its_owner(pg_cluster: PgCluster, server_db: str, demo_file: Path) -> None:
    runs.init(pg_cluster.url(server_db))
    first = _login(pg_cluster, server_db, "first", "dx_office")
    second = _login(pg_cluster, server_db, "second", "dx_office")
    runs.push(demo_file, pg_cluster.url(server_db, first))
    with pytest.raises(ServerError):
        runs.push(demo_file, pg_cluster.url(server_db, second), replace=True)
    assert [p.pushed_by for p in runs.list_server_plans(pg_cluster.url(server_db))] == [first]
