"""Detail forms for the selected outline item: initiative, section, schedule row.

The initiative form composes the Designer form ``forms/initiative_form.ui``. Every edit
goes through ``DocumentController.execute`` as one named, undoable command: line edits
when editing finishes, bullet lists when they lose focus or after a pause, lists and
pickers at once. Refused input is reported through :attr:`DetailForm.refused` and the
field shows the stored value again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from dxeditor.core.errors import DxError
from dxeditor.core.fiscal import format_fy
from dxeditor.plan.changes import ChangeSet, row_dict
from dxeditor.plan.department_names import department_names
from dxeditor.plan.ops import initiatives as svc
from dxeditor.store import models as m
from dxeditor.ui.bullet_editor import BulletEditor
from dxeditor.ui.forms.ui_initiative_form import Ui_InitiativeForm
from dxeditor.ui.kpi_table import kpi_table, reference_table
from dxeditor.ui.undo import DocumentController

SECTION_KIND_NAMES = {"policy": "基本方針", "pillar": "柱", "group": "グループ"}
BLOCK_EDITORS = {"current": "currentEdit", "direction": "directionEdit", "content": "contentEdit"}


def department_choices(controller: DocumentController) -> list[tuple[int, str]]:
    """(id, indented name) of every department in tree order, names as valid today."""
    conn = controller.doc.session.connection()
    names = department_names(conn)
    t = m.Department.__table__
    rows = conn.execute(select(t.c.id, t.c.parent_id).order_by(t.c.position, t.c.id)).all()
    by_parent: dict[Any, list[int]] = {}
    for r in rows:
        by_parent.setdefault(r.parent_id, []).append(r.id)
    out: list[tuple[int, str]] = []

    def walk(parent: Any, depth: int) -> None:
        for d in by_parent.get(parent, []):
            out.append((d, "　" * depth + names.get(d, "")))
            walk(d, depth + 1)

    walk(None, 0)
    return out


def national_target_text(fy: int | None, text: str) -> str:
    """The national target as shown: the free text, else the fiscal year."""
    return text or (format_fy(fy) if fy is not None else "")


_ROW_PLACE = {"position", "parent_id", "initiative_id"}


def _touches_row(changeset: ChangeSet, row_id: int) -> bool:
    """Whether ``changeset`` changed what the row form shows of row ``row_id`` (its fields, its departments)."""
    for c in changeset.changes:
        if c.table == "schedule_rows" and c.id == row_id:
            if c.before is None or c.after is None or set(c.changed_values()) - _ROW_PLACE:
                return True
            continue  # only moved or renumbered: the form shows nothing of its place
        if c.table in ("departments", "department_names"):
            return True
        if c.table == "row_departments" and any(d is not None and d.get("row_id") == row_id
                                                for d in (c.before, c.after)):
            return True
    return False


class DetailForm(QWidget):
    """Base of the detail forms: the controller, the item shown, and safe command running."""

    #: An edit was refused: the message to show.
    refused = Signal(str)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item_id: int | None = None
        self._loading = False

    def conn(self) -> Any:
        return self.controller.doc.session.connection()

    def run(self, name: str, fn: Callable[[Any], Any]) -> bool:
        """Execute an undoable change; False (and :attr:`refused`) when refused."""
        self._committing = True  # the form's own change: its fields show the stored (normalised) values
        try:
            self.controller.execute(name, fn)
        except DxError as exc:
            self.refused.emit(exc.message())
            self.reload()
            return False
        finally:
            self._committing = False
        return True

    def reload(self) -> None:
        """Show the stored values again."""

    def showEvent(self, event: Any) -> None:
        """Changes made while the panel was hidden (undo, dialogs) show up when it appears."""
        super().showEvent(event)
        if self.item_id is not None:
            self.reload()

    def set_line(self, edit: QLineEdit, text: str) -> None:
        """Set a line edit's text unless it already shows it (keeps the cursor) or the user is typing in it.

        Text being typed is left alone when a change arrives from elsewhere (someone else's, on a
        server plan): it is committed as usual when the user finishes, and refused there with both
        values named if it collides.
        """
        if not edit.property("dxWatched"):
            edit.setProperty("dxWatched", True)
            edit.editingFinished.connect(lambda e=edit: e.setModified(False))  # after the form's commit
        typing = edit.hasFocus() and edit.isModified() and not getattr(self, "_committing", False)
        if edit.text() != text and not typing:
            edit.setText(text)
            edit.setCursorPosition(0)


class InitiativeForm(DetailForm):
    """The initiative: number, title, departments, text blocks, KPIs, SDGs, national item, references."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.ui = Ui_InitiativeForm()
        self.ui.setupUi(self)
        self.kpis = kpi_table(self.ui.kpiHost)
        self.references = reference_table(self.ui.referenceHost)
        for host, table in ((self.ui.kpiHost, self.kpis), (self.ui.referenceHost, self.references)):
            lay = QVBoxLayout(host)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(table)
            table.refused.connect(self.refused)
        self.ui.nationalCategoryCombo.addItem(self.tr("（なし）"), "")
        for key, name in m.NATIONAL_CATEGORIES.items():
            self.ui.nationalCategoryCombo.addItem(self.tr(name), key)
        self.ui.titleEdit.editingFinished.connect(self._commit_title)
        self.ui.numberEdit.editingFinished.connect(self._commit_number)
        self.ui.nationalTargetEdit.editingFinished.connect(self._commit_national_target)
        self.ui.nationalCategoryCombo.activated.connect(lambda _i: self._commit_national())
        self.ui.nationalNumberSpin.editingFinished.connect(self._commit_national)
        self.ui.leadCombo.activated.connect(lambda _i: self._commit_departments())
        self.ui.relatedList.itemChanged.connect(lambda _item: self._commit_departments())
        self.ui.sdgPicker.edited.connect(self._commit_sdgs)
        for block, name in BLOCK_EDITORS.items():
            editor: BulletEditor = getattr(self.ui, name)
            editor.document().setIndentWidth(18)
            editor.committed.connect(lambda items, b=block: self._commit_block(b, items))
        controller.changed.connect(self._on_changed)

    def editor(self, block: str) -> BulletEditor:
        """The bullet editor of ``block`` (current / direction / content)."""
        return getattr(self.ui, BLOCK_EDITORS[block])  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ loading
    def load(self, initiative_id: int, auto_number: str = "") -> None:
        """Show initiative ``initiative_id``."""
        self.commit_pending()
        self.item_id = initiative_id
        self.ui.numberEdit.setPlaceholderText(auto_number or self.tr("自動"))
        self.kpis.load(self.controller, initiative_id)
        self.references.load(self.controller, initiative_id)
        self._fill_departments()
        self.reload(force=True)

    def commit_pending(self) -> None:
        """Commit bullet text that is still being typed (before switching items or saving)."""
        if self.item_id is None:
            return
        for block in BLOCK_EDITORS:
            self.editor(block).commit()

    def _fill_departments(self) -> None:
        self._loading = True
        try:
            choices = department_choices(self.controller)
            self.ui.leadCombo.clear()
            self.ui.leadCombo.addItem(self.tr("（なし）"), None)
            for d, name in choices:
                self.ui.leadCombo.addItem(name, d)
            self.ui.relatedList.clear()
            for d, name in choices:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, d)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.ui.relatedList.addItem(item)
        finally:
            self._loading = False

    def reload(self, force: bool = False) -> None:
        """Show the stored values (bullets being typed are left alone unless ``force``)."""
        if self.item_id is None:
            return
        conn = self.conn()
        row = row_dict(conn, m.Initiative.__table__, self.item_id)
        if row is None:
            return
        self._loading = True
        try:
            ui = self.ui
            self.set_line(ui.titleEdit, row["title"])
            self.set_line(ui.numberEdit, row["number_label"])
            i = ui.nationalCategoryCombo.findData(row["national_category"] or "")
            ui.nationalCategoryCombo.setCurrentIndex(max(0, i))
            ui.nationalNumberSpin.setValue(row["national_number"] or 0)
            self.set_line(ui.nationalTargetEdit,
                          national_target_text(row["national_target_fy"], row["national_target_text"]))
            for block in BLOCK_EDITORS:
                editor = self.editor(block)
                if force or editor.items() == editor._last:
                    editor.set_items(svc.text_block(conn, self.item_id, block))
            ui.sdgPicker.set_goals([g for g in conn.execute(
                select(m.InitiativeSdg.goal).where(m.InitiativeSdg.initiative_id == self.item_id)).scalars()])
            lead, related = svc.departments_of(conn, "initiative", self.item_id)
            ui.leadCombo.setCurrentIndex(max(0, ui.leadCombo.findData(lead)) if lead is not None else 0)
            wanted = set(related)
            for n in range(ui.relatedList.count()):
                item = ui.relatedList.item(n)
                state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted \
                    else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self._loading = False

    def _on_changed(self, changeset: ChangeSet) -> None:
        if self.item_id is None or not self.isVisible():
            return
        if "departments" in changeset.tables() or "department_names" in changeset.tables():
            self._fill_departments()
        self.reload()
        if changeset.tables() & {"kpis", "kpi_actuals"}:
            self.kpis.refresh()
        if "plan_references" in changeset.tables():
            self.references.refresh()

    # ------------------------------------------------------------------ commits
    def _update(self, name: str, **values: Any) -> bool:
        if self._loading or self.item_id is None:
            return False
        iid = self.item_id
        return self.run(name, lambda rec: svc.update_initiative(rec, iid, **values))

    def _commit_title(self) -> None:
        row = row_dict(self.conn(), m.Initiative.__table__, self.item_id) if self.item_id else None
        if row is not None and self.ui.titleEdit.text() != row["title"]:
            self._update(self.tr("取組名の変更"), title=self.ui.titleEdit.text())

    def _commit_number(self) -> None:
        row = row_dict(self.conn(), m.Initiative.__table__, self.item_id) if self.item_id else None
        if row is not None and self.ui.numberEdit.text().strip() != row["number_label"]:
            self._update(self.tr("番号の変更"), number_label=self.ui.numberEdit.text())

    def _commit_national(self) -> None:
        number = self.ui.nationalNumberSpin.value() or None
        self._update(self.tr("国の計画の取組事項の変更"),
                     national_category=self.ui.nationalCategoryCombo.currentData() or "", national_number=number)

    def _commit_national_target(self) -> None:
        if self.item_id is None or self._loading:
            return
        row = row_dict(self.conn(), m.Initiative.__table__, self.item_id)
        text = self.ui.nationalTargetEdit.text().strip()
        if row is None or text == national_target_text(row["national_target_fy"], row["national_target_text"]):
            return
        try:
            fy = svc.parse_optional_fy(text) if text else None
            values: dict[str, Any] = {"national_target_fy": fy, "national_target_text": ""}
        except DxError:
            values = {"national_target_fy": None, "national_target_text": text}
        self._update(self.tr("国が掲げる目標時期の変更"), **values)

    def _commit_block(self, block: str, items: list[tuple[int, str, bool]]) -> None:
        if self._loading or self.item_id is None:
            return
        iid = self.item_id
        self.run(self.tr("{0}の編集").format(m.TEXT_BLOCK_NAMES[block]),
                 lambda rec: svc.set_text_block(rec, iid, block, items))

    def _commit_sdgs(self, goals: list[int]) -> None:
        if self._loading or self.item_id is None:
            return
        iid = self.item_id
        self.run(self.tr("SDGs の変更"), lambda rec: svc.set_sdgs(rec, iid, goals))

    def _commit_departments(self) -> None:
        if self._loading or self.item_id is None:
            return
        iid = self.item_id
        lead = self.ui.leadCombo.currentData()
        related = [self.ui.relatedList.item(n).data(Qt.ItemDataRole.UserRole)
                   for n in range(self.ui.relatedList.count())
                   if self.ui.relatedList.item(n).checkState() == Qt.CheckState.Checked]
        self.run(self.tr("担当課の変更"), lambda rec: svc.set_departments(rec, "initiative", iid, lead, related))


