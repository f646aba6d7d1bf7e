"""What happens when the program meets an unexpected error: a log, and a plain message.

:func:`install_excepthook` is the first thing the GUI does (before the first document is
opened), so a failure at start-up shows a message box and leaves a log just as one in the
running window does. Every unexpected exception is written to a ``crash-*.log`` file and to
the program log (:mod:`dxeditor.core.logsetup`); the person sees a short message, never a
traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dxeditor.core import paths
from dxeditor.core.errors import DxError

CRASH_LOGS_KEPT = 20
log = logging.getLogger(__name__)


def write_crash_log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
    """Write the traceback to ``<data dir>/logs/crash-YYYYmmdd-HHMMSS.log``; returns the file."""
    from dxeditor import __version__

    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now()
    crash = folder / f"crash-{now:%Y%m%d-%H%M%S}.log"
    head = (f"dxeditor {__version__} — {now:%Y-%m-%d %H:%M:%S}\n"
            f"Python {platform.python_version()} on {platform.platform()}\n\n")
    with crash.open("a", encoding="utf-8") as f:  # two errors in one second share a file
        f.write(head + "".join(traceback.format_exception(exc_type, exc, tb)) + "\n")
    for old in sorted(folder.glob("crash-*.log"))[:-CRASH_LOGS_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()
    return crash


def crash_message(exc: BaseException, crash_log: Path | None) -> str:
    """What the user reads after an unexpected error (Japanese, or English with the English UI)."""
    if isinstance(exc, DxError):  # a known error that escaped its handler: its own message says it best
        text = exc.message()
    else:
        text = QCoreApplication.translate("CrashReport", "予期しないエラーが発生しました。")
    text += "\n" + QCoreApplication.translate(
        "CrashReport", "編集内容は作業用コピーに保存されています。保存してから作業を続けてください。")
    if crash_log is not None:
        text += "\n\n" + QCoreApplication.translate("CrashReport", "ログ: {0}").format(crash_log)
    return text


def _show(parent: QWidget | None, text: str) -> None:
    """A message box; before the QApplication exists one is made (start-up failures)."""
    if QApplication.instance() is None:
        QApplication([sys.argv[0] if sys.argv else "dxeditor"])
    QMessageBox.critical(parent, "dxeditor", text)


def install_excepthook(window_getter: Callable[[], QWidget | None] = lambda: None) -> None:
    """Turn unexpected exceptions into a crash log and a message box (never a traceback on screen).

    Every edit is already in the working copy, so the user can save and carry on. With
    ``DXEDITOR_DEBUG`` set the traceback goes to the console as usual and no box is shown.
    ``window_getter`` gives the parent for the box (None before the window exists).
    """
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        crash_log: Path | None = None
        with contextlib.suppress(OSError):
            crash_log = write_crash_log(exc_type, exc, tb)
        if os.environ.get("DXEDITOR_DEBUG"):  # developers: the usual traceback on the console, no box
            sys.__excepthook__(exc_type, exc, tb)
            return
        if showing:  # another error while the box is up: the log has it
            return
        showing = True
        try:
            parent = None
            with contextlib.suppress(Exception):  # the window may already be gone
                parent = window_getter()
            _show(parent, crash_message(exc, crash_log))
        except Exception:  # the last resort failed too: the logs have it all
            log.exception("could not show the crash message")
        finally:
            showing = False

    sys.excepthook = hook
