"""Measurements, each run in a child process of its own so peak memory is its own.

``python -m bench.measure TASK --plan FILE --repeat N --work DIR`` runs one task and
prints one line ``BENCH-RESULT {json}``: the wall times of every repetition (seconds),
the process's peak RSS (``VmHWM``) and, for features that have not landed yet,
``"status": "not landed"`` with the reason. The parent (``python -m bench``) starts
these children through :func:`run_child`; nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.startup_probe import spawn_measured

MARK = "BENCH-RESULT "
Result = dict[str, Any]


# ------------------------------------------------------------------ helpers
def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (VmHWM on Linux, ru_maxrss elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def summary(times: list[float]) -> dict[str, float]:
    """min / median / first of a list of timings (seconds)."""
    return {"min": min(times), "median": statistics.median(times), "first": times[0], "n": len(times)}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``fn`` once; (seconds, its result)."""
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def not_landed(why: str) -> Result:
    """The result of a measurement whose feature is not in the code yet."""
    return {"status": "not landed", "reason": why}


def _open(plan: Path) -> Any:
    from dxeditor.store.document import PlanDocument

    return PlanDocument.open(plan)


# ---------------------------------------------------------------- the tasks
OUTLINE_MODEL_CANDIDATES = [
    ("dxeditor.ui.outline_model", "OutlineModel"),
    ("dxeditor.ui.models.outline", "OutlineModel"),
]


def outline_model_class() -> tuple[Any, str]:
    """The main window's outline item model class (built from a DocumentController) when landed."""
    import importlib

    for module, name in OUTLINE_MODEL_CANDIDATES:
        try:
            return getattr(importlib.import_module(module), name), f"{module}.{name}"
        except (ImportError, AttributeError):
            continue
    return None, ""


def _gui_app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])


def task_open(plan: Path, repeat: int, work: Path) -> Result:
    """File → models ready: PlanDocument.open, then the outline model (or load_plan_view before it lands)."""
    from dxeditor.plan.readmodel import load_plan_view

    model_cls, where = outline_model_class()
    if model_cls is not None:
        from dxeditor.ui.undo import DocumentController

        _app = _gui_app()
    totals, opens, models = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = _open(plan)
        t1 = time.perf_counter()
        if model_cls is not None:
            model = model_cls(DocumentController(doc))
            model.rowCount()
        else:
            load_plan_view(doc.session.connection())
        t2 = time.perf_counter()
        totals.append(t2 - t0)
        opens.append(t1 - t0)
        models.append(t2 - t1)
        doc.close(keep_working_copy=False)
    label = "outline_model" if model_cls is not None else "plan_view"
    note = f"document + {where} (reads load_plan_view)" if model_cls is not None else \
        "outline model not landed: document + load_plan_view"
    return {"times": totals, "parts": {"document": summary(opens), label: summary(models)}, "note": note}


def task_save(plan: Path, repeat: int, work: Path) -> Result:
    """PlanDocument.save over an existing file (keeps .bak), like Ctrl+S."""
    doc = _open(plan)
    target = work / "saved.dxplan"
    shutil.copyfile(plan, target)
    times = []
    try:
        for _ in range(repeat):
            doc.mark_dirty()
            times.append(timed(lambda: doc.save(target))[0])
    finally:
        doc.close(keep_working_copy=False)
    return {"times": times}


def task_json_export(plan: Path, repeat: int, work: Path) -> Result:
    """export_json: the whole plan to a JSON file."""
    from dxeditor.formats.json.io import export_json

    doc = _open(plan)
    try:
        times = [timed(lambda: export_json(doc, work / "plan.json"))[0] for _ in range(repeat)]
    finally:
        doc.close(keep_working_copy=False)
    return {"times": times, "bytes": (work / "plan.json").stat().st_size}


def task_json_import(plan: Path, repeat: int, work: Path) -> Result:
    """import_json: parse, validate and load a JSON file into a new document."""
    from dxeditor.formats.json.io import export_json, import_json

    src = work / "plan.json"
    doc = _open(plan)
    export_json(doc, src)
    doc.close(keep_working_copy=False)
    times = []
    for _ in range(repeat):
        t, new = timed(lambda: import_json(src))
        times.append(t)
        new.close(keep_working_copy=False)
    return {"times": times}


