"""Excel export: the workbook read back with openpyxl (cells, merges, fills, print setup) and LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from dxeditor.cli import main as cli_main
from dxeditor.core.errors import DxError
from dxeditor.formats.json.io import export_data, import_data
from dxeditor.formats.xlsx.read.workbook import import_workbook
from dxeditor.formats.xlsx.write.export import SHEETS, XlsxOptions, export_xlsx, parse_sheets
from dxeditor.formats.xlsx.write.style import FONT, text_width
from dxeditor.plan.data_view import view_from_data
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.store.document import PlanDocument
from tests.formats.xlsx_samples import sample_plan


@pytest.fixture
def doc():
    d = import_data(sample_plan())
    yield d
    d.close(keep_working_copy=False)


@pytest.fixture
def book(doc, tmp_path: Path) -> openpyxl.Workbook:
    out = tmp_path / "plan.xlsx"
    assert export_xlsx(doc, out, XlsxOptions()) == []
    wb = openpyxl.load_workbook(out)
    yield wb
    wb.close()


def _merged_at(ws, coord: str) -> str | None:
    return next((str(r) for r in ws.merged_cells.ranges if coord in r), None)


def _find(ws, text: str):
    return next(c for row in ws.iter_rows() for c in row if c.value == text)


def test_sheets_properties_and_hidden_data(book) -> None:
    assert book.sheetnames == [*SHEETS.values(), "_dxeditor"]
    assert book["_dxeditor"].sheet_state in ("hidden", "veryHidden")
    assert book.properties.title == "小樽市 自治体DXに関する全体方針"
    assert book.properties.creator == "小樽市"


def test_schedule_headers_bars_lanes_and_target(book) -> None:
    ws = book["工程表"]
    header = _find(ws, "No.")
    r = header.row
    assert [ws.cell(r, c).value for c in range(1, 11)] == [
        "No.", "取組", "項目", "担当課", "令和4年度", "5年度", "6年度", "7年度", "8年度", "9年度"]
    assert "国が掲げる" in ws.cell(r, 11).value
    # a bar is a merged range with its label inside, filled with its phase's colour
    cell = _find(ws, "可能な部分から実施")
    assert _merged_at(ws, cell.coordinate) == f"H{cell.row}:J{cell.row}"
    assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("7CC48A")
    study = _find(ws, "標準化等に伴う拡充検討")
    assert study.fill.fill_type == "lightDown"  # diagonal: distinct in black and white
    # continuing bar drawn with an arrow; milestone with ◆
    assert _find(ws, "実施 →").fill.fill_type == "solid"
    assert _find(ws, "◆運用開始").column == 8
    # three stacked lanes: the row's left cells are merged down over three sheet rows
    first = _find(ws, "一部実施")
    item = ws.cell(first.row, 3)
    assert item.value == "AI・RPAの利用促進"
    assert _merged_at(ws, item.coordinate) == f"C{first.row}:C{first.row + 2}"
    assert ws.cell(first.row + 1, 6).value == "業務のRPA化の推進"
    assert ws.cell(first.row + 2, 6).value == "職員によるシナリオ作成の推進"
    # initiative cells span all its lines; sub-row indented; national targets
    init = _find(ws, "手続等のオンライン化・窓口改革")
    assert _merged_at(ws, init.coordinate) == f"B{init.row}:B{init.row + 3}"
    assert _find(ws, "【第1弾】・・・27件").alignment.indent == 1
    assert ws.cell(init.row, 11).value == "令和7年度"
    assert ws.cell(_find(ws, "【第1弾】・・・27件").row, 11).value == "令和4年度"
    # section band rows across the whole table; department names as valid today
    band = _find(ws, "1　市民の利便性向上")
    assert _merged_at(ws, band.coordinate) == f"A{band.row}:K{band.row}"
    assert ws.cell(init.row + 1, 4).value == "デジタル推進室"


def test_user_text_stays_text(book, tmp_path: Path) -> None:
    ws = book["工程表"]
    for text in ("=SUM(A1)", "+可能な部分から実施", "@準備", "-BPR"):
        cell = _find(ws, text)
        assert cell.data_type == "s", text
    assert _find(book["用語集"], "=インターネット経由の利用").data_type == "s"


def test_print_setup_fonts_and_widths(book) -> None:
    for name in SHEETS.values():
        ws = book[name]
        assert ws.page_setup.paperSize == 8, name  # A3
        # fitToWidth is omitted when 1 (the OOXML default); fitToHeight 0 = as many pages as needed
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows, name
        assert "&P / &N" in ws.oddFooter.center.text
        assert ws.oddHeader.left.text == "小樽市 自治体DXに関する全体方針"
        assert ws.oddHeader.center.text == name
        assert ws.freeze_panes
        assert ws.print_options.gridLines is not True
    sched = book["工程表"]
    assert sched.page_setup.orientation == "landscape"
    assert sched.freeze_panes == f"E{_find(sched, 'No.').row + 1}"
    assert _find(sched, "手続等のオンライン化・窓口改革").font.name == FONT
    assert _find(book["取組一覧"], "取組").font.name == FONT
    assert book._fonts[0].name == FONT  # the Normal style: empty cells too
    # the widest 取組 title (15 full-width chars) fits without being cut at the column edge
    assert sched.column_dimensions["B"].width >= text_width("手続等のオンライン化・窓口改革") - 2


def test_list_sheets(book) -> None:
    lst = book["取組一覧"]
    row = _find(lst, "手続等のオンライン化・窓口改革").row
    values = [lst.cell(row, c).value for c in range(1, 15)]
    assert "・オンライン化を進める\n　・子育て・介護から" in values
    assert "9・11・16" in values and "デジタル推進室" in values
    kpi = book["成果目標"]
    assert _find(kpi, "電子申請化した業務数").row > 3
    assert _find(kpi, "27手続").value == "27手続"
    dept = book["担当課別"]
    assert _find(dept, "戸籍住民課").fill.fill_type == "solid"  # a group band per department
    gl = book["用語集"]
    assert [c.value for c in gl["A"] if c.value and c.value.startswith("【")] == ["【A～】", "【か～】"]  # RPA (あーるぴーえー) files under its letters, as in the editor


def test_options_year_style_unit_paper_dept_year_and_sheets(doc, tmp_path: Path) -> None:
    out = tmp_path / "q.xlsx"
    opts = XlsxOptions(sheets=("schedule", "glossary"), year_style="both", unit="half", paper="A4", dept_year=2023)
    export_xlsx(doc, out, opts)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["工程表", "用語集", "_dxeditor"]
    ws = wb["工程表"]
    top = _find(ws, "令和4(2022)年度")
    assert _merged_at(ws, top.coordinate) == f"E{top.row}:F{top.row}"
    assert ws.cell(top.row + 1, 5).value == "上期" and ws.cell(top.row + 1, 6).value == "下期"
    assert ws.print_title_rows.endswith(str(top.row + 1))
    assert ws.page_setup.paperSize == 9
    assert _find(ws, "情報システム課")  # the department's name in 2023, before the rename
    start = _find(ws, "運用開始")  # 2024-04..2024-09 is one half column
    assert _merged_at(ws, start.coordinate) is None and start.column == 9
    wb.close()
    with pytest.raises(DxError, match="シート「表紙」はありません"):
        parse_sheets("工程表,表紙")
    assert parse_sheets("用語集, schedule") == ("schedule", "glossary")
    with pytest.raises(DxError):
        XlsxOptions(unit="week")


def test_export_is_atomic_and_leaves_no_temp_files(doc, tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"old")
    export_xlsx(doc, out, XlsxOptions(sheets=("schedule",)))
    assert out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
    with pytest.raises(DxError, match="フォルダーが見つかりません"):
        export_xlsx(doc, tmp_path / "missing" / "x.xlsx", XlsxOptions())


def test_empty_plan_and_bars_sharing_a_column(tmp_path: Path) -> None:
    empty = PlanDocument.create()
    try:
        assert export_xlsx(empty, tmp_path / "empty.xlsx", XlsxOptions()) == []
    finally:
        empty.close(keep_working_copy=False)
    wb = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert _find(wb["工程表"], "No.") and wb["用語集"].max_row >= 3
    wb.close()
    data = sample_plan()
    data["initiatives"][1]["schedule_rows"][1]["bars"].append(
        {"start": "2024-10", "end": "2025-03", "label": "本格運用", "phase": "run"})
    d = import_data(data)
    try:
        warnings = export_xlsx(d, tmp_path / "w.xlsx", XlsxOptions(sheets=("schedule",)))
    finally:
        d.close(keep_working_copy=False)
    assert len(warnings) == 1 and "本格運用" in warnings[0] and "年度単位" in warnings[0]
    wb = openpyxl.load_workbook(tmp_path / "w.xlsx")
    assert _find(wb["工程表"], "運用開始／本格運用")
    wb.close()


def test_round_trip_own_workbook_is_exact(doc, tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    export_xlsx(doc, out, XlsxOptions(sheets=("schedule",)))
    back = import_workbook(out)
    try:
        a = export_data(doc.session.connection())
        b = export_data(back.session.connection())
    finally:
        back.close(keep_working_copy=False)
    a.pop("exported_at")
    b.pop("exported_at")
    assert a == b


@pytest.mark.parametrize("numbering", ["paren", "hier", "circled"])
@pytest.mark.parametrize("dept_fy", [None, 2023])
def test_view_from_data_matches_read_model(numbering: str, dept_fy: int | None) -> None:
    data = sample_plan()
    data["plan"]["numbering_style"] = numbering
    data["sections"].append({"id": 3, "parent_id": 1, "title": "窓口", "number_label": "A"})
    data["initiatives"].append({"id": 9, "section_id": 3, "title": "書かない窓口", "number_label": ""})
    data["initiatives"].append({"id": 10, "title": "どこにも属さない取組"})
    data["chapters"] = [{"id": 1, "title": "はじめに", "placement": "front", "body": "本方針は…"},
                        {"id": 2, "parent_id": 1, "title": "背景", "placement": "front", "body": ""},
                        {"id": 3, "title": "推進体制", "placement": "back", "body": "本部"}]
    d = import_data(data)
    try:
        conn = d.session.connection()
        assert view_from_data(export_data(conn), dept_fy=dept_fy) == load_plan_view(conn, dept_fy=dept_fy)
    finally:
        d.close(keep_working_copy=False)


def test_cli_export(doc, tmp_path: Path, capsys) -> None:
    plan = doc.save(tmp_path / "plan.dxplan")
    out = tmp_path / "cli.xlsx"
    code = cli_main(["export", str(plan), "--format", "xlsx", "-o", str(out), "--unit", "quarter",
                     "--sheets", "工程表", "--year-style", "seireki"])
    assert code == 0, capsys.readouterr().err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["工程表", "_dxeditor"]
    assert _find(wb["工程表"], "2022年度")
    wb.close()
    assert cli_main(["export", str(plan), "--format", "xlsx", "-o", str(out), "--sheets", "x"]) == 2


@pytest.mark.soffice
def test_libreoffice_converts_and_prints_a3(doc, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "plan.xlsx"
    export_xlsx(doc, out, XlsxOptions())
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "plan.pdf"
    assert pdf.exists()
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "A3" in info
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for needle in ("工程表", "令和4年度", "5年度", "可能な部分から実施", "=SUM(A1)", "凡例"):
            assert needle in text, needle
        assert re.search(r"\b1\s*/\s*\d+\b", text), "page N / M footer"
        assert "dxeditor-workbook" not in text  # the hidden data sheet is not printed
