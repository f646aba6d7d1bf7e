"""The JSON interchange format: field specifications, validation and the JSON Schema.

One table of specs (:data:`SPECS`) drives both the validator used on import and the
JSON Schema published in ``docs/plan.schema.json`` (``python -m dxeditor.formats.json.spec``
regenerates it; a test keeps the two in step).

Size: one table of every field of the format, with the validators and the schema generated from it; splitting the table would split the format's one description.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dxeditor.core.errors import ImportFormatError
from dxeditor.core.fiscal import MAX_FY, MIN_FY, MONTH_RE, YearStyle, month_to_index
from dxeditor.core.numbering import STYLES as NUMBERING_STYLES
from dxeditor.plan.ops.glossary import MAX_TERM
from dxeditor.plan.ops.outline import MAX_TEXT
from dxeditor.plan.ops.plan_meta import COLOR_RE, PATTERNS
from dxeditor.plan.ops.schedule import MAX_LABEL, MAX_LANE
from dxeditor.store.models import NATIONAL_CATEGORIES, PROGRESS_STATUSES

FORMAT = "dxeditor-plan"
FORMAT_VERSION = 2  # 2: named versions (版); version 1 files are read as they are
#: Import accepts only what the editor can hold: ids and other integers up to 2^53 - 1 (exact in
#: every JSON reader, far inside SQLite's 64-bit integers), numbers up to 10^15 in size, texts as
#: long as the editor's fields take (MAX_TEXT; bar and milestone labels MAX_LABEL, glossary terms
#: MAX_TERM), lanes 0–MAX_LANE, and at most MAX_ITEMS entries in any one list.
YEAR_STYLES = tuple(s.value for s in YearStyle)
MAX_ID = 2**53 - 1
MAX_NUMBER = 10**15
MAX_ITEMS = 1_000_000


@dataclass(frozen=True)
class F:
    """One field: its kind, whether it must be present, and a description for the schema."""

    kind: str  # str, int, fy, bool, num, month, list:<spec>, ints, obj:<spec>, id, ref
    required: bool = False
    doc: str = ""
    nullable: bool = False
    hi: int | None = None  # the largest integer (int) or the longest text (str); None: the default
    lo: int = 0  # the smallest integer (int)
    choices: tuple[str, ...] | None = None  # the only texts allowed (str)
    regex: str | None = None  # a pattern the whole text must match (str)

    @property
    def top(self) -> int:
        """The largest integer (int fields) or the most characters (str fields) allowed."""
        if self.hi is not None:
            return self.hi
        return MAX_TEXT if self.kind == S else MAX_ID


S, I, FY, B = "str", "int", "fy", "bool"  # noqa: E741

SPECS: dict[str, dict[str, F]] = {
    "root": {
        "format": F(S, True, f'always "{FORMAT}"'),
        "format_version": F(I, True, f"format version; this program writes {FORMAT_VERSION}"),
        "exported_at": F(S, False, "UTC time of export (ignored on import)"),
        "generator": F(S, False, "program that wrote the file (ignored on import)"),
        "plan": F("obj:plan", True, "plan metadata"),
        "chapters": F("list:chapter", False, "plan-level prose (はじめに, 推進体制 …), parents first, in order"),
        "phases": F("list:phase", False,
                    "phase kinds of bars, in legend order; when omitted, the default phases study / build / run / "
                    "continue / other"),
        "departments": F("list:department", False, "organisation tree (部 / 課 / 係)"),
        "department_links": F("list:department_link", False, "merges and splits"),
        "sections": F("list:section", False, "outline sections, parents before children, in order"),
        "initiatives": F("list:initiative", False, "initiatives (取組事項), in outline order"),
        "glossary": F("list:glossary", False, "glossary terms (用語集)"),
        "audit_log": F("list:audit", False, "change history"),
        "versions": F("list:version", False, "named versions (版) of the plan, oldest first (format 2)"),
        "compare_notes": F("list:compare_note", False, "備考 typed in the 新旧対照表 per change (format 2)"),
    },
    "compare_note": {
        "before": F(S, True, "the 改定前 side: a version's label, or 現在"),
        "after": F(S, True, "the 改定後 side"),
        "key": F(S, True, "the change (as dxeditor compare --format json names it)"),
        "text": F(S, True),
    },
    "version": {
        "label": F(S, True, "版の名前 (Ver.1.0)"),
        "date": F(S, False, "date as printed (令和4年3月策定)"),
        "note": F(S),
        "created_at": F(S, False, "UTC time the version was made"),
        "created_by": F(S, False, "who made it"),
        "content": F("obj:snapshot", True, "the whole plan as it was (this format, without versions and history)"),
    },
    "plan": {
        "uid": F(S, False, "stable identifier of the plan (binds inquiry workbooks)"),
        "title": F(S, True, "plan title"),
        "subtitle": F(S),
        "municipality": F(S, False, "自治体名"),
        "issuing_department": F(S, False, "発行・編集部署"),
        "version_label": F(S, False, "版 (Ver.2.0)"),
        "formulation_date": F(S, False, "策定日 as printed (令和5年11月)"),
        "period_start_fy": F(FY, True, "first fiscal year of the plan period"),
        "period_end_fy": F(FY, True, "last fiscal year of the plan period"),
        "period_label": F(S, False, "period as printed when it is not whole fiscal years"),
        "year_style": F(S, False, "wareki / short / alpha / seireki / both / seireki_wareki", choices=YEAR_STYLES),
        "numbering_style": F(S, False, "paren (1) / circled ① / hier 1-1 / plain 1. / none; a suffix "
                                          "/section or /plan sets where counting restarts", choices=NUMBERING_STYLES),
        "basic_philosophy": F(S, False, "基本理念"),
        "vision": F(S, False, "目指す姿"),
        "note": F(S),
        "rating_scale": F("list:rating", False,
                          "rating scale of the yearly review, best first; empty or omitted = A 順調 / B 概ね順調 / "
                          "C 遅れ / D 未着手・中止"),
    },
    "rating": {
        "key": F(S, True, "what is typed and stored (A)"),
        "name": F(S, False, "its words (順調)"),
        "color": F(S, False, "#rrggbb"),
    },
    "chapter": {
        "id": F(I, True),
        "parent_id": F(I, False, nullable=True),
        "placement": F(S, False, "front (before the initiatives) / back (after them)"),
        "title": F(S, True),
        "body": F(S, False, "paragraphs separated by blank lines"),
    },
    "phase": {
        "key": F(S, True, "identifier used by bars", hi=64),
        "name": F(S, True, "name shown in the legend", hi=100),
        "color": F(S, False, "#rrggbb", regex=COLOR_RE.pattern),
        "pattern": F(S, False, "solid / diagonal / cross / dots / horizontal / vertical / outline", choices=PATTERNS),
    },
    "department": {
        "id": F(I, True),
        "parent_id": F(I, False, "parent department", nullable=True),
        "kind": F(S, False, "部 / 課 / 係 / 室"),
        "name": F(S, True, "name from valid_from_fy until the first rename"),
        "code": F(S),
        "valid_from_fy": F(FY, False, nullable=True),
        "valid_to_fy": F(FY, False, "last fiscal year it exists", nullable=True),
        "note": F(S),
        "renames": F("list:rename", False, "later names, each valid from a fiscal year"),
    },
    "rename": {"name": F(S, True), "valid_from_fy": F(FY, True)},
    "department_link": {
        "predecessor_id": F(I, True),
        "successor_id": F(I, True),
        "fiscal_year": F(FY, True, "first fiscal year of the successor"),
        "kind": F(S, False, "merge / split"),
    },
    "section": {
        "id": F(I, True),
        "parent_id": F(I, False, nullable=True),
        "kind": F(S, False, "policy (基本方針) / pillar (柱) / group (グループ)"),
        "number_label": F(S, False, "manual number; empty = automatic"),
        "title": F(S, True),
        "description": F(S),
    },
    "initiative": {
        "id": F(I, True),
        "section_id": F(I, False, nullable=True),
        "number_label": F(S),
        "title": F(S, True),
        "summary": F(S),
        "national_category": F(S, False, "system / focus / together / optional / empty",
                               choices=("", *NATIONAL_CATEGORIES)),
        "national_number": F(I, False, "number within the national category (①=1)", nullable=True, hi=99),
        "national_target_fy": F(FY, False, "国が掲げる目標時期", nullable=True),
        "national_target_text": F(S, False, "target as printed when not a fiscal year"),
        "note": F(S),
        "sdgs": F("ints", False, "SDGs goals 1–17"),
        "lead_department_id": F(I, False, "主管課", nullable=True),
        "related_department_ids": F("ints", False, "関係課"),
        "text": F("obj:text_blocks", False, "text blocks"),
        "kpis": F("list:kpi", False),
        "references": F("list:reference", False, "根拠・関連計画"),
        "progress": F("list:progress", False, "progress per fiscal year"),
        "schedule_rows": F("list:row", False, "schedule rows, parents before sub-rows, in order"),
    },
    "text_blocks": {
        "current": F("list:text_item", False, "現状と課題"),
        "direction": F("list:text_item", False, "取組の方向性"),
        "content": F("list:text_item", False, "取組内容"),
    },
    "text_item": {
        "text": F(S, True),
        "level": F(I, False, "nesting level, 0 = top"),
        "bullet": F(B, False, "false for a plain paragraph"),
    },
    "kpi": {
        "id": F(I, False),
        "name": F(S, True),
        "baseline_text": F(S),
        "baseline_value": F("num", False, nullable=True),
        "target_value": F("num", False, nullable=True),
        "target_text": F(S, False, "target when it is not a number"),
        "unit": F(S),
        "deadline_text": F(S, False, "令和7(2025)年度末まで"),
        "deadline_fy": F(FY, False, nullable=True),
        "note": F(S),
        "lower_is_better": F(B, False, "true when a smaller value is better (待ち時間); the achievement rate "
                                       "formula is the same"),
        "targets": F("list:kpi_target", False, "yearly targets: the path towards the final target"),
        "actuals": F("list:actual", False, "measured values per fiscal year"),
    },
    "kpi_target": {"fiscal_year": F(FY, True), "value": F("num", False, nullable=True),
                   "text": F(S, False, "the year's target when it is a sentence")},
    "actual": {"fiscal_year": F(FY, True), "value": F("num", False, nullable=True), "note": F(S)},
    "reference": {"title": F(S, True), "date_text": F(S), "note": F(S)},
    "progress": {
        "fiscal_year": F(FY, True),
        "status": F(S, False, "schedule status: not_started / on_track / done / delayed / stopped",
                    choices=("", *PROGRESS_STATUSES)),
        "comment": F(S),
        "rating": F(S, False, "yearly review rating: a key of plan.rating_scale (A–D by default); empty = not rated"),
        "results": F(S, False, "実績・成果"),
        "issues": F(S, False, "課題"),
        "direction": F(S, False, "今後の方向性"),
        "entered_by": F(S, False, "who entered the review"),
        "entered_at": F(S, False, "when (ISO 8601, UTC)"),
    },
    "row": {
        "id": F(I, True),
        "parent_id": F(I, False, "parent row (sub-rows)", nullable=True),
        "title": F(S, True),
        "note": F(S),
        "national_target_fy": F(FY, False, nullable=True),
        "national_target_text": F(S),
        "lead_department_id": F(I, False, nullable=True),
        "related_department_ids": F("ints"),
        "bars": F("list:bar"),
        "milestones": F("list:milestone"),
        "progress": F("list:progress"),
    },
    "bar": {
        "id": F(I, False),
        "lane": F(I, False, "line within the row, 0 = top", hi=MAX_LANE),
        "start": F("month", True, "first month, YYYY-MM (calendar)"),
        "end": F("month", True, "last month (inclusive), YYYY-MM"),
        "label": F(S, hi=MAX_LABEL),
        "phase": F(S, False, "phase key"),
        "continues": F(B, False, "drawn with an arrow: continues past the plan period"),
        "note": F(S),
    },
    "milestone": {
        "id": F(I, False),
        "lane": F(I, hi=MAX_LANE),
        "month": F("month", True, "YYYY-MM"),
        "label": F(S, hi=MAX_LABEL),
    },
    "glossary": {
        "id": F(I, False),
        "term": F(S, True, hi=MAX_TERM),
        "reading": F(S, False, "reading in kana, for ordering", hi=MAX_TERM),
        "description": F(S),
    },
    "audit": {
        "at": F(S, True),
        "user": F(S),
        "host": F(S),
        "action": F(S),
        "entity": F(S),
        "entity_id": F(I, False, nullable=True),
        "before": F(S),
        "after": F(S),
    },
}


# A version's content: the plan document without versions of its own and without history.
SPECS["snapshot"] = {k: f for k, f in SPECS["root"].items() if k not in ("versions", "audit_log", "compare_notes")}


class Problems:
    """Collects validation problems with their JSON paths."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []

    def add(self, where: str, ja: str, en: str) -> None:
        self.items.append((where, ja, en))

    def raise_if_any(self, source: str) -> None:
        if not self.items:
            return
        shown = self.items[:10]
        more = len(self.items) - len(shown)
        ja = "\n".join(f"{w}: {j}" for w, j, _ in shown)
        en = "\n".join(f"{w}: {e}" for w, _, e in shown)
        if more:
            ja += f"\nほか {more} 件"
            en += f"\nand {more} more"
        raise ImportFormatError(
            f"JSON の内容に問題があります（{len(self.items)} 件）。何も取り込んでいません。\n{ja}",
            f"The JSON has {len(self.items)} problem(s); nothing was imported.\n{en}",
            where=source,
        )


