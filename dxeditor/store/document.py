"""The plan document: a .dxplan file edited through a local working copy.

A .dxplan file is one SQLite database. It is never opened live where it lies (SQLite
locking is unreliable on SMB shares): opening copies it into a private working folder,
checks it (format marker, ``PRAGMA integrity_check``, schema version) and migrates an
older schema (for editing, after keeping a backup; read-only commands migrate the
working copy only). Every edit is committed to the working copy at once, and the
recovery manifest says "unsaved" *before* the commit lands, so a crash loses nothing.

SQLite never runs on the share: Save builds the new file in the local working folder,
copies it to the share once, front to back, and swaps it in with the product's one
atomic writer (:mod:`dxeditor.core.atomic`); the previous version becomes ``.bak`` by a
hard link, not a second copy. A save lock beside the file is held across the last
"changed by someone else?" check and the replace, so two writers never interleave.
Opening for editing takes the edit lock (:mod:`dxeditor.store.lock`), and every save
refuses a file someone else holds locked.

Size: the life of a plan file (open, working copy, migrate, save) in one place; recovery is in :mod:`recovery`, locks in :mod:`lock`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from dxeditor import __version__
from dxeditor.core import atomic, paths
from dxeditor.core.errors import PlanFileError
from dxeditor.core.identity import host_name, os_user
from dxeditor.store.models import DEFAULT_PHASES, Base, Meta, Phase, Plan

FORMAT_MARKER = "dxeditor-plan"
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The Alembic head revision this program writes; tests check it matches ``db/versions``.
SCHEMA_REVISION = "0005"
#: Every schema revision this program can migrate from, oldest first.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")
FILE_SUFFIX = ".dxplan"
MANIFEST = "manifest.json"
WORKING_NAME = "working.dxplan"
log = logging.getLogger(__name__)


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(path: Path) -> Engine:
    """An engine on a local SQLite file with the pragmas the document relies on."""
    engine = create_engine(URL.create("sqlite", database=os.fspath(path)), future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


class SaveConflictError(PlanFileError):
    """The file on disk changed since it was opened (someone else saved, or a copy was dropped over it)."""


@dataclass
class SourceStamp:
    """What the file on disk looked like when it was opened or last saved (conflict detection)."""

    mtime_ns: int
    size: int
    ino: int = 0  # the file id (a replaced file is a new one); 0 where the file system has none

    @classmethod
    def of(cls, path: Path) -> SourceStamp | None:
        try:
            st = os.stat(paths.os_path(path))
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size, st.st_ino)

    def same_file(self, other: SourceStamp | None) -> bool:
        if other is None:
            return False
        ino_differs = bool(self.ino and other.ino and self.ino != other.ino)
        return self.mtime_ns == other.mtime_ns and self.size == other.size and not ino_differs

    def to_json(self) -> dict[str, int]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "ino": self.ino}

    @classmethod
    def from_json(cls, data: Any) -> SourceStamp | None:
        try:
            return cls(int(data["mtime_ns"]), int(data["size"]), int(data.get("ino", 0)))
        except (TypeError, KeyError, ValueError):
            return None


def check_plan_file(path: Path) -> None:
    """Refuse what is not a readable .dxplan file, without changing it."""
    try:
        with open(paths.os_path(path), "rb") as fh:
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
        con = sqlite3.connect(paths.sqlite_uri(db, mode="ro"), uri=True)
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


def _copy_consistent(src: Path, work: Path) -> SourceStamp | None:
    """Copy the plan file into the working folder; returns the state of the file that was copied.

    The file's state is read before and after the copy; a save by someone else in between
    (the two differ) makes it copy again, so the stamp always belongs to the bytes copied.
    """
    for _ in range(5):
        before = SourceStamp.of(src)
        with contextlib.suppress(FileNotFoundError):
            work.unlink()
        atomic.retrying(lambda: shutil.copyfile(paths.os_path(src), work))
        after = SourceStamp.of(src)
        if before is not None and before.same_file(after):
            return after
    return SourceStamp.of(src)


def _new_working_dir() -> Path:
    d = paths.work_dir() / uuid.uuid4().hex
    try:
        d.mkdir(parents=True)
        (d / MANIFEST).write_bytes(b"{}")  # proves the folder takes files (a read-only stick may not)
    except OSError as exc:
        raise paths.unwritable(d.parent, exc) from exc
    return d


class PlanDocument:
    """An open plan: a working copy with a session, and the file it belongs to (if any)."""

    #: Where a copy of a server plan comes from (None: a file or a new plan); such a copy is never recovered.
    server_label: str | None = None
    #: Where changes go besides the working copy (see :class:`dxeditor.plan.editor.ChangeSink`).
    change_sink: Any = None

    def __init__(self, working_dir: Path, source: Path | None, *, read_only: bool = False,
                 stamp: SourceStamp | None = None) -> None:
        self.working_dir = working_dir
        self.working = working_dir / WORKING_NAME
        self.source = source
        self.read_only = read_only
        self.engine = make_engine(self.working)
        event.listen(self.engine, "commit", self._before_commit)
        self.session = Session(self.engine, expire_on_commit=False)
        self.dirty = False
        #: Whether the user changed something since the last open or save (a schema conversion
        #: alone makes the document dirty — the file must be rewritten — but is nothing to recover).
        self.edited = False
        #: The state of the file this working copy is based on (conflict detection, kept in the manifest).
        self.stamp = stamp if stamp is not None else (SourceStamp.of(source) if source else None)
        self.migrated_from: str | None = None
        self.backup_path: Path | None = None
        self.copy_of: Path | None = None  # the file this unsaved copy was opened from
        #: The edit lock this document holds on its file (None: not locked by us).
        self.edit_lock: Any = None
        #: Who held the file's edit lock when it was opened (None: nobody else).
        self.locked_by: Any = None
        #: The manifest says "unsaved": set before any write to the working copy commits.
        self._manifest_dirty = False
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
    def create_from_built(cls, built: Path) -> PlanDocument | None:
        """A new, unsaved plan whose working copy starts as a copy of ``built``, a plan file shipped with the program.

        The same document an import of the plan's JSON gives, without the import (the demo
        opens at first start). None when ``built`` is missing, damaged or of another schema
        revision than this program writes: the caller then builds the plan from its JSON.
        """
        try:
            check_plan_file(built)
        except PlanFileError:
            return None
        wd = _new_working_dir()
        work = wd / WORKING_NAME
        try:
            shutil.copyfile(paths.os_path(built), work)
            current = _inspect(work, built) == SCHEMA_REVISION
            if current:
                _stamp_created_by(work)  # as create() writes it: the file stays valid across versions
        except (OSError, PlanFileError, sqlite3.Error):
            current = False
        if not current:
            shutil.rmtree(wd, ignore_errors=True)
            return None
        doc = cls(wd, None)
        doc._manifest_dirty = True  # as after an import: the manifest says the working copy was written
        doc._write_manifest()
        return doc

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False,
             require_lock: bool = False) -> PlanDocument:
        """Open a .dxplan file through a fresh local working copy.

        Refuses a missing, foreign, damaged or newer-schema file with :class:`PlanFileError`
        and leaves it byte-for-byte untouched (a read-only open writes nothing beside it).
        Opening for editing takes the edit lock (see :meth:`take_edit_lock`).
        """
        src = Path(path).absolute()
        check_plan_file(src)
        wd = _new_working_dir()
        work = wd / WORKING_NAME
        try:
            stamp = _copy_consistent(src, work)
            revision = _inspect(work, src)
            if revision not in KNOWN_REVISIONS:
                raise PlanFileError(
                    f"この計画ファイルは新しいバージョンの dxeditor で作られています（スキーマ {revision}）。"
                    f"dxeditor を更新してから開いてください: {src}",
                    f"This plan was written by a newer dxeditor (schema {revision}); update dxeditor to open it: {src}",
                )
            backup = None
            if revision != SCHEMA_REVISION:
                if not read_only:  # a read-only command migrates the working copy only, writes nothing beside
                    backup = _backup_before_migration(src, revision)
                _migrate(work)
        except BaseException:
            shutil.rmtree(wd, ignore_errors=True)
            raise
        doc = cls(wd, src, read_only=read_only, stamp=stamp)
        if revision != SCHEMA_REVISION:
            doc.migrated_from = revision
            doc.backup_path = backup
            doc.dirty = True
            doc._write_manifest()
        if not read_only:
            try:
                doc.take_edit_lock(required=require_lock)
            except BaseException:
                doc.close(keep_working_copy=False)
                raise
        return doc

    def take_edit_lock(self, *, required: bool = False) -> None:
        """Lock the own file for editing (every front end alike).

        Someone else holding it is remembered in :attr:`locked_by` (the GUI then offers
        read-only, a copy or taking over) or, when ``required`` (the command line), raised
        as :class:`~dxeditor.store.lock.PlanLockedError`. A folder that cannot hold a lock
        file is tolerated unless ``required``.
        """
        from dxeditor.store import lock as locks

        if self.source is None:
            return
        try:
            try:
                self.edit_lock = locks.acquire(self.source, heartbeat=True)
            except locks.PlanLockedError as exc:
                info = exc.info
                if info.damaged or info.host != host_name() or atomic.pid_alive(info.pid):
                    raise
                # left by a program of this PC that is no longer running: certainly stale
                self.edit_lock = locks.acquire(self.source, take_over=True, heartbeat=True)
            self.locked_by = None
        except locks.PlanLockedError as exc:
            self.locked_by = exc.info
            if required:
                raise
        except PlanFileError:
            if required:
                raise

    def _release_edit_lock(self) -> None:
        if self.edit_lock is not None:
            with contextlib.suppress(Exception):
                self.edit_lock.release()
            self.edit_lock = None

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

        The new file is built in the local working folder, copied once beside the target,
        synced and swapped in; the previous version is kept as ``<name>.bak``. On any
        failure the target is unchanged and the working copy still holds every edit. A
        target someone else holds locked is refused (PlanLockedError). Saving over the own
        file after someone else changed it raises :class:`SaveConflictError` unless
        ``overwrite_changed`` (the user confirmed) — checked again under the save lock just
        before the replace. Once the file is replaced the save has succeeded: later
        clean-up problems are logged, not raised.
        """
        from dxeditor.store import lock as locks

        dest = Path(target).absolute() if target is not None else self.source
        if dest is None:
            raise PlanFileError("保存先のファイル名を指定してください。", "Choose a file name to save to.")
        if self.read_only and (target is None or dest == self.source):
            raise PlanFileError(
                "読み取り専用で開いているため上書き保存できません。別名で保存してください。",
                "The plan is open read-only; save it under another name.",
            )
        holder = locks.holder_blocking(dest)
        if holder is not None:
            raise locks.PlanLockedError(holder)
        check_conflict = dest == self.source and not overwrite_changed
        if check_conflict:
            self._raise_if_changed(dest)
        if not os.path.isdir(paths.os_path(dest.parent)):
            raise PlanFileError(f"保存先のフォルダーが見つかりません: {dest.parent}", f"Folder not found: {dest.parent}")
        local = self.working_dir / f"save-{uuid.uuid4().hex[:8]}.dxplan"
        hint = ("。編集内容は作業用コピーに残っています。", ". Your edits are kept in the working copy.")
        try:
            self.session.commit()
            self._write_copy(local)
            with locks.save_lock(dest):
                for target_file in (dest, dest.with_name(dest.name + ".bak"), locks.lock_path(dest),
                                    locks.save_lock_path(dest)):
                    atomic.sweep_leftovers(target_file)
                atomic.write_atomic(
                    dest, lambda tmp: atomic.copy_sequential(local, tmp),
                    backup=dest.with_name(dest.name + ".bak"),
                    before_replace=(lambda: self._raise_if_changed(dest)) if check_conflict else None,
                    failure=("保存できません", "Cannot save"), hint=hint)
                new_stamp = SourceStamp.of(dest)
        except (OSError, sqlite3.Error) as exc:
            detail = getattr(exc, "strerror", None) or exc
            raise PlanFileError(f"保存できません: {dest} ({detail}){hint[0]}",
                                f"Cannot save: {dest} ({detail}){hint[1]}") from exc
        finally:
            with contextlib.suppress(OSError):
                local.unlink(missing_ok=True)
        # From here on the file is saved: nothing below may report a failure.
        if dest != self.source:
            held = self.edit_lock is not None  # opened for editing: the lock moves to the new file
            self._release_edit_lock()
            self.source = dest
            if held:
                with contextlib.suppress(Exception):
                    self.take_edit_lock()
        self.read_only = False
        self.dirty = False
        self.edited = False
        self.stamp = new_stamp
        self._manifest_dirty = False
        try:
            self._write_manifest()
        except OSError as exc:
            log.warning("saved %s, but the recovery manifest could not be updated: %s", dest, exc)
        return dest

    def _raise_if_changed(self, dest: Path) -> None:
        if self.stamp is not None and not self.stamp.same_file(SourceStamp.of(dest)):
            raise SaveConflictError(
                f"開いた後にファイルが他の人またはプログラムによって変更されています: {dest}\n"
                "別名で保存するか、確認のうえ上書きしてください。",
                f"The file was changed by someone else after you opened it: {dest}\n"
                "Save a copy, or overwrite it after confirming.",
            )

    def _write_copy(self, tmp: Path) -> None:
        """A consistent copy of the working database in rollback-journal mode (local, not synced)."""
        src = sqlite3.connect(self.working)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                mode = dst.execute("PRAGMA journal_mode=DELETE").fetchone()
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        if mode is None or str(mode[0]).lower() != "delete":
            raise PlanFileError(
                f"保存できません: 保存用のファイルを通常の形式に戻せませんでした（{mode[0] if mode else '?'}）。"
                "編集内容は作業用コピーに残っています。",
                "Cannot save: the file could not be switched back from WAL mode. "
                "Your edits are kept in the working copy.")

    def close(self, *, keep_working_copy: bool | None = None) -> None:
        """Close the session and release the edit lock; the working copy is removed unless it holds unsaved edits."""
        keep = self.dirty if keep_working_copy is None else keep_working_copy
        with contextlib.suppress(Exception):
            self.session.commit()
        self.session.close()
        self.engine.dispose()
        self._release_edit_lock()
        if not keep:
            shutil.rmtree(self.working_dir, ignore_errors=True)

    # -------------------------------------------------------------- recovery
    def setup_done(self) -> None:
        """The writes so far only made the document (a template read in), nothing was typed yet:
        a program that ends now leaves nothing to offer back. The next edit marks it unsaved again."""
        if self.dirty or self.edited:
            return
        self._manifest_dirty = False
        try:
            self._write_manifest()
        except OSError as exc:
            log.warning("could not mark the new working copy clean: %s", exc)

    def _before_commit(self, conn: Any) -> None:
        """Mark the manifest "unsaved" before a write to the working copy commits (a kill in between loses nothing)."""
        if self._manifest_dirty:
            return
        try:
            dbapi = conn.connection.dbapi_connection
            wrote = bool(getattr(dbapi, "in_transaction", True))
        except Exception:  # pragma: no cover - defensive: assume a write
            wrote = True
        if wrote:
            self._manifest_dirty = True
            try:
                self._write_manifest()
            except OSError as exc:  # the edit itself must not fail for the manifest
                log.warning("could not mark the working copy unsaved: %s", exc)

    def _write_manifest(self) -> None:
        dirty = self.dirty and (self.edited or not self.migrated_from)
        data = {
            "source": str(self.source) if self.source else None,
            "pid": os.getpid(),
            "user": os_user(),
            "host": host_name(),
            "dirty": dirty or self._manifest_dirty,
            "base": self.stamp.to_json() if self.stamp else None,
            "updated": time.time(),
            "server": self.server_label,
        }
        tmp = self.working_dir / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.working_dir / MANIFEST)

def _stamp_created_by(db: Path) -> None:
    """Record this program's version as the maker of a plan file built by an earlier one (see create())."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA synchronous=OFF")  # a fresh working copy, nothing to lose yet: no flush to disk
        with con:
            con.execute("UPDATE dx_meta SET value = ? WHERE key = 'created_by'", (f"dxeditor {__version__}",))
    finally:
        con.close()


def _backup_before_migration(src: Path, revision: str) -> Path:
    """Keep the old-schema file before migrating (beside it, else in the data folder)."""
    name = f"{src.stem}.schema-{revision}{src.suffix}.bak"
    for folder in (src.parent, paths.data_dir() / "backups"):
        target = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(paths.os_path(src), paths.os_path(target))
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


def __getattr__(name: str) -> Any:
    """Recovery lives in :mod:`dxeditor.store.recovery`; its names stay importable from here."""
    if name in ("RecoverableWork", "list_recoverable", "recover", "discard"):
        from dxeditor.store import recovery

        return getattr(recovery, name)
    raise AttributeError(name)
