"""Issue 15 item 11: with the English translation loaded, no window, dialog or menu shows Japanese.

The plan used here holds only ASCII text (titles, departments, phase names), so every kana or
kanji found on screen is a UI string that failed to translate. Plan content the user typed is
exempt by construction.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from dxeditor.core import errors

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
# Shown on purpose in every language: the language menu names itself, the numbering sample
# uses the circled digits, and the year style names show how years are printed.
ALLOWED = {"日本語"}
ALLOWED_PATTERNS = [re.compile(p) for p in (
    r"(令和|平成)?(元|\d+)(\(\d{4}\))?年度?(\d+月)?",  # year styles and example dates are shown as printed
    r"[①②③]", r"[〜～]")]

ASCII_PLAN: dict[str, Any] = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "Test City DX Plan", "period_start_fy": 2024, "period_end_fy": 2027,
             "numbering_style": "paren", "municipality": "Test City",
             # the rating scale's words are plan settings (content), like the phase names
             "rating_scale": [{"key": k, "name": n, "color": c} for k, n, c in (
                 ("A", "On track", "#b7e1b0"), ("B", "Mostly", "#dcecb0"), ("C", "Late", "#f7d08a"),
                 ("D", "Not started", "#e8a0a0"))]},
    "phases": [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in (
        ("study", "Study", "#9ecbff", "diagonal"), ("build", "Build", "#ffcc80", "cross"),
        ("run", "Run", "#81c784", "solid"), ("continue", "Continue", "#c5e1a5", "dots"),
        ("other", "Other", "#e0e0e0", "horizontal"))],
    "departments": [{"id": 1, "name": "General Affairs", "kind": "bu"},
                    {"id": 2, "parent_id": 1, "name": "Digital Office"}],
    "sections": [{"id": 1, "title": "Convenience", "kind": "policy"}],
    "initiatives": [
        {"id": 1, "section_id": 1, "title": "Online forms", "lead_department_id": 2, "sdgs": [9],
         "text": {"current": [{"text": "Many counters"}], "content": [{"text": "More e-forms"}]},
         "kpis": [{"name": "Forms online", "target_value": 27, "unit": "forms"}],
         "schedule_rows": [{"id": 1, "title": "Moving in", "lead_department_id": 2,
                            "bars": [{"start": "2024-04", "end": "2026-03", "label": "Run", "phase": "run"}],
                            "milestones": [{"month": "2025-04", "label": "Start"}]}]},
    ],
    "glossary": [{"term": "DX", "reading": "dx", "description": "Digital transformation"}],
}


def _example_titles() -> set[str]:
    """The example plans are published plans: their titles are names of documents, shown as they are."""
    from dxeditor.core import paths

    return {label for _name, label in paths.example_plans()}


def _allowed(text: str) -> bool:
    if text in ALLOWED or text in _example_titles():
        return True
    rest = text
    for pattern in ALLOWED_PATTERNS:
        rest = pattern.sub("", rest)
    return not JAPANESE.search(rest)


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus filled on demand (recent files)
    for act in menu.actions():
        yield f"{where} > {act.text()}", act.text()
        yield f"{where} > {act.text()} (tip)", act.toolTip()
        yield f"{where} > {act.text()} (status)", act.statusTip()
        if act.menu() is not None:
            yield from _menu_texts(act.menu(), f"{where} > {act.text()}")


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every text a person can see or hover in ``root``: labels, buttons, tips, items, headers, menus."""
    name = type(root).__name__
    yield f"{name} title", root.windowTitle()
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{name}/{type(w).__name__}:{w.objectName()}"
        yield f"{where} tip", w.toolTip()
        yield f"{where} whatsThis", w.whatsThis()
        if isinstance(w, QLabel):
            yield where, w.text()
        elif isinstance(w, QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QLineEdit):
            yield f"{where} placeholder", w.placeholderText()
        elif isinstance(w, (QPlainTextEdit, QTextEdit)) and not isinstance(w, QTextBrowser):
            yield f"{where} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where} item {i}", w.itemText(i)
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{where} tab {i}", w.tabText(i)
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QDockWidget):
            yield where, w.windowTitle()
        elif isinstance(w, QMenu):
            yield from _menu_texts(w, where)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount()
            except TypeError:  # list models keep columnCount private
                columns = 1
            for c in range(columns):
                yield f"{where} header {c}", str(model.headerData(c, Qt.Orientation.Horizontal) or "")
    for act in root.actions():
        yield f"{name} action", act.text()
        yield f"{name} action tip", act.toolTip()


