"""The plan document: a .dxplan file edited through a local working copy.

A .dxplan file is one SQLite database. It is never opened live where it lies (SQLite
locking is unreliable on SMB shares): opening copies it into a private working folder,
checks it (format marker, ``PRAGMA integrity_check``, schema version) and migrates an
older schema after keeping a backup. Every edit is committed to the working copy at
once, so a crash loses nothing; Save writes the document back atomically (temporary
file beside the target, fsync, replace, previous version kept as ``.bak``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session

from dxeditor import __version__
from dxeditor.core import paths
from dxeditor.core.errors import PlanFileError
from dxeditor.core.identity import host_name, os_user
from dxeditor.store.models import DEFAULT_PHASES, Base, Meta, Phase, Plan

FORMAT_MARKER = "dxeditor-plan"
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The Alembic head revision this program writes; tests check it matches ``db/versions``.
SCHEMA_REVISION = "0004"
#: Every schema revision this program can migrate from, oldest first.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
FILE_SUFFIX = ".dxplan"
MANIFEST = "manifest.json"
WORKING_NAME = "working.dxplan"
REPLACE_RETRIES = 20
REPLACE_DELAY = 0.1


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(path: Path) -> Engine:
    """An engine on a local SQLite file with the pragmas the document relies on."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


class SaveConflictError(PlanFileError):
    """The file on disk changed since it was opened (someone else saved, or a copy was dropped over it)."""


def _retry(action: Callable[[], Any], what: Path) -> Any:
    """Run a file operation, retrying briefly while another program (antivirus) holds the file."""
    for attempt in range(REPLACE_RETRIES):
        try:
            return action()
        except PermissionError:
            if attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_DELAY)
    raise AssertionError(what)  # pragma: no cover


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return  # directories cannot be opened for fsync on Windows; NTFS journals the rename
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass
class SourceStamp:
    """What the file on disk looked like when it was opened or last saved (conflict detection)."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> SourceStamp | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size)


def check_plan_file(path: Path) -> None:
    """Refuse what is not a readable .dxplan file, without changing it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise PlanFileError(f"ファイルが見つかりません: {path}", f"File not found: {path}") from None
    except IsADirectoryError:
        raise PlanFileError(f"フォルダーは開けません: {path}", f"Cannot open a folder: {path}") from None
    except PermissionError:
        raise PlanFileError(
            f"ファイルを読めません（アクセス権がありません）: {path}",
            f"Cannot read the file (permission denied): {path}",
        ) from None
    if head != SQLITE_MAGIC:
        raise PlanFileError(
            f"dxeditor の計画ファイルではありません（形式が違うか壊れています）: {path}",
            f"Not a dxeditor plan file (wrong format or damaged): {path}",
        )


