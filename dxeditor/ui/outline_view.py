"""The outline tree view: selection, in-place renaming (F2), drag and drop, filtering.

It keeps expansion and selection across model resets (by ``(kind, id)``) and hides
lines that do not match the find bar's filter while leaving them editable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QTreeView, QWidget

from dxeditor.core.errors import DxError
from dxeditor.formats import clipboard
from dxeditor.plan.ops import outline as ops
from dxeditor.plan.ops.outline import Item
from dxeditor.ui.dialogs.paste_preview import PastePreview
from dxeditor.ui.outline_filter import FilterScope, update_region
from dxeditor.ui.outline_model import Node, OutlineModel
from dxeditor.ui.typing_guard import guard_typing
from dxeditor.ui.undo import DocumentController

DELETE_CONFIRM_OVER = 3  # lines; deleting more asks first


class OutlineView(QTreeView):
    """A QTreeView over :class:`OutlineModel` with the outline's behaviour."""

    #: The current item changed: (kind, id) or None.
    current_item_changed = Signal(object)

    def __init__(self, model: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineView")
        self.outline = model
        self.setModel(model)
        guard_typing(self)  # a rename being typed stays when a change from elsewhere arrives
        self.setUniformRowHeights(False)
        # Scroll by lines, as a spreadsheet does. With lines of several heights (lanes) and
        # per-pixel scrolling Qt sums the height of every line above the viewport on each
        # paint and asks the model for every line's height after each structural change;
        # by lines it measures only the lines in view, whatever the plan's size.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setIndentation(16)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 64)
        self.setColumnWidth(2, 110)
        self._expanded: set[Item] = set()
        self._selected: list[Item] = []
        self._current: Item | None = None
        self._matches: set[Item] | None = None
        self._hidden: set[Item] = set()  # lines hidden in Qt by the filter (the topmost of each hidden part)
        self._shown_before: set[Item] | None = None  # lines the last filter pass showed (None: no filter)
        self._dirty: set[Item] = set()  # lines inserted since the last filter pass
        self._scope = FilterScope()  # where lines were inserted or removed since the last filter pass
        self._first = True
        self._known: set[Item] = set()
        self._painted_with: QWidget | None = None  # the window whose paint passes first lay out the outline
        self._doc = model.controller.doc
        model.modelAboutToBeReset.connect(self._remember)
        model.modelAboutToBeReset.connect(self._forget_hidden)
        model.rebuilt.connect(self._restore)
        model.inserted.connect(self._expand_new)
        model.inserted.connect(self._note_inserted)
        model.inserted.connect(self._scope.touch)
        model.rowsAboutToBeRemoved.connect(lambda parent, _first, _last: self._scope.touch(model.node(parent)))
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self._restore()

    # ------------------------------------------------------------------ state
    def _remember(self) -> None:
        doc = self.outline.controller.doc
        if doc is not self._doc:  # another plan (same ids, other items): it opens as the first one did
            self._doc = doc
            self._first = True
            self._expanded, self._selected, self._current = set(), [], None
            return
        self._expanded = {n.key() for n in self.outline.all_nodes()
                          if n.children and self.isExpanded(self.outline.index_of(*n.key()))}
        self._selected = self.selected_items()
        self._current = self.current_item()

    def _restore(self) -> None:
        if self._first:
            self.expandAll()
            self._first = False
        else:
            for n in self.outline.all_nodes():
                if n.children and (n.key() in self._expanded or n.key() not in self._known):
                    self.setExpanded(self.outline.index_of(*n.key()), True)
        self._known = {n.key() for n in self.outline.all_nodes()}
        if self._selected:
            self.select_items(self._selected, self._current)
        self.apply_filter(self._matches)

    def _expand_new(self, node: Node) -> None:
        """New lines (added, pasted, duplicated, moved, indented) show, with their contents."""
        parent = node.parent
        if parent is not None and parent.kind != "root":
            pindex = self.outline.index_of_node(parent)
            if not self.isExpanded(pindex):
                self.setExpanded(pindex, True)
        stack = [node]
        while stack:
            n = stack.pop()
            if n.children:
                self.setExpanded(self.outline.index_of_node(n), True)
                stack.extend(n.children)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._painted_with:
            if self._painted_with is not None:
                self._painted_with.removeEventFilter(self)
            window.installEventFilter(self)
            self._painted_with = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Lay out what an edit changed before the window paints: else the schedule, asking for
        # its lines while it paints, runs the layout then, and the outline's repaint that the
        # layout asks for waits for the next pass (one frame with the two views apart).
        if obj is self._painted_with and event.type() == QEvent.Type.UpdateRequest:
            self.executeDelayedItemsLayout()
        return False

    def edit(self, index: QModelIndex, trigger: Any = None, event: Any = None) -> Any:  # type: ignore[override]
        """Only the title (名称) is edited in place, and only while the plan can be changed."""
        if index.isValid() and (index.column() != 1 or self.outline.controller.doc.read_only):
            return False
        if trigger is None:
            return super().edit(index)
        return super().edit(index, trigger, event)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_item_changed.emit(self.outline.node(current).key() if current.isValid() else None)

    # ------------------------------------------------------------------ selection
    def current_item(self) -> Item | None:
        """The item with the keyboard focus."""
        index = self.currentIndex()
        return self.outline.node(index).key() if index.isValid() else None

    def selected_items(self) -> list[Item]:
        """The selected items in outline order."""
        rows = {self.outline.node(i).key() for i in self.selectionModel().selectedRows(0)}
        return [n.key() for n in self.outline.all_nodes() if n.key() in rows]

    def select_items(self, items: list[Item], current: Item | None = None) -> None:
        """Select ``items`` and make ``current`` (default: the first) the current item."""
        selection = QItemSelection()
        for kind, item_id in items:
            index = self.outline.index_of(kind, item_id)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.outline.COLUMNS - 1))
        cur = current if current is not None else (items[0] if items else None)
        sm = self.selectionModel()
        if cur is not None:
            index = self.outline.index_of(*cur)
            if index.isValid():
                sm.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(index)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                  | QItemSelectionModel.SelectionFlag.Rows)

    def select_item(self, kind: str, item_id: int) -> None:
        """Select one item."""
        self.select_items([(kind, item_id)])

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Qt's, then on down to a line left below the viewport (Down key, search hit, new line).

        Scrolling by lines, Qt takes a page to hold as many lines as fit at the end of the
        plan; where the lines above are taller (lanes), a line under the viewport counts as
        shown and the cursor walks out of sight.
        """
        super().scrollTo(index, hint)
        if hint is not QAbstractItemView.ScrollHint.EnsureVisible or not index.isValid():
            return
        bar, area = self.verticalScrollBar(), self.viewport().rect()
        rect = self.visualRect(index)
        while rect.height() and rect.bottom() > area.bottom() and rect.top() > area.top() \
                and bar.value() < bar.maximum():
            bar.setValue(bar.value() + 1)
            rect = self.visualRect(index)

    # ------------------------------------------------------------------ filtering
    def apply_filter(self, matches: set[Item] | None) -> None:
        """Hide lines that neither match nor contain a match (None shows everything).

        Only lines whose state changes are touched: those shown or hidden since the last
        call and those inserted since (moved, added, undone), so re-filtering after an edit
        costs what the edit changed, not the plan.
        """
        before_matches, self._matches = self._matches, matches
        self.outline.highlight = matches or set()
        if (before_matches or set()) != (matches or set()):
            self.viewport().update()  # the highlighted lines changed
        if matches is not None and before_matches is not None and self._filter_region(before_matches, matches):
            return
        self._scope.clear()
        index = self.outline._index
        dirty = self._dirty
        current = {k for k in self._hidden if k in index and k not in dirty}  # hidden in Qt now
        if matches is None:
            visible: set[Item] | None = None
            hide: set[Item] = set()
        else:
            visible = self._visible_for(matches)
            hide = set()
            for parent in [self.outline.root, *(index[k] for k in visible if k in index)]:
                hide.update(c.key() for c in parent.children if c.key() not in visible)
        before = self._shown_before
        expand: list[Node] = []
        if visible is not None:
            fresh = visible if before is None else (visible - before) | (visible & dirty)
            expand = [index[k] for k in fresh if k in index and index[k].children]
        self.setUpdatesEnabled(False)
        try:
            for key in current - hide:
                self._set_hidden(index[key], False)
            for key in hide - current:
                self._set_hidden(index[key], True)
            for node in expand:
                i = self.outline.index_of_node(node)
                if not self.isExpanded(i):
                    self.setExpanded(i, True)
        finally:
            self.setUpdatesEnabled(True)
        self._hidden = hide
        self._shown_before = visible
        dirty.clear()

    def _filter_region(self, before: set[Item], matches: set[Item]) -> bool:
        """Re-filter only the initiatives an edit changed (False: the whole outline must be walked)."""
        scope, index = self._scope, self.outline._index
        if scope.everything or self._shown_before is None:
            return False
        region = set(scope.initiatives)
        for key in before ^ matches:
            node = index.get(key)
            if node is None:
                continue  # removed with its initiative's rows (in the scope)
            if node.kind != "row":
                return False
            region.add(_initiative_of(node))
        initiatives = [index.get(("initiative", i)) for i in sorted(region)]
        if any(n is None for n in initiatives):
            return False
        changes, appeared = update_region(self.outline.root, initiatives, matches,  # type: ignore[arg-type]
                                          self._shown_before, self._hidden, self._dirty)
        expand = [i for i in (self.outline.index_of_node(n) for n in appeared if n.children) if not self.isExpanded(i)]
        if changes or expand:  # (turning updates back on repaints the whole outline: only when needed)
            self.setUpdatesEnabled(False)
            try:
                for node, hide in changes:
                    self._set_hidden(node, hide)
                for i in expand:
                    self.setExpanded(i, True)
            finally:
                self.setUpdatesEnabled(True)
        scope.clear()
        self._dirty.clear()
        return True

    def _visible_for(self, matches: set[Item]) -> set[Item]:
        """The matches, their ancestors and (except under a section) their descendants."""
        index = self.outline._index
        visible: set[Item] = set()
        for key in matches:
            n = index.get(key)
            if n is None:
                continue
            p: Node | None = n
            while p is not None and p.kind != "root" and p.key() not in visible:
                visible.add(p.key())
                p = p.parent
            if n.kind != "section":  # a section matches alone
                stack = list(n.children)
                while stack:
                    c = stack.pop()
                    visible.add(c.key())
                    stack.extend(c.children)
        return visible

    def _set_hidden(self, node: Node, hidden: bool) -> None:
        parent = node.parent
        pindex = QModelIndex() if parent is None or parent.kind == "root" else self.outline.index_of_node(parent)
        self.setRowHidden(node.row, pindex, hidden)

    def _note_inserted(self, node: Node) -> None:
        """Lines inserted since the last filter pass: Qt shows them whatever they were before."""
        stack = [node]
        while stack:
            n = stack.pop()
            self._dirty.add(n.key())
            stack.extend(n.children)

    def _forget_hidden(self) -> None:
        """A model reset: Qt forgot which lines were hidden."""
        self._hidden = set()
        self._shown_before = None
        self._scope.everything = True

    def visible_items(self) -> list[Item]:
        """Items not hidden by the filter, in outline order."""
        out: list[Item] = []

        def walk(node: Node, parent: QModelIndex) -> None:
            for child in node.children:
                if not self.isRowHidden(child.row, parent):
                    out.append(child.key())
                    walk(child, self.outline.index_of_node(child))

        walk(self.outline.root, QModelIndex())
        return out


class OutlineCommands(QObject):
    """The outline's editing commands (add, delete, duplicate, move, indent, copy, paste).

    Each one is an undoable change through the controller; refused input is reported
    through :attr:`error`, short confirmations through :attr:`message`.
    """

    error = Signal(str)
    message = Signal(str)

    def __init__(self, controller: DocumentController, view: OutlineView) -> None:
        super().__init__(view)
        self.controller = controller
        self.view = view
        self.model = view.outline
        self.preview: PastePreview | None = None  # the last paste preview (tab-separated text)

    def show_error(self, text: str) -> None:
        self.error.emit(text)

    def run(self, name: str, fn: Callable[[Any], Any]) -> Any:
        """Execute an undoable change; refused input is reported and None returned."""
        try:
            return self.controller.execute(name, fn)
        except DxError as exc:
            self.error.emit(exc.message())
        return None

    def _current_node(self) -> Node | None:
        item = self.view.current_item()
        return self.model._index.get(item) if item else None

    def add_item(self, what: str) -> None:
        """Insert a section, initiative, row or sub-row next to the current item and start naming it."""
        node = self._current_node()
        fn: Callable[[Any], int]
        kind = "row" if what == "subrow" else what
        if what == "section":
            if node is not None and node.kind == "section":
                parent = node.parent.id if node.parent and node.parent.kind == "section" else None
                at = _index_among(node) + 1
                fn = lambda rec: ops.add_section(rec, parent, self.tr("新しいセクション"), at)  # noqa: E731
            else:
                fn = lambda rec: ops.add_section(rec, None, self.tr("新しいセクション"))  # noqa: E731
        elif what == "initiative":
            while node is not None and node.kind == "row":
                node = node.parent
            if node is None:
                sections = [n for n in self.model.root.children if n.kind == "section"]
                sid = sections[-1].id if sections else None
                fn = lambda rec: ops.add_initiative(rec, sid, self.tr("新しい取組"))  # noqa: E731
            elif node.kind == "section":
                sid = node.id
                fn = lambda rec: ops.add_initiative(rec, sid, self.tr("新しい取組"))  # noqa: E731
            else:
                sid = node.parent.id if node.parent and node.parent.kind == "section" else None
                at = _index_among(node) + 1
                fn = lambda rec: ops.add_initiative(rec, sid, self.tr("新しい取組"), at)  # noqa: E731
        else:
            if node is None or node.kind == "section":
                self.show_error(self.tr("工程表の行を追加する取組（または行）を選んでください。"))
                return
            if node.kind == "initiative":
                iid = node.id
                fn = lambda rec: ops.add_row(rec, iid, None, self.tr("新しい行"))  # noqa: E731
            elif what == "subrow":
                iid, pid = _initiative_of(node), node.id
                fn = lambda rec: ops.add_row(rec, iid, pid, self.tr("新しい行"))  # noqa: E731
            else:
                iid = _initiative_of(node)
                pid = node.parent.id if node.parent and node.parent.kind == "row" else None
                at = _index_among(node) + 1
                fn = lambda rec: ops.add_row(rec, iid, pid, self.tr("新しい行"), at)  # noqa: E731
        names = {"section": self.tr("セクションの追加"), "initiative": self.tr("取組の追加"),
                 "row": self.tr("行の追加")}
        new_id = self.run(names[kind], fn)
        if new_id is not None:
            self.view.select_item(kind, new_id)
            self.view.setFocus()
            self.view.edit(self.model.index_of(kind, new_id, 1))

    def rename_current(self) -> None:
        """Edit the current item's title in place (F2)."""
        item = self.view.current_item()
        if item is not None:
            self.view.edit(self.model.index_of(*item, 1))

    def delete_selection(self) -> None:
        """Delete the selected items (asks first when that removes much)."""
        items = self.view.selected_items()
        if not items:
            return
        conn = self.controller.doc.session.connection()
        counts = ops.count_contents(conn, items)
        total = sum(counts.values())
        if total > DELETE_CONFIRM_OVER:
            text = self.tr("セクション {0} 件、取組 {1} 件、工程表の行 {2} 件を削除します。よろしいですか？\n"
                           "（削除は「元に戻す」で取り消せます）").format(
                counts["section"], counts["initiative"], counts["row"])
            answer = QMessageBox.question(self.view, self.tr("削除の確認"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return
        nodes = [self.model._index[i] for i in items if i in self.model._index]
        after = _neighbour(nodes)
        if self.run(self.tr("削除"), lambda rec: ops.delete_items(rec, items)) is None and after is not None:
            self.view.select_items([after])

    def duplicate_selection(self) -> None:
        """Deep-copy the selected items, each right after itself."""
        items = self.view.selected_items()
        if not items:
            return
        created: list[tuple[str, int]] = []

        def do(rec: Any) -> None:
            for kind, item_id in reversed(items):
                created.append((kind, ops.duplicate(rec, kind, item_id)))

        self.run(self.tr("複製"), do)
        if created:
            self.view.select_items(list(reversed(created)))

    def move_selection(self, delta: int) -> None:
        """Move the selected items up (-1) or down (+1) among their siblings."""
        items = self.view.selected_items()
        if not items:
            return
        current = self.view.current_item()
        order = items if delta < 0 else list(reversed(items))
        self.run(self.tr("上へ移動") if delta < 0 else self.tr("下へ移動"),
                 lambda rec: [ops.move(rec, k, i, delta) for k, i in order])
        self.view.select_items(items, current)

    def indent_selection(self, inwards: bool) -> None:
        """Indent (make a child of the previous sibling) or outdent the selected sections and rows."""
        items = self.view.selected_items()
        if not items:
            return
        current = self.view.current_item()
        fn = ops.indent if inwards else ops.outdent
        order = items if inwards else list(reversed(items))
        self.run(self.tr("字下げ") if inwards else self.tr("字下げ解除"), lambda rec: [fn(rec, k, i) for k, i in order])
        self.view.select_items(items, current)

    def collapse_to_initiatives(self) -> None:
        """Show sections and initiatives only."""
        self.view.expandAll()
        for n in self.model.all_nodes():
            if n.kind == "initiative":
                self.view.collapse(self.model.index_of(*n.key()))

    # ------------------------------------------------------------------ clipboard
    def copy_selection(self) -> None:
        """Copy the selected lines whole (for dxeditor) and as tab-separated text (for Excel)."""
        items = self.view.selected_items()
        if not items:
            return
        conn = self.controller.doc.session.connection()
        mime = QMimeData()
        mime.setText(clipboard.items_tsv(conn, items))
        mime.setData(clipboard.MIME_ROWS, QByteArray(clipboard.payload_to_bytes(clipboard.items_payload(conn, items))))
        QGuiApplication.clipboard().setMimeData(mime)
        self.message.emit(self.tr("{0} 行をコピーしました").format(len(items)))

    def _paste_target(self) -> tuple[tuple[str, int | None], int | None, str]:
        node = self._current_node()
        if node is None or node.kind == "section":
            return ("section", node.id if node else None), None, node.title if node else self.tr("計画の末尾")
        if node.kind == "initiative":
            return ("initiative", node.id), None, node.title
        return ("row", node.id), _index_among(node) + 1, node.title

    def paste(self) -> None:
        """Paste rows copied in dxeditor (whole), or a block from Excel after a preview of its columns."""
        mime = QGuiApplication.clipboard().mimeData()
        target, index, where = self._paste_target()
        if mime is not None and mime.hasFormat(clipboard.MIME_ROWS):
            try:
                payload = clipboard.payload_from_bytes(bytes(mime.data(clipboard.MIME_ROWS).data()))
            except DxError as exc:
                self.show_error(exc.message())
                return
            result = self.run(self.tr("貼り付け"), lambda rec: clipboard.paste_payload(rec, target, index, payload))
            if result:
                created, notes = result
                self._pasted(created)
                if notes:
                    self.show_error("\n".join(notes))
            return
        text = QGuiApplication.clipboard().text()
        try:
            table = clipboard.read_tsv(text)
        except DxError as exc:
            self.show_error(exc.message())
            return
        dialog = PastePreview(table, where, self.view)
        self.preview = dialog

        def accepted() -> None:
            try:
                lines = dialog.lines()
            except DxError as exc:
                self.show_error(exc.message())
                return
            created = self.run(self.tr("貼り付け"), lambda rec: clipboard.paste_lines(rec, target, index, lines))
            if created:
                self._pasted(created)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _pasted(self, created: list[tuple[str, int]]) -> None:
        self.view.select_items(created)
        self.message.emit(self.tr("{0} 行を貼り付けました").format(len(created)))


def _index_among(node: Node) -> int:
    """The node's index among its parent's children of the same kind."""
    assert node.parent is not None
    return [c for c in node.parent.children if c.kind == node.kind].index(node)


def _initiative_of(node: Node) -> int:
    p: Node | None = node
    while p is not None and p.kind != "initiative":
        p = p.parent
    assert p is not None
    return p.id


def _neighbour(nodes: list[Node]) -> tuple[str, int] | None:
    """What to select after deleting ``nodes``: the next line, else the previous, else the parent."""
    if not nodes:
        return None
    gone = {id(n) for n in nodes}
    last, first = nodes[-1], nodes[0]
    siblings = last.parent.children if last.parent else []
    for n in siblings[last.row + 1:]:
        if id(n) not in gone:
            return n.key()
    for n in reversed(siblings[:first.row]):
        if id(n) not in gone:
            return n.key()
    return first.parent.key() if first.parent and first.parent.kind != "root" else None
