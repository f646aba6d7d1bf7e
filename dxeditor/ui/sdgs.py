"""The SDGs picker: the 17 goals as numbered badges in their official colours."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QWidget

#: Official colours of SDGs goals 1–17 (UN communications guidelines).
SDG_COLORS = ("#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942", "#FD6925",
              "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D", "#19486A")
#: Japanese short names of the goals (外務省 / 国連広報センター).
SDG_NAMES = ("貧困をなくそう", "飢餓をゼロに", "すべての人に健康と福祉を", "質の高い教育をみんなに",
             "ジェンダー平等を実現しよう", "安全な水とトイレを世界中に", "エネルギーをみんなに そしてクリーンに",
             "働きがいも経済成長も", "産業と技術革新の基盤をつくろう", "人や国の不平等をなくそう",
             "住み続けられるまちづくりを", "つくる責任 つかう責任", "気候変動に具体的な対策を", "海の豊かさを守ろう",
             "陸の豊かさも守ろう", "平和と公正をすべての人に", "パートナーシップで目標を達成しよう")


class SdgBadge(QAbstractButton):
    """One goal: a coloured square with its number; grey when not chosen."""

    SIZE = 34

    def __init__(self, goal: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal = goal
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        name = self.tr(SDG_NAMES[goal - 1])  # translated by source text (ui/lower_strings.py)
        self.setToolTip(f"{goal}. {name}")
        self.setAccessibleName(f"SDGs {goal} {name}")
        self.setText(str(goal))

    def sizeHint(self) -> QSize:
        return QSize(self.SIZE, self.SIZE)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        colour = QColor(SDG_COLORS[self.goal - 1])
        if self.isChecked():
            p.setBrush(colour)
            p.setPen(Qt.PenStyle.NoPen)
        else:
            p.setBrush(QColor("#f4f4f4"))
            p.setPen(QColor("#c8c8c8"))
        p.drawRoundedRect(r, 4, 4)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(15)
        p.setFont(font)
        p.setPen(QColor("white") if self.isChecked() else QColor("#9a9a9a"))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(self.goal))
        if self.hasFocus():
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("#202020"))
            p.drawRoundedRect(r.adjusted(-1, -1, 1, 1), 5, 5)
        p.end()


class SdgPicker(QWidget):
    """17 toggle badges in two rows; ``goals()`` / ``set_goals()``; emits :attr:`edited` on a click."""

    edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.badges: list[SdgBadge] = []
        for goal in range(1, 18):
            badge = SdgBadge(goal, self)
            badge.clicked.connect(lambda _checked=False: self.edited.emit(self.goals()))
            grid.addWidget(badge, (goal - 1) // 9, (goal - 1) % 9)
            self.badges.append(badge)
        grid.setColumnStretch(9, 1)

    def goals(self) -> list[int]:
        """The chosen goals in order."""
        return [b.goal for b in self.badges if b.isChecked()]

    def set_goals(self, goals: list[int]) -> None:
        """Show ``goals`` as chosen (no signal)."""
        wanted = set(goals)
        for b in self.badges:
            b.setChecked(b.goal in wanted)
