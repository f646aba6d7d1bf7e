"""The outline as a Qt item model: sections → initiatives → schedule rows.

Built in one pass from :func:`dxeditor.services.readmodel.load_plan_view`. On every
change the plan view is read again; when the outline's shape is unchanged only the
changed lines are announced (``dataChanged``), otherwise the model resets cheaply and
the view restores expansion and selection by ``(kind, id)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from dxeditor.core.errors import DxError
from dxeditor.services import outline as ops
from dxeditor.services.changes import ChangeSet
from dxeditor.services.readmodel import PlanView, load_plan_view
from dxeditor.ui.roles import ID_ROLE, KIND_ROLE, LANE_HEIGHT, LANES_ROLE
from dxeditor.ui.undo import DocumentController

MIME = "application/x-dxeditor-outline"
OUTLINE_TABLES = {"sections", "initiatives", "schedule_rows", "bars", "milestones", "initiative_departments",
                  "row_departments", "departments", "department_names", "plan"}
AnyIndex = QModelIndex | QPersistentModelIndex


class Node:
    """One line of the outline."""

    __slots__ = ("children", "dept", "id", "kind", "lanes", "number", "parent", "row", "title")

    def __init__(self, kind: str, item_id: int, number: str, title: str, dept: str, lanes: int,
                 parent: Node | None) -> None:
        self.kind = kind
        self.id = item_id
        self.number = number
        self.title = title
        self.dept = dept
        self.lanes = lanes
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0

    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


def build_tree(view: PlanView) -> Node:
    """The outline tree of a plan view (root node has kind "root")."""
    root = Node("root", 0, "", "", "", 1, None)

    def add(parent: Node, node: Node) -> Node:
        node.row = len(parent.children)
        parent.children.append(node)
        return node

    def add_initiative(parent: Node, it: Any) -> None:
        inode = add(parent, Node("initiative", it.id, it.number, it.title, it.lead, 1, parent))
        by_id: dict[int, Node] = {}
        for r in it.rows:
            holder = by_id.get(r.parent_id, inode) if r.parent_id is not None else inode
            by_id[r.id] = add(holder, Node("row", r.id, "", r.title, r.lead, r.lanes, holder))

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


def _shape(node: Node, out: list[tuple[str, int, int]], depth: int = 0) -> list[tuple[str, int, int]]:
    for child in node.children:
        out.append((child.kind, child.id, depth))
        _shape(child, out, depth + 1)
    return out


class OutlineModel(QAbstractItemModel):
    """Three columns (番号 / 名称 / 主管課) over the plan outline; titles editable in place (F2)."""

    #: Emitted after a reset so views can restore expansion/selection.
    rebuilt = Signal()
    #: An edit or drop was refused: the message to show.
    refused = Signal(str)

    COLUMNS = 3

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.root = Node("root", 0, "", "", "", 1, None)
        self._index: dict[tuple[str, int], Node] = {}
        self.view: PlanView | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        controller.changed.connect(self.on_changed)
        controller.reset.connect(self.reload)
        self.reload()

    # ---------------------------------------------------------------- building
    def _read(self) -> PlanView:
        return load_plan_view(self.controller.doc.session.connection())

    def reload(self) -> None:
        """Rebuild everything from the document."""
        self.beginResetModel()
        self.view = self._read()
        self.root = build_tree(self.view)
        self._reindex()
        self.endResetModel()
        self.rebuilt.emit()

    def _reindex(self) -> None:
        self._index = {}
        stack = list(self.root.children)
        while stack:
            n = stack.pop()
            self._index[n.key()] = n
            stack.extend(n.children)

    def on_changed(self, changeset: ChangeSet) -> None:
        """Refresh after a change: in place when the shape holds, else a reset."""
        if not (changeset.tables() & OUTLINE_TABLES):
            return
        if self._titles_only(changeset):
            return
        view = self._read()
        tree = build_tree(view)
        if _shape(tree, []) != _shape(self.root, []):
            self.beginResetModel()
            self.view, self.root = view, tree
            self._reindex()
            self.endResetModel()
            self.rebuilt.emit()
            return
        self.view = view
        stack = list(zip(self.root.children, tree.children, strict=True))
        while stack:
            old, new = stack.pop()
            if (old.number, old.title, old.dept, old.lanes) != (new.number, new.title, new.dept, new.lanes):
                old.number, old.title, old.dept, old.lanes = new.number, new.title, new.dept, new.lanes
                left = self.createIndex(old.row, 0, old)
                self.dataChanged.emit(left, left.siblingAtColumn(self.COLUMNS - 1))
            stack.extend(zip(old.children, new.children, strict=True))

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
                index = self.createIndex(node.row, 1, node)
                self.dataChanged.emit(index, index)
        return True

    # ---------------------------------------------------------------- lookups
    def node(self, index: AnyIndex) -> Node:
        """The node behind ``index`` (the root for an invalid index)."""
        return index.internalPointer() if index.isValid() else self.root  # type: ignore[return-value]

    def index_of(self, kind: str, item_id: int, column: int = 0) -> QModelIndex:
        """The index of an item, or an invalid index."""
        n = self._index.get((kind, item_id))
        return self.createIndex(n.row, column, n) if n is not None else QModelIndex()

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
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.COLUMNS or row < 0:
            return QModelIndex()
        p = self.node(parent)
        if row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, column, p.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        p = self.node(index).parent
        if p is None or p is self.root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMNS

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("番号"), self.tr("名称"), self.tr("主管課"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        n = self.node(index)
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (n.number, n.title, n.dept)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return n.title if len(n.title) < 500 else n.title[:500] + "…"
        if role == KIND_ROLE:
            return n.kind
        if role == ID_ROLE:
            return n.id
        if role == LANES_ROLE:
            return n.lanes
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(-1, LANE_HEIGHT * (n.lanes if n.kind == "row" else 1))
        if role == Qt.ItemDataRole.FontRole and n.kind == "section":
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and n.kind == "row" and col != 1:
            return QColor("#555555")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        f = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
             | Qt.ItemFlag.ItemIsDropEnabled)
        if index.column() == 1 and not self.controller.doc.read_only:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
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
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        keys = dict.fromkeys(self.node(i).key() for i in indexes if i.isValid())
        data = QMimeData()
        data.setData(MIME, QByteArray(";".join(f"{k}:{i}" for k, i in keys).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
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

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
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
