"""File ▸ Export ▸ PDF, File ▸ Print and Print Preview.

Printing paints the same laid-out pages the PDF export writes (``pdf_export.layout_document``)
with a ``QPainter`` on the ``QPrinter``. QtPdf (which could rasterise the PDF itself) is not
part of PySide6-Essentials, and poppler does not exist on the users' PCs; replaying the
display list is exact (same layout, same bundled font files loaded into Qt) and costs no
extra dependency.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QPolygonF,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from dxeditor.core.errors import Cancelled
from dxeditor.core.fiscal import YearStyle
from dxeditor.publish import bundled_fonts as fonts
from dxeditor.publish.pdf import export as pdf_export
from dxeditor.publish.pdf.export import KINDS, Layout, PdfOptions
from dxeditor.publish.pdf.layout import Page, hatch
from dxeditor.ui.background import run_on_plan
from dxeditor.ui.file_names import offered_path, plan_stem

YEAR_STYLES = {
    "": "計画の設定に従う",
    YearStyle.SHORT.value: "令和4年度, 5年度 …",
    YearStyle.WAREKI.value: "令和5年度",
    YearStyle.BOTH.value: "令和5(2023)年度",
    YearStyle.SEIREKI_WAREKI.value: "2023年度(令和5年度)",
    YearStyle.SEIREKI.value: "2023年度",
    YearStyle.ALPHA.value: "R5",
}
UNITS = {"year": "年度", "half": "半期", "quarter": "四半期", "month": "月"}
PAPERS = {"": "自動（工程表は A3、ほかは A4）", "A3": "A3", "A4": "A4"}


class PdfOptionsDialog(QDialog):
    """Choose what to export or print: kind, paper, year style, unit, department-name year."""

    def __init__(self, parent: QWidget | None = None, *, title: str = "PDF に書き出す",
                 initial: PdfOptions | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr(title))
        form = QFormLayout(self)
        self.kind = self._combo({k: self.tr(v) for k, v in KINDS.items()})
        self.paper = self._combo({k: self.tr(v) for k, v in PAPERS.items()})
        self.year_style = self._combo({k: self.tr(v) for k, v in YEAR_STYLES.items()})
        self.unit = self._combo({k: self.tr(v) for k, v in UNITS.items()})
        self.dept_year = QSpinBox()
        self.dept_year.setRange(1988, 2100)
        self.dept_year.setSpecialValueText(self.tr("最新の名称"))
        self.dept_year.setValue(1988)
        form.addRow(self.tr("種類"), self.kind)
        form.addRow(self.tr("用紙"), self.paper)
        form.addRow(self.tr("年の表記"), self.year_style)
        form.addRow(self.tr("工程表の単位"), self.unit)
        form.addRow(self.tr("部署名の年度"), self.dept_year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if initial:
            self.set_options(initial)

    @staticmethod
    def _combo(items: dict[str, str]) -> QComboBox:
        box = QComboBox()
        for key, label in items.items():
            box.addItem(label, key)
        return box

    def set_options(self, opts: PdfOptions) -> None:
        """Show ``opts`` in the controls."""
        for box, value in ((self.kind, opts.kind), (self.paper, opts.paper or ""),
                           (self.year_style, opts.year_style or ""), (self.unit, opts.unit)):
            i = box.findData(value)
            if i >= 0:
                box.setCurrentIndex(i)
        self.dept_year.setValue(opts.dept_year or 1988)

    def options(self) -> PdfOptions:
        """The options chosen."""
        opts = PdfOptions(
            kind=self.kind.currentData(),
            paper=self.paper.currentData() or None,
            year_style=self.year_style.currentData() or None,
            unit=self.unit.currentData(),
            dept_year=None if self.dept_year.value() == self.dept_year.minimum() else self.dept_year.value(),
        )
        opts.check()
        return opts


def _ask_options(window: QWidget, title: str) -> PdfOptions | None:
    dlg = PdfOptionsDialog(window, title=title)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.options()


def _show_warnings(window: QWidget, warnings: list[str]) -> None:
    if warnings:
        QMessageBox.warning(window, window.tr("PDF"), "\n".join(warnings))


def _layout(window: QWidget, controller: Any, opts: PdfOptions) -> Layout:
    """Lay the plan out on a worker thread (the window keeps responding)."""
    return run_on_plan(window, controller, window.tr("ページを組んでいます…"),
                       lambda conn, _progress: pdf_export.layout_connection(conn, opts))


def export_pdf(window: QWidget, controller: Any) -> Path | None:
    """File ▸ Export ▸ PDF: options, then where to save; warns about characters no font has."""
    opts = _ask_options(window, "PDF に書き出す")
    if opts is None:
        return None
    doc = controller.doc
    # a never-saved plan is named by its title, as the Excel and JSON exports do (not 計画_工程表.pdf)
    start = offered_path(doc, f"{plan_stem(doc, '計画')}_{KINDS[opts.kind]}.pdf")
    name, _ = QFileDialog.getSaveFileName(window, window.tr("PDF に書き出す"), start,
                                          window.tr("PDF (*.pdf)"))
    if not name:
        return None
    out = Path(name)
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    try:
        warnings = run_on_plan(window, controller, window.tr("PDF に書き出しています…"),
                               lambda conn, progress: pdf_export.export_pdf_from(conn, out, opts, progress))
    except Cancelled:
        return None
    _show_warnings(window, warnings)
    return out


def _print_layout(window: QWidget, controller: Any, title: str) -> tuple[Any, Any] | None:
    """Ask the print options and lay the pages out: (layout, printer), or None when cancelled."""
    opts = _ask_options(window, title)
    if opts is None:
        return None
    try:
        layout = _layout(window, controller, opts)
    except Cancelled:
        return None
    return layout, make_printer(layout)


def print_plan(window: QWidget, controller: Any) -> bool:
    """File ▸ Print: the same layouts as the PDF export, sent to a printer."""
    laid = _print_layout(window, controller, "印刷")
    if laid is None:
        return False
    layout, printer = laid
    dlg = QPrintDialog(printer, window)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pages(printer, layout.pages)
    _show_warnings(window, layout.warnings())
    return True


def print_preview(window: QWidget, controller: Any) -> bool:
    """File ▸ Print Preview (QPrintPreviewDialog) of the same layouts."""
    laid = _print_layout(window, controller, "印刷プレビュー")
    if laid is None:
        return False
    layout, printer = laid
    dlg = QPrintPreviewDialog(printer, window)
    dlg.paintRequested.connect(lambda p: paint_pages(p, layout.pages))
    _show_warnings(window, layout.warnings())
    return dlg.exec() == QDialog.DialogCode.Accepted


# --- painting --------------------------------------------------------------------------------

def make_printer(layout: Layout) -> QPrinter:
    """A high-resolution printer set to the first page's paper and orientation."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(layout.meta.title)
    printer.setCreator("dxeditor")
    if layout.pages:
        printer.setPageLayout(_page_layout(layout.pages[0]))
    return printer


