"""Server runs shared by the CLI and (later) the GUI: prepare a database, publish, take a copy, list.

A plan moves between a .dxplan file and the server in its JSON interchange form: the file's
plan is exported (:func:`dxeditor.formats.json.io.export_data`) and loaded into the plan's
own schema on the server with the same loader the JSON import uses; a pull exports the
server's plan the same way and imports it into a new file. So the two hold the same plan:
their JSON exports match.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from dxeditor.core.errors import PlanFileError
from dxeditor.core.perf import gc_paused
from dxeditor.formats.json.io import export_data, import_data, load_into
from dxeditor.store.document import FILE_SUFFIX, PlanDocument
from dxeditor.store.server import (
    PlanEntry,
    ServerError,
    connect,
    ddl,
    list_plans,
    migrate,
    plan_connection,
    translated_errors,
)
from dxeditor.store.server.migrate import UpgradeResult

__all__ = ["PushResult", "UpgradeResult", "init", "is_server_plan", "list_server_plans", "open_for_reading",
           "plan_label", "pull", "push", "server_export", "upgrade"]


@dataclass(frozen=True)
class PushResult:
    """What a push published."""

    uid: str
    title: str
    initiatives: int
    schedule_rows: int


def init(url: str, password: str | None = None) -> UpgradeResult:
    """Prepare the database at ``url`` for dxeditor (idempotent; an older layout is upgraded)."""
    engine = connect(url, password)
    try:
        return ddl.init(engine)
    finally:
        engine.dispose()


def upgrade(url: str, password: str | None = None) -> UpgradeResult:
    """Bring the layout of the database at ``url`` and of every plan on it to this dxeditor's revision."""
    engine = connect(url, password)
    try:
        return migrate.upgrade(engine)
    finally:
        engine.dispose()


def push(plan_path: str | os.PathLike[str], url: str, *, password: str | None = None,
         replace: bool = False) -> PushResult:
    """Publish the plan file ``plan_path`` on the server (one transaction: all or nothing)."""
    doc = PlanDocument.open(plan_path, read_only=True)
    try:
        with gc_paused():
            data = export_data(doc.session.connection())
    finally:
        doc.close(keep_working_copy=False)
    uid = str(data["plan"].get("uid") or "")
    engine = connect(url, password)
    try:
        with translated_errors(), engine.begin() as conn:
            ddl.create_plan_schema(conn, uid, data["plan"].get("title", ""), data["plan"].get("municipality", ""),
                                   replace=replace)
            with gc_paused():
                load_into(conn, data)
            ddl.finish_plan_schema(conn, uid)
    finally:
        engine.dispose()
    inits = data.get("initiatives", [])
    return PushResult(uid, data["plan"].get("title", ""), len(inits),
                      sum(len(it.get("schedule_rows", [])) for it in inits))


def server_export(url: str, uid: str, *, password: str | None = None) -> dict[str, Any]:
    """The server's plan ``uid`` in the JSON interchange form (one consistent read)."""
    engine = connect(url, password)
    try:
        # one snapshot for all the reads, though others write meanwhile
        snapshot = engine.execution_options(isolation_level="REPEATABLE READ")
        with plan_connection(snapshot, uid) as conn, gc_paused():
            return export_data(conn)
    finally:
        engine.dispose()


def pull(url: str, uid: str, out_path: str | os.PathLike[str], *, password: str | None = None,
         overwrite: bool = False) -> Path:
    """Write the server's plan ``uid`` to a new .dxplan file ``out_path``; returns its path."""
    out = Path(out_path).absolute()
    if out.suffix.lower() != FILE_SUFFIX:
        out = out.with_name(out.name + FILE_SUFFIX)
    if not out.parent.is_dir():
        raise PlanFileError(f"出力先のフォルダーが見つかりません: {out.parent}", f"Output folder not found: {out.parent}")
    if out.exists() and not overwrite:
        raise PlanFileError(f"ファイルがすでにあります: {out}（上書きするには --force）",
                            f"The file exists: {out} (use --force to overwrite)")
    data = server_export(url, uid, password=password)
    doc = import_data(data, source=f"server:{uid}")
    try:
        doc.save(out)
    finally:
        doc.close(keep_working_copy=False)
    return out


def list_server_plans(url: str, *, password: str | None = None) -> list[PlanEntry]:
    """The plans on the server at ``url``."""
    engine = connect(url, password)
    try:
        return list_plans(engine)
    finally:
        engine.dispose()


def is_server_plan(spec: str | os.PathLike[str]) -> bool:
    """Whether a command's plan argument names a plan on a server (``postgresql://…?plan=UID``)."""
    return isinstance(spec, str) and spec.startswith(("postgresql:", "postgresql+"))


def plan_label(spec: str | os.PathLike[str]) -> str:
    """How a plan argument is named in a comparison: the file's name without suffix, or the server plan's uid."""
    if is_server_plan(spec):
        return split_plan_url(str(spec))[1]
    return Path(spec).stem


def split_plan_url(spec: str) -> tuple[str, str]:
    """``postgresql://user@host/db?plan=UID&sslmode=…`` → (the database URL, UID)."""
    try:
        url = make_url(spec)
    except ArgumentError:
        raise ServerError(f"サーバーの URL が正しくありません: {spec}", f"Invalid server URL: {spec}") from None
    uid = url.query.get("plan")
    if not uid or not isinstance(uid, str):
        raise ServerError("サーバーの計画は URL に ?plan=計画の識別子 を付けて指定してください。",
                          "Name the server plan with ?plan=UID in the URL.")
    return url.difference_update_query(["plan"]).render_as_string(hide_password=False), uid


def open_for_reading(spec: str | os.PathLike[str], *, password: str | None = None) -> PlanDocument:
    """A read-only document on a plan file, or on a snapshot of a server plan (``postgresql://…?plan=UID``).

    The commands that only read a plan (``info``, ``check``, ``export``, ``inquiry export``,
    ``progress export``, ``compare``) take either; a server plan is read in one consistent
    snapshot into a private working copy, closed after use.
    """
    if not is_server_plan(spec):
        return PlanDocument.open(spec, read_only=True)
    url, uid = split_plan_url(str(spec))
    doc = import_data(server_export(url, uid, password=password), source=f"server:{uid}")
    doc.read_only = True
    return doc