def _move_bar_fn(bar: dict[str, Any], delta: int) -> tuple[Callable[[Any], Any], str]:
    """A Recorder function moving ``bar`` by ``delta`` months: the schedule service when landed."""
    try:
        from dxeditor.plan.ops import schedule
    except ImportError:
        schedule = None
    if schedule is not None:
        for name in ("move_bar", "move_bars", "shift_bar", "set_bar_span", "update_bar"):
            fn = getattr(schedule, name, None)
            if fn is None:
                continue
            if name == "move_bars":
                return (lambda rec, fn=fn: fn(rec, [bar["id"]], delta)), f"services.schedule.{name}"
            if name in ("set_bar_span", "update_bar"):
                return (lambda rec, fn=fn: fn(rec, bar["id"], start=bar["start"] + delta,
                                              end=bar["end"] + delta)), \
                    f"services.schedule.{name}"
            return (lambda rec, fn=fn: fn(rec, bar["id"], delta)), f"services.schedule.{name}"
    return (lambda rec: rec.update("bars", bar["id"], start=bar["start"] + delta, end=bar["end"] + delta)), \
        "services.schedule not landed: Recorder.update on the bar"


def _paint_counter() -> Any:
    """An event filter counting the paint events of the widget it is installed on."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return PaintCounter()


def _listeners(ctl: Any) -> tuple[Callable[[], None], str, Any]:
    """What reacts to ``controller.changed`` as in the program, and a function that repaints after a change.

    The real main window (outline + schedule view) when it has landed, else the outline model, else nothing.
    """
    app = _gui_app()
    try:
        from dxeditor.ui.main_window import MainWindow
        from dxeditor.ui.settings import Settings

        window = MainWindow(ctl, Settings())
        window.resize(1400, 800)
        window.show()
        app.processEvents()
        canvas = getattr(getattr(window, "schedule_view", None), "canvas", None)
        paints = _paint_counter()
        if canvas is not None:
            canvas.viewport().installEventFilter(paints)

        def repaint() -> None:
            # The program's own reaction: process events until idle, which paints what it
            # marked dirty (after a bar edit: the touched rows). Should it have painted nothing,
            # force a full viewport repaint so a paint is always part of the figure.
            paints.count = 0
            app.processEvents()
            if canvas is not None and not paints.count:
                canvas.viewport().repaint()

        where = ("main window; events processed until the schedule repainted what the edit touched"
                 if canvas is not None else "main window (no schedule view)")
        return repaint, where, window
    except Exception as exc:  # not landed or not constructible here: fall back to the outline model
        why = f"main window not usable ({type(exc).__name__}: {str(exc)[:80]})"
    model_cls, where = outline_model_class()
    if model_cls is None:
        return (lambda: None), why + "; no listener", None
    return app.processEvents, f"{why}; {where} listening, no repaint", model_cls(ctl)


def task_edit(plan: Path, repeat: int, work: Path) -> Result:
    """One bar move through DocumentController.execute, with the program's views refreshing; undo and redo."""
    from sqlalchemy import select

    from dxeditor.store import models as m
    from dxeditor.ui.undo import DocumentController

    _gui_app()
    doc = _open(plan)
    try:
        ctl = DocumentController(doc)
        t = m.Bar.__table__
        bar_id = doc.session.connection().execute(select(t.c.id).order_by(t.c.row_id, t.c.id)).scalars().first()
        how = ""

        def rounds(after: Callable[[], None]) -> tuple[list[float], list[float], list[float]]:
            nonlocal how
            moves, undos, redos = [], [], []
            for i in range(repeat):
                row = doc.session.connection().execute(select(t).where(t.c.id == bar_id)).mappings().one()
                fn, how = _move_bar_fn(dict(row), 1 if i % 2 == 0 else -1)
                moves.append(timed(lambda fn=fn: (ctl.execute("バーの移動", fn), after()))[0])
                undos.append(timed(lambda: (ctl.undo_stack.undo(), after()))[0])
                redos.append(timed(lambda: (ctl.undo_stack.redo(), after()))[0])
            return moves, undos, redos

        bare = rounds(lambda: None)
        repaint, where, _keep = _listeners(ctl)
        canvas = getattr(getattr(_keep, "schedule_view", None), "canvas", None)
        whole = (lambda: canvas.viewport().repaint()) if canvas is not None else repaint
        paints = [timed(whole)[0] for _ in range(repeat)]
        full = rounds(repaint)
    finally:
        doc.close(keep_working_copy=False)
    parts = {"command_only": summary(bare[0]), "repaint_only": summary(paints), "undo": summary(full[1]), "redo": summary(full[2]),
             "undo_command_only": summary(bare[1]), "redo_command_only": summary(bare[2])}
    return {"times": full[0], "parts": parts, "note": f"{how}; {where}"}


