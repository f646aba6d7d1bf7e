"""The progress bench still runs (tiny sizes, one repetition). No timing is asserted: speed lives in bench/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_progress_bench_runs_and_reports_its_figures(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DXEDITOR_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "bench/bench_progress.py", "--sizes", "10,40", "--repeat", "1",
                           "--report-rows", "60", "--report-repeat", "1"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(data["view"]["sizes"]) == {"10", "40"}
    assert data["view"]["sizes"]["40"]["reviews"] == 200
    assert set(data["view"]["ratios"]) == {"ratings_paint_ratio", "ratings_scroll_paint_ratio", "kpis_paint_ratio",
                                           "kpis_scroll_paint_ratio"}
    assert set(data["report"]["ms"]) == {"schedule_pdf", "report_pdf", "report_xlsx"}
    from bench.report import _progress_figures

    figures = {f.key: f for f in _progress_figures({"status": "ok", "data": data})}
    assert {"progress.ratio", "progress.report_pdf", "progress.report_ratio"} <= set(figures)
