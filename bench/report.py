"""Figures beside their targets: the stdout table, the JSON figures and docs/performance.md.

:func:`figures` turns the raw results of a run into rows (figure, median, min, target,
verdict ✓ / ✗ / —, peak RSS); :func:`table` prints them; :func:`markdown` writes the page.
A figure whose feature has not landed, or whose script failed, keeps its row with the
reason, so the table always has every figure the issue asks for.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

RSS_LIMIT_MB = 250.0
EDIT_LIMIT_S = 0.016
OPEN_LIMIT_S = 0.3
START_FACTOR = 2.0
START_FACTOR_BIG = 3.0
#: Issue 20: interactive actions to the repaint, per plan size.
ACTION_LIMIT_S = {100: 0.016, 10_000: 0.016, 100_000: 0.100}
FIND_LIMIT_S = {100: 0.050, 10_000: 0.050, 100_000: 0.100}
SCROLL_FACTOR = 1.2
WINDOW_RSS_FACTOR = 3.0
EDITS = (("add_row", "add a row"), ("delete_row", "delete a row"), ("move_row", "move a row up"),
         ("indent_row", "indent a row"), ("rename_row", "rename a row"))
PAINT_FACTOR = 1.5
XLSX_FACTOR = 2.0
PDF_FACTOR = 0.35
#: Issue 19: time from a change on the server to its notification in another client, p95.
NOTIFY_P95_LIMIT_S = 0.100
OK, BAD, NONE = "✓", "✗", "—"


@dataclass
class Figure:
    """One row of the table."""

    key: str
    label: str
    median: float | None = None
    min: float | None = None
    unit: str = "s"
    target: str = ""
    verdict: str = NONE
    rss_mb: float | None = None
    rss_verdict: str = NONE
    note: str = ""


def _verdict(value: float | None, limit: float | None) -> str:
    if value is None or limit is None:
        return NONE
    return OK if value <= limit else BAD


def _median(result: dict[str, Any] | None, part: str | None = None) -> tuple[float | None, float | None]:
    if not result or result.get("status") != "ok":
        return None, None
    s = result.get("summary") if part is None else result.get("parts", {}).get(part)
    if not s:
        return None, None
    return s.get("median"), s.get("min")


def _why(result: dict[str, Any] | None) -> str:
    if not result:
        return "not measured"
    if result.get("status") == "ok":
        return str(result.get("note", ""))
    return f"{result.get('status')}: {result.get('reason', '')}"


def _measured(key: str, label: str, result: dict[str, Any] | None, *, part: str | None = None,
              limit: float | None = None, target: str = "", rss_limit: float | None = None) -> Figure:
    med, mn = _median(result, part)
    rss = result.get("rss_mb") if result and result.get("status") == "ok" else None
    return Figure(key, label, med, mn, "s", target or NONE, _verdict(med, limit), rss,
                  _verdict(rss, rss_limit) if rss_limit else NONE, _why(result) if part is None or med is None else "")


def figures(results: dict[str, Any]) -> list[Figure]:
    """Every figure of a run, in the order of the issue."""
    m = results["measurements"]
    sizes: list[int] = results["meta"]["sizes"]
    big = max(sizes)
    rss_big = RSS_LIMIT_MB if big >= 10_000 else None
    out: list[Figure] = []

    st = m.get("startup", {})
    bare_med, _ = _median(st.get("bare"))
    start_limit = START_FACTOR * bare_med if bare_med else None
    start_target = f"≤ {START_FACTOR:g}× bare = {start_limit:.3f} s" if start_limit else f"≤ {START_FACTOR:g}× bare"
    out.append(_measured("start.bare", "start: bare PySide6 window (floor)", st.get("bare"), target="reference"))
    out.append(_measured("start.splash", "start: dxeditor's splash painted (feedback only, not the target)",
                         st.get("demo"), part="splash", target="(part)"))
    out.append(_measured("start.demo", "start: dxeditor with the demo, main window painted", st.get("demo"),
                         limit=start_limit, target=start_target))
    start_size = results["meta"].get("start_size", big)
    big_limit = START_FACTOR_BIG * bare_med if bare_med else None
    out.append(_measured(f"start.rows_{start_size}",
                         f"start: dxeditor with {start_size:,} rows, outline and schedule painted",
                         st.get("big"), limit=big_limit,
                         target=f"≤ {START_FACTOR_BIG:g}× bare" + (f" = {big_limit:.3f} s" if big_limit else ""),
                         rss_limit=rss_big))
    for n in sizes:
        out.extend(_interactive_figures(m.get("interactive", {}).get(str(n)), n))

    for n in sizes:
        r = m.get("open", {}).get(str(n))
        is_big = n >= 10_000
        out.append(_measured(f"open.{n}", f"open {n:,} rows (file → models ready)", r,
                             limit=OPEN_LIMIT_S if is_big else None,
                             target=f"≤ {OPEN_LIMIT_S:g} s" if is_big else "", rss_limit=RSS_LIMIT_MB if is_big else None))
    for task, label in (("save", "save"), ("json_export", "JSON export"), ("json_import", "JSON import")):
        for n in sizes:
            out.append(_measured(f"{task}.{n}", f"{label} {n:,} rows", m.get(task, {}).get(str(n)),
                                 rss_limit=RSS_LIMIT_MB if n >= 10_000 else None))

    out.extend(_paint_figures(m.get("scripts", {}).get("bench_schedule_paint")))
    edit = m.get("edit", {}).get(str(big))
    ms = f"≤ {EDIT_LIMIT_S * 1000:g} ms"
    out.append(_measured(f"edit.move.{big}", f"bar move at {big:,} rows: command → views refreshed → repaint", edit,
                         limit=EDIT_LIMIT_S, target=ms, rss_limit=rss_big))
    out.append(_measured(f"edit.command.{big}", f"bar move at {big:,} rows: command only", edit,
                         part="command_only", target="(part)"))
    out.append(_measured(f"edit.repaint.{big}", f"whole schedule viewport repainted at {big:,} rows (no change)", edit,
                         part="repaint_only", target="(part)"))
    for part in ("undo", "redo"):
        out.append(_measured(f"edit.{part}.{big}", f"{part} of the bar move at {big:,} rows", edit, part=part,
                             limit=EDIT_LIMIT_S, target=ms + " (as an edit)"))

    out.extend(_xlsx_figures(m, big, rss_big))
    out.extend(_pdf_figures(m, results["meta"].get("pdf_size", big)))
    out.extend(_progress_figures(m.get("scripts", {}).get("bench_progress")))
    out.extend(_server_figures(m.get("scripts", {}).get("bench_server"), m.get("scripts", {}).get("bench_server_load")))
    return out


def _server_figures(push: dict[str, Any] | None, load: dict[str, Any] | None) -> list[Figure]:
    """A plan served from PostgreSQL (issue 19): push / pull at size, and many clients editing at once."""
    out = []
    for r in (_script_data(push) or {}).get("sizes", []):
        out.append(Figure(f"server.push.{r['rows']}", f"server: push a {r['rows']:,}-row plan", r["push_s"], None,
                          "s", NONE, note=f"pull {r['pull_s']:.2f} s, server export {r['export_s']:.2f} s; "
                                          "bench/bench_server.py"))
    if not out:
        out.append(Figure("server.push", "server: push a 10,000-row plan", note=_why(push)))
    data = _script_data(load)
    if data is None:
        out.append(Figure("server.notify_p95", "server: change → notification in another client, p95",
                          target="≤ 100 ms", note=_why(load)))
        return out
    who = f"{data['clients']} clients, {data['rows']:,}-row plan, {data['seconds']:g} s"
    notify = data.get("notify_ms", {})
    p95 = notify["p95"] / 1000 if notify.get("p95") is not None else None
    out += [
        Figure("server.edits", f"server: edits landed ({who})", None, None, "s", NONE,
               note=f"{data['edits']:,} edits, {data['edits_per_s']:,.0f}/s; stale {data['stale']}; "
                    "bench/bench_server_load.py"),
        Figure("server.lost", "server: lost updates", float(data["lost_updates"]), None, "count", "0",
               OK if data["lost_updates"] == 0 else BAD, note=f"missed notifications {data['missed_notifications']}"),
        Figure("server.notify_p95", "server: change → notification in another client, p95", p95, None, "s",
               f"≤ {NOTIFY_P95_LIMIT_S * 1000:.0f} ms", _verdict(p95, NOTIFY_P95_LIMIT_S),
               note=f"p50 {notify.get('p50')} ms, max {notify.get('max')} ms"),
        Figure("server.cpu_memory", "server: PostgreSQL CPU time and memory during the run", data["server_cpu_s"],
               None, "cpu-s", NONE, rss_mb=data.get("server_pss_mb"),
               note=f"{data['server_cpu_s']:.1f} CPU-s in {data['seconds']:g} s; memory is PSS of all its processes"),
    ]
    return out


def _progress_figures(script: dict[str, Any] | None) -> list[Figure]:
    """The progress view at 100 vs 10,000 lines and the progress report, from bench/bench_progress.py."""
    data = _script_data(script)
    if data is None:
        return [Figure("progress.ratio", "progress view paint, 10,000 / 100 lines", target=f"≤ {PAINT_FACTOR:g}×",
                       note=_why(script))]
    view, report = data.get("view", {}), data.get("report", {})
    sizes = view.get("sizes", {})
    keys = sorted(sizes, key=int)
    out = []
    for k in keys:
        f = sizes[k]
        out.append(Figure(f"progress.paint.{k}", f"progress view: ratings grid paint, {int(k):,} initiatives × 5 years",
                          f["ratings_paint_ms"] / 1000, None, "s", "reference" if k == keys[0] else NONE,
                          note=(f"KPI grid {f['kpis_paint_ms']:.1f} ms; opening the view {f['open_view_s']:.2f} s"
                                + ("; bench/bench_progress.py" if k == keys[0] else ""))))
    ratios = view.get("ratios", {})
    worst = max(ratios.values()) if ratios else None
    out.append(Figure("progress.ratio", "progress view paint, 10,000 / 100 lines (worst of 4)", worst, None, "×",
                      f"≤ {PAINT_FACTOR:g}×", _verdict(worst, PAINT_FACTOR),
                      note=", ".join(f"{k.replace('_ratio', '')} {v:.2f}×" for k, v in ratios.items())))
    ms = report.get("ms", {})
    if ms:
        ratio = report.get("report_pdf_vs_schedule_pdf")
        out.append(Figure("progress.report_pdf", f"progress report PDF, {report.get('rows', 0):,} rows",
                          ms["report_pdf"] / 1000, None, "s", NONE,
                          note=f"{report.get('initiatives')} initiatives, {report.get('kpis')} KPI charts; "
                               f"Excel report {ms['report_xlsx'] / 1000:.2f} s"))
        out.append(Figure("progress.report_ratio", "progress report PDF / schedule PDF (same plan, same run)", ratio,
                          None, "×", "≤ 2×", _verdict(ratio, 2.0),
                          note=f"schedule PDF {ms['schedule_pdf'] / 1000:.2f} s in the same run"))
    return out


def _limit_for(limits: dict[int, float], n: int) -> float:
    return limits[min(limits, key=lambda k: abs(k - n))]


def _interactive_figures(script: dict[str, Any] | None, n: int) -> list[Figure]:
    """bench/interactive.py at ``n`` rows: each action to the repaint against its target."""
    data = _script_data(script)
    if data is None:
        return [Figure(f"ui.{n}", f"window actions at {n:,} rows", note=_why(script))]
    out: list[Figure] = []
    act = _limit_for(ACTION_LIMIT_S, n)
    ms = f"≤ {act * 1000:g} ms"

    def fig(key: str, label: str, limit: float | None, target: str, note: str = "") -> None:
        v = data.get(key)
        if isinstance(v, dict):
            out.append(Figure(f"ui.{key}.{n}", label, v.get("median"), v.get("min"), "s", target,
                              _verdict(v.get("median"), limit), note=note))

    filtered = data.get("filter_visible_rows")
    for tag, what in (("", ""), ("_filtered", f", filter on ({filtered:,} rows shown)" if filtered else "")):
        for where in ("top", "bottom"):
            for key, label in EDITS:
                fig(f"{key}_{where}{tag}", f"{n:,} rows: {label} at the {where}{what}", act, ms)
                fig(f"undo_{key}_{where}{tag}", f"{n:,} rows: undo ({label}) at the {where}{what}", act, ms)
    fig("bar_move_bottom_filtered", f"{n:,} rows: bar move at the bottom, filter on", act, ms)
    find = _limit_for(FIND_LIMIT_S, n)
    fig("find_keystroke", f"{n:,} rows: find, per keystroke", find, f"≤ {find * 1000:g} ms",
        note=str(data.get("filter_matches", "")))
    fig("expand_all", f"{n:,} rows: expand all", act, ms)
    fig("scroll_page_top", f"{n:,} rows: scroll one page at the top", None, "reference")
    top, bottom = data.get("scroll_page_top"), data.get("scroll_page_bottom")
    fig("scroll_page_bottom", f"{n:,} rows: scroll one page at the bottom", None, "(part)")
    if isinstance(top, dict) and isinstance(bottom, dict) and top.get("median"):
        ratio = bottom["median"] / top["median"]
        out.append(Figure(f"ui.scroll_ratio.{n}", f"{n:,} rows: scroll frame, bottom / top", ratio, None, "×",
                          f"≤ {SCROLL_FACTOR:g}×", _verdict(ratio, SCROLL_FACTOR)))
    bare, window = data.get("bare_rss_mb"), data.get("window_rss_mb")
    if isinstance(bare, (int, float)) and isinstance(window, (int, float)) and bare:
        out.append(Figure(f"ui.rss_ratio.{n}", f"{n:,} rows: window memory / bare Qt window", window / bare, None,
                          "×", f"≤ {WINDOW_RSS_FACTOR:g}×", _verdict(window / bare, WINDOW_RSS_FACTOR),
                          window, note=f"bare {bare:.0f} MB, window {window:.0f} MB (RSS after the first paint)"))
    return out


def _script_data(script: dict[str, Any] | None) -> dict[str, Any] | None:
    return script.get("data") if script and script.get("status") == "ok" else None


def _paint_figures(script: dict[str, Any] | None) -> list[Figure]:
    """Viewport paint at 100 vs 10,000 rows, from bench/bench_schedule_paint.py (figures in ms)."""
    data = _script_data(script)
    if data is None:
        return [Figure("paint.ratio", "schedule viewport paint, 10,000 / 100 rows", target=f"≤ {PAINT_FACTOR:g}×",
                       note=_why(script))]
    paint = data.get("paint_ms", {})
    keys = sorted(paint, key=int) if isinstance(paint, dict) else []
    small = paint[keys[0]] / 1000 if keys else None
    large = paint[keys[-1]] / 1000 if keys else None
    ratio = _number(data, ("ratio",))
    rss = data.get("rss_mb", {}) if isinstance(data.get("rss_mb"), dict) else {}
    n_small, n_large = (f"{int(keys[0]):,}", f"{int(keys[-1]):,}") if keys else ("100", "10,000")
    scroll = _number(data, ("scroll_ratio",))
    return [
        Figure("paint.100", f"schedule viewport paint, {n_small} rows", small, None, "s", "reference",
               rss_mb=rss.get(keys[0]) if keys else None, note="bench/bench_schedule_paint.py"),
        Figure("paint.10000", f"schedule viewport paint, {n_large} rows", large, None, "s", NONE,
               rss_mb=rss.get(keys[-1]) if keys else None,
               rss_verdict=_verdict(rss.get(keys[-1]) if keys else None, RSS_LIMIT_MB)),
        Figure("paint.ratio", f"schedule viewport paint, {n_large} / {n_small} rows", ratio, None, "×",
               f"≤ {PAINT_FACTOR:g}×", _verdict(ratio, PAINT_FACTOR),
               note=f"after scrolling a page: {scroll:.2f}×" if scroll else ""),
    ]


def _xlsx_figures(m: dict[str, Any], big: int, rss_big: float | None) -> list[Figure]:
    """xlsx export against the XlsxWriter floor (bench/bench_xlsx.py when landed) and our run's peak RSS."""
    out: list[Figure] = []
    target = f"≤ {XLSX_FACTOR:g}× floor"
    own = m.get("xlsx", {}).get(str(big))
    med, mn = _median(own)
    rss = own.get("rss_mb") if own and own.get("status") == "ok" else None
    script = m.get("scripts", {}).get("bench_xlsx")
    data = _script_data(script)
    if data is not None:
        exp = _number(data, ("export_s",))
        floor = _number(data, ("floor_same_cells_all_sheets_s", "floor_constant_memory_s",
                               "schedule_floor_constant_memory_s", "floor_s"))
        limit = XLSX_FACTOR * floor if floor else None
        ratio = _number(data, ("ratio_export_to_floor_same_cells", "ratio_export_to_floor"))
        if ratio is None and exp and floor:
            ratio = exp / floor
        n = int(data.get("rows", big))
        cells = data.get("cells_all_sheets")
        out += [
            Figure("xlsx.floor", f"XlsxWriter constant_memory, same cells ({n:,} rows)", floor, target="reference",
                   note="bench/bench_xlsx.py" + (f": {cells:,} cells, all sheets" if isinstance(cells, int) else "")),
            Figure(f"xlsx.{big}", f"xlsx export {n:,} rows (all sheets)", exp, None, "s",
                   target + (f" = {limit:.2f} s" if limit else ""), _verdict(exp, limit),
                   note="bench/bench_xlsx.py (its own plan, one run)"),
            Figure("xlsx.ratio", "xlsx export / floor", ratio, None, "×", f"≤ {XLSX_FACTOR:g}×",
                   _verdict(ratio, XLSX_FACTOR)),
            Figure(f"xlsx.generated.{big}", f"xlsx export {big:,} rows, generated plan (own process)", med, mn, "s",
                   NONE, NONE, rss, _verdict(rss, rss_big) if rss_big else NONE,
                   "peak RSS of a process that opens the plan and exports it" if med else _why(own)),
        ]
        return out
    floor_med, floor_min = _median(own, "floor")
    limit = XLSX_FACTOR * floor_med if floor_med else None
    return [
        Figure("xlsx.floor", f"XlsxWriter constant_memory, cells of our workbook ({big:,} rows)", floor_med,
               floor_min, target="reference",
               note="every sheet's values and fills, re-written" if floor_med else
               (_why(own) if not own or own.get("status") != "ok" else "floor measured by bench/bench_xlsx.py")),
        Figure(f"xlsx.{big}", f"xlsx export {big:,} rows, generated plan (all sheets)", med, mn, "s",
               target + (f" = {limit:.2f} s" if limit else ""), _verdict(med, limit), rss,
               _verdict(rss, rss_big) if rss_big else NONE, _why(own)),
        Figure("xlsx.ratio", "xlsx export / floor", med / floor_med if med and floor_med else None, None, "×",
               f"≤ {XLSX_FACTOR:g}×", _verdict(med / floor_med if med and floor_med else None, XLSX_FACTOR)),
    ]


