"""The small dialogs of ファイル ▸ 版: a version's label, date and note; the two sides of a comparison.

Also the defaults they offer (the next Ver.x.y, a date in the plan's style) and the
outline item a change of a comparison is about.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError
from dxeditor.core.fiscal import format_month, index_of_calendar
from dxeditor.plan import versions

CURRENT = "current"
FILE = "file"  # 別の計画ファイル… (a plan file is named by its path)
_VER = re.compile(r"^\s*ver\.?\s*(\d+)\.(\d+)\s*$", re.IGNORECASE)


def default_label(labels: list[str], plan_label: str = "") -> str:
    """The label offered for a new version: the plan's own 版 when unused, else the next Ver.x.y."""
    if plan_label.strip() and plan_label.strip() not in labels:
        return plan_label.strip()
    numbers = [(int(m.group(1)), int(m.group(2))) for m in map(_VER.match, labels) if m]
    if not numbers:
        return "Ver.1.0"
    major, minor = max(numbers)
    candidate = f"Ver.{major}.{minor + 1}"
    while candidate in labels:
        minor += 1
        candidate = f"Ver.{major}.{minor + 1}"
    return candidate


def local_time(iso_utc: str) -> str:
    """A stored UTC time (2024-03-05T01:02:03Z) as local time for the list: 2024-03-05 10:02."""
    try:
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return iso_utc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def date_suggestions(style: str, today: date | None = None, first: bool = False) -> list[str]:
    """Dates in the plan's style for this month: 令和6年3月改定, 令和6年3月策定, 令和6年3月."""
    today = today or date.today()
    month = format_month(index_of_calendar(today.year, today.month), style)
    words = ("策定", "改定") if first else ("改定", "策定")
    return [month + words[0], month + words[1], month]


def item_of_change(conn: Any, key: str) -> tuple[str, int] | None:
    """The outline item (kind, id) a change's key is about, in the plan on ``conn``; None for plan-wide ones."""
    from sqlalchemy import select

    from dxeditor.store import models as m

    parts = key.split(":")
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    kind, item_id = parts[0], int(parts[1])
    if kind in ("section", "initiative", "row"):
        return kind, item_id
    owner = {"kpi": (m.Kpi.initiative_id, m.Kpi.id, "initiative"), "bars": (m.Bar.row_id, m.Bar.id, "row"),
             "milestones": (m.Milestone.row_id, m.Milestone.id, "row")}.get(kind)
    if owner is None:
        return None
    found = conn.execute(select(owner[0]).where(owner[1] == item_id)).scalar()
    return (owner[2], int(found)) if found is not None else None


class VersionEditDialog(QDialog):
    """Label, date and note of a version; OK runs ``apply(label, date, note)``, which may refuse."""

    def __init__(self, title: str, label: str, date_text: str, note: str, dates: list[str],
                 apply: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionEditDialog")
        self.setWindowTitle(title)
        self.apply = apply
        self.label_edit = QLineEdit(label, self)
        self.label_edit.setObjectName("labelEdit")
        self.label_edit.setMaxLength(versions.MAX_LABEL)
        self.label_edit.selectAll()
        self.date_edit = QComboBox(self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setEditable(True)
        self.date_edit.addItems([d for d in dict.fromkeys([date_text, *dates]) if d or not dates])
        self.date_edit.setEditText(date_text)
        self.note_edit = QPlainTextEdit(note, self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("版の名前(&L)"), self.label_edit)
        form.addRow(self.tr("日付(&D)"), self.date_edit)
        form.addRow(self.tr("メモ(&M)"), self.note_edit)
        hint = QLabel(self.tr("日付は印刷されるとおりに書きます（例: 令和4年3月策定、令和6年3月改定）。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def try_accept(self) -> None:
        """Apply; a refused value is shown and the dialog stays open with everything typed."""
        try:
            self.apply(self.label_edit.text(), self.date_edit.currentText(), self.note_edit.toPlainText())
        except DxError as exc:
            QMessageBox.warning(self, "dxeditor", exc.message())
            self.label_edit.setFocus()
            return
        self.accept()


class CompareChooser(QDialog):
    """Choose the two sides of a comparison: any version or 現在."""

    def __init__(self, labels: list[str], before: str, after: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareChooser")
        self.setWindowTitle(self.tr("版の比較"))
        self.before = QComboBox(self)
        self.after = QComboBox(self)
        for combo in (self.before, self.after):
            for label in labels:
                combo.addItem(label, label)
            combo.addItem(self.tr("現在の計画"), CURRENT)
            combo.addItem(self.tr("別の計画ファイル…"), FILE)
        self.before.setCurrentIndex(max(0, self.before.findData(before)))
        self.after.setCurrentIndex(max(0, self.after.findData(after)))
        self._last = {self.before: self.before.currentIndex(), self.after: self.after.currentIndex()}
        for combo in (self.before, self.after):
            combo.activated.connect(lambda _i, c=combo: self._maybe_file(c))
        form = QFormLayout()
        form.addRow(self.tr("改定前(&B)"), self.before)
        form.addRow(self.tr("改定後(&A)"), self.after)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def _maybe_file(self, combo: QComboBox) -> None:
        """別の計画ファイル…: choose a .dxplan; it becomes an entry of the list."""
        if combo.currentData() != FILE:
            self._last[combo] = combo.currentIndex()
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("比べる計画ファイル"), "",
                                              self.tr("dxeditor 計画ファイル (*.dxplan)"))
        if not path:
            combo.setCurrentIndex(self._last[combo])
            return
        self.add_file(combo, path)

    def add_file(self, combo: QComboBox, path: str) -> None:
        """Offer plan file ``path`` as a side and choose it in ``combo``."""
        at = combo.findData(path)
        if at < 0:
            at = combo.count() - 1  # before 別の計画ファイル…
            combo.insertItem(at, Path(path).name, path)
            combo.setItemData(at, path, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(at)
        self._last[combo] = at

    def sides(self) -> tuple[str, str]:
        """(before, after): version labels or ``current``."""
        return str(self.before.currentData()), str(self.after.currentData())