def japanese_in(root: QWidget) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in visible_texts(root)
                   if text and JAPANESE.search(text) and not _allowed(text)})


@pytest.fixture
def english(qapp):
    """The English translation installed for the test (and removed after)."""
    from dxeditor.ui.i18n import install_translations

    translators = install_translations(qapp, "en")
    assert any("dxeditor_en" in t.filePath() for t in translators)
    yield
    for t in translators:
        qapp.removeTranslator(t)
    errors.set_language("ja")


@pytest.fixture
def en_window(qtbot, english, messages):
    from dxeditor.formats.json import io as json_io
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.undo import DocumentController

    doc = json_io.import_data(copy.deepcopy(ASCII_PLAN))
    w = MainWindow(DocumentController(doc))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w._forced_dirty = False
    w.controller.undo_stack.setClean()
    w.close()
    doc.close(keep_working_copy=False)


def test_main_window_menus_toolbar_and_forms_are_english(qtbot, en_window):
    w = en_window
    found = japanese_in(w)
    for kind, item in (("initiative", 1), ("section", 1), ("row", 1)):
        w.outline_view.select_item(kind, item)
        QApplication.processEvents()
        found += japanese_in(w)
    w.find_bar.open_bar()
    found += japanese_in(w)
    assert not found, "\n".join(sorted(set(found)))


def test_schedule_menus_and_legend_are_english(qtbot, en_window):
    from dxeditor.ui.schedule.menu import build_menu

    canvas = en_window.schedule_view.canvas
    found = japanese_in(en_window.schedule_view)
    found += [f"menu(empty): {t!r}" for _w, t in _menu_texts(build_menu(canvas, None) or QMenu(), "")
              if t and JAPANESE.search(t) and not _allowed(t)]
    viewport = canvas.viewport() if hasattr(canvas, "viewport") else canvas
    hits = [canvas.hit(QPointF(x, y)) for x in range(0, viewport.width(), 10) for y in range(0, viewport.height(), 6)]
    kinds = {repr(h): h for h in hits if h is not None}
    assert len(kinds) >= 2, "the plan's bar and milestone must be under the probe"
    for hit in kinds.values():
        menu = build_menu(canvas, hit)
        if menu is not None:
            found += [f"menu({hit!r}): {t!r}" for _w, t in _menu_texts(menu, "") if t and JAPANESE.search(t)
                      and not _allowed(t)]
    assert not found, "\n".join(sorted(set(found)))


DIALOGS = ["plan_properties.PlanPropertiesDialog", "departments_dialog.DepartmentsDialog",
           "glossary_dialog.GlossaryDialog", "audit_dialog.AuditDialog", "inquiry_dialogs.InquiryExportDialog"]


