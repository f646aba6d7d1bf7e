"""The progress report as an Excel workbook (XlsxWriter) with native, editable charts.

Sheets: 概要 (ratings counted per policy and a clustered column chart), 成果目標 (the KPI
table with achievement rate and ▲▼), 取組別 (one printed page per initiative: rating, texts,
KPI table over the plan period and a line chart per KPI: actual solid, target dashed) and
工程表の変更. A4 portrait, one page wide; greys so that it prints in black and white.
Text cells are written as text (never formulas).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

from dxeditor.core.atomic import write_atomic
from dxeditor.core.fiscal import format_fy
from dxeditor.formats.xlsx.write.style import FONT
from dxeditor.plan.progress_report import ProgressReport, number

GREYS = ["#1A1A1A", "#5A5A5A", "#9A9A9A", "#D0D0D0", "#F4F4F4", "#777777", "#BBBBBB", "#333333", "#E6E6E6"]
A4 = 9


def _sheet_title(name: str) -> str:
    return name.replace("'", "''")


class _Writer:
    def __init__(self, wb: Any, report: ProgressReport) -> None:
        self.wb, self.report = wb, report
        base = {"font_name": FONT, "font_size": 10, "valign": "top"}
        self.text = wb.add_format({**base, "text_wrap": True, "border": 1})
        self.plain = wb.add_format(base)
        self.num = wb.add_format({**base, "border": 1, "num_format": "#,##0.##"})
        self.pct = wb.add_format({**base, "border": 1, "num_format": "0.0%"})
        self.center = wb.add_format({**base, "border": 1, "align": "center"})
        self.head = wb.add_format({**base, "bold": True, "border": 1, "bg_color": "#E4E4E4", "text_wrap": True})
        self.title = wb.add_format({**base, "bold": True, "font_size": 16})
        self.h1 = wb.add_format({**base, "bold": True, "font_size": 13})
        self.small = wb.add_format({**base, "font_size": 8, "text_wrap": True})
        self.note = wb.add_format({**base, "font_size": 8})
        self.big = wb.add_format({**base, "bold": True, "font_size": 20, "align": "center", "valign": "vcenter",
                                  "border": 2})

    def setup(self, ws: Any, title: str) -> None:
        ws.set_paper(A4)
        ws.set_portrait()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        footer = f"{self.report.title}　進捗状況報告（{self.report.year_label}）　{title}".replace("&", "&&")
        ws.set_footer(f"&L&8{footer}&R&8&P / &N")

    def summary(self) -> None:
        r, ws = self.report, self.wb.add_worksheet("概要")
        self.setup(ws, "概要")
        ws.set_column(0, 0, 34)
        keys = [*r.scale.keys, ""]
        ws.set_column(1, len(keys) + 1, 11)
        ws.write_string(0, 0, r.title, self.title)
        ws.write_string(1, 0, f"進捗状況報告（{r.year_label}）" + (f"　{r.municipality}" if r.municipality else ""),
                        self.plain)
        ws.write_string(3, 0, "1　評価の概要", self.h1)
        ws.write_string(4, 0, "評価の段階: " + "　".join(r.scale.label(k) for k in r.scale.keys), self.plain)
        top = 6
        ws.write_string(top, 0, "基本方針", self.head)
        for c, k in enumerate(keys, start=1):
            ws.write_string(top, c, r.rating_label(k), self.head)
        ws.write_string(top, len(keys) + 1, "計", self.head)
        for n, p in enumerate(r.policies, start=1):
            ws.write_string(top + n, 0, p.title, self.text)
            for c, k in enumerate(keys, start=1):
                ws.write_number(top + n, c, p.counts.get(k, 0), self.num)
            ws.write_number(top + n, len(keys) + 1, p.total, self.num)
        last = top + len(r.policies)
        totals = r.totals()
        ws.write_string(last + 1, 0, "合計", self.head)
        for c, k in enumerate(keys, start=1):
            ws.write_number(last + 1, c, totals.get(k, 0), self.num)
        ws.write_number(last + 1, len(keys) + 1, sum(totals.values()), self.num)
        if not r.policies:
            return
        chart = self.wb.add_chart({"type": "column"})
        name = _sheet_title("概要")
        for c, k in enumerate(keys, start=1):
            chart.add_series({
                "name": ["概要", top, c],
                "categories": f"='{name}'!$A${top + 2}:$A${last + 1}",
                "values": ["概要", top + 1, c, last, c],
                "fill": {"color": GREYS[(c - 1) % len(GREYS)] if k else "#FFFFFF"},
                "border": {"color": "#000000", "width": 0.75},
                "data_labels": {"value": True, "font": {"name": FONT, "size": 8}},
            })
        chart.set_title({"name": "基本方針別の評価", "name_font": {"name": FONT, "size": 11}})
        chart.set_x_axis({"num_font": {"name": FONT, "size": 8}})
        chart.set_y_axis({"name": "取組数", "name_font": {"name": FONT, "size": 8}, "min": 0, "major_unit": 1,
                          "num_font": {"name": FONT, "size": 8}, "major_gridlines": {"visible": True,
                                                                                    "line": {"color": "#D9D9D9"}}})
        chart.set_legend({"position": "bottom", "font": {"name": FONT, "size": 8}})
        chart.set_size({"width": 640, "height": 320})
        ws.insert_chart(last + 3, 0, chart)

    def kpis(self) -> None:
        r, ws = self.report, self.wb.add_worksheet("成果目標")
        self.setup(ws, "成果目標")
        widths = [28, 30, 11, 11, 11, 9, 7, 20]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        ws.write_string(0, 0, f"2　成果目標（KPI）の状況（{r.year_label}）", self.h1)
        ws.write_string(1, 0, "達成率 =（実績値 − 基準値）÷（目標値 − 基準値）。基準値がないときは 実績値 ÷ 目標値"
                              "（下がるほど良い指標は 目標値 ÷ 実績値）。▲ 前年度より改善、▼ 悪化。", self.small)
        head = ["取組", "成果目標", "基準値", "目標値", "実績値", "達成率", "前年比", "備考"]
        for c, h in enumerate(head):
            ws.write_string(3, c, h, self.head)
        for n, line in enumerate(r.kpi_lines, start=4):
            k = line.kpi
            ws.write_string(n, 0, line.initiative, self.text)
            ws.write_string(n, 1, k.name + ("（↓が良い）" if k.lower_is_better else ""), self.text)
            ws.write_string(n, 2, line.baseline, self.text)
            ws.write_string(n, 3, line.target, self.text)
            ws.write_string(n, 4, line.actual, self.text)
            rate = k.rate(r.fiscal_year)
            if rate is None:
                ws.write_string(n, 5, "" if k.is_text else "―", self.center)
            else:
                ws.write_number(n, 5, rate, self.pct)
            ws.write_string(n, 6, line.trend, self.center)
            ws.write_string(n, 7, line.note, self.text)
        ws.repeat_rows(3)
        ws.freeze_panes(4, 0)

    def initiatives(self) -> None:
        r, ws = self.report, self.wb.add_worksheet("取組別")
        self.setup(ws, "取組別")
        years = r.years
        ws.set_column(0, 0, 14)
        ws.set_column(1, len(years), 10)
        width_cols = max(len(years), 6)
        row = 0
        breaks = []
        ws.write_string(row, 0, "3　取組ごとの状況", self.h1)
        row += 2
        for n, page in enumerate(r.pages):
            if n:
                breaks.append(row)
            ws.merge_range(row, 0, row, width_cols, f"{page.number} {page.title}".strip(), self.h1)
            row += 1
            ws.write_string(row, 0, f"基本方針: {page.policy}" + (f"　主管課: {page.lead}" if page.lead else ""),
                            self.plain)
            row += 2
            review = page.review
            key = review.rating if review else ""
            ws.write_string(row, 0, f"{r.year_label}の評価", self.head)
            rating = r.scale.get(key)
            ws.merge_range(row, 1, row + 1, 2, key or "―", self.big)
            ws.write_string(row, 3, rating.name if rating else "未評価", self.plain)
            ws.set_row(row, 26)
            row += 3
            for label, text in (("実績・成果", review.results if review else ""),
                                ("課題", review.issues if review else ""),
                                ("今後の方向性", review.direction if review else "")):
                ws.write_string(row, 0, label, self.head)
                ws.merge_range(row, 1, row, width_cols, text or "（記載なし）", self.text)
                lines = max(1, sum(len(p) // 44 + 1 for p in (text or " ").split("\n")))
                ws.set_row(row, min(409, 15 * lines))
                row += 1
            if review and review.entered_by:
                ws.write_string(row, 0, f"入力: {review.entered_by}　{review.entered_at[:10]}", self.note)
            row += 2
            for k in page.kpis:
                row = self._kpi_block(ws, row, k, years)
        ws.set_h_pagebreaks(breaks)

    def _kpi_block(self, ws: Any, row: int, k: Any, years: list[int]) -> int:
        name = f"成果目標: {k.name}" + (f"（{k.unit}）" if k.unit else "") + ("　↓が良い指標" if k.lower_is_better else "")
        if k.baseline_value is not None or k.baseline_text:
            name += f"　基準値 {number(k.baseline_value) or k.baseline_text}"
        if k.is_text and k.target_text:
            name += f"　目標 {k.target_text}"
        ws.write_string(row, 0, name, self.plain)
        row += 1
        head = row
        ws.write_string(head, 0, "", self.head)
        for c, fy in enumerate(years, start=1):
            ws.write_string(head, c, format_fy(fy, "alpha"), self.head)
        path = {fy: v for fy, v in k.target_path(years) if fy in k.targets or v == k.target_value}
        for offset, label in ((1, "目標"), (2, "実績"), (3, "達成率")):
            ws.write_string(head + offset, 0, label, self.head)
            for c, fy in enumerate(years, start=1):
                if offset == 1:
                    self._cell(ws, head + offset, c, path.get(fy), self.num)
                elif offset == 2:
                    v = k.actual(fy)
                    if v is None and k.is_text and fy in k.actuals:
                        ws.write_string(head + offset, c, k.actuals[fy][1], self.text)
                    else:
                        self._cell(ws, head + offset, c, v, self.num)
                else:
                    self._cell(ws, head + offset, c, k.rate(fy) if k.actual(fy) is not None else None, self.pct)
        row = head + 5
        if not k.is_text and (k.actuals or path):
            chart = self.wb.add_chart({"type": "line"})
            cats = ["取組別", head, 1, head, len(years)]
            chart.add_series({"name": "実績", "categories": cats, "values": ["取組別", head + 2, 1, head + 2, len(years)],
                              "line": {"color": "#000000", "width": 2},
                              "marker": {"type": "square", "size": 6, "fill": {"color": "#000000"},
                                         "border": {"color": "#000000"}}})
            chart.add_series({"name": "目標", "categories": cats, "values": ["取組別", head + 1, 1, head + 1, len(years)],
                              "line": {"color": "#555555", "width": 1.25, "dash_type": "dash"},
                              "marker": {"type": "circle", "size": 5, "fill": {"color": "#FFFFFF"},
                                         "border": {"color": "#555555"}}})
            chart.show_blanks_as("span")
            chart.set_title({"none": True})
            chart.set_legend({"position": "right", "font": {"name": FONT, "size": 8}})
            chart.set_x_axis({"num_font": {"name": FONT, "size": 8}})
            chart.set_y_axis({"num_font": {"name": FONT, "size": 8}, "name": k.unit or "",
                              "name_font": {"name": FONT, "size": 8},
                              "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
            chart.set_size({"width": 560, "height": 220})
            ws.insert_chart(row, 0, chart)
            row += 12
        return row + 1

    @staticmethod
    def _cell(ws: Any, r: int, c: int, value: float | None, fmt: Any) -> None:
        if value is None:
            ws.write_blank(r, c, None, fmt)
        else:
            ws.write_number(r, c, value, fmt)

    def changes(self) -> None:
        r = self.report
        if not r.changes and not r.changes_left_out:
            return
        ws = self.wb.add_worksheet("工程表の変更")
        self.setup(ws, "工程表の変更")
        for c, w in enumerate((12, 30, 10, 40, 22)):
            ws.set_column(c, c, w)
        ws.write_string(0, 0, f"4　工程表の変更（{r.year_label}以降）", self.h1)
        for c, h in enumerate(("日付", "取組", "対象", "変更", "操作")):
            ws.write_string(2, c, h, self.head)
        for n, ch in enumerate(r.changes, start=3):
            for c, v in enumerate((ch.at.strftime("%Y/%m/%d"), ch.initiative, ch.what, ch.detail, ch.action)):
                ws.write_string(n, c, v, self.text)
        if r.changes_left_out:
            ws.write_string(3 + len(r.changes), 0, f"ほか {r.changes_left_out} 件（古いもの）は省略しました。", self.small)
        ws.repeat_rows(2)


def write_xlsx(report: ProgressReport, out: Path) -> Path:
    """Write the report workbook to ``out`` (atomically)."""

    def build(tmp: Path) -> None:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_numbers": False,
                                            "strings_to_urls": False})
        try:
            wb.set_properties({"title": f"{report.title} 進捗状況報告 {report.year_label}",
                               "author": report.municipality or "dxeditor", "comments": "dxeditor"})
            w = _Writer(wb, report)
            w.summary()
            w.kpis()
            w.initiatives()
            w.changes()
        finally:
            wb.close()

    write_atomic(out, build)
    return out
