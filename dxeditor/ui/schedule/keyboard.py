"""The schedule's cell cursor: a keyboard user's row × month position, and the keys that use it.

Without a selection the arrows move the cursor (a lane of a row × one zoom unit; Alt: one
month); with bars selected they keep nudging them (the cursor follows). Space selects the
item under the cursor, Tab / Shift+Tab step through a row's bars and milestones, Enter opens
the bar dialog on a bar or creates a one-year bar on an empty cell (Insert always creates),
F2 edits the label in place, Del deletes the selection. The cursor is drawn only while the
schedule has the keyboard focus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QMessageBox

from dxeditor.core.errors import DxError
from dxeditor.formats import clipboard
from dxeditor.plan.changes import row_dict
from dxeditor.plan.ops import schedule as ops
from dxeditor.plan.ops.outline import get_item
from dxeditor.plan.readmodel import BarView, MilestoneView
from dxeditor.store.models import Milestone
from dxeditor.ui.roles import ID_ROLE, KIND_ROLE, LANE_HEIGHT, LANES_ROLE
from dxeditor.ui.schedule.lines import OutlineLines, OwnLines

if TYPE_CHECKING:
    from dxeditor.ui.schedule.canvas import ScheduleCanvas

Item = BarView | MilestoneView


@dataclass(frozen=True)
class Cell:
    """The cursor: a line (kind, id) with its lane count, a lane and a month index."""

    kind: str
    id: int
    lanes: int
    lane: int
    month: int


# --- where the cursor is ---------------------------------------------------------------------------------


def _first_visible_month(c: ScheduleCanvas) -> int:
    g = c.geometry_()
    month = c.axis.month_at(g.content_x(c.left + 1))
    lo = c.data.period[0] * 12
    return c.axis.floor_unit(max(month, lo) if month < lo + 12 else month)


def ensure(c: ScheduleCanvas) -> Cell | None:
    """The cursor, put on the first visible row (or line) if there is none yet or its line is gone."""
    cell = c.cell
    if cell is not None and c.lines is not None and c.lines.find(cell.kind, cell.id) is not None:
        return cell
    lines = c.visible_lines()
    if not lines:
        c.cell = None
        return None
    line = next((ln for ln in lines if ln.kind == "row"), lines[0])
    month = cell.month if cell is not None else _first_visible_month(c)
    c.cell = Cell(line.kind, line.id, line.lanes, 0, month)
    return c.cell


def cell_span(c: ScheduleCanvas, cell: Cell) -> tuple[int, int]:
    """The months the cursor covers: one zoom unit."""
    start = c.axis.floor_unit(cell.month)
    return start, start + c.axis.unit - 1


def items_at(c: ScheduleCanvas, cell: Cell) -> list[Item]:
    """The bars and milestones in the cursor's lane that overlap its months."""
    if cell.kind != "row":
        return []
    s, e = cell_span(c, cell)
    items = c.data.row_items(cell.id)
    out: list[Item] = [b for b in items.bars if b.lane == cell.lane and b.start <= e and b.end >= s]
    out += [x for x in items.milestones if x.lane == cell.lane and s <= x.month <= e]
    return out


def row_items(c: ScheduleCanvas, row_id: int) -> list[Item]:
    """A row's bars and milestones in reading order (lane, then start)."""
    items = c.data.row_items(row_id)
    both: list[Item] = [*items.bars, *items.milestones]
    return sorted(both, key=lambda x: (x.lane, x.start if isinstance(x, BarView) else x.month,
                                       isinstance(x, MilestoneView), x.id))


def _line_info(idx: QModelIndex) -> tuple[str, int, int] | None:
    item_id = idx.data(ID_ROLE)
    if item_id is None:
        return None
    return str(idx.data(KIND_ROLE) or "row"), int(item_id), int(idx.data(LANES_ROLE) or 1)


