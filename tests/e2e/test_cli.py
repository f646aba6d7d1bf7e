"""The real ``python -m dxeditor`` command line on real files."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dxeditor.formats.json import io as json_io
from tests.formats.test_json_io import RICH

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "dxeditor", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    doc = json_io.import_data(copy.deepcopy(RICH))
    try:
        return doc.save(tmp_path / "rich.dxplan")
    finally:
        doc.close()


def test_info_json_counts(plan_file: Path) -> None:
    r = run("info", str(plan_file), "--json")
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert info["initiatives"] == 1
    assert info["schedule_rows"] == 2
    assert info["bars"] == 2
    assert info["departments"] == 4
    assert info["kpis"] == 2
    assert info["schema_version"]


def test_info_text(plan_file: Path) -> None:
    r = run("info", str(plan_file))
    assert r.returncode == 0
    assert "𠮷野市DX推進計画" in r.stdout
    assert "令和4年度〜令和9年度" in r.stdout


def test_export_import_json_round_trip(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert run("export", str(plan_file), "--format", "json", "-o", str(out)).returncode == 0
    back = tmp_path / "back.dxplan"
    r = run("import", str(out), "-o", str(back))
    assert r.returncode == 0, r.stderr
    again = tmp_path / "again.json"
    assert run("export", str(back), "--format", "json", "-o", str(again)).returncode == 0
    a, b = json.loads(out.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    a.pop("exported_at")
    b.pop("exported_at")
    assert a == b


def test_check_reports_problems_with_exit_code(plan_file: Path) -> None:
    r = run("check", str(plan_file))
    assert r.returncode == 0, r.stdout
    assert "整合性チェック: 正常" in r.stdout
    import sqlite3

    con = sqlite3.connect(plan_file)
    con.execute("UPDATE bars SET \"end\" = start - 5 WHERE id = 1")
    con.commit()
    con.close()
    r = run("check", str(plan_file))
    assert r.returncode == 1
    assert "始まりより前" in r.stdout


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage" * 100, b"SQLite format 3\x00" + b"\x00" * 100])
def test_bad_files_exit_2_with_a_message(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.dxplan"
    bad.write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    for args in (("info", str(bad)), ("check", str(bad)), ("export", str(bad), "--format", "json", "-o",
                                                           str(tmp_path / "o.json"))):
        r = run(*args)
        assert r.returncode == 2
        no_traceback(r)
        assert r.stderr.strip()
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == digest
    assert not (tmp_path / "o.json").exists()


def test_bad_json_import_writes_nothing(tmp_path: Path) -> None:
    data = copy.deepcopy(RICH)
    data["initiatives"][0]["schedule_rows"][0]["bars"][0]["end"] = "2020-01"
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.dxplan"
    r = run("import", str(src), "-o", str(out))
    assert r.returncode == 2
    no_traceback(r)
    assert "bars[0].end" in r.stderr
    assert not out.exists()


def test_english_messages(tmp_path: Path) -> None:
    r = run("--lang", "en", "info", str(tmp_path / "missing.dxplan"))
    assert r.returncode == 2
    assert "File not found" in r.stderr


def test_new_refuses_to_overwrite(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    r = run("new", str(plan_file))
    assert r.returncode == 2
    assert "既にあります" in r.stderr
    assert plan_file.read_bytes() == before


def test_new_blank_plan(tmp_path: Path) -> None:
    target = tmp_path / "空の計画.dxplan"
    r = run("new", str(target))
    assert r.returncode == 0, r.stderr
    info = json.loads(run("info", str(target), "--json").stdout)
    assert info["initiatives"] == 0


def test_read_only_target_directory(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root:  # root ignores permission bits: make the folder immutable instead
        if subprocess.run(["chattr", "+i", str(ro)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available on this file system")
    else:
        ro.chmod(0o555)
    try:
        r = run("new", str(ro / "x.dxplan"))
    finally:
        if root:
            subprocess.run(["chattr", "-i", str(ro)], check=True)
        else:
            ro.chmod(0o755)
    assert r.returncode == 2, r.stdout + r.stderr
    no_traceback(r)
    assert "書き込めません" in r.stderr or "保存できません" in r.stderr
    assert not list(ro.iterdir())


def test_import_workbook_is_routed_to_the_workbook_importer(plan_file: Path, tmp_path: Path) -> None:
    book = tmp_path / "計画.XLSX"  # the suffix is matched without regard to case
    r = run("export", str(plan_file), "--format", "xlsx", "-o", str(book))
    assert r.returncode == 0, r.stderr
    r = run("import", str(book), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "JSON は正しい形式です" not in r.stdout  # not read as JSON
    back = tmp_path / "back.dxplan"
    r = run("import", str(book), "-o", str(back))
    assert r.returncode == 0, r.stderr
    info = json.loads(run("info", str(back), "--json").stdout)
    assert info["initiatives"] == json.loads(run("info", str(plan_file), "--json").stdout)["initiatives"]


@pytest.mark.parametrize("lang, expected", [
    ("ja", "古い形式(.xls)のブックは読み込めません。Excelで.xlsx形式で保存し直してください。"),
    ("en", "Old-format (.xls) workbooks cannot be read"),
])
def test_import_old_xls_is_refused_clearly(tmp_path: Path, lang: str, expected: str) -> None:
    old = tmp_path / "計画.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)  # an OLE2 (Excel 97-2003) header
    out = tmp_path / "out.dxplan"
    for extra in ((), ("--dry-run",)):
        r = run("--lang", lang, "import", str(old), "-o", str(out), *extra)
        assert r.returncode == 2
        no_traceback(r)
        assert expected in r.stderr and str(old) in r.stderr
    assert not out.exists()


def test_import_missing_xls_says_not_found(tmp_path: Path) -> None:
    r = run("import", str(tmp_path / "nothing.xls"), "-o", str(tmp_path / "o.dxplan"))
    assert r.returncode == 2
    no_traceback(r)
    assert "ファイルが見つかりません" in r.stderr
