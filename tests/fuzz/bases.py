"""The valid inputs the fuzz cases start from: a JSON plan, three kinds of workbook, an answer."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import openpyxl


def json_base() -> dict[str, Any]:
    """A small plan shaped like seeds 000 and 002 (lanes, sub-rows, targets, KPIs, glossary)."""
    from tests.formats.xlsx_samples import sample_plan

    return sample_plan()


def workbook_bases(workdir: Path) -> list[bytes]:
    """Our own export (embedded plan data), the same without its data sheet (recognised), and a
    municipal 工程表 written by hand (merged group labels, two year rows, a target column)."""
    from dxeditor.formats.json.io import import_data
    from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx

    workdir.mkdir(parents=True, exist_ok=True)
    doc = import_data(json_base())
    try:
        export_xlsx(doc, workdir / "own.xlsx", XlsxOptions())
        own = (workdir / "own.xlsx").read_bytes()
    finally:
        doc.close(keep_working_copy=False)
    buf = io.BytesIO()
    wb = openpyxl.load_workbook(io.BytesIO(own))
    del wb["_dxeditor"]
    wb.save(buf)
    recognised = buf.getvalue()

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "工程表"
    ws["A1"] = "DX推進計画 工程表"
    ws["A3"], ws["B3"], ws["C3"] = "区分", "項目", "担当課"
    for i, y in enumerate(range(2022, 2028)):
        ws.cell(3, 4 + i, f"{y}年度")
        ws.cell(4, 4 + i, f"令和{y - 2018}年度")
    ws.cell(3, 10, "国が掲げる目標時期")
    rows = [("行政手続", "転出届・転入予約", "戸籍住民課", 4, 6, "検討\n実施→"),
            ("行政手続", "住民票の写し", "戸籍住民課", 5, 9, "システム構築"),
            ("窓口", "キャッシュレス", "市民税課、会計課", 4, 5, "◆運用開始"),
            ("窓口", "書かない窓口", "デジタル推進室", 6, 9, "一部実施")]
    fill = openpyxl.styles.PatternFill("solid", fgColor="9BC2E6")
    for r, (group, title, dept, c1, c2, label) in enumerate(rows, start=5):
        ws.cell(r, 1, group)
        ws.cell(r, 2, title)
        ws.cell(r, 3, dept)
        ws.cell(r, c1, label)
        for c in range(c1, c2 + 1):
            ws.cell(r, c).fill = copy.copy(fill)
        ws.cell(r, 10, "令和7年度" if r % 2 else "-")
    ws.merge_cells("A5:A6")
    ws.merge_cells("A7:A8")
    ws.merge_cells("E6:I6")
    buf = io.BytesIO()
    wb.save(buf)
    return [own, recognised, buf.getvalue()]


def answer_base(workdir: Path) -> tuple[Any, bytes]:
    """An open plan (the demo with a KPI and departments on more rows) and one department's
    inquiry workbook from it; the caller closes the document."""
    from dxeditor.core import paths
    from dxeditor.exchange import inquiry
    from dxeditor.formats.json import io as json_io

    data = json_io.load_json_file(paths.demo_plan_json())
    inits = data["initiatives"]
    inits[0]["kpis"] = [{"id": 1, "name": "オンライン化した手続数", "target_value": 27, "unit": "手続"}]
    doc = json_io.import_data(data)
    workdir.mkdir(parents=True, exist_ok=True)
    path = inquiry.export_inquiry(doc.session.connection(), 2, workdir / "base.xlsx", fiscal_year=2024)
    return doc, path.read_bytes()
