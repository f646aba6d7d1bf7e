"""Named versions (版) of a plan, kept inside the plan file.

A version is the whole plan as it was when it was made (text, KPIs, schedule, departments,
glossary), stored as the plan's JSON interchange form compressed with zlib (a plan's JSON
compresses about tenfold, so ten versions of a plan take less room than the plan itself).
Versions are made, relabelled and deleted through a :class:`Recorder` like every edit, so
they are undoable; their content is never edited. Restoring one makes a new plan.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from dxeditor.core.errors import ValidationError
from dxeditor.core.identity import os_user
from dxeditor.plan.changes import Recorder
from dxeditor.store import models as m

CURRENT = "current"
MAX_LABEL = 100


@dataclass(frozen=True)
class VersionInfo:
    """A version as listed: everything but its content."""

    id: int
    label: str
    date_text: str
    note: str
    created_at: str
    created_by: str
    size: int  # bytes stored


def pack(data: dict[str, Any]) -> bytes:
    """The stored form of a snapshot: compact JSON, zlib-compressed."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # key order kept: round trips stay exact
    return zlib.compress(text.encode("utf-8"), 6)


def unpack(blob: bytes) -> dict[str, Any]:
    """A stored snapshot back as a plan dict."""
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise ValidationError("版の内容が壊れています。", "The version's content is damaged.") from exc
    if not isinstance(data, dict):
        raise ValidationError("版の内容が壊れています。", "The version's content is damaged.")
    return data


def _clean_label(label: str) -> str:
    text = " ".join((label or "").split())
    if not text:
        raise ValidationError("版の名前を入力してください（例: Ver.2.0）。", "Give the version a label (e.g. Ver.2.0).")
    if len(text) > MAX_LABEL:
        raise ValidationError(f"版の名前が長すぎます（上限 {MAX_LABEL} 文字）。",
                              f"The version label is too long (at most {MAX_LABEL} characters).")
    if text == CURRENT or text == "現在":
        raise ValidationError(f"「{text}」は現在の計画を表す名前なので、版の名前には使えません。",
                              f"{text!r} names the current plan and cannot label a version.")
    return text


def list_versions(conn: Connection) -> list[VersionInfo]:
    """Every version, oldest first."""
    t = m.PlanVersion
    return [VersionInfo(r.id, r.label, r.date_text, r.note, r.created_at, r.created_by, int(r.size or 0))
            for r in conn.execute(select(t.id, t.label, t.date_text, t.note, t.created_at, t.created_by,
                                         func.length(t.snapshot).label("size"))
                                  .order_by(t.position, t.id))]


def find_version(conn: Connection, label_or_id: str | int) -> VersionInfo:
    """The version with this label (or id); a clear error naming the versions there are."""
    versions = list_versions(conn)
    for v in versions:
        if v.label == str(label_or_id) or str(v.id) == str(label_or_id):
            return v
    known = "、".join(v.label for v in versions) or "（なし）"
    raise ValidationError(f"版「{label_or_id}」がありません。この計画の版: {known}",
                          f"No version {label_or_id!r}. Versions of this plan: "
                          f"{', '.join(v.label for v in versions) or '(none)'}")


def version_data(conn: Connection, version_id: int) -> dict[str, Any]:
    """The plan as version ``version_id`` holds it."""
    blob = conn.execute(select(m.PlanVersion.snapshot).where(m.PlanVersion.id == version_id)).scalar()
    if blob is None:
        raise ValidationError("版が見つかりません（削除されています）。", f"Version {version_id} does not exist.")
    return unpack(blob)


def create_version(rec: Recorder, data: dict[str, Any], label: str, date_text: str = "", note: str = "",
                   *, created_at: str | None = None, created_by: str | None = None) -> int:
    """Keep ``data`` (the plan's snapshot: :func:`dxeditor.formats.json.io.snapshot_data`) as a version."""
    label = _clean_label(label)
    if any(v.label == label for v in list_versions(rec.conn)):
        raise ValidationError(f"版「{label}」は既にあります。別の名前にしてください。",
                              f"A version {label!r} already exists. Choose another label.")
    snapshot = pack(data)
    count = rec.conn.execute(select(func.count()).select_from(m.PlanVersion)).scalar_one()
    return rec.insert(m.PlanVersion.__table__, position=int(count), label=label, date_text=(date_text or "").strip(),
                      note=note or "", snapshot=snapshot,
                      created_at=created_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                      created_by=os_user() if created_by is None else created_by)


def update_version(rec: Recorder, version_id: int, *, label: str | None = None, date_text: str | None = None,
                   note: str | None = None) -> bool:
    """Change a version's label, date or note (its content stays as it was)."""
    values: dict[str, Any] = {}
    if label is not None:
        values["label"] = _clean_label(label)
        if any(v.label == values["label"] and v.id != version_id for v in list_versions(rec.conn)):
            raise ValidationError(f"版「{values['label']}」は既にあります。", f"A version {values['label']!r} exists.")
    if date_text is not None:
        values["date_text"] = date_text.strip()
    if note is not None:
        values["note"] = note
    return rec.update(m.PlanVersion.__table__, version_id, **values) if values else False


def delete_version(rec: Recorder, version_id: int) -> None:
    """Delete a version (undoable like every edit)."""
    rec.delete(m.PlanVersion.__table__, version_id)


# ------------------------------------------------------------------ 備考 of a comparison
MAX_NOTE = 2000


def load_notes(conn: Connection, before: str, after: str) -> dict[str, str]:
    """The 備考 typed for the comparison of ``before`` with ``after`` (sides by label), by change key."""
    t = m.CompareNote
    return {r.change_key: r.text for r in conn.execute(
        select(t.change_key, t.text).where(t.before_label == before, t.after_label == after).order_by(t.id))}


def set_notes(rec: Recorder, before: str, after: str, notes: dict[str, str]) -> None:
    """Keep these 備考 (an empty text removes one); one undoable change for all of them."""
    t = m.CompareNote
    for key, text in notes.items():
        text = (text or "").strip()
        if len(text) > MAX_NOTE:
            raise ValidationError(f"備考が長すぎます（上限 {MAX_NOTE} 文字）。",
                                  f"The note is too long (at most {MAX_NOTE} characters).")
        row = rec.conn.execute(select(t.id).where(t.before_label == before, t.after_label == after,
                                                  t.change_key == key)).scalar()
        if row is None and text:
            rec.insert(t.__table__, before_label=before, after_label=after, change_key=key, text=text)
        elif row is not None and text:
            rec.update(t.__table__, row, text=text)
        elif row is not None:
            rec.delete(t.__table__, row)
