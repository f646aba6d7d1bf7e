"""PDF export: schedule table (工程表), initiative sheets (取組シート) and the plan booklet (計画書).

:func:`layout_pages` lays a plan out once as display-list pages (see :mod:`pdf_layout`);
:func:`export_pdf` writes them with reportlab (fonts embedded as subsets, title, author and
subject set, outline for the booklet) atomically; the print dialogs in
``dxeditor.ui.dialogs.pdf_dialogs`` paint the very same pages on a printer.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxeditor.core.atomic import write_bytes_atomic
from dxeditor.core.errors import DxError, ProgressFn, check_progress
from dxeditor.core.fiscal import YearStyle
from dxeditor.plan.readmodel import PlanView, load_plan_view
from dxeditor.publish import bundled_fonts as fonts
from dxeditor.publish.pdf.fonts import FontKit
from dxeditor.publish.pdf.layout import Page
from dxeditor.publish.pdf.pages import Furniture, schedule_pages, stamp_numbers
from dxeditor.publish.pdf.render import PdfMeta, render_pdf
from dxeditor.publish.pdf.schedule import UNITS, out_date_text

log = logging.getLogger(__name__)
KINDS = {"schedule": "工程表", "sheets": "取組シート", "booklet": "計画書"}


class PdfExportError(DxError):
    """Options or an output path the PDF export cannot use."""


@dataclass
class PdfOptions:
    """What to export and how (see ``dxeditor export --format pdf``)."""

    kind: str = "schedule"  # schedule / sheets / booklet
    paper: str | None = None  # A3 / A4; None → A3 for schedule, A4 otherwise
    year_style: str | None = None  # None → the plan's own style
    unit: str = "year"  # year / half / quarter / month
    dept_year: int | None = None  # department names as valid in this fiscal year (None → latest)
    today: dt.date | None = field(default=None, compare=False)  # 出力日 (tests fix it)

    @classmethod
    def from_cli(cls, args: Any) -> PdfOptions:
        """Options from the ``export`` command's parsed arguments."""
        opts = cls(
            kind=getattr(args, "kind", None) or "schedule",
            paper=getattr(args, "paper", None),
            year_style=getattr(args, "year_style", None),
            unit=getattr(args, "unit", None) or "year",
            dept_year=getattr(args, "dept_year", None),
        )
        opts.check()
        return opts

    @property
    def paper_name(self) -> str:
        """The paper actually used."""
        return self.paper or ("A3" if self.kind == "schedule" else "A4")

    def check(self) -> None:
        """Refuse unknown values with a message naming them."""
        if self.kind not in KINDS:
            raise PdfExportError(f"PDF の種類「{self.kind}」は使えません（schedule / sheets / booklet）",
                                 f"Unknown PDF kind: {self.kind} (schedule / sheets / booklet)")
        if self.paper not in (None, "A3", "A4"):
            raise PdfExportError(f"用紙「{self.paper}」は使えません（A3 / A4）", f"Unknown paper: {self.paper} (A3 / A4)")
        if self.unit not in UNITS:
            raise PdfExportError(f"単位「{self.unit}」は使えません（year / half / quarter / month）",
                                 f"Unknown unit: {self.unit} (year / half / quarter / month)")
        if self.year_style is not None:
            try:
                YearStyle(self.year_style)
            except ValueError:
                names = " / ".join(s.value for s in YearStyle)
                raise PdfExportError(f"年の表記「{self.year_style}」は使えません（{names}）",
                                     f"Unknown year style: {self.year_style} ({names})") from None
        if self.dept_year is not None and not 1989 <= self.dept_year <= 2100:
            raise PdfExportError(f"部署名の年度「{self.dept_year}」は1989〜2100で指定してください",
                                 f"Department year out of range: {self.dept_year}")


@dataclass
class Layout:
    """Laid-out pages with what the writer and the printer need to know about them."""

    pages: list[Page]
    meta: PdfMeta
    missing: list[str]
    notes: list[str] = field(default_factory=list)

    def warnings(self) -> list[str]:
        """Messages for the person exporting: characters no bundled font can draw, texts cut to fit."""
        out = list(dict.fromkeys(self.notes))
        if self.missing:
            out.insert(0, f"同梱フォントにない文字があります（PDF では表示されません）: {fonts.describe_chars(self.missing)}")
        return out