@pytest.mark.parametrize("path", DIALOGS)
def test_dialogs_are_english(qtbot, en_window, path):
    import importlib

    module, cls = path.split(".")
    dialog = getattr(importlib.import_module(f"dxeditor.ui.dialogs.{module}"), cls)(en_window.controller, en_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = japanese_in(dialog)
    dialog.reject()
    assert not found, "\n".join(found)


def test_pdf_and_excel_dialogs_are_english(qtbot, en_window):
    from dxeditor.ui.dialogs.excel_dialogs import ExcelExportDialog
    from dxeditor.ui.dialogs.pdf_dialogs import PdfOptionsDialog

    found = []
    for dialog in (PdfOptionsDialog(en_window), ExcelExportDialog(en_window.controller.doc, en_window)):
        qtbot.addWidget(dialog)
        dialog.show()
        found += japanese_in(dialog)
        dialog.reject()
    assert not found, "\n".join(found)


def test_help_window_and_empty_plan_hint_are_english(qtbot, en_window):
    help_window = en_window.show_help("start")
    assert "Getting started" in help_window.browser.toPlainText()
    found = japanese_in(help_window)
    help_window.close()
    found += japanese_in(en_window.empty_hint)
    assert not found, "\n".join(found)


def test_lower_layer_messages_follow_the_language(en_window):
    from dxeditor.core.errors import message_for
    from dxeditor.plan.ops import plan_meta

    assert errors.language() == "en"
    assert message_for(FileNotFoundError(2, "x", "a.dxplan")).startswith("File not found")
    with pytest.raises(errors.DxError) as exc:
        en_window.controller.execute("x", lambda rec: plan_meta.update_plan(rec, numbering_style="bogus"))
    assert not JAPANESE.search(exc.value.message())
    assert QCoreApplication.translate("MainWindow", "上書き保存(&S)") == "&Save"


def test_fallback_translates_by_source_text_and_leaves_the_rest_alone(english):
    from PySide6.QtGui import QKeySequence

    assert QCoreApplication.translate("window", "PDF に書き出す") == "Export to PDF"  # lupdate's context
    assert QCoreApplication.translate("MainWindow", "PDF に書き出す") == "Export to PDF"  # the run-time one
    assert QCoreApplication.translate("Anything", "斜線") == "Diagonal lines"  # a lower-layer name
    assert QCoreApplication.translate("Anything", "not a known text") == "not a known text"
    assert QKeySequence("Ctrl+F4").toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+F4"


def test_every_lower_layer_name_has_an_english_translation(english):
    from dxeditor.formats.xlsx.write.export import SHEETS
    from dxeditor.plan.ops import departments, plan_meta
    from dxeditor.publish.pdf.export import KINDS
    from dxeditor.store import models
    from dxeditor.ui import sdgs
    from dxeditor.ui.dialogs import excel_dialogs, pdf_dialogs

    names = [*KINDS.values(), *pdf_dialogs.PAPERS.values(), *pdf_dialogs.YEAR_STYLES.values(),
             *pdf_dialogs.UNITS.values(), *SHEETS.values(), *excel_dialogs.YEAR_STYLE_NAMES.values(),
             *excel_dialogs.UNIT_NAMES.values(), *plan_meta.PATTERN_NAMES.values(),
             *plan_meta.YEAR_STYLE_NAMES.values(), *models.NATIONAL_CATEGORIES.values(),
             *models.PROGRESS_STATUSES.values(), *models.TEXT_BLOCK_NAMES.values(),
             *(p[1] for p in models.DEFAULT_PHASES), *sdgs.SDG_NAMES, *departments.KINDS]
    untranslated = [n for n in names if JAPANESE.search(n) and not _allowed(QCoreApplication.translate("X", n))]
    assert not untranslated


def test_english_menu_mnemonics_do_not_clash(qtbot, en_window):
    from tests.ui.test_help import _mnemonic_clashes

    assert not _mnemonic_clashes(en_window.menuBar(), "menu bar")


def test_small_dialogs_are_english(qtbot, en_window):
    from dxeditor.ui.dialogs.department_dialogs import NameDialog, SplitDialog
    from dxeditor.ui.recovery import RecoveryDialog

    dialogs = [RecoveryDialog([], en_window), NameDialog("Add", "x", kind="ka", fy=2024, years=range(2020, 2030),
                                                         fy_label="From", parent=en_window),
               SplitDialog("Split", "names", range(2020, 2030), 2024, multi=True, parent=en_window)]
    found = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        found += japanese_in(dialog)
        dialog.reject()
    assert not found, "\n".join(found)
