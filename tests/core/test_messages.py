"""Issue 15 item 11: every message of the lower layers has English for ``--lang en``."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dxeditor.core import errors
from dxeditor.core.fiscal import FiscalYearError, half_label, parse_fy, parse_fy_header, parse_period

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_no_error_outside_the_ui_is_raised_with_japanese_only():
    missing = []
    for path in sorted((ROOT / "dxeditor").rglob("*.py")):
        if "ui" in path.relative_to(ROOT / "dxeditor").parts:
            continue  # the UI translates through Qt
        src = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(src)):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name.endswith("Error") and len(node.args) == 1 and not any(k.arg == "en" for k in node.keywords):
                text = ast.get_source_segment(src, node.args[0]) or ""
                if JAPANESE.search(text) and isinstance(node.args[0], (ast.Constant, ast.JoinedStr, ast.IfExp)):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not missing


@pytest.mark.parametrize("call", [
    lambda: parse_fy("令和99999年度"), lambda: parse_fy("5年度"), lambda: parse_fy("あいう"),
    lambda: parse_fy("令和0年度"), lambda: parse_fy(""), lambda: half_label(3),
    lambda: parse_period("令和7年度〜令和5年度"), lambda: parse_fy_header(["令和5年度", "あ"]),
    lambda: parse_fy("令和5(2020)年度"),
])
def test_fiscal_messages_in_both_languages(call):
    with pytest.raises(FiscalYearError) as exc:
        call()
    assert JAPANESE.search(exc.value.message("ja"))
    english = exc.value.message("en")
    assert english and not JAPANESE.search(re.sub(r"'[^']*'|令和5年度", "", english)), english


def _cli(*args: str, tmp: Path) -> str:
    env = {**os.environ, "DXEDITOR_DATA_DIR": str(tmp / "data"), "DXEDITOR_SETTINGS_DIR": str(tmp / "s")}
    out = subprocess.run([sys.executable, "-m", "dxeditor", "--lang", "en", *args], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120)
    return out.stdout + out.stderr


def test_cli_speaks_english_with_lang_en(tmp_path):
    plan = tmp_path / "p.dxplan"
    _cli("new", str(plan), tmp=tmp_path)
    info = _cli("info", str(plan), tmp=tmp_path)
    check = _cli("check", str(plan), tmp=tmp_path)
    text = re.sub(r"令和\d+年度", "", info + check)  # the plan's own period, printed in its year style
    assert "Initiatives: 0" in info and "warning: plan: the title is empty" in check
    assert not JAPANESE.search(text), text
    errors.set_language("ja")
