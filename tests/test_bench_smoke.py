"""The benchmarks still run (tiny size, one repetition). No timing is asserted: speed lives in bench/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EXPECTED_FIGURES = {
    "start.bare", "start.demo", "start.rows_100", "open.100", "save.100", "json_export.100", "json_import.100",
    "paint.ratio", "edit.move.100", "edit.undo.100", "edit.redo.100", "xlsx.floor", "xlsx.100", "pdf.100",
    "soffice.100",
}
FIGURE_FIELDS = {"key", "label", "median", "min", "unit", "target", "verdict", "rss_mb", "rss_verdict", "note"}


def test_quick_bench_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DXEDITOR_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--sizes", "100", "--json", str(out), "--workdir",
         str(tmp_path / "work")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "figure" in proc.stdout
    results = json.loads(out.read_text(encoding="utf-8"))
    assert set(results) >= {"meta", "measurements", "figures"}
    meta = results["meta"]
    assert meta["sizes"] == [100]
    assert {"date", "cpu_count", "loadavg_start", "loadavg_end", "python", "qt"} <= set(meta)
    figures = {f["key"]: f for f in results["figures"]}
    assert EXPECTED_FIGURES <= set(figures)
    for f in figures.values():
        assert FIGURE_FIELDS <= set(f)
        assert f["verdict"] in ("✓", "✗", "—")
    # the core paths exist from the start, so these are measured, not "not landed"
    for key in ("start.bare", "open.100", "save.100", "json_export.100", "json_import.100"):
        assert figures[key]["median"] is not None, figures[key]


def test_generated_plan_is_deterministic_and_valid() -> None:
    from bench.generate import generate_plan
    from dxeditor.formats.json.io import check_data

    plan = generate_plan(120, seed=3)
    assert plan == generate_plan(120, seed=3)
    check_data(plan)
    rows = [r for it in plan["initiatives"] for r in it["schedule_rows"]]
    assert len(rows) == 120
    assert all(1 <= len(r["bars"]) <= 4 for r in rows)


def test_server_figures_stand_beside_their_targets() -> None:
    """The load bench's JSON (bench/bench_server_load.py) becomes rows with the issue's targets."""
    from bench import report

    load = {"clients": 50, "seconds": 60.1, "rows": 10000, "bars": 21848, "edits": 30164, "edits_per_s": 502.3,
            "stale": 0, "lost_updates": 0, "missed_notifications": 0,
            "notify_ms": {"p50": 6.1, "p95": 135.0, "max": 429.0}, "server_cpu_s": 23.7, "server_pss_mb": 129.1}
    push = {"sizes": [{"rows": 10000, "push_s": 3.2, "export_s": 0.9, "pull_s": 1.2}]}
    figs = {f.key: f for f in report._server_figures({"status": "ok", "data": push}, {"status": "ok", "data": load})}
    assert figs["server.lost"].verdict == "✓" and figs["server.lost"].median == 0
    assert figs["server.notify_p95"].median == 0.135 and figs["server.notify_p95"].verdict == "✗"
    assert figs["server.cpu_memory"].rss_mb == 129.1 and "30,164 edits" in figs["server.edits"].note
    assert figs["server.push.10000"].median == 3.2
    lost = report._server_figures(None, {"status": "ok", "data": {**load, "lost_updates": 2}})
    assert {f.key: f for f in lost}["server.lost"].verdict == "✗"
    # not run (--quick, or no PostgreSQL): the rows stay, with the reason
    skipped = report._server_figures(None, {"status": "skipped", "reason": "--quick"})
    assert [f.key for f in skipped] == ["server.push", "server.notify_p95"] and "--quick" in skipped[-1].note
    assert "0.135 s" in report.table(list(figs.values()))
