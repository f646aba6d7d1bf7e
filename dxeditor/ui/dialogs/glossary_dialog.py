"""The glossary editor: terms sorted by reading under 【A～】【あ～】【か～】… headers, with a filter.

Selecting a term loads it into the form; 保存 applies the form as one undoable command (an
edited form is also saved before another term is chosen or the dialog closes, so nothing
typed is lost); 削除 / Delete removes the selected term (undoable).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError, message_for
from dxeditor.plan.changes import ChangeSet
from dxeditor.plan.ops import glossary as gl
from dxeditor.ui.undo import DocumentController

ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_GROUP = 0  # internal id of group rows; term rows carry their group's row number + 1


class GlossaryModel(QAbstractItemModel):
    """Group rows (【A～】 …) with their terms as children: columns 用語 / よみ / 説明."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[gl.TermView]]] = []
        self.headers = [self.tr("用語"), self.tr("よみ"), self.tr("説明")]

    def load(self, groups: list[tuple[str, list[gl.TermView]]]) -> None:
        """Replace the content with :func:`gl.grouped_terms`."""
        self.beginResetModel()
        self.groups = groups
        self.endResetModel()

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if not 0 <= column < 3:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if 0 <= row < len(self.groups) else QModelIndex()
        if parent.internalId() != _GROUP or parent.column() != 0:
            return QModelIndex()
        terms = self.groups[parent.row()][1]
        return self.createIndex(row, column, parent.row() + 1) if 0 <= row < len(terms) else QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:
            return super().parent()
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, _GROUP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 3:
            return self.headers[section]
        return None

    def term(self, index: QModelIndex | QPersistentModelIndex) -> gl.TermView | None:
        """The term at ``index`` (None for a group row)."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self.groups[int(index.internalId()) - 1][1][index.row()]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        t = self.term(index)
        if t is None:
            label, terms = self.groups[index.row()]
            if role == _DISPLAY:
                return f"{label}（{len(terms)}）" if index.column() == 0 else ""
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == _DISPLAY:
            first = t.description.splitlines()[0] if t.description else ""
            return [t.term, t.reading, first][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return t.description
        if role == ID_ROLE:
            return t.id
        return None

    def index_of(self, term_id: int) -> QModelIndex:
        """The index (column 0) of a term, invalid when it is filtered out."""
        for g, (_, terms) in enumerate(self.groups):
            for r, t in enumerate(terms):
                if t.id == term_id:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()


class GlossaryDialog(QDialog):
    """用語集の編集: grouped, sorted list + filter on the left, the selected term's form on the right."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("用語集"))
        self.message_box: QMessageBox | None = None
        self.current_id: int | None = None
        self._loading = False
        self._dirty = False

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("用語・よみ・説明で絞り込み"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = GlossaryModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.tree)

        form_box = QWidget(self)
        form = QFormLayout(form_box)
        self.term_edit = QLineEdit(form_box)
        self.reading_edit = QLineEdit(form_box)
        self.description_edit = QPlainTextEdit(form_box)
        self.description_edit.setTabChangesFocus(True)
        self.group_label = QLabel(form_box)
        form.addRow(self.tr("用語"), self.term_edit)
        form.addRow(self.tr("よみ"), self.reading_edit)
        form.addRow(self.tr("分類"), self.group_label)
        form.addRow(self.tr("説明"), self.description_edit)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新規"), form_box)
        self.save_button = QPushButton(self.tr("保存"), form_box)
        self.delete_button = QPushButton(self.tr("削除"), form_box)
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.new_button.clicked.connect(self.new_term)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.save_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        delete_action = QAction(self.tr("削除"), self.tree)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete)
        self.tree.addAction(delete_action)
        self.undo_action = controller.undo_stack.createUndoAction(self, self.tr("元に戻す"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = controller.undo_stack.createRedoAction(self, self.tr("やり直し"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.tree.addAction(self.undo_action)
        self.tree.addAction(self.redo_action)
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # text fields keep their own Ctrl+Z

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self.filter_edit.textChanged.connect(lambda _t: self.reload())
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        for w in (self.term_edit, self.reading_edit):
            w.textEdited.connect(self._edited)
        self.description_edit.textChanged.connect(self._edited)
        controller.changed.connect(self._on_changed)
        controller.reset.connect(self.reload)
        self.resize(980, 600)
        self.reload()
        self.new_term()

    def _conn(self) -> Any:
        return self.controller.doc.session.connection()

    def reload(self) -> None:
        """Re-read the grouped list (with the filter), keeping the current term selected."""
        self._loading = True
        self.model.load(gl.grouped_terms(self._conn(), self.filter_edit.text()))
        self.tree.expandAll()
        for r in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(r, QModelIndex(), True)
        for col, limit in ((0, 240), (1, 220)):
            self.tree.resizeColumnToContents(col)
            self.tree.setColumnWidth(col, min(self.tree.columnWidth(col), limit))
        if self.current_id is not None:
            index = self.model.index_of(self.current_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self._loading = False

    def _on_changed(self, changeset: ChangeSet) -> None:
        if "glossary" in changeset.tables():
            if self.current_id is not None and not self._dirty:
                self._load_form(self.current_id)
            self.reload()

    def _edited(self) -> None:
        if self._loading:
            return
        self._dirty = True
        term = self.term_edit.text()
        self.reading_edit.setPlaceholderText(gl.suggest_reading(term) or self.tr("ひらがなで入力（並べ替えに使います）"))
        reading = self.reading_edit.text() or gl.suggest_reading(term)
        self.group_label.setText(gl.group_label(gl.group_of(term, reading)) if term.strip() else "")

    def _load_form(self, term_id: int | None) -> None:
        t = next((x for x in gl.list_terms(self._conn()) if x.id == term_id), None) if term_id is not None else None
        self._loading = True
        self.current_id = t.id if t else None
        self.term_edit.setText(t.term if t else "")
        self.reading_edit.setText(t.reading if t else "")
        self.description_edit.setPlainText(t.description if t else "")
        self.group_label.setText(gl.group_label(t.group) if t else "")
        self.delete_button.setEnabled(t is not None)
        self._loading = False
        self._dirty = False

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._loading:
            return
        t = self.model.term(current)
        if not self._save_pending():
            self._loading = True
            self.tree.setCurrentIndex(previous)
            self._loading = False
            return
        if t is not None:
            self._load_form(t.id)

    def new_term(self) -> None:
        """新規: an empty form for a new term (a pending edit is saved first)."""
        if not self._save_pending():
            return
        self._load_form(None)
        self.tree.clearSelection()
        self.term_edit.setFocus()

    def _write(self) -> None:
        term, reading, text = self.term_edit.text(), self.reading_edit.text(), self.description_edit.toPlainText()
        tid = self.current_id
        if tid is None:
            tid = self.controller.execute(self.tr("用語の追加"), lambda rec: gl.add_term(rec, term, reading, text))
        else:
            reading = reading or gl.suggest_reading(term)
            self.controller.execute(self.tr("用語の変更"), lambda rec: gl.update_term(
                rec, tid, term=term, reading=reading, description=text))
        self._dirty = False
        self._load_form(tid)
        self.reload()

    def save(self) -> bool:
        """保存: add the form as a new term or update the current one; False (and a message) when refused."""
        try:
            self._write()
        except DxError as exc:  # shown to the user, never a traceback
            self.show_error(message_for(exc))
            return False
        return True

    def _save_pending(self) -> bool:
        """Save an edited form before leaving it; when refused, ask whether to discard it."""
        if not self._dirty:
            return True
        if self.current_id is None and not (self.term_edit.text().strip() or self.reading_edit.text().strip()
                                            or self.description_edit.toPlainText().strip()):
            return True
        try:
            self._write()
        except DxError as exc:  # the person decides: fix it or drop it
            if self.confirm(self.tr("入力中の用語を保存できません。\n{0}\n\n入力中の内容を破棄しますか？").format(
                    message_for(exc))):
                self._dirty = False
                return True
            return False
        return True

    def confirm(self, text: str) -> bool:
        """Ask a yes/no question (replaced in tests)."""
        answer = QMessageBox.question(self, self.tr("用語集"), text)
        return answer == QMessageBox.StandardButton.Yes

    def delete(self) -> None:
        """削除: remove the current term (undoable)."""
        tid = self.current_id
        if tid is None:
            return
        try:
            self.controller.execute(self.tr("用語の削除"), lambda rec: gl.delete_term(rec, tid))
        except DxError as exc:  # shown to the user, never a traceback
            self.show_error(message_for(exc))
            return
        self._load_form(None)
        self.reload()

    def done(self, result: int) -> None:
        """Closing saves a pending edit first (or, when it is refused, asks whether to drop it)."""
        if not self._save_pending():
            return
        super().done(result)

    def show_error(self, text: str) -> None:
        """A warning box (window-modal, does not block the caller)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("用語集"), text, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()