def _neighbour(c: ScheduleCanvas, cell: Cell, step: int) -> tuple[str, int, int] | None:
    """The line above (step -1) or below (+1) the cursor's line: (kind, id, lanes)."""
    lines = c.lines
    if isinstance(lines, OutlineLines):
        tree = lines.tree
        line = lines.find(cell.kind, cell.id)
        if line is None:
            return None
        idx = tree.indexAt(QPoint(1, line.y + 1))
        if not idx.isValid():
            return None
        other = tree.indexBelow(idx) if step > 0 else tree.indexAbove(idx)
        while other.isValid() and _line_info(other) is None:
            other = tree.indexBelow(other) if step > 0 else tree.indexAbove(other)
        if not other.isValid():
            return None
        tree.scrollTo(other)
        return _line_info(other)
    if isinstance(lines, OwnLines):
        keys = [(k, i) for k, i, _t, _d in lines.entries]
        try:
            n = keys.index((cell.kind, cell.id)) + step
        except ValueError:
            return None
        if not 0 <= n < len(keys):
            return None
        return keys[n][0], keys[n][1], lines.lanes[n]
    return None


def scroll_into_view(c: ScheduleCanvas) -> None:
    """Scroll so the cursor's cell is visible (horizontally; vertically in standalone mode)."""
    cell = c.cell
    if cell is None:
        return
    s, e = cell_span(c, cell)
    g = c.geometry_()
    vw = c.viewport().width()
    x0, x1 = g.x(s), g.x(e + 1)
    h = c.horizontalScrollBar()
    if x0 < c.left:
        h.setValue(h.value() - int(c.left - x0) - 1)
    elif x1 > vw:
        h.setValue(h.value() + int(min(x1 - vw, x0 - c.left)) + 1)
    if isinstance(c.lines, OwnLines):
        line = c.lines.find(cell.kind, cell.id)
        if line is not None:
            v = c.verticalScrollBar()
            top = line.y + cell.lane * LANE_HEIGHT
            if top < 0:
                v.setValue(v.value() + top)
            elif top + LANE_HEIGHT > c.viewport().height():
                v.setValue(v.value() + top + LANE_HEIGHT - c.viewport().height())


def move(c: ScheduleCanvas, months: int = 0, lanes: int = 0) -> None:
    """Move the cursor by ``months`` and/or one lane (crossing into the next/previous line)."""
    cell = ensure(c)
    if cell is None:
        return
    month = max(c.axis.first_month, min(c.axis.last_month, cell.month + months))
    if months:
        month = c.axis.floor_unit(month) if abs(months) >= c.axis.unit else month
    new = Cell(cell.kind, cell.id, cell.lanes, cell.lane, month)
    if lanes:
        lane = cell.lane + lanes
        if 0 <= lane < cell.lanes:
            new = Cell(cell.kind, cell.id, cell.lanes, lane, month)
        else:
            nb = _neighbour(c, cell, 1 if lanes > 0 else -1)
            if nb is not None:
                kind, item_id, n = nb
                new = Cell(kind, item_id, n, 0 if lanes > 0 else n - 1, month)
    c.cell = new
    scroll_into_view(c)
    c.viewport().update()


def follow(c: ScheduleCanvas, item: Item) -> None:
    """Put the cursor on ``item`` (after selecting or moving it)."""
    line = c.lines.find("row", item.row_id) if c.lines is not None else None
    lanes = line.lanes if line is not None else item.lane + 1
    month = item.start if isinstance(item, BarView) else item.month
    c.cell = Cell("row", item.row_id, lanes, item.lane, month)
    scroll_into_view(c)
    c.viewport().update()


def select_item(c: ScheduleCanvas, item: Item) -> None:
    """Select ``item`` alone and put the cursor on it."""
    if isinstance(item, BarView):
        c.select({item.id: item.row_id}, {})
    else:
        c.select({}, {item.id: item.row_id})
    follow(c, item)


