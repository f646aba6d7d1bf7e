"""Item models of the progress view: initiatives × fiscal years (ratings) and KPIs × years.

Both read a :class:`~dxeditor.plan.progress.ProgressData` once per change and answer
``data()`` with dictionary look-ups only, so painting costs what is visible. Edits go
through the :class:`~dxeditor.ui.undo.DocumentController` (one undoable change each).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from dxeditor.core.achievement import format_rate
from dxeditor.core.errors import DxError
from dxeditor.core.fiscal import format_fy
from dxeditor.plan.ops import progress as ops
from dxeditor.plan.progress import KpiPath, ProgressData, Review, load_progress
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.ui.undo import DocumentController

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#b00020")
#: Tables whose changes the progress view reloads for.
WATCHED = {"progress", "kpis", "kpi_targets", "kpi_actuals", "initiatives", "sections", "plan"}


@dataclass(frozen=True)
class InitiativeLine:
    """One line of the rating grid: an initiative, or (shown on request) one of its schedule rows."""

    id: int
    number: str
    title: str
    policy: str
    kind: str = "initiative"
    #: The initiative the line belongs to (itself for an initiative line).
    initiative_id: int = 0

    @property
    def key(self) -> tuple[str, int]:
        """("initiative" | "row", id)."""
        return (self.kind, self.id)


def _number(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


class ProgressSource:
    """The plan's initiatives, years and review, shared by both models (reloaded on change)."""

    def __init__(self, controller: DocumentController) -> None:
        self.controller = controller
        self.lines: list[InitiativeLine] = []
        self.years: list[int] = []
        self.data: ProgressData | None = None
        #: Schedule rows are rated too (a line under their initiative).
        self.with_rows = False

    def reload(self) -> None:
        conn = self.controller.doc.session.connection()
        view = load_plan_view(conn, items=False)
        plan = view.plan
        self.years = list(range(plan["period_start_fy"], plan["period_end_fy"] + 1))
        lines = []
        policy = ""
        for kind, v, _depth in view.walk():
            if kind == "section" and v.depth == 0:
                policy = f"{v.number} {v.title}".strip()
            elif kind == "initiative":
                lines.append(InitiativeLine(v.id, v.number, v.title, policy if v.section_id is not None else "",
                                            "initiative", v.id))
            elif kind == "row" and self.with_rows:
                lines.append(InitiativeLine(v.id, "", "　" * (v.depth + 1) + (v.title or ""), policy, "row",
                                            v.initiative_id))
        self.lines = lines
        self.data = load_progress(conn)

    def reload_progress(self) -> None:
        self.data = load_progress(self.controller.doc.session.connection())

    def year_label(self, fy: int) -> str:
        return format_fy(fy, "wareki")

    def review(self, line: InitiativeLine, fy: int) -> Review | None:
        """The line's review of ``fy`` (an initiative's or a row's)."""
        if self.data is None:
            return None
        reviews = self.data.reviews if line.kind == "initiative" else self.data.row_reviews
        return reviews.get((line.id, fy))


