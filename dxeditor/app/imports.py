"""Making a plan file from a JSON plan or a workbook: the checks and the run shared by CLI and GUI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dxeditor.core.errors import ImportFormatError, PlanFileError, language

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OLD_WORKBOOK_SUFFIXES = (".xls",)


def old_workbook_error(src: Path) -> ImportFormatError:
    """The refusal of an Excel 97-2003 (.xls) workbook, which openpyxl cannot read."""
    return ImportFormatError("古い形式(.xls)のブックは読み込めません。Excelで.xlsx形式で保存し直してください。",
                             "Old-format (.xls) workbooks cannot be read. Save the workbook again in .xlsx "
                             "format in Excel.", where=str(src))


def check_new_file(path: Path, *, force: bool) -> None:
    """Refuse to create ``path`` when it exists (unless ``force``) or its folder cannot be written."""
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


@dataclass
class ImportRun:
    """What an import did (or, for a dry run, would do)."""

    report: str = ""
    target: Path | None = None
    warnings: list[str] = field(default_factory=list)


def import_plan_file(src: Path, target: Path | None, *, force: bool = False, dry_run: bool = False) -> ImportRun:
    """Check ``src`` (JSON or workbook) and, unless ``dry_run``, save it as the plan ``target``.

    Nothing is written when the input is refused.
    """
    from dxeditor.formats.json import io as json_io

    suffix = src.suffix.lower()
    if suffix in OLD_WORKBOOK_SUFFIXES:
        src.stat()  # a missing file says so (FileNotFoundError → message) before the format does
        raise old_workbook_error(src)
    run = ImportRun()
    if suffix in WORKBOOK_SUFFIXES:
        from dxeditor.formats.xlsx.read.workbook import load_workbook_import

        result = load_workbook_import(src)
        data, run.report, run.warnings = result.data, result.report(), list(result.warnings)
    else:
        data = json_io.load_json_file(src)
        json_io.check_data(data, str(src))
        run.report = "The JSON is valid." if language() == "en" else "JSON は正しい形式です。"
    if dry_run:
        return run
    if target is None:
        raise ImportFormatError("出力ファイル (-o) を指定してください。", "Give an output file with -o.")
    check_new_file(target, force=force)
    doc = json_io.import_data(data, str(src))
    try:
        doc.save(target)
    finally:
        doc.close(keep_working_copy=False)
    run.target = target
    return run
