"""Import of a department list (部 / 課 / 係) from CSV, TSV or a workbook's first sheet.

:func:`parse_department_file` (pure, for a preview) reads a file; :func:`preview_import` tells
which departments are new; :func:`import_departments` adds them as one change through a
:class:`~dxeditor.plan.changes.Recorder`.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from dxeditor.core.errors import ImportFormatError
from dxeditor.plan.changes import Recorder
from dxeditor.plan.ops.departments import (
    MAX_NAME,
    add_department,
    check_fy,
    guess_kind,
    list_departments,
)

_LEVELS = {0: {"部", "局", "部局", "部等"}, 1: {"課", "室", "課室", "課・室", "課等", "課(室)", "所属課"},
           2: {"係", "担当", "班", "グループ", "係・担当", "係等"}}
_NAMES = {"名称", "部署", "組織", "所属", "名前", "部署等"}
_PARENTS = {"親", "上位", "親部署", "上位部署", "上位組織", "親組織", "上位所属", "親の部署"}
_KINDS = {"種別", "区分", "種類", "組織区分"}
_CODES = {"コード", "CODE", "所属コード", "部署コード", "組織コード"}
MAX_IMPORT_ROWS = 20_000


def normalize_name(name: str) -> str:
    """The form names are compared in: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@dataclass(frozen=True)
class ImportItem:
    """One department of an import file: its path of names from the top (総務部, 総務課, 庶務係)."""

    line: int
    path: tuple[str, ...]
    kind: str = ""  # the last element's kind when the file gives it
    code: str = ""
    anchored: bool = False  # the first name refers to a department anywhere (parent-column files)


@dataclass(frozen=True)
class ImportProblem:
    """A line of the file that is skipped, and why."""

    line: int
    ja: str
    en: str


@dataclass
class ParsedDepartments:
    """The result of reading an import file: departments to add and the lines skipped."""

    items: list[ImportItem]
    problems: list[ImportProblem]
    layout: str  # "levels" (部, 課, 係 columns) / "parent" (name + parent columns)
    header: bool


@dataclass
class ImportReport:
    """What an import did: paths added, items skipped (already registered or problems)."""

    added: list[tuple[str, ...]]
    skipped: list[ImportProblem]


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return " ".join(str(v).split())


def _role(cell: str) -> tuple[str, int] | None:
    key = normalize_name(cell).upper()
    for cand in (key, key.removesuffix("名"), key.removesuffix("名称")):
        for level, words in _LEVELS.items():
            if cand in words:
                return "level", level
        for role, words in (("name", _NAMES), ("parent", _PARENTS), ("kind", _KINDS), ("code", _CODES)):
            if cand in words:
                return role, 0
    return None


def parse_department_rows(rows: Sequence[Sequence[Any]]) -> ParsedDepartments:
    """Read a table (list of rows of cells) of departments; pure, for a preview before importing.

    Columns 部 / 課 / 係 (blank cells repeat the row above, as in merged Excel cells), or one
    name column with a parent column. A header row is recognised by its words; without one,
    two columns whose second names entries of the first are read as name + parent.
    """
    table = [[_cell(v) for v in r] for r in rows]
    numbered = [(n, r) for n, r in enumerate(table, start=1) if any(r)]
    if not numbered:
        raise _format_error("部署名が見つかりません（空のファイルです）。", "The file holds no departments.")
    if len(numbered) > MAX_IMPORT_ROWS:
        raise _format_error(f"行が多すぎます（{len(numbered):,} 行、上限 {MAX_IMPORT_ROWS:,} 行）。",
                            f"Too many rows ({len(numbered):,}; at most {MAX_IMPORT_ROWS:,}).")
    roles = {i: r for i, c in enumerate(numbered[0][1]) if (r := _role(c)) is not None}
    header = any(r[0] in ("level", "name") for r in roles.values())
    if header:
        numbered = numbered[1:]
        levels = sorted((r[1], i) for i, r in roles.items() if r[0] == "level")
        cols = {r[0]: i for i, r in reversed(roles.items())}
        kind_col, code_col = cols.get("kind"), cols.get("code")
        if levels:
            level_cols = [i for _, i in levels]
        else:
            return _parse_parent(numbered, cols["name"], cols.get("parent"), kind_col, code_col, header)
    else:
        kind_col = code_col = None
        width = max(max((i + 1 for i, c in enumerate(r) if c), default=0) for _, r in numbered)
        firsts = {r[0] for _, r in numbered if r[0]}
        seconds = {r[1] for _, r in numbered if len(r) > 1 and r[1]}
        if width == 2 and seconds and seconds <= firsts:
            return _parse_parent(numbered, 0, 1, None, None, header)
        level_cols = list(range(min(width, 3)))
    return _parse_levels(numbered, level_cols, kind_col, code_col, header)


