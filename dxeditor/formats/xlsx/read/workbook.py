"""Excel import: our own workbooks back into plans, and municipal 工程表 workbooks recognised.

1. A workbook written by :mod:`xlsx_export` carries the plan as JSON on the hidden
   ``_dxeditor`` sheet (with its SHA-256); it imports back exactly.
2. Any other workbook (or one whose data sheet is missing or was altered) is recognised:
   the sheet with a fiscal-year header row is read by :mod:`xlsx_recognise` and
   :mod:`xlsx_body` into the JSON plan shape, checked with ``check_data`` and imported.

Before openpyxl sees a file it is checked (:mod:`.precheck`): encrypted (OLE) and non-zip files, zip bombs
(declared and actual uncompressed size, compression ratio), XML with DOCTYPE/ENTITY
declarations (entity expansion) and absurd sheet dimensions are refused with a message.
Nothing is written unless the whole import succeeds.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxeditor.core.errors import DxError, ImportFormatError
from dxeditor.core.perf import gc_paused
from dxeditor.formats.json.io import check_data, import_data, parse_json_text
from dxeditor.formats.xlsx.read.body import BodyReader, Counts, FillPhase
from dxeditor.formats.xlsx.read.grid import Grid, col_name, read_grid
from dxeditor.formats.xlsx.read.precheck import FileCheck, check_workbook_file, load_workbook_bytes
from dxeditor.formats.xlsx.read.recognise import ROLES, Layout, recognise_layout
from dxeditor.formats.xlsx.write.sheets import (
    DATA_ENCODING,
    DATA_FIRST_ROW,
    DATA_MARKER,
    DATA_SHEET,
    DATA_VERSION,
)
from dxeditor.plan.ops.schedule import MAX_LABEL, MAX_LANE
from dxeditor.store.document import PlanDocument

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # the embedded plan JSON, inflated

log = logging.getLogger(__name__)


def _err(ja: str, en: str, src: Path) -> ImportFormatError:
    return ImportFormatError(ja, en, where=str(src))


__all__ = ["FileCheck", "WorkbookImport", "WorkbookReader", "check_workbook_file", "import_workbook",
           "load_workbook_import"]


def _load(src: Path, *, read_only: bool) -> Any:
    try:
        return load_workbook_bytes(src, read_only=read_only)
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
    try:  # a read-only sheet's XML is parsed only now
        cells = [row[0] for row in sheet.iter_rows(min_col=1, max_col=1, values_only=True)]
        version = next(sheet.iter_rows(min_row=1, max_row=1, min_col=2, max_col=2, values_only=True), (None,))[0]
    except Exception:  # a damaged data sheet: read the tables instead, as for an altered one
        return None, altered
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
        data = parse_json_text(raw.decode("utf-8"), str(src))
    except (ImportFormatError, UnicodeDecodeError):
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
        damaged: list[ImportFormatError] = []
        for name in names:
            try:
                g = self.grid(name)
            except ImportFormatError as exc:
                if sheet:
                    raise
                damaged.append(exc)  # another sheet may still hold the table
                continue
            lay = recognise_layout(g, roles)
            if lay is not None:
                found.append((g, lay))
        if not found and damaged:
            raise damaged[0]
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
        fitted = fit_to_editor(data)
        check_data(data, str(self.src))
        warns = self.notes + [exc.ja for exc in damaged] + g.warnings + lay.warnings + body.warnings + fitted
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


def fit_to_editor(data: dict[str, Any]) -> list[str]:
    """Bring recognised rows within what the editor holds; returns a warning per change.

    A cell of more than 20 lines would stack more lanes than a row has (the extra lines join
    the last lane), and a label longer than a bar label may be is cut.
    """
    warnings: list[str] = []
    for it in data.get("initiatives", []):
        for row in it.get("schedule_rows", []):
            items = row.get("bars", []) + row.get("milestones", [])
            if any(x.get("lane", 0) > MAX_LANE for x in items):
                for x in items:
                    x["lane"] = min(x.get("lane", 0), MAX_LANE)
                warnings.append(f"「{row['title'][:40]}」: {MAX_LANE + 1} 段を超える行は {MAX_LANE + 1} 段目に重ねました")
            for x in items:
                if len(x.get("label", "")) > MAX_LABEL:
                    x["label"] = x["label"][:MAX_LABEL]
                    warnings.append(f"「{row['title'][:40]}」: {MAX_LABEL:,} 文字を超える工程の文字を切り詰めました")
    return warnings


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