def _shown(v: int | float) -> str:
    """A number for a message (an integer of hundreds of digits is not spelled out)."""
    if isinstance(v, int) and abs(v) >= 10**18:
        return f"（{len(str(abs(v))) if v.bit_length() < 14000 else '4000+'} 桁の整数）"
    return repr(v)


def _type_name(v: Any) -> str:
    return {str: "文字列", int: "整数", float: "数値", bool: "真偽値", list: "配列", dict: "オブジェクト"}.get(
        type(v), "null" if v is None else type(v).__name__
    )


def validate(data: Any, problems: Problems, spec: str = "root", where: str = "$") -> None:
    """Check ``data`` against :data:`SPECS` (types, required and unknown fields, ranges).

    A valid document passes the quick check alone; only a document with problems is walked
    again field by field to name each one with its path.
    """
    if _QUICK[spec](data):
        return
    _validate(data, problems, spec, where)


def _validate(data: Any, problems: Problems, spec: str, where: str) -> None:
    fields = SPECS[spec]
    if not isinstance(data, dict):
        problems.add(where, f"オブジェクトが必要です（{_type_name(data)} があります）",
                     f"an object is required (found {type(data).__name__})")
        return
    for key in data:
        if key not in fields:
            problems.add(f"{where}.{key}", "不明な項目です", "unknown field")
    for key, f in fields.items():
        path = f"{where}.{key}"
        if key not in data:
            if f.required:
                problems.add(path, "必須の項目がありません", "required field is missing")
            continue
        _check_value(data[key], f, problems, path)


