"""The main window: outline, detail panel, schedule view, menus, toolbar, status bar.

Every edit goes through ``DocumentController.execute`` (outline commands live in
:class:`dxeditor.ui.outline_view.OutlineCommands`). File handling — new, open with the
edit lock, save, recent files, JSON, asking before unsaved edits are dropped — comes from
:class:`dxeditor.ui.window_files.FileHandling`. Dialogs of other modules are imported only
when their menu item is chosen, so start-up stays quick.

Size: the window's construction (actions, menus, docks, state) reads best in one place; the dialog slots live in :mod:`window_dialogs` and the file handling in :mod:`window_files`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, SignalInstance, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core import paths
from dxeditor.core.errors import DxError, ReadOnlyError
from dxeditor.ui.empty_plan import EmptyPlanHint, tooltip_with_keys
from dxeditor.ui.find_bar import FindBar
from dxeditor.ui.help_window import ContextHelp, HelpWindow
from dxeditor.ui.initiative_form import DetailForm, InitiativeForm, RowForm, SectionForm
from dxeditor.ui.outline_model import OutlineModel
from dxeditor.ui.outline_view import OutlineCommands, OutlineView
from dxeditor.ui.read_only import EditGuard, ReadOnlyBanner, lock_holder, set_fields_read_only
from dxeditor.ui.settings import Settings
from dxeditor.ui.undo import DocumentController
from dxeditor.ui.window_dialogs import DialogSlots
from dxeditor.ui.window_files import PLAN_FILTER, FileHandling
from dxeditor.ui.window_geometry import fits, name_column_width, opening_rect

__all__ = ["PLAN_FILTER", "MainWindow"]
log = logging.getLogger(__name__)


class UndoActionText(QObject):
    """Edit ▸ 元に戻す(U) 取組名の変更: the prefix keeps its mnemonic, the command's name is shown as written.

    QUndoStack's own prefixing would read an ``&`` in a name (a version label) as a mnemonic.
    A child of the action, so the stack (which outlives a window) stops calling it with the action.
    """

    def __init__(self, action: QAction, prefix: str, text: Callable[[], str], changed: SignalInstance) -> None:
        super().__init__(action)
        self.prefix = prefix
        changed.connect(self.name)  # after the stack's own connection, so this text is the one that stays
        self.name(text())

    @Slot(str)
    def name(self, command: str) -> None:
        # the parent, not a kept reference: a closing window drops its Python wrappers before its children
        action = self.parent()
        if isinstance(action, QAction):
            action.setText(f"{self.prefix} {command.replace('&', '&&')}" if command else self.prefix)


class MainWindow(FileHandling, DialogSlots, QMainWindow):
    """One open plan."""

    def __init__(self, controller: DocumentController, settings: Settings | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.settings = settings or Settings()
        self.setObjectName("mainWindow")
        icon = paths.resources() / "icons" / "dxeditor.png"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.model = OutlineModel(controller, self)
        self.outline_view = OutlineView(self.model, self)
        self.commands = OutlineCommands(controller, self.outline_view)
        self.commands.error.connect(self.show_error)
        self.commands.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.find_bar = FindBar(controller, self)
        self.find_bar.hide()
        self.find_bar.filter_changed.connect(self.outline_view.apply_filter)
        self.schedule_view = self._make_schedule_view()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        canvas = getattr(self.schedule_view, "canvas", None)
        if canvas is not None:  # the plan's last line reachable in the schedule too, not under its legend
            from dxeditor.ui.bottom_align import BottomAligner

            self.bottom_aligner = BottomAligner(self.outline_view, canvas.viewport(), self)
            self.splitter.addWidget(self.bottom_aligner.host)
        else:
            self.splitter.addWidget(self.outline_view)
        from dxeditor.ui.progress.install import add_progress_tab

        self.view_tabs = add_progress_tab(self, self.schedule_view)  # 工程表 | 進捗管理
        self.splitter.addWidget(self.view_tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        central = QWidget(self)  # the find bar spans both views so their lines stay aligned
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.read_only_banner = ReadOnlyBanner(self)
        self.read_only_banner.save_copy.connect(lambda: self.save_as())
        self.edit_guard = EditGuard(self)  # the schedule: no drags or edit menus on a read-only plan
        self.edit_guard.refused.connect(
            lambda: self.statusBar().showMessage(self.read_only_banner.label.text(), 6000))
        lay.addWidget(self.read_only_banner)
        lay.addWidget(self.find_bar)
        self.plan_area = QStackedWidget(self)  # the views, or the first-run hint of an empty plan
        self.plan_area.addWidget(self.splitter)
        self.empty_hint = EmptyPlanHint(self)
        self.plan_area.addWidget(self.empty_hint)
        lay.addWidget(self.plan_area, 1)
        self.setCentralWidget(central)
        self._make_detail_dock()
        self.undo_view = QUndoView(controller.undo_stack, self)
        self.undo_view.setEmptyLabel(self.tr("<最初の状態>"))
        self.history_dock = QDockWidget(self.tr("操作履歴"), self)
        self.history_dock.setObjectName("historyDock")
        self.history_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.tabifyDockWidget(self.history_dock, self.detail_dock)
        self.detail_dock.raise_()
        self._make_status_bar()
        self._make_actions()
        self._make_menus()
        self.empty_hint.settings_button.clicked.connect(self.properties_action.trigger)
        self.empty_hint.initiative_button.clicked.connect(self.add_initiative_action.trigger)
        self.empty_hint.section_button.clicked.connect(self.add_section_action.trigger)
        self.empty_hint.follow([(self.empty_hint.settings_button, self.properties_action),
                                (self.empty_hint.initiative_button, self.add_initiative_action),
                                (self.empty_hint.section_button, self.add_section_action)])
        self.help_window: HelpWindow | None = None
        self.context_help = ContextHelp(self.show_help, self)
        QApplication.instance().installEventFilter(self.context_help)
        self.model.refused.connect(self.show_error)
        self._fresh: set[tuple[str, int]] = set()  # lines just added: their form opens at its top
        self.model.inserted.connect(lambda node: self._fresh.add(node.key()))
        self.outline_view.current_item_changed.connect(self.show_detail)
        controller.changed.connect(lambda _c: self.update_state())
        controller.refused.connect(self.show_error)
        controller.reset.connect(self.update_state)
        controller.undo_stack.cleanChanged.connect(lambda _c: self.update_state())
        self.painted = False
        self._closed = False
        self._shown_read_only: bool | None = None
        self.init_files()
        self.fit_to_screen()
        self.update_state()

    # ------------------------------------------------------------------ building
    def _make_schedule_view(self) -> QWidget:
        try:
            from dxeditor.ui.schedule import ScheduleView  # type: ignore[attr-defined]

            return ScheduleView(self.controller, self.outline_view)  # type: ignore[no-any-return]
        except ImportError:
            placeholder = QLabel(self.tr("工程表ビュー"), self)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            placeholder.setStyleSheet("color: #888;")
            return placeholder

    def fit_to_screen(self) -> None:
        """Open sized to the available screen; keep a remembered geometry only if it still fits."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        view = self.outline_view
        outline_min = (view.columnWidth(0) + name_column_width(view.fontMetrics()) + view.columnWidth(2)
                       + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth())
        view.setMinimumWidth(min(outline_min, available.width() // 2))
        self.splitter.setChildrenCollapsible(False)
        self.detail_dock.setMinimumWidth(min(440, available.width() // 3))
        remembered = self.settings.geometry("geometry") is not None
        if not (remembered and fits(self.frameGeometry(), available)):
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMaximized)
            rect, maximise = opening_rect(available)
            self.setGeometry(rect)
            if maximise:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        width = (available.width() if self.isMaximized() else self.width()) - self.detail_dock.minimumWidth()
        self.splitter.setSizes([max(view.minimumWidth(), width * 2 // 5), width * 3 // 5])

    def schedule_actions(self) -> list[QAction]:
        """The schedule view's zoom levels (年度/半期/四半期/月), 今日 and 凡例; none without the view."""
        actions = getattr(self.schedule_view, "actions_for_toolbar", None)
        return list(actions()) if actions is not None else []

    def _make_detail_dock(self) -> None:
        self.detail = QStackedWidget(self)
        empty = QLabel(self.tr("左の一覧から項目を選ぶと、ここで内容を編集できます。"), self)
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.initiative_form = InitiativeForm(self.controller, self)
        self.section_form = SectionForm(self.controller, self)
        self.row_form = RowForm(self.controller, self)
        self.forms: tuple[DetailForm, ...] = (self.initiative_form, self.section_form, self.row_form)
        self.detail.addWidget(empty)
        for form in self.forms:
            self.detail.addWidget(form)
            form.refused.connect(self.show_error)
        self.detail_dock = QDockWidget(self.tr("詳細"), self)
        self.detail_dock.setObjectName("detailDock")
        self.detail_dock.setWidget(self.detail)
        self.detail_dock.setMinimumWidth(440)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)

    def _make_status_bar(self) -> None:
        self.path_label = QLabel(self)
        self.state_label = QLabel(self)
        self.read_only_label = QLabel(self.tr("読み取り専用"), self)
        self.read_only_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.state_label)

    def action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, *, outline_only: bool = False,
               tip: str = "") -> QAction:
        """A named action; ``outline_only`` shortcuts fire only while the outline has the focus."""
        act = QAction(text, self)
        act.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            act.setShortcuts([QKeySequence(k) for k in keys])
        if outline_only:
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.outline_view.addAction(act)
        else:
            self.addAction(act)
        if tip:
            act.setStatusTip(tip)
        return act

    def _make_actions(self) -> None:
        A, K = self.action, QKeySequence.StandardKey
        stack = self.controller.undo_stack
        self.undo_action = stack.createUndoAction(self)
        UndoActionText(self.undo_action, self.tr("元に戻す(&U)"), stack.undoText, stack.undoTextChanged)
        self.undo_action.setShortcut(QKeySequence(K.Undo))
        self.redo_action = stack.createRedoAction(self)
        UndoActionText(self.redo_action, self.tr("やり直し(&R)"), stack.redoText, stack.redoTextChanged)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.undo_action, self.redo_action])
        self.new_action = A(self.tr("空の計画(&B)"), lambda: self.new_plan("blank"), K.New)
        self.new_demo_action = A(self.tr("デモ計画（小樽市）(&D)"), lambda: self.new_plan("demo"))
        self.new_national_action = A(self.tr("国の計画の構成から(&N)"), lambda: self.new_plan("national"))
        self.open_action = A(self.tr("開く(&O)…"), self.open_dialog, K.Open)
        self.open_server_action = A(self.tr("サーバーの計画を開く(&D)…"), self.open_from_server,
                                    tip=self.tr("データベースサーバー (PostgreSQL) に公開された計画を一覧から選んで開きます"))
        self.save_action = A(self.tr("上書き保存(&S)"), self.save, K.Save)
        self.save_as_action = A(self.tr("名前を付けて保存(&A)…"), self.save_as, "Ctrl+Shift+S")
        self.properties_action = A(self.tr("計画のプロパティ(&T)…"),
                                   self.plan_properties)
        self.versions_action = A(self.tr("版(&B)…"), self.versions,
                                 tip=self.tr("計画のある時点を版として残し、版どうしや現在の計画と比較します（新旧対照表）"))
        self.import_json_action = A(self.tr("JSON(&J)…"), self.import_json)
        self.import_excel_action = A(self.tr("Excel(&X)…"),
                                     self.import_excel)
        self.export_json_action = A(self.tr("JSON(&J)…"), self.export_json)
        self.export_excel_action = A(self.tr("Excel(&X)…"),
                                     self.export_excel)
        self.export_pdf_action = A(self.tr("PDF(&P)…"),
                                   self.export_pdf)
        self.export_progress_pdf_action = A(self.tr("進捗状況報告 PDF(&R)…"), self.export_progress_pdf)
        self.export_progress_xlsx_action = A(self.tr("進捗状況報告 Excel(&G)…"), self.export_progress_xlsx)
        self.preview_action = A(self.tr("印刷プレビュー(&V)…"),
                                self.print_preview)
        self.print_action = A(self.tr("印刷(&P)…"), self.print_plan,
                              K.Print)
        self.export_inquiries_action = A(self.tr("照会票を出力(&E)…"),
                                         self.export_inquiries,
                                         tip=self.tr("部署ごとに、担当の取組と工程を記入してもらう Excel ブックを書き出します"))
        self.import_answers_action = A(self.tr("回答を取り込む(&I)…"),
                                       self.import_answers,
                                       tip=self.tr("部署から戻った照会票を確かめ、選んだ変更だけを取り込みます"))
        self.quit_action = A(self.tr("終了(&X)"), self.close, K.Quit)
        self.copy_action = A(self.tr("コピー(&C)"), self.commands.copy_selection, K.Copy, outline_only=True)
        self.paste_action = A(self.tr("貼り付け(&P)"), self.commands.paste, K.Paste, outline_only=True)
        self.rename_action = A(self.tr("名前の変更(&M)"), self.commands.rename_current, "F2", outline_only=True)
        self.duplicate_action = A(self.tr("複製(&L)"), self.commands.duplicate_selection, "Ctrl+D", outline_only=True)
        self.delete_action = A(self.tr("削除(&D)"), self.commands.delete_selection, K.Delete, outline_only=True)
        self.move_up_action = A(self.tr("上へ移動"), lambda: self.commands.move_selection(-1), "Alt+Up", outline_only=True)
        self.move_down_action = A(self.tr("下へ移動"), lambda: self.commands.move_selection(1), "Alt+Down",
                                  outline_only=True)
        self.indent_action = A(self.tr("字下げ（下位へ）"), lambda: self.commands.indent_selection(True), "Alt+Right",
                               outline_only=True)
        self.outdent_action = A(self.tr("字下げ解除（上位へ）"), lambda: self.commands.indent_selection(False), "Alt+Left",
                                outline_only=True)
        self.find_action = A(self.tr("検索・絞り込み(&F)…"), self.find_bar.open_bar, K.Find)
        self.show_schedule_action = A(self.tr("工程表を表示(&G)"), lambda: self.view_tabs.setCurrentIndex(0), "Ctrl+1")
        self.show_progress_action = A(self.tr("進捗管理を表示(&M)"), lambda: self.view_tabs.setCurrentIndex(1), "Ctrl+2")
        self.switch_pane_action = A(self.tr("一覧と詳細の切り替え"), self.switch_pane, "F6")
        self.expand_action = A(self.tr("すべて展開(&E)"), self.outline_view.expandAll)
        self.collapse_action = A(self.tr("取組まで折りたたむ(&C)"), self.commands.collapse_to_initiatives)
        self.add_section_action = A(self.tr("セクション(&S)"), lambda: self.commands.add_item("section"), "Ctrl+Alt+S")
        self.add_initiative_action = A(self.tr("取組(&I)"), lambda: self.commands.add_item("initiative"), "Ctrl+Alt+I")
        self.add_row_action = A(self.tr("工程表の行(&R)"), lambda: self.commands.add_item("row"), "Ctrl+Alt+R")
        self.add_subrow_action = A(self.tr("下位の行(&U)"), lambda: self.commands.add_item("subrow"), "Ctrl+Alt+U")
        self.departments_action = A(self.tr("部署の管理(&D)…"),
                                    self.departments)
        self.glossary_action = A(self.tr("用語集(&G)…"),
                                 self.glossary)
        self.rating_scale_action = A(self.tr("評価の段階(&R)…"), self.rating_scale)
        self.audit_action = A(self.tr("変更履歴(&H)…"),
                              self.audit,
                              tip=self.tr("誰がいつ何を変えたかを絞り込んで確かめます"))
        self.lang_ja_action = A("日本語", lambda: self.set_language("ja"))
        self.lang_en_action = A("English", lambda: self.set_language("en"))
        for act in (self.lang_ja_action, self.lang_en_action):
            act.setCheckable(True)
        (self.lang_en_action if self.settings.language() == "en" else self.lang_ja_action).setChecked(True)
        self.help_action = A(self.tr("ヘルプ(&H)"), lambda: self.show_help(self.focus_topic()), K.HelpContents)
        self.keys_help_action = A(self.tr("キーボード操作の一覧(&K)"), lambda: self.show_help("keys"))
        self.start_help_action = A(self.tr("はじめに(&S)"), lambda: self.show_help("start"))
        self.about_action = A(self.tr("dxeditor について(&A)"), self.about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu(self.tr("ファイル(&F)"))
        new = f.addMenu(self.tr("新規作成(&N)"))
        self.new_gallery_action = new.addAction(self.tr("一覧から選ぶ(&G)…"))
        self.new_gallery_action.triggered.connect(self.new_from_gallery)
        new.addSeparator()
        new.addActions([self.new_action, self.new_demo_action, self.new_national_action])
        examples = paths.example_plans()
        if examples:  # the published plans entered as examples (resources/templates/examples.json)
            new.addSeparator()
            shelf = new.addMenu(self.tr("見本の計画(&E)"))
            self.example_actions = []
            for name, label in examples:
                act = shelf.addAction(label)
                act.triggered.connect(lambda _c=False, n=name: self.new_plan(n))
                self.example_actions.append(act)
        f.addActions([self.open_action, self.open_server_action])
        self.recent_menu = f.addMenu(self.tr("最近使ったファイル(&R)"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        f.addSeparator()
        f.addActions([self.save_action, self.save_as_action])
        f.addSeparator()
        f.addAction(self.properties_action)
        f.addAction(self.versions_action)
        f.addSeparator()
        imp = f.addMenu(self.tr("インポート(&I)"))
        imp.addActions([self.import_json_action, self.import_excel_action])
        exp = f.addMenu(self.tr("エクスポート(&E)"))
        exp.addActions([self.export_json_action, self.export_excel_action, self.export_pdf_action])
        exp.addActions([self.export_progress_pdf_action, self.export_progress_xlsx_action])
        inquiry = f.addMenu(self.tr("照会(&Q)"))
        inquiry.addActions([self.export_inquiries_action, self.import_answers_action])
        f.addSeparator()
        f.addActions([self.preview_action, self.print_action])
        f.addSeparator()
        f.addAction(self.quit_action)
        e = bar.addMenu(self.tr("編集(&E)"))
        e.addActions([self.undo_action, self.redo_action])
        e.addSeparator()
        e.addActions([self.copy_action, self.paste_action])
        e.addSeparator()
        e.addActions([self.rename_action, self.duplicate_action, self.delete_action])
        e.addSeparator()
        e.addActions([self.move_up_action, self.move_down_action, self.indent_action, self.outdent_action])
        e.addSeparator()
        e.addAction(self.find_action)
        v = bar.addMenu(self.tr("表示(&V)"))
        v.addActions([self.expand_action, self.collapse_action, self.switch_pane_action])
        schedule_actions = self.schedule_actions()
        if schedule_actions:
            sched = v.addMenu(self.tr("工程表(&S)"))
            zoom = [a for a in schedule_actions if a.actionGroup() is not None]  # one level checked
            sched.addActions(zoom)
            sched.addSeparator()
            sched.addActions([a for a in schedule_actions if a not in zoom])
            from dxeditor.ui.baseline import BaselineMenu

            self.baseline = BaselineMenu(v.addMenu(self.tr("比較する版（工程表に灰色の枠）(&B)")), self.controller,
                                         self.schedule_view, self)
        v.addSeparator()
        v.addActions([self.show_schedule_action, self.show_progress_action])
        v.addAction(self.detail_dock.toggleViewAction())
        v.addAction(self.history_dock.toggleViewAction())
        ins = bar.addMenu(self.tr("挿入(&I)"))
        ins.addActions([self.add_section_action, self.add_initiative_action, self.add_row_action,
                        self.add_subrow_action])
        t = bar.addMenu(self.tr("ツール(&T)"))
        t.addActions([self.departments_action, self.glossary_action, self.rating_scale_action, self.audit_action])
        t.addSeparator()
        lang = t.addMenu(self.tr("表示言語(&L)"))
        lang.addActions([self.lang_ja_action, self.lang_en_action])
        h = bar.addMenu(self.tr("ヘルプ(&H)"))
        h.addActions([self.help_action, self.start_help_action, self.keys_help_action])
        h.addSeparator()
        h.addAction(self.about_action)
        tb = self.addToolBar(self.tr("標準"))
        tb.setObjectName("mainToolBar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addActions([self.open_action, self.save_action])
        tb.addSeparator()
        stack = self.controller.undo_stack
        for label, action, can in ((self.tr("元に戻す"), self.undo_action, stack.canUndoChanged),
                                   (self.tr("やり直し"), self.redo_action, stack.canRedoChanged)):
            short = tb.addAction(label, action.trigger)  # fixed width; the menu item names the action
            short.setEnabled(action.isEnabled())
            can.connect(short.setEnabled)
            short.setToolTip(f"{label} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        tb.addSeparator()
        tb.addActions([self.add_section_action, self.add_initiative_action, self.add_row_action])
        tb.addSeparator()
        tb.addActions([self.move_up_action, self.move_down_action, self.delete_action])
        tb.addSeparator()
        tb.addAction(self.find_action)
        if schedule_actions:
            tb.addSeparator()
            tb.addActions(schedule_actions)
        v.addAction(tb.toggleViewAction())
        for m in (f, e, v, ins, t, h):
            assert isinstance(m, QMenu)
        for act in tb.actions():
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if not act.isSeparator() and not (keys and keys in act.toolTip()):
                act.setToolTip(tooltip_with_keys(act))

    # ------------------------------------------------------------------ state
    def update_state(self) -> None:
        """Title with the unsaved marker, status bar, read-only state."""
        if self._closed:
            return
        doc = self.controller.doc
        self.setWindowTitle(f"{self.plan_name()}[*] — dxeditor")
        modified = self.is_modified()
        self.setWindowModified(modified)
        self.path_label.setText(str(doc.source) if doc.source else "" if doc.server_label
                                else self.tr("（まだ保存していません）"))
        self.state_label.setText(self.tr("未保存") if modified else self.tr("保存済み"))
        # 保存済み only for a plan that is in a file: a new plan says （まだ保存していません） on the left
        self.state_label.setVisible(not doc.server_label and (doc.source is not None or modified))
        self.read_only_label.setVisible(doc.read_only)
        if doc.read_only != self._shown_read_only:
            self.apply_read_only(doc.read_only)
        self.show_empty_hint()

    def show_empty_hint(self) -> None:
        """An empty plan shows where its period and numbering are set and how to add the first item."""
        empty = not self.model.root.children
        self.plan_area.setCurrentWidget(self.empty_hint if empty else self.splitter)

    def edit_actions(self) -> list[QAction]:
        """The actions that change the plan: off while it is open read-only."""
        return [self.save_action, self.paste_action, self.rename_action, self.duplicate_action,
                self.delete_action, self.move_up_action, self.move_down_action, self.indent_action,
                self.outdent_action, self.add_section_action, self.add_initiative_action, self.add_row_action,
                self.add_subrow_action, self.properties_action, self.import_answers_action]

    def apply_read_only(self, read_only: bool) -> None:
        """Disable what cannot be done on a read-only plan and say why once, in the banner."""
        self._shown_read_only = read_only
        for act in self.edit_actions():
            act.setEnabled(not read_only)
        for form in self.forms:
            set_fields_read_only(form, read_only)
        canvas = getattr(self.schedule_view, "canvas", None)
        surface = canvas.viewport() if canvas is not None and hasattr(canvas, "viewport") else canvas
        if surface is not None:
            if read_only:
                surface.installEventFilter(self.edit_guard)
            else:
                surface.removeEventFilter(self.edit_guard)
        if read_only:
            self.read_only_banner.show_for(lock_holder(self.controller.doc.source))
        else:
            self.read_only_banner.hide()

    def show_error(self, message: str) -> None:
        """Tell the user plainly (never a traceback); a refused edit of a read-only plan only in the banner."""
        if self.controller.doc.read_only and message == ReadOnlyError().message():
            self.statusBar().showMessage(self.read_only_banner.label.text(), 6000)
            return
        QMessageBox.warning(self, self.tr("dxeditor"), message)

    def run(self, name: str, fn: Callable[[Any], Any]) -> Any:
        """Execute an undoable change; refused input is shown and None returned."""
        try:
            return self.controller.execute(name, fn)
        except DxError as exc:
            self.show_error(exc.message())
        return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)

    def switch_pane(self) -> None:
        """Move the keyboard focus between the outline and the detail panel (F6): to the form's first field."""
        if self.outline_view.hasFocus():
            self.detail_dock.show()
            self.detail_dock.raise_()
            page = self.detail.currentWidget()
            page.setFocus()
            page.focusNextChild()
            for _ in range(8):  # pass over scroll areas and other containers to the first field
                focus = QApplication.focusWidget()
                if focus is None or not isinstance(focus, QAbstractScrollArea) or isinstance(
                        focus, (QAbstractItemView, QPlainTextEdit, QTextEdit)):
                    break
                focus.focusNextChild()
        else:
            self.outline_view.setFocus()

    def commit_pending(self) -> None:
        """Commit what is still being typed in the shown form: bullets, a field not yet left."""
        self.progress_view.commit_texts()
        form = self.detail.currentWidget()
        if form not in self.forms or not form.isVisible():
            return  # a hidden form may show text that an undo has since changed: nothing is typed there
        focus = QApplication.focusWidget()
        if focus is not None and form.isAncestorOf(focus):
            if isinstance(focus, QAbstractSpinBox):
                focus.interpretText()
            if isinstance(focus, (QLineEdit, QAbstractSpinBox)):
                focus.editingFinished.emit()  # the forms commit on it, and only what differs
        form.commit_pending()

    def show_detail(self, item: tuple[str, int] | None) -> None:
        """Show the form for the current outline item (None: no form, e.g. before the plan is replaced)."""
        self.commit_pending()
        for form in self.forms:  # only the form shown holds an item: a stale one must never commit
            form.item_id = None
        if item is None:
            self.detail.setCurrentIndex(0)
            return
        kind, item_id = item
        if kind == "initiative":
            node = self.model._index.get(item)
            self.initiative_form.load(item_id, node.number if node else "")
            self.detail.setCurrentWidget(self.initiative_form)
        elif kind == "section":
            self.section_form.load(item_id)
            self.detail.setCurrentWidget(self.section_form)
        else:
            self.row_form.load(item_id)
            self.detail.setCurrentWidget(self.row_form)
        if item in self._fresh:  # a new initiative shows its name and department, not where the last one was scrolled to
            for area in self.detail.currentWidget().findChildren(QScrollArea):
                area.verticalScrollBar().setValue(0)
        self._fresh.clear()

    def set_language(self, lang: str) -> None:
        """Remember the UI language; it applies at the next start."""
        self.settings.set_language(lang)
        self.lang_ja_action.setChecked(lang == "ja")
        self.lang_en_action.setChecked(lang == "en")
        QMessageBox.information(self, "dxeditor", "表示言語は次回の起動時に切り替わります。\n"
                                                  "The language changes the next time dxeditor starts.")

    # ------------------------------------------------------------------ help
    def focus_topic(self) -> str:
        """The manual's section for what has the keyboard focus (F1)."""
        focus = QApplication.focusWidget()
        if focus is None:
            return ""
        if self.plan_area.currentWidget() is self.empty_hint:
            return "start"
        if self.outline_view.isAncestorOf(focus) or focus is self.outline_view:
            return "outline"
        if self.schedule_view.isAncestorOf(focus) or focus is self.schedule_view:
            return "schedule"
        if self.detail_dock.isAncestorOf(focus):
            return {self.initiative_form: "initiative", self.section_form: "section",
                    self.row_form: "row"}.get(self.detail.currentWidget(), "detail")
        if self.find_bar.isAncestorOf(focus):
            return "find"
        return ""

    def show_help(self, topic: str = "", parent: QWidget | None = None) -> HelpWindow:
        """Open the offline manual at ``topic``; from a modal dialog, as a window that dialog owns."""
        if parent is not None and parent is not self:
            win = parent.findChild(HelpWindow)
            if win is None:
                win = HelpWindow(parent)
                win.setWindowModality(Qt.WindowModality.NonModal)
                if isinstance(parent, QDialog):  # the dialog's help goes away with the dialog
                    parent.finished.connect(lambda _r, h=win: h.close())
        else:
            if self.help_window is None:
                self.help_window = HelpWindow(self)
            win = self.help_window
        win.show_topic(topic)
        return win

    def about(self) -> None:
        """Help ▸ dxeditor について: version, licence, third-party notices."""
        from dxeditor.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close():
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.context_help)
            self.shutdown()
            event.accept()
        else:
            event.ignore()

