"""Logging for the whole program: one rotating log file in the data folder.

Every module logs through ``logging.getLogger(__name__)``; :func:`setup` (called once by
the GUI and the command line) sends records to ``<data dir>/logs/dxeditor.log``, kept to
a few files of a few hundred kilobytes, so an administrator can read what happened on a
PC without a console. :func:`redirect_stderr` makes the windowed program (which has no
console: ``sys.stderr`` is None under pythonw/PyInstaller's windowed mode) write stray
output there too.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TextIO

from dxeditor.core.errors import DxError

LOG_NAME = "dxeditor.log"
MAX_BYTES = 512 * 1024
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d %(threadName)s] %(message)s"



def log_dir() -> Path:
    """``<data dir>/logs`` (created)."""
    from dxeditor.core import paths

    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_file() -> Path | None:
    """The file the program logs to, when :func:`setup` has installed it."""
    for handler in logging.getLogger("dxeditor").handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def setup(level: int | None = None) -> Path | None:
    """Log ``dxeditor.*`` records to the rotating file (once); returns the file, or None if unwritable.

    ``DXEDITOR_LOG_LEVEL`` (DEBUG, INFO, …) overrides the default level INFO.
    """
    root = logging.getLogger("dxeditor")
    try:
        wanted = log_dir() / LOG_NAME
    except (OSError, DxError):  # a data folder that cannot be written: run without a log file
        return None
    existing = log_file()
    if existing == wanted:
        return existing
    shutdown()  # the data folder changed (tests): log to the new one
    if level is None:
        level = logging.getLevelName(os.environ.get("DXEDITOR_LOG_LEVEL", "INFO").upper())
        if not isinstance(level, int):
            level = logging.INFO
    root.setLevel(level)
    handler = logging.handlers.RotatingFileHandler(wanted, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return Path(handler.baseFilename)


class _LogStream:
    """A text stream that writes whole lines to a logger (stderr of the windowed program)."""

    def __init__(self, logger: logging.Logger, level: int) -> None:
        self.logger = logger
        self.level = level
        self._buffer = ""

    def write(self, text: str) -> int:
        self._buffer += text
        while "\n" in self._buffer:
            line, self._buffer = self._buffer.split("\n", 1)
            if line.strip():
                self.logger.log(self.level, line)
        return len(text)

    def flush(self) -> None:
        if self._buffer.strip():
            self.logger.log(self.level, self._buffer)
        self._buffer = ""

    def isatty(self) -> bool:
        return False


def redirect_stderr(force: bool = False) -> TextIO | None:
    """Send ``sys.stderr`` to the log when there is no console.

    The windowed build has ``sys.stderr is None``: output (warnings, Qt messages printed by
    Python code) would vanish. Returns the stream installed, or None when stderr was kept.
    """
    if sys.stderr is not None and not force:
        return None
    stream = _LogStream(logging.getLogger("dxeditor.stderr"), logging.WARNING)
    sys.stderr = stream  # type: ignore[assignment]
    return stream  # type: ignore[return-value]


def shutdown() -> None:
    """Flush and close the log file (tests, the end of the program)."""
    root = logging.getLogger("dxeditor")
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            with contextlib.suppress(Exception):
                handler.close()
            root.removeHandler(handler)