class RatingModel(QAbstractTableModel):
    """Initiatives (rows) × fiscal years (columns 1…): one rating per cell; column 0 is the title."""

    refused = Signal(str)

    def __init__(self, source: ProgressSource, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.source.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.source.years)

    def fy_of(self, column: int) -> int | None:
        return self.source.years[column - 1] if 1 <= column <= len(self.source.years) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ProgressView", "取組") if section == 0 else self.source.year_label(self.source.years[section - 1])
        if section >= len(self.source.lines):
            return None
        line = self.source.lines[section]
        return line.number if line.kind == "initiative" else "└"

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() > 0 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.source.lines[index.row()]
        data = self.source.data
        assert data is not None
        col = index.column()
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return line.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{line.policy}\n{line.number} {line.title}".strip()
            return None
        fy = self.source.years[col - 1]
        review = self.source.review(line, fy)
        key = review.rating if review else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return key
        if role == Qt.ItemDataRole.BackgroundRole and key:
            r = data.scale.get(key)
            return QBrush(QColor(r.color)) if r else None
        if role == Qt.ItemDataRole.ForegroundRole and key and data.scale.is_late(key):
            return QBrush(LATE)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and line.kind == "row" and not key:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if review is None:
                return QCoreApplication.translate("ProgressView", "未評価（A〜D を入力）")
            parts = [data.scale.label(review.rating) if review.rating else QCoreApplication.translate("ProgressView", "未評価")]
            for label, text in ((QCoreApplication.translate("ProgressView", "実績・成果"), review.results), (QCoreApplication.translate("ProgressView", "課題"), review.issues),
                                (QCoreApplication.translate("ProgressView", "今後の方向性"), review.direction)):
                if text:
                    parts.append(f"{label}: {text[:80]}")
            if review.entered_by:
                parts.append(QCoreApplication.translate("ProgressView", "入力: {0} {1}").format(review.entered_by, review.entered_at[:10]))
            return "\n".join(parts)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() == 0:
            return False
        return self.set_cells([(index.row(), index.column(), "" if value is None else str(value))])

    def set_cells(self, cells: list[tuple[int, int, str]], name: str | None = None) -> bool:
        """Rate several cells as one undoable change; a refused value changes nothing."""
        lines = self.source.lines
        work = [(lines[r].kind, lines[r].id, self.source.years[c - 1], text) for r, c, text in cells
                if 0 <= r < len(lines) and 1 <= c <= len(self.source.years)]
        if not work:
            return False
        initiatives = [(i, fy, text) for kind, i, fy, text in work if kind == "initiative"]
        rows = [(i, fy, text) for kind, i, fy, text in work if kind == "row"]

        def rate(rec: Any) -> int:
            return ops.set_ratings(rec, initiatives) + ops.set_ratings(rec, rows, rows=True)

        try:
            self.source.controller.execute(name or QCoreApplication.translate("ProgressView", "進捗評価の入力"), rate)
        except DxError as exc:
            self.refused.emit(exc.message())
            return False
        return True

    def refresh(self) -> None:
        """The ratings changed (same lines and years): repaint the cells."""
        if self.rowCount() and self.columnCount() > 1:
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, self.columnCount() - 1))


