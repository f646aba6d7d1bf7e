"""Does the window keep responding while a long export runs? (issue 14, item 6)

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_responsive.py [ROWS] [--repeat N]``.
Exports a generated plan (default 1,386 rows) as the PDF booklet and as the Excel workbook
through the GUI's background runner (``dxeditor.ui.background``: worker thread, progress
dialog) while a 20 ms QTimer ticks on the GUI thread, and prints JSON: the export time and
the longest gap between two events the GUI thread processed. Windows calls a window
「応答なし」 after 5 s without events; the target is a gap under 100 ms. Never part of the tests.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def measure(host: Any, controller: Any, label: str, work: Any) -> dict[str, float]:
    """Run ``work(conn, progress)`` in the background while ticking; the time and the longest gap."""
    from PySide6.QtCore import QTimer

    from dxeditor.ui.background import run_on_plan

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    run_on_plan(host, controller, label, work)
    end = time.perf_counter()
    timer.stop()
    points = [start, *[t for t in ticks if start <= t <= end], end]
    return {"seconds": round(end - start, 3), "events": len(points) - 2,
            "max_gap_ms": round(max(b - a for a, b in itertools.pairwise(points)) * 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("rows", nargs="?", type=int, default=1386)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.generate import write_plan
    from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx_from
    from dxeditor.publish.pdf.export import PdfOptions, export_pdf_from
    from dxeditor.store.document import PlanDocument
    from dxeditor.ui.undo import DocumentController

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DXEDITOR_DATA_DIR"] = str(Path(tmp) / "data")
        plan = write_plan(args.rows, Path(tmp) / "plan.dxplan")
        doc = PlanDocument.open(plan, read_only=True)
        controller = DocumentController(doc)
        host = QWidget()
        jobs = {
            "pdf_booklet": lambda conn, progress: export_pdf_from(conn, Path(tmp) / "b.pdf", PdfOptions(kind="booklet"),
                                                                  progress),
            "xlsx": lambda conn, progress: export_xlsx_from(conn, Path(tmp) / "p.xlsx", XlsxOptions(), progress),
        }
        out: dict[str, Any] = {"rows": args.rows}
        for name, job in jobs.items():
            runs = [measure(host, controller, name, job) for _ in range(args.repeat)]
            out[name] = {"median_seconds": statistics.median(r["seconds"] for r in runs),
                         "max_gap_ms": max(r["max_gap_ms"] for r in runs), "runs": runs}
        doc.close(keep_working_copy=False)
        del app
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
