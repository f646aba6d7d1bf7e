"""Many editors on one server plan: stale writes are refused by name, every change is announced."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import Engine, text

from dxeditor.store.server import StaleWriteError, channel_name, connect, plan_connection
from dxeditor.store.server.rows import row_stamp, update_row

from .cluster import PgCluster

pytestmark = pytest.mark.server


@pytest.fixture
def plan(pg_cluster: PgCluster, published_db: tuple[str, str]) -> tuple[str, str]:
    """(database, uid) of the demo plan published on a fresh database, with two office logins."""
    server_db, uid = published_db
    with psycopg.connect(pg_cluster.conninfo(server_db), autocommit=True) as su:
        for who in ("sato", "suzuki"):
            su.execute(f"CREATE ROLE {who}_{server_db} LOGIN IN ROLE dx_office")
    return server_db, uid


def _engine(cluster: PgCluster, db: str, who: str) -> Engine:
    return connect(cluster.url(db, f"{who}_{db}"))


def _first_bar(engine: Engine, uid: str) -> int:
    with plan_connection(engine, uid) as conn:
        return int(conn.execute(text("SELECT min(id) FROM bars")).scalar_one())


def test_a_stale_write_is_refused_naming_who_changed_it(pg_cluster: PgCluster, plan: tuple[str, str]) -> None:
    db, uid = plan
    sato, suzuki = _engine(pg_cluster, db, "sato"), _engine(pg_cluster, db, "suzuki")
    try:
        bar = _first_bar(sato, uid)
        with plan_connection(sato, uid) as conn:  # both read version 1
            read = row_stamp(conn, "bars", bar)
        assert read is not None and read.version == 1
        with plan_connection(sato, uid) as conn:
            assert update_row(conn, "bars", bar, read.version, {"label": "佐藤の変更"}) == 2
        with pytest.raises(StaleWriteError) as refused, plan_connection(suzuki, uid) as conn:
            update_row(conn, "bars", bar, read.version, {"label": "鈴木の変更"})
        assert refused.value.changed_by == f"sato_{db}"
        assert f"sato_{db}" in refused.value.ja and f"sato_{db}" in refused.value.en
        with plan_connection(suzuki, uid) as conn:
            assert conn.execute(text("SELECT label FROM bars WHERE id = :i"), {"i": bar}).scalar_one() == "佐藤の変更"
            now = row_stamp(conn, "bars", bar)
            assert now is not None and (now.version, now.changed_by) == (2, f"sato_{db}")
            # read again, then the change goes through
            assert update_row(conn, "bars", bar, now.version, {"label": "鈴木の変更"}) == 3
    finally:
        sato.dispose()
        suzuki.dispose()


def test_edits_to_different_rows_do_not_conflict(pg_cluster: PgCluster, plan: tuple[str, str]) -> None:
    db, uid = plan
    sato, suzuki = _engine(pg_cluster, db, "sato"), _engine(pg_cluster, db, "suzuki")
    try:
        with plan_connection(sato, uid) as conn:
            a, b = [r[0] for r in conn.execute(text("SELECT id FROM initiatives ORDER BY id LIMIT 2"))]
        # two open transactions at once, each on its own initiative
        with plan_connection(sato, uid) as c1, plan_connection(suzuki, uid) as c2:
            v1 = update_row(c1, "initiatives", a, 1, {"note": "佐藤"})
            v2 = update_row(c2, "initiatives", b, 1, {"note": "鈴木"})
        assert (v1, v2) == (2, 2)
    finally:
        sato.dispose()
        suzuki.dispose()


def test_the_other_connection_is_notified_of_a_change(pg_cluster: PgCluster, plan: tuple[str, str]) -> None:
    db, uid = plan
    with psycopg.connect(pg_cluster.conninfo(db, f"suzuki_{db}"), autocommit=True) as listener:
        listener.execute(f"LISTEN {channel_name(uid)}")
        sato = _engine(pg_cluster, db, "sato")
        try:
            bar = _first_bar(sato, uid)
            with plan_connection(sato, uid) as conn:
                update_row(conn, "bars", bar, 1, {"start": 24301})
                conn.execute(text("DELETE FROM bars WHERE id = (SELECT max(id) FROM bars)"))
        finally:
            sato.dispose()
        got = [json.loads(n.payload) for n in listener.notifies(timeout=10, stop_after=2)]
    assert {"table": "bars", "id": bar, "version": 2, "op": "update", "by": f"sato_{db}"} in got
    assert any(n["table"] == "bars" and n["op"] == "delete" for n in got)


def test_nothing_is_announced_before_the_commit(pg_cluster: PgCluster, plan: tuple[str, str]) -> None:
    db, uid = plan
    with psycopg.connect(pg_cluster.conninfo(db, f"suzuki_{db}"), autocommit=True) as listener:
        listener.execute(f"LISTEN {channel_name(uid)}")
        sato = _engine(pg_cluster, db, "sato")
        try:
            with pytest.raises(RuntimeError), plan_connection(sato, uid) as conn:
                conn.execute(text("UPDATE bars SET label = 'x'"))
                raise RuntimeError("rolled back")
        finally:
            sato.dispose()
        assert list(listener.notifies(timeout=0.5)) == []


def test_twenty_clients_on_one_row_lose_no_update(pg_cluster: PgCluster, plan: tuple[str, str]) -> None:
    """20 clients each read a bar and write it from the version they read, all at once, in rounds.

    All of a round read the same version before any writes, so exactly one write lands per
    round and the 19 others are refused as stale; the bar's final version counts exactly the
    writes that landed, and its label is the last one that landed.
    """
    import threading

    db, uid = plan
    engine = _engine(pg_cluster, db, "sato")
    bar = _first_bar(engine, uid)
    landed: list[str] = []
    refused: list[str] = []
    lock = threading.Lock()

    def client(n: int, start: threading.Barrier) -> None:
        with plan_connection(engine, uid) as conn:
            stamp = row_stamp(conn, "bars", bar)
        assert stamp is not None
        start.wait()
        label = f"client {n}"
        try:
            with plan_connection(engine, uid) as conn:
                update_row(conn, "bars", bar, stamp.version, {"label": label})
        except StaleWriteError:
            with lock:
                refused.append(label)
            return
        with lock:
            landed.append(label)

    try:
        for _round in range(3):
            start = threading.Barrier(20)
            threads = [threading.Thread(target=client, args=(n, start)) for n in range(20)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
        assert len(landed) + len(refused) == 60
        # all 20 read the same version before any wrote: exactly one write per round lands
        assert len(landed) == 3
        with plan_connection(engine, uid) as conn:
            final = row_stamp(conn, "bars", bar)
            label = conn.execute(text("SELECT label FROM bars WHERE id = :i"), {"i": bar}).scalar_one()
        assert final is not None and final.version == 1 + len(landed)
        assert label == landed[-1]
    finally:
        engine.dispose()


def test_twenty_clients_on_twenty_rows_all_land(pg_cluster: PgCluster, plan: tuple[str, str]) -> None:
    import threading

    db, uid = plan
    engine = connect(pg_cluster.url(db, f"suzuki_{db}"))
    with plan_connection(engine, uid) as conn:
        bars = [r[0] for r in conn.execute(text("SELECT id FROM bars ORDER BY id LIMIT 20"))]
    assert len(bars) == 20
    errors: list[BaseException] = []
    start = threading.Barrier(20)

    def client(bar: int) -> None:
        try:
            start.wait()
            with plan_connection(engine, uid) as conn:
                update_row(conn, "bars", bar, 1, {"note": f"bar {bar}"})
        except BaseException as exc:
            errors.append(exc)

    try:
        threads = [threading.Thread(target=client, args=(b,)) for b in bars]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == []
        with plan_connection(engine, uid) as conn:
            got = dict(conn.execute(text("SELECT id, note FROM bars WHERE id = ANY(:ids)"), {"ids": bars}).all())
        assert got == {b: f"bar {b}" for b in bars}
    finally:
        engine.dispose()


def test_an_audited_update_records_the_database_user(pg_cluster: PgCluster, plan: tuple[str, str]) -> None:
    db, uid = plan
    engine = _engine(pg_cluster, db, "sato")
    try:
        bar = _first_bar(engine, uid)
        with plan_connection(engine, uid) as conn:
            old = conn.execute(text("SELECT label FROM bars WHERE id = :i"), {"i": bar}).scalar_one()
            update_row(conn, "bars", bar, 1, {"label": "監査される変更"}, action="バーの名前を変更")
            # whatever a client writes as the user, the server records the login
            conn.execute(text("INSERT INTO audit_log (at, \"user\", host, action, entity, before, after) "
                              "VALUES ('2026-01-01T00:00:00Z', 'someone else', 'PC', 'x', 'bars', '', '')"))
        with plan_connection(engine, uid) as conn:
            rows = conn.execute(text("SELECT \"user\", action, entity, entity_id, before, after FROM audit_log "
                                     "ORDER BY id DESC LIMIT 2")).all()
    finally:
        engine.dispose()
    forged, audited = rows
    assert forged.user == audited.user == f"sato_{db}"
    assert (audited.action, audited.entity, audited.entity_id) == ("バーの名前を変更", "bars", bar)
    assert json.loads(audited.before) == {"label": old}
    assert json.loads(audited.after) == {"label": "監査される変更"}
