"""Schedule view paint cost: one viewport at 100 vs 10,000 schedule rows (3 bars each).

Run: ``.venv/bin/python bench/bench_schedule_paint.py [--repeat N] [--sizes 100,10000]``.
Each plan is built with ``import_data``; an outline tree (the real ``OutlineModel`` /
``OutlineView`` when they import, otherwise a minimal QStandardItemModel with the shared
roles) and a ``ScheduleView`` are shown offscreen at 1400×800 and scrolled to the middle.
One child process holds both sizes and times N synchronous ``repaint()`` of the schedule
viewport for each, interleaved (a shared, loaded machine then slows both alike), plus N
repaints each after scrolling the tree by a page. One child per size measures build
times and peak RSS alone. Prints one JSON object:
``{"paint_ms": {"100": …, "10000": …}, "ratio": …, "target_ratio": 1.5, …, "peak_rss_mb": …}``.
Never part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PHASES = ["study", "build", "run", "continue", "other"]


def plan_data(rows: int) -> dict[str, Any]:
    """A plan with ``rows`` schedule rows, 3 bars each (lanes 0 and 1), 10 rows per initiative."""
    from dxeditor.store.models import DEFAULT_PHASES

    per_init, per_section = 10, 10
    inits = max(1, rows // per_init)
    sections = [{"id": s + 1, "title": f"基本方針{s + 1}"} for s in range((inits + per_section - 1) // per_section)]
    initiatives = []
    rid = 0
    for i in range(inits):
        srows = []
        for _ in range(per_init if i < inits - 1 else rows - per_init * (inits - 1)):
            rid += 1
            y = 2022 + rid % 3
            srows.append({"id": rid, "title": f"工程表の行 {rid}", "bars": [
                {"start": f"{y}-04", "end": f"{y + 1}-03", "label": "検討", "phase": "study"},
                {"start": f"{y + 1}-04", "end": f"{y + 2}-09", "label": "システム構築", "phase": "build"},
                {"start": f"{y}-10", "end": f"{y + 4}-03", "label": "可能な部分から実施", "phase": PHASES[rid % 5],
                 "lane": 1, "continues": rid % 2 == 0},
            ]})
        initiatives.append({"id": i + 1, "section_id": i // per_section + 1, "title": f"取組 {i + 1}",
                            "schedule_rows": srows})
    return {"format": "dxeditor-plan", "format_version": 1,
            "phases": [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in DEFAULT_PHASES],
            "plan": {"title": "ベンチマーク計画", "period_start_fy": 2022, "period_end_fy": 2027},
            "sections": sections, "initiatives": initiatives}


def _outline(controller: Any) -> tuple[Any, str]:
    try:
        from dxeditor.ui.outline_model import OutlineModel

        model = OutlineModel(controller)
        try:
            from dxeditor.ui.outline_view import OutlineView

            return OutlineView(model), "dxeditor.ui.outline_model.OutlineModel + OutlineView"
        except ImportError:
            from PySide6.QtWidgets import QTreeView

            tree = QTreeView()
            tree.setModel(model)
            return tree, "dxeditor.ui.outline_model.OutlineModel + QTreeView"
    except ImportError:
        from tests.ui.test_schedule_support import StubOutline

        return StubOutline(controller), "QStandardItemModel stub"


class Shown:
    """A plan shown as outline tree + schedule view in an offscreen window."""

    def __init__(self, rows: int) -> None:
        from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

        from dxeditor.formats.json.io import import_data
        from dxeditor.ui.schedule import ScheduleView
        from dxeditor.ui.undo import DocumentController

        app = QApplication.instance()
        t0 = time.perf_counter()
        self.doc = import_data(plan_data(rows))
        self.import_s = time.perf_counter() - t0
        self.controller = DocumentController(self.doc)
        t0 = time.perf_counter()
        self.tree, self.outline_kind = _outline(self.controller)
        self.outline_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        self.view = ScheduleView(self.controller, self.tree)
        self.view_s = time.perf_counter() - t0
        self.host = QWidget()
        lay = QHBoxLayout(self.host)
        lay.addWidget(self.tree)
        lay.addWidget(self.view, 3)
        self.host.resize(1400, 800)
        self.host.show()
        self.tree.expandAll()
        app.processEvents()
        self.bar = self.tree.verticalScrollBar()
        self.bar.setValue(self.bar.maximum() // 2)
        app.processEvents()
        self.vp = self.view.canvas.viewport()
        for _ in range(3):
            self.vp.repaint()
        self.paints: list[float] = []
        self.scrolls: list[float] = []
        self.rows = rows

    def paint(self) -> None:
        """Time one repaint of the schedule viewport."""
        t = time.perf_counter()
        self.vp.repaint()
        self.paints.append((time.perf_counter() - t) * 1000)

    def scroll_paint(self, i: int) -> None:
        """Scroll the tree by a page (down, then back up) and time the schedule repaint."""
        self.bar.setValue(self.bar.value() + (self.bar.pageStep() if i % 2 == 0 else -self.bar.pageStep()))
        t = time.perf_counter()
        self.vp.repaint()
        self.scrolls.append((time.perf_counter() - t) * 1000)

    def figures(self) -> dict[str, Any]:
        facts = self.view.data.describe()
        return {"rows": self.rows, "bars": facts["bars"], "visible_lines": len(self.view.canvas.visible_lines()),
                "paint_ms": statistics.median(self.paints), "paint_ms_min": min(self.paints),
                "scroll_paint_ms": statistics.median(self.scrolls), "scroll_paint_ms_min": min(self.scrolls),
                "import_s": self.import_s, "outline_build_s": self.outline_s, "view_build_s": self.view_s,
                "outline": self.outline_kind}


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def measure_rss(rows: int) -> dict[str, Any]:
    """Build and show one size alone: build times and this process's peak RSS."""
    app = _app()
    shown = Shown(rows)
    for i in range(5):
        shown.paint()
        shown.scroll_paint(i)
    out = shown.figures()
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del app
    return out


