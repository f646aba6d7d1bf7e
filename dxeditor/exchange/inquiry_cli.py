"""``dxeditor inquiry export|import`` (the command line of :mod:`dxeditor.exchange.inquiry`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from dxeditor.core.errors import DxError, ValidationError
from dxeditor.exchange.inquiry import (
    AnswerCheck,
    _answering_departments,
    _current_fy,
    apply_answers,
    check_answer,
    export_all,
)
from dxeditor.plan.readmodel import department_names


def inquiry_cli(args: Any) -> int:
    """``dxeditor inquiry export|import`` (see cli.py)."""
    from dxeditor.plan.editor import PlanEditor
    from dxeditor.store.document import PlanDocument

    if args.action == "export":
        if not args.output:
            raise DxError("出力フォルダー (-o) を指定してください。", "Give an output folder with -o.")
        folder = Path(args.output)
        doc = PlanDocument.open(args.file, read_only=True)
        try:
            conn = doc.session.connection()
            fy = _current_fy(conn)
            names = department_names(conn, fy)
            ids = []
            for d in args.dept or []:
                match = [k for k, v in names.items() if v == d or str(k) == d]
                if not match:
                    raise ValidationError(f"部署「{d}」が見つかりません", f"department {d!r} not found")
                ids.extend(match)
            if not ids:
                ids = _answering_departments(conn)
            for p in export_all(conn, ids, folder, fiscal_year=fy):
                sys.stdout.write(f"{p}\n")
        finally:
            doc.close(keep_working_copy=False)
        return 0
    doc = PlanDocument.open(args.file)
    failed = False
    try:
        conn = doc.session.connection()
        checks = []
        for a in args.answers:  # every answer is checked (and reported) before any is applied
            try:
                checks.append(check_answer(conn, Path(a)))
            except DxError as exc:
                checks.append(AnswerCheck(Path(a), errors=[exc.message("ja").removeprefix(f"{a}: ")]))
        for c in checks:
            sys.stdout.write(f"== {c.path.name}（{c.department}）\n")
            for e in c.errors:
                sys.stdout.write(f"エラー: {e}\n")
            for w in c.warnings:
                sys.stdout.write(f"注意: {w}\n")
            for ch in c.changes:
                sys.stdout.write(f"変更: {ch.describe()}\n")
            failed = failed or not c.ok
        if not args.dry_run:
            editor = PlanEditor(doc)
            for c in checks:
                if c.ok and c.changes:
                    editor.run(f"照会回答の取込（{c.department}）",
                               lambda rec, c=c: apply_answers(rec, c.changes, c.fiscal_year))
            if any(c.ok and c.changes for c in checks):
                doc.save()
    finally:
        doc.close(keep_working_copy=False)
    return 1 if failed else 0
