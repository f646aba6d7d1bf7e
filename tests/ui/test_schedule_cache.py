"""A big plan's schedule keeps only the rows last shown, and draws and edits exactly as with every row cached."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from dxeditor.plan.ops import schedule as sops
from dxeditor.plan.ops.schedule import load_items
from dxeditor.ui.schedule import data as schedule_data


@pytest.fixture
def lazy(monkeypatch):
    monkeypatch.setattr(schedule_data, "FULL_UP_TO", 0)
    monkeypatch.setattr(schedule_data, "CACHE_ROWS", 2)


def shown_bars(view) -> dict[int, list[tuple[int, int, int, str]]]:
    lines = [line for line in view.canvas.painted_lines if line.kind == "row"]
    return {line.id: [(b.lane, b.start, b.end, b.label) for b in view.data.row_items(line.id).bars] for line in lines}


def test_lazy_cache_draws_the_database_and_stays_bounded(qtbot, lazy, window):
    view = window.schedule_view
    assert view.data.lazy
    QApplication.processEvents()
    shown = shown_bars(view)
    assert len(shown) == 4  # the small plan's four rows are on screen
    truth = load_items(window.controller.doc.session.connection())
    assert shown == {r: [(b.lane, b.start, b.end, b.label) for b in truth[r].bars] if r in truth else []
                     for r in shown}
    assert len(view.data.items) <= 4  # what the last paint needed, never the whole plan
    bar = view.data.row_items(2).bars[0]
    window.controller.execute("move", lambda rec: sops.move_bars(rec, [bar.id], 12))
    QApplication.processEvents()
    assert view.data.row_items(2).bars[0].start == bar.start + 12
    assert view.data.initiative_span(1) == (min(b.start for r in (1, 2) for b in truth[r].bars),
                                            max(b.end + (12 if b.id == bar.id else 0)
                                                for r in (1, 2) for b in truth[r].bars))
    window.controller.undo_stack.undo()
    QApplication.processEvents()
    assert view.data.row_items(2).bars[0].start == bar.start
    view.data._trim()
    assert len(view.data.items) <= 2