def _pdf_figures(m: dict[str, Any], n: int) -> list[Figure]:
    """PDF schedule export against LibreOffice converting our workbook; bench/bench_pdf.py beside it."""
    own = m.get("pdf_process", {}).get(str(n)) or m.get("pdf", {}).get(str(n))
    lo = m.get("soffice", {}).get(str(n))
    pdf_med, pdf_min = _median(own)
    lo_med, lo_min = _median(lo)
    limit = PDF_FACTOR * lo_med if lo_med else None
    ratio = pdf_med / lo_med if pdf_med and lo_med else None
    out = [
        Figure(f"soffice.{n}", f"LibreOffice: our schedule sheet → PDF ({n:,} rows, whole process)", lo_med, lo_min,
               target="reference",
               rss_mb=(lo or {}).get("rss_mb"), note=_why(lo)),
        Figure(f"pdf.{n}", f"pdf schedule export {n:,} rows (whole process)", pdf_med, pdf_min, "s",
               f"≤ {PDF_FACTOR:g}× LibreOffice" + (f" = {limit:.2f} s" if limit else ""), _verdict(pdf_med, limit),
               (own or {}).get("rss_mb") if own and own.get("status") == "ok" else None, NONE, _why(own)),
        Figure("pdf.ratio", "pdf export / LibreOffice", ratio, None, "×", f"≤ {PDF_FACTOR:g}×",
               _verdict(ratio, PDF_FACTOR)),
    ]
    script = m.get("scripts", {}).get("bench_pdf")
    data = _script_data(script)
    if data is None:
        out.append(Figure("pdf.script.ratio", "pdf / LibreOffice, bench/bench_pdf.py", target=f"≤ {PDF_FACTOR:g}×",
                          note=_why(script)))
        return out
    ms = _number(data, ("pdf_ms",))
    lo_ms = _number(data.get("soffice", {}) if isinstance(data.get("soffice"), dict) else {}, ("ms",))
    s_ratio = _number(data, ("ratio",))
    out += [
        Figure("pdf.script", f"pdf schedule export {int(data.get('rows', n)):,} rows (bench/bench_pdf.py, warm)",
               ms / 1000 if ms else None, (_number(data, ("pdf_ms_min",)) or 0) / 1000 or None, "s", NONE,
               rss_mb=(script or {}).get("rss_mb"),
               note=f"first call {(_number(data, ('pdf_ms_first_call',)) or 0) / 1000:.2f} s; "
                    f"{data.get('pages', '?')} pages"),
        Figure("pdf.script.ratio", "pdf / LibreOffice on an equivalent workbook (bench/bench_pdf.py)", s_ratio, None,
               "×", f"≤ {PDF_FACTOR:g}×", _verdict(s_ratio, PDF_FACTOR),
               note=f"LibreOffice {lo_ms / 1000:.2f} s (min)" if lo_ms else ""),
    ]
    return out


