"""Changes not yet on the server, kept on this PC until it answers again.

When the server cannot be reached, a change is kept in the window's copy and appended
here, in order; the file is rewritten atomically (and flushed to disk) before the change
counts as made, so a crash, a closed window or a shut-down PC loses nothing. When the
server answers again the changes are sent in the same order; those that now collide
are handed back to be listed for the user. One outbox per server plan and user, in the
per-user data folder (never on the shared drive).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dxeditor.core import paths
from dxeditor.core.atomic import write_text_atomic
from dxeditor.plan.changes import ChangeSet, RowChange

log = logging.getLogger(__name__)


@dataclass
class Pending:
    """One change waiting for the server: its name (as in Edit ▸ Undo) and rows."""

    action: str
    changeset: ChangeSet


def outbox_path(url: str, uid: str) -> Path:
    """The outbox file of plan ``uid`` on the server ``url`` (the URL without any password)."""
    key = hashlib.sha256(f"{url}\n{uid}".encode()).hexdigest()[:20]
    folder = paths.data_dir() / "outbox"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{uid[:24]}-{key}.json"


def _row_out(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """A row for JSON: binary values (a version's snapshot) as base64."""
    if row is None:
        return None
    return {k: {"base64": base64.b64encode(v).decode("ascii")} if isinstance(v, bytes) else v for k, v in row.items()}


def _row_in(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {k: base64.b64decode(v["base64"]) if isinstance(v, dict) and "base64" in v else v for k, v in row.items()}


def _encode(p: Pending) -> dict[str, Any]:
    return {"action": p.action, "name": p.changeset.name,
            "changes": [{"table": c.table, "id": c.id, "before": _row_out(c.before), "after": _row_out(c.after)}
                        for c in p.changeset.changes]}


def _decode(d: dict[str, Any]) -> Pending:
    changes = [RowChange(c["table"], int(c["id"]), _row_in(c["before"]), _row_in(c["after"])) for c in d["changes"]]
    return Pending(d["action"], ChangeSet(d.get("name", d["action"]), changes))


class Outbox:
    """The pending changes of one server plan, kept in ``path``."""

    def __init__(self, path: Path, label: str = "") -> None:
        self.path = path
        self.label = label
        self.items: list[Pending] = []
        #: Where an unreadable outbox was set aside (to show the person; nothing is deleted).
        self.damaged: Path | None = None
        if os.path.exists(path):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self.items = [_decode(d) for d in data.get("pending", [])]
            except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
                self.items = []
                self.damaged = path.with_name(f"{path.stem}.damaged-{int(time.time())}{path.suffix}")
                log.warning("outbox %s unreadable (%s): set aside as %s", path, exc, self.damaged)
                os.replace(path, self.damaged)

    def __len__(self) -> int:
        return len(self.items)

    def append(self, action: str, changeset: ChangeSet) -> None:
        """Keep one more change (on disk before this returns)."""
        self.items.append(Pending(action, changeset))
        try:
            self._write()
        except BaseException:
            self.items.pop()
            raise

    def pop_first(self) -> None:
        """Forget the oldest change (it reached the server or was handed back)."""
        self.items.pop(0)
        self._write()

    def _write(self) -> None:
        if not self.items:
            if os.path.exists(self.path):
                os.remove(self.path)
            return
        data = {"server": self.label, "pending": [_encode(p) for p in self.items]}
        write_text_atomic(self.path, json.dumps(data, ensure_ascii=False))
