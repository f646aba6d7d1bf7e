"""What the sheets and the booklet print beyond :class:`PlanView`: text blocks, KPIs, references, glossary."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.store import models as m


@dataclass
class InitiativeTexts:
    """One initiative's printed text: blocks (current / direction / content), KPIs, references."""

    blocks: dict[str, list[Any]] = field(default_factory=dict)  # block → TextItem rows (level, bullet, text)
    kpis: list[Any] = field(default_factory=list)
    references: list[Any] = field(default_factory=list)


def load_texts(conn: Connection) -> dict[int, InitiativeTexts]:
    """Every initiative's texts, keyed by initiative id."""
    out: dict[int, InitiativeTexts] = defaultdict(InitiativeTexts)
    t = m.TextItem.__table__
    for r in conn.execute(select(t).order_by(t.c.initiative_id, t.c.block, t.c.position, t.c.id)):
        out[r.initiative_id].blocks.setdefault(r.block, []).append(r)
    t = m.Kpi.__table__
    for r in conn.execute(select(t).order_by(t.c.position, t.c.id)):
        out[r.initiative_id].kpis.append(r)
    t = m.Reference.__table__
    for r in conn.execute(select(t).order_by(t.c.position, t.c.id)):
        out[r.initiative_id].references.append(r)
    return dict(out)


def load_glossary(conn: Connection) -> list[dict[str, Any]]:
    """Glossary terms as dicts (term, reading, description)."""
    t = m.GlossaryTerm.__table__
    return [dict(r) for r in conn.execute(select(t.c.term, t.c.reading, t.c.description)).mappings()]
