"""Excel interop through the clipboard: outline lines as tab-separated text, and back.

Copy gives 番号, 名称, 主管課, 関係課, 備考 per line (Excel pastes it into cells). Paste
reads a block copied from Excel (tab-separated, quoted cells with line breaks allowed)
and creates schedule rows under an initiative, or initiatives in a section. Malformed
text raises :class:`ValidationError` before anything changes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from dxeditor.core.errors import ValidationError
from dxeditor.plan.changes import Recorder
from dxeditor.plan.department_names import department_names
from dxeditor.plan.ops.outline import MAX_TEXT, add_initiative, add_row

HEADER = ("番号", "名称", "主管課", "関係課", "備考")
MAX_LINES = 5000
_NUMBER_RE = re.compile(r"^\s*(\(?\d+\)?\.?|[①-⑳㉑-㉟㊱-㊿]|\d+(-\d+)+|（\d+）)?\s*$")


@dataclass
class PastedLine:
    """One line of pasted text."""

    title: str
    lead: str = ""
    related: list[str] = field(default_factory=list)
    note: str = ""


def to_tsv(lines: Sequence[Sequence[str]], header: bool = True) -> str:
    """Cells as tab-separated text the way Excel writes it (quotes around cells with tabs/newlines)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(HEADER)
    for line in lines:
        writer.writerow([str(c) for c in line])
    return buf.getvalue()


def _bad(ja: str, en: str) -> ValidationError:
    return ValidationError(f"貼り付けできません: {ja}何も変更していません。", f"Cannot paste: {en} Nothing was changed.")


def parse_tsv(text: str) -> list[PastedLine]:
    """Read a block copied from Excel (or from :func:`to_tsv`) into lines to create."""
    if text is None or not text.strip():
        raise _bad("クリップボードが空です。", "the clipboard is empty.")
    if "\x00" in text:
        raise _bad("文字データではありません。", "the clipboard does not hold text.")
    if len(text) > MAX_TEXT * 5:
        raise _bad("データが大きすぎます。", "the text is too large.")
    try:
        rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n")), delimiter="\t", strict=True))
    except csv.Error as exc:
        raise _bad(f"表の形式として読めません（{exc}）。", f"the text is not a table ({exc}).") from None
    rows = [[c.strip() for c in r] for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise _bad("クリップボードが空です。", "the clipboard is empty.")
    if len(rows) > MAX_LINES:
        raise _bad(f"行が多すぎます（{len(rows)} 行、上限 {MAX_LINES} 行）。", f"too many lines ({len(rows)}).")
    columns = {"番号": None, "名称": 0, "主管課": 1, "関係課": None, "備考": None}
    if (rows[0] and rows[0][0] in HEADER) or (len(rows[0]) > 1 and rows[0][1] == "名称"):
        head = rows.pop(0)
        columns = {name: (head.index(name) if name in head else None) for name in HEADER}
        if columns["名称"] is None:
            raise _bad("見出しに「名称」の列がありません。", "the header has no 名称 column.")
    elif all(len(r) >= 2 and _NUMBER_RE.match(r[0]) for r in rows) and any(r[0] for r in rows):
        columns = {"番号": 0, "名称": 1, "主管課": 2, "関係課": 3, "備考": 4}
    widths = {len(r) for r in rows}
    if max(widths) > 20:
        raise _bad("列が多すぎます。Excel の表から行を選んでコピーしてください。",
                   "too many columns; copy rows of a table from Excel.")
    out: list[PastedLine] = []

    def cell(r: list[str], name: str) -> str:
        i = columns.get(name)
        return r[i] if i is not None and i < len(r) else ""

    for n, r in enumerate(rows, start=1):
        title = cell(r, "名称")
        if not title:
            raise _bad(f"{n} 行目の名称が空です。", f"line {n} has no title.")
        if len(title) > MAX_TEXT:
            raise _bad(f"{n} 行目の名称が長すぎます。", f"line {n}: the title is too long.")
        related = [x.strip() for x in re.split(r"[、,，/／\n]", cell(r, "関係課")) if x.strip()]
        out.append(PastedLine(title, cell(r, "主管課"), related, cell(r, "備考")))
    return out


def _department_ids(conn: Connection, lines: Sequence[PastedLine]) -> dict[str, int]:
    by_name: dict[str, int] = {}
    for did, name in department_names(conn).items():
        by_name.setdefault(name, did)
    for did, name in department_names(conn, 0).items():
        by_name.setdefault(name, did)
    wanted = {n for line in lines for n in [line.lead, *line.related] if n}
    missing = sorted(wanted - set(by_name))
    if missing:
        raise _bad(f"部署「{'」「'.join(missing[:5])}」が計画にありません（ツール ▸ 部署の管理で追加してください）。",
                   f"unknown departments: {', '.join(missing[:5])}.")
    return by_name


def paste_lines(rec: Recorder, target: tuple[str, int | None], index: int | None,
                lines: Sequence[PastedLine]) -> list[tuple[str, int]]:
    """Create rows (target initiative or row) or initiatives (target section / None) from pasted lines."""
    from dxeditor.plan.ops.initiatives import set_departments, update_row

    depts = _department_ids(rec.conn, lines)
    kind, target_id = target
    created: list[tuple[str, int]] = []
    for n, line in enumerate(lines):
        at = None if index is None else index + n
        lead = depts.get(line.lead) if line.lead else None
        related = [depts[x] for x in line.related]
        if kind in ("initiative", "row"):
            if kind == "initiative":
                assert target_id is not None
                new_id = add_row(rec, target_id, None, line.title, at)
            else:
                from dxeditor.plan.ops.outline import get_item

                parent = get_item(rec.conn, "row", int(target_id or 0))
                new_id = add_row(rec, parent["initiative_id"], parent["parent_id"], line.title, at)
            if line.note:
                update_row(rec, new_id, note=line.note)
            if lead is not None or related:
                set_departments(rec, "row", new_id, lead, related)
            created.append(("row", new_id))
        else:
            new_id = add_initiative(rec, target_id, line.title, at)
            if lead is not None or related:
                set_departments(rec, "initiative", new_id, lead, related)
            created.append(("initiative", new_id))
    return created
