"""Department inquiry (照会) and answer (回答) workbooks.

The DX office exports one workbook per department holding that department's schedule
rows, bars and KPIs. The cells the department may change are unlocked, everything else
is protected; phases, years and statuses are drop-down lists. A very hidden sheet binds
the workbook to the plan, the department and every row, and keeps the protected values
so that tampering shows. Returned workbooks are validated as a whole (right plan, rows
still exist, values valid, protected content untouched); a workbook that fails changes
nothing and says why. What passes becomes a field-by-field preview (old → new) and the
accepted changes are applied as one undoable change.

Size: the inquiry workbook written and its answer read back in one place, so that the binding sheet's format is defined once; file names and the progress sheet are their own modules.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.atomic import write_atomic
from dxeditor.core.errors import ImportFormatError, ProgressFn, ValidationError, check_progress
from dxeditor.core.fiscal import (
    MAX_FY,
    MIN_FY,
    FiscalYearError,
    format_fy,
    format_month,
    fy_end,
    fy_of,
    fy_start,
    parse_fy,
)
from dxeditor.exchange import progress_sheet
from dxeditor.exchange.file_names import inquiry_file_names, safe_name
from dxeditor.formats.xlsx.read.precheck import ANSWER_LIMITS, check_workbook_file, load_workbook_bytes
from dxeditor.formats.xlsx.text_cells import cell_text, hidden_list_range, set_text, written_line
from dxeditor.plan.changes import Recorder
from dxeditor.plan.department_names import department_names
from dxeditor.plan.ops.outline import MAX_TEXT
from dxeditor.plan.ops.schedule import MAX_LABEL
from dxeditor.store import models as m

log = logging.getLogger(__name__)

__all__ = ["AnswerCheck", "FieldChange", "apply_answers", "build_inquiry", "check_answer", "export_all",
           "export_inquiry", "inquiry_file_names", "safe_name"]

BIND_SHEET = "_dxeditor"
BARS_SHEET = "工程"
PROGRESS_SHEET = "進捗"
KPI_SHEET = "成果目標"
HEADER_ROW = 4  # rows 1–3: title, department, instructions
MAX_VALUE = 1e15  # a KPI actual beyond this is a typing slip, not a measurement

BAR_COLS = ["行ID", "工程ID", "取組", "工程表の行", "工程（内容）", "種類", "開始年度", "終了年度"]
BAR_EDITABLE = {"工程（内容）": "label", "種類": "phase", "開始年度": "start", "終了年度": "end"}
PROGRESS_COLS = ["行ID", "取組", "工程表の行", "状況", "コメント"]
PROGRESS_EDITABLE = {"状況": "status", "コメント": "comment"}
KPI_COLS = ["成果目標ID", "取組", "成果目標", "目標値", "単位", "実績値", "備考"]
KPI_EDITABLE = {"実績値": "value", "備考": "note"}
FIELD_NAMES = {"label": "工程（内容）", "phase": "種類", "start": "開始", "end": "終了", "status": "状況",
               "comment": "コメント", "value": "実績値", "note": "備考", **progress_sheet.FIELD_NAMES}


@dataclass
class FieldChange:
    """One answered field: where it is, its value now and the department's value."""

    department: str
    sheet: str
    entity: str  # bars / progress / kpi_actuals
    entity_id: int  # bar id, row id or kpi id
    field: str
    title: str  # what a person recognises (row or KPI title)
    old: Any
    new: Any
    accepted: bool = True

    @property
    def field_name(self) -> str:
        """The field as the workbook names it (工程（内容）, 開始 …)."""
        return FIELD_NAMES.get(self.field, self.field)

    def shown(self, value: Any) -> str:
        """A value as people read it: months as 令和6年3月, statuses by name."""
        if self.field in ("start", "end") and isinstance(value, int):
            return format_month(value)
        if self.field == "status":
            return m.PROGRESS_STATUSES.get(str(value), str(value or ""))
        return "" if value is None else str(value)

    def describe(self) -> str:
        return (f"{self.department}「{self.title}」{self.field_name}: "
                f"{self.shown(self.old) or '（空）'} → {self.shown(self.new) or '（空）'}")


