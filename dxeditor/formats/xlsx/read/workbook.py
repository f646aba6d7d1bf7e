"""Excel import: our own workbooks back into plans, and municipal 工程表 workbooks recognised.

1. A workbook written by :mod:`xlsx_export` carries the plan as JSON on the hidden
   ``_dxeditor`` sheet (with its SHA-256); it imports back exactly.
2. Any other workbook (or one whose data sheet is missing or was altered) is recognised:
   the sheet with a fiscal-year header row is read by :mod:`xlsx_recognise` and
   :mod:`xlsx_body` into the JSON plan shape, checked with ``check_data`` and imported.

Before openpyxl sees a file it is checked: encrypted (OLE) and non-zip files, zip bombs
(declared and actual uncompressed size, compression ratio), XML with DOCTYPE/ENTITY
declarations (entity expansion) and absurd sheet dimensions are refused with a message.
Nothing is written unless the whole import succeeds.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxeditor.core.errors import DxError, ImportFormatError
from dxeditor.core.perf import gc_paused
from dxeditor.formats.json.io import check_data, import_data
from dxeditor.formats.xlsx.read.body import BodyReader, Counts, FillPhase
from dxeditor.formats.xlsx.read.grid import Grid, col_name, read_grid
from dxeditor.formats.xlsx.read.recognise import ROLES, Layout, recognise_layout
from dxeditor.formats.xlsx.write.sheets import (
    DATA_ENCODING,
    DATA_FIRST_ROW,
    DATA_MARKER,
    DATA_SHEET,
    DATA_VERSION,
)
from dxeditor.store.document import PlanDocument

log = logging.getLogger(__name__)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_PARTS = 5000
MAX_SHEET_ROWS = 200_000
MAX_SHEET_COLS = 5000
_DIMENSION = re.compile(rb'<dimension[^>]*ref="[A-Z]+\d+:([A-Z]+)(\d+)"')
_FORMULA = re.compile(rb"<f[ >/]")


def _err(ja: str, en: str, src: Path) -> ImportFormatError:
    return ImportFormatError(ja, en, where=str(src))


@dataclass
class FileCheck:
    """What the safety scan learned: formula cells per sheet part."""

    formulas: int = 0


def check_workbook_file(src: Path) -> FileCheck:
    """Refuse files openpyxl must not see (encrypted, not a zip, bombs, DOCTYPE, huge sheets)."""
    try:
        size = src.stat().st_size
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
    if size > MAX_FILE_BYTES:
        raise _err(f"ファイルが大きすぎます（{size // 2**20} MB、上限 {MAX_FILE_BYTES // 2**20} MB）",
                   f"The file is too large ({size // 2**20} MB; limit {MAX_FILE_BYTES // 2**20} MB)", src)
    try:
        with zipfile.ZipFile(src) as zf:
            return _scan_zip(zf, src)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise _err(f"ブックが壊れています（ZIP として読めません: {exc}）",
                   f"The workbook is damaged (not a readable zip: {exc})", src) from None


def _scan_zip(zf: zipfile.ZipFile, src: Path) -> FileCheck:
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        raise _err(f"ブックの部品が多すぎます（{len(infos)} 個）", f"Too many parts in the workbook ({len(infos)})", src)
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise _err("Excel ブックではありません（xl/workbook.xml がありません）",
                   "Not an Excel workbook (no xl/workbook.xml)", src)
    if any(i.flag_bits & 0x1 for i in infos):
        raise _err("暗号化された ZIP は読めません", "Encrypted zip entries cannot be read", src)
    declared = sum(i.file_size for i in infos)
    if declared > MAX_UNCOMPRESSED:
        raise _err(f"展開後の大きさが {declared // 2**20} MB あり上限（{MAX_UNCOMPRESSED // 2**20} MB）を超えます"
                   "（ZIP 爆弾の疑い）。取り込みません",
                   f"Uncompressed size {declared // 2**20} MB exceeds the limit (zip bomb?)", src)
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise _err(f"{i.filename} の圧縮率が異常です（{i.file_size // max(i.compress_size, 1)} 倍、ZIP 爆弾の疑い）。"
                       "取り込みません", f"{i.filename} has an abnormal compression ratio (zip bomb?)", src)
    check = FileCheck()
    total = 0
    for i in infos:
        if not i.filename.endswith((".xml", ".rels", ".vml")):
            continue
        tail = b""
        first = True
        with zf.open(i) as fh:
            while chunk := fh.read(1 << 20):
                total += len(chunk)
                if total > MAX_UNCOMPRESSED:
                    raise _err("展開後の大きさが上限を超えます（ZIP 爆弾の疑い）。取り込みません",
                               "The uncompressed size exceeds the limit (zip bomb?)", src)
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise _err(f"{i.filename} に DOCTYPE / ENTITY 宣言があります（XML 爆弾の疑い）。取り込みません",
                               f"{i.filename} declares a DOCTYPE or ENTITY (XML bomb?)", src)
                if i.filename.startswith("xl/worksheets/"):
                    check.formulas += len(_FORMULA.findall(window)) - len(_FORMULA.findall(tail))
                    if first:
                        _check_dimension(chunk[:4096], i.filename, src)
                first = False
                tail = chunk[-16:]
    return check


def _check_dimension(head: bytes, part: str, src: Path) -> None:
    m = _DIMENSION.search(head)
    if not m:
        return
    letters, rows = m.group(1).decode(), int(m.group(2))
    cols = 0
    for ch in letters:
        cols = cols * 26 + ord(ch) - 64
    if rows > MAX_SHEET_ROWS or cols > MAX_SHEET_COLS:
        raise _err(f"シート（{part}）が大きすぎます（{rows} 行 × {cols} 列、上限 {MAX_SHEET_ROWS} 行 × {MAX_SHEET_COLS} 列）",
                   f"The sheet {part} is too large ({rows} rows x {cols} columns)", src)


def _load(src: Path, *, read_only: bool) -> Any:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(src, read_only=read_only, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged parts
        log.warning("unreadable workbook %s", src, exc_info=True)
        raise _err(f"ブックを読めません（壊れているか、対応していない形式です: {type(exc).__name__}: {exc}）",
                   f"Cannot read the workbook (damaged or unsupported: {type(exc).__name__}: {exc})", src) from None


def read_embedded(src: Path) -> tuple[dict[str, Any] | None, list[str], list[str]]:
    """The plan JSON on our hidden sheet, or None (with the reason) when absent or altered;
    also the names of the visible sheets (read without loading every cell)."""
    wb = _load(src, read_only=True)
    try:
        visible = [ws.title for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"
                   and ws.title != DATA_SHEET]
        data, notes = _embedded(wb, src)
    finally:
        wb.close()
    return data, notes, visible


def _embedded(wb: Any, src: Path) -> tuple[dict[str, Any] | None, list[str]]:
    if DATA_SHEET not in wb.sheetnames:
        return None, []
    altered = ["埋め込みの計画データ（_dxeditor シート）が変更されているため、表から読み取りました"]
    sheet = wb[DATA_SHEET]
    cells = [row[0] for row in sheet.iter_rows(min_col=1, max_col=1, values_only=True)]
    version = next(sheet.iter_rows(min_row=1, max_row=1, min_col=2, max_col=2, values_only=True), (None,))[0]
    try:
        if cells[0] != DATA_MARKER:
            return None, altered
        if int(version or 0) > DATA_VERSION:
            raise _err("新しいバージョンの dxeditor で書き出されたブックです。dxeditor を更新してください",
                       "The workbook was written by a newer dxeditor; update dxeditor", src)
        digest, count, encoding = str(cells[2]), int(cells[3] or 0), cells[4]
        packed = "".join(str(x or "") for x in cells[DATA_FIRST_ROW:DATA_FIRST_ROW + count])
        if encoding != DATA_ENCODING:
            return None, altered
        inflater = zlib.decompressobj()
        raw = inflater.decompress(base64.b64decode(packed, validate=True), MAX_UNCOMPRESSED)
        if inflater.unconsumed_tail:
            return None, altered  # larger than any plan we write: refuse to inflate further
    except (IndexError, TypeError, ValueError, zlib.error):
        return None, altered
    if hashlib.sha256(raw).hexdigest() != digest:
        return None, altered
    try:
        data = json.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None, altered
    return data, []


@dataclass
class WorkbookImport:
    """The outcome of reading a workbook: plan data and what was recognised."""

    source: Path
    kind: str  # "embedded" or "recognised"
    data: dict[str, Any]
    counts: Counts
    layout: Layout | None = None
    grid: Grid | None = None
    sheets: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fills: list[FillPhase] = field(default_factory=list)  # fills of the bars → phases (recognised only)

    def report(self) -> str:
        """The recognition report (dry run and preview), in Japanese."""
        c = self.counts
        lines = [f"ファイル: {self.source}"]
        if self.kind == "embedded":
            lines.append("dxeditor で書き出したブックです（埋め込みの計画データから正確に読み込みます）")
        elif self.layout is not None:
            lay = self.layout
            lines.append(f"シート: {lay.sheet}")
            lines.append("見出し行: " + "、".join(f"{r}行目" for r in lay.header_rows))
            lines.append("年度の列: " + "、".join(f"{col_name(y.col)}={y.label}" for y in lay.years[:24])
                         + (" …" if len(lay.years) > 24 else ""))
            lines.append("列の役割: " + "、".join(f"{col_name(col)}={ROLES[r]}"
                                              + (f"（{lay.headers[col]}）" if lay.headers.get(col) else "")
                                              for col, r in sorted(lay.roles.items())))
            lines.append(f"データ行: {lay.data_first}〜{lay.data_last}行目")
        lines.append(f"表題: {self.data['plan']['title']}")
        if self.fills:
            lines.append("工程の塗り → 区分: " + "、".join(
                f"{f.color or '塗りなし'}→{f.name}（{f.bars}）" for f in self.fills))
        lines.append(f"認識結果: セクション {c.sections}、取組 {c.initiatives}、行 {c.rows}、工程 {c.bars}、"
                     f"節目 {c.milestones}、部署 {c.departments}")
        lines += [f"警告: {w}" for w in self.warnings]
        return "\n".join(lines)


def _counts(data: dict[str, Any]) -> Counts:
    rows = [r for it in data.get("initiatives", []) for r in it.get("schedule_rows", [])]
    return Counts(len(data.get("sections", [])), len(data.get("initiatives", [])), len(rows),
                  sum(len(r.get("bars", [])) for r in rows), sum(len(r.get("milestones", [])) for r in rows),
                  len(data.get("departments", [])))


class WorkbookReader:
    """A checked, loaded workbook that can be recognised again with other column roles."""

    def __init__(self, src: Path) -> None:
        self.src = Path(src)
        self.check = check_workbook_file(self.src)
        self.notes: list[str] = []
        if self.check.formulas:
            self.notes.append(f"数式のセルが {self.check.formulas} 個あります。保存されている計算結果の値で読みました")
        self.embedded, reasons, self._sheets = read_embedded(self.src)
        self.notes += reasons
        self._wb: Any = None
        self._grids: dict[str, Grid] = {}

    def sheets(self) -> list[str]:
        """The visible sheets of the workbook."""
        return list(self._sheets)

    def _book(self) -> Any:
        if self._wb is None:
            self._wb = _load(self.src, read_only=True)
        return self._wb

    def grid(self, sheet: str) -> Grid:
        """The cells of ``sheet`` (read once, then kept for re-recognition)."""
        if sheet not in self._grids:
            try:
                self._grids[sheet] = read_grid(self._book()[sheet])
            except DxError:
                raise
            except Exception as exc:  # a damaged sheet part
                log.warning("unreadable sheet %r in %s", sheet, self.src, exc_info=True)
                raise _err(f"シート「{sheet}」を読めません（{type(exc).__name__}: {exc}）",
                           f"Cannot read sheet {sheet!r} ({type(exc).__name__}: {exc})", self.src) from None
        return self._grids[sheet]

    def read(self, *, sheet: str | None = None, roles: dict[int, str] | None = None,
             use_embedded: bool = True, phase_names: dict[str, str] | None = None) -> WorkbookImport:
        """The plan in the workbook: embedded data when intact, otherwise recognised from ``sheet``.

        ``phase_names`` names the phase of each fill colour (see :attr:`WorkbookImport.fills`).
        """
        with gc_paused():
            return self._read(sheet, roles, use_embedded, phase_names or {})

    def _read(self, sheet: str | None, roles: dict[int, str] | None, use_embedded: bool,
              phase_names: dict[str, str]) -> WorkbookImport:
        if self.embedded is not None and use_embedded and sheet is None and not roles:
            check_data(self.embedded, str(self.src))
            return WorkbookImport(self.src, "embedded", self.embedded, _counts(self.embedded), warnings=[])
        names = [sheet] if sheet else self.sheets()
        found: list[tuple[Grid, Layout]] = []
        for name in names:
            g = self.grid(name)
            lay = recognise_layout(g, roles)
            if lay is not None:
                found.append((g, lay))
        if not found:
            raise _err("工程表として読み取れるシートがありません。年度の見出し行（例: 令和4年度 / 2022年度 / R4、"
                       f"先頭 40 行）を探しました。調べたシート: {'、'.join(names) or 'なし'}",
                       "No sheet looks like a schedule table: no fiscal-year header row (e.g. 令和4年度 / 2022年度 / R4) "
                       "in the first 40 rows", self.src)
        g, lay = max(found, key=lambda x: (x[1].data_last - x[1].data_first, x[1].sheet == "工程表"))
        body = BodyReader(g, lay, phase_names=dict(phase_names))
        body.read()
        data = body.plan_data(self._title(g, lay))
        if not data["initiatives"]:
            raise _err(f"シート「{lay.sheet}」に年度の見出しはありますが、取組や工程の行が見つかりません"
                       f"（{lay.data_first}行目以降）", f"Sheet {lay.sheet!r} has year headers but no rows", self.src)
        check_data(data, str(self.src))
        warns = self.notes + g.warnings + lay.warnings + body.warnings
        return WorkbookImport(self.src, "recognised", data, body.counts, lay, g, self.sheets(), warns,
                              body.fills_found())

    def _title(self, g: Grid, lay: Layout) -> str:
        """The title the workbook gives: text above the table, the document title, the sheet's page
        header, the sheet's own name; the file name only when it has none of these."""
        found = _title(g, lay)
        if found:
            return found
        wb = self._book()
        props = getattr(wb, "properties", None)
        if props is not None and (props.title or "").strip():
            return " ".join(props.title.split())
        if not re.fullmatch(r"(Sheet|シート)\s*\d*", g.name.strip(), re.IGNORECASE):
            return g.name.strip()
        return self.src.stem

    def close(self) -> None:
        """Release the workbook file."""
        if self._wb is not None:
            self._wb.close()
            self._wb = None


def _title(g: Grid, lay: Layout) -> str:
    above = [r for r in lay.headings if r < lay.header_rows[0]]  # the first table's heading is no title
    for r in range(1, min([lay.header_rows[0], *above])):
        for c in range(1, g.max_col + 1):
            v = g.value(r, c)
            if isinstance(v, str) and v.strip():
                return re.sub(r"[\s　]*工程表$", "", " ".join(v.split())) or v
    return ""


def load_workbook_import(src: Path, *, sheet: str | None = None, roles: dict[int, str] | None = None) -> WorkbookImport:
    """Read ``src`` (checked) into plan data and its recognition report."""
    reader = WorkbookReader(Path(src))
    try:
        return reader.read(sheet=sheet, roles=roles)
    finally:
        reader.close()


def import_workbook(src: Path, target: Path | None = None, **kw: Any) -> PlanDocument:
    """A new document from the workbook ``src`` (nothing is created on error)."""
    result = load_workbook_import(src, **kw)
    return import_data(result.data, str(src), target)
