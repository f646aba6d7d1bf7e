"""Save and export dialogs open beside the plan's file, or in the documents folder for a plan never saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from dxeditor.ui import file_names


@pytest.fixture
def offered(monkeypatch):
    starts: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _w, _t, start, *_a, **_k: starts.append(start) or ("", ""))
    return starts


def export_all(window) -> None:
    from dxeditor.ui.dialogs import excel_dialogs
    from dxeditor.ui.dialogs.excel_dialogs import ExcelExportDialog

    window.save_as()
    window.export_json()
    dialog = ExcelExportDialog(window.controller.doc, window)
    excel_dialogs.export_excel(window, window.controller, dialog=dialog)
    dialog.deleteLater()


def test_a_never_saved_plan_is_offered_its_title_in_the_documents_folder(qtbot, window, messages, offered,
                                                                         tmp_path, monkeypatch):
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr(file_names.QStandardPaths, "writableLocation", lambda _loc: str(docs))
    monkeypatch.chdir(tmp_path)  # wherever the program was started …
    export_all(window)
    assert [Path(s).name for s in offered] == ["テスト市DX推進計画.dxplan", "テスト市DX推進計画.json",
                                               "テスト市DX推進計画.xlsx"]
    assert {Path(s).parent for s in offered} == {docs}  # … not the program's working folder


def test_a_saved_plan_is_offered_its_own_folder(qtbot, window, messages, offered, tmp_path):
    plan = tmp_path / "共有" / "計画_v2.dxplan"
    plan.parent.mkdir()
    assert window.save_as(plan)
    export_all(window)
    assert offered[0] == str(plan)
    assert [Path(s).name for s in offered[1:]] == ["計画_v2.json", "計画_v2.xlsx"]
    assert {Path(s).parent for s in offered} == {plan.parent}
