"""Edit locks beside plan files on a shared drive: who has the plan open, since when.

Opening a plan for editing (:meth:`PlanDocument.open`, so the GUI, the CLI and every
other writer alike) creates ``NAME.dxplan.lock`` beside it (atomically, with ``O_EXCL``)
naming the Windows user, PC, process and time, and a heartbeat counter that the holder
advances every :data:`REFRESH_EVERY` seconds. A second person is told who holds it and
chooses read-only, a copy, or — for a stale lock — taking it over.

Clocks on a LAN differ by minutes, so staleness never compares this PC's clock with a
time written by another PC (nor with a file time set by the share). A lock is stale when
its PC is this one and its process no longer runs, when it cannot be read (damaged,
not UTF-8, nonsense values), or when this program has watched its heartbeat stand still
for :data:`STALE_AFTER` seconds of its own monotonic clock.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dxeditor.core import atomic, paths
from dxeditor.core.errors import PlanFileError
from dxeditor.core.identity import host_name, os_user

LOCK_SUFFIX = ".lock"
#: How often an open plan advances its lock's heartbeat (seconds).
REFRESH_EVERY = 10 * 60
#: A heartbeat seen standing still this long (this PC's monotonic clock) marks a stale lock.
STALE_AFTER = 3 * REFRESH_EVERY
#: Largest lock file read (a lock is a few hundred bytes).
MAX_LOCK_BYTES = 64 * 1024
log = logging.getLogger(__name__)
_monotonic = time.monotonic
#: lock path → (heartbeat seen, monotonic time it was first seen)
_observed: dict[str, tuple[object, float]] = {}
_observed_guard = threading.Lock()


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about its holder."""

    user: str
    host: str
    pid: int
    since: float  # epoch seconds (the holder's clock) when the plan was opened: shown, never compared
    refreshed: float  # monotonic seconds (this PC) since the heartbeat was last seen to move
    path: Path
    beat: int = 0
    damaged: str = ""  # why the lock file could not be understood ("" when it could)

    def since_text(self) -> str:
        """Local time the holder opened the plan, as people read it (2026/11/23 10:05)."""
        try:
            return datetime.fromtimestamp(self.since).strftime("%Y/%m/%d %H:%M")
        except (ValueError, OverflowError, OSError):
            return "（不明な時刻）"

    def is_mine(self) -> bool:
        return not self.damaged and self.host == host_name() and self.pid == os.getpid()

    def is_stale(self) -> bool:
        """The holder is gone: damaged lock, same PC and the process is not running, or a silent heartbeat."""
        if self.damaged:
            return True
        if self.host == host_name() and not atomic.pid_alive(self.pid):
            return True
        return self.refreshed > STALE_AFTER


class PlanLockedError(PlanFileError):
    """The plan is open for editing by someone else."""

    def __init__(self, info: LockInfo) -> None:
        self.info = info
        if info.damaged:
            super().__init__(
                f"ロックファイルが壊れています（{info.damaged}）: {info.path}。"
                "誰も編集していなければ、編集を引き継いでください。",
                f"The lock file is damaged ({info.damaged}): {info.path}. Take over editing if nobody is editing.",
            )
            return
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


def _silent_for(path: Path, beat: object) -> float:
    """Seconds (this PC's monotonic clock) the heartbeat ``beat`` of ``path`` has been seen unchanged."""
    key = str(path)
    now = _monotonic()
    with _observed_guard:
        seen = _observed.get(key)
        if seen is None or seen[0] != beat:
            _observed[key] = (beat, now)
            return 0.0
        return now - seen[1]


def _damaged(path: Path, why: str) -> LockInfo:
    return LockInfo("不明", "不明", 0, 0.0, 0.0, path, damaged=why)


