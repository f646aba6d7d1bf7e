"""``python -m bench``: measure dxeditor's speed and memory and print figures beside targets.

Options: ``--sizes 100,10000,100000`` (schedule rows), ``--repeat N`` (default 5),
``--quick`` (one repetition, no LibreOffice and no separate bench scripts),
``--json OUT`` (default ``bench/out/results.json``), ``--markdown`` (rewrite
``docs/performance.md``), ``--workdir DIR`` (cached plans and scratch files; default ``bench/out``). Every measurement runs in a child process; see ``bench/measure.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import report
from bench.measure import child_env, parse_result, pdf_process, run_child, soffice_convert
from bench.startup_probe import spawn_measured, time_start

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DEFAULT_SIZES = (100, 10_000, 100_000)
#: Start-up is measured on this size when it is among the sizes (its target: ≤ 3× the bare window).
START_SIZE = 10_000
PDF_SIZE = 1386
#: Separate benchmark scripts written with the features; run when present, their JSON folded in.
SCRIPTS = ("bench_schedule_paint", "bench_xlsx", "bench_pdf", "bench_progress", "bench_server", "bench_server_load")
#: Issue 19's load on a server plan: 50 department clients on a 10,000-row plan for 60 s (bounded; a
#: throwaway PostgreSQL on a Unix socket, nothing on the network).
SERVER_LOAD_ARGS = ["--clients", "50", "--seconds", "60", "--rows", "10000"]
EXIT_FLAG = "DXEDITOR_EXIT_AFTER_FIRST_PAINT"


def say(text: str) -> None:
    """Progress on stderr (stdout carries the table)."""
    sys.stderr.write(f"[bench] {text}\n")
    sys.stderr.flush()


def _version(module: str) -> str:
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:
        return "?"


def machine_facts() -> dict[str, Any]:
    """What the figures depend on: CPUs, memory, versions, commit."""
    facts: dict[str, Any] = {
        "platform": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "pyside6": _version("PySide6-Essentials") if _version("PySide6") == "?" else _version("PySide6"),
        "sqlalchemy": _version("SQLAlchemy"),
        "xlsxwriter": _version("XlsxWriter"),
        "soffice": shutil.which("soffice") or "",
    }
    try:
        from PySide6.QtCore import qVersion

        facts["qt"] = qVersion()
    except ImportError:
        facts["qt"] = "?"
    try:
        kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal:"))
        facts["memory_gb"] = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration, ValueError):
        pass
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True)
        facts["commit"] = rev.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    except OSError:
        facts["commit"] = "?"
    return facts


def exit_after_paint_landed() -> bool:
    """Whether the program knows DXEDITOR_EXIT_AFTER_FIRST_PAINT (the main window's start-up hook)."""
    return any(EXIT_FLAG in p.read_text(encoding="utf-8", errors="replace")
               for p in (ROOT / "dxeditor").rglob("*.py"))


def measure_startup(big_plan: Path, repeat: int, work: Path) -> dict[str, Any]:
    """Cold starts: the bare window (floor), dxeditor on the demo and on the biggest plan."""
    env = child_env(work)
    # Bytecode cached, as the frozen program has it: with PYTHONDONTWRITEBYTECODE set (some shells and
    # sandboxes set it) every start would compile dxeditor's modules anew, about 0.1 s that no user pays.
    # The cache lives in the work folder; one untimed start below fills it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    out: dict[str, Any] = {}
    say(f"start-up: bare PySide6 window × {repeat}")
    out["bare"] = time_start([sys.executable, str(ROOT / "bench" / "startup_probe.py")], env, repeat, cwd=str(ROOT))
    if not exit_after_paint_landed():
        why = {"status": "not landed", "reason": f"main window: {EXIT_FLAG} not implemented yet"}
        return {**out, "demo": why, "big": why}
    env = dict(env, **{EXIT_FLAG: "1"})
    time_start([sys.executable, "-m", "dxeditor"], env, 1, timeout=120, cwd=str(ROOT))  # fills the bytecode cache
    for key, args in (("demo", []), ("big", [str(big_plan)])):
        say(f"start-up: dxeditor {' '.join(args) or '(demo)'} × {repeat}")
        for d in ("data", "settings"):  # no last-opened plan: the demo opens
            shutil.rmtree(work / d, ignore_errors=True)
        out[key] = time_start([sys.executable, "-m", "dxeditor", *args], env, repeat, timeout=120, cwd=str(ROOT))
    return out


def run_script(name: str, args: list[str], work: Path, timeout: float = 1800) -> dict[str, Any]:
    """Run ``bench/NAME.py`` when it exists; its JSON output, wall time and peak RSS."""
    path = ROOT / "bench" / f"{name}.py"
    if not path.exists():
        return {"status": "not landed", "reason": f"bench/{name}.py not landed yet"}
    say(f"script: bench/{name}.py {' '.join(args)}")
    work.mkdir(parents=True, exist_ok=True)
    run = spawn_measured([sys.executable, str(path), *args], child_env(work), ROOT, timeout)
    if run["timed_out"]:
        return {"status": "failed", "reason": f"timed out after {timeout:.0f} s"}
    data = parse_result(run["stdout"])
    if run["code"] != 0 or data is None:
        tail = (run["stderr"] or run["stdout"]).strip().splitlines()[-1:] or ["no output"]
        return {"status": "failed", "reason": f"exit {run['code']}: {tail[0][:200]}"}
    return {"status": "ok", "data": data, "wall_s": run["seconds"], "rss_mb": _rss_of(data) or run["rss_mb"]}


def _rss_of(data: dict[str, Any]) -> float | None:
    for k in ("peak_rss_mb", "rss_mb", "max_rss_mb"):
        if isinstance(data.get(k), (int, float)):
            return float(data[k])
    return None


def ensure_plan(rows: int, folder: Path, work: Path, seed: int = 1) -> Path:
    """The generated plan file with ``rows`` rows (cached per generator and schema version).

    A child process generates it: this process stays small, since programs it starts
    later inherit its peak RSS.
    """
    say(f"plan with {rows:,} rows")
    work.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "bench.generate", "--rows", str(rows), "--seed", str(seed), "--cache-dir",
           str(folder)]
    done = subprocess.run(cmd, check=True, env=child_env(work), cwd=ROOT, capture_output=True, text=True)
    return Path(done.stdout.strip().splitlines()[-1])


