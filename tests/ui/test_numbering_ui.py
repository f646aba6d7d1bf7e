"""Issue 15 item 5: a new initiative in a new section of the national template is ①, everywhere."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from dxeditor.core import paths
from dxeditor.formats.json import io as json_io
from dxeditor.plan.data_view import view_from_data
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.publish.pdf.export import PdfOptions, export_pdf
from dxeditor.ui.main_window import MainWindow
from dxeditor.ui.undo import DocumentController


def test_new_initiative_in_new_section_restarts_at_one(qtbot, messages, tmp_path):
    doc = json_io.import_data(json_io.load_json_file(paths.resources() / "templates" / "national.json"))
    w = MainWindow(DocumentController(doc))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    model, view = w.model, w.outline_view
    w.activateWindow()
    view.setFocus()
    view.select_item("section", model.root.children[-1].id)
    qtbot.waitUntil(view.hasFocus)
    w.add_section_action.trigger()
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # keep the new section's name
    qtbot.waitUntil(view.hasFocus)
    w.add_initiative_action.trigger()
    new_section = model.root.children[-1]
    assert new_section.kind == "section" and len(new_section.children) == 1
    new_init = new_section.children[0]
    assert new_init.number == "①"  # the outline
    iid = new_init.id
    with doc.engine.connect() as conn:
        pv = load_plan_view(conn)
    by_id = {it.id: it for s in pv.sections for it in s.initiatives}
    assert by_id[iid].number == "①"  # the read model (PDF, forms)
    with doc.engine.connect() as conn:
        xv = view_from_data(json_io.export_data(conn))
    assert {it.id: it.number for s in xv.sections for it in s.initiatives}[iid] == "①"  # the workbook
    export_pdf(doc, tmp_path / "b.pdf", PdfOptions(kind="booklet"))
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True).stdout
    assert "① 新しい取組" in text and "⑮" not in text
    w.controller.undo_stack.setClean()
    w._forced_dirty = False
    w.close()
    doc.close(keep_working_copy=False)
