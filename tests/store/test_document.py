"""The .dxplan document: working copy, atomic save, refusing bad files untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from dxeditor.core.errors import PlanFileError
from dxeditor.formats.json import io as json_io
from dxeditor.store.document import (
    SCHEMA_REVISION,
    PlanDocument,
    list_recoverable,
    recover,
)

SMALL = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "テスト計画", "period_start_fy": 2023, "period_end_fy": 2027},
    "initiatives": [
        {"id": 1, "title": "手続のオンライン化",
         "schedule_rows": [{"id": 1, "title": "転出届", "bars": [{"start": "2023-04", "end": "2024-03", "label": "実施"}]}]},
    ],
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_file(tmp_path: Path, title: str = "テスト計画") -> Path:
    data = dict(SMALL, plan=dict(SMALL["plan"], title=title))
    doc = json_io.import_data(data)
    try:
        return doc.save(tmp_path / "plan.dxplan")
    finally:
        doc.close()


def test_open_edits_working_copy_not_the_file(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    before = digest(path)
    doc = PlanDocument.open(path)
    assert doc.working != path and doc.working.exists()
    doc.plan.title = "変更後"
    doc.session.commit()
    assert digest(path) == before  # the user's file is only written by save()
    doc.save()
    doc.close()
    again = PlanDocument.open(path)
    assert again.plan.title == "変更後"
    again.close()


def test_save_keeps_previous_version_as_backup(tmp_path: Path) -> None:
    path = make_file(tmp_path, "第1版")
    doc = PlanDocument.open(path)
    doc.plan.title = "第2版"
    doc.save()
    doc.close()
    bak = path.with_name(path.name + ".bak")
    assert bak.exists()
    old = PlanDocument.open(bak)
    assert old.plan.title == "第1版"
    old.close()
    assert not list(tmp_path.glob(".*tmp"))  # no temporary files left behind


def test_saved_file_is_not_in_wal_mode(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        con.close()
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        os.urandom(4096),
        b"PK\x03\x04 this is a zip, not a plan",
        b"{\"format\": \"dxeditor-plan\"}",
    ],
    ids=["empty", "random", "zip", "json"],
)
def test_foreign_files_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.dxplan"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(PlanFileError) as err:
        PlanDocument.open(path)
    assert "計画ファイル" in err.value.ja or "ファイル" in err.value.ja
    assert digest(path) == before


def test_truncated_file_is_refused_untouched(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(PlanFileError) as err:
        PlanDocument.open(path)
    assert "壊れ" in err.value.ja or "ではありません" in err.value.ja
    assert digest(path) == before


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.dxplan"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(PlanFileError, match="計画の形式ではありません"):
        PlanDocument.open(path)
    assert digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(PlanFileError, match="新しいバージョン"):
        PlanDocument.open(path)
    assert digest(path) == before


def test_missing_file_message(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="見つかりません"):
        PlanDocument.open(tmp_path / "nothing.dxplan")


def test_read_only_directory_save_fails_cleanly(tmp_path: Path) -> None:
    import subprocess

    ro = tmp_path / "ro"
    ro.mkdir()
    doc = json_io.import_data(SMALL)
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root:  # root ignores permission bits: an immutable folder refuses writes all the same
        if subprocess.run(["chattr", "+i", str(ro)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available on this file system")
    else:
        ro.chmod(0o500)
    try:
        with pytest.raises(PlanFileError, match="保存できません"):
            doc.save(ro / "x.dxplan")
        assert doc.working.exists() and doc.plan.title == "テスト計画"
    finally:
        if root:
            subprocess.run(["chattr", "-i", str(ro)], check=True)
        else:
            ro.chmod(0o700)
        doc.close()
    assert not list(ro.iterdir())


def test_save_into_missing_folder_keeps_work(tmp_path: Path) -> None:
    doc = json_io.import_data(SMALL)
    with pytest.raises(PlanFileError, match="フォルダー"):
        doc.save(tmp_path / "gone" / "x.dxplan")
    assert doc.working.exists()
    assert doc.plan.title == "テスト計画"
    doc.close()


def test_read_only_document_refuses_overwrite(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    doc = PlanDocument.open(path, read_only=True)
    with pytest.raises(PlanFileError, match="読み取り専用"):
        doc.save()
    copy = doc.save(tmp_path / "copy.dxplan")
    assert copy.exists()
    doc.close()


def test_schema_revision_matches_alembic_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from dxeditor.core import paths

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations()))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_REVISION


def test_unsaved_work_of_a_dead_process_is_recoverable(tmp_path: Path) -> None:
    """A child edits a plan and dies without saving; the edit comes back."""
    import subprocess

    path = make_file(tmp_path)
    code = (
        "import os\n"
        "from dxeditor.store.document import PlanDocument\n"
        "from dxeditor.plan.editor import PlanEditor\n"
        f"doc = PlanDocument.open(r'{path}')\n"
        "PlanEditor(doc).run('表題の変更', lambda rec: rec.update('plan', 1, title='保存前に落ちた'))\n"
        "os._exit(9)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    found = list_recoverable()
    assert len(found) == 1
    assert found[0].source == path
    doc = recover(found[0])
    assert doc.plan.title == "保存前に落ちた"
    assert doc.dirty
    doc.save()
    doc.close()
    reopened = PlanDocument.open(path)
    assert reopened.plan.title == "保存前に落ちた"
    reopened.close()
    assert list_recoverable() == []


def test_save_never_silently_overwrites_a_file_changed_by_someone_else(tmp_path: Path) -> None:
    from dxeditor.store.document import SaveConflictError

    path = make_file(tmp_path, "元")
    mine = PlanDocument.open(path)
    theirs = PlanDocument.open(path)
    theirs.plan.title = "他の人の変更"
    theirs.save()
    theirs.close()
    mine.plan.title = "自分の変更"
    assert mine.source_changed_on_disk()
    with pytest.raises(SaveConflictError, match="変更されています"):
        mine.save()
    check = PlanDocument.open(path)
    assert check.plan.title == "他の人の変更"
    check.close()
    mine.save(overwrite_changed=True)  # after the user confirmed
    final = PlanDocument.open(path)
    assert final.plan.title == "自分の変更"
    final.close()
    copy = mine.save(tmp_path / "copy.dxplan")  # save as a copy works too
    assert copy.exists() and mine.source == copy
    mine.close()


def test_share_vanishing_during_save_keeps_file_and_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The network folder disappears between writing the temporary file and replacing the plan."""
    import shutil

    share = tmp_path / "share"
    share.mkdir()
    path = make_file(share, "共有の版")
    saved = path.read_bytes()
    doc = PlanDocument.open(path)
    from dxeditor.plan.editor import PlanEditor

    PlanEditor(doc).run("表題の変更", lambda rec: rec.update("plan", 1, title="手元の編集"))
    real_write = PlanDocument._write_copy
    hidden = tmp_path / "share-offline"

    def write_then_vanish(self: PlanDocument, tmp: Path) -> None:
        real_write(self, tmp)
        share.rename(hidden)  # the share goes away mid-save

    monkeypatch.setattr(PlanDocument, "_write_copy", write_then_vanish)
    with pytest.raises(PlanFileError, match="保存できません"):
        doc.save()
    monkeypatch.setattr(PlanDocument, "_write_copy", real_write)
    assert doc.dirty and doc.plan.title == "手元の編集"  # the work is still in the working copy
    hidden.rename(share)  # the share is back
    for leftover in share.glob(".*tmp"):
        leftover.unlink()  # a stray temp file the vanished share kept (as SMB may)
    assert path.read_bytes() == saved  # the document on the share is intact
    doc.save()
    doc.close()
    again = PlanDocument.open(path)
    assert again.plan.title == "手元の編集"
    again.close()
    shutil.rmtree(share)
