"""The child program of tests/ui/test_recovery.py: the real GUI on a plan, one edit, then death.

Run as ``python -m tests.ui.crash_child PLAN TITLE`` from the repository root. It starts the
program exactly as ``python -m dxeditor PLAN`` does, renames schedule row 1 to ``TITLE`` once
the window is shown, and ends the process without saving or closing anything (as a power
cut or a killed process would). This seam lives in tests/, never in the shipped program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

EXIT_CODE = 9


def edit_and_die(window, title: str) -> None:
    """Make an edit through the undoable path, then die without saving."""
    from dxeditor.plan.ops import outline as ops

    window.controller.execute("名称の変更", lambda rec: ops.rename(rec, "row", 1, title))
    sys.stdout.flush()
    os._exit(EXIT_CODE)


def main(plan: str, title: str) -> int:
    from dxeditor.ui import app
    from dxeditor.ui.main_window import MainWindow

    shown = MainWindow.show

    def show_then_edit(window: MainWindow) -> None:
        shown(window)
        QTimer.singleShot(0, lambda: edit_and_die(window, title))

    MainWindow.show = show_then_edit  # type: ignore[method-assign]
    return app.run_gui(Path(plan))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
