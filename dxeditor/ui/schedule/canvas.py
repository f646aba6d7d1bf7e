"""The schedule canvas: paints the visible lines and turns mouse and keys into commands.

Every edit goes through ``run(name, fn)`` (the view's wrapper of
``DocumentController.execute`` that shows errors in a message box), so each is exactly
one undoable command. A drag only changes the preview until the button is released;
Esc forgets it.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QCursor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from dxeditor.core.fiscal import format_fy, format_month, index_of_calendar
from dxeditor.plan.ops import schedule as ops
from dxeditor.ui.schedule import keyboard
from dxeditor.ui.schedule.data import ScheduleData
from dxeditor.ui.schedule.interaction import Drag, Hit, hit_test
from dxeditor.ui.schedule.keyboard import Cell
from dxeditor.ui.schedule.label_editor import LabelEditor
from dxeditor.ui.schedule.layout import TimeAxis
from dxeditor.ui.schedule.lines import Line, OutlineLines, OwnLines
from dxeditor.ui.schedule.painter import (
    LATE_FLAG_WIDTH,
    Geometry,
    PaintState,
    bar_rect,
    milestone_point,
    paint_background,
    paint_cursor,
    paint_lines,
    paint_titles,
    paint_today,
)

Runner = Callable[[str, Callable[[Any], Any]], Any]


def today_month(today: date) -> float:
    """Today as a fractional month index (the 16th of June is about halfway through June)."""
    days = calendar.monthrange(today.year, today.month)[1]
    return index_of_calendar(today.year, today.month) + (today.day - 1) / days


class ScheduleCanvas(QAbstractScrollArea):
    """The scrolling drawing area of the schedule view."""

    #: Ctrl+wheel: (steps, viewport x) — positive zooms in
    zoomRequested = Signal(int, float)
    selectionChanged = Signal()
    #: While dragging: the period being set (「令和6年4月〜令和8年3月」); "" when the drag ends
    dragTextChanged = Signal(str)

    def __init__(self, data: ScheduleData, run: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.run = run
        self.axis = TimeAxis(*data.fiscal_range())
        self.lines: OutlineLines | OwnLines | None = None
        self.left = 0
        self.state = PaintState()
        self.selected_bars: dict[int, int] = {}  # bar id → row id
        self.selected_milestones: dict[int, int] = {}
        self.drag: Drag | None = None
        self._press_pos: QPointF | None = None
        self.editor: LabelEditor | None = None
        self.cell: Cell | None = None  # the keyboard cursor (see keyboard.py)
        self.conn: Callable[[], Any] | None = None  # the document's connection, set by the view
        self.drag_text = ""  # the period a drag would set, shown while dragging
        self.today: Callable[[], date] = date.today
        #: The lines of the last paint (what the user sees; tests compare them with the outline).
        self.painted_lines: list[Line] = []
        #: A repaint is asked for and not done yet (the outline's lines moved before a paint pass).
        self.repaint_due = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def data_conn(self) -> Any:
        """The document's connection (for copying rows); the view passes it in as ``conn``."""
        assert self.conn is not None
        return self.conn()

    # --- geometry -------------------------------------------------------------------------------------

    def geometry_(self) -> Geometry:
        """The time area's mapping in viewport coordinates."""
        return Geometry(self.axis, self.horizontalScrollBar().value(), self.left)

    def visible_lines(self) -> list[Line]:
        """The lines intersecting the viewport."""
        if self.lines is None:
            return []
        if isinstance(self.lines, OwnLines):
            self.lines.offset = self.verticalScrollBar().value()
        return self.lines.visible(0, self.viewport().height())

    def update_scrollbars(self) -> None:
        """Scroll ranges for the axis width (and own line height in standalone mode)."""
        vw = self.viewport().width() - self.left
        h = self.horizontalScrollBar()
        h.setRange(0, max(0, self.axis.width - vw))
        h.setPageStep(max(1, vw))
        h.setSingleStep(max(1, int(self.axis.month_px * self.axis.unit / 2)))
        if isinstance(self.lines, OwnLines):
            v = self.verticalScrollBar()
            v.setRange(0, max(0, self.lines.total_height - self.viewport().height()))
            v.setPageStep(max(1, self.viewport().height()))
            v.setSingleStep(24)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.update_scrollbars()

    def scroll_to_month(self, month: float, at: float | None = None) -> None:
        """Scroll so ``month`` is at viewport x ``at`` (default: a quarter into the time area)."""
        vw = self.viewport().width() - self.left
        at = vw / 4 if at is None else at - self.left
        self.horizontalScrollBar().setValue(int(self.axis.x_of(month) - at))

    # --- painting -------------------------------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        vp = self.viewport()
        p = QPainter(vp)
        w, h = vp.width(), vp.height()
        g = self.geometry_()
        lines = self.visible_lines()
        self.painted_lines = lines
        self.repaint_due = False
        self.data.prefetch([line.id for line in lines if line.kind == "row"])  # a big plan: one query
        self.state.today = today_month(self.today())
        self.state.selected_bars = set(self.selected_bars)
        self.state.selected_milestones = set(self.selected_milestones)
        paint_background(p, g, self.data, 0, h, w)
        paint_lines(p, g, self.data, lines, self.state, w, self.font())
        paint_today(p, g, self.state.today, 0, h)
        if self.drag_text and self._press_pos is not None:
            self._paint_drag_text(p, w)
        if self.hasFocus() and self.cell is not None and self.editor is None:
            s, e = keyboard.cell_span(self, self.cell)
            paint_cursor(p, g, lines, self.cell.kind, self.cell.id, self.cell.lane, s, e, w)
        if self.left:
            paint_titles(p, lines, self.left, self.font())
        p.end()

    def _paint_drag_text(self, p: QPainter, right: int) -> None:
        """The period being set, in a box above the mouse (like a tooltip, drawn on the canvas)."""
        fm = p.fontMetrics()
        r = fm.boundingRect(self.drag_text).adjusted(-6, -3, 6, 3)
        pos = self.viewport().mapFromGlobal(QCursor.pos()) if self.viewport().underMouse() else self._press_pos.toPoint()
        x = max(self.left, min(right - r.width() - 2, pos.x() + 12))
        y = max(2, pos.y() - r.height() - 14)
        box = QRect(x, y, r.width(), r.height())
        p.setPen(QColor("#555555"))
        p.setBrush(QColor("#ffffe1"))
        p.drawRect(box)
        p.setPen(QColor("#000000"))
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), self.drag_text)

    # --- selection -------------------------------------------------------------------------------------

    def select(self, bars: dict[int, int] | None = None, milestones: dict[int, int] | None = None) -> None:
        """Replace the selection."""
        self.selected_bars = dict(bars or {})
        self.selected_milestones = dict(milestones or {})
        self.selectionChanged.emit()
        self.viewport().update()

    def prune_selection(self) -> None:
        """Forget selected items that no longer exist (after a change)."""
        self.selected_bars = {b: r for b, r in self.selected_bars.items() if self.data.bar(b, r) is not None}
        self.selected_milestones = {x: r for x, r in self.selected_milestones.items()
                                    if self.data.milestone(x, r) is not None}

    def hit(self, pos: QPointF) -> Hit | None:
        """What is at viewport point ``pos``."""
        return hit_test(self.geometry_(), self.data, self.visible_lines(), pos)

    # --- mouse -----------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        hit = self.hit(pos)
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        fine = bool(mods & Qt.KeyboardModifier.AltModifier)
        cx = self.geometry_().content_x(pos.x())
        self.drag = None
        self._press_pos = pos
        if hit is None:
            return
        self.cell = Cell(hit.line.kind, hit.line.id, hit.line.lanes, hit.lane, hit.month)
        if hit.bar is not None:
            b = hit.bar
            if ctrl:
                if b.id in self.selected_bars:
                    del self.selected_bars[b.id]
                else:
                    self.selected_bars[b.id] = b.row_id
                self.select(self.selected_bars, self.selected_milestones)
                return
            if hit.part in ("start", "end") and not shift:
                self.select({b.id: b.row_id})
                self.drag = Drag(hit.part, b.row_id, b.lane, cx, [b], current_x=cx, fine=fine)
                return
            if shift:
                self.selected_bars[b.id] = b.row_id
            elif b.id not in self.selected_bars:
                self.selected_bars = {b.id: b.row_id}
                self.selected_milestones = {}
            self.select(self.selected_bars, self.selected_milestones)
            bars = [x for x in (self.data.bar(i, r) for i, r in self.selected_bars.items()) if x is not None]
            self.drag = Drag("move", b.row_id, b.lane, cx, bars, current_x=cx, fine=fine)
        elif hit.milestone is not None:
            x = hit.milestone
            if ctrl:
                if x.id in self.selected_milestones:
                    del self.selected_milestones[x.id]
                else:
                    self.selected_milestones[x.id] = x.row_id
                self.select(self.selected_bars, self.selected_milestones)
                return
            self.select({}, {x.id: x.row_id})
            self.drag = Drag("milestone", x.row_id, x.lane, cx, [], milestone=x, current_x=cx, fine=fine)
        else:
            if not ctrl:
                self.select({}, {})
            if hit.part == "row":
                self.drag = Drag("create", hit.line.id, hit.lane, cx, [], current_x=cx, fine=fine)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self.drag is None:
            hit = self.hit(pos)
            edge = hit is not None and hit.part in ("start", "end")
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if edge else Qt.CursorShape.ArrowCursor)
            return
        d = self.drag
        fine = d.fine or bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        d.update(self.geometry_().content_x(pos.x()), fine)
        if not d.active and self._press_pos is not None:
            if abs(pos.x() - self._press_pos.x()) < QApplication.startDragDistance():
                return
            d.active = True
        self._show_preview()

    def _show_preview(self) -> None:
        d = self.drag
        g = self.geometry_()
        self.state.preview = {}
        self.state.preview_milestones = {}
        self.state.ghost = None
        text = ""
        style = self.data.year_style
        if d is not None and d.active:
            if d.mode == "create":
                s, e = d.new_span(g)
                self.state.ghost = (d.row_id, d.lane, s, e)
                text = f"{format_month(s, style)}〜{format_month(e, style)}"
            elif d.mode == "milestone":
                assert d.milestone is not None
                month = d.milestone_month(g)
                self.state.preview_milestones = {d.milestone.id: month}
                text = f"◆ {format_month(month, style)}"
            else:
                self.state.preview = d.spans(g)
                spans = list(self.state.preview.values())
                if spans:
                    text = f"{format_month(spans[0][0], style)}〜{format_month(spans[0][1], style)}"
        self._show_drag_text(text)
        self.viewport().update()

    def _show_drag_text(self, text: str) -> None:
        """Show the period a drag would set beside the mouse (and keep it for the status bar)."""
        if text == self.drag_text:
            return
        self.drag_text = text
        self.dragTextChanged.emit(text)

    def cancel_drag(self) -> bool:
        """Forget the drag in progress (Esc); True when there was one."""
        had = self.drag is not None
        self.drag = None
        self._press_pos = None
        self._show_preview()
        return had

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        d = self.drag
        if d is None or event.button() != Qt.MouseButton.LeftButton:
            self.drag = None
            return
        fine = d.fine or bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        d.update(self.geometry_().content_x(event.position().x()), fine)
        if not d.active and self._press_pos is not None:
            d.active = abs(event.position().x() - self._press_pos.x()) >= QApplication.startDragDistance()
        self.drag = None
        self._show_preview()
        if d.active:
            self.commit_drag(d)

    def commit_drag(self, d: Drag) -> None:
        """Turn a finished drag into one command."""
        g = self.geometry_()
        tr = self.tr
        if d.mode == "create":
            s, e = d.new_span(g)
            new_id = self.run(tr("工程の追加"), lambda rec: ops.add_bar(rec, d.row_id, s, e, lane=d.lane))
            if new_id is not None:
                self.select({new_id: d.row_id})
                self.edit_label("bar", new_id, d.row_id)
        elif d.mode == "move":
            delta = d.delta(g)
            ids = [b.id for b in d.bars]
            if delta and ids:
                self.run(tr("工程の移動"), lambda rec: ops.move_bars(rec, ids, delta))
        elif d.mode in ("start", "end"):
            b = d.bars[0]
            s, e, _lane = d.spans(g)[b.id]
            if (s, e) != (b.start, b.end):
                self.run(tr("工程の期間変更"), lambda rec: ops.resize_bar(rec, b.id, s, e))
        elif d.mode == "milestone" and d.milestone is not None:
            month = d.milestone_month(g)
            ms_id = d.milestone.id
            if month != d.milestone.month:
                self.run(tr("節目の移動"), lambda rec: ops.move_milestone(rec, ms_id, month))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.hit(event.position())
        self.drag = None
        if hit is not None and hit.bar is not None:
            self.open_bar_dialog(hit.bar.id, hit.bar.row_id)
        elif hit is not None and hit.milestone is not None:
            self.edit_label("milestone", hit.milestone.id, hit.milestone.row_id)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = 1 if event.angleDelta().y() > 0 else -1 if event.angleDelta().y() < 0 else 0
            if steps:
                self.zoomRequested.emit(steps, event.position().x())
            event.accept()
            return
        dx, dy = event.angleDelta().x(), event.angleDelta().y()
        horizontal = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier) or abs(dx) > abs(dy)
        delta = (dy or dx) if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else (dx if horizontal else dy)
        # Vertical: the outline's bar when following it (the two share one position), else our own
        bar = self.horizontalScrollBar() if horizontal else (
            self.lines.tree.verticalScrollBar() if isinstance(self.lines, OutlineLines)
            else self.verticalScrollBar())
        step = bar.singleStep() * QApplication.wheelScrollLines()
        if horizontal:
            step = max(step, int(self.axis.month_px * self.axis.unit))
        bar.setValue(bar.value() - round(delta / 120 * step))
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        from dxeditor.ui.schedule.menu import build_menu

        menu = build_menu(self, self.hit(QPointF(event.pos())))
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip of the bar or milestone at ``pos``: label, period, phase."""
        hit = self.hit(pos)
        style = self.data.year_style
        if hit is not None and (hit.line.kind, hit.line.id) in self.data.late \
                and pos.x() <= self.geometry_().left + LATE_FLAG_WIDTH and pos.y() <= hit.line.y + 2 + LATE_FLAG_WIDTH:
            return self.late_text(hit.line.kind, hit.line.id)  # the red corner, drawn over any bar
        if hit is not None and hit.bar is not None:
            b = hit.bar
            span = f"{format_month(b.start, style)}〜{format_month(b.end, style)}"
            phase = self.data.styles.name(b.phase)
            more = self.tr("（継続）") if b.continues else ""
            return "\n".join(x for x in (b.label, span + more, phase) if x)
        if hit is not None and hit.milestone is not None:
            x = hit.milestone
            return "\n".join(t for t in (f"◆ {x.label}", format_month(x.month, style)) if t)
        return ""

    def late_text(self, kind: str, item_id: int) -> str:
        """Why the red corner marks this initiative or row (its tooltip)."""
        from dxeditor.plan.progress import late_reasons, load_scale
        from dxeditor.store.models import PROGRESS_STATUSES

        if self.data.connect is None:
            return ""
        conn = self.data.connect()
        reason = late_reasons(conn, self.data.today, rows={item_id} if kind == "row" else None).get((kind, item_id))
        if reason is None:
            return ""
        style = self.data.year_style
        if reason.kind == "rating":
            return self.tr("遅れ: {0}の評価が「{1}」").format(format_fy(reason.fiscal_year, style),
                                                          load_scale(conn).label(reason.value))
        if reason.kind == "status":
            return self.tr("遅れ: {0}の状況が「{1}」").format(format_fy(reason.fiscal_year, style),
                                                          self.tr(PROGRESS_STATUSES.get(reason.value, reason.value)))
        return self.tr("期間が {0} に終わりましたが、完了の報告がありません").format(format_month(reason.month, style))

    # --- keyboard ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # the selection's keys (nudge, resize, lane, delete, label) first, then the cell cursor's
        if keyboard.handle_selection_key(self, event) or keyboard.handle_key(self, event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab / Shift+Tab step through the bars and milestones of the cursor's row, then leave
        if self.editor is None and self.hasFocus() and keyboard.cycle(self, next):
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        keyboard.ensure(self)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def open_bar_dialog(self, bar_id: int, row_id: int) -> None:
        """Open the bar dialog (exact start/end, phase, lane, label, continuation) on a bar."""
        from dxeditor.ui.dialogs.bar_dialog import edit_bar

        self.close_editor()
        edit_bar(self, bar_id, row_id)

    # --- label editing ------------------------------------------------------------------------------------

    def item_rect(self, kind: str, item_id: int, row_id: int) -> QRect | None:
        """The viewport rectangle of a bar or milestone label (None when its row is not shown)."""
        if self.lines is None:
            return None
        if isinstance(self.lines, OwnLines):
            self.lines.offset = self.verticalScrollBar().value()
        line = self.lines.find("row", row_id)
        if line is None:
            return None
        g = self.geometry_()
        if kind == "bar":
            b = self.data.bar(item_id, row_id)
            return None if b is None else bar_rect(g, line, b.start, b.end, b.lane).toRect()
        x = self.data.milestone(item_id, row_id)
        if x is None:
            return None
        c = milestone_point(g, line, x.month, x.lane)
        return QRect(int(c.x()) + 8, line.y + x.lane * 24, 160, 24)

    def edit_label(self, kind: str, item_id: int, row_id: int) -> LabelEditor | None:
        """Open the in-place editor over a bar (or milestone) label."""
        self.close_editor()
        rect = self.item_rect(kind, item_id, row_id)
        if rect is None:
            return None
        item = self.data.bar(item_id, row_id) if kind == "bar" else self.data.milestone(item_id, row_id)
        if item is None:
            return None
        ed = LabelEditor(item.label, self.viewport())
        rect.setWidth(max(rect.width(), 140))
        rect.setHeight(max(rect.height(), ed.fontMetrics().height() * ed.lines_hint() + 10))
        ed.setGeometry(rect)
        self.state.hidden_bar = item_id if kind == "bar" else None
        ed.committed.connect(lambda text: self._commit_label(kind, item_id, item.label, text))
        ed.cancelled.connect(self.close_editor)
        self.editor = ed
        ed.show()
        ed.setFocus(Qt.FocusReason.OtherFocusReason)
        return ed

    def _commit_label(self, kind: str, item_id: int, old: str, text: str) -> None:
        self.close_editor()
        if text.strip() == old:
            return
        if kind == "bar":
            self.run(self.tr("ラベルの変更"), lambda rec: ops.set_label(rec, item_id, text))
        else:
            self.run(self.tr("節目の名称変更"), lambda rec: ops.set_milestone_label(rec, item_id, text))

    def close_editor(self) -> None:
        """Remove the label editor (without committing)."""
        ed, self.editor = self.editor, None
        self.state.hidden_bar = None
        if ed is not None:
            ed.hide()
            ed.deleteLater()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.viewport().update()
