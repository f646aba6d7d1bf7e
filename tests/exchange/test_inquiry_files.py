"""Inquiry file names: one file per department, never two departments on one name, nothing
that makes a name read differently (bidi controls) or that Windows refuses."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from dxeditor.cli import main as cli_main
from dxeditor.exchange import inquiry
from dxeditor.formats.json import io as json_io

FY = 2024


def same_names(demo_data: dict) -> dict:
    """Two 部 with a 市民課 each (and a 市民課 whose name differs only in case and a bidi mark)."""
    data = copy.deepcopy(demo_data)
    data["departments"] += [
        {"id": 10, "name": "市民部", "kind": "部"},
        {"id": 11, "name": "支所部", "kind": "部"},
        {"id": 12, "parent_id": 10, "name": "市民課", "kind": "課"},
        {"id": 13, "parent_id": 11, "name": "市民課", "kind": "課"},
        {"id": 14, "name": "Office\u202e", "kind": "課"},
        {"id": 15, "name": "OFFICE", "kind": "課"},
        {"id": 16, "name": "\u2066CON\u2069", "kind": "課"},
    ]
    rows = [r for it in data["initiatives"] for r in it["schedule_rows"]]
    for r, d in zip(rows, [12, 13, 14, 15, 16], strict=False):
        r["lead_department_id"] = d
    return data


@pytest.fixture
def plan_file(demo_data: dict, tmp_path: Path) -> Path:
    doc = json_io.import_data(same_names(demo_data))
    try:
        return doc.save(tmp_path / "plan.dxplan")
    finally:
        doc.close(keep_working_copy=False)


def test_same_department_names_get_distinct_files(demo_data: dict, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    doc = json_io.import_data(same_names(demo_data))
    try:
        paths = inquiry.export_all(doc.session.connection(), [12, 13, 14, 15, 16], tmp_path / "out", fiscal_year=FY)
    finally:
        doc.close(keep_working_copy=False)
    names = [p.name for p in paths]
    assert len({n.casefold() for n in names}) == 5, names
    assert all(p.exists() for p in paths)
    assert len(list((tmp_path / "out").iterdir())) == 5
    assert any("市民部_市民課" in n for n in names) and any("支所部_市民課" in n for n in names)
    for n in names:
        assert not any(0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069 or ch in "\u200e\u200f"
                       for ch in n), n
        assert not any(ch in '<>:"/\\|?*' for ch in n)


def test_department_named_twice_is_exported_once(demo_data: dict, tmp_path: Path) -> None:
    doc = json_io.import_data(demo_data)
    try:
        paths = inquiry.export_all(doc.session.connection(), [3, 3, 2], tmp_path, fiscal_year=FY)
    finally:
        doc.close(keep_working_copy=False)
    assert len(paths) == 2 and len(set(paths)) == 2


def test_cli_prints_each_file_once(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "inq"
    code = cli_main(["inquiry", "export", str(plan_file), "-o", str(out), "--dept", "市民課", "--dept", "市民課"])
    printed = capsys.readouterr().out.split()
    assert code == 0
    assert len(printed) == 2 and len(set(printed)) == 2, printed
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).name for p in printed)


@pytest.mark.parametrize(("name", "expected"), [
    ("戸籍住民課", "戸籍住民課"),
    ("a\u202eb\u2066c\u2069d\u200ee\u200ff\u200bg", "abcdefg"),
    ("CON", "_CON"),
    ("lpt1.txt", "_lpt1.txt"),
    ('a<b>c:d"e/f\\g|h?i*j', "a_b_c_d_e_f_g_h_i_j"),
    (" . 市民課 . ", "市民課"),
    ("\x01\x02", "部署"),
])
def test_safe_name(name: str, expected: str) -> None:
    assert inquiry.safe_name(name) == expected


def test_nothing_is_written_when_one_department_fails(demo_data: dict, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Every workbook is built before the first file is written."""
    from dxeditor.core.errors import ValidationError

    real = inquiry.build_inquiry

    def build(conn, dept_id, *, fiscal_year):
        if dept_id == 5:
            raise ValidationError("部署 5 を書き出せません", "cannot export department 5")
        return real(conn, dept_id, fiscal_year=fiscal_year)

    monkeypatch.setattr(inquiry, "build_inquiry", build)
    doc = json_io.import_data(demo_data)
    try:
        with pytest.raises(ValidationError):
            inquiry.export_all(doc.session.connection(), [2, 3, 4, 5, 6], tmp_path / "out", fiscal_year=FY)
    finally:
        doc.close(keep_working_copy=False)
    assert not (tmp_path / "out").exists()


def test_cli_import_reports_every_answer(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A damaged answer is reported by name with the others; none stops the rest being checked."""
    assert cli_main(["inquiry", "export", str(demo_file), "-o", str(tmp_path / "q"), "--dept", "デジタル推進室"]) == 0
    good = Path(capsys.readouterr().out.split()[0])
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04" + bytes(200))
    code = cli_main(["inquiry", "import", str(demo_file), str(bad), str(good), "--dry-run"])
    out = capsys.readouterr()
    assert code == 1
    assert f"== {bad.name}" in out.out and f"== {good.name}" in out.out
    assert "エラー: " in out.out and "予期しない" not in out.out + out.err
