"""Write the gallery pictures (resources/templates/previews/NAME.png) with the program itself.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/templates/make_previews.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from dxeditor.app.templates import open_template  # noqa: E402
from dxeditor.core import paths  # noqa: E402
from dxeditor.ui.dialogs.new_plan_dialog import THUMB, preview_path, render_preview  # noqa: E402


def main() -> int:
    app = QApplication.instance() or QApplication([])  # noqa: F841 - painting text needs it
    names = ["demo", "national", *(n for n, _label in paths.example_plans())]
    for name in names:
        doc = open_template(name)
        try:
            image = render_preview(doc)
        finally:
            doc.close(keep_working_copy=False)
        out = preview_path(name)
        out.parent.mkdir(parents=True, exist_ok=True)
        image.scaled(THUMB * 2, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                     ).save(str(out))
        print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
