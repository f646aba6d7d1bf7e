"""File ▸ エクスポート ▸ 進捗状況報告: choose the year and the file, write the PDF or the workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from dxeditor.app.progress import export_progress_report
from dxeditor.core.fiscal import format_fy
from dxeditor.ui.undo import DocumentController


def export_report(window: QWidget, controller: DocumentController, fmt: str) -> Path | None:
    """Ask for the fiscal year (the progress view's chosen year first) and the target; None when cancelled."""
    plan = controller.doc.plan
    years = list(range(plan.period_start_fy, plan.period_end_fy + 1))
    view = getattr(window, "progress_view", None)
    if view is not None:
        view.ensure_loaded()  # its year combo offers the year last entered
    chosen = view.year_combo.currentData() if view is not None else None
    labels = [format_fy(fy, "wareki") for fy in years]
    current = years.index(chosen) if chosen in years else 0
    label, ok = QInputDialog.getItem(window, QCoreApplication.translate("ProgressView", "進捗状況報告"), QCoreApplication.translate("ProgressView", "報告する年度"), labels, current,
                                     False)
    if not ok:
        return None
    fy = years[labels.index(label)]
    suffix = ".pdf" if fmt == "pdf" else ".xlsx"
    stem = f"進捗状況報告_{label}"
    start = str((controller.doc.source.parent if controller.doc.source else Path.home()) / f"{stem}{suffix}")
    pattern = QCoreApplication.translate("ProgressView", "PDF (*.pdf)") if fmt == "pdf" else QCoreApplication.translate("ProgressView", "Excel ブック (*.xlsx)")
    name, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("ProgressView", "進捗状況報告の書き出し"), start, pattern)
    if not name:
        return None
    out = Path(name)
    if out.suffix.lower() != suffix:
        out = out.with_suffix(suffix)
    return export_progress_report(controller.doc, fy, fmt, out)


def export_pdf(window: QWidget, controller: DocumentController) -> Path | None:
    """The PDF report (menu entry)."""
    out = export_report(window, controller, "pdf")
    if out is not None:
        window.statusBar().showMessage(QCoreApplication.translate("ProgressView", "書き出しました: {0}").format(out), 6000)  # type: ignore[attr-defined]
    return out


def export_xlsx(window: QWidget, controller: DocumentController) -> Path | None:
    """The Excel report (menu entry)."""
    out = export_report(window, controller, "xlsx")
    if out is not None:
        window.statusBar().showMessage(QCoreApplication.translate("ProgressView", "書き出しました: {0}").format(out), 6000)  # type: ignore[attr-defined]
    return out
