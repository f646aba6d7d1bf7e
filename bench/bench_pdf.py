"""PDF schedule-table speed: a generated 1,386-row plan against LibreOffice converting a workbook.

Run: ``.venv/bin/python bench/bench_pdf.py [ROWS] [--repeat N] [--profile]``. Prints JSON:
our export (first call in the process, with font loading, and the median of warm calls,
split into layout and PDF writing), page count, and — when ``soffice`` exists — the time
LibreOffice headless needs to convert an equivalent workbook (same rows, fiscal-year
columns, one merged and filled cell run per bar with its label, A3 landscape, fit to
width, repeated title rows) built here with XlsxWriter. Target: ours ≤ 0.35 × soffice.
Never part of the tests.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def plan_data(rows: int) -> dict[str, Any]:
    """The bench's generated plan (bench/generate.py) with ``rows`` schedule rows."""
    from bench.generate import generate_plan

    return generate_plan(rows)


def build_workbook(data: dict[str, Any], path: Path) -> None:
    """An Excel schedule equivalent to the PDF's: a row per schedule row, a column per month."""
    import xlsxwriter

    from dxeditor.core.fiscal import month_to_index

    plan = data["plan"]
    fy0, fy1 = plan["period_start_fy"], plan["period_end_fy"]
    m0 = fy0 * 12
    months = (fy1 - fy0 + 1) * 12
    phases = {p["key"]: p["color"] for p in data.get("phases", [])}
    depts = {d["id"]: d["name"] for d in data.get("departments", [])}
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("工程表")
    head = wb.add_format({"bold": True, "border": 1, "align": "center", "bg_color": "#EEEEEE", "font_name": "BIZ UDゴシック"})
    cell = wb.add_format({"border": 1, "font_size": 8, "text_wrap": True, "font_name": "BIZ UDゴシック"})
    fills = {k: wb.add_format({"border": 1, "font_size": 7, "bg_color": c, "align": "center", "valign": "vcenter",
                               "shrink": True, "font_name": "BIZ UDゴシック"}) for k, c in phases.items()}
    plain = wb.add_format({"border": 1, "font_size": 7, "align": "center", "font_name": "BIZ UDゴシック"})
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 36)
    ws.set_column(2, 2, 14)
    ws.set_column(3, 3 + months - 1, 1.6)
    ws.write(0, 0, "No.", head)
    ws.write(0, 1, "取組", head)
    ws.write(0, 2, "担当課", head)
    for k in range(fy1 - fy0 + 1):
        ws.merge_range(0, 3 + k * 12, 0, 3 + k * 12 + 11, f"{fy0 + k}年度", head)
    r = 1
    for it in data.get("initiatives", []):
        ws.write(r, 0, it.get("number_label") or "", cell)
        ws.write(r, 1, it["title"], cell)
        r += 1
        for row in it.get("schedule_rows", []):
            ws.write(r, 1, row["title"], cell)
            ws.write(r, 2, depts.get(row.get("lead_department_id"), ""), cell)
            used: set[int] = set()
            for b in row.get("bars", []):
                s = max(month_to_index(b["start"]) - m0, 0)
                e = min(month_to_index(b["end"]) - m0, months - 1)
                if e < s or used & set(range(s, e + 1)):
                    continue
                used |= set(range(s, e + 1))
                fmt = fills.get(b.get("phase", ""), plain)
                if e > s:
                    ws.merge_range(r, 3 + s, r, 3 + e, b.get("label", ""), fmt)
                else:
                    ws.write(r, 3 + s, b.get("label", ""), fmt)
            r += 1
    ws.set_landscape()
    ws.set_paper(8)  # A3
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_header(f"&L{plan['title']}&R出力日 &D")
    ws.set_footer("&C&P / &N")
    wb.close()


def time_soffice(xlsx: Path, work: Path, repeat: int) -> dict[str, Any]:
    """LibreOffice headless converting ``xlsx`` to PDF (profile creation is not timed)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return {"status": "soffice not installed"}
    profile = (work / "lo-profile").absolute().as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
           "--outdir", str(work / "lo"), str(xlsx)]
    subprocess.run(cmd, capture_output=True, timeout=600)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, timeout=600)
        times.append(time.perf_counter() - t)
    out = work / "lo" / (xlsx.stem + ".pdf")
    pages = _pages(out) if out.exists() else 0
    return {"ms": round(min(times) * 1000), "ms_all": [round(t * 1000) for t in times], "pages": pages}


def _pages(pdf: Path) -> int:
    try:
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in out.splitlines() if line.startswith("Pages:")), 0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("rows", nargs="?", type=int, default=1386)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--profile", action="store_true", help="print the cProfile top 25 of one warm export")
    p.add_argument("--no-soffice", action="store_true")
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench_pdf_"))
    os.environ.setdefault("DXEDITOR_DATA_DIR", str(work / "data"))
    from dxeditor.formats.json import io as json_io
    from dxeditor.publish.pdf.export import PdfOptions, export_pdf, layout_document
    from dxeditor.publish.pdf.render import render_pdf

    data = plan_data(args.rows)
    doc = json_io.import_data(data)
    out = work / "schedule.pdf"
    opts = PdfOptions(kind="schedule", paper="A3")
    t = time.perf_counter()
    export_pdf(doc, out, opts)
    cold = time.perf_counter() - t
    warm, lay_t, ren_t = [], [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        export_pdf(doc, out, opts)
        warm.append(time.perf_counter() - t0)
        t1 = time.perf_counter()
        layout = layout_document(doc, opts)
        t2 = time.perf_counter()
        render_pdf(layout.pages, layout.meta)
        t3 = time.perf_counter()
        lay_t.append(t2 - t1)
        ren_t.append(t3 - t2)
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(export_pdf, doc, out, opts)
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
        sys.stderr.write(s.getvalue())
    rows = sum(len(it.get("schedule_rows", [])) for it in data.get("initiatives", []))
    result: dict[str, Any] = {
        "rows": rows, "pages": _pages(out), "pdf_bytes": out.stat().st_size,
        "pdf_ms_first_call": round(cold * 1000), "pdf_ms": round(statistics.median(warm) * 1000),
        "pdf_ms_min": round(min(warm) * 1000),
        "layout_ms": round(statistics.median(lay_t) * 1000), "render_ms": round(statistics.median(ren_t) * 1000),
    }
    doc.close(keep_working_copy=False)
    if not args.no_soffice:
        xlsx = work / "schedule.xlsx"
        build_workbook(data, xlsx)
        lo = time_soffice(xlsx, work, min(args.repeat, 3))
        result["soffice"] = lo
        if lo.get("ms"):
            result["ratio"] = round(result["pdf_ms"] / lo["ms"], 3)
            result["ratio_first_call"] = round(result["pdf_ms_first_call"] / lo["ms"], 3)
            result["target_ratio"] = 0.35
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
