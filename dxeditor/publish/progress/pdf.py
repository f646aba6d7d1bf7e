"""The progress report as a PDF: A4 portrait, black-and-white printable, charts drawn by reportlab.graphics.

Pages: the summary (ratings counted per policy, a bar chart), the KPI table (baseline, the
year's target and actual, achievement rate, ▲▼ against the year before), one page per
initiative (rating, 実績・成果 / 課題 / 今後の方向性, its KPIs over the plan period with a
trend chart: actuals solid, the target path dashed), and the year's schedule changes.
Greys and hatching-free solid tones keep the charts legible on a monochrome printer.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dxeditor.core.atomic import write_atomic
from dxeditor.core.fiscal import format_fy
from dxeditor.plan.progress import KpiPath
from dxeditor.plan.progress_report import ProgressReport, number
from dxeditor.publish.pdf.fonts import register

#: Fills of the rating steps, best first: distinct greys on paper, black text stays legible on each.
GREYS = ["#1a1a1a", "#5a5a5a", "#9a9a9a", "#d0d0d0", "#f4f4f4", "#777777", "#bbbbbb", "#333333", "#e6e6e6"]
FRAME = colors.HexColor("#444444")
HEAD_BG = colors.HexColor("#e4e4e4")


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


class _Styles:
    def __init__(self) -> None:
        self.g, self.gb = register("G"), register("GB")
        base = {"fontName": self.g, "wordWrap": "CJK", "leading": 14, "fontSize": 9.5}
        self.body = ParagraphStyle("body", **base)
        self.small = ParagraphStyle("small", **{**base, "fontSize": 8, "leading": 10.5})
        self.cell = ParagraphStyle("cell", **{**base, "fontSize": 8, "leading": 10})
        self.title = ParagraphStyle("title", **{**base, "fontName": self.gb, "fontSize": 18, "leading": 24,
                                                "alignment": TA_CENTER, "spaceAfter": 6})
        self.sub = ParagraphStyle("sub", **{**base, "alignment": TA_CENTER, "spaceAfter": 12})
        self.h1 = ParagraphStyle("h1", **{**base, "fontName": self.gb, "fontSize": 13, "leading": 18,
                                          "spaceBefore": 4, "spaceAfter": 6})
        self.h2 = ParagraphStyle("h2", **{**base, "fontName": self.gb, "fontSize": 10.5, "leading": 15,
                                          "spaceBefore": 8, "spaceAfter": 3})
        self.rating = ParagraphStyle("rating", **{**base, "fontName": self.gb, "fontSize": 20, "leading": 24,
                                                  "alignment": TA_CENTER})


def _table(rows: list[list[Any]], widths: list[float], st: _Styles, *, header: int = 1,
           align_right: tuple[int, ...] = ()) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=header)
    style = [("FONT", (0, 0), (-1, -1), st.g, 8), ("GRID", (0, 0), (-1, -1), 0.4, FRAME),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, header - 1), HEAD_BG),
             ("FONT", (0, 0), (-1, header - 1), st.gb, 8)]
    for c in align_right:
        style.append(("ALIGN", (c, header), (c, -1), "RIGHT"))
    t.setStyle(TableStyle(style))
    return t


def _summary_chart(report: ProgressReport, st: _Styles, width: float) -> Drawing:
    keys = [*report.scale.keys, ""]
    policies = report.policies
    d = Drawing(width, 70 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width, chart.height = width - 60 * mm, 50 * mm
    chart.data = [[p.counts.get(k, 0) for p in policies] or [0] for k in keys]
    chart.categoryAxis.categoryNames = [p.title[:14] for p in policies] or [""]
    chart.categoryAxis.labels.fontName = st.g
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = st.g
    chart.valueAxis.valueMin = 0
    top = max([n for row in chart.data for n in row] + [1])
    chart.valueAxis.valueMax = top + 1
    chart.valueAxis.valueStep = max(1, (top + 1) // 5)
    chart.barLabelFormat = lambda v: str(int(v)) if v else ""
    chart.barLabels.fontName = st.g
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    for n, _k in enumerate(keys):
        chart.bars[n].fillColor = colors.HexColor(GREYS[n % len(GREYS)] if _k else "#ffffff")
        chart.bars[n].strokeColor = colors.black
        chart.bars[n].strokeWidth = 0.5
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 42 * mm, 60 * mm
    legend.fontName = st.g
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [(chart.bars[n].fillColor, report.rating_label(k)) for n, k in enumerate(keys)]
    legend.strokeColor = colors.black
    legend.strokeWidth = 0.5
    d.add(legend)
    d.add(String(0, 66 * mm, "取組数", fontName=st.g, fontSize=8))
    return d


def _nice_step(raw: float) -> float:
    """1, 2 or 5 × 10ⁿ at or above ``raw`` (axis steps people read)."""
    if raw <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(raw))
    return next(m * exp for m in (1, 2, 5, 10) if m * exp >= raw)


def trend_chart(kpi: KpiPath, years: list[int], st: _Styles, width: float, height: float = 46 * mm) -> Drawing:
    """Actuals (solid line, filled squares) and the target path (dashed, open circles) over ``years``."""
    d = Drawing(width, height)
    actual = [(fy, v) for fy in years if (v := kpi.actual(fy)) is not None]
    target = kpi.target_path(years)
    series = [s for s in (actual, target) if s]
    if not series:
        d.add(String(4, height / 2, "数値の目標・実績はありません", fontName=st.g, fontSize=8))
        return d
    # Drawn from reportlab.graphics primitives rather than a LinePlot widget: one chart per KPI, and
    # the widget's label groups cost four times these shapes (bench/bench_progress.py).
    x0, y0 = 16 * mm, 10 * mm
    w, h = width - 56 * mm, height - 16 * mm
    values = [v for s in series for _, v in s]
    low, high = min([*values, 0]), max(values)
    if high == low:
        high = low + 1
    step = _nice_step((high - low) / 4)
    low = step * math.floor(low / step)
    top = step * math.ceil(high / step)

    def px(fy: float) -> float:
        return x0 + w * (fy - years[0] + 0.3) / (len(years) - 1 + 0.6)

    def py(v: float) -> float:
        return y0 + h * (v - low) / (top - low)

    axis = colors.HexColor("#444444")
    d.add(Line(x0, y0, x0 + w, y0, strokeColor=axis, strokeWidth=0.6))
    d.add(Line(x0, y0, x0, y0 + h, strokeColor=axis, strokeWidth=0.6))
    v = low
    while v <= top + step / 2:
        y = py(v)
        d.add(Line(x0 - 2, y, x0 + w, y, strokeColor=colors.HexColor("#dddddd") if v != low else axis,
                   strokeWidth=0.4))
        d.add(String(x0 - 3, y - 2.4, number(v), fontName=st.g, fontSize=7, textAnchor="end"))
        v += step
    for fy in years:
        d.add(String(px(fy), y0 - 9, format_fy(fy, "alpha"), fontName=st.g, fontSize=7, textAnchor="middle"))
    if target:
        pts = [c for fy, val in target for c in (px(fy), py(val))]
        if len(target) > 1:
            d.add(PolyLine(pts, strokeColor=colors.HexColor("#555555"), strokeWidth=0.9, strokeDashArray=[3, 2]))
        for fy, val in target:
            d.add(Circle(px(fy), py(val), 1.8, fillColor=colors.white, strokeColor=colors.HexColor("#555555"),
                         strokeWidth=0.7))
    if actual:
        if len(actual) > 1:
            d.add(PolyLine([c for fy, val in actual for c in (px(fy), py(val))], strokeColor=colors.black,
                           strokeWidth=1.6))
        for fy, val in actual:
            d.add(Rect(px(fy) - 2, py(val) - 2, 4, 4, fillColor=colors.black, strokeColor=None))
    # the key as plain shapes (a Legend widget costs as much as the plot)
    kx, ky = width - 36 * mm, height - 6 * mm
    if actual:
        d.add(Line(kx, ky, kx + 8 * mm, ky, strokeColor=colors.black, strokeWidth=1.6))
        d.add(String(kx + 10 * mm, ky - 2.5, "実績", fontName=st.g, fontSize=7.5))
        ky -= 5 * mm
    if target:
        d.add(Line(kx, ky, kx + 8 * mm, ky, strokeColor=colors.HexColor("#555555"), strokeWidth=0.9,
                   strokeDashArray=[3, 2]))
        d.add(String(kx + 10 * mm, ky - 2.5, "目標", fontName=st.g, fontSize=7.5))
    unit = f"（{kpi.unit}）" if kpi.unit else ""
    d.add(String(0, height - 4 * mm, unit, fontName=st.g, fontSize=7))
    return d


def _story(report: ProgressReport, st: _Styles, width: float) -> list[Any]:
    story: list[Any] = [
        Paragraph(_escape(report.title), st.title),
        Paragraph(_escape(f"進捗状況報告（{report.year_label}）" +
                          (f"　{report.municipality}" if report.municipality else "")), st.sub),
        Paragraph("1　評価の概要", st.h1),
        Paragraph(_escape("評価の段階: " + "　".join(report.scale.label(k) for k in report.scale.keys)), st.body),
        Spacer(0, 3 * mm),
    ]
    keys = [*report.scale.keys, ""]
    head = ["基本方針", *[report.rating_label(k) for k in keys], "計"]
    rows: list[list[Any]] = [[Paragraph(_escape(h), st.cell) for h in head]]
    for p in report.policies:
        rows.append([Paragraph(_escape(p.title), st.cell), *[str(p.counts.get(k, 0)) for k in keys], str(p.total)])
    totals = report.totals()
    rows.append(["合計", *[str(totals.get(k, 0)) for k in keys], str(sum(totals.values()))])
    rest = (width - 60 * mm) / (len(keys) + 1)
    story.append(_table(rows, [60 * mm] + [rest] * (len(keys) + 1), st,
                        align_right=tuple(range(1, len(keys) + 2))))
    story += [Spacer(0, 5 * mm), _summary_chart(report, st, width), PageBreak()]

    story.append(Paragraph(f"2　成果目標（KPI）の状況（{_escape(report.year_label)}）", st.h1))
    story.append(Paragraph("達成率 =（実績値 − 基準値）÷（目標値 − 基準値）。基準値がないときは 実績値 ÷ 目標値"
                           "（下がるほど良い指標は 目標値 ÷ 実績値）。▲ 前年度より改善、▼ 悪化。", st.small))
    story.append(Spacer(0, 2 * mm))
    head = ["取組", "成果目標", "基準値", "目標値", "実績値", "達成率", "前年比"]
    rows = [[Paragraph(h, st.cell) for h in head]]
    for line in report.kpi_lines:
        name = line.kpi.name + ("（↓が良い）" if line.kpi.lower_is_better else "")
        rows.append([Paragraph(_escape(line.initiative), st.cell), Paragraph(_escape(name), st.cell),
                     Paragraph(_escape(line.baseline), st.cell), Paragraph(_escape(line.target), st.cell),
                     Paragraph(_escape(line.actual), st.cell), line.rate, line.trend])
    if len(rows) == 1:
        rows.append(["成果目標はありません", "", "", "", "", "", ""])
    story.append(_table(rows, [42 * mm, 50 * mm, 20 * mm, 20 * mm, 20 * mm, 15 * mm, width - 167 * mm], st,
                        align_right=(5, 6)))
    story.append(PageBreak())

    story.append(Paragraph("3　取組ごとの状況", st.h1))
    for n, page in enumerate(report.pages):
        if n:
            story.append(PageBreak())
        story += _initiative(report, page, st, width)
    if report.changes or report.changes_left_out:
        story += [PageBreak(), Paragraph(f"4　工程表の変更（{_escape(report.year_label)}以降）", st.h1)]
        rows = [[Paragraph(h, st.cell) for h in ("日付", "取組", "対象", "変更", "操作")]]
        for c in report.changes:
            rows.append([c.at.strftime("%Y/%m/%d"), Paragraph(_escape(c.initiative), st.cell), c.what,
                         Paragraph(_escape(c.detail), st.cell), Paragraph(_escape(c.action), st.cell)])
        story.append(_table(rows, [20 * mm, 50 * mm, 18 * mm, width - 128 * mm, 40 * mm], st))
        if report.changes_left_out:
            story.append(Paragraph(f"ほか {report.changes_left_out} 件（古いもの）は省略しました。", st.small))
    return story


def _initiative(report: ProgressReport, page: Any, st: _Styles, width: float) -> list[Any]:
    out: list[Any] = [Paragraph(_escape(f"{page.number} {page.title}".strip()), st.h1),
                      Paragraph(_escape(f"基本方針: {page.policy}" + (f"　主管課: {page.lead}" if page.lead else "")),
                                st.small), Spacer(0, 3 * mm)]
    review = page.review
    key = review.rating if review else ""
    r = report.scale.get(key)
    rating_cell = [Paragraph(_escape(key or "―"), st.rating),
                   Paragraph(_escape(r.name if r else "未評価"), ParagraphStyle("c", parent=st.cell,
                                                                               alignment=TA_CENTER))]
    texts = [("実績・成果", review.results if review else ""), ("課題", review.issues if review else ""),
             ("今後の方向性", review.direction if review else "")]
    rows = [[Paragraph(f"{_escape(report.year_label)}の評価", st.cell), rating_cell]]
    t = Table(rows, colWidths=[40 * mm, 30 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, FRAME), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("BACKGROUND", (0, 0), (0, 0), HEAD_BG)]))
    out += [t, Spacer(0, 3 * mm)]
    rows = [[Paragraph(label, st.cell), Paragraph(_escape(text) or "（記載なし）", st.body)] for label, text in texts]
    t = Table(rows, colWidths=[28 * mm, width - 28 * mm])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, FRAME), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
    out.append(t)
    if review and review.entered_by:
        out.append(Paragraph(_escape(f"入力: {review.entered_by}　{review.entered_at[:10]}"), st.small))
    for k in page.kpis:
        head = ["", *[format_fy(fy, "alpha") for fy in report.years]]
        target_row = ["目標", *[number(v) if (v := k.targets.get(fy, (None, ""))[0]) is not None
                               else (number(k.target_value) if fy == (k.deadline_fy or report.years[-1]) else "")
                               for fy in report.years]]
        actual_row = ["実績", *[number(k.actual(fy)) or (Paragraph(_escape(k.actuals[fy][1]), st.cell)
                                                         if k.is_text and fy in k.actuals else "")
                               for fy in report.years]]
        rate_row = ["達成率", *["" if k.is_text or k.actual(fy) is None else
                                f"{(k.rate(fy) or 0) * 100:.0f}%" if k.rate(fy) is not None else "―"
                                for fy in report.years]]
        w = (width - 20 * mm) / len(report.years)
        block = [Paragraph(_escape(f"成果目標: {k.name}" + (f"（{k.unit}）" if k.unit else "") +
                                   ("　↓が良い指標" if k.lower_is_better else "") +
                                   (f"　基準値 {number(k.baseline_value) or k.baseline_text}"
                                    if k.baseline_value is not None or k.baseline_text else "") +
                                   (f"　目標 {k.target_text}" if k.is_text and k.target_text else "")), st.h2),
                 _table([head, target_row, actual_row, rate_row], [20 * mm] + [w] * len(report.years), st,
                        align_right=tuple(range(1, len(report.years) + 1))),
                 Spacer(0, 2 * mm)]
        if not k.is_text:
            block.append(trend_chart(k, report.years, st, width))
        out.append(CondPageBreak(80 * mm))
        out.append(KeepTogether(block))
    return out


def write_pdf(report: ProgressReport, out: Path) -> Path:
    """Write the report to ``out`` (atomically)."""
    st = _Styles()
    margin = 16 * mm
    width = A4[0] - 2 * margin
    footer = f"{report.title}　進捗状況報告（{report.year_label}）"

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(st.g, 7.5)
        canvas.drawString(margin, 9 * mm, footer)
        canvas.drawRightString(A4[0] - margin, 9 * mm, f"{doc.page}")
        canvas.restoreState()

    def build(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=14 * mm,
                                bottomMargin=16 * mm, title=f"{report.title} 進捗状況報告 {report.year_label}",
                                author=report.municipality or "dxeditor", creator="dxeditor")
        doc.build(_story(report, st, width), onFirstPage=furniture, onLaterPages=furniture)

    # The charts' attribute validation costs much of the export (one chart per KPI; the values set
    # here are fixed and tested) and ASCII85 only makes streams bigger: both off while the report is
    # drawn, as the schedule's renderer does for ASCII85.
    saved = rl_config.shapeChecking, rl_config.useA85
    rl_config.shapeChecking, rl_config.useA85 = 0, 0
    try:
        write_atomic(out, build)
    finally:
        rl_config.shapeChecking, rl_config.useA85 = saved
    return out
