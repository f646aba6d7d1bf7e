"""Unsaved work left behind by a program that ended without saving: find it, bring it back, or drop it.

A working copy is kept unless it is certainly clean: its manifest says "unsaved" before
an edit commits (see :meth:`PlanDocument._before_commit`), and a copy that took a write
after its manifest was last written is kept all the same. Recovered work remembers the
state of the file it was based on, so saving it over a colleague's newer save is a
conflict the user is asked about, never a silent overwrite.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from dxeditor.core import atomic, paths
from dxeditor.core.identity import host_name
from dxeditor.store.document import (
    MANIFEST,
    SCHEMA_REVISION,
    WORKING_NAME,
    PlanDocument,
    SourceStamp,
    _inspect,
    _migrate,
)


@dataclass
class RecoverableWork:
    """Unsaved work left behind by a program that ended without saving."""

    working_dir: Path
    source: Path | None
    updated: float
    user: str
    host: str
    #: The state of the file the work was based on (a later save by someone else is a conflict).
    base: SourceStamp | None = None


def list_recoverable() -> list[RecoverableWork]:
    """Working copies with unsaved edits whose program is no longer running on this PC."""
    found: list[RecoverableWork] = []
    for manifest in sorted(paths.work_dir().glob(f"*/{MANIFEST}")):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        wd = manifest.parent
        if not (wd / WORKING_NAME).exists():
            continue
        try:
            pid = int(data.get("pid", 0))
        except (TypeError, ValueError):
            pid = 0
        alive = data.get("host") == host_name() and atomic.pid_alive(pid)
        if alive:
            continue
        if data.get("server"):
            shutil.rmtree(wd, ignore_errors=True)  # a copy of a server plan: what was not sent is in the outbox
            continue
        if not data.get("dirty") and not _written_after(wd, manifest):
            shutil.rmtree(wd, ignore_errors=True)  # a clean copy left by a crash: nothing to recover
            continue
        src = data.get("source")
        try:
            updated = float(data.get("updated", 0))
        except (TypeError, ValueError):
            updated = 0.0
        found.append(RecoverableWork(wd, Path(src) if src else None, updated,
                                     str(data.get("user", "")), str(data.get("host", "")),
                                     SourceStamp.from_json(data.get("base"))))
    return found


def recover(work: RecoverableWork) -> PlanDocument:
    """Reopen unsaved work as a document (still unsaved, bound to its original file)."""
    revision = _inspect(work.working_dir / WORKING_NAME, work.working_dir)
    if revision != SCHEMA_REVISION:
        _migrate(work.working_dir / WORKING_NAME)
    doc = PlanDocument(work.working_dir, work.source, stamp=work.base)
    if work.base is None and work.source is not None:
        doc.stamp = SourceStamp(-1, -1)  # the base is unknown: saving over the file asks first
    doc.dirty = True
    doc.edited = True
    doc._write_manifest()
    doc.take_edit_lock()
    return doc


def _written_after(wd: Path, manifest: Path) -> bool:
    """Whether the working copy took a write after its manifest was last written (a commit not yet flagged).

    Both files are on this PC, so their times come from one clock.
    """
    try:
        wal = (wd / (WORKING_NAME + "-wal")).stat()
        return wal.st_size > 0 and wal.st_mtime_ns > manifest.stat().st_mtime_ns
    except OSError:
        return False


def discard(work: RecoverableWork) -> None:
    """Throw away recovered work the user does not want."""
    shutil.rmtree(work.working_dir, ignore_errors=True)
