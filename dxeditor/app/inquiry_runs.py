"""The department inquiry round trip as runs shared by the CLI and the GUI.

:func:`export_inquiries` writes one workbook per department; :func:`import_answers` checks
answer workbooks and, unless it is a dry run, applies each valid one as one undoable change
and saves the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, select

from dxeditor.core.errors import DxError, ValidationError
from dxeditor.exchange import progress_sheet
from dxeditor.exchange.inquiry import AnswerCheck, apply_answers, check_answer, export_all
from dxeditor.plan.department_names import department_names
from dxeditor.plan.editor import PlanEditor
from dxeditor.store import models as m
from dxeditor.store.document import PlanDocument


def current_fiscal_year(conn: Connection, today: date | None = None) -> int:
    """This fiscal year, kept within the plan's period (the year an inquiry asks about by default)."""
    today = today or date.today()
    fy = today.year if today.month >= 4 else today.year - 1
    start, end = conn.execute(select(m.Plan.period_start_fy, m.Plan.period_end_fy)).one()
    return int(min(max(fy, start), end))


def answering_departments(conn: Connection) -> list[int]:
    """Departments responsible for at least one initiative or schedule row."""
    ids = set(conn.execute(select(m.RowDepartment.department_id)).scalars())
    ids |= set(conn.execute(select(m.InitiativeDepartment.department_id)).scalars())
    return sorted(ids)


def export_inquiries(plan: Path | str, folder: Path | None, departments: Sequence[str] = (),
                     fiscal_year: int | None = None) -> list[Path]:
    """One inquiry workbook per department (named or id; all answering ones when none) in ``folder``.

    The workbooks ask about ``fiscal_year`` (this fiscal year within the plan's period when None).
    ``plan`` is a plan file or a server plan (``postgresql://…?plan=UID``).
    """
    from dxeditor.app.server import open_for_reading

    if folder is None:
        raise DxError("出力フォルダー (-o) を指定してください。", "Give an output folder with -o.")
    folder.mkdir(parents=True, exist_ok=True)
    doc = open_for_reading(plan)
    try:
        conn = doc.session.connection()
        fy = fiscal_year or current_fiscal_year(conn)
        names = department_names(conn, fy)
        ids: list[int] = []
        for d in departments:
            match = [k for k, v in names.items() if v == d or str(k) == d]
            if not match:
                raise ValidationError(f"部署「{d}」が見つかりません", f"department {d!r} not found")
            ids.extend(match)
        return export_all(conn, ids or answering_departments(conn), folder, fiscal_year=fy)
    finally:
        doc.close(keep_working_copy=False)


def _checked(conn: Connection, path: Path, fiscal_year: int | None) -> AnswerCheck:
    """The check of one answer; a workbook that cannot be read is a failed check naming why."""
    try:
        return check_answer(conn, path, fiscal_year)
    except DxError as exc:
        return AnswerCheck(path, errors=[exc.message().removeprefix(f"{path}: ")])


def import_answers(plan: Path | str, answers: Sequence[Path], *, dry_run: bool = False,
                   fiscal_year: int | None = None) -> list[AnswerCheck]:
    """Check every answer workbook (for ``fiscal_year`` when given); apply and save the valid ones unless ``dry_run``.

    Answers are checked as a batch too: one department answering twice is refused.
    """
    from dxeditor.app.server import is_server_plan, open_for_reading, split_plan_url

    session = None
    if is_server_plan(plan) and dry_run:
        doc = open_for_reading(str(plan))
    elif is_server_plan(plan):
        from dxeditor.app.server_plan.session import ServerSession

        # applied as a window would: each department's answer one change, sent to the server at once
        session = ServerSession(*split_plan_url(str(plan)), live=False)
        doc = session.doc
    else:
        # importing answers edits the plan: someone else holding it open for editing refuses it here
        doc = PlanDocument.open(plan, read_only=dry_run, require_lock=not dry_run)
    try:
        conn = doc.session.connection()
        checks = [_checked(conn, Path(a), fiscal_year) for a in answers]  # every answer before any is applied
        progress_sheet.check_batch(checks)
        applicable = [c for c in checks if c.ok and c.changes]
        if not dry_run and applicable:
            editor = PlanEditor(doc)
            for c in applicable:
                editor.run(f"照会回答の取込（{c.department}）",
                           lambda rec, c=c: apply_answers(rec, c.changes, c.fiscal_year))
            if session is None:
                doc.save()
            elif session.outbox:
                raise DxError(
                    f"サーバーにつながらなくなりました。取り込んだ回答のうち {len(session.outbox)} 件はこの PC に"
                    "保存してあり、次にこの計画を開いたときにサーバーへ送られます。",
                    f"The server went away: {len(session.outbox)} applied answer(s) are kept on this PC and are sent "
                    "the next time this plan is opened.")
        return checks
    finally:
        if session is not None:
            session.close()
        else:
            doc.close(keep_working_copy=False)
