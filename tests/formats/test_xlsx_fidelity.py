"""An imported municipal workbook exported again: every label line, one line per initiative without sub-rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dxeditor.formats.xlsx.read.workbook import import_workbook
from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx
from tests.formats.test_xlsx_import import seed002_workbook


def test_multiline_labels_wrap_and_rows_grow(tmp_path: Path) -> None:
    doc = import_workbook(seed002_workbook(tmp_path / "seed002.xlsx"))
    try:
        out = tmp_path / "out.xlsx"
        export_xlsx(doc, out, XlsxOptions())
    finally:
        doc.close(keep_working_copy=False)
    wb = openpyxl.load_workbook(out)
    ws = wb["工程表"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    two = cells["標準仕様書と\n既存システム（運用）との比較"]
    assert two.alignment.wrap_text
    assert ws.row_dimensions[two.row].height >= 2 * 14
    assert ws.row_dimensions[cells["スマホ講習会の開催 25回/年"].row].height < 2 * 14
    one_line = cells["マイナンバーカード普及策の実施"]
    # an initiative with only its own row: the title once, across 取組 and 項目
    titles = [c.value for row in ws.iter_rows(min_col=2, max_col=3) for c in row]
    assert titles.count("マイナンバーカードの普及促進") == 1
    assert f"B{one_line.row}:C{one_line.row}" in {str(r) for r in ws.merged_cells.ranges}
    assert titles.count("自治体の行政手続のオンライン化") == 2  # 取組 and its own row above 第1弾〜第3弾
    # target-year texts as written
    assert "令和7年度" in cells and "-" in cells
    wb.close()


def test_sentence_kpis_are_one_cell_in_the_kpi_sheet(tmp_path: Path) -> None:
    from dxeditor.formats.json.io import import_data
    from tests.formats.xlsx_samples import sample_plan

    data = sample_plan()
    it = data["initiatives"][0]
    it["kpis"] = [{"name": "電子申請化した業務数：27手続（令和7(2025)年度末まで）"},
                  {"name": "電子申請の件数", "target_value": 5000, "unit": "件", "deadline_fy": 2025}]
    doc = import_data(data)
    try:
        export_xlsx(doc, tmp_path / "k.xlsx", XlsxOptions())
    finally:
        doc.close(keep_working_copy=False)
    wb = openpyxl.load_workbook(tmp_path / "k.xlsx")
    ws = wb["成果目標"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    sentence = cells["電子申請化した業務数：27手続（令和7(2025)年度末まで）"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"C{sentence.row}:F{sentence.row}" in merged
    valued = cells["電子申請の件数"]
    assert not any(str(r).startswith(f"C{valued.row}:") for r in ws.merged_cells.ranges)
    assert ws.cell(valued.row, 5).value == "5000件"
    assert sentence.alignment.indent == 1  # kept off the cell border
    wb.close()