def _at(row: Sequence[str], i: int | None) -> str:
    return row[i] if i is not None and i < len(row) else ""


def _parse_levels(numbered: list[tuple[int, list[str]]], cols: list[int], kind_col: int | None,
                  code_col: int | None, header: bool) -> ParsedDepartments:
    items: list[ImportItem] = []
    problems: list[ImportProblem] = []
    seen: dict[tuple[str, ...], int] = {}
    above: list[str] = [""] * len(cols)
    for line, row in numbered:
        cells = [_at(row, c) for c in cols]
        deepest = max((k for k, c in enumerate(cells) if c), default=-1)
        if deepest < 0:
            problems.append(ImportProblem(line, "部署名がないため読み飛ばします。", "no department name; skipped"))
            continue
        filled = [c or (above[k] if k < deepest else "") for k, c in enumerate(cells)]
        above = filled[: deepest + 1] + [""] * (len(cols) - deepest - 1)
        path = tuple(c for c in filled if c)
        _add_item(items, problems, seen, ImportItem(line, path, _at(row, kind_col), _at(row, code_col)))
    return ParsedDepartments(items, problems, "levels", header)


def _parse_parent(numbered: list[tuple[int, list[str]]], name_col: int, parent_col: int | None,
                  kind_col: int | None, code_col: int | None, header: bool) -> ParsedDepartments:
    items: list[ImportItem] = []
    problems: list[ImportProblem] = []
    parents: dict[str, str] = {}
    entries = []
    for line, row in numbered:
        name, parent = _at(row, name_col), _at(row, parent_col)
        if not name:
            problems.append(ImportProblem(line, "部署名がないため読み飛ばします。", "no department name; skipped"))
            continue
        parents.setdefault(name, parent)
        entries.append((line, name, row))
    seen: dict[tuple[str, ...], int] = {}
    for line, name, row in entries:
        path = [name]
        parent = _at(row, parent_col)
        while parent:
            if parent in path:
                problems.append(ImportProblem(line, f"上位部署の指定が循環しています（{parent}）。",
                                              f"the parent chain loops ({parent})"))
                break
            path.insert(0, parent)
            parent = parents.get(parent, "")
        else:
            anchored = len(path) > 1 and path[0] not in parents
            _add_item(items, problems, seen, ImportItem(line, tuple(path), _at(row, kind_col),
                                                        _at(row, code_col), anchored))
    return ParsedDepartments(items, problems, "parent", header)


def _add_item(items: list[ImportItem], problems: list[ImportProblem], seen: dict[tuple[str, ...], int],
              item: ImportItem) -> None:
    key = tuple(normalize_name(p) for p in item.path)
    too_long = next((p for p in item.path if len(p) > MAX_NAME), None)
    if too_long is not None:
        problems.append(ImportProblem(item.line, f"部署名が長すぎるため読み飛ばします（{len(too_long)} 文字）。",
                                      "name too long; skipped"))
    elif key in seen:
        problems.append(ImportProblem(item.line, f"{seen[key]} 行目と重複しているため読み飛ばします（{' ＞ '.join(item.path)}）。",
                                      f"duplicate of line {seen[key]}; skipped"))
    else:
        seen[key] = item.line
        items.append(item)


MAX_TABLE_BYTES = 20 * 1024 * 1024  # a department list is a few hundred lines


def _format_error(ja: str, en: str, where: str | None = None) -> ImportFormatError:
    return ImportFormatError(ja, en, where=where)


