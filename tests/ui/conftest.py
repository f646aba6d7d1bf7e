"""UI test fixtures: a small plan, the main window on it, and recorded message boxes.

Settings go to the per-test folder from ``DXEDITOR_SETTINGS_DIR`` (tests/conftest.py).
Message boxes are replaced by a recorder so that no modal dialog blocks a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from dxeditor.store.models import DEFAULT_PHASES

SMALL_PLAN: dict[str, Any] = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "テスト市DX推進計画", "period_start_fy": 2024, "period_end_fy": 2027,
             "numbering_style": "paren"},
    "phases": [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in DEFAULT_PHASES],
    "departments": [
        {"id": 1, "name": "総務部", "kind": "部"},
        {"id": 2, "parent_id": 1, "name": "デジタル推進室"},
        {"id": 3, "parent_id": 1, "name": "戸籍住民課"},
        {"id": 4, "parent_id": 1, "name": "市民税課"},
    ],
    "sections": [{"id": 1, "title": "市民の利便性向上", "kind": "policy"},
                 {"id": 2, "title": "職員の生産性向上", "kind": "policy"}],
    "initiatives": [
        {"id": 1, "section_id": 1, "title": "手続のオンライン化", "lead_department_id": 2, "sdgs": [9, 11],
         "text": {"current": [{"text": "窓口での手続が多い"}], "content": [{"text": "電子申請の拡充"}]},
         "kpis": [{"name": "電子申請化した手続数", "target_value": 27, "unit": "手続"}],
         "national_category": "focus", "national_number": 3,
         "schedule_rows": [
             {"id": 1, "title": "転出届・転入予約", "lead_department_id": 3,
              "bars": [{"start": "2024-04", "end": "2026-03", "label": "実施", "phase": "run"}]},
             {"id": 2, "title": "キャッシュレス", "bars": [
                 {"start": "2024-04", "end": "2025-03", "label": "検討", "phase": "study"},
                 {"lane": 1, "start": "2025-04", "end": "2027-03", "label": "実施", "phase": "run"}]},
             {"id": 3, "title": "コンビニ交付", "lead_department_id": 4},
         ]},
        {"id": 2, "section_id": 1, "title": "情報発信", "lead_department_id": 2},
        {"id": 3, "section_id": 2, "title": "AI・RPAの利用促進", "sdgs": [8],
         "schedule_rows": [{"id": 4, "title": "RPA"}]},
    ],
}


@dataclass
class MessageRecorder:
    """Message boxes shown during a test, and the answers to give to questions."""

    shown: list[tuple[str, str]] = field(default_factory=list)
    answers: list[Any] = field(default_factory=list)

    def texts(self, kind: str | None = None) -> list[str]:
        return [t for k, t in self.shown if kind is None or k == kind]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    """Record QMessageBox calls instead of showing them; questions pop ``answers`` (default Yes)."""
    rec = MessageRecorder()

    def record(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            rec.shown.append((kind, text))
            if kind == "question":
                return rec.answers.pop(0) if rec.answers else QMessageBox.StandardButton.Yes
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: rec.shown.append(("about", ""))))
    return rec


@pytest.fixture
def small_doc():
    """An open, unsaved document with the small plan."""
    import copy

    from dxeditor.formats.json import io as json_io

    doc = json_io.import_data(copy.deepcopy(SMALL_PLAN))
    yield doc
    doc.close(keep_working_copy=False)


@pytest.fixture
def controller(qtbot, small_doc):
    from dxeditor.ui.undo import DocumentController

    return DocumentController(small_doc)


@pytest.fixture
def window(qtbot, controller, messages):
    """The main window on the small plan, shown."""
    from dxeditor.ui.main_window import MainWindow

    w = MainWindow(controller)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w._forced_dirty = False
    w.controller.undo_stack.setClean()
    w.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform cannot propagate size hints of dock widgets nor raise a window: noise."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/") or "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"))
