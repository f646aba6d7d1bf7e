"""``dxeditor version`` and ``dxeditor compare`` on real files, output read back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import openpyxl

from tests.e2e.test_cli import no_traceback, run


def test_demo_versions_compare_to_a_printed_new_old_table(tmp_path: Path) -> None:
    plan = tmp_path / "demo.dxplan"
    assert run("new", "--template", "demo", str(plan)).returncode == 0
    listed = run("version", "list", str(plan), "--json")
    assert [v["label"] for v in json.loads(listed.stdout)] == ["Ver.1.0", "Ver.1.1"]

    pdf = tmp_path / "taisho.pdf"
    r = run("compare", str(plan), "--from", "Ver.1.0", "--to", "Ver.1.1", "-o", str(pdf))
    assert r.returncode == 0, r.stderr
    no_traceback(r)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for expected in ("新旧対照表", "改定後", "改定前", "知識・課題の共有促進", "テレワークの推進", "柔軟な働き方の推進",
                     "デジタル推進室", "情報政策課", "工程表の変更"):
        assert expected in text, expected

    xlsx = tmp_path / "taisho.xlsx"
    assert run("compare", str(plan), "--from", "Ver.1.0", "--to", "Ver.1.1", "--format", "xlsx",
               "-o", str(xlsx)).returncode == 0
    wb = openpyxl.load_workbook(xlsx, rich_text=True)
    assert wb.sheetnames == ["概要", "新旧対照表", "工程表の変更"]
    ws = wb["新旧対照表"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    rich = [c for c in cells if isinstance(c.value, openpyxl.cell.rich_text.CellRichText)]
    underlined = {str(part.text) for c in rich for part in c.value
                  if not isinstance(part, str) and part.font.u and part.font.b}
    assert "オンライン" in underlined and "電子" in underlined  # the changed words, bold and underlined
    assert not any(isinstance(c.value, str) and c.value.startswith("=") and c.data_type == "f" for c in cells)

    same = tmp_path / "same.json"
    assert run("compare", str(plan), "--from", "Ver.1.1", "--format", "json", "-o", str(same)).returncode == 0
    assert json.loads(same.read_text(encoding="utf-8"))["changes"] == []


def test_version_create_restore_and_clear_refusals(tmp_path: Path) -> None:
    plan = tmp_path / "p.dxplan"
    assert run("new", "--template", "national", str(plan)).returncode == 0
    assert run("version", "create", str(plan), "--label", "Ver.2.0", "--date", "令和6年3月改定").returncode == 0
    again = run("version", "create", str(plan), "--label", "Ver.2.0")
    assert again.returncode == 2 and "既にあります" in again.stderr
    missing = run("compare", str(plan), "--from", "Ver.9", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and "Ver.2.0" in missing.stderr and not (tmp_path / "x.pdf").exists()
    no_traceback(missing)
    out = tmp_path / "restored.dxplan"
    r = run("version", "restore", str(plan), "--label", "Ver.2.0", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert run("version", "restore", str(plan), "--label", "Ver.2.0", "-o", str(out)).returncode == 2  # no overwrite
    info = json.loads(run("info", str(out), "--json").stdout)
    assert info["initiatives"] > 0
    two = tmp_path / "two.json"
    assert run("compare", str(plan), str(out), "--format", "json", "-o", str(two)).returncode == 0
    assert json.loads(two.read_text(encoding="utf-8"))["changes"] == []  # the restored plan is the same plan
