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
