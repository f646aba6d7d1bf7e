"""Checking a parsed JSON plan before anything is written: types, ranges, ids, references.

The field-by-field rules live in :mod:`dxeditor.formats.json.spec`; this module adds the
checks across the document (periods, duplicate ids, references, parent loops). Every problem
is collected with its JSON path and reported at once in the user's language.
"""

from __future__ import annotations

import re
from typing import Any

from dxeditor.core.achievement import DEFAULT_RATINGS
from dxeditor.core.errors import ImportFormatError
from dxeditor.core.fiscal import month_to_index
from dxeditor.formats.json.spec import FORMAT, FORMAT_VERSION, Problems, validate
from dxeditor.store import models as m


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
        _check_versions(data.get("versions", []), problems)
    problems.raise_if_any(source)


def _check_versions(versions: list[dict[str, Any]], problems: Problems) -> None:
    """Each version's content is a whole plan: its ids and references hold too; labels are unique."""
    seen: set[str] = set()
    for i, v in enumerate(versions):
        where = f"$.versions[{i}]"
        if v["label"] in seen:
            problems.add(f"{where}.label", f"版の名前「{v['label']}」が重複しています", f"duplicate label {v['label']!r}")
        seen.add(v["label"])
        inner = Problems()
        _check_references(v["content"], inner)
        for path, ja, en in inner.items:
            problems.add(where + ".content" + path[1:], ja, en)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def check_strings(data: Any, source: str = "JSON") -> None:
    """Refuse strings a plan cannot store: NUL characters and lone UTF-16 surrogate halves
    (``\\ud800`` without its pair), which SQLite's UTF-8 text and every export refuse."""
    problems = Problems()
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack and len(problems.items) < 20:
        v, where = stack.pop()
        if isinstance(v, str):
            if _UNSTORABLE.search(v):
                problems.add(where, "保存できない文字（NUL 文字、または対になっていないサロゲート \\ud800〜\\udfff）があります",
                             "contains a character that cannot be stored (NUL or an unpaired surrogate)")
        elif isinstance(v, dict):
            for k, x in v.items():
                if isinstance(k, str) and _UNSTORABLE.search(k):
                    problems.add(where, "項目名に保存できない文字があります", "a key holds a character that cannot be stored")
                stack.append((x, f"{where}.{k}"))
        elif isinstance(v, list):
            stack.extend((x, f"{where}[{i}]") for i, x in enumerate(v))
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
    scale = plan.get("rating_scale") or []
    ratings = unique(scale, "$.plan.rating_scale", "key") if scale else {key for key, *_ in DEFAULT_RATINGS}
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
            for bi, b in enumerate(r.get("bars", ())):
                if "id" in b:
                    bar_ids.append(b["id"])
                phase = b.get("phase")
                if month(b["end"]) < month(b["start"]) or (phase and phase not in phases) or b.get("lane", 0) < 0:
                    _check_bar(b, f"$.initiatives[{i}].schedule_rows[{j}].bars[{bi}]", phases, p)
            ms_ids.extend(x["id"] for x in r.get("milestones", ()) if "id" in x)
        if any(r.get("parent_id") is not None for r in rows):
            _check_cycles(rows, f"$.initiatives[{i}].schedule_rows", p)
        ids["kpis"].extend(k["id"] for k in it.get("kpis", ()) if "id" in k)
        _check_review(it, f"$.initiatives[{i}]", ratings, p)
        for block, items in it.get("text", {}).items():
            for ti, t in enumerate(items):
                if not 0 <= t.get("level", 0) <= 8:
                    p.add(f"$.initiatives[{i}].text.{block}[{ti}].level",
                          f"箇条書きの階層 {t.get('level')} は 0〜8 の範囲外です", "text level outside 0–8")
    for label, found in ids.items():
        if len(set(found)) != len(found):
            _report_duplicates(data, label, p)
    unique(data.get("glossary", []), "$.glossary")


def _check_review(it: dict[str, Any], where: str, ratings: set[Any], p: Problems) -> None:
    """Ratings on the plan's scale; one review, one target and one actual per fiscal year."""
    def once(items: list[dict[str, Any]], path: str) -> None:
        seen: set[int] = set()
        for n, x in enumerate(items):
            if x["fiscal_year"] in seen:
                p.add(f"{path}[{n}].fiscal_year", f"{x['fiscal_year']} 年度が重複しています",
                      f"fiscal year {x['fiscal_year']} repeats")
            seen.add(x["fiscal_year"])

    owners = [(it, where)] + [(r, f"{where}.schedule_rows[{j}]") for j, r in enumerate(it.get("schedule_rows", ()))]
    for owner, path in owners:
        items = owner.get("progress", ())
        once(items, f"{path}.progress")
        for n, pr in enumerate(items):
            if pr.get("rating") and pr["rating"] not in ratings:
                p.add(f"{path}.progress[{n}].rating", f"評価 {pr['rating']!r} は評価の段階にありません",
                      f"rating {pr['rating']!r} is not on the plan's scale")
    for k, kpi in enumerate(it.get("kpis", ())):
        once(kpi.get("targets", []), f"{where}.kpis[{k}].targets")
        once(kpi.get("actuals", []), f"{where}.kpis[{k}].actuals")


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