def _inspect(db: Path, shown: Path) -> str:
    """Integrity, format marker and schema revision of a local copy; returns the revision."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise PlanFileError(f"計画ファイルを開けません: {shown} ({exc})", f"Cannot open plan file: {shown} ({exc})") from None
    try:
        try:
            result = con.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise PlanFileError(
                f"計画ファイルが壊れています: {shown} ({exc})", f"The plan file is damaged: {shown} ({exc})"
            ) from None
        if result != [("ok",)]:
            detail = "; ".join(r[0] for r in result[:3])
            raise PlanFileError(
                f"計画ファイルが壊れています（整合性チェック失敗）: {shown}: {detail}",
                f"The plan file is damaged (integrity check failed): {shown}: {detail}",
            )
        try:
            marker = con.execute("SELECT value FROM dx_meta WHERE key='format'").fetchone()
        except sqlite3.DatabaseError:
            marker = None
        if marker is None or marker[0] != FORMAT_MARKER:
            raise PlanFileError(
                f"dxeditor の計画ファイルではありません（SQLite ですが計画の形式ではありません）: {shown}",
                f"Not a dxeditor plan (an SQLite file of another kind): {shown}",
            )
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            raise PlanFileError(
                f"計画ファイルのスキーマ版がわかりません: {shown}", f"The plan file has no schema version: {shown}"
            )
        return str(row[0])
    finally:
        con.close()


def _new_working_dir() -> Path:
    d = paths.work_dir() / uuid.uuid4().hex
    d.mkdir(parents=True)
    return d


class PlanDocument:
    """An open plan: a working copy with a session, and the file it belongs to (if any)."""

    def __init__(self, working_dir: Path, source: Path | None, *, read_only: bool = False) -> None:
        self.working_dir = working_dir
        self.working = working_dir / WORKING_NAME
        self.source = source
        self.read_only = read_only
        self.engine = make_engine(self.working)
        self.session = Session(self.engine, expire_on_commit=False)
        self.dirty = False
        #: Whether the user changed something since the last open or save (a schema conversion
        #: alone makes the document dirty — the file must be rewritten — but is nothing to recover).
        self.edited = False
        self.stamp = SourceStamp.of(source) if source else None
        self.migrated_from: str | None = None
        self.backup_path: Path | None = None
        self.copy_of: Path | None = None  # the file this unsaved copy was opened from
        self._write_manifest()

    # ----------------------------------------------------------------- creation
    @classmethod
    def create(cls, source: Path | None = None) -> PlanDocument:
        """A new, empty plan (not yet saved anywhere unless ``source`` is given and saved)."""
        wd = _new_working_dir()
        engine = make_engine(wd / WORKING_NAME)
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
            conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": SCHEMA_REVISION})
        with Session(engine) as s:
            s.add_all([
                Meta(key="format", value=FORMAT_MARKER),
                Meta(key="created_by", value=f"dxeditor {__version__}"),
            ])
            s.add(Plan(id=1, uid=uuid.uuid4().hex, title="", period_start_fy=2024, period_end_fy=2028))
            for i, (key, name, color, pattern) in enumerate(DEFAULT_PHASES):
                s.add(Phase(key=key, name=name, color=color, pattern=pattern, position=i))
            s.commit()
        engine.dispose()
        doc = cls(wd, source)
        doc.dirty = source is not None
        return doc

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> PlanDocument:
        """Open a .dxplan file through a fresh local working copy.

        Refuses a missing, foreign, damaged or newer-schema file with :class:`PlanFileError`
        and leaves it byte-for-byte untouched.
        """
        src = Path(path).absolute()
        check_plan_file(src)
        wd = _new_working_dir()
        work = wd / WORKING_NAME
        try:
            _retry(lambda: shutil.copyfile(src, work), src)
            revision = _inspect(work, src)
            if revision not in KNOWN_REVISIONS:
                raise PlanFileError(
                    f"この計画ファイルは新しいバージョンの dxeditor で作られています（スキーマ {revision}）。"
                    f"dxeditor を更新してから開いてください: {src}",
                    f"This plan was written by a newer dxeditor (schema {revision}); update dxeditor to open it: {src}",
                )
            backup = None
            if revision != SCHEMA_REVISION:
                backup = _backup_before_migration(src, revision)
                _migrate(work)
        except BaseException:
            shutil.rmtree(wd, ignore_errors=True)
            raise
        doc = cls(wd, src, read_only=read_only)
        if revision != SCHEMA_REVISION:
            doc.migrated_from = revision
            doc.backup_path = backup
            doc.dirty = True
            doc._write_manifest()
        return doc

    # --------------------------------------------------------------- the file
    @property
    def plan(self) -> Plan:
        """The plan's metadata row."""
        plan = self.session.get(Plan, 1)
        assert plan is not None
        return plan

    def display_name(self) -> str:
        """The file name, 「NAME のコピー」 for a detached copy, or 無題 for a plan never saved."""
        if self.source:
            return self.source.name
        return f"{self.copy_of.name} のコピー" if self.copy_of else "無題"

    def detach(self) -> None:
        """Continue as an unsaved copy of the file (someone else is editing it): Save asks for a name."""
        self.copy_of = self.source
        self.source = None
        self.stamp = None
        self.read_only = False
        self._write_manifest()

    def mark_dirty(self) -> None:
        """Note that the working copy differs from the saved file (kept for crash recovery)."""
        if not self.edited or not self.dirty:
            self.edited = True
            self.dirty = True
            self._write_manifest()

    def source_changed_on_disk(self) -> bool:
        """Whether the file was replaced or changed since it was opened or last saved."""
        if self.source is None or self.stamp is None:
            return False
        now = SourceStamp.of(self.source)
        return now is None or now != self.stamp

    def save(self, target: str | os.PathLike[str] | None = None, *, overwrite_changed: bool = False) -> Path:
        """Write the document to ``target`` (default: its own file) atomically.

        The file is written beside the target, flushed, synced and swapped in; the
        previous version is kept as ``<name>.bak``. On any failure the target is
        unchanged and the working copy still holds every edit. Saving over the own
        file after someone else changed it raises :class:`SaveConflictError` unless
        ``overwrite_changed`` (the user confirmed).
        """
        dest = Path(target).absolute() if target is not None else self.source
        if dest is None:
            raise PlanFileError("保存先のファイル名を指定してください。", "Choose a file name to save to.")
        if self.read_only and (target is None or dest == self.source):
            raise PlanFileError(
                "読み取り専用で開いているため上書き保存できません。別名で保存してください。",
                "The plan is open read-only; save it under another name.",
            )
        if dest == self.source and not overwrite_changed and self.source_changed_on_disk():
            raise SaveConflictError(
                f"開いた後にファイルが他の人またはプログラムによって変更されています: {dest}\n"
                "別名で保存するか、確認のうえ上書きしてください。",
                f"The file was changed by someone else after you opened it: {dest}\n"
                "Save a copy, or overwrite it after confirming.",
            )
        self.session.commit()
        dest_dir = dest.parent
        if not dest_dir.is_dir():
            raise PlanFileError(f"保存先のフォルダーが見つかりません: {dest_dir}", f"Folder not found: {dest_dir}")
        tmp = dest_dir / f".{dest.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            self._write_copy(tmp)
            if dest.exists():
                bak = dest.with_name(dest.name + ".bak")
                bak_tmp = dest_dir / f".{dest.name}.{uuid.uuid4().hex[:8]}.baktmp"
                _retry(lambda: shutil.copyfile(dest, bak_tmp), dest)
                _retry(lambda: os.replace(bak_tmp, bak), bak)
            _retry(lambda: os.replace(tmp, dest), dest)
            _fsync_dir(dest_dir)
        except PermissionError as exc:
            raise PlanFileError(
                f"保存できません（アクセス権がないか、他のプログラムが使用中です）: {dest}",
                f"Cannot save (permission denied or the file is in use): {dest}",
            ) from exc
        except (OSError, sqlite3.Error) as exc:
            detail = getattr(exc, "strerror", None) or exc
            raise PlanFileError(
                f"保存できません: {dest} ({detail})。編集内容は作業用コピーに残っています。",
                f"Cannot save: {dest} ({detail}). Your edits are kept in the working copy.",
            ) from exc
        finally:
            for leftover in dest_dir.glob(f".{dest.name}.*tmp"):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        self.source = dest
        self.read_only = False
        self.dirty = False
        self.edited = False
        self.stamp = SourceStamp.of(dest)
        self._write_manifest()
        return dest

    def _write_copy(self, tmp: Path) -> None:
        """A consistent copy of the working database in rollback-journal mode, synced to disk."""
        src = sqlite3.connect(self.working)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        _fsync_file(tmp)

    def close(self, *, keep_working_copy: bool | None = None) -> None:
        """Close the session; the working copy is removed unless it holds unsaved edits."""
        keep = self.dirty if keep_working_copy is None else keep_working_copy
        with contextlib.suppress(Exception):
            self.session.commit()
        self.session.close()
        self.engine.dispose()
        if not keep:
            shutil.rmtree(self.working_dir, ignore_errors=True)

    # -------------------------------------------------------------- recovery
    def _write_manifest(self) -> None:
        data = {
            "source": str(self.source) if self.source else None,
            "pid": os.getpid(),
            "user": os_user(),
            "host": host_name(),
            "dirty": self.dirty and (self.edited or not self.migrated_from),
            "updated": time.time(),
        }
        tmp = self.working_dir / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.working_dir / MANIFEST)


