"""A killed program leaves its unsaved edits; the next start offers them back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from dxeditor.core import paths
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.store.document import PlanDocument, list_recoverable
from dxeditor.ui import recovery
from tests.ui import crash_child
from tests.ui.test_english import english  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
EDITED = "クラッシュ前の編集 𠮷"


def crash_after_edit(plan: Path) -> None:
    """Run the real GUI in a child process that edits the plan and dies (tests/ui/crash_child.py)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DXEDITOR_EXIT_AFTER_FIRST_PAINT", None)
    proc = subprocess.run([sys.executable, "-m", "tests.ui.crash_child", str(plan), EDITED], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == crash_child.EXIT_CODE, proc.stderr


def saved_plan(small_doc, tmp_path: Path) -> Path:
    return small_doc.save(tmp_path / "計画.dxplan")


def test_killed_program_leaves_recoverable_work(qtbot, small_doc, tmp_path: Path):
    plan = saved_plan(small_doc, tmp_path)
    crash_after_edit(plan)
    works = list_recoverable()
    assert len(works) == 1 and works[0].source == plan
    assert "計画.dxplan" in recovery.describe(works[0])
    doc = PlanDocument.open(plan)  # the file itself is unchanged
    try:
        assert EDITED not in [r.title for r in load_plan_view(doc.session.connection()).rows()]
    finally:
        doc.close(keep_working_copy=False)
    dialog = recovery.RecoveryDialog(works)
    qtbot.addWidget(dialog)
    dialog.restore_button.click()
    assert dialog.choice == recovery.RecoveryDialog.RESTORE


def test_start_offers_recovery_and_restores_the_edit(qtbot, small_doc, tmp_path: Path, monkeypatch, messages):
    plan = saved_plan(small_doc, tmp_path)
    crash_after_edit(plan)

    def choose_restore(self) -> int:
        self._done(self.RESTORE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(recovery.RecoveryDialog, "exec", choose_restore)
    from dxeditor.ui.app import first_document
    from dxeditor.ui.settings import Settings

    doc = first_document(None, Settings())
    try:
        assert doc.source == plan and doc.dirty
        assert EDITED in [r.title for r in load_plan_view(doc.session.connection()).rows()]
        assert list_recoverable() == []  # it is ours now
        doc.save()
    finally:
        doc.close()
    reopened = PlanDocument.open(plan)
    try:
        assert EDITED in [r.title for r in load_plan_view(reopened.session.connection()).rows()]
    finally:
        reopened.close(keep_working_copy=False)


def test_discarding_recovered_work(qtbot, small_doc, tmp_path: Path, monkeypatch, messages):
    plan = saved_plan(small_doc, tmp_path)
    crash_after_edit(plan)

    def choose_discard(self) -> int:
        self._done(self.DISCARD)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(recovery.RecoveryDialog, "exec", choose_discard)
    assert recovery.offer_recovery() is None
    assert "破棄" in messages.texts("question")[0]
    assert list_recoverable() == []
    assert not any(paths.work_dir().glob("*/working.dxplan.crash"))


@pytest.mark.usefixtures("english")
def test_recovery_lines_are_translated(tmp_path: Path):
    from dxeditor.store.recovery import RecoverableWork

    untitled = recovery.describe(RecoverableWork(tmp_path, None, 1796400000.0, "u", "PC"))
    saved = recovery.describe(RecoverableWork(tmp_path, tmp_path / "計画.dxplan", 1796400000.0, "u", "PC"))
    assert untitled.startswith("Untitled  —  last edited 20") and "最終編集" not in untitled
    assert saved.startswith("計画.dxplan  —  last edited ") and str(tmp_path) in saved  # the file's own name stays
