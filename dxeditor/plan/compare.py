"""Comparing two states of a plan: what was added, removed, moved, renumbered, renamed or reworded.

Both sides are plans in their JSON interchange form (a version's snapshot, the current plan,
or another plan file). Items are matched by identity (their ids), never by title, so an
initiative moved from (3) to (5) is one initiative that moved, and a renamed section is a
renamed section, not one removed and one added. Texts are compared character by character
(Japanese has no word boundaries) and the changed characters are grouped into phrases: two
changes with at most :data:`PHRASE_GAP` unchanged characters between them are shown as one.

:func:`compare` returns the changes in the order of the document (the new one; a removed
item where it stood in the old one), each with the text before and after and the spans of
characters that changed on each side, ready for the 新旧対照表.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dxeditor.core.fiscal import YearStyle, format_fy, format_month, month_to_index
from dxeditor.plan.data_view import view_from_data
from dxeditor.plan.readmodel import PlanView

PHRASE_GAP = 2
Marks = list[tuple[int, int]]

#: Kinds of change, with the words the views and the printed table use.
KINDS = {
    "added": "追加",
    "removed": "削除",
    "moved": "移動",
    "renumbered": "番号の変更",
    "renamed": "名称の変更",
    "text": "本文の変更",
    "kpi": "成果目標",
    "schedule": "工程",
    "department": "部署",
    "glossary": "用語",
    "plan": "計画の基本事項",
}
TEXT_BLOCK_LABELS = {"current": "現状と課題", "direction": "取組の方向性", "content": "取組内容"}
PLAN_FIELDS = {
    "title": "表題", "subtitle": "副題", "municipality": "団体名", "issuing_department": "発行部署",
    "version_label": "版", "formulation_date": "策定日", "period_label": "計画期間（表記）",
    "basic_philosophy": "基本理念", "vision": "目指す姿",
}


@dataclass
class Change:
    """One change: where it is, what it was, what it is, and which characters changed."""

    key: str  # stable across runs, e.g. "initiative:3:text:content" (for notes kept per change)
    kind: str  # a key of KINDS
    where: str  # the place in the document, as a reader names it: "(3) 窓口改革 ＞ 取組内容"
    before: str
    after: str
    before_marks: Marks = field(default_factory=list)
    after_marks: Marks = field(default_factory=list)
    order: tuple[float, int] = (0.0, 0)

    @property
    def kind_name(self) -> str:
        """The kind as printed (追加, 削除 …)."""
        return KINDS[self.kind]


@dataclass
class Comparison:
    """The changes between two states of a plan, in document order."""

    before_label: str
    after_label: str
    changes: list[Change]
    before_title: str = ""
    after_title: str = ""

    def counts(self) -> Counter[str]:
        """How many changes of each kind."""
        return Counter(c.kind for c in self.changes)

    def of_kind(self, *kinds: str) -> list[Change]:
        """The changes of the given kinds, in order."""
        return [c for c in self.changes if c.kind in kinds]

    def to_json(self) -> dict[str, Any]:
        """The comparison as a JSON-ready dict (``dxeditor compare --format json``)."""
        return {
            "before": self.before_label, "after": self.after_label,
            "counts": dict(sorted(self.counts().items())),
            "changes": [{"key": c.key, "kind": c.kind, "where": c.where, "before": c.before, "after": c.after,
                         "before_marks": [list(s) for s in c.before_marks],
                         "after_marks": [list(s) for s in c.after_marks]} for c in self.changes],
        }


# ---------------------------------------------------------------------------- texts


def diff_marks(before: str, after: str, gap: int = PHRASE_GAP) -> tuple[Marks, Marks]:
    """The changed character spans ``[start, end)`` of each side, grouped into phrases."""
    if before == after:
        return [], []
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    old: Marks = []
    new: Marks = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            old.append((i1, i2))
        if j2 > j1:
            new.append((j1, j2))
    return _phrases(old, gap), _phrases(new, gap)


def _phrases(spans: Marks, gap: int) -> Marks:
    out: Marks = []
    for s, e in spans:
        if out and s - out[-1][1] <= gap:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def block_text(items: list[dict[str, Any]]) -> str:
    """A text block (bullets with levels) as the lines a reader sees."""
    lines = []
    for it in items:
        mark = "・" if it.get("bullet", True) else ""
        lines.append("　" * int(it.get("level", 0)) + mark + str(it.get("text", "")))
    return "\n".join(lines)


def span_text(start: str, end: str, style: YearStyle | str) -> str:
    """A bar's span as printed: whole fiscal years as 令和5年度〜令和6年度, else months."""
    a, b = month_to_index(start), month_to_index(end)
    if a % 12 == 0 and b % 12 == 11:
        first, last = format_fy(a // 12, style), format_fy(b // 12, style)
        return first if a // 12 == b // 12 else f"{first}〜{last}"
    return f"{format_month(a, style)}〜{format_month(b, style)}"


def kpi_text(k: dict[str, Any]) -> str:
    """A KPI on one line: 指標：現状値 → 目標値（期限）."""
    def value(text: Any, number: Any) -> str:
        if text:
            return str(text)
        if number is None:
            return ""
        return f"{number:g}" if isinstance(number, float) else str(number)

    target = value(k.get("target_text"), k.get("target_value"))
    unit = k.get("unit") or ""
    base = value(k.get("baseline_text"), k.get("baseline_value"))
    parts = [str(k.get("name", ""))]
    if base:
        parts.append(f"現状値 {base}{unit if not k.get('baseline_text') else ''}")
    if target:
        parts.append(f"目標値 {target}{unit if not k.get('target_text') else ''}")
    if k.get("deadline_text"):
        parts.append(f"（{k['deadline_text']}）")
    return "：".join(parts[:2]) + ("　" + "　".join(parts[2:]) if len(parts) > 2 else "")


# --------------------------------------------------------------------------- compare


class _Side:
    """One state of the plan, indexed by identity."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.view: PlanView = view_from_data(data)
        self.style = data.get("plan", {}).get("year_style") or YearStyle.SHORT
        self.sections = {s["id"]: s for s in data.get("sections", [])}
        self.inits = {i["id"]: i for i in data.get("initiatives", [])}
        self.rows: dict[int, dict[str, Any]] = {}
        self.row_init: dict[int, int] = {}
        for it in data.get("initiatives", []):
            for r in it.get("schedule_rows", []):
                self.rows[r["id"]] = r
                self.row_init[r["id"]] = it["id"]
        self.numbers: dict[tuple[str, int], str] = {}
        self.order: list[tuple[str, int]] = []
        for kind, v, _depth in self.view.walk():
            self.order.append((kind, v.id))
            if kind in ("section", "initiative"):
                self.numbers[(kind, v.id)] = v.number
        self.index = {k: i for i, k in enumerate(self.order)}
        self.depts = {d["id"]: d for d in data.get("departments", [])}
        self.dept_names = self.view.departments

    def label(self, kind: str, item_id: int) -> str:
        """How a reader names an item: its number and title (a row: its initiative ＞ row)."""
        if kind == "section":
            s = self.sections[item_id]
            return f"{self.numbers.get((kind, item_id), '')} {s['title']}".strip()
        if kind == "initiative":
            i = self.inits[item_id]
            return f"{self.numbers.get((kind, item_id), '')} {i['title']}".strip()
        r = self.rows[item_id]
        return f"{self.label('initiative', self.row_init[item_id])} ＞ {r['title']}"


class _Builder:
    def __init__(self, old: _Side, new: _Side) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self._seq = 0

    def order_of(self, kind: str, item_id: int) -> float:
        """Document position: the new document's, or where a removed item stood among what remains."""
        key = (kind, item_id)
        if key in self.new.index:
            return float(self.new.index[key])
        k = self.old.index.get(key, -1)
        for j in range(k - 1, -1, -1):
            prev = self.old.order[j]
            if prev in self.new.index:
                return self.new.index[prev] + 0.5
        return -0.5

    def add(self, key: str, kind: str, where: str, before: str, after: str, order: float,
            marks: bool = True) -> None:
        bm, am = diff_marks(before, after) if marks else ([(0, len(before))] if before else [],
                                                          [(0, len(after))] if after else [])
        self._seq += 1
        self.changes.append(Change(key, kind, where, before, after, bm, am, (order, self._seq)))

    def text(self, key: str, where: str, before: str, after: str, order: float, kind: str = "text") -> None:
        if before != after:
            self.add(key, kind, where, before, after, order)

    # ----------------------------------------------------------------- the parts
    def plan(self) -> None:
        po, pn = self.old.data.get("plan", {}), self.new.data.get("plan", {})
        for f, name in PLAN_FIELDS.items():
            self.text(f"plan:{f}", f"計画 ＞ {name}", str(po.get(f) or ""), str(pn.get(f) or ""), -3, "plan")
        period_o = f"{format_fy(po['period_start_fy'], self.old.style)}〜{format_fy(po['period_end_fy'], self.old.style)}"
        period_n = f"{format_fy(pn['period_start_fy'], self.new.style)}〜{format_fy(pn['period_end_fy'], self.new.style)}"
        self.text("plan:period", "計画 ＞ 計画期間", period_o, period_n, -3, "plan")
        co = {c["id"]: c for c in self.old.data.get("chapters", [])}
        cn = {c["id"]: c for c in self.new.data.get("chapters", [])}
        for cid in [*cn, *[c for c in co if c not in cn]]:
            a, b = co.get(cid), cn.get(cid)
            title = (b or a or {}).get("title", "")
            if a is None or b is None:
                self.add(f"chapter:{cid}", "added" if a is None else "removed", f"章 ＞ {title}",
                         f"{a['title']}\n{a['body']}" if a else "", f"{b['title']}\n{b['body']}" if b else "", -2,
                         marks=False)
                continue
            self.text(f"chapter:{cid}:title", f"章 ＞ {title}", a["title"], b["title"], -2, "renamed")
            self.text(f"chapter:{cid}:body", f"章 ＞ {title}", a["body"], b["body"], -2)

    def sections(self) -> None:
        so, sn = self.old.sections, self.new.sections
        for sid in [*sn, *[s for s in so if s not in sn]]:
            a, b = so.get(sid), sn.get(sid)
            order = self.order_of("section", sid)
            if a is None or b is None:
                side, item = (self.new, b) if a is None else (self.old, a)
                assert item is not None
                text = f"{side.label('section', sid)}\n{item.get('description', '')}".rstrip()
                self.add(f"section:{sid}", "added" if a is None else "removed", side.label("section", sid),
                         "" if a is None else text, text if a is None else "", order, marks=False)
                continue
            where = self.new.label("section", sid)
            num_o, num_n = self.old.numbers.get(("section", sid), ""), self.new.numbers.get(("section", sid), "")
            if a.get("parent_id") != b.get("parent_id"):
                self.add(f"section:{sid}:moved", "moved", where, self.old.label("section", sid),
                         self.new.label("section", sid), order)
            elif num_o != num_n:
                self.add(f"section:{sid}:number", "renumbered", where, num_o, num_n, order)
            self.text(f"section:{sid}:title", where, a["title"], b["title"], order, "renamed")
            self.text(f"section:{sid}:description", where, a.get("description", ""), b.get("description", ""), order)

    def initiatives(self) -> None:
        io, inn = self.old.inits, self.new.inits
        for iid in [*inn, *[i for i in io if i not in inn]]:
            a, b = io.get(iid), inn.get(iid)
            order = self.order_of("initiative", iid)
            if a is None or b is None:
                side, item = (self.new, b) if a is None else (self.old, a)
                assert item is not None
                text = side.label("initiative", iid)
                if item.get("summary"):
                    text += "\n" + item["summary"]
                text += "".join(f"\n・{r['title']}" for r in item.get("schedule_rows", []))
                self.add(f"initiative:{iid}", "added" if a is None else "removed", side.label("initiative", iid),
                         "" if a is None else text, text if a is None else "", order, marks=False)
                continue
            self.initiative(iid, a, b, order)

    def initiative(self, iid: int, a: dict[str, Any], b: dict[str, Any], order: float) -> None:
        where = self.new.label("initiative", iid)
        num_o, num_n = self.old.numbers.get(("initiative", iid), ""), self.new.numbers.get(("initiative", iid), "")
        if a.get("section_id") != b.get("section_id"):
            self.add(f"initiative:{iid}:moved", "moved", where, self._placed(self.old, a, iid),
                     self._placed(self.new, b, iid), order)
        elif num_o != num_n:
            self.add(f"initiative:{iid}:number", "renumbered", where, num_o, num_n, order)
        self.text(f"initiative:{iid}:title", where, a["title"], b["title"], order, "renamed")
        self.text(f"initiative:{iid}:summary", f"{where} ＞ 概要", a.get("summary", ""), b.get("summary", ""), order)
        ta, tb = a.get("text", {}), b.get("text", {})
        for block in dict.fromkeys([*TEXT_BLOCK_LABELS, *ta, *tb]):
            self.text(f"initiative:{iid}:text:{block}", f"{where} ＞ {TEXT_BLOCK_LABELS.get(block, block)}",
                      block_text(ta.get(block, [])), block_text(tb.get(block, [])), order)
        ka = {k["id"]: k for k in a.get("kpis", []) if "id" in k}
        kb = {k["id"]: k for k in b.get("kpis", []) if "id" in k}
        for kid in [*kb, *[k for k in ka if k not in kb]]:
            self.text(f"kpi:{kid}", f"{where} ＞ 成果目標", kpi_text(ka[kid]) if kid in ka else "",
                      kpi_text(kb[kid]) if kid in kb else "", order, "kpi")
        self.departments_of(f"initiative:{iid}:departments", f"{where} ＞ 担当課", a, b, order)
        sdg_a = "・".join(str(g) for g in a.get("sdgs", []))
        sdg_b = "・".join(str(g) for g in b.get("sdgs", []))
        self.text(f"initiative:{iid}:sdgs", f"{where} ＞ SDGs", sdg_a, sdg_b, order)

    @staticmethod
    def _placed(side: _Side, item: dict[str, Any], iid: int) -> str:
        """An initiative with the section it stands in: 職員の生産性向上 ＞ (4) 取組名."""
        sid = item.get("section_id")
        own = side.label("initiative", iid)
        return f"{side.label('section', sid)} ＞ {own}" if isinstance(sid, int) and sid in side.sections else own

    def departments_of(self, key: str, where: str, a: dict[str, Any], b: dict[str, Any], order: float) -> None:
        """A change of who is responsible (by department, so that a rename shows once, in 部署)."""
        def ids(item: dict[str, Any]) -> tuple[Any, ...]:
            return item.get("lead_department_id"), tuple(item.get("related_department_ids", []))

        if ids(a) != ids(b):
            self.add(key, "department", where, self._depts(self.old, a), self._depts(self.new, b), order)

    @staticmethod
    def _depts(side: _Side, item: dict[str, Any]) -> str:
        names = side.dept_names
        lead_id = item.get("lead_department_id")
        lead = names.get(lead_id, "") if lead_id is not None else ""
        related = [names.get(d, "") for d in item.get("related_department_ids", [])]
        text = f"主管 {lead}" if lead else ""
        if related:
            text += ("　" if text else "") + "関係 " + "・".join(related)
        return text

    def rows(self) -> None:
        ro, rn = self.old.rows, self.new.rows
        for rid in [*rn, *[r for r in ro if r not in rn]]:
            a, b = ro.get(rid), rn.get(rid)
            order = self.order_of("row", rid)
            if a is None or b is None:
                side, item = (self.new, b) if a is None else (self.old, a)
                assert item is not None
                if (self.old if a is None else self.new).inits.get(side.row_init[rid]) is None:
                    continue  # the whole initiative was added or removed: shown once, there
                text = "\n".join([item["title"], *self._bar_lines(side, item)])
                self.add(f"row:{rid}", "added" if a is None else "removed", side.label("row", rid),
                         "" if a is None else text, text if a is None else "", order, marks=False)
                continue
            if a == b and self.old.row_init[rid] == self.new.row_init[rid] and \
                    self.old.dept_names == self.new.dept_names:
                continue  # the same row, bars and all: nothing to format
            where = self.new.label("row", rid)
            if self.old.row_init[rid] != self.new.row_init[rid]:
                self.add(f"row:{rid}:moved", "moved", where, self.old.label("row", rid), self.new.label("row", rid),
                         order)
            self.text(f"row:{rid}:title", where, a["title"], b["title"], order, "renamed")
            self.text(f"row:{rid}:note", f"{where} ＞ 備考", a.get("note", ""), b.get("note", ""), order)
            self.departments_of(f"row:{rid}:departments", f"{where} ＞ 担当課", a, b, order)
            self.items(rid, where, a, b, order)

    def _bar_line(self, side: _Side, bar: dict[str, Any]) -> str:
        phase = next((p["name"] for p in side.data.get("phases", []) if p["key"] == bar.get("phase")), "")
        label = bar.get("label") or ""
        text = span_text(bar["start"], bar["end"], side.style)
        if label:
            text += f"「{label}」"
        if phase:
            text += f"（{phase}）"
        if bar.get("continues"):
            text += " →継続"
        return text

    def _ms_line(self, side: _Side, ms: dict[str, Any]) -> str:
        return f"◆{format_month(month_to_index(ms['month']), side.style)}「{ms.get('label') or ''}」"

    def _bar_lines(self, side: _Side, row: dict[str, Any]) -> list[str]:
        return [self._bar_line(side, x) for x in row.get("bars", [])] + \
               [self._ms_line(side, x) for x in row.get("milestones", [])]

    def items(self, rid: int, where: str, a: dict[str, Any], b: dict[str, Any], order: float) -> None:
        for key, line in (("bars", self._bar_line), ("milestones", self._ms_line)):
            xa = {x["id"]: x for x in a.get(key, []) if "id" in x}
            xb = {x["id"]: x for x in b.get(key, []) if "id" in x}
            for xid in [*xb, *[x for x in xa if x not in xb]]:
                if xa.get(xid) == xb.get(xid) and self.old.style == self.new.style:
                    continue
                before = line(self.old, xa[xid]) if xid in xa else ""
                after = line(self.new, xb[xid]) if xid in xb else ""
                if before != after:
                    self.add(f"{key}:{xid}", "schedule", f"{where} ＞ 工程", before, after, order)

    def departments(self) -> None:
        do, dn = self.old.depts, self.new.depts
        for did in [*dn, *[d for d in do if d not in dn]]:
            a = self.old.dept_names.get(did, "") if did in do else ""
            b = self.new.dept_names.get(did, "") if did in dn else ""
            if a != b:
                self.add(f"department:{did}", "department", f"部署 ＞ {b or a}", a, b, 1e9)

    def glossary(self) -> None:
        go = {g["id"]: g for g in self.old.data.get("glossary", []) if "id" in g}
        gn = {g["id"]: g for g in self.new.data.get("glossary", []) if "id" in g}
        for gid in [*gn, *[g for g in go if g not in gn]]:
            a = f"{go[gid]['term']}：{go[gid].get('description', '')}" if gid in go else ""
            b = f"{gn[gid]['term']}：{gn[gid].get('description', '')}" if gid in gn else ""
            if a != b:
                self.add(f"glossary:{gid}", "glossary", "用語解説", a, b, 2e9)


def compare(before: dict[str, Any], after: dict[str, Any], before_label: str = "改定前",
            after_label: str = "改定後") -> Comparison:
    """Every change from ``before`` to ``after`` (plans in their JSON form), in document order."""
    b = _Builder(_Side(before), _Side(after))
    b.plan()
    b.sections()
    b.initiatives()
    b.rows()
    b.departments()
    b.glossary()
    changes = sorted(b.changes, key=lambda c: c.order)
    return Comparison(before_label, after_label, changes,
                      before.get("plan", {}).get("title", ""), after.get("plan", {}).get("title", ""))


def iter_marked(text: str, marks: Marks) -> Iterator[tuple[str, bool]]:
    """``text`` cut into (piece, changed) runs along ``marks``."""
    pos = 0
    for s, e in marks:
        if s > pos:
            yield text[pos:s], False
        yield text[s:e], True
        pos = e
    if pos < len(text):
        yield text[pos:], False
