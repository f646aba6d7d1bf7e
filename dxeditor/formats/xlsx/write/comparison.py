"""The 新旧対照表 as a workbook: 概要, 新旧対照表 (改定後 | 改定前 | 備考) and 工程表の変更.

The changed characters are underlined and bold inside the cells (rich strings), so the
sheet prints as the PDF does and can still be edited; every text is written as text,
never as a formula. Print set-up: A4 landscape, fit to width, title rows repeated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

from dxeditor.core.atomic import write_atomic
from dxeditor.formats.xlsx.write.sheets import LINE_HEIGHT, WIDTH_FACTOR
from dxeditor.formats.xlsx.write.style import lines_needed
from dxeditor.plan.compare import KINDS, Comparison, Marks, iter_marked

FONT = "BIZ UDゴシック"
TEXT_KINDS = tuple(k for k in KINDS if k != "schedule")


class _Writer:
    def __init__(self, wb: Any) -> None:
        self.wb = wb
        base = {"font_name": FONT, "font_size": 10, "valign": "top", "text_wrap": True, "border": 1}
        self.cell = wb.add_format(base)
        self.head = wb.add_format({**base, "bold": True, "bg_color": "#E6E6E6", "align": "center"})
        self.where = wb.add_format({**base, "bold": True, "font_size": 9, "font_color": "#333333"})
        self.title = wb.add_format({"font_name": FONT, "font_size": 14, "bold": True})
        self.plain = wb.add_format({"font_name": FONT, "font_size": 10})
        self.run = wb.add_format({"font_name": FONT, "font_size": 10})
        self.changed = wb.add_format({"font_name": FONT, "font_size": 10, "bold": True, "underline": 1})
        self.changed_cell = wb.add_format({**base, "bold": True, "underline": 1})

    def marked(self, ws: Any, row: int, col: int, text: str, marks: Marks, fmt: Any = None) -> None:
        """``text`` with its changed runs bold and underlined (a plain string when nothing changed)."""
        fmt = fmt or self.cell
        pieces = [(p, changed) for p, changed in iter_marked(text, list(marks)) if p]
        if not any(changed for _, changed in pieces):
            ws.write_string(row, col, text, fmt)
            return
        if len(pieces) == 1:  # all of it changed: a rich string needs two runs
            ws.write_string(row, col, text, self.changed_cell)
            return
        parts: list[Any] = []
        for piece, changed in pieces:
            parts += [self.changed if changed else self.run, piece]
        ws.write_rich_string(row, col, *parts, fmt)


def _fit_row(ws: Any, row: int, cells: list[tuple[str, float]]) -> None:
    """Make ``row`` tall enough for its wrapped texts (XlsxWriter does not measure; Excel keeps what it is told)."""
    need = max((lines_needed(text, width * WIDTH_FACTOR) for text, width in cells), default=1)
    ws.set_row(row, min(409.0, need * LINE_HEIGHT + 4))


def _setup(ws: Any, title_rows: int) -> None:
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, title_rows - 1)
    ws.set_footer("&C&P / &N")


def export_comparison_xlsx(cmp: Comparison, target: Path, notes: dict[str, str] | None = None) -> Path:
    """Write the 新旧対照表 of ``cmp`` to ``target`` (atomically)."""
    notes = notes or {}

    def write(tmp: Path) -> None:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        w = _Writer(wb)
        title = cmp.after_title or cmp.before_title
        ws = wb.add_worksheet("概要")
        ws.set_column(0, 0, 40)
        ws.set_column(1, 1, 10)
        ws.write_string(0, 0, f"{title}　新旧対照表", w.title)
        ws.write_string(1, 0, f"改定後: {cmp.after_label}　／　改定前: {cmp.before_label}", w.plain)
        ws.write_string(3, 0, "変更の種類", w.head)
        ws.write_string(3, 1, "件数", w.head)
        r = 4
        counts = cmp.counts()
        for kind, name in KINDS.items():
            if counts.get(kind):
                ws.write_string(r, 0, name, w.cell)
                ws.write_number(r, 1, counts[kind], w.cell)
                r += 1
        for kind, heading in (("added", "追加された項目"), ("removed", "削除された項目"), ("moved", "移動した項目")):
            items = cmp.of_kind(kind)
            if items:
                r += 1
                ws.write_string(r, 0, heading, w.title)
                r += 1
                for c in items:
                    ws.write_string(r, 0, "・" + c.where, w.plain)
                    r += 1

        ws = wb.add_worksheet("新旧対照表")
        _setup(ws, 2)
        ws.set_column(0, 1, 60)
        ws.set_column(2, 2, 18)
        ws.write_string(0, 0, f"新旧対照表　改定後: {cmp.after_label}　／　改定前: {cmp.before_label}", w.title)
        for col, name in enumerate(("改定後", "改定前", "備考")):
            ws.write_string(1, col, name, w.head)
        r = 2
        for c in cmp.of_kind(*TEXT_KINDS):
            ws.write_string(r, 0, c.where, w.where)
            ws.write_string(r, 1, c.where, w.where)
            ws.write_string(r, 2, c.kind_name, w.where)
            w.marked(ws, r + 1, 0, c.after or "（なし）", c.after_marks if c.after else [])
            w.marked(ws, r + 1, 1, c.before or "（なし）", c.before_marks if c.before else [])
            ws.write_string(r + 1, 2, notes.get(c.key, ""), w.cell)
            _fit_row(ws, r, [(c.where, 60)])
            _fit_row(ws, r + 1, [(c.after or "（なし）", 60), (c.before or "（なし）", 60),
                                 (notes.get(c.key, ""), 18)])
            r += 2

        ws = wb.add_worksheet("工程表の変更")
        _setup(ws, 1)
        ws.set_column(0, 0, 40)
        ws.set_column(1, 2, 45)
        ws.set_column(3, 3, 18)
        for col, name in enumerate(("行", "改定後", "改定前", "備考")):
            ws.write_string(0, col, name, w.head)
        for r, c in enumerate(cmp.of_kind("schedule"), start=1):
            ws.write_string(r, 0, c.where.removesuffix(" ＞ 工程"), w.cell)
            w.marked(ws, r, 1, c.after or "（なし）", c.after_marks if c.after else [])
            w.marked(ws, r, 2, c.before or "（なし）", c.before_marks if c.before else [])
            ws.write_string(r, 3, notes.get(c.key, ""), w.cell)
            _fit_row(ws, r, [(c.where, 40), (c.after, 45), (c.before, 45), (notes.get(c.key, ""), 18)])
        wb.close()

    write_atomic(target, write)
    return Path(target).absolute()
