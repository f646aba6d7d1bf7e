"""Bar labels of several lines: the row grows in the PDF; text is never shrunk below the minimum or cut silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dxeditor.formats.json import io as json_io
from dxeditor.formats.xlsx.read.workbook import import_workbook
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.publish.pdf.export import PdfOptions, export_pdf, layout_document
from dxeditor.publish.pdf.fonts import FontKit
from dxeditor.publish.pdf.schedule import Metrics, ScheduleTable
from tests.formats.test_xlsx_import import seed002_workbook
from tests.publish.test_pdf_support import all_text, needs_poppler, small_plan

TODAY = dt.date(2026, 11, 23)


def _table(doc, paper: str = "A3") -> ScheduleTable:
    view = load_plan_view(doc.session.connection())
    return ScheduleTable(FontKit(), view, 1100 if paper == "A3" else 780, metrics=Metrics.for_paper(paper))


def test_imported_multiline_labels_print_every_line(tmp_path: Path) -> None:
    doc = import_workbook(seed002_workbook(tmp_path / "seed002.xlsx"))
    try:
        for paper in ("A3", "A4"):
            table = _table(doc, paper)
            m = table.m
            laid = {b.label: table_line.labels[b.id] for table_line in table.lines if table_line.kind == "row"
                    for b in table_line.obj.bars}
            assert len(laid) >= 18  # distinct labels of the 22 bars
            for label, bl in laid.items():
                assert not bl.cut, label
                assert bl.size >= m.min_label
                # every written line is there, in order (wrapping may break a line further)
                assert "".join(bl.lines) == label.replace("\n", ""), label
            two = laid["標準仕様書と\n既存システム（運用）との比較"]
            assert len(two.lines) >= 2 and two.lines[0] == "標準仕様書と"
            row = next(ln for ln in table.lines if ln.kind == "row" and ln.obj.title == "自治体情報システムの標準化・共通化")
            assert row.height > m.lane  # the row grew to hold two lines
            assert row.height >= len(two.lines) * two.size * 1.15
        out = tmp_path / "s.pdf"
        assert export_pdf(doc, out, PdfOptions(kind="schedule", today=TODAY)) == []
    finally:
        doc.close(keep_working_copy=False)


@needs_poppler
def test_label_lines_are_in_the_pdf_text(tmp_path: Path) -> None:
    doc = import_workbook(seed002_workbook(tmp_path / "seed002.xlsx"))
    try:
        out = tmp_path / "s.pdf"
        export_pdf(doc, out, PdfOptions(kind="schedule", today=TODAY))
        text = all_text(out)
        for line in ("標準仕様書と", "既存システム（運用）との比較", "・5業務に係るシステム導入", "・導入対象業務選定"):
            assert line in text
        # an initiative without sub-rows is one line, not a heading and a row of the same title
        assert text.count("マイナンバーカードの普及促進") == 1
        assert text.count("自治体の行政手続のオンライン化") == 2  # heading + its own row above 第1弾〜第3弾
    finally:
        doc.close(keep_working_copy=False)


def test_a_label_that_cannot_fit_is_reported_by_bar(tmp_path: Path) -> None:
    data = small_plan(2)
    row = data["initiatives"][0]["schedule_rows"][0]
    row["bars"] = [{"lane": 0, "start": f"{data['plan']['period_start_fy']}-04",
                    "end": f"{data['plan']['period_start_fy']}-04",
                    "label": "\n".join(f"とても長い工程の説明その{i}" for i in range(30)), "phase": "run",
                    "continues": False}]
    doc = json_io.import_data(data)
    try:
        layout = layout_document(doc, PdfOptions(kind="schedule", today=TODAY))
        warnings = layout.warnings()
        assert any("工程の文字が収まりません" in w and row["title"] in w and "とても長い工程の説明その0" in w
                   for w in warnings), warnings
        assert export_pdf(doc, tmp_path / "s.pdf", PdfOptions(kind="schedule", today=TODAY)) == warnings
    finally:
        doc.close(keep_working_copy=False)


@needs_poppler
def test_one_fill_gives_one_phase_and_no_legend(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "○○市DX推進計画"
    for i, y in enumerate(range(2022, 2026)):
        ws.cell(3, 2 + i, f"令和{y - 2018}年度")
    green = PatternFill("solid", fgColor="C6E0B4")
    for r, (title, ref, text) in enumerate([("電子申請", "B4:C4", "システム\n構築"), ("窓口改革", "C5:E5", "実施")], 4):
        ws.cell(r, 1, title)
        ws.merge_cells(ref)
        ws[ref.split(":")[0]] = text
        ws[ref.split(":")[0]].fill = green
    src = tmp_path / "one.xlsx"
    wb.save(src)
    doc = import_workbook(src)
    try:
        view = load_plan_view(doc.session.connection())
        assert len(view.phases) == 1
        out = tmp_path / "s.pdf"
        assert export_pdf(doc, out, PdfOptions(kind="schedule", today=TODAY)) == []
        text = all_text(out)
        assert "凡例" not in text and "システム" in text and "構築" in text
    finally:
        doc.close(keep_working_copy=False)
