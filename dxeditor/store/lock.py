"""Edit locks beside plan files on a shared drive: who has the plan open, since when.

Opening a plan for editing creates ``NAME.dxplan.lock`` beside it (atomically, with
``O_EXCL``) naming the Windows user, PC, process and time. A second person is told who
holds it and chooses read-only, a copy, or — for a stale lock — taking it over. A lock
is stale when its PC is this one and its process no longer runs, or when it has not been
refreshed for longer than :data:`STALE_AFTER` (the holder refreshes it while open).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dxeditor.core.errors import PlanFileError
from dxeditor.core.identity import host_name, os_user

LOCK_SUFFIX = ".lock"
#: A lock not refreshed for this long is stale (seconds).
STALE_AFTER = 4 * 3600
#: How often an open plan refreshes its lock (seconds).
REFRESH_EVERY = 10 * 60


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about its holder."""

    user: str
    host: str
    pid: int
    since: float  # epoch seconds when the plan was opened
    refreshed: float  # epoch seconds of the last refresh (the file's mtime)
    path: Path

    def since_text(self) -> str:
        """Local time the holder opened the plan, as people read it (2026/11/23 10:05)."""
        return datetime.fromtimestamp(self.since).strftime("%Y/%m/%d %H:%M")

    def is_mine(self) -> bool:
        return self.host == host_name() and self.pid == os.getpid()

    def is_stale(self, now: float | None = None) -> bool:
        """The holder is gone: same PC and the process is not running, or not refreshed for long."""
        from dxeditor.store.document import _pid_alive

        if self.host == host_name() and not _pid_alive(self.pid):
            return True
        return (now or time.time()) - self.refreshed > STALE_AFTER


class PlanLockedError(PlanFileError):
    """The plan is open for editing by someone else."""

    def __init__(self, info: LockInfo) -> None:
        self.info = info
        stale = "（古いロックの可能性があります）" if info.is_stale() else ""
        super().__init__(
            f"この計画は {info.user} さん（{info.host}）が {info.since_text()} から編集中です{stale}。"
            "読み取り専用で開くか、コピーを開いてください。",
            f"This plan is being edited by {info.user} on {info.host} since {info.since_text()}. "
            "Open it read-only or open a copy.",
        )


def lock_path(plan: Path) -> Path:
    """The lock file of a plan file."""
    return plan.with_name(plan.name + LOCK_SUFFIX)


def read_lock(plan: Path) -> LockInfo | None:
    """The current lock of ``plan``, or None when nobody holds it."""
    path = lock_path(plan)
    try:
        raw = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return None
    try:
        data = json.loads(raw)
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), float(data["since"]), mtime, path)
    except (ValueError, KeyError, TypeError):
        # a lock we cannot read is treated as held by an unknown person, stale after the usual age
        return LockInfo("不明", "不明", 0, mtime, mtime, path)


class PlanLock:
    """A held lock; refresh it while the plan is open and release it on close."""

    def __init__(self, plan: Path, since: float) -> None:
        self.plan = plan
        self.path = lock_path(plan)
        self.since = since

    def refresh(self) -> None:
        """Show the lock is alive (touch it); recreate it if someone deleted it."""
        try:
            os.utime(self.path)
        except FileNotFoundError:
            with contextlib.suppress(OSError):
                _write_lock(self.path, self.since, exclusive=True)
        except OSError:
            pass  # the share may be gone for a moment; the next refresh tries again

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        info = read_lock(self.plan)
        if info is not None and info.host == host_name() and info.pid == os.getpid():
            with contextlib.suppress(OSError):
                self.path.unlink()


def _write_lock(path: Path, since: float, *, exclusive: bool) -> None:
    data = json.dumps({"user": os_user(), "host": host_name(), "pid": os.getpid(), "since": since,
                       "program": "dxeditor"}, ensure_ascii=False).encode("utf-8")
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    flags |= os.O_EXCL if exclusive else os.O_TRUNC
    fd = os.open(path, flags, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def acquire(plan: Path, *, take_over: bool = False) -> PlanLock:
    """Lock ``plan`` for editing, or raise :class:`PlanLockedError` naming the holder.

    ``take_over`` replaces an existing lock (the caller has confirmed with the user that
    it is stale). A folder that cannot hold a lock file (read-only) raises PlanFileError.
    """
    plan = Path(plan).absolute()
    path = lock_path(plan)
    since = time.time()
    for _ in range(2):
        try:
            _write_lock(path, since, exclusive=True)
            return PlanLock(plan, since)
        except FileExistsError:
            info = read_lock(plan)
            if info is None:
                continue  # released meanwhile: try again
            if info.is_mine():
                return PlanLock(plan, info.since)
            if not take_over:
                raise PlanLockedError(info) from None
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        except OSError as exc:
            raise PlanFileError(
                f"ロックファイルを作成できません（フォルダーに書き込めません）: {path}",
                f"Cannot create the lock file (the folder is not writable): {path}",
            ) from exc
    raise PlanLockedError(read_lock(plan) or LockInfo("不明", "不明", 0, since, since, path))
