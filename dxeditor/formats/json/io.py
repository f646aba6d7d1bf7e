"""JSON interchange: the whole plan as one documented, versioned JSON document.

Export → import → export gives identical JSON (``exported_at`` aside). The format is
specified in :mod:`dxeditor.formats.json.spec` and ``docs/json-format.md``; the text form
is written by :mod:`dxeditor.formats.json.text` and imports are checked by
:mod:`dxeditor.formats.json.check` (``dumps`` and ``check_data`` are re-exported here).

Size: the export and the import of one format side by side, so that every field is written and read in the same place.
"""

from __future__ import annotations

import json
import operator
import os
import re
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, delete, insert, select

from dxeditor import __version__
from dxeditor.core.achievement import rating_scale_in, rating_scale_out
from dxeditor.core.atomic import write_atomic
from dxeditor.core.errors import ImportFormatError
from dxeditor.core.fiscal import index_to_month, month_to_index
from dxeditor.core.perf import gc_paused
from dxeditor.formats.json.check import check_data, check_strings
from dxeditor.formats.json.spec import FORMAT, FORMAT_VERSION
from dxeditor.formats.json.text import Lazy, dump, dumps  # noqa: F401  (dumps is re-exported)
from dxeditor.plan import versions
from dxeditor.store import models as m
from dxeditor.store.document import PlanDocument
from dxeditor.store.raw import fetch_all

#: Initiatives read and written together by a streaming export.
BATCH = 200
PLAN_FIELDS = [k for k in ("uid", "title", "subtitle", "municipality", "issuing_department", "version_label",
                           "formulation_date", "period_start_fy", "period_end_fy", "period_label", "year_style",
                           "numbering_style", "basic_philosophy", "vision", "note")]
PROGRESS_FIELDS = ("fiscal_year", "status", "comment", "rating", "results", "issues", "direction", "entered_by",
                   "entered_at")


def _tuples(conn: Connection, table: Any, columns: str, *order: Any, where: Any = None) -> list[tuple[Any, ...]]:
    """The named columns (space-separated) of every row of ``table``, in ``order``, as the driver gives them.

    Export and import move tens of thousands of rows: SQLAlchemy's per-row result objects and
    per-row parameter processing cost several times what SQLite itself does, so the bulk reads
    and writes here go to the driver (inside the session's transaction), with SQL compiled by
    SQLAlchemy.
    """
    query = select(*(table.c[c] for c in columns.split())).order_by(*order)
    if where is not None:  # ids only: rendered inline
        query = query.where(where)
        return fetch_all(conn, str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})))
    return fetch_all(conn, str(query.compile(dialect=conn.dialect)))


def _rows(conn: Connection, table: Any, *order: Any, where: Any = None) -> list[dict[str, Any]]:
    """Every row of ``table`` (or those ``where`` holds) as a dict (Python values: booleans as bool), in ``order``."""
    names = [c.name for c in table.c]
    out = [dict(zip(names, r, strict=True)) for r in _tuples(conn, table, " ".join(names), *order, where=where)]
    if conn.dialect.name != "sqlite":  # a server's driver (psycopg) gives Python values already
        return out
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


