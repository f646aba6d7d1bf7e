"""Versions and the 新旧対照表 at size (issue 18): storage, compare time, print time.

Run: ``.venv/bin/python bench/bench_versions.py [ROWS] [--versions N]`` (default 10,000 rows,
10 versions). Prints JSON:

- ``file_mb`` / ``with_versions_mb`` / ``ratio``: the saved plan alone, and with N versions made
  while a user edits between them (target: ratio ≤ 3);
- ``compare_s``: comparing the first and the last version (diff ready; target ≤ 2 s at 10,000);
- ``demo_taisho_pdf_s``: the 新旧対照表 of the demo (Ver.1.0 → Ver.1.1) as PDF (target: well
  under a second).
Never part of the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", nargs="?", type=int, default=10_000)
    ap.add_argument("--versions", type=int, default=10)
    args = ap.parse_args(argv)

    from bench.generate import generate_plan
    from dxeditor.app import versions as runs
    from dxeditor.app.templates import open_template
    from dxeditor.formats.json import io as json_io
    from dxeditor.plan import versions
    from dxeditor.plan.compare import compare
    from dxeditor.plan.editor import PlanEditor
    from dxeditor.plan.ops import outline
    from dxeditor.publish.pdf.comparison import export_comparison_pdf

    out: dict[str, float | int] = {"rows": args.rows, "versions": args.versions}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = generate_plan(args.rows)
        doc = json_io.import_data(data)
        alone = doc.save(work / "alone.dxplan")
        out["file_mb"] = round(alone.stat().st_size / 1e6, 2)
        editor = PlanEditor(doc)
        rows = [r["id"] for it in data["initiatives"] for r in it["schedule_rows"]]
        step = max(1, len(rows) // 100)  # each revision renames 1% of the rows
        for v in range(args.versions):
            runs.make_version(editor, f"Ver.{v + 1}.0")
            for rid in rows[v::step][:step]:
                editor.run("rename", lambda rec, rid=rid, v=v: outline.rename(rec, "row", rid, f"改訂{v} 行{rid}"))
        saved = doc.save(work / "versions.dxplan")
        out["with_versions_mb"] = round(saved.stat().st_size / 1e6, 2)
        out["ratio"] = round(saved.stat().st_size / alone.stat().st_size, 2)
        conn = doc.session.connection()
        listed = versions.list_versions(conn)
        t = time.perf_counter()
        first = versions.version_data(conn, listed[0].id)
        last = versions.version_data(conn, listed[-1].id)
        cmp = compare(first, last, listed[0].label, listed[-1].label)
        out["compare_s"] = round(time.perf_counter() - t, 3)
        out["changes"] = len(cmp.changes)
        doc.close(keep_working_copy=False)

        demo = open_template("demo")
        t = time.perf_counter()
        dc = runs.compare_in_plan(demo.save(work / "demo.dxplan"), "Ver.1.0", "Ver.1.1")
        export_comparison_pdf(dc, work / "demo.pdf")
        out["demo_taisho_pdf_s"] = round(time.perf_counter() - t, 3)
        demo.close(keep_working_copy=False)
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
