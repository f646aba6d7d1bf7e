"""Versions and comparisons as runs shared by the CLI and the GUI.

A side of a comparison is named as people name it: ``current`` (the plan as it is), a
version's label (``Ver.1.0``), or another plan file (``OLD.dxplan``).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from dxeditor.core.errors import DxError
from dxeditor.formats.json import io as json_io
from dxeditor.plan import versions
from dxeditor.plan.compare import Comparison, compare
from dxeditor.plan.editor import PlanEditor
from dxeditor.store.document import PlanDocument

CURRENT_NAMES = ("current", "現在")
FORMATS = ("pdf", "xlsx", "json")


def make_version(editor: PlanEditor, label: str, date_text: str = "", note: str = "") -> int:
    """Keep the plan as it is now as a version (one undoable change); returns its id."""
    _, vid = editor.run(f"版の作成（{label}）", lambda rec: versions.create_version(
        rec, json_io.snapshot_data(rec.conn), label, date_text, note))
    return int(vid)


def side_data(conn: Connection, name: str) -> tuple[str, dict[str, Any]]:
    """The label and plan data of one side: current, a version label, or a plan file path."""
    from dxeditor.app.server import is_server_plan, plan_label

    if name in CURRENT_NAMES:
        return "現在", json_io.snapshot_data(conn)
    if is_server_plan(name) or (name.lower().endswith(".dxplan") and Path(name).exists()):
        return plan_label(name), file_data(name)
    v = versions.find_version(conn, name)
    return v.label, versions.version_data(conn, v.id)


def file_data(path: Path | str) -> dict[str, Any]:
    """The current plan of another plan file (or of a server plan), read without taking it over."""
    from dxeditor.app.server import open_for_reading

    doc = open_for_reading(path)
    try:
        return json_io.snapshot_data(doc.session.connection())
    finally:
        doc.close(keep_working_copy=False)


def compare_in_plan(plan: Path | str, before: str, after: str = "current") -> Comparison:
    """Compare two sides (versions, current or plan files) named within ``plan`` (a file or a server plan)."""
    from dxeditor.app.server import open_for_reading

    doc = open_for_reading(plan)
    try:
        conn = doc.session.connection()
        bl, bd = side_data(conn, before)
        al, ad = side_data(conn, after)
    finally:
        doc.close(keep_working_copy=False)
    return compare(bd, ad, bl, al)


def compare_files(old: Path | str, new: Path | str) -> Comparison:
    """Compare the current states of two plans: files, or server plans (``postgresql://…?plan=UID``)."""
    from dxeditor.app.server import plan_label

    return compare(file_data(old), file_data(new), plan_label(old), plan_label(new))


def write_comparison(cmp: Comparison, fmt: str, target: Path, notes: dict[str, str] | None = None) -> Path:
    """Write ``cmp`` as the 新旧対照表 (pdf, xlsx) or as JSON."""
    if fmt == "pdf":
        from dxeditor.publish.pdf.comparison import export_comparison_pdf

        return export_comparison_pdf(cmp, target, notes)
    if fmt == "xlsx":
        from dxeditor.formats.xlsx.write.comparison import export_comparison_xlsx

        return export_comparison_xlsx(cmp, target, notes)
    if fmt == "json":
        from dxeditor.core.atomic import write_text_atomic
        from dxeditor.formats.json.text import dumps

        return write_text_atomic(target, dumps(cmp.to_json()))
    raise DxError(f"出力形式「{fmt}」には対応していません（pdf / xlsx / json）。",
                  f"Unknown format {fmt!r} (pdf / xlsx / json).")


def restored_document(conn: Connection, label: str) -> PlanDocument:
    """A new, unsaved plan holding version ``label`` (a new plan: the current one is never touched)."""
    v = versions.find_version(conn, label)
    data = versions.version_data(conn, v.id)
    data["plan"]["uid"] = uuid.uuid4().hex
    return json_io.import_data(data, f"版 {v.label}")
