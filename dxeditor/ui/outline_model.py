"""The outline as a Qt item model: sections → initiatives → schedule rows.

Built in one pass from :func:`dxeditor.plan.readmodel.load_plan_view`. A change costs what
it changes: renames and bar/milestone edits are applied in place (titles, lane counts of
the touched rows); a change to schedule rows (add, delete, move, indent, paste) reads the
rows of the initiatives the change set names and compares only those subtrees. Other
changes (sections, initiatives: numbers may change anywhere) read the plan view again and
compare the whole tree. Inserted, removed and changed lines are announced one by one;
only when that fails does the model reset (the view then restores expansion and selection
by ``(kind, id)``). The plan view is read without bars: rows carry their lane counts.

Size: the tree, its incremental patching and the Qt model interface belong together (the patching is what keeps edits fast).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from dxeditor.core.errors import DxError
from dxeditor.core.perf import gc_paused
from dxeditor.plan.changes import ChangeSet
from dxeditor.plan.department_names import department_names
from dxeditor.plan.ops import outline as ops
from dxeditor.plan.readmodel import (
    OutlineRow,
    PlanView,
    label_lines_of,
    lane_counts_of,
    load_plan_view,
    outline_rows_of,
)
from dxeditor.ui.roles import ID_ROLE, KIND_ROLE, LANE_HEIGHT, LANES_ROLE, lane_height
from dxeditor.ui.undo import DocumentController

MIME = "application/x-dxeditor-outline"
#: Tables whose changes touch only schedule rows of known initiatives (a row's departments, bars, milestones).
ROW_TABLES = {"schedule_rows", "row_departments", "bars", "milestones"}
OUTLINE_TABLES = {"sections", "initiatives", "schedule_rows", "bars", "milestones", "initiative_departments",
                  "row_departments", "departments", "department_names", "plan"}
#: Tables whose changes can rename a department (the outline shows the rows' lead departments).
DEPARTMENT_TABLES = {"departments", "department_names", "department_links"}
AnyIndex = QModelIndex | QPersistentModelIndex
_SIZES = [QSize(-1, LANE_HEIGHT * k) for k in range(32)]
_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
          | Qt.ItemFlag.ItemIsDropEnabled)
_EDITABLE = _FLAGS | Qt.ItemFlag.ItemIsEditable
# A row without sub-rows says so: Qt then neither asks for its children on every layout nor
# stores it as expanded in expandAll (one persistent index per line, walked on every edit).
_LEAF = Qt.ItemFlag.ItemNeverHasChildren
_FLAGS_LEAF = _FLAGS | _LEAF
_EDITABLE_LEAF = _EDITABLE | _LEAF
_HIGHLIGHT = QColor("#fff1a8")
_GREY = QColor("#555555")
_R = Qt.ItemDataRole
_R_DISPLAY, _R_EDIT, _R_TOOLTIP, _R_SIZE = int(_R.DisplayRole), int(_R.EditRole), int(_R.ToolTipRole), int(_R.SizeHintRole)
_R_BACKGROUND, _R_FONT, _R_FOREGROUND = int(_R.BackgroundRole), int(_R.FontRole), int(_R.ForegroundRole)
_R_KIND, _R_ID, _R_LANES = int(KIND_ROLE), int(ID_ROLE), int(LANES_ROLE)
#: The roles :meth:`OutlineModel.data` answers.
_ANSWERED = frozenset({_R_DISPLAY, _R_EDIT, _R_TOOLTIP, _R_SIZE, _R_BACKGROUND, _R_FONT, _R_FOREGROUND,
                       _R_KIND, _R_ID, _R_LANES})
#: The role under which each line's first-column item holds its :class:`Node`.
NODE_ROLE = Qt.ItemDataRole.UserRole + 40
_base_data = QStandardItemModel.data


class Node:
    """One line of the outline."""

    __slots__ = ("children", "dept", "id", "item", "kind", "lanes", "lines", "number", "parent", "row", "title")

    def __init__(self, kind: str, item_id: int, number: str, title: str, dept: str, lanes: int,
                 parent: Node | None, lines: int = 1) -> None:
        self.kind = kind
        self.lines = lines  # the most lines of one bar label (the row's lanes grow to show them)
        self.id = item_id
        self.number = number
        self.title = title
        self.dept = dept
        self.lanes = lanes
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        #: The line's first-column item in the model (None until attached, and once removed).
        self.item: QStandardItem | None = None

    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


def build_tree(view: PlanView, rows: dict[int, list[OutlineRow]] | None = None) -> Node:
    """The outline tree of a plan view (root node has kind "root").

    ``rows``: each initiative's schedule rows as plain tuples (:func:`outline_rows_of`), for a
    view read without rows; by default the view's own rows.
    """
    root = Node("root", 0, "", "", "", 1, None)

    def add(parent: Node, node: Node) -> Node:
        node.row = len(parent.children)
        parent.children.append(node)
        return node

    def add_initiative(parent: Node, it: Any) -> None:
        inode = add(parent, Node("initiative", it.id, it.number, it.title, it.lead, 1, parent))
        if rows is not None:
            add_rows(inode, rows.get(it.id, []))
        else:
            add_rows(inode, [(r.id, r.parent_id, r.title, r.lead, r.lanes, r.label_lines) for r in it.rows])

    def add_section(parent: Node, s: Any) -> None:
        snode = add(parent, Node("section", s.id, s.number, s.title, "", 1, parent))
        for sub in s.sections:
            add_section(snode, sub)
        for it in s.initiatives:
            add_initiative(snode, it)

    for it in view.loose:
        add_initiative(root, it)
    for s in view.sections:
        add_section(root, s)
    return root


def add_rows(inode: Node, rows: list[OutlineRow]) -> Node:
    """Hang ``rows`` (in outline order, parents first) under the initiative node ``inode``."""
    by_id: dict[int, Node] = {}
    for rid, parent_id, title, lead, lanes, lines in rows:
        holder = by_id.get(parent_id, inode) if parent_id is not None else inode
        node = Node("row", rid, "", title, lead, lanes, holder, lines)
        node.row = len(holder.children)
        holder.children.append(node)
        by_id[rid] = node
    return inode


def _subtree(node: Node) -> list[Node]:
    out: list[Node] = []
    stack = list(node.children)
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.children)
    return out


def _renumber(node: Node) -> None:
    for i, child in enumerate(node.children):
        child.row = i


def _lcs(a: list[tuple[str, int]], b: list[tuple[str, int]]) -> set[tuple[str, int]]:
    """Keys of a longest common subsequence of ``a`` and ``b`` (the children that stay put)."""
    common = set(a) & set(b)
    a = [k for k in a if k in common]
    b = [k for k in b if k in common]
    if a == b:
        return set(a)
    head = 0  # the common head and tail stay put: a single move leaves only a short middle to compare
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    fixed = set(a[:head]) | set(a[len(a) - tail:])
    a, b = a[head:len(a) - tail], b[head:len(b) - tail]
    n, m = len(a), len(b)
    if n * m > 4_000_000:  # huge reorders: keep nothing in the middle, re-insert it
        return fixed
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    keep: set[tuple[str, int]] = set(fixed)
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            keep.add(a[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return keep


def _make_item(node: Node) -> QStandardItem:
    """The first-column item of ``node`` and of its whole subtree (detached; three columns below)."""
    item = QStandardItem()
    item.setData(node, NODE_ROLE)
    item.setFlags(_FLAGS_LEAF if node.kind == "row" and not node.children else _FLAGS)
    node.item = item
    if node.children:
        item.setColumnCount(OutlineModel.COLUMNS)
        item.appendRows([_make_item(c) for c in node.children])
    return item


def _forget_items(node: Node) -> None:
    """``node``'s subtree left the model: its items are gone."""
    stack = [node]
    while stack:
        n = stack.pop()
        n.item = None
        stack.extend(n.children)


