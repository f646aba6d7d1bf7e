"""``python -m bench.refresh``: re-measure the window actions and update only their rows of docs/performance.md.

``python -m bench --markdown`` rewrites the whole page from one full run (start-up, every size,
exports, LibreOffice, the server benches): it drops the hand-written sections and the sizes
not run. After work on the window's edits only ``bench/interactive.py`` needs running again:
this runs it at ``--sizes`` (default 100,10000) with ``--repeat`` (default 5), replaces the
rows of those sizes in the generated table (the same rows, formatted by :mod:`bench.report`)
and notes the re-measurement under "Machine and run". Nothing else on the page changes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bench import report
from bench.__main__ import OUT, ROOT, ensure_plan, run_script

PAGE = ROOT / "docs" / "performance.md"
NOTE = "- window actions re-measured by `python -m bench.refresh`"


def replace_rows(page: str, n: int, rows: list[list[str]]) -> str:
    """``page`` with its table rows for ``n`` rows (``| 10,000 rows: …``) replaced by ``rows``."""
    lines = page.splitlines()
    prefix = f"| {n:,} rows: "
    at = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    new = ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
    if not at:
        raise SystemExit(f"docs/performance.md has no rows for {n:,} rows: run python -m bench --markdown first")
    return "\n".join([*lines[:at[0]], *new, *lines[at[-1] + 1:]]) + "\n"


def note_run(page: str, text: str) -> str:
    """``page`` with the re-measurement line under "Machine and run" set to ``text``."""
    lines = [line for line in page.splitlines() if not line.startswith(NOTE)]
    at = next(i for i, line in enumerate(lines) if line.startswith("- commit:"))
    lines.insert(at + 1, text)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.refresh", description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100,10000", help="schedule rows, comma-separated")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--workdir", type=Path, default=OUT)
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    load = os.getloadavg()
    page = PAGE.read_text(encoding="utf-8")
    results = {}
    for n in sizes:
        plan = ensure_plan(n, args.workdir / "plans", args.workdir / "work" / "generate")
        print(f"[bench] interactive {n:,} rows × {args.repeat}", flush=True)
        results[str(n)] = run_script("interactive", [str(plan), "--repeat", str(args.repeat)],
                                     args.workdir / "work" / f"interactive-{n}", timeout=3600)
        figs = report._interactive_figures(results[str(n)], n)
        print(report.table(figs), flush=True)
        page = replace_rows(page, n, report._rows(figs))
    load_end = os.getloadavg()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "?"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    busy = " — shared and busy: noisy" if load[0] >= 1.0 else ""
    page = note_run(page, f"{NOTE} at {', '.join(f'{n:,}' for n in sizes)} rows: {stamp}, commit {commit},"
                          f" {args.repeat} repetitions, load {load[0]:.2f} → {load_end[0]:.2f}{busy}")
    PAGE.write_text(page, encoding="utf-8")
    (args.workdir / "refresh.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
