"""A throwaway PostgreSQL cluster in a temp folder, on a Unix socket only (no TCP port).

Made with the server programs of Debian's ``postgresql`` package (which ``python tasks.py
test`` installs where missing). ``initdb`` refuses to run as root, so under root (CI) the
cluster belongs to the ``postgres`` user the package creates and its programs run through
``runuser``. Used by the server tests' fixture and by ``bench/bench_server.py``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")
CLUSTER_USER = "postgres"
INSTALL_HINT = ("install Debian's PostgreSQL server (`python3 tasks.py test` does it as root, or "
                "`apt-get install postgresql`), or set DXEDITOR_PG_BINDIR to the folder holding initdb")
_DATABASES = itertools.count(1)


class ClusterError(RuntimeError):
    """PostgreSQL could not be found or started (the message says why and what to do)."""


def pg_bindir() -> Path | None:
    """The bin folder of the newest installed PostgreSQL server (with initdb and pg_ctl), if any."""
    given = os.environ.get("DXEDITOR_PG_BINDIR")
    if given:
        return Path(given) if (Path(given) / "initdb").exists() else None
    found = sorted((p.parent for p in PG_ROOT.glob("*/bin/initdb")),
                   key=lambda b: int(b.parent.name) if b.parent.name.isdigit() else 0)
    return found[-1] if found else None


@dataclass
class PgCluster:
    """A running throwaway cluster: where its socket is and who its superuser is."""

    socket_dir: Path
    superuser: str
    bindir: Path

    def url(self, dbname: str, user: str | None = None) -> str:
        """The SQLAlchemy URL of ``dbname`` on this cluster (Unix socket, no password)."""
        return f"postgresql+psycopg:///{dbname}?host={self.socket_dir}&user={user or self.superuser}"

    def conninfo(self, dbname: str, user: str | None = None) -> str:
        """The libpq connection string (for psycopg directly)."""
        return f"dbname={dbname} host={self.socket_dir} user={user or self.superuser}"

    def new_database(self, template: str | None = None) -> str:
        """A new database's name: empty, or a copy of ``template`` (a file copy: fast)."""
        import psycopg

        name = f"dxtest_{os.getpid()}_{next(_DATABASES)}"
        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name


def _run(cmd: list[str], as_cluster_user: bool, what: str) -> None:
    if as_cluster_user:
        cmd = ["runuser", "-u", CLUSTER_USER, "--", *cmd]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if r.returncode:
        raise ClusterError(f"PostgreSQL test cluster: {what} failed (exit {r.returncode}): {' '.join(cmd)}\n"
                           f"{r.stdout}\n{r.stderr}")


@contextlib.contextmanager
def running_cluster() -> Iterator[PgCluster]:
    """Start a cluster in a temp folder on a Unix socket only; stop it (fast) and remove it at the end."""
    try:
        import psycopg  # noqa: F401 - the driver is part of the test extra
    except ImportError:
        raise ClusterError("psycopg is not installed: install the test extra (`python3 tasks.py test`)") from None
    bindir = pg_bindir()
    if bindir is None:
        raise ClusterError(f"PostgreSQL's server programs (initdb, pg_ctl) were not found under {PG_ROOT}: "
                           f"{INSTALL_HINT}")
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root:
        import pwd

        try:
            owner = pwd.getpwnam(CLUSTER_USER)
        except KeyError:
            raise ClusterError(f"running as root, but there is no '{CLUSTER_USER}' user to own the test cluster "
                               f"(initdb refuses root): {INSTALL_HINT}") from None
    # a short path: a Unix socket's path is limited to ~107 bytes
    base = Path(tempfile.mkdtemp(prefix="dxpg-"))
    data, log = base / "data", base / "server.log"
    if as_root:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    superuser = CLUSTER_USER if as_root else (os.environ.get("USER") or "postgres")
    started = False
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", superuser, "-A", "trust", "-E", "UTF8",
              "--no-locale", "--no-sync"], as_root, "initdb")
        # throwaway data: no fsync; no TCP (listen_addresses empty), the socket in the temp folder
        opts = (f"-c listen_addresses='' -c unix_socket_directories='{base}' -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "60", "start"],
             as_root, f"pg_ctl start (server log: {log})")
        started = True
        yield PgCluster(socket_dir=base, superuser=superuser, bindir=bindir)
    finally:
        try:
            if started:
                _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], as_root, "pg_ctl stop")
        finally:
            shutil.rmtree(base, ignore_errors=True)
