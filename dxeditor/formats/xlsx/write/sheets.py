"""The list sheets of the workbook (取組一覧, 成果目標, 担当課別, 用語集) and the hidden data sheet.

Each list sheet is a plain table: a title line, one header row (repeated on every printed
page), one line per item, wrapped text and column widths that fit Japanese text. The
hidden ``_dxeditor`` sheet carries the plan as JSON so that our own workbooks import back
exactly (see :mod:`dxeditor.formats.xlsx.read.workbook`).
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xlsxwriter.worksheet import Worksheet

from dxeditor.core.fiscal import format_fy
from dxeditor.formats.xlsx.write.schedule import month_text, target_text
from dxeditor.formats.xlsx.write.style import (
    BORDER_COLOR,
    HEADER_FILL,
    MAX_CELL_CHARS,
    SECTION_FILL,
    Formats,
    clip,
    fit_width,
    lines_needed,
)
from dxeditor.plan.ops.glossary import collate
from dxeditor.plan.readmodel import PlanView
from dxeditor.store.models import NATIONAL_CATEGORIES, TEXT_BLOCK_NAMES, TEXT_BLOCKS

DATA_SHEET = "_dxeditor"
DATA_MARKER = "dxeditor-workbook"
DATA_VERSION = 1
CHUNK = 32000
DATA_ENCODING = "zlib+base64"
DATA_FIRST_ROW = 5  # 0-based: the first chunk is in A6
LINE_HEIGHT = 11.5  # one line of 10 pt BIZ UDゴシック (ascent + descent = 1 em; a little air for Excel)
#: a full-width character of 10 pt BIZ UDゴシック is 1.9 column units, not the 2 that text_width counts
WIDTH_FACTOR = 2 / 1.9


@dataclass
class Column:
    """A list column: header, width limits and whether long text wraps."""

    header: str
    minimum: float
    maximum: float


def write_table(
    ws: Worksheet,
    fmt: Formats,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str] | str],
    warnings: list[str],
) -> tuple[int, int]:
    """Write a titled table; a plain ``str`` in ``rows`` is a group band. Returns the header row."""
    last = len(columns) - 1
    tf = fmt.get(bold=True, font_size=14)
    ws.merge_range(0, 0, 0, last, "", tf)
    ws.write_string(0, 0, title, tf)
    ws.set_row(0, 24)
    h = fmt.get(bold=True, align="center", border=1, border_color=BORDER_COLOR, pattern=1, bg_color=HEADER_FILL,
                text_wrap=True)
    header = 2
    for c, col in enumerate(columns):
        ws.write_string(header, c, col.header, h)
    widths = [fit_width([r[c] for r in rows if not isinstance(r, str)] + [col.header], col.minimum, col.maximum)
              for c, col in enumerate(columns)]
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    # indent 1: no text touches the cell border (Excel and LibreOffice draw it flush otherwise)
    cell = fmt.get(border=1, border_color=BORDER_COLOR, text_wrap=True, valign="top", align="left", indent=1)
    band = fmt.get(border=1, border_color=BORDER_COLOR, bold=True, pattern=1, bg_color=SECTION_FILL)
    r = header + 1
    for row in rows:
        if isinstance(row, str):
            ws.merge_range(r, 0, r, last, "", band)
            ws.write_string(r, 0, row, band)
            r += 1
            continue
        need = 1
        span = getattr(row, "span", None)  # (first, last): one cell across these columns
        for c, text in enumerate(row):
            if span and span[0] < c <= span[1]:
                continue
            width = sum(widths[span[0]:span[1] + 1]) if span and c == span[0] else widths[c]
            if span and c == span[0]:
                ws.merge_range(r, span[0], r, span[1], "", cell)
            if text:
                if len(text) > MAX_CELL_CHARS:
                    text = clip(text, warnings, f"{ws.name} 行{r + 1}")
                ws.write_string(r, c, text, cell)
                lines = lines_needed(text, (width - 1.5) * WIDTH_FACTOR)  # less the indent
                if lines > need:
                    need = lines
            elif not (span and c == span[0]):
                ws.write_blank(r, c, None, cell)
        ws.set_row(r, min(409.0, need * LINE_HEIGHT + 4))
        r += 1
    ws.freeze_panes(header + 1, 0)
    return header, header


def _bullets(items: list[dict[str, Any]]) -> str:
    out = []
    for t in items:
        lead = "　" * int(t.get("level", 0)) + ("・" if t.get("bullet", True) else "")
        out.append(lead + t["text"])
    return "\n".join(out)


def _kpi_target(k: dict[str, Any]) -> str:
    if k.get("target_text"):
        return str(k["target_text"])
    v = k.get("target_value")
    if v is None:
        return ""
    return f"{v:g}{k.get('unit', '')}"


def _kpi_baseline(k: dict[str, Any]) -> str:
    if k.get("baseline_text"):
        return str(k["baseline_text"])
    v = k.get("baseline_value")
    return "" if v is None else f"{v:g}{k.get('unit', '')}"


def _deadline(k: dict[str, Any], style: str) -> str:
    if k.get("deadline_text"):
        return str(k["deadline_text"])
    fy = k.get("deadline_fy")
    return f"{format_fy(fy, style)}末まで" if fy is not None else ""


def initiative_rows(view: PlanView, data: dict[str, Any], style: str) -> list[Sequence[str] | str]:
    """取組一覧: every initiative with its text blocks, KPIs, SDGs and departments."""
    by_id = {it["id"]: it for it in data["initiatives"]}
    out: list[Sequence[str] | str] = []
    for kind, item, _depth in view.walk():
        if kind == "section":
            out.append(f"{item.number}　{item.title}" if item.number else item.title)
            continue
        if kind != "initiative":
            continue
        raw = by_id.get(item.id, {})
        blocks = [_bullets(raw.get("text", {}).get(b, [])) for b in TEXT_BLOCKS]
        kpis = "\n".join(
            "・" + "　".join(x for x in (k["name"], _kpi_target(k), _deadline(k, style)) if x)
            for k in raw.get("kpis", [])
        )
        national = NATIONAL_CATEGORIES.get(item.national_category, "")
        if national and item.national_number:
            national += f" {item.national_number}"
        out.append([
            item.number, item.title, item.summary, *blocks, kpis,
            "・".join(str(g) for g in item.sdgs), item.lead, "\n".join(d for d in item.related if d), national,
            target_text(item.national_target_fy, item.national_target_text, style),
        ])
    return out


INITIATIVE_COLUMNS = [
    Column("No.", 5, 8), Column("取組", 14, 24), Column("概要", 16, 30),
    *[Column(TEXT_BLOCK_NAMES[b], 20, 40) for b in TEXT_BLOCKS],
    Column("成果目標", 18, 30), Column("SDGs", 6, 12), Column("主管課", 10, 16), Column("関係課", 10, 16),
    Column("国の取組区分", 10, 20), Column("国が掲げる\n目標時期", 10, 14),
]

KPI_COLUMNS = [
    Column("No.", 5, 8), Column("取組", 14, 26), Column("成果目標", 18, 36), Column("現状値", 10, 18),
    Column("目標値", 10, 18), Column("期限", 12, 24), Column("備考", 12, 30),
]


class SpanRow(list):  # type: ignore[type-arg]
    """A list-sheet row whose columns ``span`` (first, last) are one cell."""

    def __init__(self, cells: Sequence[str], span: tuple[int, int]) -> None:
        super().__init__(cells)
        self.span = span


def kpi_rows(view: PlanView, data: dict[str, Any], style: str) -> list[Sequence[str] | str]:
    """成果目標: one line per KPI, in outline order; a KPI that is a sentence (no values) is one
    cell across 成果目標〜期限, as printed plans write it."""
    by_id = {it["id"]: it for it in data["initiatives"]}
    out: list[Sequence[str] | str] = []
    for it in view.initiatives():
        for k in by_id.get(it.id, {}).get("kpis", []):
            values = [_kpi_baseline(k), _kpi_target(k), _deadline(k, style)]
            cells = [it.number, it.title, k["name"], *values, k.get("note", "")]
            out.append(cells if any(values) else SpanRow(cells, (2, 5)))
    return out


DEPT_COLUMNS = [
    Column("No.", 5, 8), Column("取組", 14, 26), Column("項目", 14, 30), Column("役割", 6, 8),
    Column("期間", 14, 30), Column("工程", 16, 40),
]


def department_rows(view: PlanView, style: str) -> list[Sequence[str] | str]:
    """担当課別: schedule rows grouped by department (主管 first, then 関係)."""
    groups: dict[str, list[list[str]]] = {}
    for it in view.initiatives():
        for r in it.rows:
            lead = r.lead or it.lead
            names = [(lead, "主管")] + [(d, "関係") for d in (r.related if r.lead else it.related) if d]
            if not any(name for name, _role in names):
                continue
            period = ""
            if r.bars:
                start, end = min(b.start for b in r.bars), max(b.end for b in r.bars)
                period = f"{month_text(start, style)}〜{month_text(end, style)}"
            steps = "\n".join(b.label for b in r.bars if b.label)
            for name, role in names:
                if name:
                    groups.setdefault(name, []).append([it.number, it.title, r.title, role, period, steps])
    out: list[Sequence[str] | str] = []
    for name in sorted(groups, key=_reading_key):
        out.append(name)
        out.extend(groups[name])
    return out


def _reading_key(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


GLOSSARY_COLUMNS = [Column("用語", 12, 24), Column("よみ", 10, 20), Column("説明", 30, 70)]


def glossary_rows(data: dict[str, Any]) -> list[Sequence[str] | str]:
    """用語集: terms grouped 【A～】【あ～】… and sorted by reading."""
    out: list[Sequence[str] | str] = []
    for label, terms in collate(data.get("glossary", [])):  # the editor's order (glossary.list_terms)
        out.append(label)
        for g in terms:
            out.append([g["term"], g.get("reading", ""), g.get("description", "")])
    return out


def write_data_sheet(ws: Worksheet, payload: str, uid: str) -> None:
    """The hidden sheet: A1 marker (B1 version), A2 plan uid, A3 SHA-256 of the JSON text,
    A4 chunk count, A5 encoding, then from A6 the JSON deflated and base64-encoded in chunks
    that fit a cell (compressed, it is a fraction of the size and quick to write and read).
    """
    raw = payload.encode("utf-8")
    packed = base64.b64encode(zlib.compress(raw, 6)).decode("ascii")
    chunks = [packed[i:i + CHUNK] for i in range(0, len(packed), CHUNK)] or [""]
    ws.write_string(0, 0, DATA_MARKER)
    ws.write_number(0, 1, DATA_VERSION)
    ws.write_string(1, 0, uid)
    ws.write_string(2, 0, hashlib.sha256(raw).hexdigest())
    ws.write_number(3, 0, len(chunks))
    ws.write_string(4, 0, DATA_ENCODING)
    for i, chunk in enumerate(chunks):
        ws.write_string(DATA_FIRST_ROW + i, 0, chunk)
    # "very hidden": not offered by Excel's Unhide, so nobody edits it by accident
    getattr(ws, "very_hidden", ws.hide)()

