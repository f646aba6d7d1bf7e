"""The program log: one rotating file in the data folder, stderr of the windowed program into it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from dxeditor.core import logsetup, paths


@pytest.fixture(autouse=True)
def closed_log():
    yield
    logsetup.shutdown()


def test_records_of_every_layer_go_to_the_file_in_the_data_folder() -> None:
    path = logsetup.setup()
    assert path == paths.data_dir() / "logs" / "dxeditor.log"
    logging.getLogger("dxeditor.store.document").warning("保存できません 𠮷")
    logging.getLogger("dxeditor.ui.background").info("export done")
    logging.getLogger("otherlib").warning("not ours")
    text = path.read_text(encoding="utf-8")
    assert "WARNING dxeditor.store.document" in text and "保存できません 𠮷" in text
    assert "INFO    dxeditor.ui.background" in text
    assert "not ours" not in text
    assert logsetup.setup() == path  # once
    (handler,) = [h for h in logging.getLogger("dxeditor").handlers if h.baseFilename == str(path)]
    assert handler.maxBytes == logsetup.MAX_BYTES and handler.backupCount == logsetup.BACKUPS


def test_a_new_data_folder_gets_its_own_log(tmp_path: Path, monkeypatch) -> None:
    first = logsetup.setup()
    monkeypatch.setenv("DXEDITOR_DATA_DIR", str(tmp_path / "other"))
    second = logsetup.setup()
    assert second == tmp_path / "other" / "logs" / "dxeditor.log" and second != first
    assert logsetup.log_file() == second


def test_an_unwritable_data_folder_runs_without_a_log(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DXEDITOR_DATA_DIR", str(blocker / "data"))
    assert logsetup.setup() is None


def test_stderr_without_a_console_goes_to_the_log(monkeypatch) -> None:
    path = logsetup.setup()
    monkeypatch.setattr(sys, "stderr", None)
    assert logsetup.redirect_stderr() is not None
    sys.stderr.write("Qt: a warning\npartial ")
    sys.stderr.write("line\n")
    text = path.read_text(encoding="utf-8")
    assert "WARNING dxeditor.stderr" in text and "Qt: a warning" in text and "partial line" in text


def test_a_console_keeps_its_stderr(monkeypatch) -> None:
    before = sys.stderr
    assert logsetup.redirect_stderr() is None
    assert sys.stderr is before
