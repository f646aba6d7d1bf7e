"""The Windows-semantics layer itself refuses what Windows refuses (tests/winsem.py)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest


def test_fsync_needs_a_writable_handle(windows_fs, tmp_path: Path) -> None:
    f = tmp_path / "a.bin"
    f.write_bytes(b"x")
    fd = os.open(f, os.O_RDONLY)
    try:
        with pytest.raises(OSError) as err:
            os.fsync(fd)
        assert err.value.errno == 9  # EBADF, as Windows' _commit on a read-only handle
    finally:
        os.close(fd)
    with open(f, "rb+") as fh:
        os.fsync(fh.fileno())  # a writable handle is fine


def test_directories_cannot_be_opened_for_fsync(windows_fs, tmp_path: Path) -> None:
    with pytest.raises(PermissionError):
        os.open(tmp_path, os.O_RDONLY)


def test_replace_delete_rename_of_an_open_file_fail(windows_fs, hold_open, tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    new = tmp_path / "new.xlsx"
    new.write_bytes(b"new")
    with hold_open(target):
        with pytest.raises(PermissionError) as err:
            os.replace(new, target)
        assert getattr(err.value, "winerror", None) == 32
        with pytest.raises(PermissionError):
            os.remove(target)
        with pytest.raises(PermissionError):
            target.unlink()
        with pytest.raises(PermissionError):
            os.rename(target, tmp_path / "moved.xlsx")
        with pytest.raises(PermissionError):
            shutil.move(str(target), str(tmp_path / "moved.xlsx"))
        with pytest.raises(PermissionError):  # case differs: still the same file
            os.replace(new, tmp_path / "BOOK.xlsx")
    os.replace(new, target)  # closed: fine
    assert target.read_bytes() == b"new"


def test_sqlite_connection_holds_its_file(windows_fs, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    with pytest.raises(PermissionError):
        os.remove(db)
    con.close()
    os.remove(db)


@pytest.mark.parametrize("name", ["CON", "con.txt", "NUL.dxplan", "COM1", "lpt9.xlsx", "AUX.tar.gz",
                                  "trailing.", "trailing ", "a<b", "a>b", "a:b", 'a"b', "a|b", "a?b", "a*b"])
def test_reserved_and_invalid_names_are_refused(windows_fs, tmp_path: Path, name: str) -> None:
    with pytest.raises(OSError):
        open(tmp_path / name, "wb").close()
    with pytest.raises(OSError):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        os.mkdir(tmp_path / name)
    src = tmp_path / "ok.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        os.replace(src, tmp_path / name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.txt"]


def test_long_paths_need_the_prefix(windows_fs, tmp_path: Path) -> None:
    room = 250 - len(str(tmp_path)) - 2
    deep = tmp_path / ("d" * (room // 2)) / ("e" * (room - room // 2))
    os.makedirs(deep)
    long_file = deep / "計画.dxplan"
    assert len(str(long_file)) > 259
    with pytest.raises(OSError):
        long_file.write_bytes(b"x")
    prefixed = "\\\\?\\" + str(long_file)
    with open(prefixed, "wb") as fh:
        fh.write(b"x")
    with open(prefixed, "rb") as fh:
        assert fh.read() == b"x"


def test_names_differing_in_case_are_one_file(windows_fs, tmp_path: Path) -> None:
    (tmp_path / "plan.dxplan").write_bytes(b"one")
    with open(tmp_path / "PLAN.dxplan", "wb") as fh:
        fh.write(b"two")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.dxplan"]
    assert (tmp_path / "plan.dxplan").read_bytes() == b"two"


def test_outside_the_temp_root_nothing_changes(windows_fs) -> None:
    fd = os.open(os.devnull, os.O_RDONLY)
    os.close(fd)


def test_read_only_files_cannot_be_replaced_or_deleted(windows_fs, tmp_path: Path) -> None:
    target = tmp_path / "plan.dxplan"
    target.write_bytes(b"old")
    target.chmod(0o444)
    new = tmp_path / "new"
    new.write_bytes(b"new")
    try:
        with pytest.raises(PermissionError):
            os.replace(new, target)
        with pytest.raises(PermissionError):
            target.unlink()
    finally:
        target.chmod(0o644)
    assert target.read_bytes() == b"old"


def test_an_empty_selection_fails_instead_of_exit_5(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--windows-semantics",
                        "-m", "files", "-k", "no_test_is_called_like_this", "tests/store/test_windows_layer.py"],
                       cwd=root, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stdout[-2000:]


def test_child_processes_get_the_layer_too(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests import winsem

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root / "tests" / "winsem_site"), **{winsem.ROOT_ENV: str(tmp_path)})
    code = "import sys\ntry:\n    open(sys.argv[1], 'w')\nexcept OSError:\n    print('refused')\n"
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "NUL.txt")], env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.stdout.strip() == "refused", r.stderr
    assert not (tmp_path / "NUL.txt").exists()