def _number(data: dict[str, Any], keys: tuple[str, ...]) -> float | None:
    for k in keys:
        v = data.get(k)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
    return None


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return NONE
    if unit == "count":
        return f"{value:,.0f}"
    if unit == "cpu-s":
        return f"{value:.1f} CPU-s"
    if unit == "×":
        return f"{value:.2f}×"
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.3f} s"


def _rows(figs: list[Figure]) -> list[list[str]]:
    rows = []
    for f in figs:
        rss = NONE if f.rss_mb is None else f"{f.rss_mb:.0f} MB" + (f" {f.rss_verdict}" if f.rss_verdict != NONE else "")
        rows.append([f.label, _fmt(f.median, f.unit), _fmt(f.min, f.unit), f.target or NONE, f.verdict, rss, f.note])
    return rows


HEAD = ["figure", "median", "min", "target", "met", "peak RSS", "note"]


def table(figs: list[Figure]) -> str:
    """A plain-text table for the terminal."""
    rows = [HEAD, *_rows(figs)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(HEAD) - 1)]
    lines = []
    for r in rows:
        cells = [r[i] + " " * (widths[i] - _width(r[i])) for i in range(len(widths))]
        lines.append("  ".join(cells) + ("  " + r[-1] if r[-1] else ""))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def figures_json(figs: list[Figure]) -> list[dict[str, Any]]:
    """The figures as plain dicts (for results.json)."""
    return [asdict(f) for f in figs]


