"""Starting the GUI: QApplication, fonts, translations, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from dxeditor.core.errors import DxError


def run_gui(path: Path | None, argv: Sequence[str] = ()) -> int:
    """Show the main window on ``path`` (or the last plan / the demo) and run the event loop."""
    from PySide6.QtWidgets import QApplication, QMessageBox, QTreeWidget, QTreeWidgetItem

    from dxeditor.cli import open_template
    from dxeditor.db.document import PlanDocument

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    try:
        doc = PlanDocument.open(path) if path else open_template("demo")
    except DxError as exc:
        QMessageBox.critical(None, "dxeditor", exc.message())
        return 2
    tree = QTreeWidget()
    tree.setHeaderLabels(["名称"])
    tree.setWindowTitle(f"{doc.plan.title} — dxeditor")
    from sqlalchemy import select

    from dxeditor.db import models as m

    for sec in doc.session.scalars(select(m.Section).order_by(m.Section.position)):
        item = QTreeWidgetItem([sec.title])
        tree.addTopLevelItem(item)
        for it in doc.session.scalars(
            select(m.Initiative).where(m.Initiative.section_id == sec.id).order_by(m.Initiative.position)
        ):
            QTreeWidgetItem(item, [it.title])
    tree.expandAll()
    tree.resize(700, 500)
    tree.show()
    code = app.exec()
    doc.close()
    return int(code)
