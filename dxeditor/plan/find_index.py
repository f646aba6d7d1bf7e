"""The searchable text of a plan, normalised once and kept up to date from change sets.

:func:`dxeditor.plan.ops.outline.find_items` reads and normalises every string of the
plan on each search; the find bar searches per keystroke and again after every edit while
a filter is on. :class:`FindIndex` reads the same strings once, normalised the same way
(NFKC, case-folded), and a change set replaces only the strings of the rows it touched,
so a search is a scan of strings in memory and an edit costs what it changed. The last
search's result is kept up to date the same way: searching again for the same text after an
edit (the filter follows every edit) costs what the edit changed, not a scan of the plan.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from dxeditor.plan.changes import ChangeSet
from dxeditor.store.raw import fetch_all

Item = tuple[str, int]
#: table → (the column naming the owner item, the owner's kind, the searched columns) as find_items searches
SOURCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "sections": ("id", "section", ("title", "description")),
    "initiatives": ("id", "initiative", ("title", "summary", "note", "number_label")),
    "text_items": ("initiative_id", "initiative", ("text",)),
    "kpis": ("initiative_id", "initiative", ("name",)),
    "plan_references": ("initiative_id", "initiative", ("title",)),
    "schedule_rows": ("id", "row", ("title", "note")),
    "bars": ("row_id", "row", ("label",)),
}
_SEP = "\x00"  # between the columns of one source row: a needle never spans two of them


def normalise(text: str | None) -> str:
    """The form both the text and the needle are compared in."""
    return unicodedata.normalize("NFKC", text or "").casefold()


class FindIndex:
    """Normalised text per source row: ``(table, id)`` → (owner item, text)."""

    def __init__(self) -> None:
        self.text: dict[tuple[str, int], tuple[Item, str]] = {}
        #: The last needle searched and, per owner item, how many of its source rows contain it.
        self._needle = ""
        self._hits: dict[Item, int] = {}

    @classmethod
    def read(cls, conn: Connection) -> FindIndex:
        """Read and normalise every searchable string of the plan (one query per table)."""
        index = cls()
        for table, (owner, kind, columns) in SOURCES.items():
            sql = f"SELECT id, {owner}, {', '.join(columns)} FROM {table}"
            for r in fetch_all(conn, sql):
                index.text[(table, r[0])] = ((kind, r[1]), _joined(r[2:]))
        return index

    def update(self, changeset: ChangeSet) -> None:
        """Replace the strings of the source rows ``changeset`` inserted, changed or deleted."""
        for c in changeset.changes:
            source = SOURCES.get(c.table)
            if source is None:
                continue
            if c.after is None:
                self._count(self.text.pop((c.table, c.id), None), -1)
                continue
            owner, kind, columns = source
            entry = ((kind, int(c.after[owner])), _joined(c.after.get(k) for k in columns))
            self._count(self.text.get((c.table, c.id)), -1)
            self.text[(c.table, c.id)] = entry
            self._count(entry, 1)

    def _count(self, entry: tuple[Item, str] | None, delta: int) -> None:
        """Keep the last search's hits up to date as a source row leaves (-1) or arrives (+1)."""
        if entry is None or not self._needle or self._needle not in entry[1]:
            return
        owner = entry[0]
        n = self._hits.get(owner, 0) + delta
        if n > 0:
            self._hits[owner] = n
        else:
            self._hits.pop(owner, None)

    def search(self, text: str) -> set[Item]:
        """The items whose own strings (or their text blocks, KPIs, references, bars) contain ``text``."""
        needle = normalise(text.strip())
        if not needle:
            return set()
        if needle != self._needle:
            hits: dict[Item, int] = {}
            for owner, haystack in self.text.values():
                if needle in haystack:
                    hits[owner] = hits.get(owner, 0) + 1
            self._needle, self._hits = needle, hits
        return set(self._hits)


def _joined(values: Iterable[Any]) -> str:
    # one normalisation per source row: NFKC and case folding leave the separator alone
    return normalise(_SEP.join(v or "" for v in values))