def _style(view: PlanView, opts: PdfOptions) -> YearStyle:
    raw = opts.year_style or view.plan.get("year_style") or "short"
    try:
        return YearStyle(raw)
    except ValueError:
        return YearStyle.SHORT


def layout_view(view: PlanView, opts: PdfOptions, glossary: list[dict[str, Any]] | None = None,
                texts: Any = None) -> Layout:
    """Lay out ``view`` as ``opts`` asks (no file is written)."""
    opts.check()
    kit = FontKit()
    style = _style(view, opts)
    plan = view.plan
    muni = plan.get("municipality") or ""
    title = plan.get("title") or "無題の計画"
    if muni and not title.startswith(muni):  # 小樽市 自治体DXに関する全体方針
        title = f"{muni} {title}"
    furniture = Furniture(title, out_date_text(style, opts.today), muni)
    paper = opts.paper_name
    if opts.kind == "schedule":
        pages = schedule_pages(kit, view, furniture, paper=paper, unit=opts.unit, year_style=style)
        stamp_numbers(pages, kit, lambda n, t: f"{n} / {t}")
    elif opts.kind == "sheets":
        from dxeditor.publish.pdf.sheets import sheet_pages

        pages = sheet_pages(kit, view, texts, furniture, paper=paper, year_style=style)
        stamp_numbers(pages, kit, lambda n, t: f"{n} / {t}")
    else:
        from dxeditor.publish.pdf.booklet import booklet_pages

        pages = booklet_pages(kit, view, texts, glossary or [], furniture, paper=paper, unit=opts.unit,
                              year_style=style)
    # the document information is text too: check it for missing characters as well
    for t in (title, plan.get("municipality") or ""):
        kit.width(t, "G", 10)
    subject = f"{KINDS[opts.kind]}（{plan.get('municipality') or ''}{' ' if plan.get('municipality') else ''}{title}）"
    meta = PdfMeta(title=f"{title} {KINDS[opts.kind]}", author=plan.get("municipality") or plan.get(
        "issuing_department") or "", subject=subject)
    return Layout(pages, meta, kit.missing_chars(), list(kit.notes))


def layout_document(doc: Any, opts: PdfOptions) -> Layout:
    """Read the open document and lay it out (used by export and by printing)."""
    return layout_connection(doc.session.connection(), opts)


def layout_connection(conn: Any, opts: PdfOptions) -> Layout:
    """Read the plan through ``conn`` and lay it out."""
    from dxeditor.publish.pdf.texts import load_glossary, load_texts

    opts.check()
    view = load_plan_view(conn, dept_fy=opts.dept_year)
    texts = load_texts(conn) if opts.kind in ("sheets", "booklet") else None
    glossary = load_glossary(conn) if opts.kind == "booklet" else None
    return layout_view(view, opts, glossary, texts)


def export_pdf(doc: Any, out: Path, opts: PdfOptions, progress: ProgressFn | None = None) -> list[str]:
    """Write the plan of ``doc`` as a PDF to ``out``; returns warnings for the user.

    ``progress(done, total)`` is told before the layout (0, 0: not known yet) and after each
    page is rendered; returning False stops with :class:`~dxeditor.core.errors.Cancelled`
    before anything is written.
    """
    return export_pdf_from(doc.session.connection(), out, opts, progress)


def export_pdf_from(conn: Any, out: Path, opts: PdfOptions, progress: ProgressFn | None = None) -> list[str]:
    """:func:`export_pdf` reading the plan through ``conn`` (a worker thread's own connection)."""
    check_progress(progress, 0, 0)
    layout = layout_connection(conn, opts)
    total = len(layout.pages)
    check_progress(progress, 0, total)
    data = render_pdf(layout.pages, layout.meta,
                      progress=None if progress is None else lambda done: progress(done, total))
    write_bytes_atomic(Path(out), data)
    log.info("PDF written: %s (%s, %d pages)", out, opts.kind, total)
    return layout.warnings()