def run(sizes: list[int], repeat: int, quick: bool, out: Path = OUT) -> dict[str, Any]:
    """Every measurement (plans and scratch files under ``out``); the raw results (meta + measurements)."""
    t0 = time.perf_counter()
    meta: dict[str, Any] = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                            "loadavg_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else []}
    big = max(sizes)
    pdf_size = PDF_SIZE if PDF_SIZE in sizes else min(sizes, key=lambda n: abs(n - PDF_SIZE))
    meta.update(sizes=sizes, repeat=repeat, quick=quick, pdf_size=pdf_size)
    work = out / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (out / ".gitignore").write_text("*\n")  # generated plans and raw results stay out of git
    plans = {n: ensure_plan(n, out / "plans", work / "generate") for n in sizes}
    start_size = START_SIZE if START_SIZE in sizes else big
    meta["start_size"] = start_size
    m: dict[str, Any] = {"startup": measure_startup(plans[start_size], 1 if quick else repeat, work / "startup")}
    m["interactive"] = {}
    for n in sizes:  # what a user does in the window: edits, find, scrolling, expand all, memory
        say(f"interactive {n:,} rows")
        reps = max(1, min(repeat, 3 if n >= 100_000 else repeat))
        m["interactive"][str(n)] = run_script("interactive", [str(plans[n]), "--repeat", str(reps)],
                                              work / f"interactive-{n}", timeout=3600)
    for task in ("open", "save", "json_export", "json_import", "edit"):
        m[task] = {}
        for n in sizes:
            if task == "edit" and n != big:
                continue
            say(f"{task} {n:,} rows × {repeat}")
            m[task][str(n)] = run_child(task, plans[n], repeat, work / f"{task}-{n}")
    say(f"xlsx export {big:,} rows")
    m["xlsx"] = {str(big): run_child("xlsx", plans[big], min(repeat, 3), work / f"xlsx-{big}")}
    say(f"pdf export {pdf_size:,} rows")
    m["pdf"] = {str(pdf_size): run_child("pdf", plans[pdf_size], repeat, work / f"pdf-{pdf_size}")}
    if quick:
        m["soffice"] = {str(pdf_size): {"status": "skipped", "reason": "--quick"}}
        m["scripts"] = {s: {"status": "skipped", "reason": "--quick"} for s in SCRIPTS}
    else:
        say(f"LibreOffice conversion {pdf_size:,} rows (schedule sheet only, whole process)")
        m["soffice"] = {str(pdf_size): soffice_convert(plans[pdf_size], min(repeat, 3), work / "soffice")}
        say(f"pdf export {pdf_size:,} rows (schedule, whole process)")
        m["pdf_process"] = {str(pdf_size): pdf_process(plans[pdf_size], min(repeat, 3), work / "pdf-process")}
        args = {"bench_xlsx": [str(big)], "bench_pdf": [str(pdf_size), "--repeat", str(min(repeat, 5))],
                "bench_schedule_paint": ["--sizes", f"{min(sizes)},{big}"],
                "bench_progress": ["--sizes", f"{min(sizes)},{big}", "--report-rows", str(pdf_size)],
                "bench_server": [str(pdf_size), "10000", "--repeat", str(min(repeat, 3))],
                "bench_server_load": SERVER_LOAD_ARGS}
        m["scripts"] = {s: run_script(s, args.get(s, []), work / s) for s in SCRIPTS}
    meta["loadavg_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else []
    meta.update(machine_facts())  # last: importing Qt here would raise the peak RSS children inherit
    meta["elapsed_s"] = time.perf_counter() - t0
    return {"meta": meta, "measurements": m}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table, write the JSON (and the markdown page)."""
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="schedule rows, comma-separated")
    p.add_argument("--repeat", type=int, default=5, help="repetitions per measurement (min and median reported)")
    p.add_argument("--quick", action="store_true", help="one repetition; skip LibreOffice and the bench scripts")
    p.add_argument("--json", type=Path, default=OUT / "results.json", help="where to write the figures as JSON")
    p.add_argument("--markdown", action="store_true", help="rewrite docs/performance.md")
    p.add_argument("--workdir", type=Path, default=OUT, help="generated plans (cached) and scratch files")
    args = p.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        p.error("--sizes takes whole numbers separated by commas, e.g. 100,1386,10000")
    if not sizes or min(sizes) < 1:
        p.error("--sizes needs at least one positive number")
    repeat = 1 if args.quick else max(1, args.repeat)
    results = run(sizes, repeat, args.quick, args.workdir.absolute())
    figs = report.figures(results)
    results["figures"] = report.figures_json(figs)
    print(report.table(figs))
    print(f"\nload average {results['meta']['loadavg_start']} → {results['meta']['loadavg_end']}"
          f" on {results['meta']['cpu_count']} CPUs; {results['meta']['elapsed_s']:.0f} s")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    say(f"figures written to {args.json}")
    if args.markdown:
        page = ROOT / "docs" / "performance.md"
        page.write_text(report.markdown(results, figs), encoding="utf-8")
        say(f"{page} rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
