"""Fault points on every file operation of an edit and a save (a test seam: never shipped).

:func:`install` wraps the operations the product uses to write a plan — ``os`` file calls,
``open``, ``shutil.copyfile``, ``sqlite3.connect``, SQLAlchemy commits and the document's
manifest steps — and counts them. At step ``at`` (a step is just before or just after one
operation) it either kills the process outright (``SIGKILL``: no ``finally``, no clean-up,
as a power cut or the task manager would) or raises ``OSError(EIO)`` (a failing disk or
a vanished share). The steps are numbered in the order they happen, so a test can walk
through all of them: 1, 2, 3 … until a run completes without reaching its step.
"""

from __future__ import annotations

import builtins
import errno
import os
import shutil
import signal
import sqlite3
from collections.abc import Callable
from typing import Any

OS_CALLS = ("open", "close", "write", "fsync", "replace", "rename", "link", "unlink", "remove", "mkdir")


class Faults:
    def __init__(self, at: int, action: str) -> None:
        self.at = at
        self.action = action  # "kill" or "raise"
        self.step = 0
        self.hit: str | None = None
        self._undo: list[tuple[Any, str, Any]] = []

    def point(self, what: str, *, after: bool) -> None:
        if self.action == "raise" and what == "os.close":
            return  # a failing close would leak the handle; Windows' CloseHandle does not fail this way
        self.step += 1
        if self.step != self.at:
            return
        self.hit = f"{'after' if after else 'before'} {what}"
        if self.action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if not after:  # raising after an operation would misreport it: faults happen in the operation
            raise OSError(errno.EIO, f"injected fault {self.hit}")

    def wrap(self, owner: Any, name: str, label: str | None = None) -> None:
        real = getattr(owner, name)
        label = label or name
        faults = self

        def wrapped(*args: Any, **kw: Any) -> Any:
            faults.point(label, after=False)
            result = real(*args, **kw)
            faults.point(label, after=True)
            return result

        self._undo.append((owner, name, real))
        setattr(owner, name, wrapped)

    def remove(self) -> None:
        for owner, name, real in reversed(self._undo):
            setattr(owner, name, real)
        self._undo.clear()


def install(at: int, action: str) -> Faults:
    """Arm step ``at`` with ``action`` ("kill" or "raise") on every write-related operation."""
    from sqlalchemy.orm import Session

    from dxeditor.store.document import PlanDocument

    f = Faults(at, action)
    for name in OS_CALLS:
        f.wrap(os, name, f"os.{name}")
    f.wrap(builtins, "open", "open")
    f.wrap(shutil, "copyfile", "shutil.copyfile")
    f.wrap(sqlite3, "connect", "sqlite3.connect")
    f.wrap(Session, "commit", "Session.commit")
    for name in ("_before_commit", "_write_manifest", "mark_dirty", "_write_copy"):
        if hasattr(PlanDocument, name):
            f.wrap(PlanDocument, name, f"PlanDocument.{name}")
    return f


def run_with(faults_at: int, action: str, fn: Callable[[], Any]) -> tuple[Faults, BaseException | None]:
    """Run ``fn`` with step ``faults_at`` armed; returns the fault record and what ``fn`` raised."""
    f = install(faults_at, action)
    try:
        fn()
    except BaseException as exc:
        return f, exc
    finally:
        f.remove()
    return f, None
