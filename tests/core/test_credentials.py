"""The credential store: the Win32 marshalling against a stand-in for advapi32, and nothing kept elsewhere."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import pytest

from dxeditor.core import credentials
from dxeditor.core.credentials import (
    CRED_PERSIST_LOCAL_MACHINE,
    CRED_TYPE_GENERIC,
    CREDENTIALW,
    ERROR_NOT_FOUND,
    CredentialError,
    WindowsCredentials,
)

TARGET = credentials.target_name("sato", "dbserver.example.lg.jp", 5432, "dxplans")


class FakeAdvapi32:
    """Behaves as advapi32's Cred* functions do: reads the CREDENTIALW it is given, allocates one on read."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, int], dict[str, Any]] = {}
        self.error = 0
        self.fail_with: int | None = None
        self.allocated: list[tuple[CREDENTIALW, Any]] = []  # alive until CredFree, as Windows' buffers
        self.freed: list[int] = []
        self.written: list[dict[str, Any]] = []

    def CredWriteW(self, pcred: Any, flags: int) -> int:
        assert flags == 0
        if self.fail_with is not None:
            self.error = self.fail_with
            return 0
        c = pcred.contents
        entry = {"type": c.Type, "target": c.TargetName, "user": c.UserName, "comment": c.Comment,
                 "persist": c.Persist, "flags": c.Flags, "attributes": c.AttributeCount,
                 "blob": ctypes.string_at(c.CredentialBlob, c.CredentialBlobSize)}
        self.written.append(entry)
        self.kept[(c.TargetName, c.Type)] = entry
        return 1

    def CredReadW(self, target: str, kind: int, flags: int, ppcred: Any) -> int:
        assert flags == 0
        if self.fail_with is not None:
            self.error = self.fail_with
            return 0
        entry = self.kept.get((target, kind))
        if entry is None:
            self.error = ERROR_NOT_FOUND
            return 0
        blob = (ctypes.c_ubyte * len(entry["blob"])).from_buffer_copy(entry["blob"])
        cred = CREDENTIALW(Type=kind, TargetName=target, UserName=entry["user"], Persist=entry["persist"],
                           CredentialBlobSize=len(entry["blob"]),
                           CredentialBlob=ctypes.cast(blob, ctypes.POINTER(ctypes.c_ubyte)))
        self.allocated.append((cred, blob))
        ppcred[0] = ctypes.pointer(cred)
        return 1

    def CredDeleteW(self, target: str, kind: int, flags: int) -> int:
        if self.fail_with is not None:
            self.error = self.fail_with
            return 0
        if self.kept.pop((target, kind), None) is None:
            self.error = ERROR_NOT_FOUND
            return 0
        return 1

    def CredFree(self, pcred: Any) -> None:
        self.freed.append(ctypes.addressof(pcred.contents))


@pytest.fixture
def api() -> FakeAdvapi32:
    return FakeAdvapi32()


@pytest.fixture
def store(api: FakeAdvapi32) -> WindowsCredentials:
    return WindowsCredentials(api, lambda: api.error)


def test_a_password_is_written_as_a_generic_utf16_credential_for_this_pc(api, store):
    store.write(TARGET, "sato", "pässwörd語😀")
    (entry,) = api.written
    assert entry["type"] == CRED_TYPE_GENERIC
    assert entry["target"] == "dxeditor:postgresql://sato@dbserver.example.lg.jp:5432/dxplans"
    assert entry["user"] == "sato"
    assert entry["persist"] == CRED_PERSIST_LOCAL_MACHINE
    assert entry["flags"] == 0 and entry["attributes"] == 0
    assert entry["blob"] == "pässwörd語😀".encode("utf-16-le")  # no terminator; the emoji as a surrogate pair
    assert len(entry["blob"]) == 2 * 9 + 4  # nine characters of two bytes, the emoji of four
    assert "pässwörd" not in (entry["target"] + entry["user"] + entry["comment"])


def test_a_kept_password_is_read_back_and_windows_buffer_freed(api, store):
    store.write(TARGET, "sato", "s3cret-パスワード")
    assert store.read(TARGET) == "s3cret-パスワード"
    (cred, _blob), = api.allocated
    assert api.freed == [ctypes.addressof(cred)]


def test_an_empty_password_round_trips(api, store):
    store.write(TARGET, "sato", "")
    assert api.written[0]["blob"] == b""
    assert store.read(TARGET) == ""


def test_nothing_kept_reads_as_none(store):
    assert store.read(TARGET) is None
    assert store.read(credentials.target_name("sato", "other", 5432, "dxplans")) is None


def test_a_password_is_replaced_and_forgotten(api, store):
    store.write(TARGET, "sato", "old")
    store.write(TARGET, "sato", "new")
    assert store.read(TARGET) == "new"
    store.delete(TARGET)
    assert store.read(TARGET) is None
    store.delete(TARGET)  # nothing kept: not an error


def test_failures_are_credential_errors_with_the_win32_code(api, store):
    api.fail_with = 5  # ERROR_ACCESS_DENIED
    with pytest.raises(CredentialError) as exc:
        store.write(TARGET, "sato", "x")
    assert "5" in exc.value.ja and "Credential Manager" in exc.value.en
    with pytest.raises(CredentialError):
        store.read(TARGET)
    api.fail_with = None
    store.write(TARGET, "sato", "x")
    api.fail_with = 5
    with pytest.raises(CredentialError):
        store.delete(TARGET)


def test_a_password_too_long_for_windows_is_refused_before_the_call(api, store):
    with pytest.raises(CredentialError):
        store.write(TARGET, "sato", "x" * 1281)
    assert api.written == []
    store.write(TARGET, "sato", "x" * 1280)  # the limit itself
    assert len(api.written[0]["blob"]) == 2560


def test_an_odd_blob_decodes_without_its_stray_byte():
    assert credentials.password_from_blob("ab".encode("utf-16-le") + b"\x00") == "ab"


def test_nothing_is_kept_outside_windows(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert credentials.default_store() is None
    assert credentials.available() is False


def test_the_structure_is_laid_out_as_wincred_h():
    """Offsets of CREDENTIALW as the Windows SDK's compiler lays it out (x64: 80 bytes; x86: 52)."""
    if ctypes.sizeof(ctypes.c_void_p) == 8:
        expected = {"Flags": 0, "Type": 4, "TargetName": 8, "Comment": 16, "LastWritten": 24,
                    "CredentialBlobSize": 32, "CredentialBlob": 40, "Persist": 48, "AttributeCount": 52,
                    "Attributes": 56, "TargetAlias": 64, "UserName": 72}
        size = 80
    else:
        expected = {"Flags": 0, "Type": 4, "TargetName": 8, "Comment": 12, "LastWritten": 16,
                    "CredentialBlobSize": 24, "CredentialBlob": 28, "Persist": 32, "AttributeCount": 36,
                    "Attributes": 40, "TargetAlias": 44, "UserName": 48}
        size = 52
    assert {name: getattr(CREDENTIALW, name).offset for name, _t in CREDENTIALW._fields_} == expected
    assert ctypes.sizeof(CREDENTIALW) == size
