"""Writing an output file so that it is never half-written: the product's one atomic writer.

Every file the product writes for the user (the plan on save, JSON, Excel, PDF, inquiry
workbooks, the audit log) goes through :func:`write_atomic`: a temporary file beside the
target with a name of its own, flushed and synced through a *writable* handle (Windows'
``fsync`` refuses a read-only one), then swapped in with ``os.replace``. A full disk, a
vanished share or a crash leaves the old file (or none), never a broken one. Replacing
is retried for a moment when another program holds the target (Excel has it open, a
virus scanner is reading it). The previous version can be kept as a backup, made by a
hard link (no second copy over the network) where the file system allows. Once the
replace has happened the write has succeeded: later clean-up problems are logged, never
reported as a failure. Failures before it become a :class:`PlanFileError` in the user's
language, and only this writer's own temporary files are removed.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import re
import shutil
import stat
import sys
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dxeditor.core import paths
from dxeditor.core.errors import PlanFileError
from dxeditor.core.identity import host_name

T = TypeVar("T")
REPLACE_RETRIES = 20
RETRY_PAUSE_S = 0.1
log = logging.getLogger(__name__)


def fsync_file(path: str | os.PathLike[str]) -> None:
    """Flush a file to disk through a handle opened for writing (Windows needs one)."""
    with open(paths.os_path(path), "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Make a rename in ``path`` durable where that is possible; never fails.

    Windows cannot open a folder for fsync (NTFS journals the rename itself); a file
    system that refuses it elsewhere (some network shares) is tolerated.
    """
    if paths.WINDOWS:
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def retrying(action: Callable[[], T]) -> T:
    """Run a file operation, retrying briefly while another program holds the file."""
    for attempt in range(REPLACE_RETRIES):
        try:
            return action()
        except PermissionError:
            if attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(RETRY_PAUSE_S)
    raise AssertionError("unreachable")  # pragma: no cover


def is_read_only(path: Path) -> bool:
    """Whether an existing file carries the read-only attribute (no write permission bit)."""
    try:
        return not (os.stat(paths.os_path(path)).st_mode & stat.S_IWUSR)
    except OSError:
        return False


def copy_sequential(src: Path, dst: Path, chunk: int = 1 << 20) -> int:
    """Copy ``src`` to a new file ``dst`` front to back in large blocks; returns the bytes written."""
    n = 0
    with open(paths.os_path(src), "rb") as fin, open(paths.os_path(dst), "xb") as fout:
        while block := fin.read(chunk):
            fout.write(block)
            n += len(block)
    return n


def _host_tag() -> str:
    return re.sub(r"[^A-Za-z0-9-]", "-", host_name())[:24] or "pc"


#: Names of the temporary files this process is writing right now (not leftovers).
_in_flight: set[str] = set()


def own_temp_name(target: Path, kind: str = "tmp") -> Path:
    """A temporary name beside ``target`` that no other writer uses: ``.STEM.PC.PID.RANDOM.KIND.SUFFIX``.

    Call :func:`done_with` when finished with it (removed or not).
    """
    tmp = target.with_name(f".{target.stem}.{_host_tag()}.{os.getpid()}.{uuid.uuid4().hex[:8]}.{kind}{target.suffix}")
    _in_flight.add(tmp.name)
    return tmp


def done_with(tmp: Path) -> None:
    """Remove the temporary file ``tmp`` if it is still there; a failure leaves it to a later sweep."""
    try:
        if os.path.lexists(paths.os_path(tmp)):
            os.unlink(paths.os_path(tmp))
    except OSError as exc:
        log.warning("could not remove the temporary file %s: %s", tmp, exc)
    finally:
        _in_flight.discard(tmp.name)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this PC."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def sweep_leftovers(target: Path) -> int:
    """Remove temporary files beside ``target`` left by killed writers of this PC; returns how many.

    Only files named by :func:`own_temp_name` with this PC's name and a process that no
    longer runs (or this process, when it is not writing them) are touched: another PC's or
    another running process's files are never removed.
    """
    removed = 0
    head, tag = f".{target.stem}.", _host_tag()
    try:
        names = os.listdir(paths.os_path(target.parent))
    except OSError:
        return 0
    for name in names:
        if not (name.startswith(head) and name.endswith(target.suffix)):
            continue
        middle = name[len(head):len(name) - len(target.suffix)]
        parts = middle.rsplit(".", 3)
        if len(parts) != 4 or parts[0] != tag or parts[3] not in ("tmp", "baktmp") or not parts[1].isdigit():
            continue
        pid = int(parts[1])
        if name in _in_flight or (pid != os.getpid() and pid_alive(pid)):
            continue
        try:
            os.unlink(paths.os_path(target.parent / name))
            removed += 1
        except OSError as exc:
            log.info("could not remove the leftover %s: %s", name, exc)
    return removed


