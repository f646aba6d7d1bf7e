"""JSON interchange: the whole plan as one documented, versioned JSON document.

Export → import → export gives identical JSON (``exported_at`` aside). The format is
specified in :mod:`dxeditor.services.json_spec` and ``docs/json-format.md``.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from dxeditor import __version__
from dxeditor.core.errors import ImportFormatError
from dxeditor.db import models as m
from dxeditor.db.document import PlanDocument
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


def _rows(conn: Connection, table: Any, *order: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(table).order_by(*order)).mappings()]


def _group(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def _ordered_tree(rows: list[dict[str, Any]], parent_key: str = "parent_id") -> list[dict[str, Any]]:
    """Rows sorted so that parents come before children and siblings keep their position."""
    by_parent = _group(sorted(rows, key=lambda r: (r["position"], r["id"])), parent_key)
    out: list[dict[str, Any]] = []

    def walk(parent: Any) -> None:
        for r in by_parent.get(parent, []):
            out.append(r)
            walk(r["id"])

    walk(None)
    seen = {r["id"] for r in out}
    out.extend(r for r in rows if r["id"] not in seen)  # orphans (should not exist)
    return out


def _depts(links: list[dict[str, Any]]) -> tuple[int | None, list[int]]:
    lead = next((d["department_id"] for d in links if d["role"] == "lead"), None)
    related = [d["department_id"] for d in sorted(links, key=lambda d: d["position"]) if d["role"] != "lead"]
    return lead, related


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
    texts = _group(_rows(conn, m.TextItem.__table__, m.TextItem.position, m.TextItem.id), "initiative_id")
    kpis = _group(_rows(conn, m.Kpi.__table__, m.Kpi.position, m.Kpi.id), "initiative_id")
    actuals = _group(_rows(conn, m.KpiActual.__table__, m.KpiActual.fiscal_year, m.KpiActual.id), "kpi_id")
    refs = _group(_rows(conn, m.Reference.__table__, m.Reference.position, m.Reference.id), "initiative_id")
    progress = _rows(conn, m.Progress.__table__, m.Progress.fiscal_year, m.Progress.id)
    iprog = _group([p for p in progress if p["initiative_id"] is not None], "initiative_id")
    rprog = _group([p for p in progress if p["row_id"] is not None], "row_id")
    rows = _group(_rows(conn, m.ScheduleRow.__table__), "initiative_id")
    rdepts = _group(_rows(conn, m.RowDepartment.__table__, m.RowDepartment.position, m.RowDepartment.id), "row_id")
    bars = _group(_rows(conn, m.Bar.__table__, m.Bar.lane, m.Bar.start, m.Bar.id), "row_id")
    mss = _group(_rows(conn, m.Milestone.__table__, m.Milestone.lane, m.Milestone.month, m.Milestone.id), "row_id")

    section_order = {s["id"]: i for i, s in enumerate(sections)}
    initiatives = _rows(conn, m.Initiative.__table__)
    initiatives.sort(key=lambda r: (section_order.get(r["section_id"], -1), r["position"], r["id"]))
    out_inits = []
    for it in initiatives:
        iid = it["id"]
        lead, related = _depts(idepts.get(iid, []))
        text: dict[str, list[dict[str, Any]]] = {b: [] for b in m.TEXT_BLOCKS}
        for t in texts.get(iid, []):
            text.setdefault(t["block"], []).append({"text": t["text"], "level": t["level"], "bullet": t["bullet"]})
        out_rows = []
        for r in _ordered_tree(rows.get(iid, [])):
            rlead, rrelated = _depts(rdepts.get(r["id"], []))
            out_rows.append({
                **{k: r[k] for k in ("id", "parent_id", "title", "note", "national_target_fy", "national_target_text")},
                "lead_department_id": rlead,
                "related_department_ids": rrelated,
                "bars": [{"id": b["id"], "lane": b["lane"], "start": index_to_month(b["start"]),
                          "end": index_to_month(b["end"]), "label": b["label"], "phase": b["phase"],
                          "continues": b["continues"], "note": b["note"]} for b in bars.get(r["id"], [])],
                "milestones": [{"id": x["id"], "lane": x["lane"], "month": index_to_month(x["month"]),
                                "label": x["label"]} for x in mss.get(r["id"], [])],
                "progress": [{k: p[k] for k in ("fiscal_year", "status", "comment")} for p in rprog.get(r["id"], [])],
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
    """The canonical text form (UTF-8, readable Japanese, two-space indent, trailing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_json(doc: PlanDocument, target: str | os.PathLike[str]) -> Path:
    """Write the plan as JSON to ``target`` (atomically)."""
    doc.session.commit()
    data = export_data(doc.session.connection())
    return write_text_atomic(Path(target), dumps(data))


def write_text_atomic(target: Path, text: str) -> Path:
    """Write a text file beside the target, then replace it (never a half-written file)."""
    target = target.absolute()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


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
    phases = unique(data.get("phases", []), "$.phases", "key")
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
    all_rows: list[tuple[str, dict[str, Any]]] = []
    all_bars: list[tuple[str, dict[str, Any]]] = []
    all_ms: list[tuple[str, dict[str, Any]]] = []
    all_kpis: list[tuple[str, dict[str, Any]]] = []
    for i, it in enumerate(data.get("initiatives", [])):
        w = f"$.initiatives[{i}]"
        if it.get("section_id") is not None and it["section_id"] not in sections:
            p.add(f"{w}.section_id", f"セクション {it['section_id']} がありません", f"no section {it['section_id']}")
        _check_depts(it, w, depts, p)
        goals = it.get("sdgs", [])
        for g in goals:
            if not 1 <= g <= 17:
                p.add(f"{w}.sdgs", f"SDGs の目標 {g} は 1〜17 ではありません", f"SDG goal {g} is not 1–17")
        if len(set(goals)) != len(goals):
            p.add(f"{w}.sdgs", "SDGs の目標が重複しています", "duplicate SDG goals")
        row_ids = {r["id"] for r in it.get("schedule_rows", [])}
        for j, r in enumerate(it.get("schedule_rows", [])):
            rw = f"{w}.schedule_rows[{j}]"
            all_rows.append((rw, r))
            if r.get("parent_id") is not None and r["parent_id"] not in row_ids:
                p.add(f"{rw}.parent_id", f"同じ取組に行 {r['parent_id']} がありません",
                      f"no row {r['parent_id']} in the same initiative")
            _check_depts(r, rw, depts, p)
            for k, b in enumerate(r.get("bars", [])):
                bw = f"{rw}.bars[{k}]"
                all_bars.append((bw, b))
                if month_to_index(b["end"]) < month_to_index(b["start"]):
                    p.add(f"{bw}.end", f"終わり {b['end']} が始まり {b['start']} より前です",
                          f"end {b['end']} is before start {b['start']}")
                if b.get("phase") and b["phase"] not in phases:
                    p.add(f"{bw}.phase", f"工程の種類 {b['phase']!r} がありません", f"no phase {b['phase']!r}")
                if b.get("lane", 0) < 0:
                    p.add(f"{bw}.lane", "段は 0 以上です", "lane must be 0 or more")
            for k, x in enumerate(r.get("milestones", [])):
                all_ms.append((f"{rw}.milestones[{k}]", x))
        for j, k in enumerate(it.get("kpis", [])):
            all_kpis.append((f"{w}.kpis[{j}]", k))
        for block, items in it.get("text", {}).items():
            for k, t in enumerate(items):
                if not 0 <= t.get("level", 0) <= 8:
                    p.add(f"{w}.text.{block}[{k}].level", f"箇条書きの階層 {t.get('level')} は 0〜8 の範囲外です",
                          "text level outside 0–8")
    for _label, items in (("schedule_rows", all_rows), ("bars", all_bars), ("milestones", all_ms), ("kpis", all_kpis)):
        seen: dict[int, str] = {}
        for w, it in items:
            if "id" in it:
                if it["id"] in seen:
                    p.add(f"{w}.id", f"id {it['id']} が重複しています（{seen[it['id']]}）",
                          f"duplicate id {it['id']} ({seen[it['id']]})")
                seen[it["id"]] = w
    unique(data.get("glossary", []), "$.glossary")


def _check_depts(owner: dict[str, Any], where: str, depts: set[Any], p: Problems) -> None:
    lead = owner.get("lead_department_id")
    if lead is not None and lead not in depts:
        p.add(f"{where}.lead_department_id", f"部署 {lead} がありません", f"no department {lead}")
    for d in owner.get("related_department_ids", []):
        if d not in depts:
            p.add(f"{where}.related_department_ids", f"部署 {d} がありません", f"no department {d}")


def _check_cycles(items: list[dict[str, Any]], where: str, p: Problems) -> None:
    parent = {it["id"]: it.get("parent_id") for it in items if "id" in it}
    for start in parent:
        seen = {start}
        cur = parent.get(start)
        while cur is not None:
            if cur in seen:
                p.add(where, f"id {start} の親子関係が循環しています", f"parent cycle at id {start}")
                break
            seen.add(cur)
            cur = parent.get(cur)


def load_into(conn: Connection, data: dict[str, Any]) -> None:
    """Replace the content of the plan database on ``conn`` with validated ``data``."""
    for t in reversed([*m.CONTENT_TABLES, m.AuditEntry.__table__]):
        conn.execute(delete(t))
    plan = {k: data["plan"].get(k) for k in PLAN_FIELDS if k in data["plan"]}
    conn.execute(insert(m.Plan.__table__).values(id=1, **plan))

    def many(table: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(insert(table), [_fill(table, r) for r in rows])

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
        depts.append({**{k: v for k, v in d.items() if k != "renames"}, "position": pos(("dept", d.get("parent_id")))})
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

    def new_id(kind: str, obj: dict[str, Any]) -> int:
        if "id" in obj:
            return int(obj["id"])
        next_ids[kind] += 1
        return next_ids[kind] - 1

    for it in data.get("initiatives", []):
        iid = it["id"]
        inits.append({k: v for k, v in it.items() if k in m.Initiative.__table__.c}
                     | {"position": pos(("init", it.get("section_id")))})
        sdgs += [{"initiative_id": iid, "goal": g} for g in it.get("sdgs", [])]
        idepts += _dept_rows(it, "initiative_id", iid)
        for block, items in it.get("text", {}).items():
            texts += [{"initiative_id": iid, "block": block, "position": n, **t} for n, t in enumerate(items)]
        for n, k in enumerate(it.get("kpis", [])):
            kid = new_id("kpi", k)
            kpis.append({**{a: b for a, b in k.items() if a != "actuals"}, "id": kid, "initiative_id": iid, "position": n})
            actuals += [{"kpi_id": kid, **a} for a in k.get("actuals", [])]
        refs += [{"initiative_id": iid, "position": n, **r} for n, r in enumerate(it.get("references", []))]
        progress += [{"initiative_id": iid, **pr} for pr in it.get("progress", [])]
        for r in it.get("schedule_rows", []):
            rid = r["id"]
            rows.append({k: v for k, v in r.items() if k in m.ScheduleRow.__table__.c}
                        | {"initiative_id": iid, "position": pos(("row", iid, r.get("parent_id")))})
            rdepts += _dept_rows(r, "row_id", rid)
            for b in r.get("bars", []):
                bars.append({**b, "id": new_id("bar", b), "row_id": rid, "start": month_to_index(b["start"]),
                             "end": month_to_index(b["end"])})
            for x in r.get("milestones", []):
                mss.append({**x, "id": new_id("ms", x), "row_id": rid, "month": month_to_index(x["month"])})
            progress += [{"row_id": rid, **pr} for pr in r.get("progress", [])]
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
    many(m.GlossaryTerm.__table__, list(data.get("glossary", [])))
    many(m.AuditEntry.__table__, list(data.get("audit_log", [])))


def _column_defaults(table: Any) -> dict[str, Any]:
    found = _DEFAULTS.get(table.name)
    if found is None:
        found = {}
        for c in table.c:
            if c.primary_key and c.name == "id":
                continue
            d = c.default
            found[c.name] = d.arg if d is not None and d.is_scalar else None
        _DEFAULTS[table.name] = found
    return found


_DEFAULTS: dict[str, dict[str, Any]] = {}


def _fill(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    """Every column present (executemany needs uniform rows); unknown keys dropped."""
    out = {k: v for k, v in row.items() if k in table.c}
    for k, v in _column_defaults(table).items():
        if k not in out:
            out[k] = v
    return out


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
    return import_data(load_json_file(path), str(path), target)
