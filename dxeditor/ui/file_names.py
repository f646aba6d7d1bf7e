"""What a save or export dialog offers: a folder and a file name that say which plan it is.

Beside the plan's own file when it has one; for a plan never saved, in the user's documents
folder. A bare file name would open the dialog in the program's working folder (on Windows
often the install folder, where a municipal PC lets no one write).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

_REFUSED = re.compile(r'[\\/:*?"<>|]+')  # characters Windows does not allow in a file name


def start_folder(doc: Any) -> Path:
    """The plan file's folder, else the user's documents folder, else the home folder."""
    source = getattr(doc, "source", None)
    if source:
        return Path(source).parent
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return Path.home()


def plan_stem(doc: Any, untitled: str) -> str:
    """The plan file's name without suffix, else its title made safe for a file name, else ``untitled``."""
    source = getattr(doc, "source", None)
    if source:
        return Path(source).stem
    title = getattr(getattr(doc, "plan", None), "title", "") or ""
    return _REFUSED.sub("_", title).strip(" _.") or untitled


def offered_path(doc: Any, name: str) -> str:
    """``name`` in :func:`start_folder`, as the dialog's starting path."""
    return str(start_folder(doc) / name)