def _check_value(v: Any, f: F, problems: Problems, path: str) -> None:
    if v is None:
        if not f.nullable:
            problems.add(path, "null は使えません", "null is not allowed")
        return
    kind = f.kind
    if kind == S:
        if not isinstance(v, str):
            problems.add(path, f"文字列が必要です（{_type_name(v)} があります）", "a string is required")
        elif len(v) > f.top:
            problems.add(path, f"文字列が長すぎます（{len(v):,} 文字、上限 {f.top:,} 文字）",
                         f"the text is too long ({len(v):,} characters; at most {f.top:,})")
        elif f.choices is not None and v not in f.choices:
            shown = " / ".join(c or '""' for c in f.choices)
            problems.add(path, f"{v[:40]!r} は使えません（{shown} のいずれか）", f"{v[:40]!r} is not one of {shown}")
        elif f.regex is not None and not re.fullmatch(f.regex, v):
            problems.add(path, f"{v[:40]!r} は形式が違います（{f.doc}）", f"{v[:40]!r} is not in the form {f.doc}")
    elif kind in (I, FY):
        if not isinstance(v, int) or isinstance(v, bool):
            problems.add(path, f"整数が必要です（{_type_name(v)} があります）", "an integer is required")
        elif kind == FY and not MIN_FY <= v <= MAX_FY:
            problems.add(path, f"年度 {_shown(v)} は {MIN_FY}〜{MAX_FY} の範囲外です",
                         f"fiscal year {_shown(v)} is outside {MIN_FY}–{MAX_FY}")
        elif kind == I and not f.lo <= v <= f.top:
            problems.add(path, f"整数 {_shown(v)} は {f.lo}〜{f.top:,} の範囲外です",
                         f"the integer {_shown(v)} is outside {f.lo}–{f.top:,}")
    elif kind == B:
        if not isinstance(v, bool):
            problems.add(path, "真偽値 (true/false) が必要です", "a boolean is required")
    elif kind == "num":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            problems.add(path, f"数値が必要です（{_type_name(v)} があります）", "a number is required")
        elif not -MAX_NUMBER <= v <= MAX_NUMBER:  # NaN fails both comparisons too
            problems.add(path, f"数値 {_shown(v)} は範囲外です（絶対値 {MAX_NUMBER:.0e} まで）",
                         f"the number {_shown(v)} is out of range (at most {MAX_NUMBER:.0e} in size)")
    elif kind == "month":
        if not isinstance(v, str) or not MONTH_RE.match(v) or not 1 <= int(v[5:7]) <= 12:
            problems.add(path, f"年月は YYYY-MM 形式で書いてください（{v!r}）", f"a month must be YYYY-MM ({v!r})")
        elif not MIN_FY <= month_to_index(v) // 12 <= MAX_FY:
            problems.add(path, f"{v} は {MIN_FY}〜{MAX_FY} 年度の範囲外です", f"{v} is outside fiscal years {MIN_FY}–{MAX_FY}")
    elif kind == "ints":
        if not isinstance(v, list) or any(not isinstance(x, int) or isinstance(x, bool) for x in v):
            problems.add(path, "整数の配列が必要です", "an array of integers is required")
        elif len(v) > MAX_ITEMS or any(not 0 <= x <= MAX_ID for x in v):
            problems.add(path, f"整数は 0〜{MAX_ID:,}、要素は {MAX_ITEMS:,} 個までです",
                         f"integers 0–{MAX_ID:,}, at most {MAX_ITEMS:,} of them")
    elif kind.startswith("list:"):
        if not isinstance(v, list):
            problems.add(path, f"配列が必要です（{_type_name(v)} があります）", "an array is required")
            return
        if len(v) > MAX_ITEMS:
            problems.add(path, f"要素が多すぎます（{len(v):,} 個、上限 {MAX_ITEMS:,} 個）",
                         f"too many entries ({len(v):,}; at most {MAX_ITEMS:,})")
            return
        for i, item in enumerate(v):
            _validate(item, problems, kind[5:], f"{path}[{i}]")
    elif kind.startswith("obj:"):
        _validate(v, problems, kind[4:], path)