def _xlsx_export() -> tuple[Callable[[Any, Path], Any] | None, str]:
    try:
        from dxeditor.formats.xlsx.write.export import export_xlsx
    except ImportError as exc:
        return None, f"dxeditor.formats.xlsx.write.export: {exc}"
    try:
        from dxeditor.formats.xlsx.write.export import XlsxOptions
    except ImportError:
        return (lambda doc, out: export_xlsx(doc, out)), ""
    return (lambda doc, out: export_xlsx(doc, out, XlsxOptions())), ""


def xlsx_floor(source: Path, target: Path) -> float:
    """Seconds XlsxWriter (constant_memory) takes to write the cells of ``source`` again.

    The cells (values, one format per distinct fill) are read with openpyxl first; only
    the writing is timed. This is the floor for an .xlsx writer in Python.
    """
    import openpyxl
    import xlsxwriter

    wb = openpyxl.load_workbook(source, read_only=True)
    sheets: list[tuple[str, list[list[tuple[int, Any, str]]]]] = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                fill = getattr(getattr(c, "fill", None), "fgColor", None)
                rgb = getattr(fill, "rgb", None)
                if c.value is not None or (isinstance(rgb, str) and rgb not in ("00000000", "FFFFFFFF")):
                    cells.append((c.column - 1, c.value, rgb if isinstance(rgb, str) else ""))
            rows.append(cells)
        sheets.append((ws.title, rows))
    wb.close()
    t = time.perf_counter()
    out = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    formats: dict[str, Any] = {}
    for title, rows in sheets:
        ws = out.add_worksheet(title[:31])
        for r, cells in enumerate(rows):
            for c, value, rgb in cells:
                fmt = formats.get(rgb)
                if fmt is None:
                    props = {"border": 1, "text_wrap": True, "font_name": "BIZ UDゴシック", "font_size": 9}
                    if rgb and len(rgb) == 8:
                        props["bg_color"] = "#" + rgb[2:]
                    fmt = formats[rgb] = out.add_format(props)
                ws.write(r, c, value, fmt)
    out.close()
    return time.perf_counter() - t


def task_xlsx(plan: Path, repeat: int, work: Path) -> Result:
    """Our xlsx export, and the XlsxWriter constant_memory floor writing the same cells."""
    export, why = _xlsx_export()
    if export is None:
        return not_landed(why)
    doc = _open(plan)
    out = work / "plan.xlsx"
    try:
        times = [timed(lambda: export(doc, out))[0] for _ in range(repeat)]
    finally:
        doc.close(keep_working_copy=False)
    rss = peak_rss_mb()
    result: Result = {"times": times, "rss_mb": rss, "bytes": out.stat().st_size}
    if not (Path(__file__).parent / "bench_xlsx.py").exists():  # else bench_xlsx.py measures the floor
        floors = [xlsx_floor(out, work / "floor.xlsx") for _ in range(repeat)]
        result["parts"] = {"floor": summary(floors)}
    return result


def task_pdf(plan: Path, repeat: int, work: Path) -> Result:
    """Our PDF schedule export."""
    try:
        from dxeditor.publish.pdf import export as pdf_export
    except ImportError as exc:
        return not_landed(f"dxeditor.publish.pdf.export: {exc}")
    options = getattr(pdf_export, "PdfOptions", None)

    def run(doc: Any, out: Path) -> Any:
        if options is None:
            return pdf_export.export_pdf(doc, out)
        try:
            opts = options(kind="schedule")
        except TypeError:
            opts = options()
        return pdf_export.export_pdf(doc, out, opts)

    doc = _open(plan)
    out = work / "plan.pdf"
    try:
        times = [timed(lambda: run(doc, out))[0] for _ in range(repeat)]
    finally:
        doc.close(keep_working_copy=False)
    return {"times": times, "bytes": out.stat().st_size}


def task_workbook(plan: Path, repeat: int, work: Path) -> Result:
    """Write our workbook with the schedule sheet only (input of the LibreOffice reference, see
    :func:`soffice_convert`): the same table our PDF schedule export prints."""
    export, why = _xlsx_export()
    if export is None:
        return not_landed("needs our workbook: " + why)
    from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx

    doc = _open(plan)
    try:
        export_xlsx(doc, work / "plan.xlsx", XlsxOptions(sheets=("schedule",)))
    finally:
        doc.close(keep_working_copy=False)
    return {"times": [0.0], "path": str(work / "plan.xlsx")}


def pdf_process(plan: Path, repeat: int, work: Path) -> Result:
    """Our PDF schedule export as a user runs it from the command line: the whole process, timed from spawn."""
    work.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parent.parent
    cmd = [sys.executable, "-m", "dxeditor", "export", str(plan), "--format", "pdf", "--kind", "schedule",
           "-o", str(work / "plan.pdf")]
    times, peak = [], 0.0
    for _ in range(repeat):
        run = spawn_measured(cmd, child_env(work), root, 900)
        if run["code"] != 0:
            return {"status": "failed", "reason": f"exit {run['code']}: {run['stderr'][-200:]}"}
        times.append(run["seconds"])
        peak = max(peak, run["rss_mb"])
    return {"status": "ok", "times": times, "summary": summary(times), "rss_mb": peak,
            "note": "python -m dxeditor export --format pdf --kind schedule (whole process)"}