def _page_layout(page: Page) -> QPageLayout:
    long_ = max(page.width, page.height)
    size = QPageSize(QPageSize.PageSizeId.A3 if long_ > 1000 else QPageSize.PageSizeId.A4)
    orient = QPageLayout.Orientation.Landscape if page.landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(size, orient, QMarginsF(0, 0, 0, 0))


@functools.cache
def qt_family(key: str) -> str:
    """Load bundled face ``key`` into Qt once; its family name."""
    fid = QFontDatabase.addApplicationFont(str(fonts.font_path(key)))
    families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    return families[0] if families else "Sans Serif"


def _qfont(key: str, size: float) -> QFont:
    f = QFont(qt_family(key))
    f.setBold(key == "GB")
    f.setPointSizeF(size)
    f.setKerning(False)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return f


def _colour(c: Any) -> QColor:
    return QColor.fromRgbF(c[0], c[1], c[2])


def paint_pages(printer: QPrinter, pages: list[Page]) -> None:
    """Replay laid-out pages on ``printer`` (one printer page each; orientation per page)."""
    if not pages:
        return
    printer.setPageLayout(_page_layout(pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for i, page in enumerate(pages):
            if i:
                printer.setPageLayout(_page_layout(page))
                printer.newPage()
            _paint_page(painter, page, printer.resolution() / 72.0)
    finally:
        painter.end()


def _paint_page(p: QPainter, page: Page, s: float) -> None:
    """One page: coordinates are points from the top-left corner, scaled by ``s`` to device pixels."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fonts_cache: dict[tuple[str, float], QFont] = {}
    for op in page.ops:
        kind = op[0]
        if kind == "R":
            _, x, y, w, h, fill, stroke, lw = op
            p.setBrush(QBrush(_colour(fill)) if fill is not None else Qt.BrushStyle.NoBrush)
            p.setPen(QPen(_colour(stroke), lw * s) if stroke is not None else Qt.PenStyle.NoPen)
            p.drawRect(QRectF(x * s, y * s, w * s, h * s))
        elif kind == "L":
            _, x1, y1, x2, y2, col, lw, dash = op
            pen = QPen(_colour(col), lw * s)
            if dash:
                pen.setDashPattern([dash[0] / lw, dash[1] / lw])
            p.setPen(pen)
            p.drawLine(QPointF(x1 * s, y1 * s), QPointF(x2 * s, y2 * s))
        elif kind == "P":
            _, pts, fill, stroke, lw = op
            p.setBrush(QBrush(_colour(fill)) if fill is not None else Qt.BrushStyle.NoBrush)
            p.setPen(QPen(_colour(stroke), lw * s) if stroke is not None else Qt.PenStyle.NoPen)
            p.drawPolygon(QPolygonF([QPointF(px * s, py * s) for px, py in pts]))
        elif kind == "H":
            _, x, y, w, h, pattern, col = op
            pen = QPen(_colour(col), (0.9 if pattern == "dots" else 0.45) * s)
            if pattern == "dots":
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            for x1, y1, x2, y2 in hatch(x, y, w, h, pattern):
                p.drawLine(QPointF(x1 * s, y1 * s), QPointF(x2 * s, y2 * s))
        elif kind == "T":
            _, x, y, size, col, runs, invisible = op
            if invisible:
                continue
            p.setPen(_colour(col))
            cx = x
            for face, text, width in runs:
                font = fonts_cache.get((face, size))
                if font is None:
                    font = fonts_cache[(face, size)] = _qfont(face, size)
                p.setFont(font)
                p.drawText(QPointF(cx * s, y * s), text)
                cx += width
        elif kind == "C":
            _, x, y, w, h = op
            p.save()
            p.setClipRect(QRectF(x * s, y * s, w * s, h * s), Qt.ClipOperation.IntersectClip)
        elif kind == "U":
            p.restore()