class KpiModel(QAbstractTableModel):
    """KPIs (rows) × [取組, 成果目標, 単位, 基準値, (目標, 実績) per year, 達成率, ▲▼, 推移]."""

    refused = Signal(str)
    FIXED = 4  # 取組, 成果目標, 単位, 基準値

    def __init__(self, source: ProgressSource, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self.kpis: list[KpiPath] = []
        self.titles: dict[int, str] = {}
        self.fy = 0  # the year whose rate and trend are shown

    def load(self) -> None:
        self.beginResetModel()
        data = self.source.data
        initiatives = [ln for ln in self.source.lines if ln.kind == "initiative"]  # rows' ids are another series
        self.titles = {ln.id: f"{ln.number} {ln.title}".strip() for ln in initiatives}
        order = {ln.id: n for n, ln in enumerate(initiatives)}
        self.kpis = sorted((k for paths in (data.kpis.values() if data else ()) for k in paths),
                           key=lambda k: (order.get(k.initiative_id, 1 << 30), k.position, k.id))
        if self.fy not in self.source.years and self.source.years:
            self.fy = self.source.years[0]
        self.endResetModel()

    def refresh(self) -> None:
        data = self.source.data
        by_id = {k.id: k for paths in (data.kpis.values() if data else ()) for k in paths}
        if [k.id for k in self.kpis] != [k.id for k in sorted(by_id.values(), key=lambda k: k.id)] and \
                set(by_id) != {k.id for k in self.kpis}:
            self.load()
            return
        self.kpis = [by_id[k.id] for k in self.kpis]
        if self.kpis:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.kpis) - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.kpis)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIXED + 2 * len(self.source.years) + 3

    def column_kind(self, col: int) -> tuple[str, int | None]:
        """("fixed" | "target" | "actual" | "rate" | "trend" | "chart", fiscal year)."""
        if col < self.FIXED:
            return "fixed", None
        k = col - self.FIXED
        n = len(self.source.years)
        if k < 2 * n:
            return ("target" if k % 2 == 0 else "actual"), self.source.years[k // 2]
        return ("rate", "trend", "chart")[k - 2 * n], None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        kind, fy = self.column_kind(section)
        if kind == "fixed":
            return (QCoreApplication.translate("ProgressView", "取組"), QCoreApplication.translate("ProgressView", "成果目標"), QCoreApplication.translate("ProgressView", "単位"), QCoreApplication.translate("ProgressView", "基準値"))[section]
        if fy is not None:
            what = QCoreApplication.translate("ProgressView", "目標") if kind == "target" else QCoreApplication.translate("ProgressView", "実績")
            return f"{self.source.year_label(fy)}\n{what}"
        label = self.source.year_label(self.fy) if self.fy else ""
        rate = QCoreApplication.translate("ProgressView", "達成率")
        return {"rate": f"{rate}\n{label}", "trend": QCoreApplication.translate("ProgressView", "前年比"), "chart": QCoreApplication.translate("ProgressView", "推移")}[kind]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind, _ = self.column_kind(index.column())
        return base | Qt.ItemFlag.ItemIsEditable if kind in ("target", "actual") else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        k = self.kpis[index.row()]
        kind, fy = self.column_kind(index.column())
        if role == Qt.ItemDataRole.UserRole:
            return k
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != "fixed":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and kind == "target":
            return QBrush(QColor("#f4f6fa"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == "actual" and fy is not None:
                return k.actuals.get(fy, (None, ""))[1] or None
            if kind == "target" and fy is not None:
                return k.targets.get(fy, (None, ""))[1] or (QCoreApplication.translate("ProgressView", "（最終目標）") if fy not in k.targets else None)
            if kind == "fixed" and index.column() == 1:
                return QCoreApplication.translate("ProgressView", "下がるほど良い指標") if k.lower_is_better else None
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        edit = role == Qt.ItemDataRole.EditRole
        col = index.column()
        if kind == "fixed":
            if col == 0:
                return self.titles.get(k.initiative_id, "")
            if col == 1:
                return k.name + (" ↓" if k.lower_is_better and not edit else "")
            if col == 2:
                return k.unit
            return _number(k.baseline_value) or k.baseline_text
        if kind == "target" and fy is not None:
            value, text = k.targets.get(fy, (None, ""))
            if value is not None or text or edit:
                return _number(value) or text
            if k.deadline_fy == fy or (k.deadline_fy is None and fy == self.source.years[-1]):
                return _number(k.target_value) or k.target_text  # the final target in its year
            return ""
        if kind == "actual" and fy is not None:
            value, note = k.actuals.get(fy, (None, ""))
            return _number(value) or ("" if edit else ("✎" if note else ""))
        if kind == "rate":
            return "" if k.is_text else format_rate(k.rate(self.fy))
        if kind == "trend":
            return k.trend(self.fy)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        return self.set_cells([(index.row(), index.column(), value)])

    def set_cells(self, cells: list[tuple[int, int, Any]]) -> bool:
        """Enter targets / actuals of several cells as one undoable change."""
        work = []
        for r, c, value in cells:
            kind, fy = self.column_kind(c)
            if 0 <= r < len(self.kpis) and kind in ("target", "actual") and fy is not None:
                work.append((kind, self.kpis[r].id, fy, value))
        if not work:
            return False

        def fn(rec: Any) -> int:
            n = 0
            for kind, kid, fy, value in work:
                if kind == "actual":
                    n += ops.set_kpi_actual(rec, kid, fy, value)
                else:
                    n += ops.set_kpi_target(rec, kid, fy, value)
            return n

        try:
            self.source.controller.execute(QCoreApplication.translate("ProgressView", "成果目標の実績・目標の入力"), fn)
        except DxError as exc:
            self.refused.emit(exc.message())
            return False
        return True

    def set_year(self, fy: int) -> None:
        self.fy = fy
        n = self.columnCount()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, n - 3, n - 1)
        if self.kpis:
            self.dataChanged.emit(self.index(0, n - 3), self.index(len(self.kpis) - 1, n - 1))
