"""Publishing a plan file on a real PostgreSQL server and taking a file copy back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from dxeditor.app import server as runs
from dxeditor.formats.json.io import export_data
from dxeditor.store.document import PlanDocument
from dxeditor.store.server import ServerError, connect, plan_connection, schema_name

pytestmark = pytest.mark.server


def _file_export(path: Path) -> dict:
    doc = PlanDocument.open(path, read_only=True)
    try:
        return export_data(doc.session.connection())
    finally:
        doc.close(keep_working_copy=False)


def _same(a: dict, b: dict) -> None:
    a, b = dict(a), dict(b)
    for d in (a, b):
        d.pop("exported_at")
    assert a == b


def test_init_is_idempotent_and_lists_no_plan(server_url: str) -> None:
    runs.init(server_url)
    runs.init(server_url)
    assert runs.list_server_plans(server_url) == []


def test_list_before_init_says_to_run_init(server_url: str) -> None:
    with pytest.raises(ServerError, match="server init"):
        runs.list_server_plans(server_url)


def test_push_then_pull_gives_the_same_plan(server_url: str, demo_file: Path, tmp_path: Path) -> None:
    runs.init(server_url)
    result = runs.push(demo_file, server_url)
    original = _file_export(demo_file)
    assert result.uid == original["plan"]["uid"]
    assert result.initiatives == len(original["initiatives"]) > 0
    [entry] = runs.list_server_plans(server_url)
    assert (entry.uid, entry.title, entry.schema) == (result.uid, original["plan"]["title"], schema_name(result.uid))

    on_server = runs.server_export(server_url, result.uid)
    _same(on_server, original)

    out = runs.pull(server_url, result.uid, tmp_path / "copy.dxplan")
    _same(_file_export(out), on_server)


def test_pull_after_an_edit_on_the_server_has_the_edit(server_url: str, demo_file: Path, tmp_path: Path) -> None:
    runs.init(server_url)
    uid = runs.push(demo_file, server_url).uid
    engine = connect(server_url)
    with plan_connection(engine, uid) as conn:
        first = conn.execute(text("SELECT id, title FROM initiatives ORDER BY id LIMIT 1")).one()
        conn.execute(text("UPDATE initiatives SET title = 'サーバーで変更' WHERE id = :id"), {"id": first.id})
        # a new bar numbered by the server's sequence (past the pushed ids)
        row = conn.execute(text("SELECT id FROM schedule_rows ORDER BY id LIMIT 1")).scalar_one()
        conn.execute(text("INSERT INTO bars (row_id, lane, start, \"end\", label, phase, continues, note) "
                          "VALUES (:r, 0, 24300, 24303, '新しい工程', 'run', false, '')"), {"r": row})
    engine.dispose()
    out = runs.pull(server_url, uid, tmp_path / "edited.dxplan")
    data = _file_export(out)
    _same(data, runs.server_export(server_url, uid))
    titles = [it["title"] for it in data["initiatives"]]
    assert "サーバーで変更" in titles and first.title not in titles
    labels = [b["label"] for it in data["initiatives"] for r in it["schedule_rows"] for b in r["bars"]]
    assert "新しい工程" in labels


def test_push_twice_is_refused_unless_replace(server_url: str, demo_file: Path) -> None:
    runs.init(server_url)
    uid = runs.push(demo_file, server_url).uid
    with pytest.raises(ServerError, match="すでに"):
        runs.push(demo_file, server_url)
    assert runs.push(demo_file, server_url, replace=True).uid == uid
    assert [p.uid for p in runs.list_server_plans(server_url)] == [uid]


def test_pull_of_an_unknown_plan_is_refused(server_url: str, tmp_path: Path) -> None:
    runs.init(server_url)
    with pytest.raises(ServerError, match="ありません"):
        runs.pull(server_url, "nosuchplan", tmp_path / "x.dxplan")
    assert not (tmp_path / "x.dxplan").exists()


def test_password_in_the_url_is_refused() -> None:
    with pytest.raises(ServerError, match="PGPASSWORD"):
        connect("postgresql://office:secret@dbhost/dx")


def test_a_database_of_another_layout_is_refused(server_url: str, demo_file: Path) -> None:
    runs.init(server_url)
    uid = runs.push(demo_file, server_url).uid
    engine = connect(server_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE dxeditor.alembic_version SET version_num = 's99'"))
    engine.dispose()
    with pytest.raises(ServerError, match="s99"):
        runs.server_export(server_url, uid)
