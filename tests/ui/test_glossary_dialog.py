"""The glossary editor: grouped list, filter, add / edit / delete through the undo stack."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from dxeditor.formats.json import io as json_io
from dxeditor.plan.ops import glossary as gl
from dxeditor.store.document import PlanDocument
from dxeditor.ui.dialogs.glossary_dialog import GlossaryDialog, GlossaryModel
from dxeditor.ui.undo import DocumentController

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TERMS = [("AI", "えーあい", "人工知能。"), ("オープンデータ", "おーぷんでーた", "二次利用が可能なデータ。"),
         ("可用性", "かようせい", "必要なときに使えること。"), ("クラウド", "くらうど", "インターネット経由の利用。"),
         ("電子契約", "でんしけいやく", "電子署名による契約。")]


def type_ja(widget: QWidget, text: str) -> None:
    """Type Japanese as an input method commits it (QTest.keyClicks only knows Latin-1 keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def controller() -> Iterator[DocumentController]:
    doc: PlanDocument = json_io.import_data({
        "format": "dxeditor-plan", "format_version": 1,
        "plan": {"title": "用語集", "period_start_fy": 2023, "period_end_fy": 2027},
        "glossary": [{"id": i, "term": t, "reading": r, "description": d} for i, (t, r, d) in enumerate(TERMS, 1)],
    })
    yield DocumentController(doc)
    doc.close(keep_working_copy=False)


@pytest.fixture
def dialog(qtbot: Any, controller: DocumentController) -> GlossaryDialog:
    d = GlossaryDialog(controller)
    d.confirm = lambda text: True  # type: ignore[method-assign]  # discard a refused edit on teardown
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def terms(controller: DocumentController) -> dict[str, gl.TermView]:
    return {t.term: t for t in gl.list_terms(controller.doc.session.connection())}


def shown(dialog: GlossaryDialog) -> list[str]:
    m = dialog.model
    out = []
    for g in range(m.rowCount()):
        group = m.index(g, 0)
        out.append(group.data())
        out += [f"  {m.index(r, 0, group).data()}" for r in range(m.rowCount(group))]
    return out


def click(qtbot: Any, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_model(qtmodeltester: Any, controller: DocumentController) -> None:
    model = GlossaryModel()
    model.load(gl.grouped_terms(controller.doc.session.connection()))
    qtmodeltester.check(model)


def test_grouped_and_sorted(dialog: GlossaryDialog) -> None:
    assert shown(dialog) == ["【A～】（1）", "  AI", "【あ～】（1）", "  オープンデータ", "【か～】（2）", "  可用性",
                             "  クラウド", "【た～】（1）", "  電子契約"]


def test_filter(qtbot: Any, dialog: GlossaryDialog) -> None:
    qtbot.keyClicks(dialog.filter_edit, "ai")
    assert shown(dialog) == ["【A～】（1）", "  AI"]
    dialog.filter_edit.clear()
    type_ja(dialog.filter_edit, "カヨウ")
    assert shown(dialog) == ["【か～】（1）", "  可用性"]


def test_add_a_term_then_undo(qtbot: Any, dialog: GlossaryDialog, controller: DocumentController) -> None:
    click(qtbot, dialog.new_button)
    type_ja(dialog.term_edit, "チャットボット")
    assert dialog.reading_edit.placeholderText() == "ちゃっとぼっと"
    assert dialog.group_label.text() == "【た～】"
    type_ja(dialog.description_edit, "会話形式で自動的に返答する仕組み。")
    qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Return)
    type_ja(dialog.description_edit, "「ボット」はロボットの略。")
    click(qtbot, dialog.save_button)
    t = terms(controller)["チャットボット"]
    assert t.reading == "ちゃっとぼっと" and t.description == "会話形式で自動的に返答する仕組み。\n「ボット」はロボットの略。"
    assert "  チャットボット" in shown(dialog) and dialog.current_id == t.id
    assert controller.undo_stack.undoText() == "用語の追加"
    controller.undo_stack.undo()
    assert "チャットボット" not in terms(controller) and "  チャットボット" not in shown(dialog)


def test_edit_is_saved_when_moving_to_another_term(qtbot: Any, dialog: GlossaryDialog,
                                                   controller: DocumentController) -> None:
    dialog.tree.setCurrentIndex(dialog.model.index_of(3))
    assert dialog.term_edit.text() == "可用性"
    dialog.description_edit.selectAll()
    type_ja(dialog.description_edit, "許可された者が必要なときにいつでも情報にアクセスできること。")
    dialog.tree.setCurrentIndex(dialog.model.index_of(4))
    assert dialog.term_edit.text() == "クラウド"
    assert terms(controller)["可用性"].description.startswith("許可された者")
    controller.undo_stack.undo()
    assert terms(controller)["可用性"].description == "必要なときに使えること。"


def test_delete_key_and_undo(qtbot: Any, dialog: GlossaryDialog, controller: DocumentController) -> None:
    dialog.tree.setCurrentIndex(dialog.model.index_of(5))
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert "電子契約" not in terms(controller) and "【た～】（1）" not in shown(dialog)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "電子契約" in terms(controller) and "  電子契約" in shown(dialog)


@pytest.mark.parametrize(("term", "message"), [("", "空"), ("ａｉ", "既に登録")])
def test_refusals_are_shown(qtbot: Any, dialog: GlossaryDialog, controller: DocumentController,
                            term: str, message: str) -> None:
    click(qtbot, dialog.new_button)
    type_ja(dialog.term_edit, term)
    type_ja(dialog.description_edit, "説明")
    click(qtbot, dialog.save_button)
    assert dialog.message_box is not None and message in dialog.message_box.text()
    assert controller.undo_stack.count() == 0 and len(terms(controller)) == 5
    assert dialog.description_edit.toPlainText() == "説明"  # what was typed is still there


def test_non_bmp_and_emoji_terms(qtbot: Any, dialog: GlossaryDialog, controller: DocumentController) -> None:
    click(qtbot, dialog.new_button)
    type_ja(dialog.term_edit, "𠮷野式窓口😀")
    type_ja(dialog.reading_edit, "よしのしきまどぐち")
    click(qtbot, dialog.save_button)
    assert terms(controller)["𠮷野式窓口😀"].group == "や"
    assert shown(dialog)[-2:] == ["【や～】（1）", "  𠮷野式窓口😀"]


def test_closing_saves_a_pending_edit(qtbot: Any, dialog: GlossaryDialog, controller: DocumentController) -> None:
    click(qtbot, dialog.new_button)
    type_ja(dialog.term_edit, "テレワーク")
    dialog.reject()
    assert "テレワーク" in terms(controller)


def test_a_refused_pending_edit_asks_before_it_is_dropped(qtbot: Any, dialog: GlossaryDialog,
                                                          controller: DocumentController) -> None:
    asked: list[str] = []
    dialog.confirm = lambda text: asked.append(text) is not None  # type: ignore[method-assign]  # "No"
    dialog.tree.setCurrentIndex(dialog.model.index_of(3))
    dialog.term_edit.selectAll()
    type_ja(dialog.term_edit, "クラウド")  # already exists
    dialog.tree.setCurrentIndex(dialog.model.index_of(1))
    assert asked and "既に登録" in asked[0]
    assert dialog.term_edit.text() == "クラウド" and dialog.current_id == 3  # kept what was typed
    dialog.confirm = lambda text: True  # type: ignore[method-assign]  # "Yes, drop it"
    dialog.tree.setCurrentIndex(dialog.model.index_of(1))
    assert dialog.term_edit.text() == "AI"
    assert terms(controller)["可用性"].id == 3 and controller.undo_stack.count() == 0
