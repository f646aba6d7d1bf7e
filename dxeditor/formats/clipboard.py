"""Excel interop through the clipboard: outline lines as tab-separated text, and back.

Copy gives 番号, 名称, 主管課, 関係課, 備考 per line (Excel pastes it into cells). Paste
reads a block copied from Excel (tab-separated, quoted cells with line breaks allowed)
and creates schedule rows under an initiative, or initiatives in a section. Malformed
text raises :class:`ValidationError` before anything changes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.errors import ValidationError
from dxeditor.plan.changes import Recorder
from dxeditor.plan.department_names import department_names
from dxeditor.plan.ops.outline import MAX_TEXT, add_initiative, add_row, check_length
from dxeditor.store import models as m

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


def items_tsv(conn: Connection, items: Sequence[tuple[str, int]]) -> str:
    """The outline items as tab-separated text for Excel: 番号, 名称, 主管課, 関係課, 備考."""
    from dxeditor.plan.readmodel import load_plan_view

    plan = load_plan_view(conn, items=False)  # no bars needed for the text
    wanted = set(items)
    info: dict[tuple[str, int], list[str]] = {}
    for kind, v, _depth in plan.walk():
        if (kind, v.id) not in wanted:
            continue
        if kind == "section":
            info[(kind, v.id)] = [v.number, v.title, "", "", v.description]
        elif kind == "initiative":
            info[(kind, v.id)] = [v.number, v.title, v.lead, "、".join(v.related), v.summary]
        else:
            info[(kind, v.id)] = ["", v.title, v.lead, "、".join(v.related), v.note]
    return to_tsv([info[i] for i in items if i in info])


def _bad(ja: str, en: str) -> ValidationError:
    return ValidationError(f"貼り付けできません: {ja}何も変更していません。", f"Cannot paste: {en} Nothing was changed.")


# What a header cell may say for each field (Excel sheets of municipalities vary)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "番号": ("番号", "No", "No.", "NO", "№", "項番", "取組番号"),
    "名称": ("名称", "取組名", "取組", "項目", "事業名", "施策名", "行", "内容", "件名"),
    "主管課": ("主管課", "担当課", "所管課", "主担当", "担当", "担当部署", "主管"),
    "関係課": ("関係課", "関係部署", "関連課", "協力課"),
    "備考": ("備考", "メモ", "注記", "補足", "説明", "概要"),
}


@dataclass
class TsvTable:
    """A pasted block: its header (if it had one), its cells, and which field each column goes to."""

    header: list[str] | None
    rows: list[list[str]]
    mapping: list[str | None]  # per column: a HEADER field, or None (not imported)

    @property
    def width(self) -> int:
        """The number of columns."""
        return max((len(r) for r in self.rows), default=0)

    def column_name(self, i: int) -> str:
        """The column's header text, or 「n列目」."""
        if self.header is not None and i < len(self.header) and self.header[i]:
            return self.header[i]
        return f"{i + 1}列目"

    def ignored(self) -> list[str]:
        """Columns holding data that will not be imported (to be said, never dropped silently)."""
        return [self.column_name(i) for i in range(self.width)
                if (i >= len(self.mapping) or self.mapping[i] is None) and any(i < len(r) and r[i] for r in self.rows)]


def _field_of(cell: str) -> str | None:
    c = unicodedata.normalize("NFKC", cell).strip()
    for name, words in SYNONYMS.items():
        if c in words:
            return name
    return None


def read_tsv(text: str) -> TsvTable:
    """Read a block copied from Excel (or from :func:`to_tsv`) and guess where each column goes."""
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
    if max(len(r) for r in rows) > 20:
        raise _bad("列が多すぎます。Excel の表から行を選んでコピーしてください。",
                   "too many columns; copy rows of a table from Excel.")
    head_fields = [_field_of(c) for c in rows[0]]
    if "名称" in head_fields or (rows[0] and rows[0][0] in HEADER):
        header = rows.pop(0)
        mapping: list[str | None] = []
        for f in head_fields:
            mapping.append(f if f is not None and f not in mapping else None)
        if "名称" not in mapping:
            raise _bad("見出しに「名称」の列がありません。", "the header has no 名称 column.")
        if not rows:
            raise _bad("見出しだけで、貼り付ける行がありません。", "there are only headers.")
        return TsvTable(header, rows, mapping)
    width = max(len(r) for r in rows)
    if all(len(r) >= 2 and _NUMBER_RE.match(r[0]) for r in rows) and any(r[0] for r in rows):
        order: list[str | None] = list(HEADER)
    else:
        order = ["名称", "主管課", "関係課", "備考"]
    return TsvTable(None, rows, (order + [None] * width)[:width])


