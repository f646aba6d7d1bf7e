"""Regenerate the README's and the manual's pictures from the real program.

Run it on a 1500×900 screen (the window opens fitted to the screen it is on; the offscreen
platform's screen is only 800×800)::

    xvfb-run -a -s "-screen 0 1500x900x24" env QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots.py

Runs the main window offscreen on the bundled demo (fonts ship with the program, so the
pictures look the same on any machine), selects an initiative, and saves window grabs
to ``docs/images/``; the schedule table PDF's first page is rendered with ``pdftoppm``
when poppler is installed. The offline manual's pictures (``resources/help/images/``:
main window, schedule, plan settings, the hint of an empty plan) are grabbed the same
way at a laptop's size. Settings and working copies go to a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
HELP = ROOT / "resources" / "help" / "images"
HELP_EN = ROOT / "resources" / "help" / "en" / "images"


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="dxeditor-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DXEDITOR_DATA_DIR"] = str(scratch / "data")
    os.environ["DXEDITOR_SETTINGS_DIR"] = str(scratch / "settings")
    sys.path.insert(0, str(ROOT))
    from dxeditor.app.templates import open_template
    from dxeditor.publish.pdf.export import PdfOptions, export_pdf
    from dxeditor.ui.app import make_app
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.settings import Settings
    from dxeditor.ui.undo import DocumentController

    app = make_app([])
    OUT.mkdir(parents=True, exist_ok=True)
    doc = open_template("demo")
    try:
        window = MainWindow(DocumentController(doc), Settings())
        window.resize(1500, 900)
        window.show()
        app.processEvents()
        window.outline_view.select_item("initiative", window.model.all_nodes()[1].id)
        app.processEvents()
        window.grab().save(str(OUT / "main-window.png"))
        window.schedule_view.set_zoom("quarter")
        app.processEvents()
        window.schedule_view.grab().save(str(OUT / "schedule-quarters.png"))
        pdf = scratch / "schedule.pdf"
        export_pdf(doc, pdf, PdfOptions(kind="schedule"))
        window.shutdown()  # closes the document
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(OUT / "schedule-pdf")], check=True)
        help_pictures(app, HELP)
        from dxeditor.ui.i18n import install_translations

        app._dx_translators = install_translations(app, "en")  # the English manual shows the English UI
        help_pictures(app, HELP_EN)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for p in sorted([*OUT.glob("*.png"), *HELP.glob("*.png"), *HELP_EN.glob("*.png")]):
        print(p.relative_to(ROOT))
    return 0


def help_pictures(app: object, folder: Path) -> None:
    """The manual's pictures in ``folder``: at 1280×720, the size of a small office screen."""
    from dxeditor.cli import open_template
    from dxeditor.ui.dialogs.plan_properties import PlanPropertiesDialog
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.settings import Settings
    from dxeditor.ui.undo import DocumentController

    folder.mkdir(parents=True, exist_ok=True)
    doc = open_template("demo")
    window = MainWindow(DocumentController(doc), Settings())
    window.showNormal()
    window.resize(1280, 720)
    app.processEvents()  # type: ignore[attr-defined]
    window.outline_view.select_item("initiative", window.model.all_nodes()[1].id)
    app.processEvents()  # type: ignore[attr-defined]
    window.grab().save(str(folder / "main-window.png"))
    window.schedule_view.grab().save(str(folder / "schedule.png"))
    dialog = PlanPropertiesDialog(window.controller, window)
    dialog.show()
    app.processEvents()  # type: ignore[attr-defined]
    dialog.grab().save(str(folder / "plan-settings.png"))
    dialog.reject()
    window.shutdown()
    blank = MainWindow(DocumentController(open_template("blank")), Settings())
    blank.showNormal()
    blank.resize(1100, 560)
    app.processEvents()  # type: ignore[attr-defined]
    blank.centralWidget().grab().save(str(folder / "empty-plan.png"))
    blank.shutdown()


if __name__ == "__main__":
    sys.exit(main())
