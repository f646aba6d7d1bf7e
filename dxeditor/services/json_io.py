"""JSON interchange: the whole plan as one documented, versioned JSON document.

Export → import → export gives identical JSON (``exported_at`` aside). The format is
specified in :mod:`dxeditor.services.json_spec` and ``docs/json-format.md``.
"""

from __future__ import annotations

import json
import operator
import os
from collections import defaultdict
from datetime import UTC, datetime
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, delete, insert, select

from dxeditor import __version__
from dxeditor.core.atomic import write_text_atomic
from dxeditor.core.errors import ImportFormatError
from dxeditor.core.perf import gc_paused
from dxeditor.db import models as m
from dxeditor.db.document import PlanDocument
from dxeditor.db.raw import fetch_all
from dxeditor.services.json_spec import (
    FORMAT,
    FORMAT_VERSION,
    Problems,
    index_to_month,
    month_to_index,
    validate,
)

PLAN_FIELDS = [k for k in ("uid", "title", "subtitle", "municipality", "issuing_department", "version_label",
                           "formulation_date", "period_start_fy", "period_end_fy", "period_label", "year_style",
                           "numbering_style", "basic_philosophy", "vision", "note")]


def _tuples(conn: Connection, table: Any, columns: str, *order: Any) -> list[tuple[Any, ...]]:
    """The named columns (space-separated) of every row of ``table``, in ``order``, as the driver gives them.

    Export and import move tens of thousands of rows: SQLAlchemy's per-row result objects and
    per-row parameter processing cost several times what SQLite itself does, so the bulk reads
    and writes here go to the driver (inside the session's transaction), with SQL compiled by
    SQLAlchemy.
    """
    query = select(*(table.c[c] for c in columns.split())).order_by(*order)
    return fetch_all(conn, str(query.compile(dialect=conn.dialect)))


def _rows(conn: Connection, table: Any, *order: Any) -> list[dict[str, Any]]:
    """Every row of ``table`` as a dict (Python values: booleans as bool), in ``order``."""
    names = [c.name for c in table.c]
    out = [dict(zip(names, r, strict=True)) for r in _tuples(conn, table, " ".join(names), *order)]
    for c in table.c:
        convert = c.type.dialect_impl(conn.dialect).result_processor(conn.dialect, None)
        if convert is not None:
            for r in out:
                r[c.name] = convert(r[c.name])
    return out


def _bool(v: Any) -> bool | None:
    """An SQLite integer as a boolean (what SQLAlchemy's Boolean gives)."""
    return None if v is None else bool(v)


