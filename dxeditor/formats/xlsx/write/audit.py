"""The audit log (変更履歴) as a print-ready workbook; user text stays text."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from dxeditor.core.atomic import write_atomic
from dxeditor.formats.xlsx.text_cells import XLSXWRITER_OPTIONS, cell_text, header_footer_text, write_text
from dxeditor.plan.ops.audit import AuditRow


def export_audit_xlsx(entries: list[AuditRow], out: Path, *, title: str, initiatives: dict[int, str]) -> Path:
    """Write the entries to a workbook (print-ready, text cells stay text)."""
    write_atomic(out, lambda tmp: _write_audit(tmp, entries, title, initiatives))
    return out


def _write_audit(tmp: Path, entries: list[AuditRow], title: str, initiatives: dict[int, str]) -> None:
    wb = xlsxwriter.Workbook(str(tmp), XLSXWRITER_OPTIONS)
    try:
        wb.set_properties({"title": cell_text(f"{title} 変更履歴")})
        ws = wb.add_worksheet("変更履歴")
        head = wb.add_format({"bold": True, "font_name": "BIZ UDゴシック", "bg_color": "#DDDDDD", "border": 1})
        cell = wb.add_format({"font_name": "BIZ UDゴシック", "text_wrap": True, "valign": "top", "border": 1})
        cols = [("日時", 18), ("利用者", 12), ("PC", 14), ("操作", 26), ("対象", 14), ("取組", 30), ("変更前", 40),
                ("変更後", 40)]
        for c, (name, width) in enumerate(cols):
            ws.write_string(0, c, name, head)
            ws.set_column(c, c, width)
        for r, e in enumerate(entries, start=1):
            values = [e.at.strftime("%Y/%m/%d %H:%M:%S"), e.user, e.host, e.action, e.entity_name,
                      initiatives.get(e.initiative_id, "") if e.initiative_id else "", e.before, e.after]
            for c, v in enumerate(values):
                write_text(ws, r, c, v, cell)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(entries), 1), len(cols) - 1)
        ws.set_landscape()
        ws.set_paper(8)  # A3
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_header(f"&L{header_footer_text(' '.join(title.split()))[:200]} 変更履歴&R&D")
        ws.set_footer("&C&P / &N")
    finally:
        wb.close()
