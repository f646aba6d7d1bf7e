"""A worksheet as a plain grid for recognition: texts, fills, indents and merged ranges.

Reading cells through openpyxl once into dicts keeps the recognition code simple and
lets it ask "which merged range holds this cell" in constant time. Overlapping merged
ranges (a damaged or hand-edited file) are reported and the later one ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

MAX_ROWS = 20000
MAX_COLS = 200
#: Cells that merged ranges may cover (and that checking them for overlaps may visit), in all:
#: far more than any real 工程表 merges, and it bounds the cost of a tiny file declaring
#: hundreds of huge, overlapping ranges (each range costs its area to check and to record).
MAX_MERGED_CELLS = 400_000


@dataclass(frozen=True)
class Fill:
    """A cell fill as far as recognition cares: pattern name and colour (#rrggbb or theme)."""

    pattern: str
    color: str


@dataclass
class Grid:
    """The cells of one sheet (1-based rows and columns)."""

    name: str
    max_row: int
    max_col: int
    values: dict[tuple[int, int], Any] = field(default_factory=dict)
    fills: dict[tuple[int, int], Fill] = field(default_factory=dict)
    indents: dict[tuple[int, int], int] = field(default_factory=dict)
    # (row, col) of every merged cell → (r1, c1, r2, c2) of its range
    merged: dict[tuple[int, int], tuple[int, int, int, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _by_row: dict[int, list[int]] | None = field(default=None, repr=False, compare=False)

    def row_columns(self, r: int) -> list[int]:
        """The columns of row ``r`` that hold a value, left to right.

        Recognition asks this instead of walking every column of every row: a sheet with one
        value far to the right would otherwise cost rows × columns for each pass.
        """
        if self._by_row is None:
            by_row: dict[int, list[int]] = {}
            for r0, c0 in self.values:
                by_row.setdefault(r0, []).append(c0)
            for cols in by_row.values():
                cols.sort()
            self._by_row = by_row
        return self._by_row.get(r, [])

    def value(self, r: int, c: int) -> Any:
        """The raw value at (r, c) (None inside a merged range except at its top-left)."""
        return self.values.get((r, c))

    def text(self, r: int, c: int) -> str:
        """The cell as text (numbers without a trailing .0, dates as 2023-04-01)."""
        return as_text(self.values.get((r, c)))

    def owner(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        """The merged range holding (r, c), if any."""
        return self.merged.get((r, c))

    def is_continuation(self, r: int, c: int) -> bool:
        """Whether (r, c) lies inside a merged range but is not its top-left cell."""
        m = self.merged.get((r, c))
        return m is not None and (m[0], m[1]) != (r, c)

    def owner_text(self, r: int, c: int) -> str:
        """The text of (r, c), or of the top-left cell of the merged range holding it."""
        m = self.merged.get((r, c))
        return self.text(m[0], m[1]) if m else self.text(r, c)

    def row_empty(self, r: int) -> bool:
        """Whether row ``r`` has neither a value nor a fill."""
        return not any((r, c) in self.values or (r, c) in self.fills for c in range(1, self.max_col + 1))


def as_text(v: Any) -> str:
    """A cell value as the text a person sees."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip()


def _fill_of(cell: Any) -> Fill | None:
    f = cell.fill
    if f is None or not f.fill_type or f.fill_type == "none":
        return None
    color = f.fgColor if f.fill_type == "solid" else f.bgColor
    key = ""
    if color is not None:
        if color.type == "rgb" and isinstance(color.rgb, str):
            key = "#" + color.rgb[-6:].lower()
        elif color.type == "theme":
            key = f"theme{color.theme}:{round(color.tint or 0, 2)}"
        elif color.type == "indexed":
            key = f"indexed{color.indexed}"
    if key in ("#ffffff", "indexed64", "theme0:0"):  # white fill = no fill
        return None
    return Fill(f.fill_type, key)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}\d+):([A-Z]{1,3}\d+)"')


def merged_ranges(ws: Any) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a worksheet as (r1, c1, r2, c2).

    A read-only worksheet does not report them, and a full openpyxl load binds them in
    quadratic time (minutes for a large schedule), so they are read from the sheet's XML.
    """
    ranges = getattr(ws, "merged_cells", None)
    if ranges is not None and hasattr(ranges, "ranges"):
        return [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ranges.ranges]
    with ws.parent._archive.open(ws._worksheet_path) as fh:  # the XML was checked for DOCTYPE before
        xml = fh.read()
    out = []
    for a, b in _MERGE.findall(xml):
        c1, r1 = coordinate_from_string(a.decode())
        c2, r2 = coordinate_from_string(b.decode())
        out.append((r1, column_index_from_string(c1), r2, column_index_from_string(c2)))
    return out


def read_grid(ws: Any) -> Grid:
    """Read an openpyxl worksheet (read-only or not) into a :class:`Grid`, capped in size."""
    g = Grid(ws.title, 0, 0)
    _merge_into(g, ws.title, merged_ranges(ws))
    too_many_rows = too_many_cols = False
    for row in ws.iter_rows():
        for cell in row:
            col = getattr(cell, "column", None)
            if col is None:
                continue  # an empty placeholder
            if col > MAX_COLS:
                too_many_cols = too_many_cols or cell.value is not None
                break
            if cell.row > MAX_ROWS:
                too_many_rows = True
                break
            key = (cell.row, col)
            v = cell.value
            if v is not None and not (isinstance(v, str) and not v.strip()):
                g.values[key] = v.strip() if isinstance(v, str) else v
            if cell.has_style:
                fill = _fill_of(cell)
                if fill is not None:
                    g.fills[key] = fill
                indent = cell.alignment.indent
                if indent:
                    g.indents[key] = int(indent)
            if key in g.values or key in g.fills:
                g.max_row, g.max_col = max(g.max_row, key[0]), max(g.max_col, key[1])
        if too_many_rows:
            break
    for _r1, _c1, r2, c2 in set(g.merged.values()):
        g.max_row, g.max_col = max(g.max_row, min(r2, MAX_ROWS)), max(g.max_col, min(c2, MAX_COLS))
    if too_many_rows:
        g.warnings.append(f"シート「{ws.title}」は {MAX_ROWS} 行を超えています。先頭の {MAX_ROWS} 行だけを読みました")
    if too_many_cols:
        g.warnings.append(f"シート「{ws.title}」は {MAX_COLS} 列を超えています。左から {MAX_COLS} 列だけを読みました")
    # a merged range's fill is its top-left cell's fill
    for (r, c), (r1, c1, _r2, _c2) in g.merged.items():
        if (r1, c1) in g.fills:
            g.fills[(r, c)] = g.fills[(r1, c1)]
    return g


def _merge_into(g: Grid, title: str, ranges: list[tuple[int, int, int, int]]) -> None:
    budget = MAX_MERGED_CELLS
    dropped: list[tuple[int, int, int, int]] = []
    for r1, c1, r2, c2 in ranges:
        if r1 > MAX_ROWS or c1 > MAX_COLS or (r1, c1) == (r2, c2) or r2 < r1 or c2 < c1:
            continue
        r2, c2 = min(r2, MAX_ROWS), min(c2, MAX_COLS)
        area = (r2 - r1 + 1) * (c2 - c1 + 1)
        if area > budget:
            dropped.append((r1, c1, r2, c2))
            continue
        budget -= area  # checked (up to its area) and, when it does not clash, recorded (its area)
        clash = next((g.merged[(r, c)] for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
                      if (r, c) in g.merged), None)
        if clash is not None:
            g.warnings.append(
                f"シート「{title}」: 結合セル {_ref(r1, c1, r2, c2)} が {_ref(*clash)} と重なっています。"
                f"{_ref(r1, c1, r2, c2)} の結合は無視しました")
            continue
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                g.merged[(r, c)] = (r1, c1, r2, c2)
    if dropped:
        g.warnings.append(
            f"シート「{title}」: 結合セルが大きすぎるか多すぎるため（合わせて {MAX_MERGED_CELLS:,} セルまで）、"
            f"{len(dropped)} 個の結合（{_ref(*dropped[0])} など）を無視しました")


def _ref(r1: int, c1: int, r2: int, c2: int) -> str:
    return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"


def col_name(c: int) -> str:
    """The column letter of 1-based column ``c``."""
    return get_column_letter(c)