def read_table(path: str | os.PathLike[str]) -> list[list[Any]]:
    """The cells of a CSV / TSV file (UTF-8 with or without BOM, UTF-16, Shift_JIS) or a workbook's first sheet."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_TABLE_BYTES:
            raise _format_error(f"ファイルが大きすぎます（上限 {MAX_TABLE_BYTES // 2**20} MB）",
                                f"The file is too large (limit {MAX_TABLE_BYTES // 2**20} MB)", str(p))
        data = p.read_bytes()
    except OSError as exc:
        raise _format_error(f"ファイルを読めません: {exc.strerror or exc}", f"Cannot read the file: {exc}",
                            str(p)) from None
    if data[:4] == b"PK\x03\x04":
        return _read_workbook(p)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _format_error("Excel 97-2003 形式（.xls）は読めません。Excel で .xlsx 形式か CSV で保存し直してください。",
                            "Old .xls workbooks cannot be read; save as .xlsx or CSV.", str(p))
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        raise _format_error("Excel ブックとして読めません（壊れているか、別の形式です）。",
                            "Not a readable workbook (damaged or another format).", str(p))
    text = _decode(data, str(p))
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise _format_error(f"CSV として読めません: {exc}", f"Not readable as CSV: {exc}", str(p)) from None


def _decode(data: bytes, where: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp932"]
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise _format_error("文字コードを判別できないか、テキストファイルではありません。"
                        "UTF-8 または Shift_JIS の CSV、または Excel ブック（.xlsx）を指定してください。",
                        "Unknown encoding or not a text file; use a UTF-8 or Shift_JIS CSV, or an .xlsx workbook.",
                        where)


def _read_workbook(p: Path) -> list[list[Any]]:

    from dxeditor.formats.xlsx.read.precheck import ANSWER_LIMITS, check_workbook_file, load_workbook_bytes

    try:
        check_workbook_file(p, ANSWER_LIMITS)  # the checks every workbook read passes (bombs, DOCTYPE, size)
    except ImportFormatError as exc:
        raise _format_error(f"Excel ブックとして読めません: {exc.ja}", f"Not a readable workbook: {exc.en}",
                            str(p)) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook_bytes(Path(p), read_only=True)
            try:
                if not wb.worksheets:
                    return []
                return [list(r) for _, r in zip(range(MAX_IMPORT_ROWS + 2),
                                                wb.worksheets[0].iter_rows(values_only=True), strict=False)]
            finally:
                wb.close()
    except Exception as exc:  # openpyxl raises many kinds (XML, zip, value errors) for damaged parts
        raise _format_error(f"Excel ブックとして読めません（壊れているか、別の形式です）: {type(exc).__name__}: {exc}",
                            f"Not a readable workbook: {type(exc).__name__}: {exc}", str(p)) from None


def parse_department_file(path: str | os.PathLike[str]) -> ParsedDepartments:
    """:func:`read_table` then :func:`parse_department_rows` (errors name the file)."""
    try:
        return parse_department_rows(read_table(path))
    except ImportFormatError as exc:
        if exc.where is None:
            exc.where = str(path)
        raise


def _walk_import(conn: Connection, parsed: ParsedDepartments, fy: int | None,
                 create: Any) -> list[tuple[ImportItem, str]]:
    """Match each item's path against the tree; ``create(name, parent, kind, code)`` makes what is missing."""
    index: dict[tuple[int | None, str], int] = {}
    anywhere: dict[str, list[int]] = {}
    for d in list_departments(conn, fy):
        if d.valid_in(fy):
            index.setdefault((d.parent_id, normalize_name(d.name)), d.id)
            anywhere.setdefault(normalize_name(d.name), []).append(d.id)
    out: list[tuple[ImportItem, str]] = []
    for item in parsed.items:
        parent: int | None = None
        made = False
        for depth, name in enumerate(item.path):
            key = normalize_name(name)
            found = index.get((parent, key))
            if found is None and depth == 0 and item.anchored and len(anywhere.get(key, [])) == 1:
                found = anywhere[key][0]
            if found is None:
                last = depth == len(item.path) - 1
                found = create(name, parent, (item.kind if last else "") or guess_kind(name, depth),
                               item.code if last else "")
                index[(parent, key)] = found
                made = made or last
            parent = found
        out.append((item, "new" if made else "exists"))
    return out


def preview_import(conn: Connection, parsed: ParsedDepartments, fy: int | None = None) -> list[tuple[ImportItem, str]]:
    """Each item with "new" (will be added) or "exists" (already registered; skipped)."""
    fake = iter(range(-1, -10**9, -1))
    return _walk_import(conn, parsed, fy, lambda *a: next(fake))


def import_departments(rec: Recorder, parsed: ParsedDepartments, fy: int | None = None) -> ImportReport:
    """Add the departments of ``parsed`` that are not registered yet (valid from ``fy`` when given)."""
    if fy is not None:
        check_fy(fy)

    def create(name: str, parent: int | None, kind: str, code: str) -> int:
        return add_department(rec, name, parent, kind, valid_from_fy=fy, code=code)

    report = ImportReport([], list(parsed.problems))
    for item, status in _walk_import(rec.conn, parsed, fy, create):
        if status == "new":
            report.added.append(item.path)
        else:
            report.skipped.append(ImportProblem(item.line, f"既に登録されています（{' ＞ '.join(item.path)}）。",
                                                "already registered"))
    report.skipped.sort(key=lambda p: p.line)
    return report