# ------------------------------------------------------------- the quick check
# ``_QUICK[spec](value)`` is True only when :func:`_validate` would find no problem in it. It
# may be stricter (exact JSON types: ``type(v) is int``, not int subclasses), never looser: a
# False only sends the document through the detailed walk, which has the last word.
_NONE = type(None)


@lru_cache(maxsize=4096)
def _month_ok(v: str) -> bool:
    if not MONTH_RE.match(v) or not 1 <= int(v[5:7]) <= 12:
        return False
    return MIN_FY <= month_to_index(v) // 12 <= MAX_FY


def _quick_value(f: F) -> frozenset[type] | Callable[[Any], bool]:
    """The exact types allowed for a plain field, or a check function for the others."""
    kind, nullable = f.kind, f.nullable
    if kind == B:
        return frozenset({bool, _NONE} if nullable else {bool})
    if kind == S:
        longest = f.top
        if f.choices is not None:
            allowed = frozenset(f.choices)
            return lambda v: (type(v) is str and v in allowed) or (v is None and nullable)
        if f.regex is not None:
            whole = re.compile(f.regex).fullmatch
            return lambda v: (type(v) is str and len(v) <= longest and whole(v) is not None) or (v is None and nullable)
        return lambda v: (type(v) is str and len(v) <= longest) or (v is None and nullable)
    if kind == I:
        lo, hi = f.lo, f.top
        return lambda v: (type(v) is int and lo <= v <= hi) or (v is None and nullable)
    if kind == "num":
        top = MAX_NUMBER
        return lambda v: ((type(v) is int or type(v) is float) and -top <= v <= top) or (v is None and nullable)
    if kind == FY:
        return lambda v: (v is None and nullable) or (type(v) is int and MIN_FY <= v <= MAX_FY)
    if kind == "month":
        return lambda v: (v is None and nullable) or (type(v) is str and _month_ok(v))
    if kind == "ints":
        return lambda v: (v is None and nullable) or (type(v) is list and len(v) <= MAX_ITEMS
                                                      and all(type(x) is int and 0 <= x <= MAX_ID for x in v))
    if kind.startswith("list:"):
        name = kind[5:]

        def items_ok(v: Any) -> bool:
            if v is None:
                return nullable
            if type(v) is not list or len(v) > MAX_ITEMS:
                return False
            check = _QUICK[name]
            for item in v:
                if not check(item):
                    return False
            return True

        return items_ok
    name = kind[4:]
    return lambda v: (v is None and nullable) or _QUICK[name](v)