def lines_of(table: TsvTable) -> list[PastedLine]:
    """The lines to create, by the table's column mapping."""
    if "名称" not in table.mapping:
        raise _bad("「名称」にする列を選んでください。", "choose the 名称 column.")
    columns = {name: table.mapping.index(name) if name in table.mapping else None for name in HEADER}
    out: list[PastedLine] = []

    def cell(r: list[str], name: str) -> str:
        i = columns.get(name)
        return r[i] if i is not None and i < len(r) else ""

    for n, r in enumerate(table.rows, start=1):
        title = cell(r, "名称")
        if not title:
            raise _bad(f"{n} 行目の名称が空です。", f"line {n} has no title.")
        if len(title) > MAX_TEXT:
            raise _bad(f"{n} 行目の名称が長すぎます。", f"line {n}: the title is too long.")
        related = [x.strip() for x in re.split(r"[、,，/／\n]", cell(r, "関係課")) if x.strip()]
        out.append(PastedLine(title, cell(r, "主管課"), related, cell(r, "備考")))
    return out


def parse_tsv(text: str) -> list[PastedLine]:
    """Read a block copied from Excel (or from :func:`to_tsv`) into lines to create (guessed columns)."""
    return lines_of(read_tsv(text))


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
            if line.note:  # 備考 of an initiative line is its summary (as copying writes it)
                rec.update("initiatives", new_id, summary=check_length(line.note))
            if lead is not None or related:
                set_departments(rec, "initiative", new_id, lead, related)
            created.append(("initiative", new_id))
    return created


# --- whole items between dxeditor windows ---------------------------------------------------------------
#
# Copying puts, beside the tab-separated text, a JSON payload under MIME_ROWS: the selected
# rows (with sub-rows, bars, milestones, departments by name, notes), initiatives (with
# texts, KPIs and actuals, SDGs, references, rows) or sections. Departments travel by name
# so that a paste into another plan finds its own; what cannot be matched is reported.

MIME_ROWS = "application/x-dxeditor-rows+json"
PAYLOAD_FORMAT = "dxeditor-rows"
PAYLOAD_VERSION = 1
_SKIP = {"id", "position", "initiative_id", "parent_id", "row_id", "section_id", "kpi_id", "number_label"}
_INIT_TABLES = ("text_items", "initiative_sdgs", "plan_references")


def _table(name: str) -> Any:
    return m.Base.metadata.tables[name]


def _values(row: Any) -> dict[str, Any]:
    return {k: v for k, v in dict(row).items() if k not in _SKIP}


def _children(conn: Connection, table: str, column: str, value: int) -> list[dict[str, Any]]:
    t = _table(table)
    order = [t.c.position] if "position" in t.c else []
    return [dict(r) for r in conn.execute(select(t).where(t.c[column] == value).order_by(*order, t.c.id)).mappings()]


def _departments(conn: Connection, table: str, column: str, owner_id: int, names: dict[int, str]) -> dict[str, Any]:
    rows = _children(conn, table, column, owner_id)
    lead = next((names.get(r["department_id"], "") for r in rows if r["role"] == "lead"), "")
    return {"lead": lead, "related": [names.get(r["department_id"], "") for r in rows if r["role"] != "lead"]}


