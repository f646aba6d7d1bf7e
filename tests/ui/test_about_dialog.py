"""ヘルプ ▸ dxeditor について shows the version, the MIT licence and the third-party notices."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from dxeditor import __version__
from dxeditor.ui.dialogs import about_dialog
from dxeditor.ui.dialogs.about_dialog import AboutDialog


def test_about_dialog_has_the_licence_and_the_notices(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["概要", "ライセンス", "サードパーティ"]
    assert dialog.license_text.toPlainText().startswith("MIT License")
    notices = dialog.notices_text.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices and "SIL OPEN FONT LICENSE" in notices
    assert "PySide6" in notices and "XlsxWriter".lower() in notices.lower()
    assert f"dxeditor {__version__}" in dialog.summary.text()


def test_a_missing_licence_file_is_said_plainly(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(about_dialog.paths, "root", lambda: tmp_path)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.license_text.toPlainText() == "ライセンスのファイルが見つかりません: LICENSE"


def test_help_menu_opens_it(qtbot, window, monkeypatch) -> None:
    opened: list[AboutDialog] = []

    def fake_exec(self) -> int:
        opened.append(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AboutDialog, "exec", fake_exec)
    window.about_action.trigger()
    assert len(opened) == 1 and opened[0].notices_text.toPlainText()
