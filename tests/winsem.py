r"""Windows file semantics on Linux, for the test suite (``pytest --windows-semantics``).

Every user runs dxeditor on Windows, where the file system refuses things Linux allows.
While this layer is installed, the Python file APIs the product uses behave as Windows
does for every path under the test's temporary root (the rest of the machine — the
virtual environment, pytest's own files — is left alone):

- ``os.fsync`` on a descriptor opened read-only fails with EBADF (Windows' ``_commit``
  needs a handle opened for writing); a directory cannot be opened with ``os.open``
  (PermissionError), so it cannot be fsynced either;
- a file that any handle of this process holds open (a file object, an ``os.open``
  descriptor, an SQLite connection, or :func:`hold_open` standing in for Excel or a virus
  scanner) cannot be replaced, renamed, renamed over or deleted: ``os.replace``,
  ``os.rename``, ``os.remove``/``os.unlink``, ``shutil.move`` raise PermissionError with
  ``winerror`` 32 (a sharing violation). Open handles are read from ``/proc/self/fd``,
  which sees descriptors opened by C code (SQLite) too;
- reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension), names
  ending in a dot or a space, and the characters ``<>:"|?*`` are refused when a file or
  folder is created; a path longer than 259 characters fails unless written with the
  ``\\\\?\\`` prefix (which the layer then strips before calling Linux);
- a file with the read-only attribute (no write permission bit) cannot be replaced or
  deleted (WinError 5);
- names that differ only in case are one file: replacing or deleting ``Plan.dxplan``
  while ``plan.dxplan`` is held open fails, and creating ``PLAN.dxplan`` beside an
  existing ``plan.dxplan`` writes to the existing file.

The product's own switch ``dxeditor.core.paths.WINDOWS`` is set too, so the code paths it
takes on Windows (no folder fsync, ``\\?\`` for long paths) run under the layer.
Child processes started by a test load the layer too (``tests/winsem_site/sitecustomize.py``).
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import fcntl
import io
import os
import re
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ENV = "DXEDITOR_WINDOWS_SEMANTICS"
#: Set for child processes (with ``tests/winsem_site`` on PYTHONPATH): the root the layer covers.
ROOT_ENV = "DXEDITOR_WINDOWS_SEMANTICS_ROOT"
MAX_PATH = 259  # MAX_PATH (260) less the terminating NUL
LONG_PREFIX = "\\\\?\\"
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)
_BAD_CHARS = set('<>:"|?*')


class _Layer:
    def __init__(self, root: Path) -> None:
        self.root = os.path.realpath(root)
        self.real: dict[tuple[Any, str], Any] = {}
        self.held: list[Any] = []
        self.refusals = 0

    # ------------------------------------------------------------------ paths
    def norm(self, p: Any) -> str | None:
        """The Linux path a product path names (prefix stripped), or None for a descriptor."""
        if isinstance(p, int):
            return None
        s = os.fsdecode(os.fspath(p))
        if s.startswith(LONG_PREFIX):
            s = s[len(LONG_PREFIX):]
        return s

    def covered(self, s: str) -> bool:
        a = os.path.abspath(s)
        return a == self.root or a.startswith(self.root + os.sep)

    def check_length(self, p: Any) -> None:
        if isinstance(p, int):
            return
        raw = os.fsdecode(os.fspath(p))
        if raw.startswith(LONG_PREFIX):
            return
        a = os.path.abspath(raw)
        if self.covered(a) and len(a) > MAX_PATH:
            self.refusals += 1
            raise OSError(errno.ENAMETOOLONG, "[WinError 206] The filename or extension is too long", raw)

    def check_name(self, p: Any) -> None:
        """Refuse a name Windows cannot create."""
        s = self.norm(p)
        if s is None or not self.covered(s):
            return
        self.check_length(p)
        rel = os.path.relpath(os.path.abspath(s), self.root)
        for part in rel.split(os.sep):
            if part in ("", ".", ".."):
                continue
            if _RESERVED.match(part) or part[-1] in ". " or _BAD_CHARS & set(part) or "\\" in part \
                    or any(ord(c) < 32 for c in part):
                self.refusals += 1
                raise OSError(errno.EINVAL, f"[WinError 123] The filename, directory name, or volume label "
                                            f"syntax is incorrect: {part!r}", s)

    def fold(self, s: str) -> str:
        """The existing spelling of ``s`` when only the case differs (one file on Windows)."""
        if not self.covered(s):
            return s
        try:
            self.real[(os, "lstat")](s)
            return s
        except OSError:
            pass
        parent, name = os.path.split(os.path.abspath(s))
        with contextlib.suppress(OSError):
            for entry in self.real[(os, "listdir")](parent):
                if entry.casefold() == name.casefold():
                    return os.path.join(parent, entry)
        return s

    def open_handles(self) -> set[str]:
        """Case-folded real paths of every file this process holds open."""
        found = set()
        with contextlib.suppress(OSError):
            for fd in self.real[(os, "listdir")]("/proc/self/fd"):
                with contextlib.suppress(OSError):
                    found.add(os.readlink(f"/proc/self/fd/{fd}").casefold())
        return found

    def check_not_open(self, *paths: Any) -> None:
        handles = None
        for p in paths:
            s = self.norm(p)
            if s is None or not self.covered(s):
                continue
            if handles is None:
                handles = self.open_handles()
            if os.path.realpath(self.fold(s)).casefold() in handles:
                self.refusals += 1
                err = PermissionError(errno.EACCES, "[WinError 32] The process cannot access the file because "
                                                    "it is being used by another process", s)
                err.winerror = 32  # type: ignore[attr-defined]
                raise err

    def check_writable(self, p: Any) -> None:
        """A file with the read-only attribute cannot be replaced or deleted (WinError 5)."""
        s = self.norm(p)
        if s is None or not self.covered(s):
            return
        try:
            mode = self.real[(os, "lstat")](self.fold(s)).st_mode
        except OSError:
            return
        if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
            self.refusals += 1
            err = PermissionError(errno.EACCES, "[WinError 5] Access is denied", s)
            err.winerror = 5  # type: ignore[attr-defined]
            raise err

    # ------------------------------------------------------------------ wrappers
    def install(self) -> None:
        real = self.real
        for mod, name in [(os, "fsync"), (os, "open"), (os, "replace"), (os, "rename"), (os, "remove"),
                          (os, "unlink"), (os, "rmdir"), (os, "mkdir"), (os, "listdir"), (os, "stat"), (os, "lstat"),
                          (os, "link"), (os, "scandir"), (builtins, "open"), (io, "open"), (sqlite3, "connect")]:
            real[(mod, name)] = getattr(mod, name)
        real[(shutil, "_use_fd_functions")] = shutil._use_fd_functions  # type: ignore[attr-defined]
        from dxeditor.core import paths

        real[(paths, "WINDOWS")] = getattr(paths, "WINDOWS", False)
        paths.WINDOWS = True
        layer = self

        def fsync(fd: Any) -> None:
            n = fd if isinstance(fd, int) else fd.fileno()
            mode = os.fstat(n).st_mode
            if stat.S_ISDIR(mode) or fcntl.fcntl(n, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
                layer.refusals += 1
                raise OSError(errno.EBADF, "Bad file descriptor")
            real[(os, "fsync")](n)

        def os_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
            s = layer.norm(path)
            if s is not None and dir_fd is None and layer.covered(s):
                layer.check_length(path)
                if os.path.isdir(s):
                    layer.refusals += 1
                    raise PermissionError(errno.EACCES, "[WinError 5] Access is denied", s)
                if flags & os.O_CREAT:
                    layer.check_name(path)
                s = layer.fold(s)
                if flags & os.O_TRUNC:
                    pass
                return real[(os, "open")](s, flags, mode)
            return real[(os, "open")](s if s is not None and dir_fd is None else path, flags, mode, dir_fd=dir_fd)

        def make_open(orig: Any) -> Any:
            def wrapped(file: Any, mode: str = "r", *args: Any, **kw: Any) -> Any:
                if isinstance(file, int):
                    return orig(file, mode, *args, **kw)
                s = layer.norm(file)
                if s is not None and layer.covered(s):
                    layer.check_length(file)
                    if any(c in mode for c in "wax+"):
                        layer.check_name(file)
                    file = layer.fold(s)
                return orig(file, mode, *args, **kw)
            return wrapped

        def two(name: str) -> Any:
            def wrapped(src: Any, dst: Any, *args: Any, **kw: Any) -> None:
                layer.check_name(dst)
                layer.check_length(src)
                layer.check_not_open(src, dst)
                layer.check_writable(dst)
                s, d = layer.norm(src), layer.norm(dst)
                real[(os, name)](layer.fold(s) if s else src, layer.fold(d) if d else dst, *args, **kw)
            return wrapped

        def one(name: str, *, create: bool = False) -> Any:
            def wrapped(path: Any, *args: Any, **kw: Any) -> Any:
                if create:
                    layer.check_name(path)
                else:
                    layer.check_length(path)
                    layer.check_not_open(path)
                    if name in ("remove", "unlink"):
                        layer.check_writable(path)
                s = layer.norm(path)
                return real[(os, name)]((layer.fold(s) if not create else s) if s else path, *args, **kw)
            return wrapped

        def reading(name: str) -> Any:
            def wrapped(path: Any = ".", *args: Any, **kw: Any) -> Any:
                s = layer.norm(path)
                if s is not None and layer.covered(s):
                    layer.check_length(path)
                    path = layer.fold(s)
                elif s is not None:
                    path = s
                return real[(os, name)](path, *args, **kw)
            return wrapped

        def link(src: Any, dst: Any, *args: Any, **kw: Any) -> None:
            layer.check_name(dst)
            layer.check_length(src)
            s, d = layer.norm(src), layer.norm(dst)
            real[(os, "link")](s if s else src, d if d else dst, *args, **kw)

        def connect(database: Any, *args: Any, **kw: Any) -> sqlite3.Connection:
            if not kw.get("uri") and isinstance(database, str | os.PathLike) and str(database) != ":memory:":
                s = layer.norm(database)
                if s is not None and layer.covered(s):
                    layer.check_name(database)
                    database = layer.fold(s)
            return real[(sqlite3, "connect")](database, *args, **kw)

        os.fsync = fsync
        os.open = os_open
        os.replace = two("replace")
        os.rename = two("rename")
        os.remove = one("remove")
        os.unlink = one("unlink")
        os.rmdir = one("rmdir")
        os.mkdir = one("mkdir", create=True)
        os.stat = reading("stat")
        os.lstat = reading("lstat")
        os.listdir = reading("listdir")
        os.scandir = reading("scandir")
        os.link = link
        builtins.open = make_open(real[(builtins, "open")])
        io.open = make_open(real[(io, "open")])
        sqlite3.connect = connect
        shutil._use_fd_functions = False  # type: ignore[attr-defined]  # rmtree walks by name, as on Windows

    def uninstall(self) -> None:
        for h in self.held:
            with contextlib.suppress(OSError):
                h.close()
        for (mod, name), value in self.real.items():
            setattr(mod, name, value)


_active: _Layer | None = None


def install(root: Path) -> _Layer:
    """Switch the layer on for paths under ``root``."""
    global _active
    if _active is None:
        _active = _Layer(root)
        _active.install()
    return _active


def uninstall() -> None:
    global _active
    if _active is not None:
        _active.uninstall()
        _active = None


def active() -> bool:
    return _active is not None


@contextlib.contextmanager
def hold_open(path: Path | str, mode: str = "rb") -> Iterator[Any]:
    """Hold ``path`` open as Excel or a virus scanner would (no FILE_SHARE_DELETE)."""
    fh = builtins.open(path, mode)
    try:
        yield fh
    finally:
        fh.close()
