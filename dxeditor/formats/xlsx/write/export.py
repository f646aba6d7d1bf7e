"""Excel export: the plan as a workbook an office can print and pass on as it is.

Sheets: 工程表 (the schedule table), 取組一覧, 成果目標, 担当課別, 用語集, and a hidden
``_dxeditor`` sheet holding the plan as JSON so the workbook imports back exactly. Every
sheet has its print setup done (paper, orientation, fit to one page wide, repeated title
rows, header and footer). User text is always written as a string, never a formula.

Written with XlsxWriter (fast, streaming XML); the file is built beside the target and
swapped in with ``os.replace``.
"""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import XlsxWriterException

from dxeditor import __version__
from dxeditor.core.atomic import write_atomic
from dxeditor.core.errors import DxError, PlanFileError, ProgressFn, check_progress
from dxeditor.core.fiscal import YearStyle
from dxeditor.core.perf import gc_paused
from dxeditor.formats.json.io import export_data
from dxeditor.formats.xlsx.text_cells import XLSXWRITER_OPTIONS
from dxeditor.formats.xlsx.write.schedule import SHEET_NAME as SCHEDULE
from dxeditor.formats.xlsx.write.schedule import UNIT_STEP, ScheduleSheet
from dxeditor.formats.xlsx.write.sheets import (
    DATA_SHEET,
    DEPT_COLUMNS,
    GLOSSARY_COLUMNS,
    INITIATIVE_COLUMNS,
    KPI_COLUMNS,
    department_rows,
    glossary_rows,
    initiative_rows,
    kpi_rows,
    write_data_sheet,
    write_table,
)
from dxeditor.formats.xlsx.write.style import FONT, FONT_SIZE, Formats, japanese_date, setup_print
from dxeditor.plan.data_view import view_from_data
from dxeditor.plan.readmodel import PlanView
from dxeditor.store.document import PlanDocument

log = logging.getLogger(__name__)

#: Sheet keys in workbook order, with their Japanese names.
SHEETS: dict[str, str] = {
    "schedule": SCHEDULE,
    "initiatives": "取組一覧",
    "kpis": "成果目標",
    "departments": "担当課別",
    "glossary": "用語集",
}
UNITS = tuple(UNIT_STEP)


def parse_sheets(text: str | None) -> tuple[str, ...]:
    """Sheet keys from a comma list of keys or Japanese names (None or empty: all sheets)."""
    if not text:
        return tuple(SHEETS)
    by_name = {v: k for k, v in SHEETS.items()}
    out: list[str] = []
    for part in text.replace("、", ",").split(","):
        name = part.strip()
        if not name:
            continue
        key = name if name in SHEETS else by_name.get(name)
        if key is None:
            raise DxError(
                f"シート「{name}」はありません（選べるもの: {', '.join(SHEETS.values())}）",
                f"No sheet {name!r} (choose from: {', '.join(SHEETS)})",
            )
        if key not in out:
            out.append(key)
    if not out:
        raise DxError("出力するシートを1つ以上指定してください。", "Choose at least one sheet.")
    return tuple(k for k in SHEETS if k in out)


@dataclass
class XlsxOptions:
    """What the export writes: sheets, year style (None = the plan's), paper, time unit, department year."""

    sheets: tuple[str, ...] = field(default_factory=lambda: tuple(SHEETS))
    year_style: str | None = None
    paper: str = "A3"
    unit: str = "year"
    dept_year: int | None = None
    embed_data: bool = True

    def __post_init__(self) -> None:
        if self.paper not in ("A3", "A4"):
            raise DxError(f"用紙サイズ「{self.paper}」は A3 か A4 で指定してください", f"Paper {self.paper!r}: A3 or A4")
        if self.unit not in UNITS:
            raise DxError(f"時間の単位「{self.unit}」は year / half / quarter / month のいずれかです",
                          f"Unit {self.unit!r}: year, half, quarter or month")
        if self.year_style is not None:
            try:
                YearStyle(self.year_style)
            except ValueError:
                styles = " / ".join(s.value for s in YearStyle)
                raise DxError(f"年の書き方「{self.year_style}」はありません（{styles}）",
                              f"Unknown year style {self.year_style!r} ({styles})") from None

    @classmethod
    def from_cli(cls, args: argparse.Namespace) -> XlsxOptions:
        """Options from ``dxeditor export`` arguments (paper, year_style, unit, dept_year, sheets)."""
        return cls(
            sheets=parse_sheets(getattr(args, "sheets", None)),
            year_style=getattr(args, "year_style", None),
            paper=getattr(args, "paper", None) or "A3",
            unit=getattr(args, "unit", None) or "year",
            dept_year=getattr(args, "dept_year", None),
        )


