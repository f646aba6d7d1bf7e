"""ヘルプ ▸ dxeditor について: version, the program's licence and the third-party notices."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core import paths

LICENSE_FILE = "LICENSE"
NOTICES_FILE = "THIRD-PARTY-NOTICES"


def read_bundled(name: str) -> str | None:
    """A licence file at the top of the program (source tree or frozen bundle), if present."""
    path: Path = paths.root() / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


class AboutDialog(QDialog):
    """Tabs: 概要 (version, Python, Qt), ライセンス (MIT), サードパーティ (notices of bundled software)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from dxeditor import __version__

        self.setWindowTitle(self.tr("dxeditor について"))
        self.tabs = QTabWidget(self)
        self.summary = summary = QLabel(self.tr(
            "<h2>dxeditor {0}</h2><p>自治体DX計画エディタ</p>"
            "<p>MIT ライセンスで提供しています。同梱しているソフトウェアとフォントのライセンスは"
            "「サードパーティ」タブにあります。</p>").format(__version__)
            + f"<p style='color:#5b6675'>Python {platform.python_version()} · Qt {qVersion()} · "
              f"PySide6 {pyside_version}</p>")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(summary)
        lay.addStretch(1)
        self.tabs.addTab(page, self.tr("概要"))
        missing = self.tr("ライセンスのファイルが見つかりません: {0}")
        self.license_text = self._text(read_bundled(LICENSE_FILE) or missing.format(LICENSE_FILE))
        self.notices_text = self._text(read_bundled(NOTICES_FILE) or missing.format(NOTICES_FILE))
        self.tabs.addTab(self.license_text, self.tr("ライセンス"))
        self.tabs.addTab(self.notices_text, self.tr("サードパーティ"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _text(self, text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        view.setFont(font)
        view.setPlainText(text)
        return view
