"""The ``dxeditor`` command line.

``dxeditor`` starts the GUI on the last plan (or the demo); ``dxeditor FILE`` on FILE.
Sub-commands: ``new``, ``info``, ``check``, ``export``, ``import``. Bad input gives a
clear message on stderr (Japanese by default, ``--lang en`` for English) and exit code 2,
never a traceback; ``check`` exits 1 when the plan breaks a rule.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dxeditor import __version__
from dxeditor.app.imports import check_new_file, import_plan_file
from dxeditor.app.templates import open_template, template_names
from dxeditor.core import errors
from dxeditor.core.errors import DxError, PlanFileError, message_for

if TYPE_CHECKING:
    from dxeditor.app.server import UpgradeResult

log = logging.getLogger(__name__)

PLAN_ARG_HELP = "計画ファイル、またはサーバーの計画 postgresql://USER@HOST/DB?plan=UID / a plan file or a server plan"
COMMANDS = ("new", "info", "check", "export", "import", "inquiry", "progress", "version", "compare", "server")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dxeditor", description="自治体DX計画エディタ dxeditor")
    p.add_argument("--version", action="version", version=f"dxeditor {__version__}")
    p.add_argument("--lang", choices=["ja", "en"], default=None, help="メッセージの言語 / message language")
    sub = p.add_subparsers(dest="command")

    new = sub.add_parser("new", help="新しい計画ファイルを作る / create a plan file")
    new.add_argument("--template", choices=template_names(), default="blank",
                     help="blank / demo / resources/templates の NAME.json / a bundled template by name")
    new.add_argument("--force", action="store_true", help="既存のファイルを上書きする / overwrite")
    new.add_argument("file")

    info = sub.add_parser("info", help="計画の概要 / summary of a plan")
    info.add_argument("file", help=PLAN_ARG_HELP)
    info.add_argument("--json", action="store_true")

    check = sub.add_parser("check", help="整合性と内容の検査 / integrity and validation report")
    check.add_argument("file", help=PLAN_ARG_HELP)

    exp = sub.add_parser("export", help="書き出し / export")
    exp.add_argument("file", help=PLAN_ARG_HELP)
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
    inq.add_argument("file", help=PLAN_ARG_HELP)
    inq.add_argument("answers", nargs="*")
    inq.add_argument("--dept", action="append", default=[])
    inq.add_argument("-o", "--output")
    inq.add_argument("--dry-run", action="store_true")
    inq.add_argument("--fy", type=int, default=None, help="照会する（取り込む）年度 / fiscal year asked about")

    prog = sub.add_parser("progress", help="進捗状況報告 / progress report")
    prog.add_argument("action", choices=["export"])
    prog.add_argument("file", help=PLAN_ARG_HELP)
    prog.add_argument("--fy", type=int, default=None, help="報告する年度（西暦）/ fiscal year")
    prog.add_argument("--format", choices=["xlsx", "pdf"], required=True)
    prog.add_argument("-o", "--output", required=True)

    ver = sub.add_parser("version", help="版の作成・一覧・削除・復元 / plan versions")
    ver.add_argument("action", choices=["create", "list", "delete", "restore"])
    ver.add_argument("file")
    ver.add_argument("--label", help="版の名前 (Ver.2.0)")
    ver.add_argument("--date", default="", help="日付の表記 (令和6年3月改定)")
    ver.add_argument("--note", default="")
    ver.add_argument("--json", action="store_true")
    ver.add_argument("-o", "--output", help="restore: 新しい計画ファイル")
    ver.add_argument("--force", action="store_true")

    cmp = sub.add_parser("compare", help="新旧対照表 / compare versions or plan files")
    cmp.add_argument("file", help="計画ファイル（または比較元の計画ファイル）、またはサーバーの計画 postgresql://…?plan=UID")
    cmp.add_argument("other", nargs="?", help="比較先の計画ファイル・サーバーの計画（2つの計画を比べるとき）")
    cmp.add_argument("--from", dest="before", help="改定前: 版の名前 / current")
    cmp.add_argument("--to", dest="after", default="current", help="改定後: 版の名前 / current（既定）")
    cmp.add_argument("--format", choices=["pdf", "xlsx", "json"], default="pdf")
    cmp.add_argument("-o", "--output", required=True)

    srv = sub.add_parser("server", help="PostgreSQL サーバーの計画 / plans on a PostgreSQL server (docs/server.md)")
    ssub = srv.add_subparsers(dest="server_command", required=True)
    password = argparse.ArgumentParser(add_help=False)
    password.add_argument("-W", "--password", action="store_true",
                          help="パスワードを尋ねる（既定は環境変数 PGPASSWORD）/ prompt for the password")
    s_init = ssub.add_parser("init", parents=[password], help="データベースを準備する / prepare a database")
    s_init.add_argument("url", help="postgresql://USER@HOST/DB")
    s_upgrade = ssub.add_parser("upgrade", parents=[password],
                                help="データベースの形式を更新する（管理者）/ upgrade the database layout (administrator)")
    s_upgrade.add_argument("url", help="postgresql://USER@HOST/DB")
    s_push = ssub.add_parser("push", parents=[password], help="計画ファイルを公開する / publish a plan file")
    s_push.add_argument("file")
    s_push.add_argument("url")
    s_push.add_argument("--replace", action="store_true", help="サーバーの同じ計画を置き換える / replace it")
    s_pull = ssub.add_parser("pull", parents=[password], help="計画ファイルに写す / copy a plan to a file")
    s_pull.add_argument("url")
    s_pull.add_argument("--plan", required=True, help="計画の識別子 (uid)")
    s_pull.add_argument("-o", "--output", required=True)
    s_pull.add_argument("--force", action="store_true")
    s_list = ssub.add_parser("list", parents=[password], help="サーバーの計画の一覧 / list plans")
    s_list.add_argument("url")
    s_list.add_argument("--json", action="store_true")
    return p


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def _fail(text: str) -> None:
    sys.stderr.write(text + "\n")


def cmd_info(args: argparse.Namespace) -> int:
    from dxeditor.app.plan_info import plan_counts
    from dxeditor.app.server import open_for_reading
    from dxeditor.core.fiscal import format_fy

    doc = open_for_reading(args.file)
    try:
        info = plan_counts(doc)
    finally:
        doc.close(keep_working_copy=False)
    if args.json:
        _say(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    period = f"{format_fy(info['period_start_fy'])}〜{format_fy(info['period_end_fy'])}"
    en = errors.language() == "en"
    labels = [
        ("Title" if en else "表題", info["title"]),
        ("Municipality" if en else "団体", info["municipality"]),
        ("Version" if en else "版", info["version_label"]),
        ("Plan period" if en else "計画期間", period),
        ("Schema version" if en else "スキーマ版", info["schema_version"]),
        ("Sections" if en else "セクション", info["sections"]),
        ("Initiatives" if en else "取組", info["initiatives"]),
        ("Schedule rows" if en else "工程表の行", info["schedule_rows"]),
        ("Bars" if en else "バー", info["bars"]),
        ("Milestones" if en else "節目", info["milestones"]),
        ("Departments" if en else "部署", info["departments"]),
        ("KPIs" if en else "成果目標", info["kpis"]),
        ("Glossary terms" if en else "用語", info["glossary_terms"]),
    ]
    for k, v in labels:
        _say(f"{k}: {v}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from dxeditor.app.server import open_for_reading
    from dxeditor.plan.validation import check_plan

    doc = open_for_reading(args.file)
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
    check_new_file(target, force=args.force)
    doc = open_template(args.template)
    try:
        doc.save(target)
    finally:
        doc.close(keep_working_copy=False)
    _say(str(target))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from dxeditor.app.server import open_for_reading

    out = Path(args.output).absolute()
    if not out.parent.is_dir():
        raise PlanFileError(f"出力先のフォルダーが見つかりません: {out.parent}", f"Output folder not found: {out.parent}")
    doc = open_for_reading(args.file)
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


def cmd_import(args: argparse.Namespace) -> int:
    target = Path(args.output).absolute() if args.output else None
    run = import_plan_file(Path(args.input), target, force=args.force, dry_run=args.dry_run)
    if args.dry_run:
        _say(run.report)
        return 0
    for w in run.warnings:
        _fail(("warning: " if errors.language() == "en" else "警告: ") + w)
    _say(str(run.target))
    return 0


def cmd_inquiry(args: argparse.Namespace) -> int:
    from dxeditor.app.inquiry_runs import export_inquiries, import_answers

    if args.action == "export":
        for path in export_inquiries(args.file, Path(args.output) if args.output else None, args.dept, args.fy):
            _say(str(path))
        return 0
    checks = import_answers(args.file, [Path(a) for a in args.answers], dry_run=args.dry_run, fiscal_year=args.fy)
    for c in checks:
        _say(f"== {c.path.name}（{c.department}）")
        for e in c.errors:
            _say(f"エラー: {e}")
        for w in c.warnings:
            _say(f"注意: {w}")
        for ch in c.changes:
            _say(f"変更: {ch.describe()}")
    return 0 if all(c.ok for c in checks) else 1


def cmd_progress(args: argparse.Namespace) -> int:
    from dxeditor.app.progress import export_report_of_plan

    _say(str(export_report_of_plan(args.file, args.fy, args.format, Path(args.output))))
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    from dxeditor.app import versions as runs
    from dxeditor.plan import versions
    from dxeditor.plan.editor import PlanEditor
    from dxeditor.store.document import PlanDocument

    if args.action in ("create", "delete", "restore") and not args.label:
        raise DxError("版の名前 (--label) を指定してください。", "Give the version's label with --label.")
    if args.action == "list":
        doc = PlanDocument.open(args.file, read_only=True)
        try:
            found = versions.list_versions(doc.session.connection())
        finally:
            doc.close(keep_working_copy=False)
        if args.json:
            _say(json.dumps([vars(v) for v in found], ensure_ascii=False, indent=2))
        for v in [] if args.json else found:
            _say(f"{v.label}\t{v.date_text}\t{v.created_at}\t{v.created_by}\t{v.note}")
        return 0
    if args.action == "restore":
        if not args.output:
            raise DxError("新しい計画ファイル (-o) を指定してください。", "Give the new plan file with -o.")
        target = Path(args.output).absolute()
        check_new_file(target, force=args.force)
        src = PlanDocument.open(args.file, read_only=True)
        try:
            doc = runs.restored_document(src.session.connection(), args.label)
        finally:
            src.close(keep_working_copy=False)
        try:
            doc.save(target)
        finally:
            doc.close(keep_working_copy=False)
        _say(str(target))
        return 0
    doc = PlanDocument.open(args.file)
    try:
        editor = PlanEditor(doc)
        if args.action == "create":
            runs.make_version(editor, args.label, args.date, args.note)
        else:
            v = versions.find_version(doc.session.connection(), args.label)
            editor.run(f"版の削除（{v.label}）", lambda rec: versions.delete_version(rec, v.id))
        doc.save()
    finally:
        doc.close(keep_working_copy=False)
    _say(args.label)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from dxeditor.app import versions as runs

    out = Path(args.output).absolute()
    if not out.parent.is_dir():
        raise PlanFileError(f"出力先のフォルダーが見つかりません: {out.parent}", f"Output folder not found: {out.parent}")
    if args.other:
        cmp = runs.compare_files(_plan_arg(args.file), _plan_arg(args.other))
    else:
        if not args.before:
            raise DxError("比べる版 (--from) を指定してください。", "Give the version to compare from with --from.")
        cmp = runs.compare_in_plan(args.file, args.before, args.after)
    runs.write_comparison(cmp, args.format, out)
    counts = cmp.counts()
    _say(f"{out}")
    from dxeditor.plan.compare import KINDS

    if errors.language() == "en":
        _fail(f"{len(cmp.changes)} change(s): " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    else:
        _fail(f"変更 {len(cmp.changes)} 件（" + "、".join(f"{KINDS[k]} {n}" for k, n in counts.items()) + "）")
    return 0


def _plan_arg(spec: str) -> Path | str:
    """A plan argument: a file's path, or a server plan's URL kept as it is."""
    from dxeditor.app.server import is_server_plan

    return spec if is_server_plan(spec) else Path(spec)


def cmd_server(args: argparse.Namespace) -> int:
    from dxeditor.app import server as runs

    # never a password on the command line or in a file: PGPASSWORD (read by the driver) or a prompt
    password = None
    if args.password:
        import getpass

        password = getpass.getpass("パスワード / password: ")
    if args.server_command == "init":
        _say_upgrade(runs.init(args.url, password))
        _say("準備しました / prepared")
    elif args.server_command == "upgrade":
        _say_upgrade(runs.upgrade(args.url, password))
    elif args.server_command == "push":
        result = runs.push(Path(args.file), args.url, password=password, replace=args.replace)
        _say(f"{result.uid}\t{result.title}\t取組 {result.initiatives} / 工程表の行 {result.schedule_rows}")
    elif args.server_command == "pull":
        out = runs.pull(args.url, args.plan, Path(args.output), password=password, overwrite=args.force)
        _say(str(out))
    else:
        plans = runs.list_server_plans(args.url, password=password)
        if args.json:
            _say(json.dumps([{"uid": p.uid, "title": p.title, "municipality": p.municipality,
                              "pushed_at": p.pushed_at.isoformat(), "pushed_by": p.pushed_by} for p in plans],
                            ensure_ascii=False, indent=2))
        for p in [] if args.json else plans:
            _say(f"{p.uid}\t{p.title}\t{p.municipality}\t{p.pushed_at:%Y-%m-%d %H:%M}\t{p.pushed_by}")
    return 0


def _say_upgrade(result: UpgradeResult) -> None:
    """What ``server init`` / ``server upgrade`` did to the database's layout."""
    en = errors.language() == "en"
    if not result.applied:
        _say(f"Layout already at {result.after}: nothing to do" if en
             else f"データベースの形式はすでに {result.after} です（更新なし）")
        return
    before = result.before or ("not prepared" if en else "未準備")
    _say(f"Layout {before} → {result.after}" if en else f"データベースの形式 {before} → {result.after}")
    for rev, what in result.applied:
        _say(f"  {rev}  {what}")
    plans = ", ".join(result.plans) or ("none" if en else "なし")
    _say(f"Plans gone through: {len(result.plans)} ({plans})" if en
         else f"更新した計画: {len(result.plans)} 件（{plans}）")


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

        # dxeditor.app.server loads the database layer: only for what may name a server plan (the
        # splash paints before the database layer is imported)
        if positional and positional[0].startswith("postgresql"):
            from dxeditor.app.server import is_server_plan

            if is_server_plan(positional[0]):  # a shortcut to a plan on the server
                return run_gui(None, [a for a in rest if a != positional[0]], server=positional[0])
        return run_gui(Path(positional[0]) if positional else None, rest)
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    from dxeditor.core import logsetup

    logsetup.setup()
    log.info("command: %s", args.command)
    handlers = {"info": cmd_info, "check": cmd_check, "new": cmd_new, "export": cmd_export,
                "import": cmd_import, "inquiry": cmd_inquiry, "progress": cmd_progress, "version": cmd_version,
                "compare": cmd_compare, "server": cmd_server}
    try:
        return handlers[args.command](args)
    except DxError as exc:
        log.info("refused: %s", exc)
        _fail(exc.message())
        return exc.exit_code
    except (OSError, ValueError) as exc:
        log.warning("failed: %s", exc, exc_info=True)
        _fail(message_for(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for a person (the log has it); DXEDITOR_DEBUG=1 shows it
        log.exception("unexpected error in %s", args.command)
        if os.environ.get("DXEDITOR_DEBUG"):
            raise
        _fail(message_for(exc))
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