def export_data(conn: Connection, *, with_versions: bool = True, stream: bool = False) -> dict[str, Any]:
    """The plan on ``conn`` as a JSON-ready dict (with its versions unless ``with_versions`` is False).

    ``stream``: the initiatives (nearly all of a plan) as a :class:`Lazy` array, read batch by
    batch while the text is written (:func:`export_json`), so the whole plan is never in memory.
    """
    plan = conn.execute(select(m.Plan.__table__)).mappings().one()
    out: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generator": f"dxeditor {__version__}",
        "plan": {k: plan[k] for k in PLAN_FIELDS},
    }
    out["plan"]["rating_scale"] = rating_scale_out(plan["rating_scale"])
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

    section_order = {s["id"]: i for i, s in enumerate(sections)}
    initiatives = _rows(conn, m.Initiative.__table__)
    initiatives.sort(key=lambda r: (section_order.get(r["section_id"], -1), r["position"], r["id"]))

    def generate() -> Any:
        for i in range(0, len(initiatives), BATCH):
            yield from _initiative_dicts(conn, initiatives[i:i + BATCH])

    out["initiatives"] = Lazy(generate, len(initiatives)) if stream else list(generate())
    out["glossary"] = [{k: g[k] for k in ("id", "term", "reading", "description")}
                       for g in _rows(conn, m.GlossaryTerm.__table__, m.GlossaryTerm.id)]
    out["audit_log"] = [{k: a[k] for k in ("at", "user", "host", "action", "entity", "entity_id", "before", "after")}
                        for a in _rows(conn, m.AuditEntry.__table__, m.AuditEntry.id)]
    notes = _rows(conn, m.CompareNote.__table__, m.CompareNote.id) if with_versions else []
    if notes:
        out["compare_notes"] = [{"before": n["before_label"], "after": n["after_label"], "key": n["change_key"],
                                 "text": n["text"]} for n in notes]
    version_rows = _rows(conn, m.PlanVersion.__table__, m.PlanVersion.position, m.PlanVersion.id) \
        if with_versions else []
    if version_rows:
        out["versions"] = [{"label": v["label"], "date": v["date_text"], "note": v["note"],
                            "created_at": v["created_at"], "created_by": v["created_by"],
                            "content": versions.unpack(v["snapshot"])} for v in version_rows]
    return out


