"""ScheduleView: the 工程表 widget — time header, canvas, legend — aligned with the outline tree.

With an outline ``QTreeView`` the view draws one line per visible tree item at the item's
``visualRect`` y/height and shares the tree's vertical scroll position. Without one (or
after :meth:`ScheduleView.set_initiative`) it lays out its lines itself and shows a title
column. Every edit is one command through ``controller.execute``; the view refreshes only
the rows a change set touched.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTreeView, QVBoxLayout, QWidget

from dxeditor.core.errors import DxError, ReadOnlyError, message_for
from dxeditor.plan.changes import ChangeSet
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.ui.schedule.canvas import ScheduleCanvas, today_month
from dxeditor.ui.schedule.data import ScheduleData
from dxeditor.ui.schedule.header import HeaderWidget
from dxeditor.ui.schedule.layout import ZOOM_ORDER, TimeAxis, Zoom
from dxeditor.ui.schedule.lines import OutlineLines, OwnLines, PaintFollower
from dxeditor.ui.schedule.styles import LegendWidget
from dxeditor.ui.undo import DocumentController

TITLE_WIDTH = 200
ZOOM_NAMES = {Zoom.YEAR: QT_TRANSLATE_NOOP("ScheduleView", "年度"),
              Zoom.HALF: QT_TRANSLATE_NOOP("ScheduleView", "半期"),
              Zoom.QUARTER: QT_TRANSLATE_NOOP("ScheduleView", "四半期"),
              Zoom.MONTH: QT_TRANSLATE_NOOP("ScheduleView", "月")}


class ScheduleView(QWidget):
    """Bars over fiscal years; one line per visible outline item, aligned with ``outline``."""

    zoomChanged = Signal(str)

    def __init__(self, controller: DocumentController, outline: QTreeView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.outline: QTreeView | None = None
        self.initiative_id: int | None = None
        self._connections: list[tuple[Any, Any]] = []
        self._follower: PaintFollower | None = None
        self.data = ScheduleData(self._conn)
        self.data.load(self._conn())
        self.canvas = ScheduleCanvas(self.data, self.run, self)
        self.canvas.conn = self._conn
        self.canvas.setFrameShape(ScheduleCanvas.Shape.NoFrame)
        self.setFocusProxy(self.canvas)
        self.header = HeaderWidget(self.canvas.geometry_, self.data, self)
        self.legend = LegendWidget(self)
        self.legend.set_styles(self.data.styles)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.header)
        lay.addWidget(self.canvas, 1)
        lay.addWidget(self.legend)
        self.canvas.horizontalScrollBar().valueChanged.connect(self.header.update)
        self.canvas.zoomRequested.connect(self._zoom_steps)
        self._make_actions()
        controller.changed.connect(self._on_changed)
        controller.reset.connect(self.reload)
        if outline is not None:
            self.set_outline(outline)
        else:
            self._use_own_lines()
        self.canvas.scroll_to_month(self.data.period[0] * 12, 0)

    # --- plumbing ---------------------------------------------------------------------------------------

    def _conn(self) -> Any:
        return self.controller.doc.session.connection()

    def run(self, name: str, fn: Any) -> Any:
        """Run ``fn`` as one undoable command; a user error is shown in a message box (returns None)."""
        try:
            return self.controller.execute(name, fn)
        except ReadOnlyError:  # the main window's banner already says why, once
            return None
        except DxError as exc:
            QMessageBox.warning(self, self.tr("工程表"), message_for(exc))
            return None

    def _connect(self, signal: Any, slot: Any) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def _disconnect_outline(self) -> None:
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the sender is already gone
                pass
        self._connections.clear()
        if self._follower is not None:
            self._follower.detach()
            self._follower = None

    # --- lines: outline or own ---------------------------------------------------------------------------

    def set_outline(self, outline: QTreeView | None) -> None:
        """Follow ``outline`` (its visible items, its vertical scrolling); None: lay out lines alone."""
        self._disconnect_outline()
        self.outline = outline
        if outline is None or self.initiative_id is not None:
            self._use_own_lines()
            return
        self.canvas.lines = OutlineLines(outline)
        self.canvas.left = 0
        self._follower = PaintFollower(outline.viewport(), self.canvas.viewport(), self.canvas)
        tree_bar = outline.verticalScrollBar()
        mine = self.canvas.verticalScrollBar()
        mine.setRange(tree_bar.minimum(), tree_bar.maximum())
        mine.setPageStep(tree_bar.pageStep())
        mine.setSingleStep(tree_bar.singleStep())
        mine.setValue(tree_bar.value())
        self._connect(tree_bar.rangeChanged, mine.setRange)
        self._connect(tree_bar.valueChanged, self._tree_scrolled)
        self._connect(mine.valueChanged, tree_bar.setValue)
        self._connect(outline.expanded, self._outline_changed)
        self._connect(outline.collapsed, self._outline_changed)
        model = outline.model()
        if model is not None:
            for sig in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.dataChanged,
                        model.layoutChanged, model.modelReset):
                self._connect(sig, self._outline_changed)
        self._sync_header_height()
        self.canvas.update_scrollbars()
        self.canvas.viewport().update()

    def _tree_scrolled(self, value: int) -> None:
        self.canvas.verticalScrollBar().setValue(value)
        self.canvas.viewport().update()

    def _outline_changed(self, *args: object) -> None:
        self.canvas.viewport().update()

    def _sync_header_height(self) -> None:
        """Make the header exactly as tall as the outline's top edge → first item, so lines align."""
        natural = self.header.natural_height()
        tree = self.outline
        if tree is not None and self.canvas.lines is not None and isinstance(self.canvas.lines, OutlineLines):
            if not tree.isHeaderHidden():
                tree.header().setMinimumHeight(natural - tree.frameWidth())
            offset = tree.viewport().geometry().top()
            self.header.setFixedHeight(max(offset, 1) if tree.isHeaderHidden() else max(offset, natural))
        else:
            self.header.setFixedHeight(natural)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._sync_header_height()
        self.canvas.update_scrollbars()

    def _use_own_lines(self) -> None:
        """Lay out lines alone: one initiative's rows, or (no outline) the whole plan."""
        entries: list[tuple[str, int, str, int]] = []
        if self.initiative_id is not None:
            for rid in self.data.rows_of(self.initiative_id):
                entries.append(("row", rid, self.data.rows[rid][3], self.data.depth(rid)))
            self.header.title_text = self.data.initiative_titles.get(self.initiative_id, "")
        else:
            view = load_plan_view(self._conn())
            for kind, item, depth in view.walk():
                title = getattr(item, "title", "")
                number = getattr(item, "number", "")
                entries.append((kind, item.id, f"{number} {title}".strip() if kind != "row" else title, depth))
            self.header.title_text = ""
        self.canvas.lines = OwnLines(entries, self.data)
        self.canvas.left = TITLE_WIDTH
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._sync_header_height()
        self.canvas.update_scrollbars()
        self.canvas.viewport().update()
        self.header.update()

    def set_initiative(self, initiative_id: int | None) -> None:
        """Show one initiative's rows standalone; None returns to the outline (or the whole plan)."""
        self.initiative_id = initiative_id
        self.canvas.select({}, {})
        if initiative_id is None and self.outline is not None:
            self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.set_outline(self.outline)
        else:
            self._disconnect_outline()
            self._use_own_lines()

    # --- data changes ------------------------------------------------------------------------------------

    def _on_changed(self, changeset: ChangeSet) -> None:
        tables = changeset.tables()
        touched = self.data.refresh(self._conn(), changeset)
        if "phases" in tables:
            self.legend.set_styles(self.data.styles)
        if isinstance(self.canvas.lines, OwnLines):
            if "schedule_rows" in tables or "initiatives" in tables or "sections" in tables:
                self._use_own_lines()
            elif touched:
                self.canvas.lines.relayout()
        self.canvas.prune_selection()
        axis = self.canvas.axis
        if tables <= {"bars", "milestones"} and self.data.fiscal_range() == (axis.first_fy, axis.last_fy):
            self._repaint_rows(touched)  # the common edit: repaint only the rows it touched
        else:
            self._refresh_axis()

    def _repaint_rows(self, row_ids: set[int]) -> None:
        vp = self.canvas.viewport()
        for line in self.canvas.visible_lines():
            if line.kind == "row" and line.id in row_ids:
                vp.update(0, line.y, vp.width(), line.height)

    def reload(self) -> None:
        """Re-read everything (the document was replaced)."""
        self.canvas.close_editor()
        self.canvas.cancel_drag()
        self.data.load(self._conn())
        self.legend.set_styles(self.data.styles)
        self.canvas.select({}, {})
        if self.outline is not None and self.initiative_id is None:
            self.set_outline(self.outline)
        else:
            self._use_own_lines()
        self._refresh_axis()
        self.canvas.scroll_to_month(self.data.period[0] * 12, 0)  # another plan opens at its first year

    def _refresh_axis(self, zoom: Zoom | None = None, anchor_x: float | None = None) -> None:
        """Rebuild the axis if the year range or zoom changed, keeping the month at ``anchor_x`` still."""
        old = self.canvas.axis
        first, last = self.data.fiscal_range()
        zoom = zoom or old.zoom
        if (old.first_fy, old.last_fy, old.zoom) != (first, last, zoom):
            g = self.canvas.geometry_()
            at = (self.canvas.viewport().width() + g.left) / 2 if anchor_x is None else anchor_x
            month = old.first_month + g.content_x(at) / old.month_px
            self.canvas.axis = TimeAxis(first, last, zoom)
            self.canvas.update_scrollbars()
            self.canvas.scroll_to_month(month, at)
        self.canvas.update_scrollbars()
        self.canvas.viewport().update()
        self.header.update()

    # --- zoom and actions ---------------------------------------------------------------------------------

    @property
    def zoom(self) -> str:
        """The zoom level: "year", "half", "quarter" or "month"."""
        return str(self.canvas.axis.zoom)

    @zoom.setter
    def zoom(self, value: str) -> None:
        self.set_zoom(value)

    def set_zoom(self, value: str | Zoom, anchor_x: float | None = None) -> None:
        """Zoom to ``value`` keeping the month at viewport x ``anchor_x`` (default: centre) in place."""
        zoom = Zoom(value)
        if zoom is self.canvas.axis.zoom:
            return
        self._refresh_axis(zoom, anchor_x)
        for act in self._zoom_group.actions():
            act.setChecked(act.data() == str(zoom))
        self.zoomChanged.emit(str(zoom))

    def _zoom_steps(self, steps: int, x: float) -> None:
        i = ZOOM_ORDER.index(self.canvas.axis.zoom)
        j = max(0, min(len(ZOOM_ORDER) - 1, i + steps))
        self.set_zoom(ZOOM_ORDER[j], x)

    def _make_actions(self) -> None:
        self._zoom_group = QActionGroup(self)
        self._zoom_group.setExclusive(True)
        self.zoom_actions: dict[str, QAction] = {}
        for z in ZOOM_ORDER:
            act = QAction(self.tr(ZOOM_NAMES[z]), self, checkable=True)
            act.setData(str(z))
            act.setChecked(z is Zoom.YEAR)
            act.setToolTip(self.tr("表示単位: {0}").format(self.tr(ZOOM_NAMES[z])))
            act.triggered.connect(lambda _=False, z=z: self.set_zoom(z))
            self._zoom_group.addAction(act)
            self.zoom_actions[str(z)] = act
        self.today_action = QAction(self.tr("今日"), self)
        self.today_action.setToolTip(self.tr("今日の位置へ移動"))
        self.today_action.triggered.connect(self.scroll_to_today)
        self.legend_action = QAction(self.tr("凡例"), self, checkable=True)
        self.legend_action.setChecked(True)
        self.legend_action.toggled.connect(self.legend.setVisible)
        self.zoom_in_action = QAction(self.tr("拡大"), self)
        self.zoom_in_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.zoom_in_action.triggered.connect(lambda: self._zoom_steps(1, self.canvas.viewport().width() / 2))
        self.zoom_out_action = QAction(self.tr("縮小"), self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.zoom_out_action.triggered.connect(lambda: self._zoom_steps(-1, self.canvas.viewport().width() / 2))
        self.addActions([self.zoom_in_action, self.zoom_out_action])

    def actions_for_toolbar(self) -> list[QAction]:
        """Actions for a toolbar: zoom levels (年度/半期/四半期/月), 今日, 凡例 (legend toggle)."""
        return [*self.zoom_actions.values(), self.today_action, self.legend_action]

    def scroll_to_today(self) -> None:
        """Scroll the time axis so today is in view."""
        self.canvas.scroll_to_month(today_month(self.canvas.today()))