class SectionForm(DetailForm):
    """A section: title, kind, description."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("sectionTitleEdit")
        self.kind_combo = QComboBox(self)
        for key, name in SECTION_KIND_NAMES.items():
            self.kind_combo.addItem(self.tr(name), key)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)  # Tab moves on; it never types a tab into the plan
        form = QFormLayout(self)
        heading = QLabel(self.tr("セクション"), self)
        heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        form.addRow(heading)
        form.addRow(self.tr("名称(&M)"), self.title_edit)
        form.addRow(self.tr("種類(&K)"), self.kind_combo)
        form.addRow(self.tr("説明(&D)"), self.description_edit)
        self.title_edit.editingFinished.connect(self._commit_title)
        self.kind_combo.activated.connect(lambda _i: self._commit(self.tr("種類の変更"),
                                                                  kind=self.kind_combo.currentData()))
        self.description_edit.installEventFilter(self)
        controller.changed.connect(self._on_changed)

    def _on_changed(self, changeset: ChangeSet) -> None:
        """Show the section again when the change touched it."""
        if self.item_id is not None and self.isVisible() and self.item_id in changeset.ids("sections"):
            self.reload()

    def load(self, section_id: int) -> None:
        self.commit_pending()
        self.item_id = section_id
        self.reload()

    def commit_pending(self) -> None:
        if self.item_id is not None:
            self._commit_description()

    def reload(self) -> None:
        row = row_dict(self.conn(), m.Section.__table__, self.item_id) if self.item_id else None
        if row is None:
            return
        self._loading = True
        try:
            self.set_line(self.title_edit, row["title"])
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(row["kind"])))
            if self.description_edit.toPlainText() != row["description"]:
                self.description_edit.setPlainText(row["description"])
            self.description_edit.document().setModified(False)
        finally:
            self._loading = False

    def eventFilter(self, obj: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if obj is self.description_edit and event.type() == QEvent.Type.FocusOut:
            self._commit_description()
        return super().eventFilter(obj, event)

    def _commit(self, name: str, **values: Any) -> None:
        if self._loading or self.item_id is None:
            return
        sid = self.item_id
        self.run(name, lambda rec: svc.update_section(rec, sid, **values))

    def _commit_title(self) -> None:
        row = row_dict(self.conn(), m.Section.__table__, self.item_id) if self.item_id else None
        if row is not None and self.title_edit.text() != row["title"]:
            self._commit(self.tr("セクション名の変更"), title=self.title_edit.text())

    def _commit_description(self) -> None:
        """Write the description if the user typed in it (Qt's own text normalisation is not an edit)."""
        document = self.description_edit.document()
        if not document.isModified():
            return
        row = row_dict(self.conn(), m.Section.__table__, self.item_id) if self.item_id else None
        if row is not None and self.description_edit.toPlainText() != row["description"]:
            self._commit(self.tr("説明の変更"), description=self.description_edit.toPlainText())
        document.setModified(False)


class RowForm(DetailForm):
    """A schedule row: title, note, departments, national target."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._choices: list[tuple[int, str]] | None = None  # the departments the lists hold (None: read again)
        controller.reset.connect(self._forget_choices)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("rowTitleEdit")
        self.note_edit = QLineEdit(self)
        self.target_edit = QLineEdit(self)
        self.target_edit.setPlaceholderText(self.tr("例: 令和7年度"))
        self.lead_combo = QComboBox(self)
        self.related_list = QListWidget(self)
        self.related_list.setMaximumHeight(110)
        outer = QVBoxLayout(self)  # the fields stay together at the top, whatever the panel's height
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        heading = QLabel(self.tr("工程表の行"), self)
        heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        form.addRow(heading)
        form.addRow(self.tr("名称(&M)"), self.title_edit)
        form.addRow(self.tr("備考(&O)"), self.note_edit)
        form.addRow(self.tr("主管課(&L)"), self.lead_combo)
        form.addRow(self.tr("関係課(&R)"), self.related_list)
        form.addRow(self.tr("国が掲げる目標時期(&G)"), self.target_edit)
        self.title_edit.editingFinished.connect(lambda: self._commit_text("title", self.title_edit.text()))
        self.note_edit.editingFinished.connect(lambda: self._commit_text("note", self.note_edit.text()))
        self.target_edit.editingFinished.connect(self._commit_target)
        self.lead_combo.activated.connect(lambda _i: self._commit_departments())
        self.related_list.itemChanged.connect(lambda _i: self._commit_departments())
        controller.changed.connect(self._on_changed)

    def _on_changed(self, changeset: ChangeSet) -> None:
        """Show the row again when the change touched it (not when it added or moved others)."""
        if changeset.tables() & {"departments", "department_names", "department_links"}:
            self._choices = None  # read the departments again at the next load
        if self.item_id is not None and self.isVisible() and _touches_row(changeset, self.item_id):
            self.reload()

    def load(self, row_id: int) -> None:
        self.item_id = row_id
        self._loading = True
        try:
            if self._choices is None:  # else the same departments: reload sets the row's choice
                self._fill(department_choices(self.controller))
        finally:
            self._loading = False
        self.reload()

    def _forget_choices(self) -> None:
        self._choices = None

    def _fill(self, choices: list[tuple[int, str]]) -> None:
        """The department choices of the lead combo and the related list."""
        self._choices = choices
        self.lead_combo.clear()
        self.lead_combo.addItem(self.tr("（なし）"), None)
        self.related_list.clear()
        for d, name in choices:
            self.lead_combo.addItem(name, d)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, d)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.related_list.addItem(item)

    def commit_pending(self) -> None:
        """Nothing is held back in this form."""

    def reload(self) -> None:
        row = row_dict(self.conn(), m.ScheduleRow.__table__, self.item_id) if self.item_id else None
        if row is None:
            return
        self._loading = True
        try:
            self.set_line(self.title_edit, row["title"])
            self.set_line(self.note_edit, row["note"])
            self.set_line(self.target_edit, national_target_text(row["national_target_fy"],
                                                                 row["national_target_text"]))
            lead, related = svc.departments_of(self.conn(), "row", row["id"])
            self.lead_combo.setCurrentIndex(max(0, self.lead_combo.findData(lead)) if lead is not None else 0)
            for n in range(self.related_list.count()):
                item = self.related_list.item(n)
                state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in related \
                    else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self._loading = False

    def _commit_text(self, field: str, text: str) -> None:
        row = row_dict(self.conn(), m.ScheduleRow.__table__, self.item_id) if self.item_id else None
        if self._loading or row is None or row[field] == text:
            return
        rid = row["id"]
        name = self.tr("行の名称の変更") if field == "title" else self.tr("備考の変更")
        self.run(name, lambda rec: svc.update_row(rec, rid, **{field: text}))

    def _commit_target(self) -> None:
        row = row_dict(self.conn(), m.ScheduleRow.__table__, self.item_id) if self.item_id else None
        text = self.target_edit.text().strip()
        if self._loading or row is None or text == national_target_text(row["national_target_fy"],
                                                                         row["national_target_text"]):
            return
        try:
            values: dict[str, Any] = {"national_target_fy": svc.parse_optional_fy(text) if text else None,
                                      "national_target_text": ""}
        except DxError:
            values = {"national_target_fy": None, "national_target_text": text}
        rid = row["id"]
        self.run(self.tr("国が掲げる目標時期の変更"), lambda rec: svc.update_row(rec, rid, **values))

    def _commit_departments(self) -> None:
        if self._loading or self.item_id is None:
            return
        rid = self.item_id
        lead = self.lead_combo.currentData()
        related = [self.related_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.related_list.count())
                   if self.related_list.item(n).checkState() == Qt.CheckState.Checked]
        self.run(self.tr("担当課の変更"), lambda rec: svc.set_departments(rec, "row", rid, lead, related))
