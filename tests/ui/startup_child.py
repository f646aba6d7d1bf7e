"""The child program of tests/ui/test_startup.py: the real GUI entry with a failure planted in it.

``python -m tests.ui.startup_child MODE PLAN`` runs ``run_gui`` as the windowed program does
(no console: ``sys.stderr`` is None) after making one step of start-up fail:

- ``window``: building the main window raises (after the QApplication exists);
- ``app``: making the QApplication raises (the crash box must make one itself).

Message boxes print their text to stdout instead of waiting for a click.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox


def main(mode: str, plan: str) -> int:
    out = sys.stdout
    sys.stderr = None  # type: ignore[assignment]  # as in the windowed program

    def critical(_parent, _title, text, *_args):
        out.write("CRITICAL " + text.replace("\n", " ") + "\n")
        out.flush()
        return QMessageBox.StandardButton.Ok

    QMessageBox.critical = staticmethod(critical)  # type: ignore[method-assign]
    from dxeditor.ui import app

    def broken(*_args, **_kwargs):
        sys.stderr.write("stray output before the failure\n")
        raise RuntimeError(f"planted failure ({mode})")

    if mode == "window":
        from dxeditor.ui import main_window

        main_window.MainWindow = broken  # type: ignore[misc]
    else:
        app.make_app = broken  # type: ignore[assignment]
    return app.run_gui(Path(plan))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
