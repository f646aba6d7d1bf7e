"""File names of the inquiry workbooks: distinct for every department, safe on Windows.

Two departments of the same name (市民課 under two 部) must not write one file over the
other, and a name must read as what it is: bidi controls and other invisible format
characters are removed, characters and device names Windows refuses are replaced.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, select

from dxeditor.core.errors import ValidationError
from dxeditor.plan.department_names import department_names
from dxeditor.store import models as m

_WINDOWS_ILLEGAL = re.compile(r'[\\/:*?"<>|\s]+')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE)
MAX_NAME_PART = 60


def safe_name(text: str) -> str:
    """A file-name-safe version of a name (Windows rules).

    Control and format characters (bidi overrides U+202A–202E, isolates U+2066–2069, marks
    U+200E/F, zero-width spaces) are removed: they make a name read differently from what it
    is. Characters Windows forbids become ``_``; reserved device names (CON, NUL, COM1 …) get
    a ``_`` in front; the result is at most :data:`MAX_NAME_PART` characters.
    """
    text = "".join(ch for ch in str(text) if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    text = _WINDOWS_ILLEGAL.sub("_", text).strip("._ ")[:MAX_NAME_PART].rstrip("._ ")
    if _RESERVED.match(text):
        text = "_" + text
    return text or "部署"


def inquiry_file_names(conn: Connection, dept_ids: list[int], *, fiscal_year: int) -> dict[int, str]:
    """A distinct file name for each department (names equal on Windows, ignoring case, count as one).

    ``照会_<plan>_<department>.xlsx``; departments of the same name under different parents
    (市民課 of two 部) get the parent's name too, and any that still share a name their id.
    """
    names = department_names(conn, fiscal_year)
    parents = dict(conn.execute(select(m.Department.id, m.Department.parent_id)).all())
    plan_title = safe_name(conn.execute(select(m.Plan.title)).scalar_one() or "計画")[:40]
    for d in dept_ids:
        if d not in names:
            raise ValidationError(f"部署 {d} がありません", f"no department {d}")

    def key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()

    def counts(names_by_id: dict[int, str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for n in names_by_id.values():
            out[key(n)] = out.get(key(n), 0) + 1
        return out

    out = {d: f"照会_{plan_title}_{safe_name(names[d])}.xlsx" for d in dept_ids}
    seen = counts(out)
    for d in dept_ids:
        parent = parents.get(d)
        if seen[key(out[d])] > 1 and parent in names:
            out[d] = f"照会_{plan_title}_{safe_name(names[parent])}_{safe_name(names[d])}.xlsx"
    seen = counts(out)
    for d in dept_ids:
        if seen[key(out[d])] > 1:
            out[d] = out[d][:-len(".xlsx")] + f"_{d}.xlsx"
    return out
