"""Plan properties: metadata, period, year and numbering styles, philosophy, and the phase legend.

The dialog edits a copy; OK applies everything as one undoable command (計画の設定の変更),
Cancel changes nothing. A refused value is shown in a message box and the dialog stays open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError, message_for
from dxeditor.core.fiscal import MAX_FY, MIN_FY, YearStyle, format_fy, format_fy_header
from dxeditor.core.numbering import GLYPHS, STYLE_NAMES, join_style, sample, split_style
from dxeditor.plan.changes import Recorder
from dxeditor.plan.ops import plan_meta as pm
from dxeditor.ui.undo import DocumentController

_BRUSHES = {"solid": Qt.BrushStyle.SolidPattern, "diagonal": Qt.BrushStyle.BDiagPattern,
            "cross": Qt.BrushStyle.DiagCrossPattern, "dots": Qt.BrushStyle.Dense6Pattern,
            "horizontal": Qt.BrushStyle.HorPattern, "vertical": Qt.BrushStyle.VerPattern,
            "outline": Qt.BrushStyle.NoBrush}
_LINE_FIELDS = ("title", "subtitle", "municipality", "issuing_department", "version_label", "formulation_date",
                "period_label")


def phase_swatch(color: str, pattern: str, width: int = 40, height: int = 16) -> QPixmap:
    """A small sample of a phase as drawn on screen: colour plus pattern, with a black outline."""
    pix = QPixmap(width, height)
    pix.fill(Qt.GlobalColor.white)
    p = QPainter(pix)
    c = QColor(color)
    if pattern == "solid":
        p.fillRect(0, 0, width, height, c)
    elif pattern != "outline":
        p.fillRect(0, 0, width, height, c.lighter(125))
        p.fillRect(0, 0, width, height, QBrush(c.darker(220), _BRUSHES.get(pattern, Qt.BrushStyle.SolidPattern)))
    p.setPen(QPen(Qt.GlobalColor.black, 2 if pattern == "outline" else 1))
    p.drawRect(0, 0, width - 1, height - 1)
    p.end()
    return pix


class PlanPropertiesDialog(QDialog):
    """計画の設定: metadata tab, 基本理念 tab and 工程区分 (phases) tab; OK = one undoable change."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("計画の設定"))
        conn = controller.doc.session.connection()
        self._plan = pm.plan_row(conn)
        self._phases: list[dict[str, Any]] = [{**p, "used": pm.bars_using(conn, p["key"])}
                                              for p in pm.list_phases(conn)]
        self._deleted: list[int] = []
        self.message_box: QMessageBox | None = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_general(), self.tr("基本情報"))
        self.tabs.addTab(self._build_texts(), self.tr("基本理念・目指す姿"))
        self.tabs.addTab(self._build_phases(), self.tr("工程区分"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self._update_previews()

    # --- building ---------------------------------------------------------------------------

    def _build_general(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        labels = {"title": self.tr("計画名"), "subtitle": self.tr("副題"), "municipality": self.tr("自治体名"),
                  "issuing_department": self.tr("発行部署"), "version_label": self.tr("版"),
                  "formulation_date": self.tr("策定日（表記どおり）"), "period_label": self.tr("期間の表記（任意）")}
        self.edits: dict[str, QLineEdit] = {}
        for key in _LINE_FIELDS:
            edit = QLineEdit(str(self._plan.get(key) or ""), page)
            edit.setObjectName(key)
            self.edits[key] = edit
        self.edits["formulation_date"].setPlaceholderText(self.tr("例: 令和5年11月"))
        self.edits["version_label"].setPlaceholderText(self.tr("例: Ver.2.0"))
        self.edits["period_label"].setPlaceholderText(self.tr("例: 令和3年11月〜令和8年3月（年度単位でないとき）"))
        for key in _LINE_FIELDS[:6]:
            form.addRow(labels[key], self.edits[key])
        self.start_combo = self._year_combo(self._plan["period_start_fy"])
        self.end_combo = self._year_combo(self._plan["period_end_fy"])
        period = QHBoxLayout()
        period.addWidget(self.start_combo)
        period.addWidget(QLabel(self.tr("〜"), page))
        period.addWidget(self.end_combo)
        period.addStretch(1)
        form.addRow(self.tr("計画期間"), period)
        form.addRow(labels["period_label"], self.edits["period_label"])
        self.year_style = QComboBox(page)
        for style in YearStyle:
            self.year_style.addItem(self.tr(pm.YEAR_STYLE_NAMES[style.value]), style.value)
        self.year_style.setCurrentIndex(max(0, self.year_style.findData(self._plan["year_style"])))
        form.addRow(self.tr("年度の表記"), self.year_style)
        self.year_preview = QLabel(page)
        self.year_preview.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.tr("見出しの例"), self.year_preview)
        glyph, per_section = split_style(self._plan["numbering_style"])
        self.numbering = QComboBox(page)
        self.numbering.setObjectName("numbering")
        for style in GLYPHS:
            self.numbering.addItem(STYLE_NAMES[style] if style != "none" else self.tr("なし"), style)
        self.numbering.setCurrentIndex(max(0, self.numbering.findData(glyph)))
        self.numbering_restart = QCheckBox(self.tr("セクションごとに 1 から数え直す"), page)
        self.numbering_restart.setObjectName("numberingRestart")
        self.numbering_restart.setChecked(per_section)
        numbering = QHBoxLayout()
        numbering.addWidget(self.numbering)
        numbering.addWidget(self.numbering_restart)
        numbering.addStretch(1)
        form.addRow(self.tr("取組の番号"), numbering)
        self.numbering_preview = QLabel(page)
        form.addRow(self.tr("番号の例"), self.numbering_preview)
        for w in (self.start_combo, self.end_combo, self.year_style, self.numbering):
            w.currentIndexChanged.connect(self._update_previews)
        self.numbering.currentIndexChanged.connect(
            lambda _i: self.numbering_restart.setChecked(split_style(self.numbering.currentData())[1]))
        self.numbering_restart.toggled.connect(self._update_previews)
        return page

    def _year_combo(self, fy: int) -> QComboBox:
        combo = QComboBox(self)
        for y in range(MIN_FY, MAX_FY + 1):
            combo.addItem(f"{format_fy(y)} ({y})", y)
        combo.setCurrentIndex(combo.findData(fy))
        combo.setMaxVisibleItems(15)
        return combo

    def _build_texts(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.philosophy = QPlainTextEdit(str(self._plan.get("basic_philosophy") or ""), page)
        self.vision = QPlainTextEdit(str(self._plan.get("vision") or ""), page)
        for edit in (self.philosophy, self.vision):
            edit.setTabChangesFocus(True)
        form.addRow(self.tr("基本理念"), self.philosophy)
        form.addRow(self.tr("目指す姿"), self.vision)
        return page

    def _build_phases(self) -> QWidget:
        page = QWidget(self)
        self.phase_table = QTableWidget(0, 4, page)
        self.phase_table.setHorizontalHeaderLabels([self.tr("名前"), self.tr("色"), self.tr("模様"), self.tr("使用数")])
        self.phase_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.phase_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.phase_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.phase_table.verticalHeader().setVisible(False)
        self.phase_table.setIconSize(QSize(36, 14))
        self.phase_table.itemChanged.connect(self._phase_item_changed)
        self.phase_table.cellDoubleClicked.connect(lambda r, c: self.choose_color() if c == 1 else None)
        buttons = QVBoxLayout()
        self.phase_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("add", self.tr("追加"), self.add_phase), ("delete", self.tr("削除"), self.delete_phase),
                                ("up", self.tr("上へ"), lambda: self.move_phase(-1)),
                                ("down", self.tr("下へ"), lambda: self.move_phase(1)),
                                ("color", self.tr("色を選択…"), self.choose_color)):
            b = QPushButton(text, page)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            self.phase_buttons[key] = b
        buttons.addStretch(1)
        note = QLabel(self.tr("白黒印刷でも区別できるよう、区分ごとに模様を変えてください。"), page)
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.phase_table, 1)
        row.addLayout(buttons)
        layout.addLayout(row)
        layout.addWidget(note)
        self._fill_phases()
        return page

    def _fill_phases(self, select: int | None = None) -> None:
        t = self.phase_table
        t.blockSignals(True)
        t.setRowCount(len(self._phases))
        for r, p in enumerate(self._phases):
            t.setItem(r, 0, QTableWidgetItem(p["name"]))
            color = QTableWidgetItem(QIcon(phase_swatch(p["color"], p["pattern"])), p["color"])
            color.setFlags(color.flags() & ~Qt.ItemFlag.ItemIsEditable)
            t.setItem(r, 1, color)
            combo = QComboBox(t)
            combo.setIconSize(QSize(36, 14))
            for key in pm.PATTERNS:
                combo.addItem(QIcon(phase_swatch(p["color"], key)), self.tr(pm.PATTERN_NAMES[key]), key)
            combo.setCurrentIndex(combo.findData(p["pattern"]))
            combo.currentIndexChanged.connect(lambda _i, row=r, cb=combo: self._set_pattern(row, cb.currentData()))
            t.setCellWidget(r, 2, combo)
            used = QTableWidgetItem(str(p["used"]))
            used.setFlags(used.flags() & ~Qt.ItemFlag.ItemIsEditable)
            used.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, 3, used)
        t.blockSignals(False)
        t.resizeColumnToContents(1)
        t.resizeColumnToContents(2)
        if select is not None and 0 <= select < len(self._phases):
            t.selectRow(select)

    # --- phase editing (on the copy) --------------------------------------------------------

    def _current_phase(self) -> int:
        rows = self.phase_table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.phase_table.currentRow()

    def _phase_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self._phases[item.row()]["name"] = item.text()

    def _set_pattern(self, row: int, pattern: str) -> None:
        self._phases[row]["pattern"] = pattern
        item = self.phase_table.item(row, 1)
        item.setIcon(QIcon(phase_swatch(self._phases[row]["color"], pattern)))

    def add_phase(self) -> None:
        """Append a new phase (named 新しい区分) and start editing its name."""
        names = {p["name"] for p in self._phases}
        name, n = self.tr("新しい区分"), 2
        while name in names:
            name, n = f"{self.tr('新しい区分')}{n}", n + 1
        self._phases.append({"id": None, "key": None, "name": name, "color": "#9e9e9e", "pattern": "solid", "used": 0})
        self._fill_phases(len(self._phases) - 1)
        self.phase_table.setCurrentCell(len(self._phases) - 1, 0)
        self.phase_table.editItem(self.phase_table.item(len(self._phases) - 1, 0))

    def delete_phase(self) -> None:
        """Remove the selected phase (refused at once when bars use it)."""
        r = self._current_phase()
        if not 0 <= r < len(self._phases):
            return
        p = self._phases[r]
        if p["used"]:
            self.show_error(self.tr("工程区分「{0}」は {1} 本の工程で使われているため削除できません。"
                                    "工程の区分を変更してから削除してください。").format(p["name"], p["used"]))
            return
        if p["id"] is not None:
            self._deleted.append(p["id"])
        del self._phases[r]
        self._fill_phases(min(r, len(self._phases) - 1))

    def move_phase(self, delta: int) -> None:
        """Move the selected phase up (-1) or down (+1) in the legend."""
        r = self._current_phase()
        if not (0 <= r < len(self._phases) and 0 <= r + delta < len(self._phases)):
            return
        self._phases.insert(r + delta, self._phases.pop(r))
        self._fill_phases(r + delta)

    def ask_color(self, initial: QColor) -> QColor | None:
        """Ask for a colour (QColorDialog); None when cancelled."""
        color = QColorDialog.getColor(initial, self, self.tr("工程区分の色"))
        return color if color.isValid() else None

    def choose_color(self) -> None:
        """Pick the selected phase's colour."""
        r = self._current_phase()
        if not 0 <= r < len(self._phases):
            return
        color = self.ask_color(QColor(self._phases[r]["color"]))
        if color is not None:
            self._phases[r]["color"] = color.name()
            self._fill_phases(r)

    # --- previews and applying --------------------------------------------------------------

    def _update_previews(self) -> None:
        start, end = self.start_combo.currentData(), self.end_combo.currentData()
        fys = list(range(start, min(end, start + 5) + 1)) if start <= end else [start]
        cells = format_fy_header(fys, self.year_style.currentData())
        if start <= end and end > start + 5:
            cells.append("…")
        td = "<td style='border:1px solid #555; padding:2px 6px'>{}</td>"
        self.year_preview.setText("<table cellspacing='0'><tr>" + "".join(td.format(c) for c in cells)
                                  + "</tr></table>")
        glyph = self.numbering.currentData()
        self.numbering_restart.setEnabled(glyph in ("paren", "circled", "plain"))
        numbers = sample(self.numbering_style())
        self.numbering_preview.setText(self.tr("{0}　{1}　（次のセクション）{2}").format(
            *(n or self.tr("（番号なし）") for n in numbers)))

    def numbering_style(self) -> str:
        """The numbering style as chosen: glyph and whether each section restarts at 1."""
        return join_style(self.numbering.currentData(), self.numbering_restart.isChecked())

    def plan_fields(self) -> dict[str, Any]:
        """The metadata as entered."""
        fields: dict[str, Any] = {k: e.text() for k, e in self.edits.items()}
        fields.update(period_start_fy=self.start_combo.currentData(), period_end_fy=self.end_combo.currentData(),
                      year_style=self.year_style.currentData(), numbering_style=self.numbering_style(),
                      basic_philosophy=self.philosophy.toPlainText(), vision=self.vision.toPlainText())
        return fields

    def _apply(self, rec: Recorder) -> None:
        pm.update_plan(rec, **self.plan_fields())
        for pid in self._deleted:
            pm.delete_phase(rec, pid)
        ids = []
        for p in self._phases:
            if p["id"] is None:
                ids.append(pm.add_phase(rec, p["name"], p["color"], p["pattern"]))
            else:
                pm.update_phase(rec, p["id"], name=p["name"], color=p["color"], pattern=p["pattern"])
                ids.append(p["id"])
        pm.reorder_phases(rec, ids)

    def accept(self) -> None:
        """Apply everything as one undoable change; on a refusal, say why and stay open."""
        try:
            self.controller.execute(self.tr("計画の設定の変更"), self._apply)
        except DxError as exc:  # shown to the user, never a traceback
            self.show_error(message_for(exc))
            return
        super().accept()

    def show_error(self, text: str) -> None:
        """A warning box (window-modal, does not block the caller)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("計画の設定"), text, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()