def _quick_object(spec: str) -> Callable[[Any], bool]:
    fields = {key: _quick_value(f) for key, f in SPECS[spec].items()}
    required = frozenset(key for key, f in SPECS[spec].items() if f.required)

    def ok(data: Any) -> bool:
        if type(data) is not dict:
            return False
        for key, v in data.items():
            check = fields.get(key)
            if check is None:  # an unknown field
                return False
            if check.__class__ is frozenset:
                if type(v) not in check:  # type: ignore[operator]
                    return False
            elif not check(v):  # type: ignore[operator]
                return False
        return required.issubset(data)

    return ok


_QUICK: dict[str, Callable[[Any], bool]] = {name: _quick_object(name) for name in SPECS}


def _schema_for(spec: str) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for key, f in SPECS[spec].items():
        props[key] = _schema_value(f)
    required = [k for k, f in SPECS[spec].items() if f.required]
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if required:
        out["required"] = required
    return out


def _schema_value(f: F) -> dict[str, Any]:
    kind = f.kind
    if kind == S:
        s: dict[str, Any] = {"type": "string", "maxLength": f.top}
        if f.choices is not None:
            s["enum"] = list(f.choices)
        if f.regex is not None:
            s["pattern"] = f.regex
    elif kind == I:
        s = {"type": "integer", "minimum": f.lo, "maximum": f.top}
    elif kind == FY:
        s = {"type": "integer", "minimum": MIN_FY, "maximum": MAX_FY}
    elif kind == B:
        s = {"type": "boolean"}
    elif kind == "num":
        s = {"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER}
    elif kind == "month":
        s = {"type": "string", "pattern": MONTH_RE.pattern}
    elif kind == "ints":
        s = {"type": "array", "maxItems": MAX_ITEMS, "items": {"type": "integer", "minimum": 0, "maximum": MAX_ID}}
    elif kind.startswith("list:"):
        s = {"type": "array", "maxItems": MAX_ITEMS, "items": {"$ref": f"#/$defs/{kind[5:]}"}}
    else:
        s = {"$ref": f"#/$defs/{kind[4:]}"}
    if f.nullable:
        s = {"anyOf": [s, {"type": "null"}]}
    if f.doc:
        s["description"] = f.doc
    return s


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the interchange format."""
    root = _schema_for("root")
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    root["title"] = "dxeditor plan (JSON interchange)"
    root["$defs"] = {name: _schema_for(name) for name in SPECS if name != "root"}
    return root


if __name__ == "__main__":
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
