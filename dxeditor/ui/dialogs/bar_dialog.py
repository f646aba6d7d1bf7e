"""The bar dialog: exact start and end month (in the plan's year style), phase, lane, label, continuation.

Opened by double-clicking a bar, from its context menu (「詳細…」) or with Enter / Alt+Enter
on a selected bar. OK applies every change as one undoable command
(:func:`dxeditor.plan.ops.schedule.update_bar`); Cancel changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from dxeditor.core.fiscal import YearStyle, format_fy, format_month, fy_of, month_index
from dxeditor.plan.ops import schedule as ops

if TYPE_CHECKING:
    from dxeditor.ui.schedule.canvas import ScheduleCanvas

FISCAL_MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)
YEARS_AROUND = 5  # fiscal years offered before and after the plan period


class MonthPicker(QWidget):
    """A fiscal year (written in the plan's style) and a month: one month index."""

    def __init__(self, years: range, style: YearStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QComboBox(self)
        self.month = QComboBox(self)
        for fy in years:
            self.year.addItem(format_fy(fy, style), fy)
        for m in FISCAL_MONTHS:
            self.month.addItem(self.tr("{0}月").format(m), m)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.year, 1)
        lay.addWidget(self.month)
        self.setFocusProxy(self.year)

    def set_value(self, index: int) -> None:
        """Show month ``index``."""
        self.year.setCurrentIndex(max(0, self.year.findData(fy_of(index))))
        self.month.setCurrentIndex(index % 12)  # index 0 is April of the fiscal year

    def value(self) -> int:
        """The month index shown."""
        return month_index(int(self.year.currentData()), int(self.month.currentData()))


class BarDialog(QDialog):
    """Edit one bar's exact values; :meth:`changes` gives what differs from the stored bar."""

    def __init__(self, canvas: ScheduleCanvas, bar_id: int, row_id: int) -> None:
        super().__init__(canvas)
        self.setObjectName("barDialog")
        self.setWindowTitle(self.tr("工程の詳細"))
        data = canvas.data
        bar = data.bar(bar_id, row_id)
        assert bar is not None
        self.bar = bar
        self.style_ = data.year_style
        lo, hi = data.period
        years = range(min(lo - YEARS_AROUND, fy_of(bar.start)), max(hi + YEARS_AROUND, fy_of(bar.end)) + 1)
        self.start = MonthPicker(years, self.style_, self)
        self.start.setObjectName("start")
        self.end = MonthPicker(years, self.style_, self)
        self.end.setObjectName("end")
        self.start.set_value(bar.start)
        self.end.set_value(bar.end)
        self.phase = QComboBox(self)
        self.phase.setObjectName("phase")
        for ph in data.phases:
            self.phase.addItem(ph.name, ph.key)
        self.phase.setCurrentIndex(max(0, self.phase.findData(bar.phase)))
        self.lane = QSpinBox(self)
        self.lane.setObjectName("lane")
        self.lane.setRange(1, ops.MAX_LANE + 1)
        self.lane.setValue(bar.lane + 1)
        self.lane.setSuffix(self.tr(" 段目"))
        self.label = QPlainTextEdit(bar.label, self)
        self.label.setObjectName("label")
        self.label.setTabChangesFocus(True)
        self.label.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.label.setToolTip(self.tr("長いラベルは折り返して入力できます（改行は空白として保存されます）"))
        self.continues = QCheckBox(self.tr("計画期間の後も続く（→ 継続の矢印）"), self)
        self.continues.setObjectName("continues")
        self.continues.setChecked(bar.continues)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("開始(&S)"), self.start)
        form.addRow(self.tr("終了(&E)"), self.end)
        form.addRow("", self.summary)
        form.addRow(self.tr("工程の種類(&P)"), self.phase)
        form.addRow(self.tr("段(&L)"), self.lane)
        form.addRow(self.tr("ラベル(&B)"), self.label)
        form.addRow("", self.continues)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for picker in (self.start, self.end):
            picker.year.currentIndexChanged.connect(self._update_summary)
            picker.month.currentIndexChanged.connect(self._update_summary)
        self._update_summary()
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_summary(self) -> None:
        s, e = self.start.value(), self.end.value()
        ok = e >= s
        self.summary.setText(f"{format_month(s, self.style_)}〜{format_month(e, self.style_)}"
                             + self.tr("（{0}か月）").format(e - s + 1) if ok else "")
        self.error.setText("" if ok else self.tr("終了は開始と同じか後の月にしてください。"))
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(ok)

    def changes(self) -> dict[str, Any]:
        """The values that differ from the stored bar."""
        b = self.bar
        now = {"start": self.start.value(), "end": self.end.value(), "phase": self.phase.currentData(),
               "lane": self.lane.value() - 1, "label": " ".join(self.label.toPlainText().splitlines()).strip(),
               "continues": self.continues.isChecked()}
        old = {"start": b.start, "end": b.end, "phase": b.phase, "lane": b.lane, "label": b.label,
               "continues": b.continues}
        return {k: v for k, v in now.items() if v != old[k]}


def edit_bar(canvas: ScheduleCanvas, bar_id: int, row_id: int) -> BarDialog | None:
    """Open the dialog (window-modal, not blocking); OK applies the changes as one command."""
    if canvas.data.bar(bar_id, row_id) is None:
        return None
    dialog = BarDialog(canvas, bar_id, row_id)

    def apply() -> None:
        values = dialog.changes()
        if values:
            canvas.run(QCoreApplication.translate("ScheduleCanvas", "工程の編集"), lambda rec: ops.update_bar(rec, bar_id, **values))
        canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    dialog.accepted.connect(apply)
    dialog.finished.connect(dialog.deleteLater)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