def measure_paint(sizes: list[int], repeat: int) -> dict[str, Any]:
    """Both sizes in one process, repaints interleaved (so load on a shared machine hits both alike)."""
    app = _app()
    shown = [Shown(n) for n in sizes]
    for i in range(repeat):
        for s in shown:
            s.paint()
        for s in shown:
            s.scroll_paint(i)
    del app
    return {str(s.rows): s.figures() for s in shown}


def _child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"{args}: exit {out.returncode}: {out.stderr[-1500:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=40)
    p.add_argument("--sizes", default="100,10000")
    p.add_argument("--child-rss", type=int, help=argparse.SUPPRESS)
    p.add_argument("--child-paint", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    if args.child_rss or args.child_paint:
        data = measure_rss(args.child_rss) if args.child_rss else measure_paint(sizes, args.repeat)
        print(json.dumps(data), flush=True)
        os._exit(0)  # skip interpreter teardown of Qt objects (the figures are out)
    try:
        paint = _child(["--child-paint", "--sizes", args.sizes, "--repeat", str(args.repeat)])
        rss = {str(n): _child(["--child-rss", str(n)]) for n in sizes}
    except RuntimeError as exc:
        print(json.dumps({"status": "failed", "reason": str(exc)}))
        return 1
    small, big = str(sizes[0]), str(sizes[-1])
    result = {
        "paint_ms": {k: round(v["paint_ms"], 3) for k, v in paint.items()},
        "scroll_paint_ms": {k: round(v["scroll_paint_ms"], 3) for k, v in paint.items()},
        "ratio": round(paint[big]["paint_ms"] / paint[small]["paint_ms"], 3),
        "scroll_ratio": round(paint[big]["scroll_paint_ms"] / paint[small]["scroll_paint_ms"], 3),
        "ratio_of_minimums": round(paint[big]["paint_ms_min"] / paint[small]["paint_ms_min"], 3),
        "target_ratio": 1.5,
        "peak_rss_mb": round(max(v["peak_rss_mb"] for v in rss.values()), 1),
        "rss_mb": {k: round(v["peak_rss_mb"], 1) for k, v in rss.items()},
        "build_s": {k: {"import": round(v["import_s"], 2), "outline": round(v["outline_build_s"], 2),
                        "schedule_view": round(v["view_build_s"], 2)} for k, v in rss.items()},
        "outline": paint[big]["outline"],
        "repeat": args.repeat,
        "details": paint,
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