def build_workbook(path: Path, view: PlanView, data: dict[str, Any], opts: XlsxOptions,
                   progress: ProgressFn | None = None) -> list[str]:
    """Write the workbook for ``view``/``data`` to ``path`` (not atomic); returns warnings.

    ``progress(done, total)`` counts sheets; returning False stops with ``Cancelled``.
    """
    warnings: list[str] = []
    plan = view.plan
    style = opts.year_style or plan["year_style"] or "short"
    wb = xlsxwriter.Workbook(str(path), {
        **XLSXWRITER_OPTIONS,  # user text is written as text, never a formula, number or link
        "use_future_functions": False,
        # the Normal style (empty cells, anything without its own format) uses the house font too
        "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE},
    })
    try:
        fmt = Formats(wb)
        title = plan["title"] or "計画"
        wb.set_properties({
            "title": title,
            "subject": "工程表",
            "author": plan["municipality"] or "",
            "company": plan["municipality"] or "",
            "comments": f"dxeditor {__version__}",
        })
        printed = japanese_date(date.today(), style)
        steps = len(opts.sheets) + 1  # the sheets, then zipping the file
        check_progress(progress, 0, steps)
        for done, key in enumerate(opts.sheets, start=1):
            name = SHEETS[key]
            ws = wb.add_worksheet(name)
            if key == "schedule":
                sheet = ScheduleSheet(ws, fmt, view, unit=opts.unit, style=style, warnings=warnings, paper=opts.paper)
                first, last = sheet.write()
                landscape = True
            else:
                if key == "initiatives":
                    columns, rows = INITIATIVE_COLUMNS, initiative_rows(view, data, style)
                elif key == "kpis":
                    columns, rows = KPI_COLUMNS, kpi_rows(view, data, style)
                elif key == "departments":
                    columns, rows = DEPT_COLUMNS, department_rows(view, style)
                else:
                    columns, rows = GLOSSARY_COLUMNS, glossary_rows(data)
                first, last = write_table(ws, fmt, f"{title}　{name}", columns, rows, warnings)
                landscape = key in ("initiatives", "departments", "kpis")
            setup_print(ws, paper=opts.paper, landscape=landscape, title=title, sheet=name, printed=printed,
                        repeat=(first, last))
            check_progress(progress, done, steps)
        if opts.embed_data:
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            write_data_sheet(wb.add_worksheet(DATA_SHEET), payload, str(plan.get("uid") or ""))
        wb.worksheets()[0].activate()
    finally:
        wb.close()
        _release(wb)
    return warnings


def _release(wb: xlsxwriter.Workbook) -> None:
    """Let reference counting free a written workbook at once.

    Each worksheet keeps the workbook's ``add_format`` (a bound method), and the workbook its
    worksheets: a reference cycle that would keep every cell object alive until the cyclic
    collector comes round and walks them all.
    """
    for ws in wb.worksheets():
        vars(ws).pop("workbook_add_format", None)


def export_xlsx(doc: PlanDocument, out: Path, opts: XlsxOptions, progress: ProgressFn | None = None) -> list[str]:
    """Export ``doc`` as a workbook to ``out`` atomically; returns warnings (Japanese).

    ``progress(done, total)`` is told as sheets are written; returning False stops with
    :class:`~dxeditor.core.errors.Cancelled` and leaves no file (the temporary one is removed).
    """
    doc.session.commit()
    return export_xlsx_from(doc.session.connection(), out, opts, progress)


def export_xlsx_from(conn: Any, out: Path, opts: XlsxOptions, progress: ProgressFn | None = None) -> list[str]:
    """:func:`export_xlsx` reading the plan through ``conn`` (a worker thread's own connection)."""
    with gc_paused():
        # everything the export makes is freed (by reference counting) as _export returns,
        # before the collector is back: woken with it alive, its first pass would walk it all
        warnings = _export(conn, Path(out), opts, progress)
    log.info("workbook written: %s", out)
    return warnings


def _export(conn: Any, out: Path, opts: XlsxOptions, progress: ProgressFn | None) -> list[str]:
    data = export_data(conn)
    view = view_from_data(data, dept_fy=opts.dept_year)
    return write_atomic(out, lambda tmp: _write_workbook(tmp, view, data, opts, progress))


def _write_workbook(tmp: Path, view: PlanView, data: dict[str, Any], opts: XlsxOptions,
                    progress: ProgressFn | None) -> list[str]:
    try:
        return build_workbook(tmp, view, data, opts, progress)
    except XlsxWriterException as exc:  # e.g. the temporary file could not be created or zipped
        raise PlanFileError(f"書き出せません: {tmp} ({exc})", f"Cannot write: {tmp} ({exc})") from exc
