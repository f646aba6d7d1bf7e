"""The compare view: two states of a plan side by side, 改定後 | 改定前, the changed characters marked.

The list of changes (in the order of the document) is filtered by kind and stepped
through with 次へ (F3) and 前へ (Shift+F3); the change shown is laid out in two columns
with the changed characters underlined, bold and shaded, as the printed 新旧対照表 marks
them. A 備考 (the reason for a change) is typed per change; the notes live in a dict the
caller keeps for the session and go into the PDF and Excel 新旧対照表.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import Cancelled, DxError, message_for
from dxeditor.plan.compare import KINDS, Change, Comparison, Marks, iter_marked

MARK_STYLE = "text-decoration: underline; font-weight: bold; background-color: #ffe08a;"
EXPORT_FORMATS = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}
Index = QModelIndex | QPersistentModelIndex


def marked_html(text: str, marks: Marks, empty: str = "（なし）") -> str:
    """``text`` as HTML with the marked spans underlined, bold and shaded; line breaks kept."""
    if not text:
        return f'<span style="color: #777;">{html.escape(empty)}</span>'
    parts = []
    for piece, changed in iter_marked(text, marks):
        escaped = html.escape(piece).replace("\n", "<br/>")
        parts.append(f'<span style="{MARK_STYLE}">{escaped}</span>' if changed else escaped)
    return "".join(parts)


class ChangeListModel(QAbstractTableModel):
    """The changes shown (those of the checked kinds): No., 種類, 場所, 備考."""

    def __init__(self, cmp: Comparison, notes: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self.cmp = cmp
        self.notes = notes
        self.headers = ("No.", self.tr("種類"), self.tr("場所"), self.tr("備考"))
        self.kinds = set(KINDS)
        self.shown: list[Change] = list(cmp.changes)
        self._number = {id(c): n for n, c in enumerate(cmp.changes, start=1)}

    def set_kinds(self, kinds: set[str]) -> None:
        """Show only changes of ``kinds``."""
        self.beginResetModel()
        self.kinds = set(kinds)
        self.shown = [c for c in self.cmp.changes if c.kind in self.kinds]
        self.endResetModel()

    def change(self, row: int) -> Change | None:
        """The change shown in ``row``."""
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def note_changed(self, change: Change) -> None:
        """Tell the view a change's 備考 was edited."""
        for row, c in enumerate(self.shown):
            if c is change:
                idx = self.index(row, 3)
                self.dataChanged.emit(idx, idx)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.change(index.row()) if index.isValid() else None
        if c is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return str(self._number[id(c)])
            if col == 1:
                return c.kind_name
            if col == 2:
                return c.where
            if col == 3:
                return " ".join(self.notes.get(c.key, "").split())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return c.where
        if role == Qt.ItemDataRole.UserRole:
            return c.key
        return None