def _backup_before_migration(src: Path, revision: str) -> Path:
    """Keep the old-schema file before migrating (beside it, else in the data folder)."""
    name = f"{src.stem}.schema-{revision}{src.suffix}.bak"
    for folder in (src.parent, paths.data_dir() / "backups"):
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        try:
            shutil.copyfile(src, target)
            return target
        except OSError:
            continue
    raise PlanFileError(
        f"移行前のバックアップを作成できません: {src}", f"Cannot back up the file before migrating it: {src}"
    )


def _migrate(work: Path) -> None:
    """Upgrade a working copy to :data:`SCHEMA_REVISION` with Alembic."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations()))
    engine = make_engine(work)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


@dataclass
class RecoverableWork:
    """Unsaved work left behind by a program that ended without saving."""

    working_dir: Path
    source: Path | None
    updated: float
    user: str
    host: str


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
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
    except PermissionError:
        return True
    return True


def list_recoverable() -> list[RecoverableWork]:
    """Working copies with unsaved edits whose program is no longer running on this PC."""
    found: list[RecoverableWork] = []
    for manifest in sorted(paths.work_dir().glob(f"*/{MANIFEST}")):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        wd = manifest.parent
        if not (wd / WORKING_NAME).exists():
            continue
        alive = data.get("host") == host_name() and _pid_alive(int(data.get("pid", 0)))
        if alive:
            continue
        if not data.get("dirty"):
            shutil.rmtree(wd, ignore_errors=True)  # a clean copy left by a crash: nothing to recover
            continue
        src = data.get("source")
        found.append(RecoverableWork(wd, Path(src) if src else None, float(data.get("updated", 0)),
                                     str(data.get("user", "")), str(data.get("host", ""))))
    return found


def recover(work: RecoverableWork) -> PlanDocument:
    """Reopen unsaved work as a document (still unsaved, bound to its original file)."""
    revision = _inspect(work.working_dir / WORKING_NAME, work.working_dir)
    if revision != SCHEMA_REVISION:
        _migrate(work.working_dir / WORKING_NAME)
    doc = PlanDocument(work.working_dir, work.source)
    doc.dirty = True
    doc._write_manifest()
    return doc


def discard(work: RecoverableWork) -> None:
    """Throw away recovered work the user does not want."""
    shutil.rmtree(work.working_dir, ignore_errors=True)