def cycle(c: ScheduleCanvas, forward: bool) -> bool:
    """Tab / Shift+Tab: select the next / previous item of the cursor's row; False past either end."""
    cell = ensure(c)
    if cell is None or cell.kind != "row":
        return False
    items = row_items(c, cell.id)
    if not items:
        return False
    current = [i for i, x in enumerate(items)
               if (isinstance(x, BarView) and x.id in c.selected_bars)
               or (isinstance(x, MilestoneView) and x.id in c.selected_milestones)]
    if not current:
        n = 0 if forward else len(items) - 1
    else:
        n = current[-1] + 1 if forward else current[0] - 1
    if not 0 <= n < len(items):
        c.select({}, {})
        return False
    select_item(c, items[n])
    return True


def create_at_cursor(c: ScheduleCanvas) -> int | None:
    """Add a one-year bar at the cursor (the fiscal year of its month, its lane) and edit its label."""
    cell = ensure(c)
    if cell is None or cell.kind != "row":
        return None
    start = cell.month - cell.month % 12 if c.axis.unit >= 12 else c.axis.floor_unit(cell.month)
    row_id, lane = cell.id, cell.lane
    name = QCoreApplication.translate("ScheduleCanvas", "工程の追加")
    new_id = c.run(name, lambda rec: ops.add_bar(rec, row_id, start, start + 11, lane=lane))
    if new_id is not None:
        c.select({new_id: row_id})
        bar = c.data.bar(new_id, row_id)
        if bar is not None:
            follow(c, bar)
        c.edit_label("bar", new_id, row_id)
    return new_id


def _nudge(rec: Any, bars: list[int], mss: list[int], step: int) -> None:
    if bars:
        ops.move_bars(rec, bars, step)
    for ms_id in mss:
        cur = row_dict(rec.conn, Milestone.__table__, ms_id)
        if cur is not None:
            ops.move_milestone(rec, ms_id, cur["month"] + step)


def cursor_to_selection(c: ScheduleCanvas) -> None:
    """Put the cursor on the first selected item (after it moved)."""
    for bar_id, row_id in c.selected_bars.items():
        b = c.data.bar(bar_id, row_id)
        if b is not None:
            follow(c, b)
            return
    for ms_id, row_id in c.selected_milestones.items():
        x = c.data.milestone(ms_id, row_id)
        if x is not None:
            follow(c, x)
            return


def handle_selection_key(c: ScheduleCanvas, event: QKeyEvent) -> bool:
    """Esc, and the keys acting on selected items: ←/→ move, Shift+→/← resize, Alt+↑/↓ lane, Del, F2,
    Alt+Enter (bar dialog). True when ``event`` was used."""
    key = event.key()
    mods = event.modifiers()
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    bars = list(c.selected_bars)
    mss = list(c.selected_milestones)
    unit = 1 if alt else c.axis.unit
    if key == Qt.Key.Key_Escape:
        if not c.cancel_drag():
            c.select({}, {})
    elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and (bars or mss):
        step = unit if key == Qt.Key.Key_Right else -unit
        if shift and bars:
            name = QCoreApplication.translate("ScheduleCanvas", "工程の期間変更")
            c.run(name, lambda rec: ops.resize_bars(rec, bars, 0, step))
        elif not shift:
            name = QCoreApplication.translate("ScheduleCanvas", "工程の移動")
            c.run(name, lambda rec: _nudge(rec, bars, mss, step))
        cursor_to_selection(c)
    elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and alt and bars:
        step = 1 if key == Qt.Key.Key_Down else -1
        name = QCoreApplication.translate("ScheduleCanvas", "工程の段の変更")
        c.run(name, lambda rec: ops.shift_lanes(rec, bars, step))
        cursor_to_selection(c)
    elif key == Qt.Key.Key_Delete and (bars or mss):
        name = QCoreApplication.translate("ScheduleCanvas", "工程の削除")
        c.run(name, lambda rec: ops.delete_items(rec, bars, mss))
    elif key == Qt.Key.Key_F2 and len(bars) + len(mss) == 1:
        if bars:
            c.edit_label("bar", bars[0], c.selected_bars[bars[0]])
        else:
            c.edit_label("milestone", mss[0], c.selected_milestones[mss[0]])
    elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and alt:
        if len(bars) == 1:
            c.open_bar_dialog(bars[0], c.selected_bars[bars[0]])
    else:
        return False
    return True