def _group(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def _ordered_tree(rows: list[dict[str, Any]], parent_key: str = "parent_id") -> list[dict[str, Any]]:
    """Rows sorted so that parents come before children and siblings keep their position."""
    by_parent = _group(sorted(rows, key=lambda r: (r["position"], r["id"])), parent_key)
    out: list[dict[str, Any]] = []
    stack = [iter(by_parent.get(None, ()))]
    while stack:
        r = next(stack[-1], None)
        if r is None:
            stack.pop()
            continue
        out.append(r)
        children = by_parent.get(r["id"])
        if children:
            stack.append(iter(children))
    if len(out) != len(rows):  # orphans (should not exist), in their stored order
        seen = {r["id"] for r in out}
        out.extend(r for r in rows if r["id"] not in seen)
    return out


def _depts(links: list[dict[str, Any]] | None) -> tuple[int | None, list[int]]:
    """(lead, related) from department links read in (position, id) order."""
    if not links:
        return None, []
    lead = next((d["department_id"] for d in links if d["role"] == "lead"), None)
    return lead, [d["department_id"] for d in links if d["role"] != "lead"]


def export_data(conn: Connection) -> dict[str, Any]:
    """The plan on ``conn`` as a JSON-ready dict."""
    plan = conn.execute(select(m.Plan.__table__)).mappings().one()
    out: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generator": f"dxeditor {__version__}",
        "plan": {k: plan[k] for k in PLAN_FIELDS},
    }
    out["chapters"] = [{k: c[k] for k in ("id", "parent_id", "placement", "title", "body")}
                       for c in _ordered_tree(_rows(conn, m.Chapter.__table__))]
    out["phases"] = [{k: p[k] for k in ("key", "name", "color", "pattern")}
                     for p in _rows(conn, m.Phase.__table__, m.Phase.position, m.Phase.id)]
    renames = _group(_rows(conn, m.DepartmentName.__table__, m.DepartmentName.valid_from_fy, m.DepartmentName.id),
                     "department_id")
    out["departments"] = [
        {**{k: d[k] for k in ("id", "parent_id", "kind", "name", "code", "valid_from_fy", "valid_to_fy", "note")},
         "renames": [{"name": r["name"], "valid_from_fy": r["valid_from_fy"]} for r in renames.get(d["id"], [])]}
        for d in _ordered_tree(_rows(conn, m.Department.__table__))
    ]
    out["department_links"] = [
        {k: d[k] for k in ("predecessor_id", "successor_id", "fiscal_year", "kind")}
        for d in _rows(conn, m.DepartmentLink.__table__, m.DepartmentLink.id)
    ]
    sections = _ordered_tree(_rows(conn, m.Section.__table__))
    out["sections"] = [{k: s[k] for k in ("id", "parent_id", "kind", "number_label", "title", "description")}
                       for s in sections]

    sdgs = _group(_rows(conn, m.InitiativeSdg.__table__, m.InitiativeSdg.goal), "initiative_id")
    idepts = _group(_rows(conn, m.InitiativeDepartment.__table__, m.InitiativeDepartment.position,
                          m.InitiativeDepartment.id), "initiative_id")
    texts: dict[Any, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for iid, block, text, level, bullet in _tuples(conn, m.TextItem.__table__, "initiative_id block text level bullet",
                                                   m.TextItem.position, m.TextItem.id):
        texts[iid].append((block, {"text": text, "level": level, "bullet": _bool(bullet)}))
    kpis = _group(_rows(conn, m.Kpi.__table__, m.Kpi.position, m.Kpi.id), "initiative_id")
    actuals = _group(_rows(conn, m.KpiActual.__table__, m.KpiActual.fiscal_year, m.KpiActual.id), "kpi_id")
    refs = _group(_rows(conn, m.Reference.__table__, m.Reference.position, m.Reference.id), "initiative_id")
    progress = _rows(conn, m.Progress.__table__, m.Progress.fiscal_year, m.Progress.id)
    iprog = _group([p for p in progress if p["initiative_id"] is not None], "initiative_id")
    rprog = _group([p for p in progress if p["row_id"] is not None], "row_id")
    rows = _group(_rows(conn, m.ScheduleRow.__table__), "initiative_id")
    row_lead: dict[Any, Any] = {}  # the first lead link, like _depts
    row_related: dict[Any, list[Any]] = defaultdict(list)
    for row_id, dept, role in _tuples(conn, m.RowDepartment.__table__, "row_id department_id role",
                                      m.RowDepartment.position, m.RowDepartment.id):
        if role == "lead":
            row_lead.setdefault(row_id, dept)
        else:
            row_related[row_id].append(dept)
    month = index_to_month
    bars: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for bid, row_id, lane, start, end, label, phase, continues, note in _tuples(
            conn, m.Bar.__table__, "id row_id lane start end label phase continues note", m.Bar.lane, m.Bar.start,
            m.Bar.id):
        bars[row_id].append({"id": bid, "lane": lane, "start": month(start), "end": month(end), "label": label,
                             "phase": phase, "continues": _bool(continues), "note": note})
    mss: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for mid, row_id, lane, at, label in _tuples(conn, m.Milestone.__table__, "id row_id lane month label",
                                                m.Milestone.lane, m.Milestone.month, m.Milestone.id):
        mss[row_id].append({"id": mid, "lane": lane, "month": month(at), "label": label})

    section_order = {s["id"]: i for i, s in enumerate(sections)}
    initiatives = _rows(conn, m.Initiative.__table__)
    initiatives.sort(key=lambda r: (section_order.get(r["section_id"], -1), r["position"], r["id"]))
    out_inits = []
    for it in initiatives:
        iid = it["id"]
        lead, related = _depts(idepts.get(iid))
        text: dict[str, list[dict[str, Any]]] = {b: [] for b in m.TEXT_BLOCKS}
        for block, item in texts.get(iid, ()):
            text.setdefault(block, []).append(item)
        out_rows = []
        for r in _ordered_tree(rows.get(iid, [])):
            rid = r["id"]
            rp = rprog.get(rid)
            out_rows.append({
                "id": rid, "parent_id": r["parent_id"], "title": r["title"], "note": r["note"],
                "national_target_fy": r["national_target_fy"], "national_target_text": r["national_target_text"],
                "lead_department_id": row_lead.get(rid),
                "related_department_ids": row_related.get(rid, []),
                "bars": bars.get(rid, []),
                "milestones": mss.get(rid, []),
                "progress": [{k: p[k] for k in ("fiscal_year", "status", "comment")} for p in rp] if rp else [],
            })
        out_inits.append({
            **{k: it[k] for k in ("id", "section_id", "number_label", "title", "summary", "national_category",
                                  "national_number", "national_target_fy", "national_target_text", "note")},
            "sdgs": [s["goal"] for s in sdgs.get(iid, [])],
            "lead_department_id": lead,
            "related_department_ids": related,
            "text": text,
            "kpis": [{**{k: x[k] for k in ("id", "name", "baseline_text", "baseline_value", "target_value",
                                            "target_text", "unit", "deadline_text", "deadline_fy", "note")},
                      "actuals": [{k: a[k] for k in ("fiscal_year", "value", "note")} for a in actuals.get(x["id"], [])]}
                     for x in kpis.get(iid, [])],
            "references": [{k: x[k] for k in ("title", "date_text", "note")} for x in refs.get(iid, [])],
            "progress": [{k: p[k] for k in ("fiscal_year", "status", "comment")} for p in iprog.get(iid, [])],
            "schedule_rows": out_rows,
        })
    out["initiatives"] = out_inits
    out["glossary"] = [{k: g[k] for k in ("id", "term", "reading", "description")}
                       for g in _rows(conn, m.GlossaryTerm.__table__, m.GlossaryTerm.id)]
    out["audit_log"] = [{k: a[k] for k in ("at", "user", "host", "action", "entity", "entity_id", "before", "after")}
                        for a in _rows(conn, m.AuditEntry.__table__, m.AuditEntry.id)]
    return out


def dumps(data: dict[str, Any]) -> str:
    """The canonical text form (UTF-8, readable Japanese, two-space indent, trailing newline).

    Exactly ``json.dumps(data, ensure_ascii=False, indent=2) + "\n"``, about three times
    faster: the standard library falls back to its pure-Python encoder whenever ``indent`` is
    given; here every object or array holding only strings, numbers, booleans and nulls (bars,
    milestones, text items …: most of a plan) is written by the C encoder in one call.
    """
    try:
        return _indented(data) + "\n"
    except _NotPlain:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _NotPlain(Exception):
    """A value the fast writer leaves to the standard library (tuples, subclasses, non-string keys)."""


_SCALARS = frozenset({str, int, float, bool, type(None)})


#: Per depth: the opening newline and indent, the separator, the closing newline and indent,
#: a C encoder whose item separator indents one level deeper, and the key prefixes (with the
#: opening or the separator before them) of the first and of the following keys.
_Level = tuple[str, str, str, Any, dict[str, str], dict[str, str]]


def _indented(data: Any) -> str:
    if c_make_encoder is None:  # pragma: no cover - CPython always has the C encoder
        raise _NotPlain
    out: list[str] = []
    _write_value(data, 0, out.append, [])
    return "".join(out)


def _level(levels: list[_Level], depth: int) -> _Level:
    while len(levels) <= depth:
        inner = "\n" + "  " * (len(levels) + 1)
        levels.append((inner, "," + inner, "\n" + "  " * len(levels),
                       c_make_encoder(None, None, encode_basestring, None, ": ", "," + inner, False, False, True),
                       {}, {}))
    return levels[depth]


def _write_value(o: Any, depth: int, w: Any, levels: list[_Level],
                 scalars: frozenset[type] = _SCALARS, quote: Any = encode_basestring) -> None:
    t = type(o)
    if t is dict:
        if not o:
            w("{}")
            return
        inner, sep, close, leaf, first_keys, next_keys = levels[depth] if depth < len(levels) else _level(levels,
                                                                                                           depth)
        for v in o.values():
            if type(v) not in scalars:
                break
        else:  # strings, numbers, booleans and nulls only: one call of the C encoder
            w("{" + inner + leaf(o, 0)[0][1:-1] + close + "}")
            return
        keys, pre = first_keys, "{" + inner
        for k, v in o.items():
            prefix = keys.get(k)
            if prefix is None:
                if type(k) is not str:
                    raise _NotPlain
                prefix = keys[k] = pre + quote(k) + ": "
            tv = type(v)
            if tv is str:
                w(prefix + quote(v))
            elif tv in scalars:
                w(prefix + leaf(v, 0)[0])
            else:
                w(prefix)
                _write_value(v, depth + 1, w, levels)
            keys, pre = next_keys, sep
        w(close + "}")
    elif t is list:
        if not o:
            w("[]")
            return
        inner, sep, close, leaf, _first, _next = levels[depth] if depth < len(levels) else _level(levels, depth)
        if type(o[0]) in scalars:
            for v in o:
                if type(v) not in scalars:
                    break
            else:
                w("[" + inner + leaf(o, 0)[0][1:-1] + close + "]")
                return
        pre = "[" + inner
        for v in o:
            if type(v) in scalars:
                w(pre + leaf(v, 0)[0])
            else:
                w(pre)
                _write_value(v, depth + 1, w, levels)
            pre = sep
        w(close + "]")
    elif t in scalars:
        w(_level(levels, depth)[3](o, 0)[0])
    else:
        raise _NotPlain


def export_json(doc: PlanDocument, target: str | os.PathLike[str]) -> Path:
    """Write the plan as JSON to ``target`` (atomically)."""
    doc.session.commit()
    with gc_paused():  # the dict and the text are gone (reference counting) before the collector is back
        return write_text_atomic(Path(target), dumps(export_data(doc.session.connection())))




# ------------------------------------------------------------------------ import
def load_json_file(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file, turning every failure into a clear :class:`ImportFormatError`."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ImportFormatError(f"ファイルが見つかりません: {p}", f"File not found: {p}") from None
    except OSError as exc:
        raise ImportFormatError(f"ファイルを読めません: {p} ({exc.strerror})", f"Cannot read {p} ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"UTF-8 のテキストではありません（{exc.start} バイト目）", f"Not UTF-8 text (byte {exc.start})", where=str(p)
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"JSON の書式が正しくありません（{exc.lineno} 行 {exc.colno} 列: {exc.msg}）",
            f"Malformed JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            where=str(p),
        ) from None


def check_data(data: Any, source: str = "JSON") -> None:
    """Validate a parsed JSON plan fully (types, fields, ranges, ids, references) or raise."""
    problems = Problems()
    if isinstance(data, dict) and isinstance(data.get("format_version"), int) and data["format_version"] > FORMAT_VERSION:
        raise ImportFormatError(
            f"新しいバージョンの形式です（format_version {data['format_version']}）。dxeditor を更新してください。",
            f"A newer format (format_version {data['format_version']}); update dxeditor.",
            where=source,
        )
    validate(data, problems)
    if not problems.items:
        if data["format"] != FORMAT:
            problems.add("$.format", f'"{FORMAT}" ではありません', f'is not "{FORMAT}"')
        _check_references(data, problems)
    problems.raise_if_any(source)


def _check_references(data: dict[str, Any], p: Problems) -> None:
    plan = data["plan"]
    if plan["period_end_fy"] < plan["period_start_fy"]:
        p.add("$.plan.period_end_fy", "計画期間の終わりが始まりより前です", "the period ends before it starts")

    def unique(items: list[dict[str, Any]], where: str, key: str = "id") -> set[Any]:
        seen: set[Any] = set()
        for i, it in enumerate(items):
            if key not in it:
                continue
            if it[key] in seen:
                p.add(f"{where}[{i}].{key}", f"{key} {it[key]!r} が重複しています", f"duplicate {key} {it[key]!r}")
            seen.add(it[key])
        return seen

    chapters = unique(data.get("chapters", []), "$.chapters")
    for i, c in enumerate(data.get("chapters", [])):
        if c.get("parent_id") is not None and c["parent_id"] not in chapters:
            p.add(f"$.chapters[{i}].parent_id", f"章 {c['parent_id']} がありません", f"no chapter {c['parent_id']}")
        if c.get("placement", "front") not in ("front", "back"):
            p.add(f"$.chapters[{i}].placement", "front か back を指定してください", "must be front or back")
    _check_cycles(data.get("chapters", []), "$.chapters", p)
    if "phases" in data:
        phases = unique(data["phases"], "$.phases", "key")
    else:  # import fills in the default phases
        phases = {key for key, *_ in m.DEFAULT_PHASES}
    depts = unique(data.get("departments", []), "$.departments")
    for i, d in enumerate(data.get("departments", [])):
        if d.get("parent_id") is not None and d["parent_id"] not in depts:
            p.add(f"$.departments[{i}].parent_id", f"部署 {d['parent_id']} がありません", f"no department {d['parent_id']}")
    _check_cycles(data.get("departments", []), "$.departments", p)
    for i, link in enumerate(data.get("department_links", [])):
        for k in ("predecessor_id", "successor_id"):
            if link[k] not in depts:
                p.add(f"$.department_links[{i}].{k}", f"部署 {link[k]} がありません", f"no department {link[k]}")
    sections = unique(data.get("sections", []), "$.sections")
    for i, s in enumerate(data.get("sections", [])):
        if s.get("parent_id") is not None and s["parent_id"] not in sections:
            p.add(f"$.sections[{i}].parent_id", f"セクション {s['parent_id']} がありません", f"no section {s['parent_id']}")
    _check_cycles(data.get("sections", []), "$.sections", p)
    unique(data.get("initiatives", []), "$.initiatives")
    # ids unique across the whole plan; the JSON paths are only spelled out when one repeats
    ids: dict[str, list[Any]] = {"schedule_rows": [], "bars": [], "milestones": [], "kpis": []}
    row_ids, bar_ids, ms_ids = ids["schedule_rows"], ids["bars"], ids["milestones"]
    month = month_to_index
    for i, it in enumerate(data.get("initiatives", [])):
        if it.get("section_id") is not None and it["section_id"] not in sections:
            p.add(f"$.initiatives[{i}].section_id", f"セクション {it['section_id']} がありません",
                  f"no section {it['section_id']}")
        _check_depts(it, f"$.initiatives[{i}]", depts, p)
        goals = it.get("sdgs", [])
        for g in goals:
            if not 1 <= g <= 17:
                p.add(f"$.initiatives[{i}].sdgs", f"SDGs の目標 {g} は 1〜17 ではありません", f"SDG goal {g} is not 1–17")
        if len(set(goals)) != len(goals):
            p.add(f"$.initiatives[{i}].sdgs", "SDGs の目標が重複しています", "duplicate SDG goals")
        rows = it.get("schedule_rows", [])
        own_rows = {r["id"] for r in rows}
        for j, r in enumerate(rows):
            row_ids.append(r["id"])
            parent = r.get("parent_id")
            if parent is not None and parent not in own_rows:
                p.add(f"$.initiatives[{i}].schedule_rows[{j}].parent_id", f"同じ取組に行 {parent} がありません",
                      f"no row {parent} in the same initiative")
            if r.get("lead_department_id") is not None or r.get("related_department_ids"):
                _check_depts(r, f"$.initiatives[{i}].schedule_rows[{j}]", depts, p)
            for k, b in enumerate(r.get("bars", ())):
                if "id" in b:
                    bar_ids.append(b["id"])
                phase = b.get("phase")
                if month(b["end"]) < month(b["start"]) or (phase and phase not in phases) or b.get("lane", 0) < 0:
                    _check_bar(b, f"$.initiatives[{i}].schedule_rows[{j}].bars[{k}]", phases, p)
            ms_ids.extend(x["id"] for x in r.get("milestones", ()) if "id" in x)
        if any(r.get("parent_id") is not None for r in rows):
            _check_cycles(rows, f"$.initiatives[{i}].schedule_rows", p)
        ids["kpis"].extend(k["id"] for k in it.get("kpis", ()) if "id" in k)
        for block, items in it.get("text", {}).items():
            for k, t in enumerate(items):
                if not 0 <= t.get("level", 0) <= 8:
                    p.add(f"$.initiatives[{i}].text.{block}[{k}].level",
                          f"箇条書きの階層 {t.get('level')} は 0〜8 の範囲外です", "text level outside 0–8")
    for label, found in ids.items():
        if len(set(found)) != len(found):
            _report_duplicates(data, label, p)
    unique(data.get("glossary", []), "$.glossary")


def _check_bar(b: dict[str, Any], where: str, phases: set[Any], p: Problems) -> None:
    if month_to_index(b["end"]) < month_to_index(b["start"]):
        p.add(f"{where}.end", f"終わり {b['end']} が始まり {b['start']} より前です",
              f"end {b['end']} is before start {b['start']}")
    if b.get("phase") and b["phase"] not in phases:
        p.add(f"{where}.phase", f"工程の種類 {b['phase']!r} がありません", f"no phase {b['phase']!r}")
    if b.get("lane", 0) < 0:
        p.add(f"{where}.lane", "段は 0 以上です", "lane must be 0 or more")


def _report_duplicates(data: dict[str, Any], label: str, p: Problems) -> None:
    """Name every repeated id of schedule rows, bars, milestones or KPIs with both JSON paths."""
    items: list[tuple[str, dict[str, Any]]] = []
    for i, it in enumerate(data.get("initiatives", [])):
        w = f"$.initiatives[{i}]"
        if label == "kpis":
            items += [(f"{w}.kpis[{j}]", k) for j, k in enumerate(it.get("kpis", []))]
            continue
        for j, r in enumerate(it.get("schedule_rows", [])):
            rw = f"{w}.schedule_rows[{j}]"
            if label == "schedule_rows":
                items.append((rw, r))
            else:
                items += [(f"{rw}.{label}[{k}]", x) for k, x in enumerate(r.get(label, []))]
    seen: dict[int, str] = {}
    for w, it in items:
        if "id" in it:
            if it["id"] in seen:
                p.add(f"{w}.id", f"id {it['id']} が重複しています（{seen[it['id']]}）",
                      f"duplicate id {it['id']} ({seen[it['id']]})")
            seen[it["id"]] = w


def _check_depts(owner: dict[str, Any], where: str, depts: set[Any], p: Problems) -> None:
    lead = owner.get("lead_department_id")
    if lead is not None and lead not in depts:
        p.add(f"{where}.lead_department_id", f"部署 {lead} がありません", f"no department {lead}")
    for d in owner.get("related_department_ids", []):
        if d not in depts:
            p.add(f"{where}.related_department_ids", f"部署 {d} がありません", f"no department {d}")


def _check_cycles(items: list[dict[str, Any]], where: str, p: Problems) -> None:
    """Name every id whose chain of parents runs into a loop (linear time: chains are walked once)."""
    parent = {it["id"]: it.get("parent_id") for it in items if "id" in it}
    looped: dict[Any, bool] = {}
    for start in parent:
        path: list[Any] = []
        on_path: set[Any] = set()
        cur = start
        while cur is not None and cur not in looped and cur not in on_path:
            path.append(cur)
            on_path.add(cur)
            cur = parent.get(cur)
        bad = cur is not None and (cur in on_path or looped[cur])
        for node in path:
            looped[node] = bad
    for start in parent:
        if looped[start]:
            p.add(where, f"id {start} の親子関係が循環しています", f"parent cycle at id {start}")


def load_into(conn: Connection, data: dict[str, Any]) -> None:
    """Replace the content of the plan database on ``conn`` with validated ``data``."""
    driver: Any = conn.connection.dbapi_connection  # the session's transaction, as fetch_all does
    for t in reversed([*m.CONTENT_TABLES, m.AuditEntry.__table__]):
        conn.execute(delete(t))
    plan = {k: data["plan"].get(k) for k in PLAN_FIELDS if k in data["plan"]}
    conn.execute(insert(m.Plan.__table__).values(id=1, **plan))

    def many(table: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            sql, params = _bulk_insert(conn, table, rows)
            driver.executemany(sql, params)

    positions: dict[Any, int] = defaultdict(int)

    def pos(key: Any) -> int:
        positions[key] += 1
        return positions[key] - 1

    many(m.Chapter.__table__, _parents_first(
        [{**c, "position": pos(("chap", c.get("parent_id")))} for c in data.get("chapters", [])]))
    phases = data.get("phases")
    if phases is None:
        phases = [{"key": k, "name": n, "color": c, "pattern": pt} for k, n, c, pt in m.DEFAULT_PHASES]
    many(m.Phase.__table__, [{**ph, "position": i} for i, ph in enumerate(phases)])

    depts, renames = [], []
    for d in data.get("departments", []):
        depts.append({**d, "position": pos(("dept", d.get("parent_id")))})
        renames += [{"department_id": d["id"], **r} for r in d.get("renames", [])]
    # parents first so foreign keys hold
    many(m.Department.__table__, _parents_first(depts))
    many(m.DepartmentName.__table__, renames)
    many(m.DepartmentLink.__table__, list(data.get("department_links", [])))
    many(m.Section.__table__, _parents_first(
        [{**s, "position": pos(("sec", s.get("parent_id")))} for s in data.get("sections", [])]))

    inits, sdgs, idepts, texts, kpis, actuals, refs, progress = [], [], [], [], [], [], [], []
    rows, rdepts, bars, mss = [], [], [], []
    next_ids: dict[str, int] = defaultdict(int)
    for kind, key in (("kpi", "kpis"), ("bar", "bars"), ("ms", "milestones")):
        used = [x["id"] for it in data.get("initiatives", []) for x in _nested(it, key) if "id" in x]
        next_ids[kind] = max(used, default=0) + 1
    next_ids["term"] = max((g["id"] for g in data.get("glossary", []) if "id" in g), default=0) + 1

    def new_id(kind: str, obj: dict[str, Any]) -> int:
        if "id" in obj:
            return int(obj["id"])
        next_ids[kind] += 1
        return next_ids[kind] - 1

    month = month_to_index
    for it in data.get("initiatives", []):
        iid = it["id"]
        inits.append({**it, "position": pos(("init", it.get("section_id")))})
        sdgs += [{"initiative_id": iid, "goal": g} for g in it.get("sdgs", [])]
        idepts += _dept_rows(it, "initiative_id", iid)
        for block, items in it.get("text", {}).items():
            texts += [{"initiative_id": iid, "block": block, "position": n, **t} for n, t in enumerate(items)]
        for n, k in enumerate(it.get("kpis", [])):
            kid = new_id("kpi", k)
            kpis.append({**k, "id": kid, "initiative_id": iid, "position": n})
            actuals += [{"kpi_id": kid, **a} for a in k.get("actuals", [])]
        refs += [{"initiative_id": iid, "position": n, **r} for n, r in enumerate(it.get("references", []))]
        progress += [{"initiative_id": iid, **pr} for pr in it.get("progress", [])]
        for r in it.get("schedule_rows", []):
            rid = r["id"]
            rows.append({**r, "initiative_id": iid, "position": pos(("row", iid, r.get("parent_id")))})
            if r.get("lead_department_id") is not None or r.get("related_department_ids"):
                rdepts += _dept_rows(r, "row_id", rid)
            for b in r.get("bars", ()):
                bars.append({**b, "id": new_id("bar", b), "row_id": rid, "start": month(b["start"]),
                             "end": month(b["end"])})
            for x in r.get("milestones", ()):
                mss.append({**x, "id": new_id("ms", x), "row_id": rid, "month": month(x["month"])})
            if r.get("progress"):
                progress += [{"row_id": rid, **pr} for pr in r["progress"]]
    many(m.Initiative.__table__, inits)
    many(m.InitiativeSdg.__table__, sdgs)
    many(m.InitiativeDepartment.__table__, idepts)
    many(m.TextItem.__table__, texts)
    many(m.Kpi.__table__, kpis)
    many(m.KpiActual.__table__, actuals)
    many(m.Reference.__table__, refs)
    many(m.ScheduleRow.__table__, _parents_first(rows))
    many(m.RowDepartment.__table__, rdepts)
    many(m.Bar.__table__, bars)
    many(m.Milestone.__table__, mss)
    many(m.Progress.__table__, progress)
    many(m.GlossaryTerm.__table__, [{**g, "id": new_id("term", g)} for g in data.get("glossary", [])])
    many(m.AuditEntry.__table__, list(data.get("audit_log", [])))


class _TableInsert:
    """How rows of one table are inserted: the SQL, the defaults of absent keys, value conversions."""

    def __init__(self, conn: Connection, table: Any) -> None:
        quote = conn.dialect.identifier_preparer.quote
        names = [c.name for c in table.c]
        self.sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
                    f"VALUES ({', '.join('?' * len(names))})")
        # an absent id is None: SQLite numbers the row (an INTEGER PRIMARY KEY)
        self.defaults = {c.name: c.default.arg if c.default is not None and c.default.is_scalar else None
                         for c in table.c}
        self.values = operator.itemgetter(*names)
        # SQLAlchemy's value conversions (floats), except Boolean's: validated JSON booleans are
        # bool already, which the driver stores as 1 / 0 just as the conversion would
        self.convert = [(c.name, p) for c in table.c if not isinstance(c.type, Boolean)
                        and (p := c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)) is not None]


_INSERTS: dict[tuple[str, str], _TableInsert] = {}


def _bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> tuple[str, list[tuple[Any, ...]]]:
    """The INSERT statement and one parameter tuple per row: every column present, unknown keys dropped."""
    how = _INSERTS.get((conn.dialect.name, table.name))
    if how is None:
        how = _INSERTS[(conn.dialect.name, table.name)] = _TableInsert(conn, table)
    defaults, values = how.defaults, how.values
    if not how.convert:
        return how.sql, [values({**defaults, **r}) for r in rows]
    params = []
    for r in rows:
        full = {**defaults, **r}
        for name, convert in how.convert:
            full[name] = convert(full[name])
        params.append(values(full))
    return how.sql, params


def _nested(it: dict[str, Any], key: str) -> list[dict[str, Any]]:
    if key == "kpis":
        return list(it.get("kpis", []))
    return [x for r in it.get("schedule_rows", []) for x in r.get(key, [])]


def _dept_rows(owner: dict[str, Any], fk: str, owner_id: int) -> list[dict[str, Any]]:
    out = []
    if owner.get("lead_department_id") is not None:
        out.append({fk: owner_id, "department_id": owner["lead_department_id"], "role": "lead", "position": 0})
    for n, d in enumerate(owner.get("related_department_ids", []), start=1):
        out.append({fk: owner_id, "department_id": d, "role": "related", "position": n})
    return out


def _parents_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    done: set[Any] = set()
    out: list[dict[str, Any]] = []
    pending = list(rows)
    while pending:
        rest = []
        for r in pending:
            if r.get("parent_id") is None or r["parent_id"] in done:
                out.append(r)
                done.add(r["id"])
            else:
                rest.append(r)
        if len(rest) == len(pending):  # validated data has no cycles; keep going anyway
            out.extend(rest)
            break
        pending = rest
    return out


def import_data(data: Any, source: str = "JSON", target: Path | None = None) -> PlanDocument:
    """A new document holding the plan in ``data`` (validated first; nothing is created on error)."""
    with gc_paused():
        return _import_data(data, source, target)


def _import_data(data: Any, source: str, target: Path | None) -> PlanDocument:
    check_data(data, source)
    doc = PlanDocument.create(target)
    try:
        conn = doc.session.connection()
        load_into(conn, data)
        doc.session.commit()
    except BaseException:
        doc.close(keep_working_copy=False)
        raise
    return doc


def import_json(path: str | os.PathLike[str], target: Path | None = None) -> PlanDocument:
    """A new document from a JSON file (see :func:`import_data`)."""
    with gc_paused():  # parsing makes hundreds of thousands of objects; they are gone before it ends
        return import_data(load_json_file(path), str(path), target)


