"""Helpers for the schedule view tests: small plans, a minimal outline tree, mouse positions.

The outline here is a plain QStandardItemModel carrying the shared roles (the main window
uses its own OutlineModel; the contract is only the roles and row heights).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QHBoxLayout, QTreeView, QWidget
from sqlalchemy import select

from dxeditor.formats.json.io import import_data
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.store import models as m
from dxeditor.ui.roles import ID_ROLE, KIND_ROLE, LANE_HEIGHT, LANES_ROLE
from dxeditor.ui.schedule import ScheduleView
from dxeditor.ui.undo import DocumentController

PHASES = [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in m.DEFAULT_PHASES]


def bar(start: str, end: str, label: str = "", phase: str = "run", lane: int = 0, **more: Any) -> dict[str, Any]:
    """A bar in JSON form."""
    return {"start": start, "end": end, "label": label, "phase": phase, "lane": lane, **more}


def plan(rows: list[dict[str, Any]], *, style: str = "short", period: tuple[int, int] = (2022, 2027),
         sections: bool = True) -> dict[str, Any]:
    """A plan with one initiative holding ``rows`` (each a JSON schedule row)."""
    data: dict[str, Any] = {
        "format": "dxeditor-plan", "format_version": 1, "phases": PHASES,
        "plan": {"title": "テスト計画", "period_start_fy": period[0], "period_end_fy": period[1], "year_style": style},
        "initiatives": [{"id": 1, "title": "取組", "schedule_rows": rows}],
    }
    if sections:
        data["sections"] = [{"id": 1, "title": "基本方針"}]
        data["initiatives"][0]["section_id"] = 1
    return data


def basic_rows() -> list[dict[str, Any]]:
    """Row 1: one bar in FY2023 (検討); row 2: empty; row 3: two lanes and a milestone."""
    return [
        {"id": 1, "title": "行1", "bars": [bar("2023-04", "2024-03", "検討する", "study", id=1)]},
        {"id": 2, "title": "行2"},
        {"id": 3, "title": "行3", "bars": [bar("2022-04", "2023-03", "一部実施", id=2),
                                          bar("2024-04", "2026-03", "本格実施", "run", 1, id=3)],
         "milestones": [{"id": 1, "month": "2025-10", "label": "運用開始"}]},
    ]


def make_doc(data: dict[str, Any]) -> Any:
    """An open document holding ``data``."""
    return import_data(data)


class StubOutline(QTreeView):
    """A minimal outline: sections → initiatives → rows with the shared roles, rebuilt on change."""

    def __init__(self, controller: DocumentController) -> None:
        super().__init__()
        self.controller = controller
        self.model_ = QStandardItemModel(self)
        self.model_.setHorizontalHeaderLabels(["名称"])
        self.setModel(self.model_)
        self.setUniformRowHeights(False)
        controller.changed.connect(lambda _cs: self.rebuild())
        self.rebuild()

    def rebuild(self) -> None:
        """Re-read the plan (keeps everything expanded)."""
        value = self.verticalScrollBar().value()
        view = load_plan_view(self.controller.doc.session.connection())
        self.model_.removeRows(0, self.model_.rowCount())
        root = self.model_.invisibleRootItem()
        parents: dict[tuple[str, int], QStandardItem] = {}
        for kind, item, _depth in view.walk():
            it = QStandardItem(item.title)
            it.setEditable(False)
            it.setData(kind, KIND_ROLE)
            it.setData(item.id, ID_ROLE)
            lanes = item.lanes if kind == "row" else 1
            it.setData(lanes, LANES_ROLE)
            it.setSizeHint(QSize(100, lanes * LANE_HEIGHT))
            if kind == "section":
                holder = parents.get(("section", item.parent_id), root) if item.parent_id else root
            elif kind == "initiative":
                holder = parents.get(("section", item.section_id), root) if item.section_id else root
            else:
                holder = (parents[("row", item.parent_id)] if item.parent_id
                          else parents[("initiative", item.initiative_id)])
            holder.appendRow(it)
            parents[(kind, item.id)] = it
        self.expandAll()
        self.verticalScrollBar().setValue(value)


def make_view(qtbot: Any, doc: Any, *, outline: bool = True, size: tuple[int, int] = (1100, 360)
              ) -> tuple[ScheduleView, DocumentController, QTreeView | None]:
    """A shown schedule view (with a stub outline beside it unless ``outline`` is False)."""
    controller = DocumentController(doc)
    host = QWidget()
    lay = QHBoxLayout(host)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    tree = StubOutline(controller) if outline else None
    if tree is not None:
        tree.setFixedWidth(220)
        lay.addWidget(tree)
    view = ScheduleView(controller, tree)
    lay.addWidget(view)
    qtbot.addWidget(host)
    view.host_ = host  # type: ignore[attr-defined]
    host.resize(*size)
    host.show()
    qtbot.waitExposed(host)
    view.canvas.scroll_to_month(2022 * 12, view.canvas.left)
    return view, controller, tree


def point(view: ScheduleView, row_id: int, month: float, lane: int = 0) -> QPoint:
    """The viewport point at fractional ``month`` in a row's lane (middle of the lane)."""
    c = view.canvas
    line = c.lines.find("row", row_id) if c.lines is not None else None
    assert line is not None, f"row {row_id} not visible"
    g = c.geometry_()
    return QPoint(round(g.x(month)), line.y + lane * LANE_HEIGHT + LANE_HEIGHT // 2)


def drag(qtbot: Any, view: ScheduleView, a: QPoint, b: QPoint,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press at ``a``, move to ``b`` in two steps, release there."""
    vp = view.canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifier, a)
    qtbot.mouseMove(vp, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(vp, b)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifier, b)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` (any characters, unlike QTest.keyClicks) as key events carrying text."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def bars_of(doc: Any, row_id: int) -> list[tuple[int, int, int, str]]:
    """(start, end, lane, label) of a row's bars, by start, from the database."""
    t = m.Bar.__table__
    conn = doc.session.connection()
    rows = conn.execute(select(t.c.start, t.c.end, t.c.lane, t.c.label).where(t.c.row_id == row_id)
                        .order_by(t.c.start, t.c.lane, t.c.id)).all()
    return [tuple(r) for r in rows]


def bar_row(doc: Any, bar_id: int) -> dict[str, Any] | None:
    """A bar from the database as a dict."""
    t = m.Bar.__table__
    r = doc.session.connection().execute(select(t).where(t.c.id == bar_id)).mappings().first()
    return dict(r) if r else None


def ym(year: int, month: int) -> int:
    """Month index of calendar year/month."""
    fy = year if month >= 4 else year - 1
    return fy * 12 + (month - 4) % 12
