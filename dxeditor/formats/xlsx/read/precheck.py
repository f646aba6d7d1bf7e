"""The checks every workbook passes before openpyxl sees it (plan imports and inquiry answers).

Encrypted (OLE) and non-zip files, damaged zip streams, zip bombs (declared and actual
uncompressed size, compression ratio), XML with DOCTYPE/ENTITY declarations (entity
expansion), and sheets with more rows or columns than the reader accepts are refused with a
message that says what is wrong. Each kind of workbook has its :class:`WorkbookLimits`: an
inquiry answer holds one department's rows, far less than a plan's schedule table.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dxeditor.core.errors import ImportFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_DIMENSION = re.compile(rb'<dimension[^>]*ref="[A-Z]+\d+:([A-Z]+)(\d+)"')
_FORMULA = re.compile(rb"<f[ >/]")
_ROW = re.compile(rb"<(?:\w{1,10}:)?row[ >/]")
_TAIL = 24  # bytes kept between chunks: longer than any pattern counted above


@dataclass(frozen=True)
class WorkbookLimits:
    """How large a workbook of one kind may be."""

    file_bytes: int = 100 * 1024 * 1024
    uncompressed: int = 200 * 1024 * 1024
    ratio: int = 100  # uncompressed ÷ compressed size of one part (above 1 MB)
    parts: int = 5000
    sheet_rows: int = 200_000
    sheet_cols: int = 5000


#: A plan workbook (dxeditor's own or a municipal 工程表).
IMPORT_LIMITS = WorkbookLimits()
#: A department's answer to an inquiry: one department's rows, bars and KPIs.
ANSWER_LIMITS = WorkbookLimits(file_bytes=20 * 1024 * 1024, uncompressed=60 * 1024 * 1024, parts=500,
                               sheet_rows=50_000, sheet_cols=200)


@dataclass
class FileCheck:
    """What the safety scan learned: formula cells in the sheets."""

    formulas: int = 0


def _err(ja: str, en: str, src: Path) -> ImportFormatError:
    return ImportFormatError(ja, en, where=str(src))


def check_workbook_file(src: Path, limits: WorkbookLimits = IMPORT_LIMITS) -> FileCheck:
    """Refuse files openpyxl must not see (encrypted, not a zip, damaged, bombs, DOCTYPE, huge sheets)."""
    src = Path(src)
    try:
        size = src.stat().st_size
        if not src.is_file():
            raise _err("通常のファイルではありません", "Not a regular file", src)
        with open(src, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise _err("ファイルが見つかりません", "File not found", src) from None
    except OSError as exc:
        raise _err(f"ファイルを読めません（{exc.strerror}）", f"Cannot read the file ({exc.strerror})", src) from None
    if head.startswith(OLE_MAGIC):
        raise _err("パスワード付きのブックは読めません（パスワードを解除して .xlsx で保存し直してください）。"
                   "古い形式 (.xls) のブックも .xlsx で保存し直してから取り込んでください。",
                   "Password-protected (encrypted) or legacy .xls workbooks cannot be read; "
                   "remove the password and save as .xlsx.", src)
    if not head.startswith(ZIP_MAGIC):
        raise _err("Excel ブック (.xlsx) ではありません（形式が違うか、ファイルが壊れています）",
                   "Not an Excel workbook (.xlsx): wrong format or damaged", src)
    if size > limits.file_bytes:
        raise _err(f"ファイルが大きすぎます（{size // 2**20} MB、上限 {limits.file_bytes // 2**20} MB）",
                   f"The file is too large ({size // 2**20} MB; limit {limits.file_bytes // 2**20} MB)", src)
    try:
        with zipfile.ZipFile(src) as zf:
            return _scan_zip(zf, src, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, zlib.error,
            RuntimeError) as exc:
        raise _err(f"ブックが壊れています（ZIP として読めません: {exc}）",
                   f"The workbook is damaged (not a readable zip: {exc})", src) from None
    except OSError as exc:  # a damaged local header makes zipfile seek or read outside the file
        raise _err(f"ブックが壊れています（ZIP として読めません: {exc.strerror or exc}）",
                   f"The workbook is damaged (not a readable zip: {exc.strerror or exc})", src) from None


def _scan_zip(zf: zipfile.ZipFile, src: Path, limits: WorkbookLimits) -> FileCheck:
    infos = zf.infolist()
    if len(infos) > limits.parts:
        raise _err(f"ブックの部品が多すぎます（{len(infos)} 個、上限 {limits.parts} 個）",
                   f"Too many parts in the workbook ({len(infos)}; limit {limits.parts})", src)
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise _err("Excel ブックではありません（xl/workbook.xml がありません）",
                   "Not an Excel workbook (no xl/workbook.xml)", src)
    if any(i.flag_bits & 0x1 for i in infos):
        raise _err("暗号化された ZIP は読めません", "Encrypted zip entries cannot be read", src)
    declared = sum(i.file_size for i in infos)
    if declared > limits.uncompressed:
        raise _err(f"展開後の大きさが {declared // 2**20} MB あり上限（{limits.uncompressed // 2**20} MB）を超えます"
                   "（ZIP 爆弾の疑い）。取り込みません",
                   f"Uncompressed size {declared // 2**20} MB exceeds the limit (zip bomb?)", src)
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > limits.ratio * max(i.compress_size, 1):
            raise _err(f"{i.filename} の圧縮率が異常です（{i.file_size // max(i.compress_size, 1)} 倍、ZIP 爆弾の疑い）。"
                       "取り込みません", f"{i.filename} has an abnormal compression ratio (zip bomb?)", src)
    check = FileCheck()
    total = 0
    for i in infos:
        if not i.filename.endswith((".xml", ".rels", ".vml")):
            continue
        sheet = i.filename.startswith("xl/worksheets/")
        tail = b""
        first = True
        rows = 0
        with zf.open(i) as fh:
            while chunk := fh.read(1 << 20):
                total += len(chunk)
                if total > limits.uncompressed:  # the declared sizes can lie
                    raise _err("展開後の大きさが上限を超えます（ZIP 爆弾の疑い）。取り込みません",
                               "The uncompressed size exceeds the limit (zip bomb?)", src)
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise _err(f"{i.filename} に DOCTYPE / ENTITY 宣言があります（XML 爆弾の疑い）。取り込みません",
                               f"{i.filename} declares a DOCTYPE or ENTITY (XML bomb?)", src)
                if sheet:
                    check.formulas += len(_FORMULA.findall(window)) - len(_FORMULA.findall(tail))
                    rows += len(_ROW.findall(window)) - len(_ROW.findall(tail))
                    if rows > limits.sheet_rows:
                        raise _err(f"シート（{i.filename}）の行が多すぎます（{limits.sheet_rows:,} 行を超えています）",
                                   f"The sheet {i.filename} has too many rows (more than {limits.sheet_rows:,})", src)
                    if first:
                        _check_dimension(chunk[:4096], i.filename, src, limits)
                first = False
                tail = chunk[-_TAIL:]
    return check


def _check_dimension(head: bytes, part: str, src: Path, limits: WorkbookLimits) -> None:
    m = _DIMENSION.search(head)
    if not m:
        return
    letters, rows = m.group(1).decode(), int(m.group(2))
    cols = 0
    for ch in letters:
        cols = cols * 26 + ord(ch) - 64
    if rows > limits.sheet_rows or cols > limits.sheet_cols:
        raise _err(f"シート（{part}）が大きすぎます（{rows} 行 × {cols} 列、上限 {limits.sheet_rows} 行 × "
                   f"{limits.sheet_cols} 列）", f"The sheet {part} is too large ({rows} rows x {cols} columns)", src)


def load_workbook_bytes(path: Path, *, read_only: bool) -> Any:
    """openpyxl's workbook of ``path``, read from its bytes (the pre-check bounds their size).

    The file is read whole and let go at once: a workbook that openpyxl cannot parse leaves
    no open handle behind (on Windows such a handle would keep the file from being moved or
    deleted until the garbage collector runs), and a read-only workbook holds no file either.
    """
    import io
    import warnings

    from openpyxl import load_workbook

    data = Path(path).read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(io.BytesIO(data), read_only=read_only, data_only=True)
