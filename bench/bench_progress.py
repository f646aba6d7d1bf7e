"""Progress management: the progress view at 100 vs 10,000 lines, and the progress report of a 1,386-row plan.

Run: ``.venv/bin/python bench/bench_progress.py [--repeat N] [--sizes 100,10000] [--report-rows 1386]``.

*View*: plans with N initiatives (one schedule row and one KPI with actuals each) and 5
years of ratings (N × 5 reviews) are shown in the real :class:`ProgressView` offscreen at
1400×800, both sizes in one process; the rating grid's and the KPI grid's viewports are
repainted N times each, interleaved, and again after scrolling by a page. The view paints
in O(visible): the target ratio (10,000 / 100) is ≤ 1.5.

*Report*: the 1,386-row plan of ``bench/generate.py`` with a rating and texts for every
initiative and actuals for every KPI; the PDF and Excel progress reports are timed against
the schedule PDF of the same plan (target: the PDF report ≤ 2× the schedule PDF).
Prints one JSON object. Never part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

YEARS = (2022, 2026)
RATINGS = "AABBBCD"


def view_plan(n: int) -> dict[str, Any]:
    """N initiatives under N // 20 policies, each with one row, one KPI and 5 years of reviews."""
    sections = [{"id": s + 1, "kind": "policy", "title": f"基本方針{s + 1}"} for s in range(max(1, n // 20))]
    inits = []
    for i in range(n):
        base, target = i % 50, i % 50 + 100
        inits.append({
            "id": i + 1, "section_id": i // 20 % len(sections) + 1, "title": f"取組 {i + 1}",
            "kpis": [{"id": i + 1, "name": f"成果目標 {i + 1}", "baseline_value": base, "target_value": target,
                      "unit": "件", "lower_is_better": i % 7 == 0,
                      "actuals": [{"fiscal_year": fy, "value": base + (fy - YEARS[0]) * 15} for fy in range(YEARS[0],
                                                                                                        YEARS[1] + 1)]}],
            "progress": [{"fiscal_year": fy, "rating": RATINGS[(i + fy) % len(RATINGS)], "results": "実績",
                          "issues": "課題", "direction": "方向性"} for fy in range(YEARS[0], YEARS[1] + 1)],
            "schedule_rows": [{"id": i + 1, "title": f"行 {i + 1}", "bars": [
                {"start": f"{YEARS[0]}-04", "end": f"{YEARS[0] + 1}-03", "phase": "study", "label": "検討"}]}],
        })
    return {"format": "dxeditor-plan", "format_version": 1,
            "plan": {"title": "ベンチマーク計画", "period_start_fy": YEARS[0], "period_end_fy": YEARS[1]},
            "sections": sections, "initiatives": inits}


class Shown:
    """A ProgressView on an N-initiative plan, shown offscreen."""

    def __init__(self, n: int) -> None:
        from PySide6.QtWidgets import QApplication

        from dxeditor.formats.json.io import import_data
        from dxeditor.ui.progress import ProgressView
        from dxeditor.ui.undo import DocumentController

        app = QApplication.instance()
        self.n = n
        t = time.perf_counter()
        self.doc = import_data(view_plan(n))
        self.import_s = time.perf_counter() - t
        controller = DocumentController(self.doc)
        t = time.perf_counter()
        self.view = ProgressView(controller)
        self.view.resize(1400, 800)
        self.view.show()
        app.processEvents()
        self.open_s = time.perf_counter() - t
        self.grids = {"ratings": self.view.rating_grid, "kpis": self.view.kpi_grid}
        for g in self.grids.values():
            bar = g.verticalScrollBar()
            bar.setValue(bar.maximum() // 2)
        app.processEvents()
        self.paints: dict[str, list[float]] = {k: [] for k in self.grids}
        self.scrolls: dict[str, list[float]] = {k: [] for k in self.grids}

    def paint(self, i: int) -> None:
        for name, g in self.grids.items():
            vp = g.viewport()
            t = time.perf_counter()
            vp.repaint()
            self.paints[name].append((time.perf_counter() - t) * 1000)
            bar = g.verticalScrollBar()
            bar.setValue(bar.value() + (bar.pageStep() if i % 2 == 0 else -bar.pageStep()))
            t = time.perf_counter()
            vp.repaint()
            self.scrolls[name].append((time.perf_counter() - t) * 1000)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"initiatives": self.n, "reviews": self.n * (YEARS[1] - YEARS[0] + 1),
                               "import_s": round(self.import_s, 3), "open_view_s": round(self.open_s, 3)}
        for name in self.grids:
            out[f"{name}_paint_ms"] = round(statistics.median(self.paints[name]), 3)
            out[f"{name}_scroll_paint_ms"] = round(statistics.median(self.scrolls[name]), 3)
        return out


def measure_view(sizes: list[int], repeat: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    shown = [Shown(n) for n in sizes]
    for i in range(repeat):
        for s in shown:
            s.paint(i)
    figures = {str(s.n): s.figures() for s in shown}
    small, big = figures[str(sizes[0])], figures[str(sizes[-1])]
    ratios = {k.replace("_ms", "_ratio"): round(big[k] / small[k], 2) for k in big if k.endswith("_ms")}
    del app
    return {"sizes": figures, "ratios": ratios, "target_ratio": 1.5}


def report_plan(rows: int) -> dict[str, Any]:
    """The generated plan with a review of every initiative in its first two years and KPI actuals."""
    from bench.generate import PERIOD, generate_plan

    data = generate_plan(rows)
    for n, it in enumerate(data["initiatives"]):
        it["progress"] = [{"fiscal_year": fy, "rating": RATINGS[(n + fy) % len(RATINGS)],
                           "results": "計画どおり進めた。" * 3, "issues": "人員の確保。", "direction": "引き続き推進する。"}
                          for fy in (PERIOD[0], PERIOD[0] + 1)]
        for k in it.get("kpis", []):
            k["actuals"] = [{"fiscal_year": fy, "value": (k.get("baseline_value") or 0) + 7 * (fy - PERIOD[0] + 1),
                             "note": ""} for fy in (PERIOD[0], PERIOD[0] + 1)]
    return data


def measure_report(rows: int, repeat: int, work: Path) -> dict[str, Any]:
    from bench.generate import PERIOD
    from dxeditor.app.progress import export_progress_report
    from dxeditor.formats.json import io as json_io
    from dxeditor.publish.pdf.export import PdfOptions, export_pdf

    data = report_plan(rows)
    doc = json_io.import_data(data)
    fy = PERIOD[0] + 1
    timings: dict[str, list[float]] = {"schedule_pdf": [], "report_pdf": [], "report_xlsx": []}
    actions = {
        "schedule_pdf": lambda: export_pdf(doc, work / "schedule.pdf", PdfOptions(kind="schedule", paper="A3")),
        "report_pdf": lambda: export_progress_report(doc, fy, "pdf", work / "report.pdf"),
        "report_xlsx": lambda: export_progress_report(doc, fy, "xlsx", work / "report.xlsx"),
    }
    for action in actions.values():  # warm-up: fonts parsed, modules imported
        action()
    for _ in range(repeat):
        for name, action in actions.items():  # interleaved: a loaded machine slows all alike
            t = time.perf_counter()
            action()
            timings[name].append(time.perf_counter() - t)
    doc.close(keep_working_copy=False)
    med = {k: round(statistics.median(v) * 1000) for k, v in timings.items()}
    return {"rows": sum(len(it.get("schedule_rows", [])) for it in data["initiatives"]),
            "initiatives": len(data["initiatives"]), "kpis": sum(len(it.get("kpis", [])) for it in data["initiatives"]),
            "ms": med, "report_pdf_vs_schedule_pdf": round(med["report_pdf"] / med["schedule_pdf"], 2),
            "target_ratio": 2.0}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--sizes", default="100,10000")
    p.add_argument("--report-rows", type=int, default=1386)
    p.add_argument("--report-repeat", type=int, default=3)
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench_progress_"))
    os.environ.setdefault("DXEDITOR_DATA_DIR", str(work / "data"))
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    out = {"view": measure_view(sizes, args.repeat),
           "report": measure_report(args.report_rows, args.report_repeat, work)}
    print(json.dumps(out, ensure_ascii=False), flush=True)
    os._exit(0)  # skip the teardown of Qt objects (the figures are out)


if __name__ == "__main__":
    raise SystemExit(main())
