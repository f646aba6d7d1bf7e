"""A throwaway PostgreSQL cluster for the server tests (see :mod:`tests.server.cluster`).

Started once per test session on a Unix socket in a temp folder, stopped at the end. When
PostgreSQL cannot be found or started the server tests fail with the reason: they never skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .cluster import ClusterError, PgCluster, running_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """The running test cluster."""
    try:
        with running_cluster() as cluster:
            yield cluster
    except ClusterError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture
def server_db(pg_cluster: PgCluster) -> str:
    """A fresh empty database on the test cluster; its name."""
    return pg_cluster.new_database()


@pytest.fixture
def server_url(pg_cluster: PgCluster, server_db: str) -> str:
    """The SQLAlchemy URL of a fresh empty database, as the cluster's superuser."""
    return pg_cluster.url(server_db)


@pytest.fixture(scope="session")
def demo_template(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(database, uid): the demo plan published once per session, to be copied by ``published_db``."""
    from dxeditor.app import server as runs
    from dxeditor.core import paths
    from dxeditor.formats.json import io as json_io

    folder = tmp_path_factory.mktemp("dxtemplate")
    before = os.environ.get("DXEDITOR_DATA_DIR")
    os.environ["DXEDITOR_DATA_DIR"] = str(folder)  # working copies away from any real profile
    try:
        doc = json_io.import_data(json_io.load_json_file(paths.demo_plan_json()))
        try:
            plan = doc.save(folder / "demo.dxplan")
        finally:
            doc.close(keep_working_copy=False)
        name = pg_cluster.new_database()
        runs.init(pg_cluster.url(name))
        uid = runs.push(plan, pg_cluster.url(name)).uid
    finally:
        if before is None:
            del os.environ["DXEDITOR_DATA_DIR"]
        else:
            os.environ["DXEDITOR_DATA_DIR"] = before
    return name, uid


@pytest.fixture
def published_db(pg_cluster: PgCluster, demo_template: tuple[str, str]) -> tuple[str, str]:
    """(database, uid): a fresh database holding the published demo plan (a copy of the template)."""
    return pg_cluster.new_database(template=demo_template[0]), demo_template[1]
