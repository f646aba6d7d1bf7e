"""Recognising a municipal 工程表 in a worksheet: header rows, year columns, column roles.

The layouts of the seeds: one or more fiscal-year header rows in any year style (西暦 and
和暦 rows together, or 2021年度 (令和3年度) in one cell, or years as numbers or dates),
optional sub-columns (上期/下期, 四半期, 月), label columns left of the years (group
labels in merged cells, 取組, 項目, 担当課) and optional columns right of them (国が掲げる
目標時期, 備考). :func:`recognise_layout` finds these; :mod:`xlsx_rows` reads the body.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from dxeditor.core.fiscal import FiscalYearError, format_fy, parse_fy
from dxeditor.formats.xlsx.read.grid import Grid, col_name

HEADER_SCAN_ROWS = 40

#: Column roles a person can choose in the preview (key → Japanese name).
ROLES: dict[str, str] = {
    "group": "区分（グループ）",
    "initiative": "取組",
    "title": "項目（行の名前）",
    "subtitle": "下位の項目",
    "department": "担当課",
    "target": "国が掲げる目標時期",
    "note": "備考",
    "number": "番号",
    "ignore": "使わない",
}

_YEARISH = re.compile(r"(年度|年|令和|平成|昭和|^[RHS]\.?\d|^FY|^\d{4}$|^\d{4}\D)", re.IGNORECASE)
_HALF = {"上期": 0, "上半期": 0, "前期": 0, "前半": 0, "下期": 1, "下半期": 1, "後期": 1, "後半": 1}
_QUARTER = re.compile(r"^(?:第?([1-4])(?:四半期|Q)|Q([1-4]))$")
_MONTH = re.compile(r"^(\d{1,2})月$")


@dataclass
class YearColumn:
    """A time column: its sheet column, header text and inclusive month span."""

    col: int
    label: str
    start: int
    end: int

    @property
    def fy(self) -> int:
        """The fiscal year the column belongs to."""
        return self.start // 12


@dataclass
class Layout:
    """What was recognised on a sheet (before reading its body)."""

    sheet: str
    header_rows: list[int]
    years: list[YearColumn]
    roles: dict[int, str]
    headers: dict[int, str]
    data_first: int
    data_last: int
    style: str
    warnings: list[str] = field(default_factory=list)
    #: header rows repeated further down (one table per initiative, as in seed 000)
    repeated_headers: set[int] = field(default_factory=set)
    #: rows holding only a heading just above a header: the initiative of the table below
    headings: dict[int, str] = field(default_factory=dict)

    @property
    def first_year_col(self) -> int:
        """The sheet column of the first time column."""
        return self.years[0].col

    @property
    def last_year_col(self) -> int:
        """The sheet column of the last time column."""
        return self.years[-1].col

    def columns(self, role: str) -> list[int]:
        """The sheet columns with ``role``, left to right."""
        return sorted(c for c, r in self.roles.items() if r == role)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def year_of(value: object, text: str, era: str | None) -> int | None:
    """The fiscal year a header cell names, or None (numbers and dates are accepted)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.year if value.month >= 4 else value.year - 1
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 1989 <= value <= 2100 else None
    if not text or not _YEARISH.search(_norm(text)):
        return None
    try:
        return parse_fy(text, era_hint=era)
    except FiscalYearError:
        return None


def _era(fy: int) -> str:
    return "令和" if fy >= 2019 else "平成"


def _row_years(g: Grid, r: int) -> tuple[dict[int, int], list[str]]:
    """Columns of row ``r`` whose cells name a fiscal year, and cells that look like years but do not parse."""
    found: dict[int, int] = {}
    bad: list[str] = []
    era: str | None = None
    for c in g.row_columns(r):  # only the cells holding a value (the others are skipped anyway)
        if g.is_continuation(r, c):
            continue
        v = g.value(r, c)
        if v is None:
            continue
        text = g.text(r, c)
        fy = year_of(v, text, era)
        if fy is None:
            if isinstance(v, str) and re.search(r"年度", text) and len(text) <= 20:
                bad.append(f"{col_name(c)}{r}「{' '.join(text.split())}」")
            continue
        found[c] = fy
        era = _era(fy)
    return found, bad


def _sub_label(text: str) -> tuple[str, int] | None:
    s = _norm(text)
    if s in _HALF:
        return "half", _HALF[s]
    m = _QUARTER.match(s.upper())
    if m:
        return "quarter", int(m.group(1) or m.group(2)) - 1
    m = _MONTH.match(s)
    if m and 1 <= int(m.group(1)) <= 12:
        return "month", (int(m.group(1)) - 4) % 12
    return None


def _increasing(cols: dict[int, int]) -> bool:
    ys = [cols[c] for c in sorted(cols)]
    return all(a <= b for a, b in itertools.pairwise(ys))