@dataclass
class AnswerCheck:
    """The result of validating one returned workbook."""

    path: Path
    department_id: int | None = None
    department: str = ""
    fiscal_year: int = 0
    changes: list[FieldChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# ---------------------------------------------------------------------- export
def _dept_scope(conn: Connection, dept_id: int) -> tuple[list[Any], list[Any]]:
    """The schedule rows and KPIs a department answers for (its own or its initiatives')."""
    own_rows = set(conn.execute(select(m.RowDepartment.row_id).where(m.RowDepartment.department_id == dept_id))
                   .scalars())
    own_inits = set(conn.execute(select(m.InitiativeDepartment.initiative_id)
                                 .where(m.InitiativeDepartment.department_id == dept_id)).scalars())
    rows = conn.execute(
        select(m.ScheduleRow.id, m.ScheduleRow.title, m.ScheduleRow.initiative_id, m.Initiative.title.label("init"))
        .join(m.Initiative, m.Initiative.id == m.ScheduleRow.initiative_id)
        .order_by(m.Initiative.position, m.Initiative.id, m.ScheduleRow.position, m.ScheduleRow.id)
    ).all()
    rows = [r for r in rows if r.id in own_rows or r.initiative_id in own_inits]
    kpis = conn.execute(
        select(m.Kpi.id, m.Kpi.name, m.Kpi.target_value, m.Kpi.target_text, m.Kpi.unit, m.Kpi.initiative_id,
               m.Initiative.title.label("init"))
        .join(m.Initiative, m.Initiative.id == m.Kpi.initiative_id)
        .order_by(m.Initiative.position, m.Kpi.position)
    ).all()
    kpis = [k for k in kpis if k.initiative_id in own_inits]
    return rows, kpis


def _digest(values: list[Any]) -> str:
    values = ["" if v is None else v for v in values]  # an empty cell reads back as None (a KPI without unit)
    return hashlib.sha256(json.dumps(values, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


def export_inquiry(conn: Connection, dept_id: int, out: Path, *, fiscal_year: int) -> Path:
    """Write the inquiry workbook of one department for answers about ``fiscal_year``."""
    wb = build_inquiry(conn, dept_id, fiscal_year=fiscal_year)
    write_atomic(out, wb.save)
    return out


def build_inquiry(conn: Connection, dept_id: int, *, fiscal_year: int) -> Any:
    """The inquiry workbook (openpyxl, in memory) of one department for answers about ``fiscal_year``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    plan = conn.execute(select(m.Plan.__table__)).mappings().one()
    names = department_names(conn, fiscal_year)
    if dept_id not in names:
        raise ValidationError(f"部署 {dept_id} がありません", f"no department {dept_id}")
    dept = names[dept_id]
    rows, kpis = _dept_scope(conn, dept_id)
    years = [format_fy(fy, "wareki") for fy in range(plan["period_start_fy"], plan["period_end_fy"] + 6)]
    phases = conn.execute(select(m.Phase.key, m.Phase.name).order_by(m.Phase.position)).all()
    phase_name = {p.key: p.name for p in phases}
    statuses = list(m.PROGRESS_STATUSES.values())
    font = Font(name="BIZ UDゴシック", size=10)
    bold = Font(name="BIZ UDゴシック", size=10, bold=True)
    open_fill = PatternFill("solid", fgColor="FFF6D5")
    wb = Workbook()
    binding: dict[str, Any] = {"plan_uid": plan["uid"], "department_id": dept_id, "fiscal_year": fiscal_year,
                               "bars": {}, "rows": {}, "kpis": {}}

    def sheet(ws: Any, title: str, cols: list[str], editable: dict[str, str], lines: list[list[Any]]) -> None:
        ws.title = title
        set_text(ws["A1"], f"{plan['title']}　照会（{format_fy(fiscal_year, 'wareki')}）")
        ws["A1"].font = Font(name="BIZ UDゴシック", size=14, bold=True)
        set_text(ws["A2"], f"回答部署: {dept}")
        ws["A2"].font = bold
        ws["A3"] = "黄色のセルだけを入力してください。行の追加・削除や、他のセルの変更はしないでください。"
        ws["A3"].font = font
        for c, name in enumerate(cols, start=1):
            cell = ws.cell(HEADER_ROW, c, name)
            cell.font = bold
        for r, line in enumerate(lines, start=HEADER_ROW + 1):
            for c, value in enumerate(line, start=1):
                cell = ws.cell(r, c)
                if isinstance(value, str):
                    set_text(cell, value)  # user text stays text (never a formula)
                else:
                    cell.value = value
                cell.font = font
                if cols[c - 1] in editable:
                    cell.protection = Protection(locked=False)
                    cell.fill = open_fill
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for c, name in enumerate(cols, start=1):
            width = 8 if name.endswith("ID") else 14 if name in ("種類", "開始年度", "終了年度", "状況", "単位") else 30
            ws.column_dimensions[ws.cell(HEADER_ROW, c).column_letter].width = width
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4

    def validation(ws: Any, col: int, values: list[str], n: int) -> None:
        if n == 0:
            return
        # always a range on the hidden sheet, never an inline "a,b" list: a phase name holding
        # a quote or a comma would break out of (or split) an inline list
        formula = hidden_list_range(wb, values)
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                            errorTitle="入力できない値です", error="一覧から選んでください。")
        letter = ws.cell(HEADER_ROW, col).column_letter
        dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + n}")
        ws.add_data_validation(dv)

    bar_lines = []
    row_ids = [r.id for r in rows]
    bars = conn.execute(select(m.Bar.__table__).where(m.Bar.row_id.in_(row_ids)).order_by(m.Bar.row_id, m.Bar.lane,
                                                                                          m.Bar.start)).mappings()
    row_by_id = {r.id: r for r in rows}
    for b in bars:
        r = row_by_id[b["row_id"]]
        line = written_line([r.id, b["id"], r.init, r.title, b["label"], phase_name.get(b["phase"], b["phase"]),
                         format_fy(fy_of(b["start"]), "wareki"), format_fy(fy_of(b["end"]), "wareki")])
        bar_lines.append(line)
        binding["bars"][str(b["id"])] = {"row": r.id, "locked": _digest(line[:4]), "values": line[4:],
                                         "start": b["start"], "end": b["end"], "phase": b["phase"]}
    ws = wb.active
    sheet(ws, BARS_SHEET, BAR_COLS, BAR_EDITABLE, bar_lines)
    validation(ws, 6, [cell_text(p.name) for p in phases], len(bar_lines))
    validation(ws, 7, years, len(bar_lines))
    validation(ws, 8, years, len(bar_lines))

    progress = {p.row_id: p for p in conn.execute(
        select(m.Progress.__table__).where(m.Progress.fiscal_year == fiscal_year, m.Progress.row_id.in_(row_ids))
    )} if row_ids else {}  # plain rows: an ORM select on a Connection gives ids from .scalars()
    prog_lines = []
    for r in rows:
        p = progress.get(r.id)
        status = m.PROGRESS_STATUSES.get(p.status, "") if p else ""
        line = written_line([r.id, r.init, r.title, status, p.comment if p else ""])
        prog_lines.append(line)
        binding["rows"][str(r.id)] = {"locked": _digest(line[:3]), "values": line[3:]}
    ws = wb.create_sheet()
    sheet(ws, PROGRESS_SHEET, PROGRESS_COLS, PROGRESS_EDITABLE, prog_lines)
    validation(ws, 4, statuses, len(prog_lines))

    kpi_lines = []
    actuals = {a.kpi_id: a for a in conn.execute(select(m.KpiActual).where(m.KpiActual.fiscal_year == fiscal_year))}
    for k in kpis:
        a = actuals.get(k.id)
        target = k.target_text or ("" if k.target_value is None else _num(k.target_value))
        line = written_line([k.id, k.init, k.name, target, k.unit,
                         None if a is None or a.value is None else _num(a.value), a.note if a else ""])
        kpi_lines.append(line)
        binding["kpis"][str(k.id)] = {"locked": _digest(line[:5]), "values": line[5:]}
    ws = wb.create_sheet()
    sheet(ws, KPI_SHEET, KPI_COLS, KPI_EDITABLE, kpi_lines)
    progress_sheet.add_number_check(ws, 6, HEADER_ROW + 1, HEADER_ROW + len(kpi_lines))
    progress_sheet.write_sheet(wb, conn, dept_id, dept, fiscal_year, binding)

    bind = wb.create_sheet(BIND_SHEET)
    text = json.dumps(binding, ensure_ascii=False)
    for i in range(0, len(text), 30000):
        bind.cell(i // 30000 + 1, 1, text[i:i + 30000]).data_type = "s"
    bind.sheet_state = "veryHidden"
    bind.protection.sheet = True
    wb.properties.title = cell_text(f"{plan['title']} 照会 {dept}")[:255]
    wb.properties.creator = cell_text(plan["municipality"] or "dxeditor")[:255]
    return wb


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def export_all(conn: Connection, dept_ids: list[int], folder: Path, *, fiscal_year: int,
               progress: ProgressFn | None = None) -> list[Path]:
    """One inquiry workbook per department into ``folder``, each under its own name.

    Every workbook is built before the first is written: a department that cannot be
    exported leaves no files behind. ``progress(done, total)`` is told after each workbook is
    built; returning False stops the run with :class:`~dxeditor.core.errors.Cancelled`
    before anything is written.
    """
    dept_ids = list(dict.fromkeys(dept_ids))  # a department named twice is exported once
    file_names = inquiry_file_names(conn, dept_ids, fiscal_year=fiscal_year)
    check_progress(progress, 0, len(dept_ids))
    books = []
    for n, d in enumerate(dept_ids, start=1):
        books.append((folder / file_names[d], build_inquiry(conn, d, fiscal_year=fiscal_year)))
        check_progress(progress, n, len(dept_ids))
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for path, wb in books:
        write_atomic(path, wb.save)
        out.append(path)
        log.info("inquiry workbook written: %s", path)
    return out


# ---------------------------------------------------------------------- import
def _open_workbook(path: Path) -> Any:
    """The answer workbook, read-only, after the checks every workbook read passes."""
    check_workbook_file(path, ANSWER_LIMITS)
    try:
        return load_workbook_bytes(path, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        log.warning("unreadable workbook %s", path, exc_info=True)
        raise ImportFormatError(f"ブックが壊れているため読めません（{type(exc).__name__}）。",
                                f"The workbook is damaged ({type(exc).__name__}).", where=str(path)) from None


def sheet_rows(wb: Any, title: str, **bounds: int) -> list[tuple[Any, ...]]:
    """The cell values of a sheet, row by row; a damaged sheet part is refused with its name.

    A read-only workbook parses a sheet's XML only now, while its rows are read."""
    try:
        return list(wb[title].iter_rows(values_only=True, **bounds))
    except Exception as exc:  # XML, zip or value errors of a damaged part, as openpyxl raises them
        raise ImportFormatError(f"シート「{title}」が壊れているため読めません（{type(exc).__name__}）。",
                                f"Sheet {title!r} is damaged ({type(exc).__name__}).") from None


def _binding(wb: Any) -> dict[str, Any] | None:
    """The binding sheet's data, or None when it is missing or not in the shape this module writes."""
    if BIND_SHEET not in wb.sheetnames:
        return None
    text = "".join(str(row[0] or "") for row in sheet_rows(wb, BIND_SHEET, min_col=1, max_col=1) if row)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("plan_uid"), str):
        return None
    if not all(type(data.get(k)) is int for k in ("department_id", "fiscal_year")):
        return None
    for kind, n in (("bars", 4), ("rows", 2), ("kpis", 2), ("reviews", len(progress_sheet.EDITABLE))):
        entries = data.get(kind)
        if kind == "reviews" and entries is None:
            continue  # a workbook written before the progress sheet existed
        if not isinstance(entries, dict):
            return None
        for info in entries.values():
            if not (isinstance(info, dict) and isinstance(info.get("locked"), str)
                    and isinstance(info.get("values"), list) and len(info["values"]) == n):
                return None
            if kind == "bars" and not all(type(info.get(k)) is int for k in ("start", "end")):
                return None
    return data


def _read_lines(wb: Any, title: str, cols: list[str], check: AnswerCheck) -> list[tuple[int, dict[str, Any]]]:
    if title not in wb.sheetnames:
        check.errors.append(f"シート「{title}」がありません")
        return []
    out = []
    header: list[Any] = []
    for r, values in enumerate(sheet_rows(wb, title, min_row=HEADER_ROW, max_col=len(cols)), start=HEADER_ROW):
        values = list(values) + [None] * (len(cols) - len(values))
        if r == HEADER_ROW:
            header = values
            if header != cols:
                break
            continue
        if all(v in (None, "") for v in values):
            continue
        out.append((r, dict(zip(cols, values, strict=True))))
    if header != cols:
        check.errors.append(f"シート「{title}」の見出し行が変更されています")
        return []
    return out


def check_answer(conn: Connection, path: Path, expected_fy: int | None = None) -> AnswerCheck:
    """Validate a returned workbook against the plan (and the year asked about); nothing is changed."""
    check = AnswerCheck(Path(path))
    wb = _open_workbook(Path(path))
    try:
        try:
            _check(conn, wb, check, expected_fy)
        except ImportFormatError as exc:
            exc.where = exc.where or str(path)
            raise
    finally:
        wb.close()  # a read-only workbook keeps its file open (and locked on Windows) until closed
    if check.errors:
        check.changes = []
    elif not check.changes:
        check.warnings.append("変更はありません")
    return check


def _check(conn: Connection, wb: Any, check: AnswerCheck, expected_fy: int | None = None) -> None:
    bind = _binding(wb)
    plan = conn.execute(select(m.Plan.__table__)).mappings().one()
    if bind is None:
        if BIND_SHEET in wb.sheetnames:
            check.errors.append("照会情報のシートが壊れています（この計画から書き出した照会ブックで回答してください）")
        else:
            check.errors.append("この計画の照会ブックではありません（照会情報のシートがありません）")
        return
    if bind.get("plan_uid") != plan["uid"]:
        check.errors.append("別の計画の照会ブックです")
        return
    fy = bind["fiscal_year"]
    if not MIN_FY <= fy <= MAX_FY:
        check.errors.append(f"照会情報の年度 {fy} が範囲外です")
        return
    check.fiscal_year = fy
    names = department_names(conn, fy)
    check.department_id = bind["department_id"]
    check.department = names.get(check.department_id, f"部署{check.department_id}")
    if check.department_id not in names:
        check.errors.append(f"部署 {check.department_id} は計画にありません")
    phases = {name: key for key, name in conn.execute(select(m.Phase.key, m.Phase.name))}
    status_keys = {v: k for k, v in m.PROGRESS_STATUSES.items()}
    bars = {b["id"]: b for b in conn.execute(select(m.Bar.__table__)).mappings()}
    row_titles = dict(conn.execute(select(m.ScheduleRow.id, m.ScheduleRow.title)).all())
    kpis = dict(conn.execute(select(m.Kpi.id, m.Kpi.name)).all())
    dept = check.department

    def where(sheet: str, r: int) -> str:
        return f"{sheet} {r}行目"

    seen: set[str] = set()
    for r, line in _read_lines(wb, BARS_SHEET, BAR_COLS, check):
        key = str(line["工程ID"])
        info = bind["bars"].get(key)
        seen.add("b" + key)
        if info is None:
            check.errors.append(f"{where(BARS_SHEET, r)}: 照会していない工程です（行の追加や ID の変更はできません）")
            continue
        if _digest([line[c] for c in BAR_COLS[:4]]) != info["locked"]:
            check.errors.append(f"{where(BARS_SHEET, r)}: 保護されている内容（取組・行の名称や ID）が変更されています")
            continue
        bar_id = int(key)
        if bar_id not in bars:
            check.errors.append(f"{where(BARS_SHEET, r)}: この工程は計画から削除されています")
            continue
        bar = bars[bar_id]
        old_vals = info["values"]
        label = "" if line["工程（内容）"] is None else str(line["工程（内容）"])
        if len(label) > MAX_LABEL:
            check.errors.append(f"{where(BARS_SHEET, r)}: 工程（内容）が長すぎます（{len(label):,} 文字、上限 {MAX_LABEL:,} 文字）")
            continue
        phase_text = "" if line["種類"] is None else str(line["種類"])
        if phase_text and phase_text not in phases:
            check.errors.append(f"{where(BARS_SHEET, r)}: 種類「{phase_text}」は一覧にありません")
            continue
        try:
            start = _year_cell(line["開始年度"], old_vals[2], bar["start"], True)
            end = _year_cell(line["終了年度"], old_vals[3], bar["end"], False)
        except FiscalYearError as exc:
            check.errors.append(f"{where(BARS_SHEET, r)}: {exc.ja}")
            continue
        if end < start:
            check.errors.append(f"{where(BARS_SHEET, r)}: 終了年度が開始年度より前です")
            continue
        title = row_titles.get(bar["row_id"], "")
        # a change is what the department typed over the exported value, and differs from the plan now
        if label != (old_vals[0] or "") and label != (bar["label"] or ""):
            check.changes.append(FieldChange(dept, BARS_SHEET, "bars", bar_id, "label", title, bar["label"], label))
        if phase_text != (old_vals[1] or "") and phases.get(phase_text, "") != (bar["phase"] or ""):
            check.changes.append(FieldChange(dept, BARS_SHEET, "bars", bar_id, "phase", title, bar["phase"],
                                             phases.get(phase_text, "")))
        if start != bar["start"]:
            check.changes.append(FieldChange(dept, BARS_SHEET, "bars", bar_id, "start", title, bar["start"], start))
        if end != bar["end"]:
            check.changes.append(FieldChange(dept, BARS_SHEET, "bars", bar_id, "end", title, bar["end"], end))
    for r, line in _read_lines(wb, PROGRESS_SHEET, PROGRESS_COLS, check):
        key = str(line["行ID"])
        info = bind["rows"].get(key)
        seen.add("r" + key)
        if info is None:
            check.errors.append(f"{where(PROGRESS_SHEET, r)}: 照会していない行です")
            continue
        if _digest([line[c] for c in PROGRESS_COLS[:3]]) != info["locked"]:
            check.errors.append(f"{where(PROGRESS_SHEET, r)}: 保護されている内容が変更されています")
            continue
        if int(key) not in row_titles:
            check.errors.append(f"{where(PROGRESS_SHEET, r)}: この行は計画から削除されています")
            continue
        status = "" if line["状況"] is None else str(line["状況"])
        if status and status not in status_keys:
            check.errors.append(f"{where(PROGRESS_SHEET, r)}: 状況「{status}」は一覧にありません")
            continue
        comment = "" if line["コメント"] is None else str(line["コメント"])
        if len(comment) > MAX_TEXT:
            check.errors.append(f"{where(PROGRESS_SHEET, r)}: コメントが長すぎます（{len(comment):,} 文字、上限 {MAX_TEXT:,} 文字）")
            continue
        title = row_titles[int(key)]
        if status != (info["values"][0] or ""):
            check.changes.append(FieldChange(dept, PROGRESS_SHEET, "progress", int(key), "status", title,
                                             info["values"][0], status_keys.get(status, "")))
        if comment != (info["values"][1] or ""):
            check.changes.append(FieldChange(dept, PROGRESS_SHEET, "progress", int(key), "comment", title,
                                             info["values"][1], comment))
    for r, line in _read_lines(wb, KPI_SHEET, KPI_COLS, check):
        key = str(line["成果目標ID"])
        info = bind["kpis"].get(key)
        seen.add("k" + key)
        if info is None:
            check.errors.append(f"{where(KPI_SHEET, r)}: 照会していない成果目標です")
            continue
        if _digest([line[c] for c in KPI_COLS[:5]]) != info["locked"]:
            check.errors.append(f"{where(KPI_SHEET, r)}: 保護されている内容が変更されています")
            continue
        if int(key) not in kpis:
            check.errors.append(f"{where(KPI_SHEET, r)}: この成果目標は計画から削除されています")
            continue
        value = line["実績値"]
        if isinstance(value, str):
            try:
                value = float(value.replace(",", "").strip()) if value.strip() else None
            except ValueError:
                value = "?"
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                  or not math.isfinite(value) or abs(value) > MAX_VALUE):
            check.errors.append(f"{where(KPI_SHEET, r)}: 実績値「{cell_text(line['実績値'])[:40]}」が数値ではありません")
            continue
        note = "" if line["備考"] is None else str(line["備考"])
        if len(note) > MAX_TEXT:
            check.errors.append(f"{where(KPI_SHEET, r)}: 備考が長すぎます（{len(note):,} 文字、上限 {MAX_TEXT:,} 文字）")
            continue
        if value != info["values"][0]:
            check.changes.append(FieldChange(dept, KPI_SHEET, "kpi_actuals", int(key), "value", kpis[int(key)],
                                             info["values"][0], value))
        if note != (info["values"][1] or ""):
            check.changes.append(FieldChange(dept, KPI_SHEET, "kpi_actuals", int(key), "note", kpis[int(key)],
                                             info["values"][1], note))
    progress_sheet.check_sheet(wb, conn, bind, check, expected_fy)
    missing = ([f"b{k}" for k in bind["bars"]] + [f"r{k}" for k in bind["rows"]] + [f"k{k}" for k in bind["kpis"]])
    lost = [k for k in missing if k not in seen]
    if lost and not check.errors:
        check.errors.append(f"照会した行が {len(lost)} 行削除されています")


def _year_cell(value: Any, exported: Any, current: int, start: bool) -> int:
    """A year cell back to a month index (unchanged text keeps the exact month)."""
    if value == exported:
        return current
    if value is None or str(value).strip() == "":
        raise FiscalYearError("年度が空欄です", "the year is empty")
    fy = parse_fy(str(value)) if not isinstance(value, int) else value
    if not 1989 <= fy <= 2100:
        raise FiscalYearError(f"年度 {fy} は範囲外です", f"fiscal year {fy} out of range")
    return fy_start(fy) if start else fy_end(fy)


def apply_answers(rec: Recorder, changes: list[FieldChange], fiscal_year: int) -> int:
    """Apply the accepted changes (one undoable change); returns how many fields changed."""
    n = 0
    for c in changes:
        if not c.accepted:
            continue
        if c.entity == "bars":
            rec.update("bars", c.entity_id, **{c.field: c.new})
        elif c.entity == "progress":
            row = rec.conn.execute(select(m.Progress.id).where(m.Progress.row_id == c.entity_id,
                                                               m.Progress.fiscal_year == fiscal_year)).scalar()
            if row is None:
                row = rec.insert("progress", row_id=c.entity_id, fiscal_year=fiscal_year, status="", comment="")
            rec.update("progress", row, **{c.field: c.new})
        elif c.entity == "kpi_actuals":
            row = rec.conn.execute(select(m.KpiActual.id).where(m.KpiActual.kpi_id == c.entity_id,
                                                                m.KpiActual.fiscal_year == fiscal_year)).scalar()
            if row is None:
                row = rec.insert("kpi_actuals", kpi_id=c.entity_id, fiscal_year=fiscal_year, value=None, note="")
            rec.update("kpi_actuals", row, **{c.field: c.new})
        elif c.entity == "reviews":
            progress_sheet.apply_change(rec, c, fiscal_year)
        n += 1
    return n
