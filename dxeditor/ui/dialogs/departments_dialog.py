"""The departments manager: the 部 / 課 / 係 tree as of a chosen fiscal year, and every edit on it.

Every action (add, fix a name, rename from a year, merge, split, delete, move, import) is
one undoable command on ``controller.undo_stack``; the tree reloads when a change touches
departments. The tree model and the small input dialogs are in
:mod:`dxeditor.ui.dialogs.department_dialogs`, classes of their own so tests can drive them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core.errors import DxError, message_for
from dxeditor.core.fiscal import format_fy
from dxeditor.formats import department_list as di
from dxeditor.plan.changes import ChangeSet
from dxeditor.plan.ops import departments as dep
from dxeditor.plan.ops.plan_meta import plan_row
from dxeditor.ui.dialogs.department_dialogs import (
    ID_ROLE,
    DepartmentTreeModel,
    ImportPreviewDialog,
    NameDialog,
    SplitDialog,
    today_fy,
    year_combo,
)
from dxeditor.ui.undo import DocumentController

TABLES = {"departments", "department_names", "department_links", "initiative_departments", "row_departments",
          "initiatives", "schedule_rows"}


class DepartmentsDialog(QDialog):
    """部署の管理: the tree as of 表示年度, a usage panel, and one undoable command per action."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("部署の管理"))
        self.message_box: QMessageBox | None = None
        plan = plan_row(self._conn())
        fys = [x for d in dep.list_departments(self._conn()) for x in (d.valid_from_fy, d.valid_to_fy) if x]
        low = min([plan["period_start_fy"], today_fy(), *fys]) - 3
        high = max([plan["period_end_fy"], today_fy(), *fys]) + 3
        self.years = range(max(low, 1989), min(high, 2100) + 1)

        self.year_combo = year_combo(self, self.years, today_fy())
        self.show_ended = QCheckBox(self.tr("廃止された部署も表示"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("表示年度"), self))
        top.addWidget(self.year_combo)
        top.addWidget(self.show_ended)
        top.addStretch(1)

        self.model = DepartmentTreeModel(self)
        self.model.renameRequested.connect(self.fix_name)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)

        self.toolbar = QToolBar(self)
        self.actions_by_name: dict[str, QAction] = {}
        for key, text, slot, shortcut in (
            ("add", self.tr("追加"), self.add_sibling, QKeySequence("Ctrl+N")),
            ("add_child", self.tr("下位に追加"), self.add_child, QKeySequence("Ctrl+Shift+N")),
            ("fix", self.tr("名称変更"), self.start_fix_name, QKeySequence("F2")),
            ("rename", self.tr("改称(年度から)"), self.rename_from, QKeySequence("Ctrl+R")),
            ("merge", self.tr("統合"), self.merge, QKeySequence("Ctrl+M")),
            ("split", self.tr("分割"), self.split, QKeySequence("Ctrl+Shift+S")),
            ("delete", self.tr("削除"), self.delete, QKeySequence(QKeySequence.StandardKey.Delete)),
            ("up", self.tr("上へ"), lambda: self.move(-1), QKeySequence("Alt+Up")),
            ("down", self.tr("下へ"), lambda: self.move(1), QKeySequence("Alt+Down")),
            ("import", self.tr("取込（CSV・Excel）"), self.import_file, QKeySequence("Ctrl+I")),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.tree.addAction(action)
            self.actions_by_name[key] = action
        self.actions_by_name["fix"].setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.toolbar.addSeparator()
        undo = controller.undo_stack.createUndoAction(self, self.tr("元に戻す"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = controller.undo_stack.createRedoAction(self, self.tr("やり直し"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for key, action in (("undo", undo), ("redo", redo)):
            self.toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[key] = action

        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.usage_list = QListWidget(self)
        self.usage_list.setWordWrap(True)
        self.usage_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box = QGroupBox(self.tr("使用箇所"), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.details)
        box_layout.addWidget(self.usage_list)
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)

        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_ended.toggled.connect(lambda _b: self.reload())
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._show_usage())
        controller.changed.connect(self._on_changed)
        controller.reset.connect(self.reload)
        self.resize(900, 560)
        self.reload()

    # --- state ------------------------------------------------------------------------------

    def _conn(self) -> Any:
        return self.controller.doc.session.connection()

    @property
    def fy(self) -> int:
        """The fiscal year whose names are shown (表示年度)."""
        return int(self.year_combo.currentData())

    def set_fy(self, fy: int) -> None:
        """Show the tree as of ``fy``."""
        i = self.year_combo.findData(fy)
        if i >= 0:
            self.year_combo.setCurrentIndex(i)

    def selected_ids(self) -> list[int]:
        """The selected departments, current one first."""
        ids = [i.data(ID_ROLE) for i in self.tree.selectionModel().selectedRows(0)]
        cur = self.tree.currentIndex().siblingAtColumn(0).data(ID_ROLE)
        if cur in ids:
            ids.remove(cur)
            ids.insert(0, cur)
        return ids

    def select(self, dept_ids: list[int]) -> None:
        """Select departments by id (the first becomes current)."""
        sel = self.tree.selectionModel()
        sel.clearSelection()
        for n, d in enumerate(dept_ids):
            index = self.model.index_of(d)
            if not index.isValid():
                continue
            flags = sel.SelectionFlag.Select | sel.SelectionFlag.Rows
            if n == 0:
                sel.setCurrentIndex(index, flags)
            else:
                sel.select(index, flags)
            self.tree.scrollTo(index)

    def reload(self) -> None:
        """Re-read the tree, keeping the selection."""
        keep = self.selected_ids()
        conn = self._conn()
        self.model.load(dep.list_departments(conn, self.fy), dep.usage_counts(conn), self.fy,
                        self.show_ended.isChecked())
        self.tree.expandAll()
        for c in (1, 2, 3):
            self.tree.resizeColumnToContents(c)
        self.select(keep)
        self._show_usage()

    def _on_changed(self, changeset: ChangeSet) -> None:
        if changeset.tables() & TABLES:
            self.reload()

    def _show_usage(self) -> None:
        ids = self.selected_ids()
        self.usage_list.clear()
        if not ids:
            self.details.setText(self.tr("部署を選ぶと、使われている取組と工程表の行が表示されます。"))
            return
        conn = self._conn()
        d = next(x for x in dep.list_departments(conn, self.fy) if x.id == ids[0])
        lines = [f"{d.name}（{d.kind}）"]
        span = dep.span_text(d.valid_from_fy, d.valid_to_fy)
        if span:
            lines.append(self.tr("存続期間: {0}").format(span))
        for r in dep.renames(conn, d.id):
            lines.append(self.tr("{0}から「{1}」").format(format_fy(r.valid_from_fy), r.name))
        if d.valid_to_fy is not None and d.valid_to_fy < self.fy:
            lines.append(self.tr("{0}の担当: {1}").format(format_fy(self.fy), dep.label_in(conn, d.id, self.fy)))
        self.details.setText("\n".join(lines))
        places = dep.usage(conn, d.id)
        for u in places:
            self.usage_list.addItem(u.describe())
        if not places:
            self.usage_list.addItem(self.tr("（使われていません）"))

    # --- hooks (replaced in tests) ----------------------------------------------------------

    def run_prompt(self, dialog: QDialog) -> bool:
        """Show an input dialog modally; True when accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, text: str) -> bool:
        """Ask a yes/no question."""
        answer = QMessageBox.question(self, self.tr("部署の管理"), text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_path(self) -> str:
        """Ask for a CSV or workbook to import ("" when cancelled)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("部署一覧の取込"), "",
                                              self.tr("部署一覧 (*.csv *.txt *.xlsx *.xlsm);;すべてのファイル (*)"))
        return path

    def show_error(self, text: str) -> None:
        """A warning box (window-modal, does not block the caller)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("部署の管理"), text, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message_box = box
        box.open()

    def _execute(self, name: str, fn: Any) -> Any:
        """Run a command; a refusal is shown and None returned."""
        try:
            return self.controller.execute(name, fn)
        except DxError as exc:  # shown to the user, never a traceback
            self.show_error(message_for(exc))
            return None

    # --- actions ----------------------------------------------------------------------------

    def _add(self, parent_id: int | None, after_id: int | None, title: str) -> None:
        dlg = NameDialog(title, kind="", years=self.years, fy=None, optional_fy=True,
                         fy_label=self.tr("開始年度"), parent=self)
        if not self.run_prompt(dlg):
            return
        name, kind, fy = dlg.values()
        new = self._execute(self.tr("部署の追加"), lambda rec: dep.add_department(
            rec, name, parent_id, kind or None, valid_from_fy=fy, after_id=after_id))
        if new is not None:
            self.select([new])

    def add_sibling(self) -> None:
        """追加: a department beside the selected one (or at the top level)."""
        ids = self.selected_ids()
        parent = None
        if ids:
            parent = next(d.parent_id for d in dep.list_departments(self._conn()) if d.id == ids[0])
        self._add(parent, ids[0] if ids else None, self.tr("部署の追加"))

    def add_child(self) -> None:
        """下位に追加: a department under the selected one."""
        ids = self.selected_ids()
        if not ids:
            self.show_error(self.tr("上位の部署を選んでください。"))
            return
        self._add(ids[0], None, self.tr("下位の部署の追加"))

    def start_fix_name(self) -> None:
        """名称変更 (F2): edit the selected name in place."""
        index = self.tree.currentIndex().siblingAtColumn(0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.edit(index)

    def fix_name(self, dept_id: int, name: str) -> None:
        """Correct a name as valid in the shown year (a typo fix, no history)."""
        fy = self.fy
        self._execute(self.tr("部署名の修正"), lambda rec: dep.rename_department(rec, dept_id, name, fy))

    def _one(self) -> int | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            self.show_error(self.tr("部署を1つ選んでください。"))
            return None
        return ids[0]

    def rename_from(self) -> None:
        """改称(年度から): the selected department takes a new name from a fiscal year on."""
        d = self._one()
        if d is None:
            return
        dlg = NameDialog(self.tr("部署の改称"), dep.name_in(self._conn(), d, self.fy), years=self.years, fy=self.fy,
                         fy_label=self.tr("新しい名称の開始年度"), parent=self)
        if not self.run_prompt(dlg):
            return
        name, _, fy = dlg.values()
        if self._execute(self.tr("部署の改称"), lambda rec: dep.rename_from(rec, d, name, int(fy or 0))) is not None:
            self.set_fy(int(fy or self.fy))

    def merge(self) -> None:
        """統合: the selected departments become one new department from a fiscal year on."""
        ids = self.selected_ids()
        if len(ids) < 2:
            self.show_error(self.tr("統合する部署を2つ以上選んでください（Ctrl+クリック）。"))
            return
        names = "、".join(dep.name_in(self._conn(), d, self.fy) for d in ids)
        dlg = SplitDialog(self.tr("部署の統合"), self.tr("{0} を統合します。").format(names), self.years,
                          self.fy, multi=False, parent=self)
        if not self.run_prompt(dlg):
            return
        name, fy = " ".join(dlg.names()), dlg.fy()
        new = self._execute(self.tr("部署の統合"), lambda rec: dep.merge(rec, ids, name, fy))
        if new is not None:
            self.set_fy(fy)
            self.select([new])

    def split(self) -> None:
        """分割: the selected department becomes several new ones from a fiscal year on."""
        d = self._one()
        if d is None:
            return
        dlg = SplitDialog(self.tr("部署の分割"), self.tr("{0} を分割します。").format(
            dep.name_in(self._conn(), d, self.fy)), self.years, self.fy, multi=True, parent=self)
        if not self.run_prompt(dlg):
            return
        names, fy = dlg.names(), dlg.fy()
        new = self._execute(self.tr("部署の分割"), lambda rec: dep.split(rec, d, names, fy))
        if new is not None:
            self.set_fy(fy)
            self.select(new)

    def delete(self) -> None:
        """削除 (Delete): refused with where it is used; asks first when sub-departments go too."""
        d = self._one()
        if d is None:
            return
        try:
            dep.check_deletable(self._conn(), d)
        except DxError as exc:  # shown to the user, never a traceback
            self.show_error(message_for(exc))
            return
        below = dep.descendants(self._conn(), d)
        if below and not self.confirm(self.tr("「{0}」と下位の部署 {1} 件を削除します。よろしいですか？").format(
                dep.name_in(self._conn(), d, self.fy), len(below))):
            return
        self._execute(self.tr("部署の削除"), lambda rec: dep.delete_department(rec, d))

    def move(self, delta: int) -> None:
        """上へ / 下へ among the siblings shown."""
        d = self._one()
        if d is None:
            return
        fy = None if self.show_ended.isChecked() else self.fy
        self._execute(self.tr("部署の移動"), lambda rec: dep.move_department(rec, d, delta, fy))
        self.select([d])

    def import_file(self) -> None:
        """取込（CSV・Excel）: read, preview, then add what is new as one command."""
        path = self.ask_open_path()
        if not path:
            return
        try:
            parsed = di.parse_department_file(path)
        except (DxError, OSError) as exc:  # a bad file is a message, never a traceback
            self.show_error(message_for(exc))
            return
        preview = di.preview_import(self._conn(), parsed)
        if not self.run_prompt(ImportPreviewDialog(path, preview, parsed.problems, self)):
            return
        report = self._execute(self.tr("部署の取込"), lambda rec: di.import_departments(rec, parsed))
        if report is not None:
            self.status.setText(self.tr("{0} 件の部署を追加しました（読み飛ばし {1} 件）。").format(
                len(report.added), len(report.skipped)))