def markdown(results: dict[str, Any], figs: list[Figure]) -> str:
    """docs/performance.md: how to run, the machine and its load, each figure beside its target."""
    meta = results["meta"]
    load = meta.get("loadavg_start", [])
    load_end = meta.get("loadavg_end", [])
    lines = [
        "# Performance",
        "",
        "Generated by `python -m bench --markdown` (or `python tasks.py bench --markdown`); do not edit by hand.",
        "Plans are generated by `bench/generate.py` (seeded, realistic: policies → pillars → initiatives with",
        "text, KPIs and SDGs; 1–4 bars per row; ~40 departments). Each measurement runs in its own process;",
        "times are the median and the minimum of the repetitions, peak RSS is that process's `VmHWM`.",
        "Benchmarks never decide whether the test suite passes.",
        "",
        "## Machine and run",
        "",
        f"- date: {meta.get('date')}",
        f"- machine: {meta.get('platform')}, {meta.get('cpu_count')} CPUs, {meta.get('memory_gb', '?')} GB RAM",
        f"- load average (1, 5, 15 min): {_load(load)} at the start, {_load(load_end)} at the end"
        + (" — **the machine was shared and busy: figures are noisy**" if load and load[0] >= 1.0 else ""),
        f"- Python {meta.get('python')}, PySide6 {meta.get('pyside6')} (Qt {meta.get('qt')}),"
        f" SQLAlchemy {meta.get('sqlalchemy')}, XlsxWriter {meta.get('xlsxwriter')}",
        f"- sizes: {', '.join(f'{n:,}' for n in meta.get('sizes', []))} schedule rows; repetitions: {meta.get('repeat')}"
        + (" (quick run)" if meta.get("quick") else ""),
        f"- commit: {meta.get('commit', '?')}; run took {meta.get('elapsed_s', 0):.0f} s",
        "- start-up runs with Python's bytecode cached (in the work folder, filled by one untimed start), as the",
        "  frozen program has it",
        "",
        "## Figures",
        "",
        "| " + " | ".join([*HEAD[:-1], "note"]) + " |",
        "|" + "---|" * len(HEAD),
    ]
    for r in _rows(figs):
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
    lines += [
        "",
        "✓ meets the target, ✗ misses it, — no target or not measured. RSS target: ≤ 250 MB with 10,000 rows.",
        "Targets (issues 9 and 20): start ≤ 2× the bare Qt window with the demo, ≤ 3× with 10,000 rows (outline",
        "and schedule painted); open 10,000 rows ≤ 0.3 s; viewport paint at 10,000 rows ≤ 1.5× at 100; window",
        "actions (`bench/interactive.py`: add / delete / move / indent / rename a row and undo, at the top and at",
        "the bottom, with and without a filter; bar move with a filter; expand all) ≤ 16 ms to the repaint up to",
        "10,000 rows and ≤ 100 ms at 100,000; find ≤ 50 ms per keystroke (≤ 100 ms at 100,000); a scrolled",
        "frame at the bottom ≤ 1.2× one at the top; window memory ≤ 3× the bare Qt window; xlsx ≤ 2× the",
        "XlsxWriter floor; PDF schedule ≤ 0.35× LibreOffice, both as whole processes on the schedule sheet only.",
        "Issue 19 (a plan served from PostgreSQL, a throwaway server on the same machine): 0 lost updates and a",
        "change's notification in another client at p95 ≤ 100 ms with 50 clients on a 10,000-row plan for 60 s.",
        "",
        "Raw figures (every repetition, parts, script output): `bench/out/results.json`.",
        "",
    ]
    return "\n".join(lines)


def _load(load: list[float]) -> str:
    return ", ".join(f"{x:.2f}" for x in load) if load else "?"