class CompareView(QDialog):
    """改定後 | 改定前 side by side, one change at a time, with filter, stepping, 備考 and export."""

    #: A file was written (path), after export.
    exported = Signal(str)

    def __init__(self, cmp: Comparison, notes: dict[str, str] | None = None, parent: QWidget | None = None,
                 locate: Callable[[Change], bool] | None = None,
                 save_notes: Callable[[dict[str, str]], None] | None = None) -> None:
        super().__init__(parent)
        self.save_notes = save_notes
        self._unsaved: dict[str, str] = {}  # typed 備考 not yet kept in the plan
        self.setObjectName("compareView")
        self.cmp = cmp
        self.locate = locate
        self.notes = notes if notes is not None else {}
        self._loading = False
        self.setWindowTitle(self.tr("比較（新旧対照）: {0} → {1}").format(cmp.before_label, cmp.after_label))
        self.model = ChangeListModel(cmp, self.notes, self)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.kind_list = QListWidget(self)
        self.kind_list.setObjectName("kindFilter")
        self.kind_list.setAccessibleName(self.tr("表示する変更の種類"))
        counts = cmp.counts()
        for kind, name in KINDS.items():
            item = QListWidgetItem(f"{name} ({counts.get(kind, 0)})")
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                          | (Qt.ItemFlag.ItemIsEnabled if counts.get(kind) else Qt.ItemFlag.NoItemFlags))
            item.setCheckState(Qt.CheckState.Checked)
            self.kind_list.addItem(item)
        self.kind_list.itemChanged.connect(lambda _i: self.apply_filter())
        self.kind_list.setMaximumWidth(200)
        self.all_kinds_button = QPushButton(self.tr("すべての種類(&A)"), self)
        self.all_kinds_button.clicked.connect(self.check_all_kinds)
        kind_label = QLabel(self.tr("変更の種類(&K)"), self)
        kind_label.setBuddy(self.kind_list)
        left = QVBoxLayout()
        left.addWidget(kind_label)
        left.addWidget(self.kind_list, 1)
        left.addWidget(self.all_kinds_button)

        self.table = QTableView(self)
        self.table.setObjectName("changeList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(3, 160)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_change(cur.row()))
        self.table.activated.connect(lambda _idx: self.show_in_plan())  # Enter or double-click
        list_label = QLabel(self.tr("変更の一覧(&L)"), self)
        list_label.setBuddy(self.table)

        self.where = QLabel(self)
        self.where.setObjectName("changeWhere")
        self.where.setWordWrap(True)
        self.where.setStyleSheet("font-weight: bold;")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.after_view = self._browser("afterText", self.tr("改定後"))
        self.before_view = self._browser("beforeText", self.tr("改定前"))
        after_label = QLabel(self.tr("改定後: {0}").format(cmp.after_label), self)
        before_label = QLabel(self.tr("改定前: {0}").format(cmp.before_label), self)
        for lab in (after_label, before_label):
            lab.setStyleSheet("font-weight: bold; background: #e8eef6; padding: 3px;")
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        for lab, view in ((after_label, self.after_view), (before_label, self.before_view)):
            box = QWidget(sides)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(lab)
            lay.addWidget(view, 1)
            sides.addWidget(box)

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("改定の理由など（新旧対照表の備考欄に印刷されます）"))
        self.note_edit.setMaximumHeight(70)
        self.note_edit.textChanged.connect(self._note_typed)
        note_label = QLabel(self.tr("備考(&N)"), self)
        note_label.setBuddy(self.note_edit)

        self.prev_button = QPushButton(self.tr("前へ(&P)"), self)
        self.next_button = QPushButton(self.tr("次へ(&X)"), self)
        self.position = QLabel(self)
        self.locate_button = QPushButton(self.tr("計画で表示(&G)"), self)
        self.locate_button.setToolTip(self.tr("この変更の項目をメイン画面の一覧で選びます（Enter）"))
        self.locate_button.clicked.connect(self.show_in_plan)
        self.locate_button.setVisible(locate is not None)
        self.pdf_button = QPushButton(self.tr("PDF に出力(&D)…"), self)
        self.xlsx_button = QPushButton(self.tr("Excel に出力(&E)…"), self)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.close_button.clicked.connect(self.close)
        self.next_action = QAction(self.tr("次の変更"), self)
        self.next_action.setShortcut(QKeySequence("F3"))
        self.next_action.triggered.connect(lambda: self.step(1))
        self.prev_action = QAction(self.tr("前の変更"), self)
        self.prev_action.setShortcut(QKeySequence("Shift+F3"))
        self.prev_action.triggered.connect(lambda: self.step(-1))
        self.addActions([self.next_action, self.prev_action])
        self.prev_button.setToolTip("Shift+F3")
        self.next_button.setToolTip("F3")

        right = QVBoxLayout()
        right.addWidget(list_label)
        right.addWidget(self.table, 2)
        right.addWidget(self.where)
        right.addWidget(sides, 3)
        right.addWidget(note_label)
        right.addWidget(self.note_edit)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.position)
        buttons.addWidget(self.locate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.close_button)
        root = QVBoxLayout(self)
        root.addWidget(self.summary)
        root.addLayout(body, 1)
        root.addLayout(buttons)
        for a, b in ((self.kind_list, self.all_kinds_button), (self.all_kinds_button, self.table),
                     (self.table, self.after_view), (self.after_view, self.before_view),
                     (self.before_view, self.note_edit), (self.note_edit, self.prev_button)):
            QWidget.setTabOrder(a, b)
        self.resize(1100, 720)
        self._update_summary()
        self.show_change(-1)
        if self.model.rowCount():
            self.go_to(0)
        self.table.setFocus()

    def _browser(self, name: str, accessible: str) -> QTextBrowser:
        view = QTextBrowser(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setOpenLinks(False)
        return view

    # ------------------------------------------------------------------ showing
    def _update_summary(self) -> None:
        counts = self.cmp.counts()
        parts = "、".join(f"{KINDS[k]} {n}" for k, n in counts.items())
        if self.cmp.changes:
            text = self.tr("改定前「{0}」から改定後「{1}」への変更 {2} 件（{3}）").format(
                self.cmp.before_label, self.cmp.after_label, len(self.cmp.changes), parts)
        else:
            text = self.tr("改定前「{0}」と改定後「{1}」に違いはありません。").format(
                self.cmp.before_label, self.cmp.after_label)
        self.summary.setText(text)

    def current_row(self) -> int:
        """The row of the change shown (-1: none)."""
        idx = self.table.currentIndex()
        return idx.row() if idx.isValid() else -1

    def current_change(self) -> Change | None:
        """The change shown."""
        return self.model.change(self.current_row())

    def go_to(self, row: int) -> None:
        """Show the change in ``row`` of the list."""
        if not 0 <= row < self.model.rowCount():
            return
        idx = self.model.index(row, 0)
        self.table.setCurrentIndex(idx)
        self.table.selectRow(row)
        self.table.scrollTo(idx)

    def step(self, delta: int) -> None:
        """The next (+1) or previous (-1) change; stays at the ends."""
        n = self.model.rowCount()
        if not n:
            return
        row = self.current_row()
        target = 0 if row < 0 else max(0, min(n - 1, row + delta))
        self.go_to(target)

    def show_change(self, row: int) -> None:
        """Lay out change ``row`` in the two columns (the 備考 typed for the previous one is kept first)."""
        self.flush_notes()
        c = self.model.change(row)
        n = self.model.rowCount()
        self.prev_button.setEnabled(c is not None and row > 0)
        self.next_button.setEnabled(n > 0 and row < n - 1)
        self.note_edit.setEnabled(c is not None)
        self.locate_button.setEnabled(c is not None)
        self._loading = True
        try:
            if c is None:
                self.where.setText(self.tr("（表示する変更がありません）") if not n else "")
                self.after_view.clear()
                self.before_view.clear()
                self.note_edit.clear()
                self.position.setText(f"0 / {n}")
                return
            self.where.setText(f"［{c.kind_name}］ {c.where}")
            self.after_view.setHtml(marked_html(c.after, c.after_marks))
            self.before_view.setHtml(marked_html(c.before, c.before_marks))
            self.note_edit.setPlainText(self.notes.get(c.key, ""))
            self.position.setText(f"{row + 1} / {n}")
        finally:
            self._loading = False

    def _note_typed(self) -> None:
        if self._loading:
            return
        c = self.current_change()
        if c is None:
            return
        text = self.note_edit.toPlainText()
        if text.strip():
            self.notes[c.key] = text
        else:
            self.notes.pop(c.key, None)
        self._unsaved[c.key] = text
        self.model.note_changed(c)

    def flush_notes(self) -> bool:
        """Keep the typed 備考 in the plan (when the change shown changes, on export and on close)."""
        if not self._unsaved or self.save_notes is None:
            return True
        changed, self._unsaved = self._unsaved, {}
        try:
            self.save_notes(changed)
        except DxError as exc:
            self._unsaved = {**changed, **self._unsaved}
            QMessageBox.warning(self, self.tr("備考"), exc.message())
            return False
        return True

    def done(self, result: int) -> None:
        self.flush_notes()  # closing keeps what was typed
        super().done(result)

    def show_in_plan(self) -> bool:
        """Select the changed item in the main window's outline (when it is in the current plan)."""
        c = self.current_change()
        if c is None or self.locate is None:
            return False
        if self.locate(c):
            return True
        QMessageBox.information(self, "dxeditor", self.tr("この変更の項目は一覧にありません（計画全体の事項か、現在の計画では削除されています）。"))
        return False

    # ------------------------------------------------------------------ filter
    def checked_kinds(self) -> set[str]:
        """The kinds whose changes are listed."""
        out = set()
        for i in range(self.kind_list.count()):
            item = self.kind_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(item.data(Qt.ItemDataRole.UserRole))
        return out

    def set_kind_checked(self, kind: str, checked: bool) -> None:
        """Check or uncheck one kind in the filter."""
        for i in range(self.kind_list.count()):
            item = self.kind_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == kind:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def check_all_kinds(self) -> None:
        """Show every kind again."""
        self.kind_list.blockSignals(True)
        for i in range(self.kind_list.count()):
            self.kind_list.item(i).setCheckState(Qt.CheckState.Checked)
        self.kind_list.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        """List only the checked kinds; keep the change shown when it is still listed."""
        keep = self.current_change()
        self.model.set_kinds(self.checked_kinds())
        row = next((r for r, c in enumerate(self.model.shown) if c is keep), 0 if self.model.shown else -1)
        if row >= 0:
            self.go_to(row)
        else:
            self.show_change(-1)

    # ------------------------------------------------------------------ export
    def export(self, fmt: str, path: str | Path | None = None) -> Path | None:
        """Write the 新旧対照表 (pdf or xlsx) with the 備考 typed here; asks for the file unless ``path``."""
        self.flush_notes()
        if path is None:
            start = f"新旧対照表_{self.cmp.before_label}_{self.cmp.after_label}.{fmt}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("新旧対照表の出力"), start, EXPORT_FORMATS[fmt])
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        from dxeditor.app.versions import write_comparison
        from dxeditor.ui.background import run_with_progress

        cmp, notes = self.cmp, dict(self.notes)
        try:
            out = run_with_progress(self, self.tr("新旧対照表を書き出しています…"),
                                    lambda _progress: write_comparison(cmp, fmt, target, notes))
        except Cancelled:
            return None
        except (DxError, OSError) as exc:
            QMessageBox.warning(self, "dxeditor", message_for(exc))
            return None
        self.position.setToolTip(str(out))
        self.exported.emit(str(out))
        QMessageBox.information(self, "dxeditor", self.tr("書き出しました: {0}").format(out))
        return Path(out)
