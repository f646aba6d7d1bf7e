"""What a user does in the main window, timed to the repaint: ``python bench/interactive.py PLAN``.

The real main window (outline, find bar, schedule view) on a generated plan, shown at
1400×800 (offscreen). Each action is timed from the call to the end of two
``processEvents()`` passes, which lay out and paint what the action marked dirty (the second
catches repaints asked for during the first):

- structural edits (add / delete / move / indent a row) and their undo, at the top and at
  the bottom of the outline, without and with a filter on;
- a bar move with a filter on, at the bottom;
- find per keystroke (typing a word one character at a time);
- scrolling one page at the top and at the bottom (the frame cost);
- expand all after collapse all;
- the window's resident memory against a bare Qt window measured in this process first.

Prints ``BENCH-RESULT {json}`` (medians in seconds); nothing asserts anything.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the project (or PYTHONPATH's checkout) is importable
    sys.path.insert(1, str(ROOT))

MARK = "BENCH-RESULT "
FILTER_WORD = "システム"  # the generator's row titles: matches a part of the rows


def rss_mb() -> float:
    """Current resident set size in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def med(times: list[float]) -> dict[str, float]:
    return {"median": statistics.median(times), "min": min(times), "n": len(times)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("plan", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication([])
    bare = QMainWindow()
    bare.resize(1400, 800)
    bare.show()
    app.processEvents()
    bare_rss = rss_mb()
    bare.close()

    from dxeditor.plan.ops import outline as ops
    from dxeditor.plan.ops import schedule as sops
    from dxeditor.store.document import PlanDocument
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.settings import Settings
    from dxeditor.ui.undo import DocumentController

    out: dict[str, Any] = {"bare_rss_mb": bare_rss}
    t0 = time.perf_counter()
    doc = PlanDocument.open(args.plan, read_only=False)
    ctl = DocumentController(doc)
    w = MainWindow(ctl, Settings())
    w.resize(1400, 800)
    w.show()
    app.processEvents()
    w.schedule_view.canvas.viewport().repaint()
    out["window_open_s"] = time.perf_counter() - t0
    out["window_rss_mb"] = rss_mb()
    tree = w.outline_view
    model = w.model
    n = args.repeat

    def settle() -> None:
        # Twice: a repaint asked for while the window paints (a widget laid out during the pass)
        # is painted in the next pass, and the user sees the action only then. When nothing
        # is left the second call costs ~0.05 ms.
        app.processEvents()
        app.processEvents()

    def timed(fn: Callable[[], Any]) -> float:
        t = time.perf_counter()
        fn()
        settle()
        return time.perf_counter() - t

    rows = [x for x in model.all_nodes() if x.kind == "row" and x.parent is not None and x.parent.kind == "initiative"]
    visible_rows: list[Any] = rows

    def place(where: str) -> Any:
        """A top-level row near the top or the bottom of what the outline shows, scrolled into view."""
        pool = [x for x in (visible_rows or rows) if x.row > 0] or visible_rows or rows  # indent needs a sibling above
        node = pool[2] if where == "top" else pool[-3]
        tree.select_item("row", node.id)
        settle()
        return node

    def edits(tag: str) -> None:
        for where in ("top", "bottom"):
            node = place(where)
            iid = node.parent.id
            acts: dict[str, Callable[[Any], Any]] = {
                "add_row": lambda rec, iid=iid: ops.add_row(rec, iid, None, "新しい行", 1),
                "move_row": lambda rec, rid=node.id: ops.move(rec, "row", rid, -1),
                "indent_row": lambda rec, rid=node.id: ops.indent(rec, "row", rid),
                "delete_row": lambda rec, rid=node.id: ops.delete_items(rec, [("row", rid)]),
                "rename_row": lambda rec, rid=node.id: ops.rename(rec, "row", rid, "改名した行"),
            }
            for name, fn in acts.items():
                do, undo = [], []
                for _ in range(n):
                    do.append(timed(lambda fn=fn, name=name: ctl.execute(name, fn)))
                    undo.append(timed(ctl.undo_stack.undo))
                out[f"{name}_{where}{tag}"] = med(do)
                out[f"undo_{name}_{where}{tag}"] = med(undo)

    edits("")

    # scrolling: one page down and back at the top and at the bottom, each frame painted
    bar = tree.verticalScrollBar()
    for where in ("top", "bottom"):
        base = 0 if where == "top" else max(0, bar.maximum() - 2 * bar.pageStep())
        bar.setValue(base)
        settle()
        frames = []
        for i in range(2 * n):
            frames.append(timed(lambda i=i, base=base: bar.setValue(base + (bar.pageStep() if i % 2 == 0 else 0))))
        out[f"scroll_page_{where}"] = med(frames)
    bar.setValue(0)
    settle()

    # expand all after collapse all
    exp = []
    for _ in range(max(1, n // 2)):
        tree.collapseAll()
        settle()
        exp.append(timed(tree.expandAll))
    out["expand_all"] = med(exp)

    # find per keystroke (the typing delay skipped: apply() after each character)
    fb = w.find_bar
    fb.open_bar()
    keys = []
    for _ in range(max(1, n // 2)):
        fb.text_edit.clear()
        fb.apply()
        settle()
        for k in range(1, len(FILTER_WORD) + 1):
            fb.text_edit.setText(FILTER_WORD[:k])
            keys.append(timed(fb.apply))
    out["find_keystroke"] = med(keys)
    out["filter_matches"] = fb.count_label.text()
    visible = set(tree.visible_items())
    visible_rows = [x for x in rows if x.key() in visible]
    out["filter_visible_rows"] = len(visible_rows)

    if visible_rows:
        edits("_filtered")
        # a bar move at the bottom with the filter on
        with_bars = [x for x in visible_rows if w.schedule_view.data.row_items(x.id).bars]
        if with_bars:
            node = with_bars[-1]
            tree.select_item("row", node.id)
            settle()
            b = w.schedule_view.data.row_items(node.id).bars[0]
            moves = []
            for i in range(n):
                d = 1 if i % 2 == 0 else -1
                moves.append(timed(lambda d=d: ctl.execute("工程の移動", lambda rec: sops.move_bars(rec, [b.id], d))))
            out["bar_move_bottom_filtered"] = med(moves)
    out["peak_rss_mb"] = float(next(int(x.split()[1]) for x in Path("/proc/self/status").read_text().splitlines()
                                    if x.startswith("VmHWM:")) / 1024)
    w._forced_dirty = False
    ctl.undo_stack.setClean()
    print(MARK + json.dumps(out, ensure_ascii=False))
    os._exit(0)  # skip tearing down 100,000 rows of widgets


if __name__ == "__main__":
    sys.exit(main())
