"""Save safety on Windows shares (issue 14 items 1–5, issue 21 items 1–4, 8, 10).

Each test names the finding it guards; each failed on the code before the fix.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dxeditor.core import atomic, paths
from dxeditor.core.errors import PlanFileError
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.store import document
from dxeditor.store.document import PlanDocument, SaveConflictError, list_recoverable, recover
from dxeditor.store.lock import PlanLockedError, lock_path

ROOT = Path(__file__).resolve().parents[2]
SMALL = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "元の表題", "period_start_fy": 2023, "period_end_fy": 2027},
    "initiatives": [
        {"id": 1, "title": "手続のオンライン化",
         "schedule_rows": [{"id": 1, "title": "転出届", "bars": [{"start": "2023-04", "end": "2024-03",
                                                                 "label": "実施"}]}]},
    ],
}
SIDE_FILES = ("-wal", "-shm", "-journal")


def make_plan(folder: Path, name: str = "plan.dxplan", title: str = "元の表題") -> Path:
    doc = json_io.import_data(dict(SMALL, plan=dict(SMALL["plan"], title=title)))
    try:
        return doc.save(folder / name)
    finally:
        doc.close(keep_working_copy=False)


def title_of(path: Path) -> str:
    con = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        return con.execute("SELECT title FROM plan WHERE id=1").fetchone()[0]
    finally:
        con.close()


def retitle(doc: PlanDocument, title: str) -> None:
    PlanEditor(doc).run("表題の変更", lambda rec: rec.update("plan", 1, title=title))


def run_child(code: str, *args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, **(env or {})), timeout=timeout)


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dxeditor", *args], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, **(env or {})), timeout=120)


# ------------------------------------------------------------------ issue 14.1–2: Windows file semantics
def test_save_works_with_windows_file_semantics(windows_fs, tmp_path: Path) -> None:
    """14.1: fsync through a read-only handle made every save fail on Windows (EBADF)."""
    path = make_plan(tmp_path)
    doc = PlanDocument.open(path)
    retitle(doc, "保存できる")
    doc.save()
    doc.close()
    assert title_of(path) == "保存できる"
    assert title_of(path.with_name("plan.dxplan.bak")) == "元の表題"


def test_folder_fsync_refused_is_tolerated(windows_fs, tmp_path: Path, monkeypatch) -> None:
    """Where a folder cannot be opened for fsync (Windows, some shares), the save still succeeds."""
    monkeypatch.setattr(paths, "WINDOWS", False)  # try the folder fsync and meet the refusal
    before = windows_fs.refusals
    path = make_plan(tmp_path)
    assert windows_fs.refusals > before and title_of(path) == "元の表題"


def test_the_document_uses_the_one_atomic_writer(tmp_path: Path, monkeypatch) -> None:
    """14.2: one atomic writer for the whole product (document.py had its own copy)."""
    calls = []
    real = atomic.write_atomic
    monkeypatch.setattr(atomic, "write_atomic", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    path = make_plan(tmp_path)
    assert calls == [path]
    assert not hasattr(document, "_fsync_file") and not hasattr(document, "_fsync_dir")


def test_plan_open_in_another_program_gets_a_clear_message_and_loses_nothing(
        windows_fs, hold_open, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic, "REPLACE_RETRIES", 2)
    path = make_plan(tmp_path)
    doc = PlanDocument.open(path)
    retitle(doc, "手元の編集")
    with hold_open(path), pytest.raises(PlanFileError, match="他のプログラムで開かれて") as err:
        doc.save()
    assert "作業用コピーに残っています" in err.value.message()
    assert title_of(path) == "元の表題" and doc.plan.title == "手元の編集" and doc.dirty
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.dxplan", "plan.dxplan.bak", "plan.dxplan.lock"]
    doc.save()  # Excel closed: saving again works, no "changed by someone else"
    doc.close()
    assert title_of(path) == "手元の編集"


@pytest.mark.parametrize("name", ["CON.dxplan", "aux.dxplan", "計画?.dxplan", "計画.dxplan ", "計画."])
def test_names_windows_refuses_get_a_message(windows_fs, tmp_path: Path, name: str) -> None:
    doc = json_io.import_data(SMALL)
    with pytest.raises(PlanFileError, match="保存できません"):
        doc.save(tmp_path / name)
    doc.close(keep_working_copy=False)
    assert list(tmp_path.iterdir()) == []


def test_long_path_on_windows_is_written_with_the_prefix(windows_fs, tmp_path: Path) -> None:
    deep = tmp_path
    while len(str(deep)) < 220:
        deep = deep / "共有フォルダー デジタル推進課 令和7年度"
    deep = deep / ("x" * (245 - len(str(deep))))
    deep.mkdir(parents=True)
    target = deep / "令和7年度 自治体DX推進計画（第2版）.dxplan"
    assert len(str(target)) > paths.MAX_PATH
    doc = json_io.import_data(SMALL)
    doc.save(target)
    doc.close(keep_working_copy=False)
    again = PlanDocument.open(target)
    assert again.plan.title == "元の表題"
    retitle(again, "深い所")
    again.save()
    again.close()
    final = PlanDocument.open(target, read_only=True)  # (SQLite itself never opens the long path: it is local)
    assert final.plan.title == "深い所"
    final.close()
    assert sorted(p.name for p in deep.iterdir()) == [target.name, target.name + ".bak"]


def test_export_to_a_workbook_open_in_excel_says_so_and_keeps_the_old_one(
        windows_fs, hold_open, tmp_path: Path, monkeypatch) -> None:
    from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx

    monkeypatch.setattr(atomic, "REPLACE_RETRIES", 2)
    out = tmp_path / "工程表.xlsx"
    out.write_bytes(b"the workbook Excel shows")
    doc = json_io.import_data(SMALL)
    with hold_open(out), pytest.raises(PlanFileError, match="他のプログラムで開かれて"):
        export_xlsx(doc, out, XlsxOptions())
    assert out.read_bytes() == b"the workbook Excel shows"
    assert [p.name for p in tmp_path.iterdir()] == ["工程表.xlsx"]
    export_xlsx(doc, out, XlsxOptions())  # Excel closed: the export goes through
    doc.close(keep_working_copy=False)
    assert out.read_bytes()[:2] == b"PK"


def test_windows_paths_for_sqlite_and_long_names(monkeypatch) -> None:
    monkeypatch.setattr(paths, "WINDOWS", True)
    assert paths.sqlite_uri("\\\\fs01\\企画\\DX #1\\計画 100%.dxplan", mode="ro") == \
        "file:////fs01/%E4%BC%81%E7%94%BB/DX%20%231/%E8%A8%88%E7%94%BB%20100%25.dxplan?mode=ro"
    assert paths.sqlite_uri("C:\\Users\\田中\\a?b.db") == "file:/C:/Users/%E7%94%B0%E4%B8%AD/a%3Fb.db"
    monkeypatch.setattr(os.path, "isabs", lambda s: s.startswith(("\\\\", "C:")))
    deep = "C:\\" + "x" * 300
    assert paths.os_path(deep) == "\\\\?\\" + deep
    assert paths.os_path("\\\\fs01\\s\\" + "y" * 300).startswith("\\\\?\\UNC\\fs01\\s\\")
    assert paths.os_path("C:\\short.dxplan") == "C:\\short.dxplan"


# ------------------------------------------------------------------ issue 14.3: SQLite never on the share
def test_sqlite_never_runs_on_the_share_and_bak_is_not_a_second_copy(tmp_path: Path, monkeypatch) -> None:
    share = tmp_path / "share"
    share.mkdir()
    path = make_plan(share)
    old_inode = path.stat().st_ino
    doc = PlanDocument.open(path)
    retitle(doc, "新しい版")
    opened: list[str] = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda db, *a, **k: opened.append(str(db)) or real_connect(db, *a, **k))
    doc.save()
    doc.close()
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert opened and not [db for db in opened if str(share) in db]  # every SQLite file was local
    bak = path.with_name("plan.dxplan.bak")
    assert bak.stat().st_ino == old_inode  # the old file itself became .bak: no second copy over the network
    assert title_of(bak) == "元の表題" and title_of(path) == "新しい版"
    assert not [p for p in share.iterdir() if p.name.endswith(SIDE_FILES)]


# ------------------------------------------------------------------ issue 14.4: every writer honours the lock
HOLD = r"""
import sys
from pathlib import Path
from dxeditor.store.lock import acquire
held = acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.readline()
held.release()
"""


@pytest.fixture
def colleague_holds(tmp_path: Path):
    """A colleague on another PC has the plan open for editing."""
    procs = []

    def hold(plan: Path) -> None:
        env = dict(os.environ, DXEDITOR_USER="yamada", DXEDITOR_HOST="PC-YAMADA")
        p = subprocess.Popen([sys.executable, "-c", HOLD, str(plan)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        assert p.stdout is not None and p.stdout.readline().strip() == "locked"
        procs.append(p)

    yield hold
    for p in procs:
        assert p.stdin is not None and p.stdout is not None
        p.stdin.write("\n")
        p.stdin.close()
        p.wait(timeout=30)
        p.stdout.close()


def test_cli_refuses_to_write_a_plan_locked_by_someone_else(tmp_path: Path, colleague_holds) -> None:
    path = make_plan(tmp_path)
    before = path.read_bytes()
    colleague_holds(path)
    src = tmp_path / "in.json"
    src.write_text(json.dumps(dict(SMALL, plan=dict(SMALL["plan"], title="上書き"))), encoding="utf-8")
    r = cli("import", str(src), "-o", str(path), "--force")
    assert r.returncode != 0 and "yamada" in r.stderr and "編集中" in r.stderr, r.stderr
    r = cli("inquiry", "import", str(path), str(tmp_path / "none.xlsx"))
    assert r.returncode != 0 and "yamada" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert path.read_bytes() == before
    with pytest.raises(PlanLockedError):
        PlanDocument.open(path, require_lock=True)
    doc = PlanDocument.open(path)  # the GUI opens it and offers read-only / a copy
    assert doc.locked_by is not None and doc.locked_by.user == "yamada"
    retitle(doc, "上書きしたい")
    with pytest.raises(PlanLockedError):
        doc.save()
    doc.close(keep_working_copy=False)
    assert path.read_bytes() == before


def test_opening_for_editing_takes_the_lock_and_close_releases_it(tmp_path: Path) -> None:
    path = make_plan(tmp_path)
    doc = PlanDocument.open(path)
    assert doc.edit_lock is not None and lock_path(path).exists()
    doc.close()
    assert not lock_path(path).exists()
    ro = PlanDocument.open(path, read_only=True)
    assert ro.edit_lock is None and not lock_path(path).exists()
    ro.close()


# ------------------------------------------------------------------ issue 14.5: paths as Windows users have them
@pytest.mark.parametrize("folder", ["データ #1", "100% 完了", "a b&c=d", "file%3A", "#%20", "課;名=値"])  # (no ? : Windows refuses it)
def test_odd_characters_in_the_data_folder_and_plan_path(tmp_path: Path, monkeypatch, folder: str) -> None:
    data = tmp_path / folder / "dx data"
    monkeypatch.setenv("DXEDITOR_DATA_DIR", str(data))
    plans = tmp_path / folder
    path = make_plan(plans, f"計画 {folder}.dxplan")
    doc = PlanDocument.open(path)
    assert doc.working.is_relative_to(data)
    retitle(doc, "記号入り")
    doc.save()
    doc.close()
    assert title_of(path) == "記号入り"


def test_unwritable_data_folder_gets_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "stick"
    blocker.write_bytes(b"")  # a file where the folder should be: nothing can be created below it
    monkeypatch.setenv("DXEDITOR_DATA_DIR", str(blocker / "userdata"))
    with pytest.raises(PlanFileError, match="作業用のフォルダーに書き込めません"):
        json_io.import_data(SMALL)


# ------------------------------------------------------------------ issue 21.1: recovery versus a newer save
DIE_AFTER_EDIT = r"""
import os, sys
from dxeditor.store.document import PlanDocument
from dxeditor.plan.editor import PlanEditor
doc = PlanDocument.open(sys.argv[1])
PlanEditor(doc).run("表題の変更", lambda rec: rec.update("plan", 1, title=sys.argv[2]))
os._exit(9)
"""


def test_recovered_work_does_not_overwrite_a_colleagues_newer_save(tmp_path: Path) -> None:
    path = make_plan(tmp_path)
    r = run_child(DIE_AFTER_EDIT, str(path), "Aの編集")
    assert r.returncode == 9, r.stderr
    colleague = PlanDocument.open(path)  # B opens (A's lock is stale: A's process is gone), edits, saves
    retitle(colleague, "Bの編集")
    colleague.save()
    colleague.close()
    (work,) = list_recoverable()
    mine = recover(work)
    assert mine.plan.title == "Aの編集"
    with pytest.raises(SaveConflictError):
        mine.save()
    assert title_of(path) == "Bの編集"
    mine.save(tmp_path / "Aの版.dxplan")  # kept as a copy instead
    mine.close()
    assert title_of(tmp_path / "Aの版.dxplan") == "Aの編集"


# ------------------------------------------------------------------ issue 21.2: edit committed just before a kill
DIE_BEFORE_MARK = r"""
import os, sys
from dxeditor.store.document import PlanDocument
from dxeditor.plan.editor import PlanEditor
doc = PlanDocument.open(sys.argv[1])
PlanDocument.mark_dirty = lambda self: os._exit(9)  # killed between the commit and marking it unsaved
PlanEditor(doc).run("表題の変更", lambda rec: rec.update("plan", 1, title="落ちる直前の編集"))
"""


def test_an_edit_committed_just_before_a_kill_is_recovered(tmp_path: Path) -> None:
    path = make_plan(tmp_path)
    r = run_child(DIE_BEFORE_MARK, str(path))
    assert r.returncode == 9, r.stderr
    (work,) = list_recoverable()
    doc = recover(work)
    assert doc.plan.title == "落ちる直前の編集"
    doc.close()


# ------------------------------------------------------------------ issue 21.3: two writers
def test_cleanup_removes_only_its_own_temporary_files(tmp_path: Path) -> None:
    path = make_plan(tmp_path)
    theirs = [tmp_path / ".plan.dxplan.31337.deadbeef.tmp", tmp_path / ".plan.OTHER-PC.4242.cafe0001.tmp.dxplan",
              tmp_path / f".plan.{atomic._host_tag()}.{os.getppid()}.feed0001.tmp.dxplan"]  # a running writer
    for t in theirs:
        t.write_bytes(b"another writer is still writing this")
    doc = PlanDocument.open(path)
    retitle(doc, "並行")
    doc.save()
    doc.close()
    assert all(t.exists() for t in theirs)
    dead = tmp_path / f".plan.{atomic._host_tag()}.999999999.0badf00d.tmp.dxplan"
    dead.write_bytes(b"left by a killed save on this PC")
    assert atomic.sweep_leftovers(path) == 1 and not dead.exists() and all(t.exists() for t in theirs)


def test_a_save_landing_between_check_and_replace_is_a_conflict(tmp_path: Path, monkeypatch) -> None:
    """The stamp is checked again under the save lock, just before the replace."""
    path = make_plan(tmp_path)
    mine = PlanDocument.open(path)
    theirs = PlanDocument.open(path)
    retitle(mine, "自分")
    retitle(theirs, "相手")
    real_write_copy = PlanDocument._write_copy

    def colleague_saves_meanwhile(self: PlanDocument, tmp: Path) -> None:
        real_write_copy(self, tmp)
        if self is mine:
            monkeypatch.setattr(PlanDocument, "_write_copy", real_write_copy)
            theirs.save()

    monkeypatch.setattr(PlanDocument, "_write_copy", colleague_saves_meanwhile)
    with pytest.raises(SaveConflictError):
        mine.save()
    assert title_of(path) == "相手"
    mine.close(keep_working_copy=False)
    theirs.close()


SAVER = r"""
import sys, time
from pathlib import Path
from dxeditor.store.document import PlanDocument
from dxeditor.plan.editor import PlanEditor
from dxeditor.core.errors import DxError
doc = PlanDocument.open(sys.argv[1])
if sys.argv[4] == "no-locks":  # the lock file vanished (share hiccup, deleted by hand): only the save lock is left
    doc._release_edit_lock()
