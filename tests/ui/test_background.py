"""Long work runs off the GUI thread: the event loop keeps turning, 中止 leaves no file.

No timing is asserted: the tests check that the event loop processed timer events while an
export ran (a blocked GUI thread processes none) and that cancelling leaves nothing behind.
The longest gap between ticks is printed for bench/ and the report (``pytest -s``).
"""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget

from bench.generate import write_plan
from dxeditor.core.errors import Cancelled, ValidationError
from dxeditor.publish.pdf.export import PdfOptions
from dxeditor.store.document import PlanDocument
from dxeditor.ui import background
from dxeditor.ui.dialogs import excel_dialogs, pdf_dialogs
from dxeditor.ui.undo import DocumentController

BIG_ROWS = 1386


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_plan(BIG_ROWS, tmp_path_factory.mktemp("big") / "big.dxplan")


@pytest.fixture
def big_controller(big_plan: Path):
    doc = PlanDocument.open(big_plan, read_only=True)
    yield DocumentController(doc)
    doc.close(keep_working_copy=False)


class Ticks:
    """A 20 ms timer recording when it fired; ``cancel_after`` ticks it presses 中止 in the progress dialog."""

    def __init__(self, host: QWidget, cancel_after: int | None = None) -> None:
        self.host = host
        self.times: list[float] = []
        self.cancel_after = cancel_after
        self.saw_dialog = False
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        self.times.append(time.perf_counter())
        dialog = self.host.findChild(QProgressDialog, "backgroundProgress")
        if dialog is not None and dialog.isVisible():
            self.saw_dialog = True
            if self.cancel_after is not None and len(self.times) >= self.cancel_after:
                self.cancel_after = None
                dialog.findChild(QPushButton).click()  # 中止, as a person presses it

    def during(self, start: float, end: float) -> list[float]:
        self.timer.stop()
        return [t for t in self.times if start <= t <= end]


def max_gap_ms(times: list[float], start: float, end: float) -> float:
    points = [start, *times, end]
    return max(b - a for a, b in itertools.pairwise(points)) * 1000


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_booklet_export_keeps_the_event_loop_turning(qtbot, big_controller, tmp_path: Path, monkeypatch) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "計画書.pdf"
    monkeypatch.setattr(pdf_dialogs, "_ask_options", lambda *_a: PdfOptions(kind="booklet"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), "")))
    ticks = Ticks(host)
    start = time.perf_counter()
    assert pdf_dialogs.export_pdf(host, big_controller) == out
    end = time.perf_counter()
    during = ticks.during(start, end)
    print(f"\nbooklet of {BIG_ROWS} rows: {end - start:.2f} s, {len(during)} ticks, "
          f"longest gap between events {max_gap_ms(during, start, end):.0f} ms")
    assert ticks.saw_dialog
    assert len(during) >= 5  # a GUI thread blocked by the export would process none
    assert out.read_bytes().startswith(b"%PDF") and leftovers(out_dir) == ["計画書.pdf"]


def test_cancelling_the_booklet_export_leaves_no_file(qtbot, big_controller, tmp_path: Path, monkeypatch) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    out = tmp_path / "計画書.pdf"
    monkeypatch.setattr(pdf_dialogs, "_ask_options", lambda *_a: PdfOptions(kind="booklet"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), "")))
    ticks = Ticks(host, cancel_after=3)
    assert pdf_dialogs.export_pdf(host, big_controller) is None
    ticks.timer.stop()
    assert ticks.cancel_after is None  # 中止 was pressed
    assert leftovers(tmp_path) == []


def test_cancelling_the_excel_export_leaves_no_file(qtbot, big_controller, tmp_path: Path) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    out = tmp_path / "計画.xlsx"
    dialog = excel_dialogs.ExcelExportDialog(big_controller.doc, host)
    ticks = Ticks(host, cancel_after=2)
    assert excel_dialogs.export_excel(host, big_controller, out, dialog=dialog) is None
    ticks.timer.stop()
    assert ticks.cancel_after is None
    assert leftovers(tmp_path) == []  # neither the workbook nor its temporary file


def test_work_runs_on_another_thread_and_its_errors_come_back(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    gui = threading.get_ident()
    assert background.run_with_progress(host, "…", lambda _p: threading.get_ident()) != gui

    def refuse(_progress):
        raise ValidationError("だめです", "No")

    with pytest.raises(ValidationError, match="だめです"):
        background.run_with_progress(host, "…", refuse)
    assert host.findChild(QProgressDialog, "backgroundProgress") is None or \
        not host.findChild(QProgressDialog, "backgroundProgress").isVisible()


def test_escape_cancels_and_progress_returns_false(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    answers: list[bool] = []

    def press_escape() -> None:
        dialog = host.findChild(QProgressDialog, "backgroundProgress")
        if dialog is not None and dialog.isVisible():
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            timer.stop()

    timer = QTimer()
    timer.timeout.connect(press_escape)
    timer.start(20)

    def work(progress):
        for i in range(2000):  # 10 s at most: far longer than it takes to press Esc
            answers.append(progress(i, 2000))
            if not answers[-1]:
                raise Cancelled()
            time.sleep(0.005)
        return "finished"

    with pytest.raises(Cancelled):
        background.run_with_progress(host, "…", work)
    timer.stop()
    assert answers[-1] is False and all(answers[:-1])
