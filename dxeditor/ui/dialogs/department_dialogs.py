"""Pieces of the departments manager: the tree model and the small input dialogs.

:class:`DepartmentTreeModel` shows the 部 / 課 / 係 tree as of a fiscal year;
:class:`NameDialog`, :class:`SplitDialog` and :class:`ImportPreviewDialog` ask for what an
action needs. They are classes of their own so tests can drive them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.fiscal import format_fy
from dxeditor.formats import department_list as di
from dxeditor.plan.ops import departments as dep

ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ANY = Qt.ItemDataRole.DisplayRole
_ROOT = QModelIndex()


def fy_text(fy: int) -> str:
    """令和7年度 (2025)."""
    return f"{format_fy(fy)} ({fy})"


def today_fy() -> int:
    """The current fiscal year."""
    t = date.today()
    return t.year if t.month >= 4 else t.year - 1


def year_combo(parent: QWidget, years: range, current: int | None, none_text: str | None = None) -> QComboBox:
    """A combo of fiscal years (data = year; an optional first entry with data None)."""
    combo = QComboBox(parent)
    if none_text is not None:
        combo.addItem(none_text, None)
    for y in years:
        combo.addItem(fy_text(y), y)
    i = combo.findData(current)
    combo.setCurrentIndex(i if i >= 0 else 0)
    return combo


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK / キャンセル buttons wired to the dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(dialog.tr("OK"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("キャンセル"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class _Node:
    __slots__ = ("children", "info", "parent", "used")

    def __init__(self, info: dep.DepartmentInfo | None, parent: _Node | None, used: int = 0) -> None:
        self.info, self.parent, self.used = info, parent, used
        self.children: list[_Node] = []


class DepartmentTreeModel(QAbstractItemModel):
    """The department tree with names as valid in ``fy``: columns 名称 / 種別 / 期間 / 使用."""

    #: (department id, new name) typed in place (F2); the dialog turns it into a command
    renameRequested = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None)
        self._by_id: dict[int, _Node] = {}
        self.headers = [self.tr("名称"), self.tr("種別"), self.tr("期間"), self.tr("使用")]

    def load(self, departments: list[dep.DepartmentInfo], counts: dict[int, int], fy: int, show_ended: bool) -> None:
        """Rebuild from :func:`dep.list_departments` (tree order): those valid in ``fy`` or all."""
        self.beginResetModel()
        self._root = _Node(None, None)
        self._by_id = {}
        for d in departments:
            if not (show_ended or d.valid_in(fy)):
                continue
            parent_id = d.parent_id
            parent = self._root
            while parent_id is not None:  # nearest ancestor that is shown
                if parent_id in self._by_id:
                    parent = self._by_id[parent_id]
                    break
                parent_id = next((x.parent_id for x in departments if x.id == parent_id), None)
            node = _Node(d, parent, counts.get(d.id, 0))
            parent.children.append(node)
            self._by_id[d.id] = node
        self._fy = fy
        self.endResetModel()

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[no-any-return]

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self.headers)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.children.index(node), 0, node)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _ANY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self.headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return f | Qt.ItemFlag.ItemIsEditable if index.column() == 0 else f

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _ANY) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        d = node.info
        assert d is not None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [d.name, d.kind, dep.span_text(d.valid_from_fy, d.valid_to_fy),
                    str(node.used) if node.used else ""][col]
        if role == ID_ROLE:
            return d.id
        if role == Qt.ItemDataRole.ForegroundRole and not d.valid_in(self._fy):
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ToolTipRole and not d.valid_in(self._fy):
            return self.tr("{0}には存在しません").format(format_fy(self._fy))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.EditRole:
            return False
        d = self._node(index).info
        if d is None or str(value) == d.name:
            return False
        self.renameRequested.emit(d.id, str(value))
        return False  # the command's reload shows the result

    def index_of(self, dept_id: int) -> QModelIndex:
        """The index of a department (column 0), invalid when not shown."""
        node = self._by_id.get(dept_id)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.children.index(node), 0, node)


class NameDialog(QDialog):
    """Ask for a department name (and kind, and a fiscal year when given one)."""

    def __init__(self, title: str, name: str = "", *, kind: str | None = None, fy: int | None = None,
                 years: range | None = None, fy_label: str = "", optional_fy: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name_edit = QLineEdit(name, self)
        form.addRow(self.tr("部署名"), self.name_edit)
        self.kind_combo: QComboBox | None = None
        if kind is not None:
            self.kind_combo = QComboBox(self)
            self.kind_combo.setEditable(True)
            self.kind_combo.addItem(self.tr("（名前から判断）"), "")
            for k in dep.KINDS:
                self.kind_combo.addItem(self.tr(k), k)  # translated by source text (ui/lower_strings.py)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
            form.addRow(self.tr("種別"), self.kind_combo)
        self.fy_combo: QComboBox | None = None
        if years is not None:
            self.fy_combo = year_combo(self, years, fy, self.tr("指定なし") if optional_fy else None)
            form.addRow(fy_label or self.tr("年度"), self.fy_combo)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> tuple[str, str, int | None]:
        """(name, kind or "", fiscal year or None)."""
        kind = ""
        if self.kind_combo is not None:
            kind = self.kind_combo.currentData() if self.kind_combo.currentText() == self.kind_combo.itemText(
                self.kind_combo.currentIndex()) else self.kind_combo.currentText()
        return self.name_edit.text(), kind or "", self.fy_combo.currentData() if self.fy_combo else None


class SplitDialog(QDialog):
    """Ask for the new names (one per line) and the first fiscal year of a split or a merge."""

    def __init__(self, title: str, intro: str, years: range, fy: int, *, multi: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        form.addRow(label)
        self.names_edit: QPlainTextEdit | QLineEdit
        if multi:
            self.names_edit = QPlainTextEdit(self)
            self.names_edit.setTabChangesFocus(True)
            self.names_edit.setPlaceholderText(self.tr("1行に1つずつ入力"))
            form.addRow(self.tr("新しい部署名"), self.names_edit)
        else:
            self.names_edit = QLineEdit(self)
            form.addRow(self.tr("統合後の部署名"), self.names_edit)
        self.fy_combo = year_combo(self, years, fy)
        form.addRow(self.tr("新体制の開始年度"), self.fy_combo)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def names(self) -> list[str]:
        """The names entered (blank lines dropped)."""
        text = self.names_edit.toPlainText() if isinstance(self.names_edit, QPlainTextEdit) else self.names_edit.text()
        return [x.strip() for x in text.splitlines() if x.strip()]

    def fy(self) -> int:
        """The first fiscal year of the new organisation."""
        return int(self.fy_combo.currentData())


class ImportPreviewDialog(QDialog):
    """What an import would do: each department with 追加 / 登録済み, and the skipped lines."""

    def __init__(self, path: str, preview: list[tuple[di.ImportItem, str]], problems: list[di.ImportProblem],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("部署の取込（確認）"))
        layout = QVBoxLayout(self)
        new = sum(1 for _, s in preview if s == "new")
        self.summary = QLabel(self.tr("{0}\n追加 {1} 件、登録済み {2} 件、読み飛ばし {3} 件").format(
            path, new, len(preview) - new, len(problems)), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(preview) + len(problems), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("行"), self.tr("部署"), self.tr("結果")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = [(i.line, " ＞ ".join(i.path), self.tr("追加") if s == "new" else self.tr("登録済み（読み飛ばし）"))
                for i, s in preview] + [(p.line, "", p.ja) for p in problems]
        for r, (line, path_text, status) in enumerate(sorted(rows, key=lambda x: x[0])):
            for c, v in enumerate((str(line), path_text, status)):
                self.table.setItem(r, c, QTableWidgetItem(v))
        layout.addWidget(self.table)
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("取り込む"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(new > 0)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.resize(640, 420)