class OutlineModel(QStandardItemModel):
    """Three columns (番号 / 名称 / 主管課) over the plan outline; titles editable in place (F2).

    The structure lives in Qt (a :class:`QStandardItemModel` whose first-column items hold
    their :class:`Node`), so the tree view lays out a 10,000-line plan after an insertion or
    removal without calling Python for every line; only :meth:`data` (asked for the lines
    in view) is Python. Columns 2 and 3 have no items of their own: their text comes from
    the first column's node, and which cells can be edited is the view's business.
    """

    #: Emitted after a reset so views can restore expansion/selection.
    rebuilt = Signal()
    #: An edit or drop was refused: the message to show.
    refused = Signal(str)
    #: A node (with its subtree) was inserted; views expand it.
    inserted = Signal(object)

    COLUMNS = 3

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.root = Node("root", 0, "", "", "", 1, None)
        self._index: dict[tuple[str, int], Node] = {}
        #: Items matching the find bar, drawn highlighted.
        self.highlight: set[tuple[str, int]] = set()
        #: The departments' names for the rows' lead column, read again after a change to departments.
        self._names: dict[int, str] | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self.setColumnCount(self.COLUMNS)
        controller.changed.connect(self.on_changed)
        controller.reset.connect(self.reload)
        self.reload()

    # ---------------------------------------------------------------- building
    def _read_tree(self) -> Node:
        """The whole outline from the document: sections and initiatives (numbered), rows as plain tuples."""
        conn = self.controller.doc.session.connection()
        with gc_paused():
            return build_tree(load_plan_view(conn, items=False, rows=False), outline_rows_of(conn))

    def reload(self) -> None:
        """Rebuild everything from the document."""
        self._names = None
        self._replace(self._read_tree())

    def _replace(self, tree: Node) -> None:
        with gc_paused():
            items = [_make_item(c) for c in tree.children]
        # One reset, announced before anything goes (views remember expansion and selection then);
        # the row-by-row signals of replacing the items would only repeat it (clear() in PySide
        # removes the top rows one by one first, before the views are told of the reset).
        self.beginResetModel()
        blocked = self.blockSignals(True)
        try:
            top = self.invisibleRootItem()
            top.removeRows(0, top.rowCount())
            _forget_items(self.root)
            self.root = tree
            if items:
                top.appendRows(items)
        finally:
            self.blockSignals(blocked)
        with gc_paused():
            self._reindex()
        self.endResetModel()
        self.rebuilt.emit()

    def _reindex(self) -> None:
        self._index = {}
        index = self._index
        stack = list(self.root.children)
        while stack:
            n = stack.pop()
            index[(n.kind, n.id)] = n
            if n.children:
                stack.extend(n.children)

    def on_changed(self, changeset: ChangeSet) -> None:
        """Refresh after a change: rows inserted, removed or moved one by one, data in place.

        The plan is read again (numbers may change anywhere); the old and new trees are
        compared parent by parent. Only when that fails does the model reset.
        """
        if changeset.tables() & DEPARTMENT_TABLES:
            self._names = None
        if not (changeset.tables() & OUTLINE_TABLES):
            return
        if self._titles_only(changeset) or self._lanes_only(changeset) or self._rows_only(changeset):
            return
        tree = self._read_tree()
        if not self._patch(self.root, tree):  # pragma: no cover - defensive
            self._replace(tree)
            return
        self._reindex()

    def _holder(self, node: Node) -> QStandardItem:
        return self.invisibleRootItem() if node is self.root else node.item  # type: ignore[return-value]

    def _patch(self, old: Node, new: Node) -> bool:
        """Make ``old``'s subtree equal to ``new``'s, announcing each step."""
        old_keys = [c.key() for c in old.children]
        new_keys = [c.key() for c in new.children]
        if old_keys != new_keys:
            keep = _lcs(old_keys, new_keys)
            holder = self._holder(old)
            for i in range(len(old.children) - 1, -1, -1):  # removals, from the end
                if old.children[i].key() not in keep:
                    gone = old.children.pop(i)
                    _renumber(old)
                    holder.removeRow(i)
                    _forget_items(gone)
            if old.kind == "row" and not old.children and new.children:
                holder.setFlags(_FLAGS)  # no longer a leaf: Qt must look for its children
            if holder.columnCount() < self.COLUMNS:
                holder.setColumnCount(self.COLUMNS)
            for i, child in enumerate(new.children):  # insertions (whole new subtrees)
                if child.key() not in keep:
                    child.parent = old
                    old.children.insert(i, child)
                    _renumber(old)
                    holder.insertRow(i, _make_item(child))
                    self.inserted.emit(child)
            if old.kind == "row" and not old.children:
                holder.setFlags(_FLAGS_LEAF)
            if [c.key() for c in old.children] != new_keys:
                return False
        for o, n in zip(old.children, new.children, strict=True):
            if o is n:
                continue
            if (o.number, o.title, o.dept, o.lanes, o.lines) != (n.number, n.title, n.dept, n.lanes, n.lines):
                o.number, o.title, o.dept, o.lanes, o.lines = n.number, n.title, n.dept, n.lanes, n.lines
                self._announce(o)
            if not self._patch(o, n):
                return False
        return True

    def _announce(self, node: Node, first: int = 0, last: int = COLUMNS - 1) -> None:
        """Tell the views that ``node``'s line changed (columns ``first``..``last``)."""
        left = self.index_of_node(node, first)
        if left.isValid():
            self.dataChanged.emit(left, left.siblingAtColumn(last))

    def _rows_only(self, changeset: ChangeSet) -> bool:
        """Apply a change to schedule rows by reading only the rows of the initiatives it touched."""
        if not (changeset.tables() & OUTLINE_TABLES) <= ROW_TABLES:
            return False
        inits: set[int] = set()
        for c in changeset.changes:
            if c.table not in ROW_TABLES:
                continue
            for d in (c.before, c.after):
                if d is None:
                    continue
                if c.table == "schedule_rows":
                    inits.add(int(d["initiative_id"]))
                    continue
                node = self._index.get(("row", int(d["row_id"])))
                if node is not None:
                    inits.add(_initiative_id(node))
                elif int(d["row_id"]) not in changeset.ids("schedule_rows"):
                    return False  # a row this outline does not know: read everything
        nodes = [self._index.get(("initiative", i)) for i in sorted(inits)]
        if any(n is None for n in nodes):
            return False
        conn = self.controller.doc.session.connection()
        if self._names is None:
            self._names = department_names(conn)
        with gc_paused():
            fresh = outline_rows_of(conn, sorted(inits), self._names)
            gone: set[tuple[str, int]] = set()
            for node in nodes:
                assert node is not None
                gone.update(n.key() for n in _subtree(node))
                new = add_rows(Node("initiative", node.id, node.number, node.title, node.dept, 1, node.parent),
                               fresh.get(node.id, []))
                if not self._patch(node, new):  # pragma: no cover - defensive
                    return False
            for node in nodes:
                assert node is not None
                for n in _subtree(node):
                    gone.discard(n.key())
                    self._index[n.key()] = n
            for key in gone:
                self._index.pop(key, None)
        return True

    def _lanes_only(self, changeset: ChangeSet) -> bool:
        """Apply a change to bars or milestones: only the touched rows' lane counts can change."""
        if not changeset.tables() <= {"bars", "milestones"}:
            return False
        rows = {int(d["row_id"]) for c in changeset.changes for d in (c.before, c.after) if d is not None}
        nodes = [n for n in (self._index.get(("row", r)) for r in rows) if n is not None]
        if not nodes:
            return True
        conn = self.controller.doc.session.connection()
        counts = lane_counts_of(conn, [n.id for n in nodes])
        lines = label_lines_of(conn, [n.id for n in nodes])
        for node in nodes:
            lanes = counts.get(node.id, 1)
            n_lines = lines.get(node.id, 1)
            if (node.lanes, node.lines) != (lanes, n_lines):
                node.lanes, node.lines = lanes, n_lines
                self._announce(node)
        return True

    def _titles_only(self, changeset: ChangeSet) -> bool:
        """Apply a change that only renames outline items without reading the plan again."""
        kinds = {"sections": "section", "initiatives": "initiative", "schedule_rows": "row"}
        harmless = {"title", "note", "summary", "description", "national_target_fy", "national_target_text",
                    "national_category", "national_number", "kind"}
        todo = []
        for c in changeset.changes:
            if c.table not in kinds or c.before is None or c.after is None:
                return False
            if any(c.before.get(k) != v for k, v in c.after.items() if k not in harmless):
                return False
            node = self._index.get((kinds[c.table], c.id))
            if node is None:
                return False
            todo.append((node, str(c.after.get("title", node.title))))
        for node, title in todo:
            if node.title != title:
                node.title = title
                self._announce(node, 1, 1)
        return True

    # ---------------------------------------------------------------- lookups
    def node(self, index: AnyIndex) -> Node:
        """The node behind ``index`` (the root for an invalid index)."""
        if not index.isValid():
            return self.root
        node = _base_data(self, index.siblingAtColumn(0) if index.column() else index, NODE_ROLE)
        return node if node is not None else self.root  # type: ignore[no-any-return]

    def index_of_node(self, node: Node, column: int = 0) -> QModelIndex:
        """The index of ``node``'s line (invalid for the root or a node no longer shown)."""
        item = node.item
        if item is None:
            return QModelIndex()
        index = self.indexFromItem(item)
        return index.siblingAtColumn(column) if column else index

    def index_of(self, kind: str, item_id: int, column: int = 0) -> QModelIndex:
        """The index of an item, or an invalid index."""
        n = self._index.get((kind, item_id))
        return self.index_of_node(n, column) if n is not None else QModelIndex()

    def all_nodes(self) -> list[Node]:
        """Every node in outline order."""
        out: list[Node] = []
        stack = list(reversed(self.root.children))
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(reversed(n.children))
        return out

    # -------------------------------------------------------------- the model API
    # The structure (index, parent, rowCount, flags) is Qt's own; the views may not change it.
    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return False

    def insertRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return False

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int, destination_parent: AnyIndex,
                 destination_child: int) -> bool:
        return False

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("番号"), self.tr("名称"), self.tr("主管課"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # asked ~10 times per cell on every paint (and for sizes on every layout): roles this
        # model never answers return before the node is looked up, and roles compare as ints
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == _R_BACKGROUND and not self.highlight:
            return None
        col = index.column()
        n = _base_data(self, index.siblingAtColumn(0) if col else index, NODE_ROLE)
        if n is None:
            return None
        if role == _R_SIZE:
            lanes = n.lanes if n.kind == "row" else 1
            if n.lines > 1 and n.kind == "row":
                return QSize(-1, lane_height(n.lines) * lanes)
            return _SIZES[lanes] if lanes < len(_SIZES) else QSize(-1, LANE_HEIGHT * lanes)
        if role == _R_DISPLAY or role == _R_EDIT:
            return (n.number, n.title, n.dept)[col]
        if role == _R_TOOLTIP:
            if col != 1:
                return None
            return n.title if len(n.title) < 500 else n.title[:500] + "…"
        if role == _R_KIND:
            return n.kind
        if role == _R_ID:
            return n.id
        if role == _R_LANES:
            return n.lanes
        if role == _R_BACKGROUND:
            return _HIGHLIGHT if (n.kind, n.id) in self.highlight else None
        if role == _R_FONT:
            return self._bold if n.kind == "section" else None
        if role == _R_FOREGROUND:
            return _GREY if n.kind == "row" and col != 1 else None
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        n = self.node(index)
        if str(value) == n.title:
            return False
        kind, item_id = n.kind, n.id
        try:
            self.controller.execute(self.tr("名称の変更"), lambda rec: ops.rename(rec, kind, item_id, str(value)))
        except DxError as exc:
            self.refused.emit(exc.message())
            return False
        return True

    # ---------------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        chosen = {self.node(i).key() for i in indexes if i.isValid()}
        keys = [n.key() for n in self.all_nodes() if n.key() in chosen]  # outline order
        data = QMimeData()
        data.setData(MIME, QByteArray(";".join(f"{k}:{i}" for k, i in keys).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        if not data.hasFormat(MIME) or self.controller.doc.read_only:
            return False
        target = self.node(parent)
        kinds = {k.split(":")[0] for k in bytes(data.data(MIME).data()).decode().split(";") if k}
        if len(kinds) != 1:
            return False
        kind = kinds.pop()
        if kind in ("section", "initiative"):
            return target.kind in ("root", "section")
        return target.kind in ("initiative", "row")

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.node(parent)
        items = [(k, int(i)) for k, i in (x.split(":") for x in bytes(data.data(MIME).data()).decode().split(";") if x)]
        dest = None if target.kind == "root" else target.key()
        kind = items[0][0]
        # ``row`` counts every child of the target; convert it to an index among same-kind siblings
        same = [c for c in target.children if c.kind == kind]
        if row < 0:
            index: int | None = None
        else:
            index = sum(1 for c in target.children[:row] if c.kind == kind)
        moving = {i for _, i in items}
        if index is not None:
            index -= sum(1 for c in same[:index] if c.id in moving)

        def do(rec: Any) -> None:
            at = index
            for k, i in items:
                ops.move_to(rec, k, i, dest, at)
                if at is not None:
                    at += 1

        try:
            self.controller.execute(self.tr("移動"), do)
        except DxError as exc:
            self.refused.emit(exc.message())
        return False  # the model rebuilds itself; Qt must not remove the dragged rows


def _initiative_id(node: Node) -> int:
    """The id of the initiative holding a row node."""
    p: Node | None = node
    while p is not None and p.kind != "initiative":
        p = p.parent
    return p.id if p is not None else 0
