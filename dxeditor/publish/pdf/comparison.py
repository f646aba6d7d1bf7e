"""The 新旧対照表 as a PDF: A4 landscape, 改定後 | 改定前 | 備考, the changed words underlined and bold.

As municipal offices publish a revision: a summary page first (counts by kind, the
initiatives added and removed), then the table in the order of the document, each row
headed by where the change is; schedule changes come last as a compact table (row,
before, after), not as two Gantt charts. Page headers carry both version labels.

Laid out with reportlab's platypus (a table of wrapped paragraphs): a comparison is at most
a few hundred rows, so the flowing layout is fast enough and wraps Japanese text by
character. Characters the text face lacks are drawn with the fallback face.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from dxeditor.core.atomic import write_bytes_atomic
from dxeditor.plan.compare import KINDS, Comparison, Marks, iter_marked
from dxeditor.publish.pdf.fonts import FontKit, register

PAGE = landscape(A4)
MARGIN = 12 * mm
TEXT_KINDS = tuple(k for k in KINDS if k != "schedule")


class _Faces:
    def __init__(self) -> None:
        self.regular, self.bold, self.fallback = register("G"), register("GB"), register("F")
        registerFontFamily(self.regular, normal=self.regular, bold=self.bold, italic=self.regular,
                          boldItalic=self.bold)
        self.kit = FontKit()

    def markup(self, text: str, marks: Marks = ()) -> str:
        """Paragraph markup of ``text``: changed runs bold and underlined, line breaks kept."""
        out = []
        for piece, changed in iter_marked(text, list(marks)):
            body = "".join(self._char(ch) for ch in piece)
            out.append(f"<u><b>{body}</b></u>" if changed and piece.strip() else body)
        return "".join(out).replace("\n", "<br/>")

    def _char(self, ch: str) -> str:
        if ch == "\n":
            return ch
        if self.kit.face_for(ch, "G") != "G":
            return f'<font name="{self.fallback}">{escape(ch)}</font>'
        return escape(ch)


def _styles(faces: _Faces) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName=faces.regular, fontSize=9, leading=13, wordWrap="CJK",
                          alignment=TA_LEFT)
    return {
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=faces.bold, fontSize=9.5, alignment=1),
        "where": ParagraphStyle("where", parent=base, fontName=faces.bold, fontSize=8.5, leading=11,
                                textColor=colors.HexColor("#333333")),
        "title": ParagraphStyle("title", parent=base, fontName=faces.bold, fontSize=16, leading=22),
        "h2": ParagraphStyle("h2", parent=base, fontName=faces.bold, fontSize=11.5, leading=16, spaceBefore=6,
                             spaceAfter=4),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11),
    }


def _table(rows: list[list[Paragraph]], widths: Sequence[float], header_rows: int = 1) -> LongTable:
    t = LongTable(rows, colWidths=list(widths), repeatRows=header_rows)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


def comparison_story(cmp: Comparison, faces: _Faces, notes: dict[str, str] | None = None) -> list[object]:
    """The flowables of the 新旧対照表: summary page, text table, schedule table."""
    notes = notes or {}
    st = _styles(faces)
    width = PAGE[0] - 2 * MARGIN
    title = cmp.after_title or cmp.before_title
    story: list[object] = [
        Paragraph(faces.markup(f"{title}　新旧対照表"), st["title"]),
        Paragraph(faces.markup(f"改定後: {cmp.after_label}　／　改定前: {cmp.before_label}"), st["cell"]),
        Spacer(1, 6 * mm),
        Paragraph("主な変更", st["h2"]),
    ]
    counts = cmp.counts()
    rows = [[Paragraph("変更の種類", st["head"]), Paragraph("件数", st["head"])]]
    rows += [[Paragraph(name, st["cell"]), Paragraph(str(counts[k]), st["cell"])] for k, name in KINDS.items()
             if counts.get(k)]
    if len(rows) == 1:
        rows.append([Paragraph("変更はありません", st["cell"]), Paragraph("0", st["cell"])])
    story.append(_table(rows, [70 * mm, 25 * mm]))
    for kind, heading in (("added", "追加された項目"), ("removed", "削除された項目"), ("moved", "移動した項目")):
        items = cmp.of_kind(kind)
        if items:
            story.append(Paragraph(heading, st["h2"]))
            story += [Paragraph(faces.markup("・" + c.where), st["cell"]) for c in items]
    text_changes = cmp.of_kind(*TEXT_KINDS)
    if text_changes:
        story += [PageBreak(), Paragraph("新旧対照表", st["h2"])]
        head = [Paragraph("改定後", st["head"]), Paragraph("改定前", st["head"]), Paragraph("備考", st["head"])]
        body = [[_cell(faces, st, c.where, c.after, c.after_marks),
                 _cell(faces, st, c.where, c.before, c.before_marks),
                 Paragraph(faces.markup(notes.get(c.key, "") or c.kind_name), st["small"])] for c in text_changes]
        story.append(_table([head, *body], [width * 0.43, width * 0.43, width * 0.14]))
    schedule = cmp.of_kind("schedule")
    if schedule:
        story += [PageBreak(), Paragraph("工程表の変更", st["h2"])]
        head = [Paragraph(h, st["head"]) for h in ("行", "改定後", "改定前", "備考")]
        body = [[Paragraph(faces.markup(c.where.removesuffix(" ＞ 工程")), st["small"]),
                 Paragraph(faces.markup(c.after, c.after_marks), st["cell"]),
                 Paragraph(faces.markup(c.before, c.before_marks), st["cell"]),
                 Paragraph(faces.markup(notes.get(c.key, "")), st["small"])] for c in schedule]
        story.append(_table([head, *body], [width * 0.28, width * 0.3, width * 0.3, width * 0.12]))
    return story


def _cell(faces: _Faces, st: dict[str, ParagraphStyle], where: str, text: str, marks: Marks) -> list[Paragraph]:
    body = faces.markup(text, marks) if text else "（なし）"
    return [Paragraph(faces.markup(where), st["where"]), Paragraph(body, st["cell"])]


def export_comparison_pdf(cmp: Comparison, target: Path, notes: dict[str, str] | None = None,
                          progress: Callable[[int, int], bool] | None = None) -> Path:
    """Write the 新旧対照表 of ``cmp`` to ``target`` (atomically)."""
    import io

    faces = _Faces()
    buf = io.BytesIO()
    header = f"新旧対照表　改定後: {cmp.after_label}　／　改定前: {cmp.before_label}"

    def furniture(canvas: object, doc: object) -> None:
        c = canvas  # reportlab canvas
        c.saveState()  # type: ignore[attr-defined]
        c.setFont(faces.regular, 8)  # type: ignore[attr-defined]
        c.drawString(MARGIN, PAGE[1] - MARGIN + 3 * mm, header)  # type: ignore[attr-defined]
        c.drawRightString(PAGE[0] - MARGIN, MARGIN - 6 * mm, f"{c.getPageNumber()}")  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 4 * mm,
                            bottomMargin=MARGIN, title=f"新旧対照表 {cmp.after_label} / {cmp.before_label}",
                            author="dxeditor", creator="dxeditor")
    doc.build(comparison_story(cmp, faces, notes), onFirstPage=furniture, onLaterPages=furniture)
    return write_bytes_atomic(Path(target), buf.getvalue())