def find_header(g: Grid) -> tuple[int, dict[int, int], list[str]] | None:
    """The topmost row naming the most fiscal years (at least two, left to right increasing)."""
    best: tuple[int, dict[int, int]] | None = None
    bad_all: list[str] = []
    for r in range(1, min(g.max_row, HEADER_SCAN_ROWS) + 1):
        cols, bad = _row_years(g, r)
        bad_all += bad
        if len(set(cols.values())) < 2 or not _increasing(cols):
            continue
        if best is None or len(cols) > len(best[1]):
            best = (r, cols)
    if best is None:
        return None
    return best[0], best[1], bad_all


def _year_columns(g: Grid, header: int, cols: dict[int, int], warnings: list[str]) -> tuple[list[YearColumn], int]:
    """Time columns under the header row (splitting merged year cells by sub labels); last header row."""
    last_header = header
    sub_row = None
    for r in range(header + 1, min(header + 3, g.max_row) + 1):
        same, _ = _row_years(g, r)
        if same and all(cols.get(c) in (None, y) for c, y in same.items()) and len(same) >= len(cols) // 2:
            last_header = r  # a second year row (西暦 and 和暦 together)
            continue
        labels = [_sub_label(g.text(r, c)) for c in range(min(cols), g.max_col + 1) if g.value(r, c) is not None]
        if labels and sum(x is not None for x in labels) >= max(2, len(labels) // 2):
            sub_row = r
            last_header = r
        break
    for c in range(1, g.max_col + 1):  # header cells merged downwards (A3:C4) belong to the header
        m = g.owner(header, c)
        if m is not None:
            last_header = max(last_header, m[2])
    out: list[YearColumn] = []
    for c, fy in sorted(cols.items()):
        m = g.owner(header, c)
        span = list(range(c, (m[3] if m else c) + 1))
        v = g.value(header, c)
        label = " ".join(g.text(header, c).split()) if isinstance(v, str) else f"{fy}年度"
        subs = [_sub_label(g.text(sub_row, x)) if sub_row else None for x in span]
        if len(span) > 1 and all(subs):
            for x, s in zip(span, subs, strict=True):
                assert s is not None
                kind, k = s
                size = {"half": 6, "quarter": 3, "month": 1}[kind]
                start = fy * 12 + k * size if kind != "month" else fy * 12 + k
                out.append(YearColumn(x, f"{label} {g.text(sub_row or header, x)}", start, start + size - 1))
        elif len(span) in (2, 4, 12):
            size = 12 // len(span)
            out += [YearColumn(x, label, fy * 12 + i * size, fy * 12 + (i + 1) * size - 1) for i, x in enumerate(span)]
        else:
            if len(span) > 1:
                warnings.append(f"{label} の見出しは {len(span)} 列にまたがっています。各列を年度全体として読みます")
            out += [YearColumn(x, label, fy * 12, fy * 12 + 11) for x in span]
    return out, last_header


def _header_text(g: Grid, rows: list[int], c: int) -> str:
    parts = []
    for r in rows:
        t = " ".join(g.owner_text(r, c).split())
        if t and t not in parts:
            parts.append(t)
    return " ".join(parts)


def _year_style(labels: list[str]) -> str:
    s = [_norm(x) for x in labels]
    if any(re.search(r"\d{4}", x) and re.search("令和|平成", x) for x in s):
        # the style as the source writes it: 2021年度 (令和3年度) or 令和3(2021)年度
        return "seireki_wareki" if all(re.match(r"^\d{4}", x) for x in s) else "both"
    if all(re.match(r"^\d{4}", x) for x in s):
        return "seireki"
    if all(re.match(r"^[RH]\d", x.upper()) for x in s):
        return "alpha"
    if len(s) > 1 and not re.search("令和|平成", s[1]):
        return "short"
    return "wareki"


_DEPT = re.compile(r"(課|室|部|係|局|センター|事務所|委員会|所)$")


def _looks(values: list[str], test: re.Pattern[str]) -> bool:
    vals = [v for v in values if v]
    return bool(vals) and sum(bool(test.search(_norm(v))) for v in vals) >= max(1, len(vals) * 0.6)


def guess_roles(g: Grid, header_rows: list[int], first: int, last: int, years: list[YearColumn]) -> dict[int, str]:
    """A role for every used column outside the year columns."""
    year_cols = {y.col for y in years}
    roles: dict[int, str] = {}
    # the columns holding a value in the data rows, read row by row (not every row of every column)
    texts: dict[int, list[str]] = {}
    for r in range(first, last + 1):
        for c in g.row_columns(r):
            if c not in year_cols:
                texts.setdefault(c, []).append(g.text(r, c))
    used = [c for c in range(1, g.max_col + 1) if c not in year_cols and (c in texts or _header_text(g, header_rows, c))]
    for c in used:
        texts.setdefault(c, [])
    undecided_left = []
    for c in used:
        h = _norm(_header_text(g, header_rows, c))
        left = c < years[0].col
        if re.search(r"^(NO|№|番号|#)", h.upper()):
            roles[c] = "number"
        elif re.search("担当|所管|部署|関係課", h) or (h and _DEPT.search(h) and len(h) <= 4):
            roles[c] = "department"
        elif re.search("目標|国が", h) or (not left and _looks(texts[c], re.compile(r"(年度|^[-‐－―ー]$)"))):
            roles[c] = "target"
        elif "備考" in h:
            roles[c] = "note"
        elif _looks(texts[c], _DEPT):
            roles[c] = "department"
        elif left and _looks(texts[c], re.compile(r"^(\(?\d+\)?|[①-⑳]|\d+[-.]\d+)$")):
            roles[c] = "number"
        elif left:
            undecided_left.append(c)
        else:
            roles[c] = "note"
    if undecided_left:
        keyed = [c for c in undecided_left if re.search("項目|工程|内容|事業名", _norm(_header_text(g, header_rows, c)))]
        title = keyed[0] if keyed else max(undecided_left, key=lambda c: (len(set(texts[c])), c))
        for c in undecided_left:
            if c == title:
                roles[c] = "title"
            elif c > title:
                roles[c] = "subtitle"
            else:
                h = _norm(_header_text(g, header_rows, c))
                shared = any(g.owner(r, c) and g.owner(r, c)[3] >= title for r in header_rows)  # type: ignore[index]
                roles[c] = "initiative" if "取組" in h and not shared else "group"
    return roles


def _data_last(g: Grid, first: int) -> int:
    last = first - 1
    for (r, _c) in g.values:
        last = max(last, r)
    occupied = {r for (r, _c) in g.values} | {r for (r, _c) in g.merged}
    for (r, _c) in g.fills:
        if r > last and r in occupied:  # a filled row with a value or a merged cell in it
            last = r
    return last


def recognise_layout(g: Grid, roles: dict[int, str] | None = None) -> Layout | None:
    """The layout of sheet ``g``, or None when it has no fiscal-year header row.

    ``roles`` overrides the guessed role of the columns it names (the preview's choices).
    """
    found = find_header(g)
    if found is None:
        return None
    header, cols, bad = found
    warnings = [f"年度として読めない見出し: {b}" for b in bad[:10]]
    first_header = header
    if header > 1:
        above, _ = _row_years(g, header - 1)
        if above and all(cols.get(c) in (None, y) for c, y in above.items()) and len(above) >= len(cols) // 2:
            first_header = header - 1
    years, last_header = _year_columns(g, header, cols, warnings)
    header_rows = list(range(first_header, last_header + 1))
    first = last_header + 1
    last = _data_last(g, first)
    guessed = guess_roles(g, header_rows, first, last, years)
    if roles:
        guessed.update({c: r for c, r in roles.items() if c not in {y.col for y in years}})
    repeated, headings = _tables(g, first, last, cols, first_header)
    labels = [_header_text(g, header_rows, c) for c in sorted(cols)]  # both rows of a two-row header
    fys = sorted(set(cols.values()))
    if fys != list(range(fys[0], fys[-1] + 1)):
        missing = sorted(set(range(fys[0], fys[-1] + 1)) - set(fys))
        warnings.append("年度の列が飛んでいます（ない年度: " + "、".join(format_fy(y) for y in missing) + "）")
    return Layout(g.name, header_rows, years, guessed, {c: _header_text(g, header_rows, c) for c in guessed},
                  first, last, _year_style(labels), warnings, repeated, headings)


def _tables(g: Grid, first: int, last: int, cols: dict[int, int], header: int) -> tuple[set[int], dict[int, str]]:
    """Header rows repeated below the first (one table per initiative) and the headings above each."""
    repeated = set()
    for r in range(first, last + 1):
        found, _ = _row_years(g, r)
        if len(found) >= 2 and sum(cols.get(c) == y for c, y in found.items()) >= min(2, len(cols)):
            repeated.add(r)
    headings: dict[int, str] = {}
    if not repeated:
        return repeated, headings
    for h in sorted(repeated | {header}):
        r = h - 1
        while r >= 1 and r not in repeated and g.row_empty(r):
            r -= 1
        cells = [c for c in range(1, g.max_col + 1) if g.value(r, c) is not None] if r >= 1 else []
        if len(cells) == 1 and r not in repeated and not any((r, c) in g.fills for c in range(1, g.max_col + 1)):
            headings[r] = " ".join(g.text(r, cells[0]).split())
    return repeated, headings
