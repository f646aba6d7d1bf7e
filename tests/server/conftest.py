"""A throwaway PostgreSQL cluster for the server tests (see :mod:`tests.server.cluster`).

Started once per test session on a Unix socket in a temp folder, stopped at the end. When
PostgreSQL cannot be found or started the server tests fail with the reason: they never skip.
"""

from __future__ import annotations

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
