"""``dxeditor server init | push | pull | list`` on a real server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dxeditor import cli
from dxeditor.app import server as runs

from .cluster import PgCluster

pytestmark = pytest.mark.server


def test_init_push_list_pull(server_url: str, demo_file: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["server", "init", server_url]) == 0
    assert "prepared" in capsys.readouterr().out
    assert cli.main(["server", "push", str(demo_file), server_url]) == 0
    uid = capsys.readouterr().out.split("\t")[0]
    assert cli.main(["server", "list", server_url, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [p["uid"] for p in listed] == [uid]
    out = tmp_path / "pulled.dxplan"
    assert cli.main(["server", "pull", server_url, "--plan", uid, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert cli.main(["info", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["initiatives"] == len(runs.server_export(server_url, uid)["initiatives"])
    # a second pull to the same file is refused without --force; the first copy stays
    assert cli.main(["server", "pull", server_url, "--plan", uid, "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err


def test_password_is_asked_not_taken_from_the_command_line(server_url: str, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "secret")
    assert cli.main(["server", "init", server_url, "--password"]) == 0
    assert asked and "パスワード" in asked[0]
    assert cli.main(["server", "list", "postgresql://office:secret@localhost/dx"]) == 2
    assert "PGPASSWORD" in capsys.readouterr().err


def test_an_unprepared_database_gets_a_message_not_a_traceback(server_url: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["server", "list", server_url]) == 2
    err = capsys.readouterr().err
    assert "server init" in err and "Traceback" not in err


def test_an_unreachable_server_gets_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a socket folder with no server in it: nothing listens, nothing leaves the machine
    assert cli.main(["server", "list", f"postgresql+psycopg:///dx?host={tmp_path}&user=nobody"]) == 2
    err = capsys.readouterr().err
    assert "サーバーに接続できません" in err and "Traceback" not in err


def test_info_check_and_export_read_a_server_plan(pg_cluster: PgCluster, published_db: tuple[str, str], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db, uid = published_db
    spec = f"{pg_cluster.url(db)}&plan={uid}"
    copy = runs.pull(pg_cluster.url(db), uid, tmp_path / "copy.dxplan")
    assert cli.main(["info", spec, "--json"]) == 0
    from_server = json.loads(capsys.readouterr().out)
    assert cli.main(["info", str(copy), "--json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert from_server == {**from_file, "file": None}
    assert cli.main(["check", spec]) == cli.main(["check", str(copy)])
    out = capsys.readouterr().out.splitlines()
    assert out[: len(out) // 2] == out[len(out) // 2:]
    assert cli.main(["export", spec, "--format", "xlsx", "-o", str(tmp_path / "plan.xlsx")]) == 0
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "plan.xlsx", read_only=True)
    assert book.sheetnames
    book.close()


def test_a_server_plan_without_its_uid_gets_a_message(server_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["info", server_url]) == 2
    assert "plan=" in capsys.readouterr().err


def _cells(path: Path) -> dict[str, list[tuple]]:
    """Every sheet's cell values (the workbook read back; the time it was written left out)."""
    import re

    import openpyxl

    def value(v: object) -> object:
        return re.sub(r'"exported_at": "[^"]*"', "", v) if isinstance(v, str) else v

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: [tuple(value(v) for v in r) for r in ws.iter_rows(values_only=True)]
                for ws in book.worksheets}
    finally:
        book.close()


def test_inquiry_and_progress_exports_read_a_server_plan(pg_cluster: PgCluster, published_db: tuple[str, str],
                                                         tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, uid = published_db
    spec = f"{pg_cluster.url(db)}&plan={uid}"
    copy = runs.pull(pg_cluster.url(db), uid, tmp_path / "copy.dxplan")
    capsys.readouterr()
    written = {}
    for side, plan in (("server", spec), ("file", str(copy))):
        assert cli.main(["inquiry", "export", plan, "-o", str(tmp_path / side)]) == 0
        written[side] = [Path(p) for p in capsys.readouterr().out.split()]
    assert written["server"] and [p.name for p in written["server"]] == [p.name for p in written["file"]]
    for ours, theirs in zip(written["server"], written["file"], strict=True):
        cells = _cells(ours)
        assert any(v for rows in cells.values() for r in rows for v in r)
        assert cells == _cells(theirs), ours.name
    for side, plan in (("server", spec), ("file", str(copy))):
        assert cli.main(["progress", "export", plan, "--format", "xlsx", "-o", str(tmp_path / f"progress-{side}.xlsx")]) == 0
        assert capsys.readouterr().out.strip() == str(tmp_path / f"progress-{side}.xlsx")
    assert _cells(tmp_path / "progress-server.xlsx") == _cells(tmp_path / "progress-file.xlsx")
    # answers are checked against a server plan (--dry-run: nothing changes), then applied to it
    from openpyxl import load_workbook

    from dxeditor.exchange import inquiry

    answered = written["server"][0]
    wb = load_workbook(answered)
    wb[inquiry.BARS_SHEET].cell(inquiry.HEADER_ROW + 1, 5).value = "サーバーへ回答"
    wb.save(answered)
    before = runs.server_export(pg_cluster.url(db), uid)
    assert cli.main(["inquiry", "import", spec, str(answered), "--dry-run"]) == 0
    assert "サーバーへ回答" in capsys.readouterr().out
    after = runs.server_export(pg_cluster.url(db), uid)
    assert {k: v for k, v in after.items() if k != "exported_at"} == {
        k: v for k, v in before.items() if k != "exported_at"}
    assert cli.main(["inquiry", "import", spec, str(answered)]) == 0, capsys.readouterr().err
    after = runs.server_export(pg_cluster.url(db), uid)
    labels = [b["label"] for it in after["initiatives"] for row in it["schedule_rows"] for b in row["bars"]]
    assert "サーバーへ回答" in labels


def test_compare_takes_a_server_plan_on_either_side(pg_cluster: PgCluster, published_db: tuple[str, str],
                                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, uid = published_db
    spec = f"{pg_cluster.url(db)}&plan={uid}"
    copy = runs.pull(pg_cluster.url(db), uid, tmp_path / "copy.dxplan")
    old = tmp_path / "old.dxplan"
    assert cli.main(["version", "restore", str(copy), "--label", "Ver.1.0", "-o", str(old)]) == 0

    def changes(*args: str) -> list:
        out = tmp_path / "cmp.json"
        assert cli.main(["compare", *args, "--format", "json", "-o", str(out)]) == 0
        capsys.readouterr()
        return json.loads(out.read_text(encoding="utf-8"))["changes"]

    assert changes(spec, str(copy)) == []
    assert changes(str(copy), spec) == []
    assert changes(spec, spec) == []
    against_old = changes(str(old), str(copy))
    assert against_old  # Ver.1.0 differs from the current plan
    assert changes(str(old), spec) == against_old
    # versions kept in the server plan compare as in the file
    assert changes(spec, "--from", "Ver.1.0", "--to", "Ver.1.1") == changes(str(copy), "--from", "Ver.1.0",
                                                                            "--to", "Ver.1.1")
    assert changes(spec, "--from", "Ver.1.0") == changes(str(copy), "--from", "Ver.1.0")
    # the side's name is the server plan's uid
    out = tmp_path / "cmp.json"
    assert cli.main(["compare", str(old), spec, "--format", "json", "-o", str(out)]) == 0
    assert uid in out.read_text(encoding="utf-8")
