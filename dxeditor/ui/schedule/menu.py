"""The schedule view's context menu: phase, lane, continuation arrow, milestones, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from dxeditor.plan.ops import schedule as ops
from dxeditor.ui.schedule.interaction import Hit

if TYPE_CHECKING:
    from dxeditor.ui.schedule.canvas import ScheduleCanvas


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScheduleMenu", text)


def build_menu(canvas: ScheduleCanvas, hit: Hit | None) -> QMenu | None:
    """The menu for what is at the click (None outside rows)."""
    if hit is None or hit.line.kind != "row":
        return None
    menu = QMenu(canvas)
    run = canvas.run
    row_id, lane = hit.line.id, hit.lane
    month = hit.month
    if hit.bar is not None:
        b = hit.bar
        if b.id not in canvas.selected_bars:
            canvas.select({b.id: b.row_id})
        ids = list(canvas.selected_bars)
        phases = menu.addMenu(_tr("工程の種類"))
        group = QActionGroup(phases)
        for ph in canvas.data.phases:
            act = QAction(ph.name, phases, checkable=True)
            act.setChecked(ph.key == b.phase)
            act.setData(ph.key)
            act.triggered.connect(lambda _=False, key=ph.key: run(
                _tr("工程の種類の変更"), lambda rec: ops.set_phase(rec, ids, key)))
            group.addAction(act)
            phases.addAction(act)
        up = menu.addAction(_tr("上の段へ"))
        up.setObjectName("lane_up")
        up.setEnabled(all((canvas.data.bar(i, r) or b).lane > 0 for i, r in canvas.selected_bars.items()))
        up.triggered.connect(lambda: run(_tr("工程の段の変更"), lambda rec: ops.shift_lanes(rec, ids, -1)))
        down = menu.addAction(_tr("下の段へ"))
        down.setObjectName("lane_down")
        down.triggered.connect(lambda: run(_tr("工程の段の変更"), lambda rec: ops.shift_lanes(rec, ids, 1)))
        cont = menu.addAction(_tr("継続の矢印"))
        cont.setObjectName("continues")
        cont.setCheckable(True)
        cont.setChecked(b.continues)
        cont.triggered.connect(lambda: run(_tr("継続の矢印の切り替え"), lambda rec: ops.toggle_continues(rec, ids)))
        label = menu.addAction(_tr("ラベルを編集"))
        label.setObjectName("edit_label")
        label.triggered.connect(lambda: canvas.edit_label("bar", b.id, b.row_id))
        details = menu.addAction(QCoreApplication.translate("ScheduleMenu", "詳細（期間・種類・段・ラベル）…") + "\tAlt+Enter")
        details.setObjectName("details")
        details.triggered.connect(lambda: canvas.open_bar_dialog(b.id, b.row_id))
        menu.addSeparator()
    elif hit.milestone is not None:
        x = hit.milestone
        canvas.select({}, {x.id: x.row_id})
        label = menu.addAction(_tr("節目の名称を編集"))
        label.setObjectName("edit_label")
        label.triggered.connect(lambda: canvas.edit_label("milestone", x.id, x.row_id))
        delete = menu.addAction(_tr("節目を削除"))
        delete.setObjectName("delete")
        delete.triggered.connect(lambda: run(_tr("節目の削除"), lambda rec: ops.delete_milestone(rec, x.id)))
        return menu
    else:
        add = menu.addAction(_tr("ここに工程を追加"))
        add.setObjectName("add_bar")
        unit = canvas.axis.unit
        start = canvas.axis.floor_unit(month)

        def add_bar() -> None:
            new_id = run(_tr("工程の追加"), lambda rec: ops.add_bar(rec, row_id, start, start + unit - 1, lane=lane))
            if new_id is not None:
                canvas.select({new_id: row_id})
                canvas.edit_label("bar", new_id, row_id)

        add.triggered.connect(add_bar)
        new_lane = hit.line.lanes
        add_lane = menu.addAction(_tr("新しい段に工程を追加"))
        add_lane.setObjectName("add_bar_new_lane")
        add_lane.setEnabled(new_lane <= ops.MAX_LANE)

        def add_bar_in_new_lane() -> None:
            new_id = run(_tr("工程の追加"),
                         lambda rec: ops.add_bar(rec, row_id, start, start + unit - 1, lane=new_lane))
            if new_id is not None:
                canvas.select({new_id: row_id})
                canvas.edit_label("bar", new_id, row_id)

        add_lane.triggered.connect(add_bar_in_new_lane)
    ms = menu.addAction(_tr("ここに節目を追加"))
    ms.setObjectName("add_milestone")

    def add_milestone() -> None:
        new_id = run(_tr("節目の追加"), lambda rec: ops.add_milestone(rec, row_id, month, _tr("運用開始"), lane))
        if new_id is not None:
            canvas.select({}, {new_id: row_id})
            canvas.edit_label("milestone", new_id, row_id)

    ms.triggered.connect(add_milestone)
    if hit.bar is not None:
        menu.addSeparator()
        ids = list(canvas.selected_bars)
        delete = menu.addAction(_tr("削除"))
        delete.setObjectName("delete")
        delete.triggered.connect(lambda: run(_tr("工程の削除"), lambda rec: ops.delete_bars(rec, ids)))
    return menu