def _initiative_dicts(conn: Connection, initiatives: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON form of some initiatives with everything they hold (read for these initiatives only)."""
    ids = [it["id"] for it in initiatives]

    def mine(model: Any) -> Any:
        return model.__table__.c.initiative_id.in_(ids)

    my_rows = select(m.ScheduleRow.id).where(mine(m.ScheduleRow))
    sdgs = _group(_rows(conn, m.InitiativeSdg.__table__, m.InitiativeSdg.goal, where=mine(m.InitiativeSdg)), "initiative_id")
    idepts = _group(_rows(conn, m.InitiativeDepartment.__table__, m.InitiativeDepartment.position,
                          m.InitiativeDepartment.id, where=mine(m.InitiativeDepartment)), "initiative_id")
    texts: dict[Any, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for iid, block, body, level, bullet in _tuples(conn, m.TextItem.__table__, "initiative_id block text level bullet",
                                                   m.TextItem.position, m.TextItem.id, where=mine(m.TextItem)):
        texts[iid].append((block, {"text": body, "level": level, "bullet": _bool(bullet)}))
    kpis = _group(_rows(conn, m.Kpi.__table__, m.Kpi.position, m.Kpi.id, where=mine(m.Kpi)), "initiative_id")
    my_kpis = select(m.Kpi.id).where(mine(m.Kpi))
    actuals = _group(_rows(conn, m.KpiActual.__table__, m.KpiActual.fiscal_year, m.KpiActual.id,
                          where=m.KpiActual.kpi_id.in_(my_kpis)), "kpi_id")
    targets = _group(_rows(conn, m.KpiTarget.__table__, m.KpiTarget.fiscal_year, m.KpiTarget.id,
                          where=m.KpiTarget.kpi_id.in_(my_kpis)), "kpi_id")
    refs = _group(_rows(conn, m.Reference.__table__, m.Reference.position, m.Reference.id, where=mine(m.Reference)),
                  "initiative_id")
    iprog = _group(_rows(conn, m.Progress.__table__, m.Progress.fiscal_year, m.Progress.id,
                         where=mine(m.Progress)), "initiative_id")
    rprog = _group(_rows(conn, m.Progress.__table__, m.Progress.fiscal_year, m.Progress.id,
                         where=m.Progress.row_id.in_(my_rows)), "row_id")
    rows = _group(_rows(conn, m.ScheduleRow.__table__, where=mine(m.ScheduleRow)), "initiative_id")
    row_lead: dict[Any, Any] = {}  # the first lead link, like _depts
    row_related: dict[Any, list[Any]] = defaultdict(list)
    for row_id, dept, role in _tuples(conn, m.RowDepartment.__table__, "row_id department_id role",
                                      m.RowDepartment.position, m.RowDepartment.id,
                                      where=m.RowDepartment.row_id.in_(my_rows)):
        if role == "lead":
            row_lead.setdefault(row_id, dept)
        else:
            row_related[row_id].append(dept)
    month = index_to_month
    bars: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for bid, row_id, lane, start, end, label, phase, continues, note in _tuples(
            conn, m.Bar.__table__, "id row_id lane start end label phase continues note", m.Bar.lane, m.Bar.start,
            m.Bar.id, where=m.Bar.row_id.in_(my_rows)):
        bars[row_id].append({"id": bid, "lane": lane, "start": month(start), "end": month(end), "label": label,
                             "phase": phase, "continues": _bool(continues), "note": note})
    mss: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for mid, row_id, lane, at, label in _tuples(conn, m.Milestone.__table__, "id row_id lane month label",
                                                m.Milestone.lane, m.Milestone.month, m.Milestone.id,
                                                where=m.Milestone.row_id.in_(my_rows)):
        mss[row_id].append({"id": mid, "lane": lane, "month": month(at), "label": label})

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
                "progress": [{k: p[k] for k in PROGRESS_FIELDS} for p in rp] if rp else [],
            })
        out_inits.append({
            **{k: it[k] for k in ("id", "section_id", "number_label", "title", "summary", "national_category",
                                  "national_number", "national_target_fy", "national_target_text", "note")},
            "sdgs": [s["goal"] for s in sdgs.get(iid, [])],
            "lead_department_id": lead,
            "related_department_ids": related,
            "text": text,
            "kpis": [{**{k: x[k] for k in ("id", "name", "baseline_text", "baseline_value", "target_value",
                                            "target_text", "unit", "deadline_text", "deadline_fy", "note",
                                            "lower_is_better")},
                      "targets": [{k: t[k] for k in ("fiscal_year", "value", "text")} for t in targets.get(x["id"], [])],
                      "actuals": [{k: a[k] for k in ("fiscal_year", "value", "note")} for a in actuals.get(x["id"], [])]}
                     for x in kpis.get(iid, [])],
            "references": [{k: x[k] for k in ("title", "date_text", "note")} for x in refs.get(iid, [])],
            "progress": [{k: p[k] for k in PROGRESS_FIELDS} for p in iprog.get(iid, [])],
            "schedule_rows": out_rows,
        })
    return out_inits


#: Keys of the exported plan that are not part of what a version keeps.
NOT_IN_SNAPSHOT = ("exported_at", "generator", "audit_log", "versions", "compare_notes")


def snapshot_data(conn: Connection) -> dict[str, Any]:
    """The plan on ``conn`` as a version keeps it: the JSON form without history and versions."""
    data = export_data(conn, with_versions=False)
    for key in NOT_IN_SNAPSHOT:
        data.pop(key, None)
    return data


def export_json(doc: PlanDocument, target: str | os.PathLike[str]) -> Path:
    """Write the plan as JSON to ``target`` (atomically)."""
    doc.session.commit()
    conn = doc.session.connection()

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as fh:
            dump(export_data(conn, stream=True), fh)

    with gc_paused():  # each batch is gone (reference counting) before the next one is read
        write_atomic(Path(target), write)
    return Path(target).absolute()


# ------------------------------------------------------------------------ import
MAX_JSON_BYTES = 256 * 1024 * 1024  # a plan of 100,000 schedule rows is well under 200 MB


def load_json_file(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file, turning every failure into a clear :class:`ImportFormatError`."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_JSON_BYTES:
            raise ImportFormatError(f"ファイルが大きすぎます（{p.stat().st_size // 2**20} MB、上限 {MAX_JSON_BYTES // 2**20} MB）",
                                    f"The file is too large (limit {MAX_JSON_BYTES // 2**20} MB)", where=str(p))
        if not p.is_file():
            raise ImportFormatError("通常のファイルではありません", "Not a regular file", where=str(p))
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
    return parse_json_text(text, str(p))


def parse_json_text(text: str, source: str) -> Any:
    """Parse JSON text of a plan: strict JSON (no NaN or Infinity), bounded nesting and numbers,
    strings that can be stored (no NUL, no lone surrogate halves); every failure a clear message."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"JSON の書式が正しくありません（{exc.lineno} 行 {exc.colno} 列: {exc.msg}）",
            f"Malformed JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            where=source,
        ) from None
    except RecursionError:
        raise ImportFormatError("JSON の入れ子（配列やオブジェクトの中の配列やオブジェクト）が深すぎます",
                                "The JSON nests arrays or objects too deeply", where=source) from None
    except _ConstantError as exc:
        raise ImportFormatError(f"JSON に {exc.args[0]} があります（数値として使えません）",
                                f"The JSON contains {exc.args[0]}, which is not a number", where=source) from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise ImportFormatError(f"JSON に桁数の多すぎる数値があります（{exc}）",
                                f"The JSON holds a number with too many digits ({exc})", where=source) from None
    if _ESCAPED_BAD.search(text):
        check_strings(data, source)
    return data


