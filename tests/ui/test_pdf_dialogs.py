"""Export ▸ PDF, Print and Print Preview: the options dialog and the QPainter replay of the layouts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from dxeditor.formats.json import io as json_io
from dxeditor.publish.pdf.export import PdfOptions, layout_document
from dxeditor.ui.dialogs import pdf_dialogs
from dxeditor.ui.dialogs.pdf_dialogs import PdfOptionsDialog, make_printer, paint_pages
from dxeditor.ui.undo import DocumentController
from tests.publish.test_pdf_support import (
    NO_FONT,
    all_text,
    needs_poppler,
    page_count,
    page_text,
    small_plan,
)


@pytest.fixture
def controller(qtbot):
    doc = json_io.import_data(small_plan(6))
    ctl = DocumentController(doc)
    yield ctl
    doc.close(keep_working_copy=False)


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_options_dialog_round_trip(qtbot):
    dlg = PdfOptionsDialog()
    qtbot.addWidget(dlg)
    assert dlg.options() == PdfOptions(kind="schedule", paper=None, year_style=None, unit="year", dept_year=None)
    want = PdfOptions(kind="booklet", paper="A3", year_style="both", unit="quarter", dept_year=2024)
    dlg.set_options(want)
    assert dlg.options() == want
    assert dlg.dept_year.specialValueText() == "最新の名称"


def _accept(monkeypatch, opts: PdfOptions) -> None:
    def fake_exec(self):
        self.set_options(opts)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PdfOptionsDialog, "exec", fake_exec)


@needs_poppler
def test_export_menu_writes_pdf_and_warns(controller, window, monkeypatch, tmp_path):
    _accept(monkeypatch, PdfOptions(kind="sheets"))
    target = tmp_path / "out"  # no suffix: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    out = pdf_dialogs.export_pdf(window, controller)
    assert out == tmp_path / "out.pdf" and page_count(out) == 2
    assert shown and NO_FONT in shown[0]


def test_export_menu_cancel_writes_nothing(controller, window, monkeypatch, tmp_path):
    monkeypatch.setattr(PdfOptionsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert pdf_dialogs.export_pdf(window, controller) is None
    _accept(monkeypatch, PdfOptions())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert pdf_dialogs.export_pdf(window, controller) is None


@needs_poppler
def test_printing_paints_the_same_layout(controller, tmp_path):
    """The QPainter replay, printed to Qt's PDF writer, carries the same text on the same pages."""
    layout = layout_document(controller.doc, PdfOptions(kind="booklet", today=dt.date(2026, 11, 23)))
    printer = make_printer(layout)
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    paint_pages(printer, layout.pages)
    assert page_count(out) == len(layout.pages)
    text = all_text(out)
    # (Qt's own PDF writer draws 𠮷 but maps it to no Unicode: only paper matters on this path)
    assert "目次" in text and "現状と課題" in text and "田さんの窓口" in text
    sched = next(i for i, p in enumerate(layout.pages, start=1) if p.landscape)
    assert "令和4年度" in page_text(out, sched)  # landscape schedule pages inside a portrait booklet


@needs_poppler
def test_print_preview_paints_on_request(controller, window, monkeypatch, tmp_path):
    _accept(monkeypatch, PdfOptions(kind="schedule", paper="A4"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    out = tmp_path / "preview.pdf"

    def fake_exec(self):
        self.printer().setOutputFileName(str(out))
        self.paintRequested.emit(self.printer())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert pdf_dialogs.print_preview(window, controller) is False
    assert "担当課" in page_text(out, 1)


@needs_poppler
def test_print_sends_every_page_to_the_chosen_printer(controller, window, monkeypatch, tmp_path):
    _accept(monkeypatch, PdfOptions(kind="sheets"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    out = tmp_path / "printer.pdf"

    def fake_exec(self):
        self.printer().setOutputFileName(str(out))  # "print to file" stands in for the printer
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    assert pdf_dialogs.print_plan(window, controller) is True
    assert page_count(out) == 2 and "現状と課題" in page_text(out, 2)
    assert shown and NO_FONT in shown[0]


def test_qt_fonts_are_the_bundled_ones(qapp):
    assert "BIZ UD" in pdf_dialogs.qt_family("G")
    assert pdf_dialogs.qt_family("F") != "Sans Serif"


def test_paint_nothing_is_harmless(tmp_path):
    printer = QPrinter()
    printer.setOutputFileName(str(tmp_path / "x.pdf"))
    paint_pages(printer, [])
    assert not Path(tmp_path / "x.pdf").exists()


def test_a_never_saved_plan_is_offered_a_file_named_by_its_title(controller, window, monkeypatch):
    from dxeditor.plan.ops import plan_meta

    _accept(monkeypatch, PdfOptions(kind="schedule"))
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _w, _t, start, _f: offered.append(start) or ("", ""))
    assert controller.doc.source is None
    assert pdf_dialogs.export_pdf(window, controller) is None
    controller.execute("x", lambda rec: plan_meta.update_plan(rec, title="上天草市 DX/推進計画: 第2版"))
    assert pdf_dialogs.export_pdf(window, controller) is None
    assert [Path(o).name for o in offered] == ["テスト市 自治体DX推進計画_工程表.pdf", "上天草市 DX_推進計画_ 第2版_工程表.pdf"]
    assert all(Path(o).is_absolute() and Path(o).parent.is_dir() for o in offered)  # not the program's folder
