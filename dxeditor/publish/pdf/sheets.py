"""Initiative sheets (取組シート): one page or more per initiative, as published plans print them.

Number and title, SDGs badges (numbered squares in the official colours), lead and related
departments, the national plan item and its target, boxed 現状と課題 / 取組の方向性 /
取組内容 / 成果目標 with bullets and nesting, references (◇) and the initiative's own
schedule rows as a small table.
"""

from __future__ import annotations

from typing import Any

from dxeditor.core.fiscal import YearStyle, format_deadline, format_fy
from dxeditor.plan.readmodel import InitiativeView, PlanView, SectionView
from dxeditor.publish.pdf.flow import Flow
from dxeditor.publish.pdf.fonts import FontKit
from dxeditor.publish.pdf.layout import BLACK, GREY, LIGHT, WHITE, Page, rgb, wrap
from dxeditor.publish.pdf.pages import Furniture
from dxeditor.publish.pdf.schedule import Metrics, ScheduleTable
from dxeditor.publish.pdf.texts import InitiativeTexts
from dxeditor.store.models import NATIONAL_CATEGORIES, TEXT_BLOCK_NAMES, TEXT_BLOCKS

#: The 17 goals: official colour and the Japanese short name (国連広報センター).
SDG_GOALS = {
    1: ("#E5243B", "貧困をなくそう"), 2: ("#DDA63A", "飢餓をゼロに"),
    3: ("#4C9F38", "すべての人に健康と福祉を"), 4: ("#C5192D", "質の高い教育をみんなに"),
    5: ("#FF3A21", "ジェンダー平等を実現しよう"), 6: ("#26BDE2", "安全な水とトイレを世界中に"),
    7: ("#FCC30B", "エネルギーをみんなにそしてクリーンに"), 8: ("#A21942", "働きがいも経済成長も"),
    9: ("#FD6925", "産業と技術革新の基盤をつくろう"), 10: ("#DD1367", "人や国の不平等をなくそう"),
    11: ("#FD9D24", "住み続けられるまちづくりを"), 12: ("#BF8B2E", "つくる責任つかう責任"),
    13: ("#3F7E44", "気候変動に具体的な対策を"), 14: ("#0A97D9", "海の豊かさを守ろう"),
    15: ("#56C02B", "陸の豊かさも守ろう"), 16: ("#00689D", "平和と公正をすべての人に"),
    17: ("#19486A", "パートナーシップで目標を達成しよう"),
}
BULLETS = ("・", "－", "▸", "・")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _sections_of(view: PlanView) -> dict[int, SectionView]:
    out: dict[int, SectionView] = {}

    def walk(ss: list[SectionView]) -> None:
        for s in ss:
            out[s.id] = s
            walk(s.sections)

    walk(view.sections)
    walk = None  # type: ignore[assignment]  # break the recursive closure's cycle: reference counting frees it
    return out


def national_item(it: InitiativeView) -> str:
    """自治体DX推進計画 category and number, e.g. 重点取組事項 ③."""
    cat = NATIONAL_CATEGORIES.get(it.national_category, "")
    if not cat:
        return ""
    n = it.national_number
    return f"{cat} {CIRCLED[n - 1] if n and 1 <= n <= 20 else (n or '')}".strip()


def draw_sdg_badges(flow: Flow, goals: list[int], y: float, size: float = 40.0) -> None:
    """Numbered squares in the SDG colours, right-aligned at ``y``."""
    pen = flow.pen
    x = flow.x1 - len(goals) * (size + 3) + 3
    for g in goals:
        colour, name = SDG_GOALS.get(g, ("#777777", ""))
        pen.rect(x, y, size, size, fill=rgb(colour), stroke=None)
        pen.text(x + 3, y + size * 0.42, str(g), "GB", size * 0.38, WHITE)
        lines = wrap(flow.kit, name, "GB", size * 0.13, size - 5)[:3]
        for k, t in enumerate(lines):
            pen.text(x + 3, y + size * 0.62 + k * size * 0.16, t, "GB", size * 0.13, WHITE)
        x += size + 3


def _info_table(flow: Flow, rows: list[tuple[str, str]]) -> None:
    size = 9.0
    label_w = 92.0
    for label, value in rows:
        lines = wrap(flow.kit, value, "G", size, flow.width - label_w - 12)
        h = max(1, len(lines)) * size * 1.45 + 6
        flow.ensure(h)
        pen, y = flow.pen, flow.y
        pen.rect(flow.x0, y, label_w, h, fill=LIGHT, stroke=GREY, lw=0.5)
        pen.rect(flow.x0 + label_w, y, flow.width - label_w, h, fill=None, stroke=GREY, lw=0.5)
        pen.text(flow.x0 + 6, y + 3 + size, label, "GB", size)
        for k, t in enumerate(lines):
            pen.text(flow.x0 + label_w + 6, y + 3 + size + k * size * 1.45, t, "G", size)
        flow.y += h
        flow._mark()


