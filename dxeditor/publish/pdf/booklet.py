"""The plan booklet (計画書): cover, 目次, chapters, philosophy, policies with their initiatives, schedule, glossary.

Laid out like seed 000 (小樽市 全体方針): an unnumbered cover and table of contents, body
pages numbered from 1, one sheet per initiative under its policy, the plan-wide schedule
on landscape pages, and a glossary grouped 【A～】【あ～】【か～】… in reading order. Every
chapter and initiative gets a PDF bookmark. The plan's chapters (はじめに, 推進体制 …) are
printed before the policies (placement ``front``) or after them (``back``); the page
基本理念と目指す姿 only prints what the chapters do not already say.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from dxeditor.core.fiscal import YearStyle, format_fy
from dxeditor.plan.ops.glossary import collate, printed_term
from dxeditor.plan.readmodel import InitiativeView, PlanView, SectionView
from dxeditor.publish.pdf.flow import MARGIN, Flow
from dxeditor.publish.pdf.fonts import FontKit
from dxeditor.publish.pdf.layout import GREY, Page, Pen, paper_size, wrap
from dxeditor.publish.pdf.pages import Furniture, schedule_pages
from dxeditor.publish.pdf.sheets import initiative_sheet
from dxeditor.publish.pdf.texts import InitiativeTexts

_LIST_MARK = re.compile(r"[・◆◇○●■□◎※\u2460-\u2473][ 　]*")  # ・ ◆ ○ ① … and the space after
_NO_INDENT = ("　", " ", "《", "【", "〈", "［")  # its own indent, or a label such as 《主な取組事項》
_ARTICLE = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*条")  # 第1条 利用者のニーズから出発する


def prose_paragraph(body: Flow, para: str, size: float = 10.5) -> None:
    """One paragraph of a chapter's body, its lines separated by ``\\n``.

    Its first line is indented by one character (字下げ) unless it begins with a space of its
    own, a label bracket (《主な取組事項》, 【…】) or a list mark; a line led by a list mark (・ ◆ ○ ① …) is an item whose wrapped
    lines hang under its text, not under the mark; other lines start at the margin. A
    paragraph that is only an article's heading (第1条 …, no 。) is set in bold, not indented.
    """
    if "\n" not in para and _ARTICLE.match(para) and not para.rstrip().endswith("。"):
        body.paragraph(para, "GB", size)
        return
    for k, line in enumerate(para.split("\n")):
        mark = _LIST_MARK.match(line)
        if mark:
            body.paragraph(line[mark.end():], "M", size, bullet=mark.group(0))
        elif k == 0 and line[:1] not in _NO_INDENT:
            body.paragraph("　" + line, "M", size)
        else:
            body.paragraph(line, "M", size)


def _squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def philosophy_fields(view: PlanView) -> list[tuple[str, str]]:
    """The 基本理念 / 目指す姿 to print on their own page, as (label, text).

    A field whose words are already in a chapter's body (the plan's prose entered as
    chapters, say 2 基本的方向性) is left out, so the booklet does not print it twice;
    the page is dropped when nothing is left.
    """
    bodies = _squeezed("\n".join(ch.body or "" for ch in getattr(view, "chapters", None) or []))
    out = []
    for label, key in (("基本理念", "basic_philosophy"), ("目指す姿", "vision")):
        text = str(view.plan.get(key) or "").strip("\n")
        if text.strip() and not (bodies and _squeezed(text) in bodies):
            out.append((label, text))
    return out


def _cover(kit: FontKit, view: PlanView, style: YearStyle, paper: str) -> Page:
    plan = view.plan
    page = Page(*paper_size(paper, landscape=False))
    pen = Pen(kit, page)
    w, h = page.width, page.height
    pen.bookmark("cover", "表紙", 0, 0)
    y = h * 0.30
    muni = plan.get("municipality") or ""
    title = (plan.get("title") or "無題の計画").strip()
    if muni and title.startswith(muni):  # 小樽市 / 自治体DXに関する全体方針, as seed 000's cover
        title = title[len(muni):].strip() or title
    if muni:
        pen.text(w / 2, y, muni, "M", 22, align="center")
        y += 44
    for line in wrap(kit, title, "M", 28, w - 2 * MARGIN - 20):
        pen.text(w / 2, y, line, "M", 28, align="center")
        y += 42
    if plan.get("subtitle"):
        pen.text(w / 2, y, plan["subtitle"], "M", 15, align="center")
        y += 28
    if plan.get("version_label"):
        pen.text(w / 2, y, plan["version_label"], "M", 14, align="center")
        y += 26
    period = plan.get("period_label") or (
        f"計画期間 {format_fy(int(plan['period_start_fy']), style)}～{format_fy(int(plan['period_end_fy']), style)}")
    pen.text(w / 2, y + 10, period, "M", 12, GREY, align="center")
    y = h * 0.78
    if plan.get("formulation_date"):
        pen.text(w / 2, y, plan["formulation_date"], "M", 15, align="center")
        y += 30
    if muni:
        pen.text(w / 2, y, muni, "M", 17, align="center")
        y += 26
    if plan.get("issuing_department"):
        pen.text(w / 2, y, plan["issuing_department"], "M", 12, align="center")
    return page


def _toc_pages(kit: FontKit, entries: list[tuple[int, str, int]], paper: str) -> list[Page]:
    flow = Flow(kit, paper)
    flow.new_page()
    flow.pen.bookmark("toc", "目次", 0, 0)
    flow.pen.text(flow.width_pt / 2, flow.y + 20, "目次", "GB", 18, align="center")
    flow.y += 48
    for level, text, number in entries:
        size = 11.0 if level == 0 else 10.0
        face = "GB" if level == 0 else "M"
        flow.ensure(size * 2)
        if level == 0:
            flow.space(5)
        indent = 16.0 * level
        num = str(number)
        nw = kit.width(num, "G", size)
        avail = flow.width - indent - nw - 20
        shown = wrap(kit, text, face, size, avail)[0]
        if shown != text:
            shown = shown[:-1] + "…"
        base = flow.y + size
        tw = flow.pen.text(flow.x0 + indent, base, shown, face, size)
        dots_x0, dots_x1 = flow.x0 + indent + tw + 4, flow.x1 - nw - 4
        if dots_x1 > dots_x0:
            flow.pen.line(dots_x0, base - 1.5, dots_x1, base - 1.5, GREY, 0.8, (0.8, 2.4))
        flow.pen.text(flow.x1, base, num, "G", size, align="right")
        flow.y += size * 1.9
        flow._mark()
    return flow.pages


def booklet_pages(kit: FontKit, view: PlanView, texts: dict[int, InitiativeTexts] | None,
                  glossary: list[dict[str, Any]], furniture: Furniture, *, paper: str, unit: str,
                  year_style: YearStyle) -> list[Page]:
    """The whole booklet with page numbers and bookmarks."""
    texts = texts or {}
    body = Flow(kit, paper, header=furniture.title)
    toc: list[tuple[int, str, int]] = []
    chapter = [0]

    def mark(level: int, title: str, key: str) -> None:
        toc.append((level, title, len(body.pages)))
        body.pen.bookmark(key, title, level, body.y)

    def chapter_start(title: str, share: bool = False) -> None:
        chapter[0] += 1
        if share and body.pages and body.left > 0.5 * (body.bottom - body.top):
            body.space(22)  # a short chapter before: this one follows on its page
        else:
            body.new_page()
        mark(0, title, f"ch{chapter[0]}")
        body.heading(title, 16)

    def prose(placement: str) -> None:
        """Plan chapters (はじめに, 推進体制, 参考 …): a top-level one starts a page."""
        for ch in getattr(view, "chapters", None) or []:
            if ch.placement != placement:
                continue
            if ch.depth == 0:
                chapter_start(ch.title, share=True)
            else:
                body.heading(ch.title, 13 if ch.depth == 1 else 11.5, rule=False)
                toc.append((1, ch.title, len(body.pages)))
                chapter[0] += 1
                body.pen.bookmark(f"ch{chapter[0]}", ch.title, 1, body.y - 16)
            for para in re.split(r"\n\s*\n", ch.body or ""):
                if para.strip():
                    prose_paragraph(body, para.strip("\n"))
                    body.space(3)

    prose("front")
    fields = philosophy_fields(view)
    if fields:
        chapter_start("基本理念と目指す姿")
        for label, text in fields:
            body.heading(label, 12, rule=False)
            for para in text.split("\n"):
                body.paragraph(para, "M", 10.5)

    def initiative_list(items: list[InitiativeView], already: str = "") -> None:
        if items and "主な取組" not in already:  # a description may carry its own list (seed 000)
            body.space(6)
            body.paragraph("《主な取組事項》", "GB", 10)
            for it in items:
                body.paragraph(f"{it.number} {it.title}".strip(), "M", 10, bullet="◆", indent=6)

    def section_text(s: SectionView, level: int) -> None:
        if level:
            body.heading(f"{s.number} {s.title}".strip(), 13 if level == 1 else 11.5, rule=False)
            toc.append((min(level, 1), f"{s.number} {s.title}".strip(), len(body.pages)))
        for para in (s.description or "").split("\n"):
            if para.strip():
                prose_paragraph(body, para)
        initiative_list(s.initiatives, s.description or "")
        for sub in s.sections:
            section_text(sub, level + 1)

    for s in view.sections:
        chapter_start(f"{s.number} {s.title}".strip())
        section_text(s, 0)
        _sub_sheets(body, view, s, texts, year_style, toc)
    section_text = None  # type: ignore[assignment]  # a recursive closure is a reference cycle holding every page
    if view.loose:
        chapter_start("取組事項")
        initiative_list(view.loose)
        for i, it in enumerate(view.loose):
            pages = len(body.pages)
            initiative_sheet(body, view, it, texts.get(it.id), year_style, None, bookmark_level=1,
                             share_page=i == 0 or _short(it, texts.get(it.id)))
            toc.append((1, f"{it.number} {it.title}".strip(), pages + (len(body.pages) > pages)))
    prose("back")
    pages = body.pages
    if view.rows():
        chapter[0] += 1
        title = "工程表"
        toc.append((0, title, len(pages) + 1))
        pages += schedule_pages(kit, view, furniture, paper=paper, unit=unit, year_style=year_style,
                                bookmark=(f"ch{chapter[0]}", title, 0))
    if glossary:
        chapter[0] += 1
        gl = Flow(kit, paper, header=furniture.title)
        gl.new_page()
        title = "用語集"
        toc.append((0, title, len(pages) + 1))
        gl.pen.bookmark(f"ch{chapter[0]}", title, 0, gl.y)
        gl.heading(title, 16)
        for label, items in collate(glossary):
            gl.ensure(60)
            gl.space(6)
            gl.paragraph(label, "GB", 11)
            for t in items:
                gl.ensure(30)
                gl.paragraph(printed_term(t["term"], t.get("reading") or "", t.get("description") or ""),
                             "GB", 10, indent=4)
                if t.get("description"):
                    gl.paragraph(t["description"], "M", 9.5, indent=18, leading=1.5)
                gl.space(3)
        pages += gl.pages
    for n, page in enumerate(pages, start=1):
        Pen(kit, page).text(page.width / 2, page.height - MARGIN * 0.55, f"- {n} -", "G", 9, align="center")
    return [_cover(kit, view, year_style, paper), *_toc_pages(kit, toc, paper), *pages]


def _short(it: InitiativeView, t: InitiativeTexts | None) -> bool:
    """An initiative with no boxed text (a summary, schedule rows at most): its sheet need not take a page."""
    return t is None or not (any(t.blocks.values()) or t.kpis or t.references)


def _sub_sheets(body: Flow, view: PlanView, s: SectionView, texts: dict[int, InitiativeTexts],
                year_style: YearStyle, toc: list[tuple[int, str, int]], top: bool = True) -> None:
    for i, it in enumerate(s.initiatives):
        pages = len(body.pages)
        # the first sheet follows the policy's introduction on its page (no page of 《主な取組事項》 alone)
        initiative_sheet(body, view, it, texts.get(it.id), year_style, s, bookmark_level=1,
                         share_page=(top and i == 0) or _short(it, texts.get(it.id)))
        toc.append((1, f"{it.number} {it.title}".strip(), pages + (len(body.pages) > pages)))
    for k, sub in enumerate(s.sections):
        _sub_sheets(body, view, sub, texts, year_style, toc, top and k == 0 and not s.initiatives)