def _row_json(conn: Connection, row: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    rid = row["id"]
    return {"kind": "row", "values": _values(row),
            "departments": _departments(conn, "row_departments", "row_id", rid, names),
            "bars": [_values(b) for b in _children(conn, "bars", "row_id", rid)],
            "milestones": [_values(x) for x in _children(conn, "milestones", "row_id", rid)],
            "rows": [_row_json(conn, sub, names) for sub in _children(conn, "schedule_rows", "parent_id", rid)]}


def _initiative_json(conn: Connection, it: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    iid = it["id"]
    out: dict[str, Any] = {"kind": "initiative", "values": _values(it),
                           "departments": _departments(conn, "initiative_departments", "initiative_id", iid, names)}
    for table in _INIT_TABLES:
        out[table] = [_values(r) for r in _children(conn, table, "initiative_id", iid)]
    out["kpis"] = [dict(_values(k), actuals=[_values(a) for a in _children(conn, "kpi_actuals", "kpi_id", k["id"])])
                   for k in _children(conn, "kpis", "initiative_id", iid)]
    out["rows"] = [_row_json(conn, r, names) for r in _children(conn, "schedule_rows", "initiative_id", iid)
                   if r["parent_id"] is None]
    return out


def _section_json(conn: Connection, sec: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    sid = sec["id"]
    return {"kind": "section", "values": _values(sec),
            "sections": [_section_json(conn, s, names) for s in _children(conn, "sections", "parent_id", sid)],
            "initiatives": [_initiative_json(conn, i, names) for i in _children(conn, "initiatives", "section_id", sid)]}


def items_payload(conn: Connection, items: Sequence[tuple[str, int]]) -> dict[str, Any]:
    """The selected outline items, whole, as a JSON-ready payload (nested items once, under their parent)."""
    from dxeditor.plan.ops.outline import _normalise, get_item

    names = department_names(conn)
    out = []
    for kind, item_id in _normalise(conn, items):
        row = get_item(conn, kind, item_id)
        if kind == "row":
            out.append(_row_json(conn, row, names))
        elif kind == "initiative":
            out.append(_initiative_json(conn, row, names))
        else:
            out.append(_section_json(conn, row, names))
    return {"format": PAYLOAD_FORMAT, "version": PAYLOAD_VERSION, "items": out}


def payload_to_bytes(payload: dict[str, Any]) -> bytes:
    """The payload as UTF-8 JSON for the clipboard."""
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def payload_from_bytes(data: bytes) -> dict[str, Any]:
    """Read a payload from the clipboard; a broken or foreign one raises ValidationError."""
    try:
        payload = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _bad("クリップボードの内容が壊れています。", "the clipboard data is damaged.") from None
    if not isinstance(payload, dict) or payload.get("format") != PAYLOAD_FORMAT:
        raise _bad("dxeditor の行ではありません。", "not dxeditor rows.")
    if int(payload.get("version", 0)) > PAYLOAD_VERSION:
        raise _bad("新しい版の dxeditor からコピーされた行です。", "copied from a newer dxeditor.")
    if not isinstance(payload.get("items"), list) or not payload["items"]:
        raise _bad("クリップボードが空です。", "the clipboard is empty.")
    return payload


class _Paster:
    """Inserts payload items into a plan, mapping departments by name and phases by key."""

    def __init__(self, rec: Recorder) -> None:
        self.rec = rec
        conn = rec.conn
        self.by_name: dict[str, int] = {}
        for did, name in department_names(conn).items():
            self.by_name.setdefault(name, did)
        for did, name in department_names(conn, 0).items():
            self.by_name.setdefault(name, did)
        self.phases = set(conn.execute(select(m.Phase.key)).scalars())
        self.missing_departments: set[str] = set()
        self.missing_phases: set[str] = set()

    def _clean(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        cols = _table(table).c
        return {k: v for k, v in values.items() if k in cols and k not in _SKIP}

    def _departments(self, owner: str, owner_id: int, depts: dict[str, Any]) -> None:
        from dxeditor.plan.ops.initiatives import set_departments

        def find(name: str) -> int | None:
            if name and name not in self.by_name:
                self.missing_departments.add(name)
            return self.by_name.get(name) if name else None

        lead = find(str(depts.get("lead") or ""))
        related = [d for d in (find(str(n)) for n in depts.get("related") or []) if d is not None]
        if lead is not None or related:
            set_departments(self.rec, owner, owner_id, lead, related)

    def row(self, item: dict[str, Any], initiative_id: int, parent_id: int | None, index: int | None) -> int:
        from dxeditor.plan.ops.outline import _insert_at, clean_title
        from dxeditor.plan.ops.schedule import default_phase

        values = self._clean("schedule_rows", item.get("values") or {})
        values["title"] = clean_title(str(values.get("title") or ""))
        rid = _insert_at(self.rec, "row", {"initiative_id": initiative_id, "parent_id": parent_id}, index, values)
        self._departments("row", rid, item.get("departments") or {})
        for b in item.get("bars") or []:
            bar = self._clean("bars", b)
            if bar.get("phase") not in self.phases:
                self.missing_phases.add(str(bar.get("phase")))
                bar["phase"] = default_phase(self.rec.conn)
            self.rec.insert("bars", row_id=rid, **bar)
        for x in item.get("milestones") or []:
            self.rec.insert("milestones", row_id=rid, **self._clean("milestones", x))
        for sub in item.get("rows") or []:
            self.row(sub, initiative_id, rid, None)
        return rid

    def initiative(self, item: dict[str, Any], section_id: int | None, index: int | None) -> int:
        from dxeditor.plan.ops.outline import _insert_at, clean_title

        values = self._clean("initiatives", item.get("values") or {})
        values["title"] = clean_title(str(values.get("title") or ""))
        iid = _insert_at(self.rec, "initiative", {"section_id": section_id}, index, values)
        self._departments("initiative", iid, item.get("departments") or {})
        for table in _INIT_TABLES:
            for n, child in enumerate(item.get(table) or []):
                extra = {"position": n} if "position" in _table(table).c else {}
                self.rec.insert(table, initiative_id=iid, **extra, **self._clean(table, child))
        for n, kpi in enumerate(item.get("kpis") or []):
            kid = self.rec.insert("kpis", initiative_id=iid, position=n, **self._clean("kpis", kpi))
            for a in kpi.get("actuals") or []:
                self.rec.insert("kpi_actuals", kpi_id=kid, **self._clean("kpi_actuals", a))
        for r in item.get("rows") or []:
            self.row(r, iid, None, None)
        return iid

    def section(self, item: dict[str, Any], parent_id: int | None, index: int | None) -> int:
        from dxeditor.plan.ops.outline import _insert_at, clean_title

        values = self._clean("sections", item.get("values") or {})
        values["title"] = clean_title(str(values.get("title") or ""))
        sid = _insert_at(self.rec, "section", {"parent_id": parent_id}, index, values)
        for sub in item.get("sections") or []:
            self.section(sub, sid, None)
        for it in item.get("initiatives") or []:
            self.initiative(it, sid, None)
        return sid

    def notes(self) -> list[str]:
        """What could not be carried over as it was (never silently)."""
        out = []
        if self.missing_departments:
            out.append(f"部署「{'」「'.join(sorted(self.missing_departments)[:5])}」はこの計画にないため、"
                       "担当課を付けずに貼り付けました。")
        if self.missing_phases:
            out.append(f"工程の種類「{'」「'.join(sorted(self.missing_phases)[:5])}」はこの計画にないため、"
                       "既定の種類にしました。")
        return out


def paste_payload(rec: Recorder, target: tuple[str, int | None], index: int | None,
                  payload: dict[str, Any]) -> tuple[list[tuple[str, int]], list[str]]:
    """Insert copied items at ``target`` (the current outline item): (created items, notes to show).

    Rows go under an initiative (at its end) or after a row (as its siblings); initiatives into
    a section, or after the current initiative (row: after its initiative); sections after the
    current section. Anything that cannot go where asked raises ValidationError (nothing changes).
    """
    from dxeditor.plan.ops.outline import get_item

    p = _Paster(rec)
    kind, target_id = target
    created: list[tuple[str, int]] = []
    counters: dict[str, int] = {}

    for item in payload["items"]:
        what = item.get("kind")
        n = counters.get(what, 0)
        counters[what] = n + 1
        if what == "row":
            if kind == "initiative" and target_id is not None:
                created.append(("row", p.row(item, target_id, None, None)))
            elif kind == "row" and target_id is not None:
                cur = get_item(rec.conn, "row", target_id)
                at = None if index is None else index + n
                created.append(("row", p.row(item, cur["initiative_id"], cur["parent_id"], at)))
            else:
                raise _bad("行は、取組または行を選んでから貼り付けてください。",
                           "select an initiative or a row to paste rows.")
        elif what == "initiative":
            if kind == "section":
                created.append(("initiative", p.initiative(item, target_id, None)))
            else:
                init_id = target_id if kind == "initiative" else (
                    get_item(rec.conn, "row", int(target_id))["initiative_id"] if target_id is not None else None)
                if init_id is None:
                    created.append(("initiative", p.initiative(item, None, None)))
                else:
                    cur = get_item(rec.conn, "initiative", init_id)
                    created.append(("initiative", p.initiative(item, cur["section_id"], cur["position"] + 1 + n)))
        elif what == "section":
            if kind == "section" and target_id is not None:
                cur = get_item(rec.conn, "section", target_id)
                created.append(("section", p.section(item, cur["parent_id"], cur["position"] + 1 + n)))
            else:
                created.append(("section", p.section(item, None, None)))
        else:
            raise _bad("dxeditor の行ではありません。", "not dxeditor rows.")
    return created, p.notes()