def kpi_cells(k: Any, style: YearStyle) -> list[str]:
    """指標 / 現状値 / 目標値 / 期限 of a KPI as printed."""
    def num(v: float | None) -> str:
        return "" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,}")

    base = k.baseline_text or (num(k.baseline_value) + (k.unit if k.baseline_value is not None else ""))
    target = k.target_text or (num(k.target_value) + (k.unit if k.target_value is not None else ""))
    deadline = k.deadline_text or (format_deadline(k.deadline_fy, style) if k.deadline_fy else "")
    return [k.name, base, target, deadline]


def kpi_is_sentence(k: Any, style: YearStyle) -> bool:
    """A KPI that is one sentence (「電子申請化した業務数：27手続（令和7(2025)年度末まで）」): no values."""
    return not any(kpi_cells(k, style)[1:])


KPI_MARK = "■"
CELL_PAD = 4.0  # text keeps this far from every cell border


def _kpis(flow: Flow, kpis: list[Any], style: YearStyle) -> None:
    """What the data has: a table of the KPIs with values, the plan's list style (■ …) for sentences."""
    table = [k for k in kpis if not kpi_is_sentence(k, style)]
    for k in kpis:
        if k not in table:
            flow.paragraph(k.name, "M", 9.5, bullet=KPI_MARK, leading=1.55)
    if table:
        if len(table) < len(kpis):
            flow.space(4)
        _kpi_table(flow, table, style)


def _kpi_table(flow: Flow, kpis: list[Any], style: YearStyle) -> None:
    size = 8.5
    cols = [("指標", 0.44), ("現状値", 0.18), ("目標値", 0.18), ("期限", 0.20)]
    inner = flow.width - 16  # the table sits 8 pt inside the box on either side
    widths = [inner * f for _, f in cols]
    lead = size * 1.4

    def row(texts: list[str], face: str, fill: Any) -> None:
        wrapped = [wrap(flow.kit, t, face, size, w - 2 * CELL_PAD) for t, w in zip(texts, widths, strict=True)]
        h = max(len(w) for w in wrapped) * lead + 2 * CELL_PAD
        flow.ensure(h)
        x = flow.x0 + 8
        for lines, w in zip(wrapped, widths, strict=True):
            flow.pen.rect(x, flow.y, w, h, fill=fill, stroke=GREY, lw=0.5)
            for k, t in enumerate(lines):
                # baseline: the pad, then the ascent (0.88 em) of the first line
                flow.pen.text(x + CELL_PAD, flow.y + CELL_PAD + size * 0.88 + (lead - size) / 2 + k * lead, t,
                              face, size)
            x += w
        flow.y += h
        flow._mark()

    row([c for c, _ in cols], "GB", LIGHT)
    for k in kpis:
        row(kpi_cells(k, style), "G", None)


def _schedule(flow: Flow, view: PlanView, it: InitiativeView, style: YearStyle) -> None:
    entries = [("row", r, r.depth) for r in it.rows]
    m = Metrics.for_paper("A4")
    table = ScheduleTable(flow.kit, view, flow.width, metrics=m, unit="year", year_style=style, entries=entries,
                          show_numbers=False)
    total = table.header_h + sum(ln.height for ln in table.lines)
    first = table.header_h + (table.lines[0].height if table.lines else 0)
    # keep the table on one page when it fits on one, and its heading with it
    flow.ensure(30 + (total if total <= flow.bottom - flow.top - 30 else first))
    flow.heading("工程表", 10.5, rule=False)
    flow.y += table.draw_header(flow.pen, flow.x0, flow.y)
    chunk: list[Any] = []
    for line in table.lines:
        if line.height > flow.left - sum(ln.height for ln, _ in chunk) and chunk:
            flow.y = table.draw_lines(flow.pen, flow.x0, flow.y, chunk)
            chunk = []
            flow.pen.line(flow.x0, flow.y, flow.x1, flow.y, BLACK, 0.8)
            flow.new_page()
            flow.y += table.draw_header(flow.pen, flow.x0, flow.y)
        chunk.append((line, False))
    flow.y = table.draw_lines(flow.pen, flow.x0, flow.y, chunk)
    flow._mark()
    flow.pen.line(flow.x0, flow.y, flow.x1, flow.y, BLACK, 0.8)
    flow.y += 4


