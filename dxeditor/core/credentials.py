"""Passwords kept in the operating system's credential store, and nowhere else.

On Windows a server password can be kept in the Credential Manager (資格情報マネージャー):
a generic credential per server login, named ``dxeditor:postgresql://USER@HOST:PORT/DB``,
protected by Windows for the logged-in user and visible to them under 「Windows 資格情報」.
Other systems have no store this program uses: :func:`available` is False there, nothing is
kept and the password is asked each time. A password is never written to the settings, a
log or a URL.

The Win32 calls (advapi32 ``CredWriteW``, ``CredReadW``, ``CredDeleteW``, ``CredFree``) go
through :class:`WindowsCredentials`, which takes the library object: the marshalling (the
``CREDENTIALW`` structure, the password as a UTF-16-LE blob) is tested with a stand-in for
advapi32 on any system.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any, Protocol

from dxeditor.core.errors import DxError

__all__ = ["CREDENTIALW", "CredentialError", "CredentialStore", "WindowsCredentials", "available",
           "default_store", "target_name"]

CRED_TYPE_GENERIC = 1
#: Kept on this PC for this Windows user (not roamed to other PCs with a domain profile).
CRED_PERSIST_LOCAL_MACHINE = 2
#: The largest blob Windows accepts (CRED_MAX_CREDENTIAL_BLOB_SIZE): 1,280 UTF-16 code units.
CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 * 512
ERROR_NOT_FOUND = 1168
PREFIX = "dxeditor:"

_DWORD = ctypes.c_uint32


class FILETIME(ctypes.Structure):
    """Win32 ``FILETIME`` (set by Windows when the credential is written)."""

    _fields_ = [("dwLowDateTime", _DWORD), ("dwHighDateTime", _DWORD)]


class CREDENTIALW(ctypes.Structure):
    """Win32 ``CREDENTIALW`` (wincred.h), field for field."""

    _fields_ = [
        ("Flags", _DWORD),
        ("Type", _DWORD),
        ("TargetName", ctypes.c_wchar_p),
        ("Comment", ctypes.c_wchar_p),
        ("LastWritten", FILETIME),
        ("CredentialBlobSize", _DWORD),
        ("CredentialBlob", ctypes.POINTER(ctypes.c_ubyte)),
        ("Persist", _DWORD),
        ("AttributeCount", _DWORD),
        ("Attributes", ctypes.c_void_p),
        ("TargetAlias", ctypes.c_wchar_p),
        ("UserName", ctypes.c_wchar_p),
    ]


class CredentialError(DxError):
    """The credential store refused to keep, give back or forget a password."""


class CredentialStore(Protocol):
    """Where passwords are kept: ``read`` gives None when none is kept for ``target``."""

    def read(self, target: str) -> str | None: ...

    def write(self, target: str, user: str, password: str) -> None: ...

    def delete(self, target: str) -> None: ...


def target_name(user: str, host: str, port: int | str, database: str) -> str:
    """The name under which the password of one server login is kept (no password in it)."""
    return f"{PREFIX}postgresql://{user}@{host}:{port}/{database}"


def password_blob(password: str) -> bytes:
    """The password as Windows keeps a generic credential's secret: UTF-16-LE, no terminator."""
    return password.encode("utf-16-le")


def password_from_blob(blob: bytes) -> str:
    """The password back from its UTF-16-LE blob (an odd trailing byte is not part of it)."""
    return blob[: len(blob) - len(blob) % 2].decode("utf-16-le", errors="replace")


class WindowsCredentials:
    """The Windows Credential Manager through advapi32 (``api``: the loaded library or a stand-in).

    ``last_error`` gives the Win32 error of the last failed call (``ctypes.get_last_error``
    for a library loaded with ``use_last_error=True``).
    """

    def __init__(self, api: Any, last_error: Callable[[], int]) -> None:
        self.api = api
        self.last_error = last_error

    def write(self, target: str, user: str, password: str) -> None:
        """Keep ``password`` for ``target`` (replacing what was kept)."""
        blob = password_blob(password)
        if len(blob) > CRED_MAX_CREDENTIAL_BLOB_SIZE:
            raise CredentialError("パスワードが長すぎるため保存できません。",
                                  "The password is too long to be kept.")
        buffer = (ctypes.c_ubyte * max(len(blob), 1)).from_buffer_copy(blob or b"\0")
        cred = CREDENTIALW()
        cred.Type = CRED_TYPE_GENERIC
        cred.TargetName = target
        cred.Comment = "dxeditor"
        cred.CredentialBlobSize = len(blob)
        cred.CredentialBlob = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte))
        cred.Persist = CRED_PERSIST_LOCAL_MACHINE
        cred.UserName = user
        try:
            if not self.api.CredWriteW(ctypes.pointer(cred), 0):
                code = self.last_error()
                raise CredentialError(f"パスワードを資格情報マネージャーに保存できませんでした（エラー {code}）。",
                                      f"The password could not be kept in the Credential Manager (error {code}).")
        finally:
            ctypes.memset(buffer, 0, len(blob))  # no copy of the secret left in our memory

    def read(self, target: str) -> str | None:
        """The password kept for ``target``, or None."""
        found = ctypes.POINTER(CREDENTIALW)()
        if not self.api.CredReadW(target, CRED_TYPE_GENERIC, 0, ctypes.pointer(found)):
            code = self.last_error()
            if code == ERROR_NOT_FOUND:
                return None
            raise CredentialError(f"資格情報マネージャーからパスワードを読めませんでした（エラー {code}）。",
                                  f"The password could not be read from the Credential Manager (error {code}).")
        try:
            cred = found.contents
            size = int(cred.CredentialBlobSize)
            blob = ctypes.string_at(cred.CredentialBlob, size) if size and cred.CredentialBlob else b""
            return password_from_blob(blob)
        finally:
            self.api.CredFree(found)

    def delete(self, target: str) -> None:
        """Forget the password kept for ``target`` (nothing kept is fine)."""
        if not self.api.CredDeleteW(target, CRED_TYPE_GENERIC, 0):
            code = self.last_error()
            if code != ERROR_NOT_FOUND:
                raise CredentialError(f"資格情報マネージャーのパスワードを削除できませんでした（エラー {code}）。",
                                      f"The password could not be removed from the Credential Manager "
                                      f"(error {code}).")


def _load_advapi32() -> Any:  # pragma: no cover - Windows only
    from ctypes import wintypes

    api = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
    pcred = ctypes.POINTER(CREDENTIALW)
    api.CredWriteW.argtypes = [pcred, wintypes.DWORD]
    api.CredWriteW.restype = wintypes.BOOL
    api.CredReadW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, ctypes.POINTER(pcred)]
    api.CredReadW.restype = wintypes.BOOL
    api.CredDeleteW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD]
    api.CredDeleteW.restype = wintypes.BOOL
    api.CredFree.argtypes = [ctypes.c_void_p]
    api.CredFree.restype = None
    return api


def default_store() -> CredentialStore | None:
    """This system's credential store: the Windows Credential Manager, or None elsewhere."""
    if sys.platform != "win32":
        return None
    try:  # pragma: no cover - Windows only
        return WindowsCredentials(_load_advapi32(), ctypes.get_last_error)  # type: ignore[attr-defined]
    except (OSError, AttributeError):  # pragma: no cover - a Windows without the Credential Manager
        return None


def available() -> bool:
    """Whether passwords can be kept on this system (Windows only)."""
    return default_store() is not None
