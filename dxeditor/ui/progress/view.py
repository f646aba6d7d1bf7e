"""The progress view (進捗管理): ratings of initiatives × fiscal years, the review texts, KPI targets and actuals.

A tab beside the schedule. The rating grid is edited like Excel (type A–D, arrows,
Ctrl+C / Ctrl+V, Delete); the texts of the current cell's review (実績・成果, 課題,
今後の方向性) are edited below it; the KPI grid has a target and an actual column per
fiscal year, the achievement rate and ▲▼ of the chosen year and a small trend chart.
Every edit is one undoable change of the window's undo stack.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError
from dxeditor.plan.changes import ChangeSet
from dxeditor.plan.ops import progress as ops
from dxeditor.plan.progress import REVIEW_TEXTS
from dxeditor.ui.progress.chart import TrendDelegate
from dxeditor.ui.progress.grid import ExcelGrid
from dxeditor.ui.progress.models import WATCHED, KpiModel, ProgressSource, RatingModel
from dxeditor.ui.undo import DocumentController

WORD_JOINER = "\u2060"  # no line break here (invisible)
ITEM_TABLES = {"initiatives", "sections", "plan", "kpis"}


class ProgressView(QWidget):
    """Ratings grid, review texts and KPI grid of the open plan."""

    refused = Signal(str)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self.controller = controller
        self.source = ProgressSource(controller)
        self.ratings = RatingModel(self.source, self)
        self.kpis = KpiModel(self.source, self)
        self._matches: set[tuple[str, int]] | None = None
        self._filter_pending = False
        #: The review the texts below the grid show: (line kind, id, fiscal year).
        self._review_key: tuple[str, int, int] | None = None

        # The tab must not widen the window past a small screen (1366×768 at 200 %): the view may be
        # narrower than its contents, which then scroll or clip, as the schedule beside it does.
        self.setMinimumSize(60, 60)
        self.year_combo = QComboBox(self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)  # the scale's words wrap on a narrow screen instead of widening the window
        self.legend.setMinimumWidth(0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("評価年度"), self))
        top.addWidget(self.year_combo)
        top.addSpacing(16)
        self.rows_check = QCheckBox(self.tr("工程表の行も評価する(&W)"), self)
        self.rows_check.setObjectName("rateRows")
        self.rows_check.setToolTip(self.tr("取組の下に工程表の行を並べ、行ごとに評価と内容を入力します"))
        self.rows_check.toggled.connect(self.show_rows)
        top.addWidget(self.rows_check)
        top.addStretch(1)

        self.rating_grid = ExcelGrid(self, quick_keys=True)
        self.rating_grid.setObjectName("ratingGrid")
        self.rating_grid.setModel(self.ratings)
        header = self.rating_grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(72)
        header.resizeSection(0, 360)

        self.review_box = QGroupBox(self.tr("評価の内容"), self)
        form = QFormLayout(self.review_box)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, label in zip(REVIEW_TEXTS, (self.tr("実績・成果"), self.tr("課題"), self.tr("今後の方向性")),
                              strict=True):
            edit = QPlainTextEdit(self.review_box)
            edit.setObjectName(f"review_{key}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(54)
            self.texts[key] = edit
            form.addRow(label, edit)
        self.entered = QLabel(self.review_box)
        self.apply_button = QPushButton(self.tr("反映"), self.review_box)
        self.apply_button.clicked.connect(self.commit_texts)
        row = QHBoxLayout()
        row.addWidget(self.entered, 1)
        row.addWidget(self.apply_button)
        form.addRow(row)

        self.kpi_grid = ExcelGrid(self)
        self.kpi_grid.setObjectName("kpiGrid")
        self.kpi_grid.setModel(self.kpis)
        self.kpi_grid.verticalHeader().setDefaultSectionSize(30)
        kh = self.kpi_grid.horizontalHeader()
        kh.setDefaultSectionSize(64)
        kh.resizeSection(0, 160)
        kh.resizeSection(1, 200)
        self.trend = TrendDelegate(lambda: self.source.years, self)
        self.lower_action = QAction(self.tr("下がるほど良い指標（待ち時間など）"), self.kpi_grid)
        self.lower_action.setCheckable(True)
        self.lower_action.triggered.connect(self._set_lower_is_better)
        self.kpi_grid.addAction(self.lower_action)
        self.kpi_grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.rating_grid)
        split.addWidget(self.review_box)
        split.addWidget(self.kpi_grid)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(2, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.addLayout(top)
        lay.addWidget(self.legend)  # on a line of its own: the scale's words wrap there on a narrow screen
        lay.addWidget(split, 1)

        self.ratings.refused.connect(self.refused)
        self.kpis.refused.connect(self.refused)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.rating_grid.selectionModel().currentChanged.connect(self._current_changed)
        self.kpi_grid.selectionModel().currentChanged.connect(lambda *_: self._kpi_current())
        controller.changed.connect(self._changed)
        controller.reset.connect(self._reset)
        #: The plan is read when the view is first needed (shown, or its tab chosen), not at start-up:
        #: it sits in a tab behind the schedule, and reading a large plan's progress takes a while.
        self.loaded = False

    # ------------------------------------------------------------------ loading
    def ensure_loaded(self) -> None:
        """Read the plan now unless the view already has (it is read when first needed)."""
        if not self.loaded:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)
        if self._filter_pending:  # the filter set while the tab was hidden
            self.apply_filter(self._matches)

    def _reset(self) -> None:
        if self.loaded:  # not read yet: the new document is read when the view is first needed
            self.reload()

    def reload(self) -> None:
        """Read everything again (a new document, or the outline changed)."""
        self.loaded = True
        self._review_key = None
        self.ratings.beginResetModel()
        self.source.reload()
        self.ratings.endResetModel()
        self.kpis.load()
        self._fill_years()
        self._set_legend()
        self._place_trend_column()
        self.apply_filter(self._matches)
        self._show_review()

    def _fill_years(self) -> None:
        keep = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for fy in self.source.years:
            self.year_combo.addItem(self.source.year_label(fy), fy)
        data = self.source.data
        entered = data.years_with_data() if data else []
        choice = keep if keep in self.source.years else (entered[-1] if entered and entered[-1] in self.source.years
                                                         else (self.source.years[0] if self.source.years else None))
        if choice is not None:
            self.year_combo.setCurrentIndex(self.source.years.index(choice))
            self.kpis.set_year(choice)
        self.year_combo.blockSignals(False)

    def _set_legend(self) -> None:
        scale = self.source.data.scale if self.source.data else None
        if scale is None:
            return
        # a rating's key and name wrap as one (Japanese breaks between any two characters: 未着手・中 / 止);
        # word joiners hold them together, so lines break between the ratings and in the hint only
        def unbroken(text: str) -> str:
            return WORD_JOINER.join(html.escape(ch) for ch in text)

        parts = [f'<span style="background:{r.color}">&nbsp;<b>{unbroken(r.key)}</b>&nbsp;</span>'
                 f"{WORD_JOINER}&nbsp;{WORD_JOINER}{unbroken(r.name)}" for r in scale.ratings]
        self.legend.setText("　".join(parts) + "　" + html.escape(self.tr("（セルを選んで記号を入力。Delete で消去）")))

    def _place_trend_column(self) -> None:
        col = self.kpis.columnCount() - 1
        for c in range(self.kpis.columnCount()):
            self.kpi_grid.setItemDelegateForColumn(c, None)  # type: ignore[arg-type]
        self.kpi_grid.setItemDelegateForColumn(col, self.trend)
        self.kpi_grid.horizontalHeader().resizeSection(col, 140)

    def _changed(self, changeset: ChangeSet) -> None:
        if not self.loaded:
            return  # read afresh when first needed
        tables = changeset.tables()
        items = ITEM_TABLES | ({"schedule_rows"} if self.source.with_rows else set())
        if not tables & (WATCHED | items):
            return
        if tables & items:
            self.reload()
            return
        self.source.reload_progress()
        self.ratings.refresh()
        self.kpis.refresh()
        self._show_review()

    def show_rows(self, on: bool) -> None:
        """Rate schedule rows too (lines under their initiatives), or initiatives only."""
        self.commit_texts()
        self.source.with_rows = on
        self.reload()

    # ------------------------------------------------------------------ filtering
    def apply_filter(self, matches: set[tuple[str, int]] | None) -> None:
        """Show only initiatives that match the outline's filter (or hold a matching row); None shows all."""
        self._matches = matches
        if not self.loaded:
            return  # applied when the view is read
        if not self.isVisible():  # the filter follows every edit in the outline: applied when shown
            self._filter_pending = True
            return
        self._filter_pending = False
        visible: set[int] | None = None
        rows: set[int] = set()
        if matches is not None:
            visible = {i for kind, i in matches if kind == "initiative"}
            rows = {i for kind, i in matches if kind == "row"}
            if rows:
                from sqlalchemy import select

                from dxeditor.store import models as m

                conn = self.controller.doc.session.connection()
                visible |= set(conn.execute(select(m.ScheduleRow.initiative_id)
                                            .where(m.ScheduleRow.id.in_(rows))).scalars())
        for n, line in enumerate(self.source.lines):
            hidden = visible is not None and (line.initiative_id not in visible if line.kind == "initiative"
                                              else line.id not in rows and line.initiative_id not in visible)
            if self.rating_grid.isRowHidden(n) != hidden:
                self.rating_grid.setRowHidden(n, hidden)
        for n, k in enumerate(self.kpis.kpis):
            hidden = visible is not None and k.initiative_id not in visible
            if self.kpi_grid.isRowHidden(n) != hidden:
                self.kpi_grid.setRowHidden(n, hidden)

    # ------------------------------------------------------------------ the review texts
    def _year_chosen(self, _n: int) -> None:
        fy = self.year_combo.currentData()
        if fy is not None:
            self.kpis.set_year(int(fy))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_texts()
        fy = self.ratings.fy_of(current.column()) if current.isValid() else None
        if fy is None and current.isValid():
            fy = self.year_combo.currentData()
        line = self.source.lines[current.row()] if current.isValid() else None
        self._review_key = (line.kind, line.id, int(fy)) if line is not None and fy else None
        self._show_review()

    def _show_review(self) -> None:
        key = self._review_key
        line = next((ln for ln in self.source.lines if key and ln.key == key[:2]), None)
        review = self.source.review(line, key[2]) if line and key else None
        enabled = line is not None
        title = ""
        if line is not None and key is not None:
            title = f"{line.number} {line.title.strip()}　{self.source.year_label(key[2])}".strip()
        self.review_box.setTitle(self.tr("評価の内容") + (f"：{title}" if title else ""))
        for name, edit in self.texts.items():
            text = getattr(review, name) if review else ""
            if edit.toPlainText() != text:
                edit.setPlainText(text)
            edit.setEnabled(enabled)
        self.apply_button.setEnabled(enabled)
        self.entered.setText(self.tr("入力: {0}　{1}").format(review.entered_by, review.entered_at[:16].replace("T", " "))
                             if review and review.entered_by else "")

    def _kpi_current(self) -> None:
        row = self.kpi_grid.currentIndex().row()
        kpi = self.kpis.kpis[row] if 0 <= row < len(self.kpis.kpis) else None
        self.lower_action.setEnabled(kpi is not None)
        self.lower_action.setChecked(bool(kpi and kpi.lower_is_better))

    def _set_lower_is_better(self, checked: bool) -> None:
        """The current KPI is one where less is better (the rate's formula stays the same)."""
        row = self.kpi_grid.currentIndex().row()
        if not 0 <= row < len(self.kpis.kpis):
            return
        kid = self.kpis.kpis[row].id
        try:
            self.controller.execute(self.tr("成果目標の向きの変更"),
                                    lambda rec: ops.set_kpi_lower_is_better(rec, kid, checked))
        except DxError as exc:
            self.refused.emit(exc.message())

    def commit_texts(self) -> bool:
        """Apply edited review texts of the current cell (one undoable change); True if anything changed."""
        key = self._review_key
        line = next((ln for ln in self.source.lines if key and ln.key == key[:2]), None)
        if key is None or line is None:
            return False
        review = self.source.review(line, key[2])
        fields: dict[str, Any] = {}
        for name, edit in self.texts.items():
            text = edit.toPlainText().rstrip()
            if text != (getattr(review, name) if review else ""):
                fields[name] = text
        if not fields:
            return False
        try:
            owner = {"initiative_id": key[1]} if key[0] == "initiative" else {"row_id": key[1]}
            return bool(self.controller.execute(self.tr("評価の内容の入力"),
                                                lambda rec: ops.set_review(rec, key[2], **owner, **fields)))
        except DxError as exc:
            self.refused.emit(exc.message())
            return False
