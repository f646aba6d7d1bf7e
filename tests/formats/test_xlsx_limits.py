"""Workbook reads are bounded: every workbook (plan import or inquiry answer) passes one
pre-check, and a tiny file cannot make recognition do unbounded work."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from dxeditor.core.errors import ImportFormatError
from dxeditor.exchange import inquiry
from dxeditor.formats.xlsx.read import grid as grid_mod
from dxeditor.formats.xlsx.read.precheck import ANSWER_LIMITS
from dxeditor.formats.xlsx.read.workbook import WorkbookReader, load_workbook_import
from tests.formats.hostile_xlsx import rewrite, sheet_edit, with_doctype, with_merges, with_rows

FY = 2024


def schedule_book(path: Path) -> Path:
    """A small municipal-style 工程表: a title, a year header, six rows with a bar each."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "工程表"
    ws["A1"] = "DX推進計画 工程表"
    ws["A3"] = "項目"
    for i, y in enumerate(range(4, 10)):
        ws.cell(3, 3 + i, f"令和{y}年度")
    for r in range(4, 10):
        ws.cell(r, 1, f"取組{r}")
        ws.cell(r, 3 + r % 3, "実施")
    wb.save(path)
    return path


@pytest.mark.parametrize("refs", [
    [f"A{i}:GR20000" for i in range(1, 502)],  # 501 nested ranges over the whole capped sheet
    [f"A{20000 - 39 * i}:GR20000" for i in range(501)],  # growing upwards: each clashes only at its end
    [f"{'ABCDEFGHIJ'[i % 10]}{1 + i}:GR{19000 + i}" for i in range(501)],
])
def test_overlapping_merged_ranges_are_bounded(tmp_path: Path, refs: list[str]) -> None:
    src = rewrite(schedule_book(tmp_path / "a.xlsx"), tmp_path / "merged.xlsx", sheet_edit("sheet1", with_merges(refs)))
    assert src.stat().st_size < 12_000
    reader = WorkbookReader(src)
    try:
        g = reader.grid("工程表")
    finally:
        reader.close()
    # recorded cells (and so the work of checking them) stay within the budget, not 501 × 4 million
    assert len(g.merged) <= grid_mod.MAX_MERGED_CELLS
    assert any("無視しました" in w for w in g.warnings)
    result = load_workbook_import(src)  # the rows still read (or a specific refusal, never a hang)
    assert result.counts.rows >= 1


def test_merges_within_the_budget_still_count(tmp_path: Path) -> None:
    src = rewrite(schedule_book(tmp_path / "a.xlsx"), tmp_path / "m.xlsx",
                  sheet_edit("sheet1", with_merges(["C4:E4", "C5:D5", "C4:C5"])))
    reader = WorkbookReader(src)
    try:
        g = reader.grid("工程表")
    finally:
        reader.close()
    assert g.owner(4, 5) == (4, 3, 4, 5) and g.owner(5, 4) == (5, 3, 5, 4)
    assert any("C4:C5" in w and "重なっています" in w for w in g.warnings)


# ------------------------------------------------------------------ inquiry answers
@pytest.fixture
def answer_book(demo_doc, tmp_path: Path) -> Path:
    return inquiry.export_inquiry(demo_doc.session.connection(), 2, tmp_path / "answer.xlsx", fiscal_year=FY)


def refused(demo_doc, path: Path) -> str:
    with pytest.raises(ImportFormatError) as info:
        inquiry.check_answer(demo_doc.session.connection(), path)
    return info.value.ja


def test_answer_with_doctype_is_refused(demo_doc, answer_book: Path, tmp_path: Path) -> None:
    bad = rewrite(answer_book, tmp_path / "doctype.xlsx", sheet_edit("sheet1", with_doctype))
    assert "DOCTYPE" in refused(demo_doc, bad)


def test_answer_with_too_many_rows_is_refused(demo_doc, answer_book: Path, tmp_path: Path) -> None:
    bad = rewrite(answer_book, tmp_path / "rows.xlsx", sheet_edit("sheet2", with_rows(ANSWER_LIMITS.sheet_rows + 1)))
    assert bad.stat().st_size < 2_000_000
    assert "行が多すぎます" in refused(demo_doc, bad)


def test_answer_zip_bomb_is_refused(demo_doc, answer_book: Path, tmp_path: Path) -> None:
    bomb = b"<x>" + b" " * (ANSWER_LIMITS.uncompressed + 1) + b"</x>"
    bad = rewrite(answer_book, tmp_path / "bomb.xlsx", lambda n, d: d, extra={"xl/bomb.xml": bomb})
    assert bad.stat().st_size < 1_000_000
    assert "ZIP 爆弾" in refused(demo_doc, bad)


def test_damaged_zip_stream_is_refused_with_a_message(demo_doc, answer_book: Path, tmp_path: Path) -> None:
    data = bytearray(answer_book.read_bytes())
    with zipfile.ZipFile(answer_book) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 10, start + 60):
        data[k] ^= 0x5A
    bad = tmp_path / "damaged.xlsx"
    bad.write_bytes(bytes(data))
    assert "壊れています" in refused(demo_doc, bad)


