"""Use cases of the yearly review shared by the command line and the GUI: export the progress report."""

from __future__ import annotations

from pathlib import Path

from dxeditor.core.errors import ValidationError
from dxeditor.core.fiscal import MAX_FY, MIN_FY
from dxeditor.plan.progress_report import build_report
from dxeditor.store.document import PlanDocument

FORMATS = ("xlsx", "pdf")


def export_progress_report(doc: PlanDocument, fiscal_year: int, fmt: str, out: Path) -> Path:
    """Write the progress report of ``fiscal_year`` as ``fmt`` (xlsx or pdf) to ``out``."""
    if fmt not in FORMATS:
        raise ValidationError(f"形式は xlsx か pdf を指定してください（{fmt}）。", f"Format must be xlsx or pdf ({fmt}).")
    if not MIN_FY <= fiscal_year <= MAX_FY:
        raise ValidationError(f"年度は{MIN_FY}〜{MAX_FY}の範囲で指定してください（{fiscal_year}）。",
                              f"The fiscal year must be within {MIN_FY}–{MAX_FY} ({fiscal_year}).")
    doc.session.commit()
    report = build_report(doc.session.connection(), fiscal_year)
    if fmt == "pdf":
        from dxeditor.publish.progress.pdf import write_pdf

        return write_pdf(report, Path(out))
    from dxeditor.formats.xlsx.write.progress_report import write_xlsx

    return write_xlsx(report, Path(out))


def export_report_of_plan(plan: Path | str, fiscal_year: int | None, fmt: str, out: Path) -> Path:
    """Open ``plan`` (a file or a server plan) read-only and write its progress report (this fiscal year when None)."""
    from dxeditor.app.server import open_for_reading

    doc = open_for_reading(plan)
    try:
        if fiscal_year is None:
            from dxeditor.app.inquiry_runs import current_fiscal_year

            fiscal_year = current_fiscal_year(doc.session.connection())
        return export_progress_report(doc, int(fiscal_year), fmt, Path(out))
    finally:
        doc.close(keep_working_copy=False)
