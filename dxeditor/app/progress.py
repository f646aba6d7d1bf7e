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


def progress_cli(args: object) -> int:
    """``dxeditor progress export PLAN --fy 2025 --format xlsx|pdf -o OUT``."""
    import sys

    doc = PlanDocument.open(args.file, read_only=True)  # type: ignore[attr-defined]
    try:
        fy = args.fy  # type: ignore[attr-defined]
        if fy is None:
            from dxeditor.exchange.inquiry import _current_fy

            fy = _current_fy(doc.session.connection())
        out = export_progress_report(doc, int(fy), args.format, Path(args.output))  # type: ignore[attr-defined]
    finally:
        doc.close(keep_working_copy=False)
    sys.stdout.write(f"{out}\n")
    return 0
