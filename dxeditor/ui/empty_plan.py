"""The first-run hint of an empty plan, and tooltips that name an action's shortcut.

A blank plan used to be an empty screen: nothing said where the plan period and the
numbering are set or how to add the first initiative. The hint fills the outline and
schedule area until the plan has its first item.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

_MNEMONIC = re.compile(r"\(&.\)|&(?=.)")


def plain_text(action: QAction) -> str:
    """An action's text without its mnemonic 「(&S)」 and trailing 「…」."""
    return _MNEMONIC.sub("", action.text()).rstrip("…").strip()


def tooltip_with_keys(action: QAction) -> str:
    """「保存 (Ctrl+S)」: the action's name and its first shortcut, as the toolbar shows on hover."""
    text = plain_text(action)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = f"{text} ({keys})" if keys else text
    status = action.statusTip()
    return f"{tip}\n{status}" if status else tip


class EmptyPlanHint(QWidget):
    """「この計画にはまだ取組がありません」 with 計画の設定… / 取組を追加 / セクションを追加."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyPlanHint")
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("この計画にはまだ取組がありません"), self)
        title.setObjectName("emptyPlanTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(self.tr(
            "はじめに「計画の設定」で計画期間（何年度から何年度まで）、年度の表記、取組の番号の付け方"
            "（(1)、①、1-1 …）を決めます。あとからでも ファイル ▸ 計画のプロパティ で変えられます。\n"
            "次に、基本方針などのまとまりを「セクション」として、その下に「取組」を追加します。"
            "取組を選ぶと右の欄で内容を、工程表の行を追加すると右側の工程表で工程を編集できます。\n"
            "F1 キーでいつでもヘルプを開けます。"), self)
        text.setWordWrap(True)
        text.setMaximumWidth(640)
        self.settings_button = QPushButton(self.tr("計画の設定(&P)…"), self)
        self.settings_button.setObjectName("hintPlanSettings")
        self.section_button = QPushButton(self.tr("セクションを追加"), self)
        self.section_button.setObjectName("hintAddSection")
        self.initiative_button = QPushButton(self.tr("取組を追加"), self)
        self.initiative_button.setObjectName("hintAddInitiative")
        self.settings_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.settings_button, self.section_button, self.initiative_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addSpacing(12)
        lay.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addSpacing(16)
        lay.addLayout(buttons)
        lay.addStretch(2)

    def follow(self, pairs: list[tuple[QPushButton, QAction]]) -> None:
        """Keep each button enabled exactly when its action is (off on a read-only plan)."""
        for button, action in pairs:
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            button.setEnabled(action.isEnabled())