class _ConstantError(ValueError):
    """NaN, Infinity or -Infinity in JSON text (Python's json accepts them; JSON does not)."""


def _no_constant(name: str) -> Any:
    raise _ConstantError(name)


#: The escapes through which text that cannot be stored gets into parsed JSON: ``\u0000`` and
#: the surrogate halves ``\ud800``–``\udfff`` (UTF-8 itself cannot carry them).
_ESCAPED_BAD = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")


def load_into(conn: Connection, data: dict[str, Any]) -> None:
    """Replace the content of the plan database on ``conn`` with validated ``data``."""
    driver: Any = conn.connection.dbapi_connection  # the session's transaction, as fetch_all does
    for t in reversed([*m.CONTENT_TABLES, m.AuditEntry.__table__, m.PlanVersion.__table__, m.CompareNote.__table__]):
        conn.execute(delete(t))
    plan = {k: data["plan"].get(k) for k in PLAN_FIELDS if k in data["plan"]}
    plan["rating_scale"] = rating_scale_in(data["plan"].get("rating_scale"))
    conn.execute(insert(m.Plan).values(id=1, **plan))

    def many(table: Any, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if conn.dialect.name != "sqlite":  # a server: SQLAlchemy's batched inserts, any driver
            full = _full_rows(conn, table, rows)
            numbered = [r for r in full if r.get("id") is not None]
            # an absent id is left to the server's sequence (NULL is no id there, unlike SQLite)
            unnumbered = [{k: v for k, v in r.items() if k != "id"} for r in full if r.get("id") is None]
            for part in (numbered, unnumbered):
                if part:
                    conn.execute(insert(table), part)
            return
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
    targets: list[dict[str, Any]] = []
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
            targets += [{"kpi_id": kid, **t} for t in k.get("targets", [])]
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
    many(m.KpiTarget.__table__, targets)
    many(m.KpiActual.__table__, actuals)
    many(m.Reference.__table__, refs)
    many(m.ScheduleRow.__table__, _parents_first(rows))
    many(m.RowDepartment.__table__, rdepts)
    many(m.Bar.__table__, bars)
    many(m.Milestone.__table__, mss)
    many(m.Progress.__table__, progress)
    many(m.GlossaryTerm.__table__, [{**g, "id": new_id("term", g)} for g in data.get("glossary", [])])
    many(m.AuditEntry.__table__, list(data.get("audit_log", [])))
    many(m.CompareNote.__table__, [{"before_label": n["before"], "after_label": n["after"], "change_key": n["key"],
                                    "text": n["text"]} for n in data.get("compare_notes", [])])
    many(m.PlanVersion.__table__, [
        {"position": i, "label": v["label"], "date_text": v.get("date", ""), "note": v.get("note", ""),
         "created_at": v.get("created_at", ""), "created_by": v.get("created_by", ""),
         "snapshot": versions.pack(v["content"])} for i, v in enumerate(data.get("versions", []))])


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


def _full_rows(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as dicts of every column of ``table`` (absent keys get the column default, unknown keys dropped)."""
    how = _INSERTS.get((conn.dialect.name, table.name))
    if how is None:
        how = _INSERTS[(conn.dialect.name, table.name)] = _TableInsert(conn, table)
    names = list(how.defaults)
    return [dict(zip(names, how.values({**how.defaults, **r}), strict=True)) for r in rows]


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
        try:
            load_into(conn, data)
        except UnicodeEncodeError:  # data not parsed by parse_json_text: name the string SQLite refused
            check_strings(data, source)
            raise
        doc.session.commit()
    except BaseException:
        doc.close(keep_working_copy=False)
        raise
    return doc


def import_json(path: str | os.PathLike[str], target: Path | None = None) -> PlanDocument:
    """A new document from a JSON file (see :func:`import_data`)."""
    with gc_paused():  # parsing makes hundreds of thousands of objects; they are gone before it ends
        return import_data(load_json_file(path), str(path), target)