def handle_key(c: ScheduleCanvas, event: QKeyEvent) -> bool:
    """The cursor keys; True when ``event`` was used. Runs after the selection's own keys."""
    key = event.key()
    mods = event.modifiers()
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    if ctrl and key == Qt.Key.Key_C:
        return copy_rows(c)
    if ctrl and key == Qt.Key.Key_V:
        return paste_rows(c)
    if ctrl:
        return False
    selected = bool(c.selected_bars or c.selected_milestones)
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not selected and not shift:
        unit = 1 if alt else c.axis.unit
        move(c, months=unit if key == Qt.Key.Key_Right else -unit)
        return True
    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt and not shift:
        if selected:
            c.select({}, {})
        move(c, lanes=1 if key == Qt.Key.Key_Down else -1)
        return True
    if key == Qt.Key.Key_Space and not selected:
        cell = ensure(c)
        under = items_at(c, cell) if cell is not None else []
        if under:
            select_item(c, under[0])
        return True
    if key == Qt.Key.Key_Insert:
        create_at_cursor(c)
        return True
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        if len(c.selected_bars) == 1 and not c.selected_milestones:
            bar_id, row_id = next(iter(c.selected_bars.items()))
            c.open_bar_dialog(bar_id, row_id)
            return True
        if selected:
            return True
        cell = ensure(c)
        if cell is None or cell.kind != "row":
            return True
        under = items_at(c, cell)
        if not under:
            create_at_cursor(c)
        else:
            select_item(c, under[0])
            if isinstance(under[0], BarView):
                c.open_bar_dialog(under[0].id, under[0].row_id)
        return True
    if key == Qt.Key.Key_F2 and not selected:
        cell = ensure(c)
        under = items_at(c, cell) if cell is not None else []
        if under:
            select_item(c, under[0])
            c.edit_label("bar" if isinstance(under[0], BarView) else "milestone", under[0].id, under[0].row_id)
        return True
    return False


def copy_rows(c: ScheduleCanvas) -> bool:
    """Ctrl+C: the rows of the selected bars (else the cursor's line), whole, plus text for Excel."""
    rows = list(dict.fromkeys([*c.selected_bars.values(), *c.selected_milestones.values()]))
    cell = ensure(c)
    items = [("row", r) for r in rows] or ([(cell.kind, cell.id)] if cell is not None else [])
    if not items:
        return True
    conn = c.data_conn()
    mime = QMimeData()
    mime.setText(clipboard.items_tsv(conn, items))
    mime.setData(clipboard.MIME_ROWS, QByteArray(clipboard.payload_to_bytes(clipboard.items_payload(conn, items))))
    QGuiApplication.clipboard().setMimeData(mime)
    return True


def paste_rows(c: ScheduleCanvas) -> bool:
    """Ctrl+V: rows copied in dxeditor go after the cursor's row (or into its initiative)."""
    mime = QGuiApplication.clipboard().mimeData()
    cell = ensure(c)
    if cell is None or mime is None or not mime.hasFormat(clipboard.MIME_ROWS):
        if mime is not None and mime.hasText():
            QMessageBox.information(c, QCoreApplication.translate("ScheduleCanvas", "工程表"), QCoreApplication.translate(
                "ScheduleCanvas", "Excel の表は、左の一覧（アウトライン）に貼り付けてください。"))
        return True
    try:
        payload = clipboard.payload_from_bytes(bytes(mime.data(clipboard.MIME_ROWS).data()))
    except DxError as exc:
        QMessageBox.warning(c, QCoreApplication.translate("ScheduleCanvas", "工程表"), exc.message())
        return True
    index = get_item(c.data_conn(), "row", cell.id)["position"] + 1 if cell.kind == "row" else None
    target = (cell.kind, cell.id)
    name = QCoreApplication.translate("ScheduleCanvas", "貼り付け")
    result = c.run(name, lambda rec: clipboard.paste_payload(rec, target, index, payload))
    if result and result[1]:
        QMessageBox.information(c, QCoreApplication.translate("ScheduleCanvas", "工程表"), "\n".join(result[1]))
    return True