PlanEditor(doc).run("edit", lambda rec: rec.update("plan", 1, title=sys.argv[2]))
go = Path(sys.argv[3])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
try:
    doc.save()
    print("saved", flush=True)
except DxError as exc:
    print("refused", type(exc).__name__, flush=True)
doc.close(keep_working_copy=False)
"""


@pytest.mark.slow
def test_two_processes_saving_one_plan_never_both_succeed(tmp_path: Path) -> None:
    path = make_plan(tmp_path)
    env = dict(os.environ, DXEDITOR_HOST="PC-SHARED")  # one PC, two programs (locks do not stop each other)
    outcomes = []
    for n in range(8):
        go = tmp_path / f"go{n}"
        locks = "locks" if n % 2 else "no-locks"
        procs = [subprocess.Popen([sys.executable, "-c", SAVER, str(path), f"{who}{n}", str(go), locks],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
                 for who in ("A", "B")]
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        go.write_bytes(b"")
        results = [p.communicate(timeout=120) for p in procs]
        said = [out.strip() for out, _err in results]
        assert all(not err or "Traceback" not in err for _o, err in results), results
        saved = [f"{who}{n}" for who, s in zip("AB", said, strict=True) if s == "saved"]
        assert len(saved) == 1, said  # exactly one wins, the other is told of the conflict
        # the other is refused: the file changed under it, or (edit locks intact) the first opener holds the lock
        refusal = "refused SaveConflictError" if locks == "no-locks" else "refused PlanLockedError"
        assert said.count(refusal) == 1 or said.count("refused SaveConflictError") == 1, said
        assert title_of(path) == saved[0]  # the winner's edit is in the file
        outcomes.append(saved[0][0])
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers


# ------------------------------------------------------------------ issue 21.4: success after the replace
@pytest.mark.parametrize("where", ["manifest", "folder fsync", "temp cleanup", "save lock release"])
def test_a_failure_after_the_replace_is_not_reported_as_a_failed_save(tmp_path: Path, monkeypatch,
                                                                      where: str) -> None:
    path = make_plan(tmp_path)
    doc = PlanDocument.open(path)
    retitle(doc, "保存済み")
    if where == "manifest":
        monkeypatch.setattr(PlanDocument, "_write_manifest", lambda self: (_ for _ in ()).throw(OSError(5, "EIO")))
    elif where == "folder fsync":
        monkeypatch.setattr(paths, "WINDOWS", False)
        real_open = os.open
        monkeypatch.setattr(os, "open", lambda p, fl, *a, **k: (_ for _ in ()).throw(OSError(5, "EIO"))
                            if os.path.isdir(p) else real_open(p, fl, *a, **k))
    elif where == "temp cleanup":
        real_unlink = os.unlink
        monkeypatch.setattr(os, "unlink", lambda p, *a, **k: (_ for _ in ()).throw(OSError(5, "EIO"))
                            if "save-" in str(p) or ".tmp" in str(p) else real_unlink(p, *a, **k))
        monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: os.unlink(self))
    else:
        real_unlink = os.unlink
        monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: (_ for _ in ()).throw(OSError(5, "EIO"))
                            if self.name.endswith(".savelock") else real_unlink(self))
    assert doc.save() == path  # no exception: the file was replaced
    monkeypatch.undo()
    assert title_of(path) == "保存済み"
    for leftover in tmp_path.glob(".plan.dxplan.savelock"):
        leftover.unlink()  # the release failed; a later save would break it as left over
    retitle(doc, "もう一度")
    doc.save()  # and the next save does not claim "changed by someone else"
    doc.close()
    assert title_of(path) == "もう一度"


def test_failing_switch_back_from_wal_is_reported(tmp_path: Path, monkeypatch) -> None:
    path = make_plan(tmp_path)
    before = path.read_bytes()
    doc = PlanDocument.open(path)
    retitle(doc, "WAL")

    class StuckInWal:  # the new file refuses to leave WAL mode
        def __init__(self, con: sqlite3.Connection) -> None:
            self.con = con

        def execute(self, sql: str, *a):
            if "journal_mode" in sql.lower():
                self.con.execute("PRAGMA journal_mode=WAL")
                return self.con.execute("PRAGMA journal_mode")
            return self.con.execute(sql, *a)

        def __getattr__(self, name: str):
            return getattr(self.con, name)

    class Source:
        def __init__(self, con: sqlite3.Connection) -> None:
            self.con = con

        def backup(self, target, *a, **k):
            return self.con.backup(getattr(target, "con", target), *a, **k)

        def __getattr__(self, name: str):
            return getattr(self.con, name)

    class FakeSqlite:
        Error = sqlite3.Error

        def connect(self, db, *a, **k):
            con = sqlite3.connect(db, *a, **k)
            return Source(con) if Path(db) == doc.working else StuckInWal(con)

    monkeypatch.setattr(document, "sqlite3", FakeSqlite())
    with pytest.raises(PlanFileError, match="保存できません"):
        doc.save()
    monkeypatch.undo()
    assert path.read_bytes() == before and doc.dirty
    doc.close(keep_working_copy=False)


# ------------------------------------------------------------------ issue 21.8: read-only commands write nothing
def test_read_only_commands_write_nothing_beside_an_old_schema_file(tmp_path: Path) -> None:
    stored = sorted((ROOT / "tests" / "data" / "schemas").glob("*0001*.dxplan"))
    if not stored:
        pytest.skip("no stored schema-0001 plan")
    folder = tmp_path / "share"
    folder.mkdir()
    old = folder / "古い計画.dxplan"
    old.write_bytes(stored[0].read_bytes())
    before = old.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    for args in (["info", str(old)], ["check", str(old)], ["export", str(old), "--format", "json", "-o",
                                                          str(out / "x.json")]):
        r = cli(*args)
        assert r.returncode in (0, 1), r.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["古い計画.dxplan"]
    assert old.read_bytes() == before


def test_garbage_lock_never_stops_opening(tmp_path: Path) -> None:
    path = make_plan(tmp_path)
    lock_path(path).write_bytes(b'\xff{"since": NaN, "user": 1e308}')
    doc = PlanDocument.open(path)
    assert doc.locked_by is not None and doc.locked_by.damaged
    doc.save()  # a damaged lock is a stale lock: it does not block
    doc.close()


# ------------------------------------------------------------------ issue 21.10: nothing left, read-only respected
def test_read_only_plan_is_not_silently_replaced(tmp_path: Path) -> None:
    path = make_plan(tmp_path)
    doc = PlanDocument.open(path)
    retitle(doc, "書けないはず")
    path.chmod(0o444)
    try:
        with pytest.raises(PlanFileError, match="読み取り専用のファイル"):
            doc.save()
        assert title_of(path) == "元の表題" and doc.dirty
    finally:
        path.chmod(0o644)
    doc.close(keep_working_copy=False)