TASKS: dict[str, Callable[[Path, int, Path], Result]] = {
    "open": task_open, "save": task_save, "json_export": task_json_export, "json_import": task_json_import,
    "edit": task_edit, "xlsx": task_xlsx, "pdf": task_pdf, "workbook": task_workbook,
}


# ------------------------------------------------------------ parent side
def child_env(work: Path) -> dict[str, str]:
    """The environment of every child: offscreen Qt, private data and settings folders, the repo importable."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DXEDITOR_DATA_DIR=str(work / "data"),
               DXEDITOR_SETTINGS_DIR=str(work / "settings"))
    env["PYTHONPATH"] = os.pathsep.join([str(root), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def parse_result(stdout: str) -> Result | None:
    """The last JSON object printed, preferring a ``BENCH-RESULT`` line; also a whole-output JSON."""
    lines = stdout.strip().splitlines()
    for line in reversed(lines):
        if line.startswith(MARK):
            return dict(json.loads(line[len(MARK):]))
    try:
        whole = json.loads(stdout)
        if isinstance(whole, dict):
            return whole
    except ValueError:
        pass
    for line in reversed(lines):
        line = line.strip()
        if line.startswith("{"):
            try:
                return dict(json.loads(line))
            except ValueError:
                continue
    return None


def run_child(task: str, plan: Path, repeat: int, work: Path, timeout: float = 900) -> Result:
    """Run one task in a fresh interpreter and return its result (a failure is a result too)."""
    work.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "bench.measure", task, "--plan", str(plan), "--repeat", str(repeat),
           "--work", str(work)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=child_env(work),
                              cwd=Path(__file__).resolve().parent.parent)
    except subprocess.TimeoutExpired:
        return {"status": "failed", "reason": f"timed out after {timeout:.0f} s"}
    result = parse_result(proc.stdout)
    if result is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        return {"status": "failed", "reason": f"exit {proc.returncode}: {tail[0][:200]}"}
    return result


def soffice_convert(plan: Path, repeat: int, work: Path) -> Result:
    """LibreOffice headless converting our schedule sheet to PDF (what a user does today); peak RSS of soffice.

    Started from the (small) harness process: a child started by a big process inherits its
    peak RSS in ``ru_maxrss`` (vfork), which would hide soffice's own.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return not_landed("soffice is not installed")
    made = run_child("workbook", plan, 1, work)
    if made.get("status") != "ok":
        return made
    profile = (work / "lo-profile").absolute().as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
           "--outdir", str(work / "lo"), made["path"]]
    spawn_measured(cmd, dict(os.environ), None, 600)  # the first start creates the profile: not timed
    times, peak = [], 0.0
    for _ in range(repeat):
        run = spawn_measured(cmd, dict(os.environ), None, 600)
        if run["code"] != 0:
            return {"status": "failed", "reason": f"soffice exit {run['code']}: {run['stderr'][-200:]}"}
        times.append(run["seconds"])
        peak = max(peak, run["rss_mb"])
    if not (work / "lo" / "plan.pdf").exists():
        return {"status": "failed", "reason": "soffice wrote no PDF"}
    return {"status": "ok", "times": times, "summary": summary(times), "rss_mb": peak,
            "note": "peak RSS of soffice.bin"}


def main(argv: list[str] | None = None) -> int:
    """Child entry point: run one task, print ``BENCH-RESULT {json}``."""
    p = argparse.ArgumentParser(prog="python -m bench.measure")
    p.add_argument("task", choices=sorted(TASKS))
    p.add_argument("--plan", type=Path, required=True)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--work", type=Path, required=True)
    args = p.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    try:
        result = TASKS[args.task](args.plan, max(1, args.repeat), args.work)
    except Exception as exc:  # a benchmark reports a failure, it does not crash the harness
        result = {"status": "failed", "reason": f"{type(exc).__name__}: {exc}"[:300]}
    result.setdefault("status", "ok")
    result.setdefault("rss_mb", peak_rss_mb())
    if "times" in result:
        result["summary"] = summary(result["times"])
    print(MARK + json.dumps(result, ensure_ascii=False), flush=True)
    sys.stderr.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 can crash tearing down a live window


if __name__ == "__main__":
    sys.exit(main())
