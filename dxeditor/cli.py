"""The ``dxeditor`` command line.

``dxeditor`` starts the GUI on the last plan (or the demo); ``dxeditor FILE`` on FILE.
Sub-commands: ``new``, ``info``, ``check``, ``export``, ``import``. Bad input gives a
clear message on stderr (Japanese by default, ``--lang en`` for English) and exit code 2,
never a traceback; ``check`` exits 1 when the plan breaks a rule.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dxeditor import __version__
from dxeditor.core import errors
from dxeditor.core.errors import DxError, ImportFormatError, PlanFileError, message_for

COMMANDS = ("new", "info", "check", "export", "import", "inquiry")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dxeditor", description="自治体DX計画エディタ dxeditor")
    p.add_argument("--version", action="version", version=f"dxeditor {__version__}")
    p.add_argument("--lang", choices=["ja", "en"], default=None, help="メッセージの言語 / message language")
    sub = p.add_subparsers(dest="command")

    new = sub.add_parser("new", help="新しい計画ファイルを作る / create a plan file")
    new.add_argument("--template", choices=["blank", "demo", "national"], default="blank")
    new.add_argument("--force", action="store_true", help="既存のファイルを上書きする / overwrite")
    new.add_argument("file")

    info = sub.add_parser("info", help="計画の概要 / summary of a plan")
    info.add_argument("file")
    info.add_argument("--json", action="store_true")

    check = sub.add_parser("check", help="整合性と内容の検査 / integrity and validation report")
    check.add_argument("file")

    exp = sub.add_parser("export", help="書き出し / export")
    exp.add_argument("file")
    exp.add_argument("--format", choices=["json", "xlsx", "pdf"], required=True)
    exp.add_argument("-o", "--output", required=True)
    exp.add_argument("--kind", choices=["schedule", "sheets", "booklet"], default="schedule", help="PDF の種類")
    exp.add_argument("--paper", choices=["A3", "A4"], default=None)
    exp.add_argument("--year-style", default=None)
    exp.add_argument("--unit", choices=["year", "half", "quarter", "month"], default=None)
    exp.add_argument("--dept-year", type=int, default=None, help="部署名をこの年度の名称で表示")
    exp.add_argument("--sheets", default=None, help="xlsx: 出力するシートをカンマ区切りで")

    imp = sub.add_parser("import", help="JSON / Excel (.xlsx, .xlsm) から計画ファイルを作る / import")
    imp.add_argument("input")
    imp.add_argument("-o", "--output", required=False)
    imp.add_argument("--force", action="store_true")
    imp.add_argument("--dry-run", action="store_true", help="認識結果だけを表示 / report only")

    inq = sub.add_parser("inquiry", help="部署への照会と回答 / department inquiry round trip")
    inq.add_argument("action", choices=["export", "import"])
    inq.add_argument("file")
    inq.add_argument("answers", nargs="*")
    inq.add_argument("--dept", action="append", default=[])
    inq.add_argument("-o", "--output")
    inq.add_argument("--dry-run", action="store_true")
    return p


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def _fail(text: str) -> None:
    sys.stderr.write(text + "\n")


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise PlanFileError(
            f"ファイルが既にあります（上書きするには --force）: {path}",
            f"The file already exists (use --force to overwrite): {path}",
        )
    if not path.parent.is_dir():
        raise PlanFileError(f"フォルダーが見つかりません: {path.parent}", f"Folder not found: {path.parent}")
    if not os.access(path.parent, os.W_OK):
        raise PlanFileError(
            f"フォルダーに書き込めません（アクセス権がありません）: {path.parent}",
            f"Cannot write to the folder (permission denied): {path.parent}",
        )


def open_template(template: str) -> Any:
    """A new unsaved document from a bundled template (blank / demo / national)."""
    from dxeditor.core import paths
    from dxeditor.formats.json import io as json_io
    from dxeditor.store.document import PlanDocument

    if template == "blank":
        return PlanDocument.create()
    src = paths.demo_plan_json() if template == "demo" else paths.national_template_json()
    data = json_io.load_json_file(src)
    if template != "demo":
        import uuid

        data["plan"]["uid"] = uuid.uuid4().hex
    return json_io.import_data(data, str(src))


def plan_counts(doc: Any) -> dict[str, Any]:
    """Counts and facts shown by ``dxeditor info``."""
    from sqlalchemy import func, select

    from dxeditor.store import models as m
    from dxeditor.store.document import SCHEMA_REVISION

    conn = doc.session.connection()

    def count(model: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())

    plan = doc.plan
    return {
        "file": str(doc.source) if doc.source else None,
        "title": plan.title,
        "municipality": plan.municipality,
        "version_label": plan.version_label,
        "period_start_fy": plan.period_start_fy,
        "period_end_fy": plan.period_end_fy,
        "schema_version": SCHEMA_REVISION,
        "sections": count(m.Section),
        "initiatives": count(m.Initiative),
        "schedule_rows": count(m.ScheduleRow),
        "bars": count(m.Bar),
        "milestones": count(m.Milestone),
        "departments": count(m.Department),
        "kpis": count(m.Kpi),
        "glossary_terms": count(m.GlossaryTerm),
    }


def cmd_info(args: argparse.Namespace) -> int:
    from dxeditor.core.fiscal import format_fy
    from dxeditor.store.document import PlanDocument

    doc = PlanDocument.open(args.file, read_only=True)
    try:
        info = plan_counts(doc)
    finally:
        doc.close(keep_working_copy=False)
    if args.json:
        _say(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    labels = [
        ("表題", info["title"]),
        ("団体", info["municipality"]),
        ("版", info["version_label"]),
        ("計画期間", f"{format_fy(info['period_start_fy'])}〜{format_fy(info['period_end_fy'])}"),
        ("スキーマ版", info["schema_version"]),
        ("セクション", info["sections"]),
        ("取組", info["initiatives"]),
        ("工程表の行", info["schedule_rows"]),
        ("バー", info["bars"]),
        ("節目", info["milestones"]),
        ("部署", info["departments"]),
        ("成果目標", info["kpis"]),
        ("用語", info["glossary_terms"]),
    ]
    for k, v in labels:
        _say(f"{k}: {v}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from dxeditor.plan.validation import check_plan
    from dxeditor.store.document import PlanDocument

    doc = PlanDocument.open(args.file, read_only=True)
    try:
        findings = check_plan(doc.session.connection())
    finally:
        doc.close(keep_working_copy=False)
    lang = errors.language()
    errs = [f for f in findings if f.level == "error"]
    warns = [f for f in findings if f.level != "error"]
    _say("Integrity check: ok" if lang == "en" else "整合性チェック: 正常")
    for f in errs:
        _say(("error: " if lang == "en" else "エラー: ") + f.message(lang))
    for f in warns:
        _say(("warning: " if lang == "en" else "警告: ") + f.message(lang))
    if lang == "en":
        _say(f"{len(errs)} error(s), {len(warns)} warning(s)")
    else:
        _say(f"エラー {len(errs)} 件、警告 {len(warns)} 件")
    return 1 if errs else 0


def cmd_new(args: argparse.Namespace) -> int:
    target = Path(args.file).absolute()
    _refuse_existing(target, args.force)
    doc = open_template(args.template)
    try:
        doc.save(target)
    finally:
        doc.close(keep_working_copy=False)
    _say(str(target))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from dxeditor.store.document import PlanDocument

    out = Path(args.output).absolute()
    if not out.parent.is_dir():
        raise PlanFileError(f"出力先のフォルダーが見つかりません: {out.parent}", f"Output folder not found: {out.parent}")
    doc = PlanDocument.open(args.file, read_only=True)
    try:
        if args.format == "json":
            from dxeditor.formats.json.io import export_json

            export_json(doc, out)
        elif args.format == "xlsx":
            from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx

            opts = XlsxOptions.from_cli(args)
            for warning in export_xlsx(doc, out, opts) or []:
                _fail(str(warning))
        else:
            from dxeditor.publish.pdf.export import PdfOptions, export_pdf

            popts = PdfOptions.from_cli(args)
            for warning in export_pdf(doc, out, popts) or []:
                _fail(str(warning))
    finally:
        doc.close(keep_working_copy=False)
    _say(str(out))
    return 0


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OLD_WORKBOOK_SUFFIXES = (".xls",)


def old_workbook_error(src: Path) -> ImportFormatError:
    """The refusal of an Excel 97-2003 (.xls) workbook, which openpyxl cannot read."""
    return ImportFormatError("古い形式(.xls)のブックは読み込めません。Excelで.xlsx形式で保存し直してください。",
                             "Old-format (.xls) workbooks cannot be read. Save the workbook again in .xlsx "
                             "format in Excel.", where=str(src))


def cmd_import(args: argparse.Namespace) -> int:
    src = Path(args.input)
    suffix = src.suffix.lower()
    if suffix in OLD_WORKBOOK_SUFFIXES:
        src.stat()  # a missing file says so (FileNotFoundError → message) before the format does
        raise old_workbook_error(src)
    if suffix in WORKBOOK_SUFFIXES:
        from dxeditor.formats.xlsx.read.workbook import import_workbook_cli

        return int(import_workbook_cli(src, args))
    from dxeditor.formats.json import io as json_io

    data = json_io.load_json_file(src)
    json_io.check_data(data, str(src))
    if args.dry_run:
        _say("JSON は正しい形式です。" if errors.language() == "ja" else "The JSON is valid.")
        return 0
    if not args.output:
        raise DxError("出力ファイル (-o) を指定してください。", "Give an output file with -o.")
    target = Path(args.output).absolute()
    _refuse_existing(target, args.force)
    doc = json_io.import_data(data, str(src))
    try:
        doc.save(target)
    finally:
        doc.close(keep_working_copy=False)
    _say(str(target))
    return 0


def cmd_inquiry(args: argparse.Namespace) -> int:
    from dxeditor.exchange.inquiry_cli import inquiry_cli

    return int(inquiry_cli(args))


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the windowed program (no console on Windows)."""
    return main(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure"):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
            except (AttributeError, ValueError):
                pass
    lang = os.environ.get("DXEDITOR_LANG")
    rest = list(argv)
    if "--lang" in rest:
        i = rest.index("--lang")
        if i + 1 < len(rest):
            lang = rest[i + 1]
        del rest[i:i + 2]
    if lang:
        errors.set_language(lang)
    positional = [a for a in rest if not a.startswith("-")]
    if not positional or positional[0] not in COMMANDS:
        opts = [a for a in argv if a.startswith("-")]
        if any(o in ("-h", "--help", "--version") for o in opts):
            _parser().parse_args(argv)
            return 0
        from dxeditor.ui.app import run_gui

        return run_gui(Path(positional[0]) if positional else None, rest)
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    handlers = {"info": cmd_info, "check": cmd_check, "new": cmd_new, "export": cmd_export,
                "import": cmd_import, "inquiry": cmd_inquiry}
    try:
        return handlers[args.command](args)
    except DxError as exc:
        _fail(exc.message())
        return exc.exit_code
    except (OSError, ValueError) as exc:
        _fail(message_for(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for a person; DXEDITOR_DEBUG=1 shows it
        if os.environ.get("DXEDITOR_DEBUG"):
            raise
        _fail(message_for(exc))
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
