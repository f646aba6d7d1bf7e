"""The progress sheet (進捗評価) of the department inquiry workbook.

For the fiscal year asked about, one line per initiative the department leads (主管):
the rating (a drop-down of the plan's scale), 実績・成果, 課題 and 今後の方向性. The KPI
actuals stay on the inquiry's KPI sheet; this module adds a number check (data
validation) to its 実績値 column. Answers are checked cell by cell: a refused answer names
the sheet and cell (進捗評価!C6), and nothing of that workbook is applied. A department
whose answers were already taken in, or that answers twice in one batch, is refused.

:mod:`dxeditor.exchange.inquiry` calls :func:`write_sheet`, :func:`check_sheet`,
:func:`apply_change` and :func:`check_batch`; everything else of the sheet lives here.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.achievement import RatingScale
from dxeditor.core.fiscal import format_fy
from dxeditor.formats.xlsx.text_cells import hidden_list_range, set_text, written_line
from dxeditor.plan.changes import Recorder
from dxeditor.plan.ops import progress as ops
from dxeditor.plan.progress import REVIEW_TEXT_NAMES, load_scale
from dxeditor.store import models as m

SHEET = "進捗評価"
HEADER_ROW = 4
YEAR_CELL = "B2"
COLS = ["取組ID", "取組", "評価", "実績・成果", "課題", "今後の方向性"]
EDITABLE = {"評価": "rating", "実績・成果": "results", "課題": "issues", "今後の方向性": "direction"}
MAX_TEXT = 2000
ANSWER_MARK = "（照会回答）"


def _digest(values: list[Any]) -> str:
    return hashlib.sha256(json.dumps(values, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


def _led_initiatives(conn: Connection, dept_id: int) -> list[Any]:
    """The initiatives the department leads (主管), in outline order."""
    return conn.execute(
        select(m.Initiative.id, m.Initiative.title)
        .join(m.InitiativeDepartment, m.InitiativeDepartment.initiative_id == m.Initiative.id)
        .where(m.InitiativeDepartment.department_id == dept_id, m.InitiativeDepartment.role == "lead")
        .order_by(m.Initiative.section_id, m.Initiative.position, m.Initiative.id)
    ).all()


def write_sheet(wb: Any, conn: Connection, dept_id: int, dept_name: str, fiscal_year: int,
                binding: dict[str, Any]) -> None:
    """Add the progress sheet to an inquiry workbook (openpyxl) and record it in ``binding``."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    scale = load_scale(conn)
    plan_title = conn.execute(select(m.Plan.title)).scalar_one()
    t = m.Progress.__table__
    reviews = {p["initiative_id"]: p for p in conn.execute(
        select(t).where(t.c.fiscal_year == fiscal_year, t.c.row_id.is_(None)).order_by(t.c.id.desc())).mappings()}
    font = Font(name="BIZ UDゴシック", size=10)
    bold = Font(name="BIZ UDゴシック", size=10, bold=True)
    open_fill = PatternFill("solid", fgColor="FFF6D5")
    ws = wb.create_sheet(SHEET)
    set_text(ws["A1"], f"{plan_title}　進捗評価（{format_fy(fiscal_year, 'wareki')}）")
    ws["A1"].font = Font(name="BIZ UDゴシック", size=14, bold=True)
    ws["A2"] = "対象年度"
    ws[YEAR_CELL] = format_fy(fiscal_year, "wareki")
    set_text(ws["C2"], f"回答部署: {dept_name}")
    for c in ("A2", YEAR_CELL, "C2"):
        ws[c].font = bold
    ws["A3"] = ("黄色のセルに、主管する取組の" f"{format_fy(fiscal_year, 'wareki')}" "の評価と内容を記入してください。"
                "評価は一覧から選びます（" + "・".join(scale.label(k) for k in scale.keys) + "）。")
    ws["A3"].font = font
    for c, name in enumerate(COLS, start=1):
        ws.cell(HEADER_ROW, c, name).font = bold
    lines = []
    for it in _led_initiatives(conn, dept_id):
        p = reviews.get(it.id)
        line = written_line([it.id, it.title, scale.label(p["rating"]) if p and p["rating"] else "",
                             p["results"] if p else "", p["issues"] if p else "", p["direction"] if p else ""])
        lines.append(line)
        binding.setdefault("reviews", {})[str(it.id)] = {"locked": _digest(line[:2]), "values": line[2:]}
    for r, line in enumerate(lines, start=HEADER_ROW + 1):
        for c, value in enumerate(line, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, str):
                set_text(cell, value)  # never a formula, whatever the text begins with
            else:
                cell.value = value
            cell.font = font
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if COLS[c - 1] in EDITABLE:
                cell.protection = Protection(locked=False)
                cell.fill = open_fill
    for letter, width in zip("ABCDEF", (8, 30, 14, 40, 30, 30), strict=True):
        ws.column_dimensions[letter].width = width
    n = len(lines)
    if n:
        first, last = HEADER_ROW + 1, HEADER_ROW + n
        labels = [scale.label(k) for k in scale.keys]
        dv = DataValidation(type="list", formula1=hidden_list_range(wb, labels), allow_blank=True,
                            showErrorMessage=True, errorTitle="入力できない値です", error="評価は一覧から選んでください。")
        dv.add(f"C{first}:C{last}")
        ws.add_data_validation(dv)
        tv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_TEXT), allow_blank=True,
                            showErrorMessage=True, errorTitle="長すぎます", error=f"{MAX_TEXT} 文字までで入力してください。")
        tv.add(f"D{first}:F{last}")
        ws.add_data_validation(tv)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    binding["progress_year_text"] = format_fy(fiscal_year, "wareki")
    binding["exported_at"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_number_check(ws: Any, column: int, first: int, last: int) -> None:
    """A decimal data validation on one column (the KPI sheet's 実績値)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if last < first:
        return
    letter = ws.cell(first, column).column_letter
    dv = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15", allow_blank=True,
                        showErrorMessage=True, errorTitle="数値を入力してください",
                        error="実績値は数値で入力してください（文章は備考へ）。")
    dv.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(dv)


def check_sheet(wb: Any, conn: Connection, bind: dict[str, Any], check: Any, expected_fy: int | None = None) -> None:
    """Check the progress sheet of a returned workbook; adds ``FieldChange``s or errors naming the cell."""
    from openpyxl.utils.cell import coordinate_to_tuple

    from dxeditor.exchange.inquiry import FieldChange, sheet_rows

    fy = int(bind.get("fiscal_year", 0))
    if expected_fy is not None and fy != expected_fy:
        check.errors.append(f"{format_fy(fy, 'wareki')}の照会ブックです（取り込む年度は{format_fy(expected_fy, 'wareki')}）")
        return
    if "reviews" not in bind:
        return  # a workbook written before the progress sheet existed
    if SHEET not in wb.sheetnames:
        check.errors.append(f"シート「{SHEET}」がありません")
        return
    width = max(len(COLS), coordinate_to_tuple(YEAR_CELL)[1])
    rows = [list(v) + [None] * (width - len(v)) for v in sheet_rows(wb, SHEET, min_row=1, max_col=width)]
    rows += [[None] * width] * max(0, HEADER_ROW - len(rows))  # a sheet cut short reads as empty cells
    year_row, year_col = coordinate_to_tuple(YEAR_CELL)
    year_text = rows[year_row - 1][year_col - 1]
    if str(year_text or "") != bind.get("progress_year_text"):
        check.errors.append(f"{SHEET}!{YEAR_CELL}: 対象年度が「{year_text}」に変わっています"
                            f"（この照会は{bind.get('progress_year_text')}です）")
        return
    if rows[HEADER_ROW - 1][: len(COLS)] != COLS:
        check.errors.append(f"シート「{SHEET}」の見出し行が変更されています")
        return
    scale = load_scale(conn)
    inits = dict(conn.execute(select(m.Initiative.id, m.Initiative.title)).all())
    seen: set[str] = set()
    for r, row in enumerate(rows[HEADER_ROW:], start=HEADER_ROW + 1):
        values = row[: len(COLS)]
        if all(v in (None, "") for v in values):
            continue
        line = dict(zip(COLS, values, strict=True))
        key = str(line["取組ID"])
        info = bind["reviews"].get(key)
        if info is None:
            check.errors.append(f"{SHEET}!A{r}: 照会していない取組です（行の追加や ID の変更はできません）")
            continue
        seen.add(key)
        if _digest([line["取組ID"], line["取組"]]) != info["locked"]:
            check.errors.append(f"{SHEET}!B{r}: 保護されている内容（取組の名称や ID）が変更されています")
            continue
        iid = int(key)
        if iid not in inits:
            check.errors.append(f"{SHEET}!A{r}: この取組は計画から削除されています")
            continue
        new = _answered(line, scale, r, check)
        if new is None:
            continue
        old = _current(conn, iid, fy)
        for name, value in new.items():
            exported = info["values"][list(EDITABLE.values()).index(name)]
            exported = (scale.parse(exported) or "") if name == "rating" else (exported or "")
            if value != exported and value != old[name]:
                check.changes.append(FieldChange(check.department, SHEET, "reviews", iid, name, inits[iid],
                                                 old[name], value))
    lost = [k for k in bind["reviews"] if k not in seen]
    if lost and not check.errors:
        check.errors.append(f"{SHEET}: 照会した取組が {len(lost)} 行削除されています")
    _check_already_answered(conn, bind, check, fy)


def _answered(line: dict[str, Any], scale: RatingScale, r: int, check: Any) -> dict[str, str] | None:
    out: dict[str, str] = {}
    rating_text = "" if line["評価"] is None else str(line["評価"])
    key = scale.parse(rating_text)
    if key is None:
        check.errors.append(f"{SHEET}!C{r}: 評価「{rating_text}」は一覧（{'・'.join(scale.keys)}）にありません")
        return None
    out["rating"] = key
    for col, letter in (("実績・成果", "D"), ("課題", "E"), ("今後の方向性", "F")):
        value = line[col]
        text = "" if value is None else (str(value) if not isinstance(value, float) or not value.is_integer()
                                         else str(int(value)))
        if len(text) > MAX_TEXT:
            check.errors.append(f"{SHEET}!{letter}{r}: {col}が長すぎます（{len(text):,} 文字、上限 {MAX_TEXT:,} 文字）")
            return None
        out[EDITABLE[col]] = text.rstrip()
    return out


def _current(conn: Connection, iid: int, fy: int) -> dict[str, str]:
    t = m.Progress.__table__
    p = conn.execute(select(t).where(t.c.initiative_id == iid, t.c.fiscal_year == fy, t.c.row_id.is_(None))
                     .order_by(t.c.id)).mappings().first()
    return {name: (p[name] if p else "") for name in EDITABLE.values()}


def _check_already_answered(conn: Connection, bind: dict[str, Any], check: Any, fy: int) -> None:
    """A department's answers taken in after this workbook was written: this is a second answer."""
    ids = [int(k) for k in bind.get("reviews", {})]
    if not ids or not check.department:
        return
    who = check.department + ANSWER_MARK
    taken = conn.execute(select(m.Progress.entered_at).where(
        m.Progress.initiative_id.in_(ids), m.Progress.fiscal_year == fy, m.Progress.entered_by == who,
        m.Progress.entered_at >= str(bind.get("exported_at", "")))).scalars().first()
    if taken:
        check.errors.append(f"{check.department}の{format_fy(fy, 'wareki')}の回答は既に取り込まれています"
                            f"（{taken[:16].replace('T', ' ')} UTC）。二重の取込はできません")
        check.changes = []


def check_batch(checks: list[Any]) -> None:
    """Refuse every workbook of a department that answers more than once in one batch."""
    by_dept: dict[tuple[int | None, int], list[Any]] = {}
    for c in checks:
        if c.department_id is not None:
            by_dept.setdefault((c.department_id, c.fiscal_year), []).append(c)
    for group in by_dept.values():
        if len(group) > 1:
            names = "、".join(c.path.name for c in group)
            for c in group:
                c.errors.append(f"{c.department}の回答が {len(group)} 通あります（{names}）。1 通にしてください")
                c.changes = []


def apply_change(rec: Recorder, change: Any, fiscal_year: int) -> None:
    """Apply one accepted field of the progress sheet (inside the import's one undoable change)."""
    ops.set_review(rec, fiscal_year, initiative_id=change.entity_id, who=change.department + ANSWER_MARK,
                   **{change.field: change.new})


FIELD_NAMES = {**REVIEW_TEXT_NAMES, "rating": "評価"}