def test_answer_with_a_broken_binding_says_so(demo_doc, answer_book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(answer_book)
    ws = wb[inquiry.BIND_SHEET]
    ws["A1"].value = ws["A1"].value.replace('"bars"', '"bars_"')  # a missing key
    wb.save(tmp_path / "bind.xlsx")
    check = inquiry.check_answer(demo_doc.session.connection(), tmp_path / "bind.xlsx")
    assert check.errors == ["照会情報のシートが壊れています（この計画から書き出した照会ブックで回答してください）"]


def test_kpi_actual_must_be_a_finite_number(demo_doc, answer_book: Path, tmp_path: Path) -> None:
    import copy

    from dxeditor.formats.json import io as json_io

    data = json_io.export_data(demo_doc.session.connection())
    data = copy.deepcopy(data)
    data["initiatives"][0]["kpis"] = [{"id": 1, "name": "手続数", "target_value": 27, "unit": "手続"}]
    doc = json_io.import_data(data)
    try:
        conn = doc.session.connection()
        path = inquiry.export_inquiry(conn, 2, tmp_path / "kpi.xlsx", fiscal_year=FY)
        for value in ("inf", "nan", "1e400", "12abc"):
            wb = openpyxl.load_workbook(path)
            wb[inquiry.KPI_SHEET].cell(inquiry.HEADER_ROW + 1, 6).value = value
            wb.save(tmp_path / "v.xlsx")
            check = inquiry.check_answer(conn, tmp_path / "v.xlsx")
            assert len(check.errors) == 1 and "数値ではありません" in check.errors[0], (value, check.errors)
    finally:
        doc.close(keep_working_copy=False)


def test_department_list_workbooks_pass_the_same_checks(tmp_path: Path) -> None:
    from dxeditor.formats.department_list import parse_department_file

    wb = openpyxl.Workbook()
    wb.active.append(["部", "課"])
    wb.active.append(["総務部", "デジタル推進課"])
    wb.save(tmp_path / "depts.xlsx")
    assert parse_department_file(tmp_path / "depts.xlsx").items
    bad = rewrite(tmp_path / "depts.xlsx", tmp_path / "bad.xlsx", sheet_edit("sheet1", with_doctype))
    with pytest.raises(ImportFormatError) as info:
        parse_department_file(bad)
    assert "DOCTYPE" in info.value.ja


def test_damaged_zip_stream_in_a_plan_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dxeditor.cli import main as cli_main

    src = schedule_book(tmp_path / "a.xlsx")
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 5, start + 40):
        data[k] ^= 0xA5
    bad = tmp_path / "damaged.xlsx"
    bad.write_bytes(bytes(data))
    assert cli_main(["import", str(bad), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "壊れています" in err and "予期しない" not in err, err


def test_recognised_rows_fit_the_editor(tmp_path: Path) -> None:
    """A cell of 25 lines is one bar with its lines; a 3,000-character label is cut to the editor's limit."""
    from dxeditor.plan.ops.schedule import MAX_LABEL, MAX_LANE

    src = schedule_book(tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb.active
    ws.cell(4, 4).value = "\n".join(f"工程{i}" for i in range(25))
    ws.cell(5, 5).value = "検" * 3000
    wb.save(src)
    result = load_workbook_import(src)
    bars = [b for it in result.data["initiatives"] for r in it["schedule_rows"] for b in r["bars"]]
    assert max(b["lane"] for b in bars) <= MAX_LANE
    assert any(b["label"].count("\n") == 24 for b in bars)  # one merged cell, one bar, its lines kept
    assert max(len(b["label"]) for b in bars) == MAX_LABEL
    assert any("切り詰めました" in w for w in result.warnings)


def test_damaged_cell_values_in_our_own_workbook(tmp_path: Path) -> None:
    """A number cell holding text (seen in fuzzing: openpyxl raises ValueError while reading)."""
    from dxeditor.formats.json.io import import_data
    from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx
    from tests.formats.xlsx_samples import sample_plan

    doc = import_data(sample_plan())
    try:
        export_xlsx(doc, tmp_path / "own.xlsx", XlsxOptions())
    finally:
        doc.close(keep_working_copy=False)

    def edit(name: str, data: bytes) -> bytes:
        return data.replace(b"<v>", b"<v>../x", 1) if name.startswith("xl/worksheets/sheet") else data

    bad = rewrite(tmp_path / "own.xlsx", tmp_path / "bad.xlsx", edit)
    try:
        load_workbook_import(bad)
    except ImportFormatError as exc:
        assert "予期しない" not in exc.ja


def test_a_damaged_other_sheet_does_not_stop_the_import(tmp_path: Path) -> None:
    src = schedule_book(tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(src)
    wb.create_sheet("メモ")["A1"] = "x"
    wb.save(src)
    bad = rewrite(src, tmp_path / "bad.xlsx", sheet_edit("sheet2", lambda xml: xml.replace(b"<sheetData>", b"<sheetData><row", 1)))
    result = load_workbook_import(bad)
    assert result.counts.rows == 6
    assert any("メモ" in w and "読めません" in w for w in result.warnings)


def test_answer_with_overlapping_merges_is_read_without_binding_them(
        demo_doc, answer_book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full openpyxl load binds every merged cell (minutes for 501 overlapping ranges over a
    large area); answers are read read-only, which never does."""
    import openpyxl.reader.excel as excel

    opened = []
    real = excel.load_workbook

    def spy(*args, **kw):
        opened.append(kw.get("read_only"))
        return real(*args, **kw)

    monkeypatch.setattr("openpyxl.load_workbook", spy)
    refs = [f"A{i}:GR{5000}" for i in range(1, 502)]
    bad = rewrite(answer_book, tmp_path / "merged.xlsx", sheet_edit("sheet1", with_merges(refs)))
    check = inquiry.check_answer(demo_doc.session.connection(), bad)
    assert opened == [True]
    assert check.errors == [] and check.changes == []