def _keep_backup(target: Path, backup: Path) -> None:
    """``backup`` becomes the current ``target``: a hard link where possible, else a copy."""
    tmp = own_temp_name(backup, "baktmp")
    try:
        try:
            os.link(paths.os_path(target), paths.os_path(tmp))
        except (OSError, NotImplementedError, AttributeError):
            retrying(lambda: shutil.copyfile(paths.os_path(target), paths.os_path(tmp)))
        retrying(lambda: os.replace(paths.os_path(tmp), paths.os_path(backup)))
    finally:
        done_with(tmp)


def _release_writer(exc: BaseException) -> None:
    """Let go of what a failed writer still holds, now, and log what its clean-up says.

    A writer that fails half-way (a full disk under XlsxWriter) leaves objects in its frames,
    such as an open ``ZipFile``; freed later, their ``__del__`` tries to finish the file, fails
    again and prints "Exception ignored" with a traceback after the clear message. Clearing
    the frames here runs that clean-up while its complaints go to the log.
    """
    tb, exc.__traceback__ = exc.__traceback__, None
    hook = sys.unraisablehook
    sys.unraisablehook = lambda u: log.info("after a failed write: %r in %r", u.exc_value, u.object)
    try:
        traceback.clear_frames(tb)
        del tb
        gc.collect()
    finally:
        sys.unraisablehook = hook


def write_atomic(target: str | os.PathLike[str], write: Callable[[Path], T], *,
                 backup: Path | None = None, before_replace: Callable[[], None] | None = None,
                 failure: tuple[str, str] = ("書き出せません", "Cannot write"), hint: tuple[str, str] = ("", ""),
                 ) -> T:
    """Run ``write(tmp)`` on a temporary file beside ``target``, then replace ``target`` with it.

    Returns what ``write`` returned. ``backup`` keeps the previous target under that
    name; ``before_replace`` runs just before the swap (a last check that may raise). A
    read-only target is refused with a clear message instead of being replaced. The
    temporary file keeps the target's suffix (some writers look at it) and is removed
    whatever happens.
    """
    target = Path(target).absolute()
    ja, en = failure
    if not os.path.isdir(paths.os_path(target.parent)):
        raise PlanFileError(f"出力先のフォルダーが見つかりません: {target.parent}",
                            f"Output folder not found: {target.parent}")
    if is_read_only(target):
        raise PlanFileError(
            f"{ja}: {target} は読み取り専用のファイルです。エクスプローラーのプロパティで読み取り専用を外すか、"
            f"別の名前で保存してください。{hint[0]}",
            f"{en}: {target} is a read-only file. Clear its read-only attribute or use another name.{hint[1]}")
    tmp = own_temp_name(target)
    replaced = False
    try:
        result = write(tmp)
        fsync_file(tmp)
        if before_replace is not None:
            before_replace()
        if backup is not None and os.path.exists(paths.os_path(target)):
            _keep_backup(target, backup)
        try:
            retrying(lambda: os.replace(paths.os_path(tmp), paths.os_path(target)))
        except PermissionError:
            raise PlanFileError(
                f"{ja}（ファイルが他のプログラムで開かれているか、アクセス権がありません）: {target}{hint[0]}",
                f"{en} (the file is open in another program or permission denied): {target}{hint[1]}",
            ) from None
        replaced = True
    except OSError as exc:
        log.warning("cannot write %s", target, exc_info=True)
        _release_writer(exc)
        detail = exc.strerror or exc
        raise PlanFileError(f"{ja}: {target} ({detail}){hint[0]}", f"{en}: {target} ({detail}){hint[1]}") from exc
    finally:
        if replaced:
            _in_flight.discard(tmp.name)
        else:
            done_with(tmp)
    fsync_dir(target.parent)
    return result


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically; returns the absolute target."""
    write_atomic(target, lambda tmp: tmp.write_bytes(data))
    return Path(target).absolute()


def write_text_atomic(target: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 ``text`` (``\\n`` line ends on every system) to ``target`` atomically."""
    return write_bytes_atomic(target, text.encode("utf-8"))
