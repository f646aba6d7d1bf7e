"""Excel export speed: a generated 10,000-row plan, against the XlsxWriter constant_memory floor.

Run: ``.venv/bin/python bench/bench_xlsx.py [ROWS]``. Prints JSON: the export time (whole
``export_xlsx``, and its parts), the floor (XlsxWriter in constant_memory mode writing the
same schedule cells and merges and nothing else) and their ratio. Never part of the tests.
"""

from __future__ import annotations

import cProfile
import gc
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
REPEAT = 3


def generate(rows: int) -> dict[str, Any]:
    """A plan with ``rows`` schedule rows: 10 per initiative, 2–3 bars each, some stacked lanes."""
    from dxeditor.store.models import DEFAULT_PHASES

    phases = [k for k, *_ in DEFAULT_PHASES]
    n_init = max(1, rows // 10)
    sections = [{"id": s + 1, "title": f"基本方針{s + 1}　市民の利便性向上"} for s in range(10)]
    depts = [{"id": d + 1, "name": f"第{d + 1}課"} for d in range(40)]
    inits = []
    rid = 0
    for i in range(n_init):
        srows = []
        for k in range(10):
            rid += 1
            y = 2022 + (rid % 3)
            bars = [
                {"start": f"{y}-04", "end": f"{y + 1}-03", "label": "検討", "phase": phases[0]},
                {"start": f"{y + 1}-04", "end": f"{y + 3}-03", "label": "システム構築・運用準備", "phase": phases[1]},
            ]
            if k % 3 == 0:
                bars.append({"start": f"{y + 3}-04", "end": "2028-03", "label": "可能な部分から実施",
                             "phase": phases[2], "lane": 1, "continues": True})
            srows.append({"id": rid, "title": f"手続のオンライン化 {rid}", "lead_department_id": rid % 40 + 1,
                          "bars": bars})
        inits.append({"id": i + 1, "section_id": i % 10 + 1, "title": f"取組 {i + 1}　行政手続のオンライン化",
                      "lead_department_id": i % 40 + 1, "schedule_rows": srows})
    return {
        "format": "dxeditor-plan", "format_version": 1,
        "plan": {"title": "ベンチマーク計画", "municipality": "架空市", "period_start_fy": 2022,
                 "period_end_fy": 2027},
        "phases": [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in DEFAULT_PHASES],
        "departments": depts, "sections": sections, "initiatives": inits,
    }


def floor(path: Path, view: Any) -> float:
    """XlsxWriter constant_memory writing the schedule's cells: the least any exporter can take."""
    import xlsxwriter

    t0 = time.perf_counter()
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_numbers": False, "strings_to_urls": False})
    ws = wb.add_worksheet("工程表")
    bar_fmt = wb.add_format({"bg_color": "#7cc48a", "border": 2})
    cell = wb.add_format({"border": 1})
    first = view.plan["period_start_fy"] * 12
    r = 0
    for it in view.initiatives():
        top = r
        for row in it.rows:
            for lane in range(row.lanes):
                ws.write_string(r, 0, it.number, cell)
                ws.write_string(r, 1, it.title, cell)
                ws.write_string(r, 2, row.title, cell)
                ws.write_string(r, 3, row.lead, cell)
                used = set()
                for b in row.bars:
                    if b.lane != lane:
                        continue
                    c1, c2 = (b.start - first) // 12 + 4, (b.end - first) // 12 + 4
                    ws.merge_range(r, c1, r, c2, b.label, bar_fmt) if c2 > c1 else ws.write_string(r, c1, b.label,
                                                                                                  bar_fmt)
                    used.update(range(c1, c2 + 1))
                for c in range(4, 10):
                    if c not in used:
                        ws.write_blank(r, c, None, cell)
                r += 1
        if r - top > 1:
            ws.merge.append([top, 0, r - 1, 0])
            ws.merge.append([top, 1, r - 1, 1])
    wb.close()
    return time.perf_counter() - t0


def workbook_cells(path: Path) -> list[tuple[str, list[tuple[int, int, Any]], list[tuple[int, int, int, int]]]]:
    """Every sheet's cells (strings, numbers, styled blanks) and merged ranges, read back with openpyxl."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        cells = [(c.row - 1, c.column - 1, c.value) for row in ws.iter_rows() for c in row
                 if c.value is not None or c.has_style]
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        out.append((ws.title, cells, merges))
    wb.close()
    return out


def floor_same_cells(path: Path, sheets: list[tuple[str, list[tuple[int, int, Any]], list[Any]]]) -> float:
    """XlsxWriter constant_memory writing exactly the cells and merges of the exported workbook."""
    import xlsxwriter

    t0 = time.perf_counter()
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_numbers": False, "strings_to_urls": False})
    fmt = wb.add_format({"border": 1, "bg_color": "#7cc48a"})
    for name, cells, merges in sheets:
        ws = wb.add_worksheet(name)
        for r, c, v in cells:
            if v is None:
                ws.write_blank(r, c, None, fmt)
            elif isinstance(v, str):
                ws.write_string(r, c, v, fmt)
            else:
                ws.write_number(r, c, v, fmt)
        ws.merge.extend(list(m) for m in merges)  # registered without overlap checks: the least possible
    wb.close()
    return time.perf_counter() - t0


def timed(fn: Any) -> tuple[float, Any]:
    """``fn()``'s wall time and result, on a clean heap.

    Each measurement starts after a full collection, so that none pays for the cyclic garbage
    an earlier one left behind (the floors' workbooks, for one), whenever the collector
    happens to come round to it.
    """
    gc.collect()
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    tmp = Path(tempfile.mkdtemp(prefix="bench_xlsx_"))
    os.environ.setdefault("DXEDITOR_DATA_DIR", str(tmp / "data"))
    from dxeditor.formats.json.io import export_data, import_data
    from dxeditor.formats.xlsx.write.export import XlsxOptions, build_workbook, export_xlsx
    from dxeditor.plan.readmodel import load_plan_view

    doc = import_data(generate(rows))
    try:
        export_xlsx(doc, tmp / "warmup.xlsx", XlsxOptions(sheets=("schedule",), embed_data=False))
        conn = doc.session.connection()
        view = load_plan_view(conn)
        # the machine is shared: interleave the runs and keep each one's best time
        totals, schedules, floors, floors_nogc, floors_all = [], [], [], [], []
        export_xlsx(doc, tmp / "plan.xlsx", XlsxOptions())
        all_cells = workbook_cells(tmp / "plan.xlsx")
        for _ in range(REPEAT):
            floors_all.append(timed(lambda: floor_same_cells(tmp / "floor_all.xlsx", all_cells))[1])
            totals.append(timed(lambda: export_xlsx(doc, tmp / "plan.xlsx", XlsxOptions()))[0])
            schedules.append(timed(lambda: export_xlsx(doc, tmp / "schedule.xlsx",
                                                       XlsxOptions(sheets=("schedule",), embed_data=False)))[0])
            floors.append(timed(lambda: floor(tmp / "floor.xlsx", view))[1])
            gc.collect()
            gc.disable()
            try:
                floors_nogc.append(floor(tmp / "floor.xlsx", view))
            finally:
                gc.enable()
        total, schedule_only, t_floor = min(totals), min(schedules), min(floors)
        conn = doc.session.connection()
        t_view, view = timed(lambda: load_plan_view(conn))
        t_data, data = timed(lambda: export_data(conn))
        from dxeditor.formats.xlsx.read.workbook import WorkbookReader, load_workbook_import

        t_import = timed(lambda: load_workbook_import(tmp / "plan.xlsx"))[0]

        def recognise() -> Any:
            reader = WorkbookReader(tmp / "schedule.xlsx")
            try:
                return reader.read(use_embedded=False)
            finally:
                reader.close()

        t_recognise, recognised = timed(recognise)
        prof = cProfile.Profile()
        prof.enable()
        build_workbook(tmp / "prof.xlsx", view, data, XlsxOptions())
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(12)
        n_rows = len(view.rows())
    finally:
        doc.close(keep_working_copy=False)
    print(json.dumps({
        "rows": n_rows,
        "export_s": round(total, 3),
        "export_schedule_only_s": round(schedule_only, 3),
        "read_model_s": round(t_view, 3),
        "export_data_s": round(t_data, 3),
        "schedule_floor_constant_memory_s": round(t_floor, 3),
        "schedule_floor_constant_memory_gc_off_s": round(min(floors_nogc), 3),
        "floor_same_cells_all_sheets_s": round(min(floors_all), 3),
        "cells_all_sheets": sum(len(c) for _n, c, _m in all_cells),
        "merges_all_sheets": sum(len(m) for _n, _c, m in all_cells),
        "ratio_export_to_schedule_floor": round(total / t_floor, 2),
        "ratio_export_to_floor_same_cells": round(total / min(floors_all), 2),
        "ratio_schedule_only_to_schedule_floor": round(schedule_only / t_floor, 2),
        "file_bytes": (tmp / "plan.xlsx").stat().st_size,
        "import_own_workbook_embedded_s": round(t_import, 3),
        "import_recognised_s": round(t_recognise, 3),
        "recognised_rows": recognised.counts.rows,
        "recognised_bars": recognised.counts.bars,
        "peak_rss_mb": _peak_rss_mb(),
    }, ensure_ascii=False, indent=2))
    if "--profile" in sys.argv:
        sys.stderr.write(out.getvalue())


if __name__ == "__main__":
    main()
