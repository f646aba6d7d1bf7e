"""Who may change what is enforced by PostgreSQL itself: tried through the driver, as psql would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import errors as pgerr
from sqlalchemy import text

from dxeditor.store.server import PermissionRefusedError, connect, plan_connection, schema_name
from dxeditor.store.server.rows import row_stamp, update_row

from .cluster import PgCluster

pytestmark = pytest.mark.server


@dataclass
class Published:
    """The demo plan on a fresh database, with a department account for each of two departments."""

    cluster: PgCluster
    db: str
    uid: str
    mine: int  # an initiative led by department A
    theirs: int  # an initiative led by another department
    dept_a: str
    dept_b: str
    viewer: str
    office: str

    def connect(self, user: str) -> psycopg.Connection:
        # the search path for the whole session (a SET would be undone by a rollback)
        return psycopg.connect(self.cluster.conninfo(self.db, user), options=f"-c search_path={schema_name(self.uid)}")


@pytest.fixture
def published(pg_cluster: PgCluster, published_db: tuple[str, str]) -> Iterator[Published]:
    server_db, uid = published_db
    names = {k: f"{k}_{server_db}" for k in ("dept_a", "dept_b", "viewer", "office")}
    with psycopg.connect(pg_cluster.conninfo(server_db), autocommit=True) as su:
        su.execute(f'SET search_path TO "{schema_name(uid)}"')
        # two initiatives with schedule bars, led by two different departments (and their rows by nobody)
        mine, theirs = [r[0] for r in su.execute(
            "SELECT DISTINCT r.initiative_id FROM schedule_rows r JOIN bars b ON b.row_id = r.id "
            "ORDER BY 1 LIMIT 2").fetchall()]
        dept_a, dept_b = [r[0] for r in su.execute("SELECT id FROM departments ORDER BY id LIMIT 2").fetchall()]
        su.execute("DELETE FROM initiative_departments WHERE role = 'lead' AND initiative_id IN (%s, %s)",
                   (mine, theirs))
        su.execute("DELETE FROM row_departments WHERE role = 'lead' AND row_id IN "
                   "(SELECT id FROM schedule_rows WHERE initiative_id IN (%s, %s))", (mine, theirs))
        su.execute("INSERT INTO initiative_departments (initiative_id, department_id, role, position) "
                   "VALUES (%s, %s, 'lead', 0), (%s, %s, 'lead', 0)", (mine, dept_a, theirs, dept_b))
        for key, group in (("dept_a", "dx_department"), ("dept_b", "dx_department"), ("viewer", "dx_viewer"),
                           ("office", "dx_office")):
            su.execute(f"CREATE ROLE {names[key]} LOGIN IN ROLE {group}")
        su.execute("INSERT INTO dx_accounts (db_user, department_id) VALUES (%s, %s), (%s, %s)",
                   (names["dept_a"], dept_a, names["dept_b"], dept_b))
    yield Published(pg_cluster, server_db, uid, mine, theirs, **names)


def _row_of(conn: psycopg.Connection, initiative: int) -> int:
    return conn.execute("SELECT id FROM schedule_rows WHERE initiative_id = %s ORDER BY id LIMIT 1",
                        (initiative,)).fetchone()[0]


def test_a_department_changes_its_own_initiative_and_rows(published: Published) -> None:
    with published.connect(published.dept_a) as conn:
        cur = conn.execute("UPDATE initiatives SET title = '自分の取組' WHERE id = %s", (published.mine,))
        assert cur.rowcount == 1
        row = _row_of(conn, published.mine)
        conn.execute("INSERT INTO bars (row_id, lane, start, \"end\", label, phase, continues, note) "
                     "VALUES (%s, 0, 24300, 24302, '追加', 'run', false, '')", (row,))
        conn.commit()
        version, by = conn.execute("SELECT row_version, changed_by FROM initiatives WHERE id = %s",
                                   (published.mine,)).fetchone()
    assert (version, by) == (2, published.dept_a)


def test_a_department_cannot_change_another_departments_initiative(published: Published) -> None:
    with published.connect(published.dept_a) as conn:
        with pytest.raises(pgerr.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE initiatives SET title = '乗っ取り' WHERE id = %s", (published.theirs,))
        conn.rollback()
        row = _row_of(conn, published.theirs)
        with pytest.raises(pgerr.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE schedule_rows SET title = '乗っ取り' WHERE id = %s", (row,))
        conn.rollback()
        with pytest.raises(pgerr.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO bars (row_id, lane, start, \"end\", label, phase, continues, note) "
                         "VALUES (%s, 0, 24300, 24302, '割り込み', 'run', false, '')", (row,))
        conn.rollback()
        with pytest.raises(pgerr.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE bars SET label = '乗っ取り' WHERE row_id IN "
                         "(SELECT id FROM schedule_rows WHERE initiative_id = %s)", (published.theirs,))
        conn.rollback()
        # a bar cannot be moved into another department's row either (the column is not granted)
        with pytest.raises(pgerr.InsufficientPrivilege, match="permission denied"):
            conn.execute("UPDATE bars SET row_id = %s", (row,))
        conn.rollback()
        # deleting another department's bars deletes nothing
        cur = conn.execute("DELETE FROM bars WHERE row_id IN (SELECT id FROM schedule_rows WHERE initiative_id = %s)",
                           (published.theirs,))
        assert cur.rowcount == 0
        # the office's tables are read-only for a department
        with pytest.raises(pgerr.InsufficientPrivilege, match="permission denied"):
            conn.execute("UPDATE departments SET name = 'x'")
        conn.rollback()
    with published.connect(published.office) as conn:  # nothing changed; it all reads the same
        title = conn.execute("SELECT title FROM initiatives WHERE id = %s", (published.theirs,)).fetchone()[0]
        labels = conn.execute("SELECT label FROM bars").fetchall()
    assert title != "乗っ取り" and ("乗っ取り",) not in labels and ("割り込み",) not in labels


def test_a_department_reads_everything(published: Published) -> None:
    with published.connect(published.dept_a) as conn:
        seen = conn.execute("SELECT count(*) FROM initiatives").fetchone()[0]
    with published.connect(published.office) as conn:
        assert seen == conn.execute("SELECT count(*) FROM initiatives").fetchone()[0] > 1


def test_a_viewer_reads_and_cannot_write(published: Published) -> None:
    with published.connect(published.viewer) as conn:
        assert conn.execute("SELECT count(*) FROM bars").fetchone()[0] > 0
        with pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute("UPDATE initiatives SET title = 'x' WHERE id = %s", (published.mine,))
        conn.rollback()
        with pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute("DELETE FROM progress")


def test_the_office_changes_any_initiative_but_not_the_audit_log(published: Published) -> None:
    with published.connect(published.office) as conn:
        assert conn.execute("UPDATE initiatives SET note = '事務局' WHERE id IN (%s, %s)",
                            (published.mine, published.theirs)).rowcount == 2
        conn.commit()
        with pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute("DELETE FROM audit_log")


def test_the_update_helper_reports_a_refusal_clearly(published: Published) -> None:
    engine = connect(published.cluster.url(published.db, published.dept_a))
    try:
        with plan_connection(engine, published.uid) as conn:
            stamp = row_stamp(conn, "initiatives", published.theirs)
            assert stamp is not None
            with pytest.raises(PermissionRefusedError, match="権限がありません"):
                update_row(conn, "initiatives", published.theirs, stamp.version, {"title": "乗っ取り"})
            # the transaction goes on after the refusal
            mine = row_stamp(conn, "initiatives", published.mine)
            assert mine is not None
            assert update_row(conn, "initiatives", published.mine, mine.version, {"title": "可"}) == mine.version + 1
    finally:
        engine.dispose()


def test_psql_as_a_department_cannot_change_another_departments_initiative(published: Published) -> None:
    """The issue's own check: the department's login, psql, another department's initiative."""
    import subprocess

    psql = published.cluster.bindir / "psql"
    sql = (f"SET search_path TO {schema_name(published.uid)}; "
           f"UPDATE initiatives SET title = 'psqlから' WHERE id = {published.theirs};")
    run = subprocess.run([str(psql), "-X", "-v", "ON_ERROR_STOP=1", "-h", str(published.cluster.socket_dir),
                          "-U", published.dept_a, "-d", published.db, "-c", sql],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "row-level security" in run.stderr
    with published.connect(published.office) as conn:
        title = conn.execute("SELECT title FROM initiatives WHERE id = %s", (published.theirs,)).fetchone()[0]
    assert title != "psqlから"


def _bars_of(doc: object, initiative: int) -> list[int]:
    return [int(i) for i in doc.session.execute(text(  # type: ignore[attr-defined]
        "SELECT b.id FROM bars b JOIN schedule_rows r ON r.id = b.row_id WHERE r.initiative_id = :i ORDER BY b.id"),
        {"i": initiative}).scalars()]


def test_a_department_window_changes_its_own_initiative_and_is_refused_the_others(published: Published) -> None:
    from dxeditor.app.server_plan.session import ServerSession
    from dxeditor.core.errors import ReadOnlyError
    from dxeditor.plan.editor import PlanEditor
    from dxeditor.plan.ops import initiatives as ops
    from dxeditor.plan.ops import schedule as sch

    p = published
    session = ServerSession(p.cluster.url(p.db, p.dept_a), p.uid)
    try:
        editor = PlanEditor(session.doc)
        mine, theirs = _bars_of(session.doc, p.mine)[0], _bars_of(session.doc, p.theirs)[0]
        editor.run("バーの移動", lambda r: sch.move_bars(r, [mine], 1))
        editor.run("取組の内容", lambda r: ops.set_text_block(r, p.mine, "content", [(0, "部署が書いた概要", True)]))
        before = session.link.fetch({"bars": [theirs]})
        for name, change in (("他課のバーの移動", lambda r: sch.move_bars(r, [theirs], 1)),
                             ("他課のバーの削除", lambda r: sch.delete_bars(r, [theirs])),
                             ("他課の概要", lambda r: ops.set_text_block(r, p.theirs, "content", [(0, "x", True)]))):
            with pytest.raises(PermissionRefusedError, match="権限がありません"):
                editor.run(name, change)
        # nothing of the refused changes reached the server or stayed in the window
        assert session.link.fetch({"bars": [theirs]}) == before
        assert session.pull().changes == []
        assert [t for t, in session.doc.session.execute(text(
            "SELECT text FROM text_items WHERE initiative_id = :i AND block = 'content'"), {"i": p.mine})] \
            == ["部署が書いた概要"]
    finally:
        session.close()
    viewer = ServerSession(p.cluster.url(p.db, p.viewer), p.uid)
    try:
        assert viewer.doc.read_only
        with pytest.raises(ReadOnlyError):
            PlanEditor(viewer.doc).run("移動", lambda r: sch.move_bars(r, [mine], 1))
    finally:
        viewer.close()
