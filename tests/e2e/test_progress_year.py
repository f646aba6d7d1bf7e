"""A year's review end to end without touching JSON: five departments answer their inquiry workbooks
(filled with openpyxl, as a department would), the answers are imported with the command line, the
office rates, and the progress report is exported as PDF and Excel and read back."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxeditor.exchange import inquiry, progress_sheet
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import progress as ops
from dxeditor.plan.progress import load_progress
from dxeditor.store.document import PlanDocument

ROOT = Path(__file__).resolve().parents[2]
FY = 2024
DEPTS = ["デジタル推進室", "戸籍住民課", "サービスセンター", "市民税課", "総合博物館"]
POPPLER = shutil.which("pdftotext") is not None


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dxeditor", *args], capture_output=True, text=True,
                          env=dict(os.environ), cwd=ROOT, timeout=300)


@pytest.fixture
def plan_file(demo_data, tmp_path: Path) -> Path:
    data = copy.deepcopy(demo_data)
    ids = {d["name"]: d["id"] for d in data["departments"]}
    for n, it in enumerate(data["initiatives"]):
        it["kpis"], it["progress"] = [], []  # without the demo's sample progress
        lead = ids[DEPTS[n % 5]]
        it["lead_department_id"] = lead
        it["related_department_ids"] = [d for d in it["related_department_ids"] if d != lead]
    data["initiatives"][0]["kpis"] = [{"id": 1, "name": "オンライン化した手続数", "baseline_value": 3,
                                       "target_value": 27, "unit": "手続",
                                       "targets": [{"fiscal_year": 2023, "value": 8}, {"fiscal_year": 2024,
                                                                                       "value": 14}],
                                       "actuals": [{"fiscal_year": 2023, "value": 6}]}]
    doc = json_io.import_data(data)
    path = doc.save(tmp_path / "plan.dxplan")
    doc.close()
    return path


def test_a_year_of_review_end_to_end(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "inquiries"
    args = ["inquiry", "export", str(plan_file), "--fy", str(FY), "-o", str(out)]
    for d in DEPTS:
        args += ["--dept", d]
    r = run(*args)
    assert r.returncode == 0, r.stderr
    books = sorted(out.glob("*.xlsx"))
    assert len(books) == 5
    for n, book in enumerate(books):
        wb = load_workbook(book)
        ws = wb[progress_sheet.SHEET]
        for row in range(progress_sheet.HEADER_ROW + 1, ws.max_row + 1):
            ws.cell(row, 3).value = ["A 順調", "B 概ね順調", "C 遅れ", "B", "A"][n]
            ws.cell(row, 4).value = f"{ws.cell(row, 2).value}を計画どおり進めた"
            ws.cell(row, 5).value = "人員の確保"
            ws.cell(row, 6).value = "引き続き推進する"
        kpi = wb[inquiry.KPI_SHEET]
        for row in range(inquiry.HEADER_ROW + 1, kpi.max_row + 1):
            if kpi.cell(row, 1).value == 1:
                kpi.cell(row, 6).value = 15
        wb.save(book)
    r = run("inquiry", "import", str(plan_file), *map(str, books), "--fy", str(FY))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("評価:") >= 10

    doc = PlanDocument.open(plan_file)
    try:
        data = load_progress(doc.session.connection())
        assert sorted({r.rating for r in data.reviews.values()}) == ["A", "B", "C"]
        assert len(data.reviews) == 10
        assert data.kpis[1][0].actual(FY) == 15
        PlanEditor(doc).run("評価", lambda rec: ops.set_ratings(rec, [(3, FY, "D")]))  # the office rates
        doc.save()
    finally:
        doc.close()

    info = json.loads(run("info", str(plan_file), "--json").stdout)
    assert info["progress"][str(FY)]["ratings"]["D"] == 1
    assert info["progress"][str(FY)]["kpi_actuals"] == 1 and info["progress"]["2023"]["kpi_actuals"] == 1

    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    for fmt, target in (("pdf", pdf), ("xlsx", xlsx)):
        r = run("progress", "export", str(plan_file), "--fy", str(FY), "--format", fmt, "-o", str(target))
        assert r.returncode == 0, r.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if POPPLER:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "進捗状況報告（令和6年度）" in text and "オンライン化した手続数" in text
        assert "109.1%" in text  # (15 − 3) / (14 − 3): the year's target on the path
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert int(next(ln.split()[-1] for ln in pages.splitlines() if ln.startswith("Pages:"))) >= 12
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:3] == ["概要", "成果目標", "取組別"]
    summary = wb["概要"]
    assert summary.page_setup.paperSize == 9 and summary.page_setup.orientation == "portrait"
    kpi = wb["成果目標"]
    assert kpi.cell(5, 2).value == "オンライン化した手続数" and kpi.cell(5, 6).value == pytest.approx(12 / 11)
    assert kpi.cell(5, 7).value == "▲"
    with zipfile.ZipFile(xlsx) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2  # the summary's columns and the one numeric KPI's line


def test_progress_export_refuses_a_bad_year(plan_file: Path, tmp_path: Path) -> None:
    r = run("progress", "export", str(plan_file), "--fy", "1800", "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert r.returncode != 0 and "年度" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.pdf").exists()
