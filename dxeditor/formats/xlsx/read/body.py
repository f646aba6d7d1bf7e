"""Reading the body of a recognised 工程表 into the JSON plan shape.

Line by line: a group label (merged down or written once) starts a section; a 取組 cell an
initiative; a 項目 cell a schedule row (a 下位の項目 cell, or an indented 項目, a sub-row);
a line whose label cells are empty or merged from above is another lane of the current row.
In the year columns a merged range, or a run of cells with the same fill, is one bar whose
label is the text inside, line breaks kept; bars with the same fill share a phase; ◆ marks
a milestone; a trailing → a bar that continues.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from dxeditor.core.fiscal import FiscalYearError, index_to_month, parse_fy
from dxeditor.formats.json.spec import FORMAT, FORMAT_VERSION
from dxeditor.formats.xlsx.read.grid import Fill, Grid
from dxeditor.formats.xlsx.read.recognise import Layout, YearColumn
from dxeditor.store.models import DEFAULT_PHASES

ARROWS = ("→", "⇒", "➡", "▶", "->")
MILESTONES = ("◆", "◇", "★", "●")
_PATTERNS = ("solid", "diagonal", "cross", "dots", "horizontal", "vertical")
NO_TARGET = {"", "-", "‐", "－", "―", "ー", "—", "なし"}
_KEYWORDS = [("continue", ("継続",)), ("study", ("検討", "調査", "分析", "比較", "洗い出し", "確認")),
             ("build", ("構築", "準備", "仕様", "導入", "開発", "移行", "改修", "試行")),
             ("run", ("実施", "運用", "開始", "推進", "普及"))]


@dataclass
class Counts:
    """How much was recognised."""

    sections: int = 0
    initiatives: int = 0
    rows: int = 0
    bars: int = 0
    milestones: int = 0
    departments: int = 0


@dataclass(frozen=True)
class FillPhase:
    """A fill found on bars and the phase it becomes."""

    color: str  # #rrggbb (lower case), a theme colour name, or "" for bars without a fill
    key: str
    name: str
    bars: int


@dataclass
class _Row:
    data: dict[str, Any]
    depth: int
    next_lane: int = 0


@dataclass
class BodyReader:
    """Turns the lines of a :class:`Layout` on a :class:`Grid` into plan data."""

    g: Grid
    layout: Layout
    warnings: list[str] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    phase_names: dict[str, str] = field(default_factory=dict)  # fill colour → phase name chosen in the preview

    def __post_init__(self) -> None:
        self.sections: list[dict[str, Any]] = []
        self.initiatives: list[dict[str, Any]] = []
        self.departments: dict[str, int] = {}
        self.section_at: dict[int, int] = {}  # group column → current section id
        self.init: dict[str, Any] | None = None
        self.rows: list[_Row] = []  # rows of the current initiative
        self.row: _Row | None = None
        self.year_at = {y.col: y for y in self.layout.years}
        self.fill_phase: dict[str, str] = {}  # fill colour ("" = no fill) → phase key
        self.bar_labels: dict[str, list[str]] = {}  # fill colour → labels of its bars
        self.ids = {"section": 0, "initiative": 0, "row": 0}
        self.table_initiative = False  # inside a table under its own heading (seed 000)

    def _id(self, kind: str) -> int:
        self.ids[kind] += 1
        return self.ids[kind]

    # ------------------------------------------------------------- structure
    def _section(self, title: str, level: int) -> None:
        parent = self.section_at.get(level - 1) if level else None
        sid = self._id("section")
        self.sections.append({"id": sid, "parent_id": parent, "title": title, "kind": "group"})
        self.section_at = {k: v for k, v in self.section_at.items() if k < level} | {level: sid}
        self.counts.sections += 1
        self.init = None
        self.row = None

    def _initiative(self, title: str) -> None:
        sec = self.section_at[max(self.section_at)] if self.section_at else None
        self.init = {"id": self._id("initiative"), "section_id": sec, "title": title, "schedule_rows": []}
        self.initiatives.append(self.init)
        self.rows = []
        self.row = None
        self.counts.initiatives += 1

    def _new_row(self, title: str, depth: int) -> _Row:
        if self.init is None:
            self._initiative(title)
        assert self.init is not None
        parent = next((r for r in reversed(self.rows) if r.depth < depth), None) if depth else None
        data: dict[str, Any] = {"id": self._id("row"), "parent_id": parent.data["id"] if parent else None,
                                "title": title, "bars": [], "milestones": []}
        self.init["schedule_rows"].append(data)
        row = _Row(data, depth if parent else 0)
        self.rows.append(row)
        self.row = row
        self.counts.rows += 1
        return row

    def _dept(self, name: str) -> int:
        if name not in self.departments:
            self.departments[name] = len(self.departments) + 1
        return self.departments[name]

    # ------------------------------------------------------------------ body
    def read(self) -> None:
        """Read every line of the data region (see the module docstring for the rules)."""
        lay, g = self.layout, self.g
        groups = lay.columns("group")
        for r, text in sorted(lay.headings.items()):
            if r < lay.data_first:
                self._heading(text)
        for r in range(lay.data_first, lay.data_last + 1):
            if r in lay.repeated_headers:
                self.row = None
                continue
            if r in lay.headings:
                self._heading(lay.headings[r])
                continue
            if self._band(r):
                continue
            for level, c in enumerate(groups):
                if g.value(r, c) is not None and not g.is_continuation(r, c):
                    self._section(_one_line(g.text(r, c)), level)
            for c in lay.columns("initiative"):
                if g.value(r, c) is not None and not g.is_continuation(r, c):
                    self._initiative(_clean(g.text(r, c)))
            self._titles(r)
            self._line(r)

    def _heading(self, text: str) -> None:
        """A heading above a table: the initiative whose rows the table holds."""
        self._initiative(text)
        self.table_initiative = True

    def _band(self, r: int) -> bool:
        """A section band: one merged cell from the label columns across into the years."""
        g, lay = self.g, self.layout
        for c in range(1, lay.first_year_col):
            m = g.owner(r, c)
            if m and (m[0], m[1]) == (r, c) and m[2] == r and m[3] >= lay.first_year_col and g.value(r, c) is not None:
                text = _clean(g.text(r, c))
                text = re.sub(r"^\d+(?:[-.]\d+)*[　\s]+", "", text)  # our own 1　… numbering
                self._section(text, 0)
                return True
            if g.value(r, c) is not None:
                return False
        return False

    def _titles(self, r: int) -> bool:
        """Start a row or sub-row when a label cell begins on line ``r``; whether one did."""
        g, lay = self.g, self.layout
        started = False
        for c in lay.columns("title"):
            if g.value(r, c) is not None and not g.is_continuation(r, c):
                depth = g.indents.get((r, c), 0)
                title = _clean(g.text(r, c))
                if not lay.columns("initiative") and not self.table_initiative and (depth == 0 or self.init is None):
                    self._initiative(title)
                self._new_row(title, depth)
                started = True
        for c in lay.columns("subtitle"):
            if g.value(r, c) is not None and not g.is_continuation(r, c):
                self._new_row(_clean(g.text(r, c)), (self.rows[0].depth + 1) if self.rows else 1)
                started = True
        if started and self.row is not None:
            self._row_extras(r, self.row)
        return started

    def _row_extras(self, r: int, row: _Row) -> None:
        g, lay = self.g, self.layout
        for c in lay.columns("department"):
            names = [n for n in re.split(r"[\n、,，/／]+", g.owner_text(r, c)) if n.strip()]
            if names:
                ids = [self._dept(n.strip()) for n in names]
                row.data["lead_department_id"] = ids[0]
                row.data["related_department_ids"] = ids[1:]
        for c in lay.columns("target"):
            written = "\n".join(x.strip() for x in g.owner_text(r, c).strip().split("\n"))
            if not written:
                continue
            row.data["national_target_text"] = written  # printed as written: 「-」, 「令和7年度」
            text = " ".join(written.split())
            if text in NO_TARGET:
                continue
            try:
                row.data["national_target_fy"] = parse_fy(text)
            except FiscalYearError:
                pass
        notes = [g.owner_text(r, c) for c in lay.columns("note") if g.owner_text(r, c)]
        if notes:
            row.data["note"] = "\n".join(notes)

    def _line(self, r: int) -> None:
        pieces = self._bars_on_line(r)
        if not pieces:
            return
        row = self.row
        if row is None:
            row = self._new_row("（無題）", 0)
            self.warnings.append(f"{r}行目: 項目名のない行に工程があります。「（無題）」として読みました")
        lane = row.next_lane
        top = lane
        for y1, y2, text, fill in pieces:
            top = max(top, self._place(row, lane, y1, y2, text, fill, r))
        row.next_lane = top + 1

    def _bars_on_line(self, r: int) -> list[tuple[YearColumn, YearColumn, str, Fill | None]]:
        g, years = self.g, self.layout.years
        out: list[tuple[YearColumn, YearColumn, str, Fill | None]] = []
        i = 0
        while i < len(years):
            y = years[i]
            c = y.col
            m = g.owner(r, c)
            if m is not None and (m[0] != r or m[1] != c):
                i += 1  # inside a range that starts elsewhere (counted on its first line / column)
                continue
            text = g.text(r, c)
            fill = g.fills.get((r, c))
            if m is not None:
                j = i
                while j + 1 < len(years) and years[j + 1].col <= m[3]:
                    j += 1
                out.append((y, years[j], text, fill))
                i = j + 1
                continue
            if not text and fill is None:
                i += 1
                continue
            j = i
            while (fill is not None and j + 1 < len(years) and g.owner(r, years[j + 1].col) is None
                   and not g.text(r, years[j + 1].col) and g.fills.get((r, years[j + 1].col)) == fill):
                j += 1
            if text.strip() in ARROWS and out and out[-1][1].col == years[i - 1].col if i else False:
                prev = out.pop()
                out.append((prev[0], years[j], prev[2] + "→", prev[3]))
            else:
                out.append((y, years[j], text, fill))
            i = j + 1
        return out

    def _place(self, row: _Row, lane: int, y1: YearColumn, y2: YearColumn, text: str, fill: Fill | None,
               r: int) -> int:
        """Add the bar (or milestone) of one cell run; returns the lane used.

        One merged cell (or run of filled cells) is one bar: its label keeps its line breaks
        as written (「標準仕様書と／既存システム（運用）との比較」 is one bar of two lines).
        """
        label = "\n".join(line.rstrip() for line in text.strip().split("\n"))
        if label[:1] in MILESTONES and "\n" not in label:
            row.data["milestones"].append({"lane": lane, "month": index_to_month(y1.start),
                                           "label": label[1:].strip()})
            self.counts.milestones += 1
            return lane
        continues = False
        for a in ARROWS:
            if label.endswith(a):
                label, continues = label[: -len(a)].rstrip(), True
        bar = {"lane": lane, "start": index_to_month(y1.start), "end": index_to_month(y2.end),
               "label": label, "phase": self._phase(fill), "continues": continues}
        row.data["bars"].append(bar)
        self.bar_labels.setdefault(self._fill_key(fill), []).append(label)
        self.counts.bars += 1
        return lane

    @staticmethod
    def _fill_key(fill: Fill | None) -> str:
        return fill.color.lower() if fill is not None else ""

    def _phase(self, fill: Fill | None) -> str:
        """The phase of a bar: one per fill colour found in the source (cells without fill: one more)."""
        key = self._fill_key(fill)
        if key not in self.fill_phase:
            self.fill_phase[key] = f"fill{len(self.fill_phase) + 1}"
        return self.fill_phase[key]

    def fills_found(self) -> list[FillPhase]:
        """The fills of the bars in the order first met, each with the phase it becomes."""
        out = []
        used: set[str] = set()
        for i, (color, key) in enumerate(self.fill_phase.items()):
            name = self.phase_names.get(color) or _guess_name(color, self.bar_labels.get(color, []), i)
            if name in used and color not in self.phase_names:
                name = f"工程{i + 1}"
            base, n = name, 2
            while name in used:
                name, n = f"{base}{n}", n + 1
            used.add(name)
            out.append(FillPhase(color, key, name, len(self.bar_labels.get(color, []))))
        return out

    # ---------------------------------------------------------------- result
    def plan_data(self, title: str) -> dict[str, Any]:
        """The recognised plan as a JSON-shaped dict (validate with ``check_data``)."""
        fys = [y.fy for y in self.layout.years]
        for it in self.initiatives:
            rows = it["schedule_rows"]
            lead = next((r.get("lead_department_id") for r in rows if r.get("lead_department_id")), None)
            if lead is not None:
                it["lead_department_id"] = lead
            for r in rows:
                self._fix_lanes(r)
        self.counts.departments = len(self.departments)
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "plan": {"title": title, "period_start_fy": min(fys), "period_end_fy": max(fys),
                     "year_style": self.layout.style},
            "phases": self._phases(),
            "departments": [{"id": i, "name": n} for n, i in self.departments.items()],
            "sections": self.sections,
            "initiatives": self.initiatives,
        }

    def _phases(self) -> list[dict[str, Any]]:
        if not self.fill_phase:
            return [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in DEFAULT_PHASES]
        out = []
        patterns = iter(_PATTERNS)
        for f in self.fills_found():
            color = f.color if re.fullmatch(r"#[0-9a-f]{6}", f.color) else "#bfbfbf"
            if not f.color:
                out.append({"key": f.key, "name": f.name, "color": "#ffffff", "pattern": "outline"})
            else:  # patterns too, so that phases stay apart in black and white
                out.append({"key": f.key, "name": f.name, "color": color, "pattern": next(patterns, "solid")})
        return out

    @staticmethod
    def _fix_lanes(row: dict[str, Any]) -> None:
        """Lanes numbered 0, 1, 2 … in the order they were used (empty lines leave no gaps)."""
        used = sorted({b["lane"] for b in row["bars"]} | {m["lane"] for m in row["milestones"]})
        remap = {lane: i for i, lane in enumerate(used)}
        for x in row["bars"] + row["milestones"]:
            x["lane"] = remap[x["lane"]]


def _guess_name(color: str, labels: list[str], index: int) -> str:
    """A first name for the phase of a fill (the preview lets the user change it)."""
    for _key, name, c, _p in DEFAULT_PHASES:
        if c.lower() == color:
            return name
    if not color:
        return "塗りなし"
    votes: dict[str, int] = {}
    for label in labels:
        s = unicodedata.normalize("NFKC", label)
        for key, words in _KEYWORDS:
            if any(w in s for w in words):
                votes[key] = votes.get(key, 0) + 1
                break
    names = {k: n for k, n, _c, _p in DEFAULT_PHASES}
    if votes:
        return names.get(max(votes, key=lambda k: votes[k]), f"工程{index + 1}")
    return f"工程{index + 1}"


def _clean(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def _one_line(text: str) -> str:
    """A group label; vertical text written one character per line becomes one line."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    if lines and all(len(x) <= 2 for x in lines):
        return "".join(lines)
    return " ".join(lines)
