"""write_atomic: all or nothing, and a clear message when the target cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxeditor.core.atomic import write_atomic, write_text_atomic
from dxeditor.core.errors import PlanFileError


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path):
    target = tmp_path / "plan.json"
    write_text_atomic(target, "古い内容\n")

    def half(tmp: Path) -> None:
        tmp.write_text("途中まで", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(PlanFileError) as err:
        write_atomic(target, half)
    assert "書き出せません" in err.value.message() and "No space left" in err.value.message()
    assert target.read_text(encoding="utf-8") == "古い内容\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_missing_folder_is_named(tmp_path: Path):
    with pytest.raises(PlanFileError) as err:
        write_text_atomic(tmp_path / "gone" / "out.json", "x")
    assert "出力先のフォルダーが見つかりません" in err.value.message()


def test_writer_result_is_returned_and_text_uses_lf(tmp_path: Path):
    assert write_atomic(tmp_path / "a.bin", lambda tmp: tmp.write_bytes(b"abc")) == 3
    write_text_atomic(tmp_path / "b.txt", "一\n二\n")
    assert (tmp_path / "b.txt").read_bytes() == "一\n二\n".encode()


def test_a_writer_failing_on_a_full_disk_leaves_no_traceback_behind(tmp_path: Path, capfd) -> None:
    """A zip writer (as XlsxWriter uses) that meets a full disk: one clear message, nothing printed later."""
    import errno
    import gc
    import zipfile

    from dxeditor.core.atomic import write_atomic
    from dxeditor.core.errors import PlanFileError

    def write(tmp: Path) -> None:
        book = zipfile.ZipFile(tmp, "w")
        book.writestr("xl/workbook.xml", "<workbook/>")

        def full(*_a: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        book.fp.write = full  # type: ignore[union-attr, method-assign]  # the disk is full from now on
        book.writestr("xl/sheet1.xml", "x" * 1000)

    with pytest.raises(PlanFileError) as err:
        write_atomic(tmp_path / "out.xlsx", write)
    assert "No space left" in err.value.message()
    del err
    gc.collect()
    out = capfd.readouterr()
    assert "Exception ignored" not in out.err and "Traceback" not in out.err, out.err
    assert not (tmp_path / "out.xlsx").exists() and list(tmp_path.iterdir()) == []
