"""``python -m bench.fuzz [--cases N] [--seed S] [--kinds json,workbook,answer]``: the long fuzz run.

The same cases as ``tests/fuzz`` (seeded mutations of a valid JSON plan, of three kinds of
workbook and of an inquiry answer, imported in-process), with more seeds: by default 3,000 per
kind starting after the seeds CI uses; accepted cases also export a PDF schedule (every fifth
seed by default, ``--pdf-every``). Prints the tally per kind and every failure with its
seed (replay one with ``--seed S --cases 1``); exits 1 when any case failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KINDS = ("json", "workbook", "answer")
FIRST_SEED = 100_000  # after the seeds of the CI run


def _runner(kind: str, work: Path, bases: Any, harness: Any) -> tuple[Callable[[int], Any], Callable[[], None]]:
    """The case function of one kind (seed → outcome) and what closes its base document."""
    if kind == "json":
        base = bases.json_base()
        return (lambda seed: harness.json_case(base, seed, work / "case")), lambda: None
    if kind == "workbook":
        books = bases.workbook_bases(work / "bases")
        return (lambda seed: harness.workbook_case(books, seed, work / "case")), lambda: None
    doc, book = bases.answer_base(work / "answer")
    return (lambda seed: harness.answer_case(doc, book, seed, work / "case")), \
        lambda: doc.close(keep_working_copy=False)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=3000, help="cases per kind")
    p.add_argument("--seed", type=int, default=FIRST_SEED, help="first seed")
    p.add_argument("--kinds", default=",".join(KINDS))
    p.add_argument("--pdf-every", type=int, default=5,
                   help="also export a PDF schedule for accepted cases whose seed is a multiple of N (0: never)")
    args = p.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    if any(k not in KINDS for k in kinds):
        p.error(f"kinds: {', '.join(KINDS)}")
    with tempfile.TemporaryDirectory(prefix="dxfuzz-") as tmp:
        os.environ.setdefault("DXEDITOR_DATA_DIR", str(Path(tmp) / "data"))
        os.environ.setdefault("DXEDITOR_SETTINGS_DIR", str(Path(tmp) / "settings"))
        from tests.fuzz import bases, harness

        harness.PDF_EVERY = args.pdf_every
        work = Path(tmp)
        failed = 0
        for kind in kinds:
            tally = harness.Tally()
            run, close = _runner(kind, work, bases, harness)
            start = time.perf_counter()
            try:
                for seed in range(args.seed, args.seed + args.cases):
                    outcome = run(seed)
                    tally.add(outcome)
                    if outcome.result == "FAILED":
                        print(f"FAILED {kind} seed {seed}: {outcome.detail}", flush=True)
            finally:
                close()
            print(f"{kind}: {tally.summary()} in {time.perf_counter() - start:.0f} s", flush=True)
            failed += len(tally.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