def initiative_sheet(flow: Flow, view: PlanView, it: InitiativeView, texts: InitiativeTexts | None,
                     style: YearStyle, section: SectionView | None, bookmark_level: int | None = None,
                     *, share_page: bool = False) -> None:
    """Lay out one initiative from a fresh page.

    With ``share_page`` it follows on the current page when more than half of it is still
    free (the first initiative under a policy's short introduction: no nearly empty page).
    """
    if share_page and flow.pages and flow.left > 0.5 * (flow.bottom - flow.top):
        flow.space(14)
    else:
        flow.new_page()
    if bookmark_level is not None:
        flow.pen.bookmark(f"init-{it.id}", f"{it.number} {it.title}".strip(), bookmark_level, flow.y)
    if section is not None:
        flow.pen.text(flow.x0, flow.y + 8, f"{section.number} {section.title}".strip(), "G", 8, GREY)
        flow.y += 13
    # title: number block + title, SDGs badges on the right
    badge = 40.0 if it.sdgs else 0.0
    badges_w = len(it.sdgs) * (badge + 3)
    size = 15.0
    num_w = max(flow.kit.width(it.number, "GB", size) + 14, 34.0) if it.number else 0.0
    title_w = flow.width - num_w - badges_w - 10
    lines = wrap(flow.kit, it.title, "GB", size, title_w)
    head_h = max(badge, len(lines) * size * 1.3 + 10)
    y = flow.y
    if it.number:
        flow.pen.rect(flow.x0, y, num_w, head_h, fill=(0.2, 0.2, 0.2), stroke=None)
        flow.pen.text(flow.x0 + num_w / 2, y + head_h / 2 + size * 0.36, it.number, "GB", size, WHITE,
                      align="center")
    ty = y + head_h / 2 - len(lines) * size * 1.3 / 2 + size * 1.0
    for k, t in enumerate(lines):
        flow.pen.text(flow.x0 + num_w + 8, ty + k * size * 1.3, t, "GB", size)
    if it.sdgs:
        draw_sdg_badges(flow, it.sdgs, y, badge)
    flow.y = y + head_h + 3
    flow.pen.line(flow.x0, flow.y, flow.x1, flow.y, BLACK, 1.5)
    flow.y += 8
    flow._mark()
    if it.summary:
        flow.paragraph(it.summary, "M", 9.5)
        flow.space(4)
    info: list[tuple[str, str]] = []
    if it.lead:
        info.append(("担当課（主管）", it.lead))
    if it.related:
        info.append(("関係課", "、".join(it.related)))
    nat = national_item(it)
    if nat:
        info.append(("自治体DX推進計画", nat))
    target = it.national_target_text or (format_fy(it.national_target_fy, style) if it.national_target_fy else "")
    if target:
        info.append(("国が掲げる目標時期", target))
    if info:
        _info_table(flow, info)
    txt = texts or InitiativeTexts()
    for block in TEXT_BLOCKS:
        items = txt.blocks.get(block) or []
        if not items:
            continue
        flow.begin_box(TEXT_BLOCK_NAMES[block])
        for item in items:
            level = max(0, int(item.level or 0))
            bullet = BULLETS[min(level, len(BULLETS) - 1)] if item.bullet else ""
            flow.paragraph(item.text, "M", 9.5, indent=level * 12 + (0 if item.bullet else 2), bullet=bullet,
                           leading=1.55)
        flow.end_box()
    if txt.kpis:
        flow.begin_box("成果目標")
        _kpis(flow, txt.kpis, style)
        flow.end_box()
    if txt.references:
        flow.space(6)
        flow.paragraph("根拠・関連計画", "GB", 9.5)
        for ref in txt.references:
            text = ref.title + (f"（{ref.date_text}）" if ref.date_text else "")
            flow.paragraph(text, "M", 9, bullet="◇", indent=4)
    if it.rows:
        flow.space(8)
        _schedule(flow, view, it, style)


def sheet_pages(kit: FontKit, view: PlanView, texts: dict[int, InitiativeTexts] | None, furniture: Furniture,
                *, paper: str, year_style: YearStyle) -> list[Page]:
    """Every initiative's sheet, in outline order (no page numbers yet)."""
    flow = Flow(kit, paper, header=f"{furniture.title}　取組シート　出力日 {furniture.date_text}")
    sections = _sections_of(view)
    for it in view.initiatives():
        initiative_sheet(flow, view, it, (texts or {}).get(it.id), year_style, sections.get(it.section_id or -1),
                         bookmark_level=0)
    if not flow.pages:
        flow.new_page()
        flow.paragraph("取組事項がありません。", "G", 10)
    return flow.pages