def read_lock(plan: Path) -> LockInfo | None:
    """The current lock of ``plan``, or None when nobody holds it (never raises)."""
    path = lock_path(plan)
    try:
        with open(paths.os_path(path), "rb") as fh:
            raw = fh.read(MAX_LOCK_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_LOCK_BYTES:
        return _damaged(path, "大きすぎます")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _damaged(path, "文字コードが UTF-8 ではありません")
    except ValueError:
        return _damaged(path, "形式が違います")
    if not isinstance(data, dict):
        return _damaged(path, "形式が違います")
    user, host, pid, since, beat = (data.get(k) for k in ("user", "host", "pid", "since", "beat"))
    if not (isinstance(user, str) and isinstance(host, str) and user and host):
        return _damaged(path, "利用者名がありません")
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid < 2**32:
        return _damaged(path, "プロセス番号が不正です")
    if not isinstance(since, int | float) or isinstance(since, bool) or not math.isfinite(since) \
            or not 0 <= since < 2**37:
        return _damaged(path, "時刻が不正です")
    if beat is None:
        beat = 0
    if not isinstance(beat, int) or isinstance(beat, bool):
        return _damaged(path, "形式が違います")
    return LockInfo(user[:200], host[:200], pid, float(since), _silent_for(path, (beat, since, pid, host)),
                    path, beat=beat)


class PlanLock:
    """A held lock; its heartbeat advances while the plan is open; release it on close."""

    def __init__(self, plan: Path, since: float, *, beat: int = 0, heartbeat: bool = False) -> None:
        self.plan = plan
        self.path = lock_path(plan)
        self.since = since
        self.beat = beat
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if heartbeat:
            self._thread = threading.Thread(target=self._beat_loop, name="dxeditor-lock", daemon=True)
            self._thread.start()

    def _beat_loop(self) -> None:
        while not self._stop.wait(REFRESH_EVERY):
            self.refresh()

    def refresh(self) -> None:
        """Advance the heartbeat (recreating the lock if someone deleted it); never raises."""
        current = read_lock(self.plan)
        if current is not None and not current.is_mine():
            return  # taken over by someone else: do not fight over it
        self.beat = max(self.beat, current.beat if current else 0) + 1
        try:
            _write_lock(self.path, self.since, beat=self.beat, exclusive=current is None)
        except OSError as exc:  # the share may be gone for a moment; the next refresh tries again
            log.info("lock refresh failed for %s: %s", self.path, exc)

    def release(self) -> None:
        """Stop the heartbeat and remove the lock if it is still ours."""
        self._stop.set()
        info = read_lock(self.plan)
        if info is not None and info.is_mine():
            with contextlib.suppress(OSError):
                os.unlink(paths.os_path(self.path))


def _write_lock(path: Path, since: float, *, beat: int = 0, exclusive: bool) -> None:
    """Write the lock: created with O_EXCL, or rewritten whole through a temporary file."""
    data = json.dumps({"user": os_user(), "host": host_name(), "pid": os.getpid(), "since": since,
                       "beat": beat, "program": "dxeditor"}, ensure_ascii=False).encode("utf-8")
    if not exclusive:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with open(paths.os_path(tmp), "wb") as fh:
                fh.write(data)
            os.replace(paths.os_path(tmp), paths.os_path(path))
        finally:
            with contextlib.suppress(OSError):
                if os.path.lexists(paths.os_path(tmp)):
                    os.unlink(paths.os_path(tmp))
        return
    create_exclusive(path, data)


def create_exclusive(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data``, or raise FileExistsError; never leaves it empty.

    The content is written to a temporary file first and hard-linked into place (atomic
    and exclusive), so a process killed midway never leaves an empty lock that nobody can
    judge. Where hard links are not available, ``O_EXCL`` and a write.
    """
    tmp = atomic.own_temp_name(path)
    try:
        with open(paths.os_path(tmp), "xb") as fh:
            fh.write(data)
        try:
            os.link(paths.os_path(tmp), paths.os_path(path))
            return
        except FileExistsError:
            raise
        except (OSError, NotImplementedError, AttributeError):
            pass
    except FileExistsError:
        raise
    except OSError:
        pass  # the temporary file could not be written: try directly
    finally:
        atomic.done_with(tmp)
    fd = os.open(paths.os_path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(paths.os_path(path))  # created by us a moment ago: nobody else's
        raise


def acquire(plan: Path, *, take_over: bool = False, heartbeat: bool = False) -> PlanLock:
    """Lock ``plan`` for editing, or raise :class:`PlanLockedError` naming the holder.

    ``take_over`` replaces an existing lock (the caller has confirmed with the user that
    it is stale). ``heartbeat`` advances the lock from a background thread while held. A
    folder that cannot hold a lock file (read-only) raises PlanFileError.
    """
    plan = Path(plan).absolute()
    path = lock_path(plan)
    since = time.time()
    for _ in range(3):
        try:
            _write_lock(path, since, exclusive=True)
            return PlanLock(plan, since, heartbeat=heartbeat)
        except FileExistsError:
            info = read_lock(plan)
            if info is None:
                continue  # released meanwhile: try again
            if info.is_mine():
                return PlanLock(plan, info.since, beat=info.beat, heartbeat=heartbeat)
            if not take_over:
                raise PlanLockedError(info) from None
            if info.damaged:
                log.warning("replacing a damaged lock file %s (%s)", path, info.damaged)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(paths.os_path(path))
        except OSError as exc:
            raise PlanFileError(
                f"ロックファイルを作成できません（フォルダーに書き込めません）: {path}",
                f"Cannot create the lock file (the folder is not writable): {path}",
            ) from exc
    raise PlanLockedError(read_lock(plan) or LockInfo("不明", "不明", 0, since, 0.0, path))


def holder_blocking(plan: Path) -> LockInfo | None:
    """The live lock of someone else on ``plan`` (None when free, ours, or stale)."""
    info = read_lock(plan)
    if info is None or info.is_mine() or info.is_stale():
        return None
    return info


# ---------------------------------------------------------------------- save lock
#: How long a save waits for another save of the same file to finish (seconds, this PC's clock).
SAVE_WAIT = 60.0
#: A save lock whose content stays unchanged this long (observed here) is left over from a crash.
SAVE_STALE_AFTER = 30.0
SAVE_POLL = 0.05
#: Tokens of the save locks this process holds right now.
_saving: set[str] = set()


def save_lock_path(plan: Path) -> Path:
    return plan.with_name(f".{plan.name}.savelock")


@contextlib.contextmanager
def save_lock(plan: Path) -> Iterator[None]:
    """Held across a save's last check and its replace, so two writers cannot interleave.

    A short-lived file created with ``O_EXCL``; a leftover of a killed save is broken when
    its process is gone from this PC, or when it has not changed for
    :data:`SAVE_STALE_AFTER` seconds of this PC's monotonic clock.
    """
    path = save_lock_path(plan)
    token = uuid.uuid4().hex
    body = json.dumps({"host": host_name(), "pid": os.getpid(), "token": token}).encode("utf-8")
    start = _monotonic()
    seen: tuple[bytes, float] | None = None
    while True:
        try:
            create_exclusive(path, body)
        except FileExistsError:
            now = _monotonic()
            try:
                with open(paths.os_path(path), "rb") as fh:
                    other = fh.read(4096)
            except OSError:
                continue  # released meanwhile
            if seen is None or seen[0] != other:
                seen = (other, now)
            if _save_lock_dead(other) or now - seen[1] > SAVE_STALE_AFTER:
                log.warning("breaking a leftover save lock %s", path)
                with contextlib.suppress(OSError):
                    os.unlink(paths.os_path(path))
                continue
            if now - start > SAVE_WAIT:
                raise PlanFileError(
                    f"ほかの人がこのファイルを保存中のため保存できません。しばらくしてからもう一度保存してください: {plan}",
                    f"Someone else is saving this file; try again in a moment: {plan}") from None
            time.sleep(SAVE_POLL)
            continue
        break
    _saving.add(token)
    try:
        yield
    finally:
        _saving.discard(token)
        for attempt in range(2):  # a passing hiccup of the share should not leave the lock behind
            try:
                with open(paths.os_path(path), "rb") as fh:
                    ours = fh.read(4096) == body
                if ours:
                    os.unlink(paths.os_path(path))
                break
            except FileNotFoundError:
                break
            except OSError as exc:
                if attempt:
                    log.warning("could not remove the save lock %s: %s", path, exc)


def _save_lock_dead(raw: bytes) -> bool:
    try:
        data = json.loads(raw.decode("utf-8"))
        if data["host"] != host_name():
            return False
        pid = int(data["pid"])
        if pid == os.getpid():  # left by an earlier save of this process (its release failed)
            return data.get("token") not in _saving
        return not atomic.pid_alive(pid)
    except (ValueError, KeyError, TypeError):
        return False  # empty (being written) or foreign: judged by watching it instead
