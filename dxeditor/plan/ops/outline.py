"""Outline operations: add, rename, delete, duplicate, move, indent and outdent.

Every function takes a :class:`~dxeditor.plan.changes.Recorder` first and changes
rows only through it, so the UI can run it with ``DocumentController.execute`` and undo
it. Items are named by ``(kind, id)`` with kind ``section``, ``initiative`` or ``row``.
Sibling order is the ``position`` column, kept dense (0, 1, 2 …) by every operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from dxeditor.core.errors import ValidationError
from dxeditor.plan.changes import Recorder, row_dict
from dxeditor.store import models as m

Item = tuple[str, int]
TABLES = {"section": "sections", "initiative": "initiatives", "row": "schedule_rows"}
KIND_NAMES = {"section": "セクション", "initiative": "取組", "row": "工程表の行"}
MAX_TEXT = 200_000  # characters in one field; more is refused, not cut
SECTION_KINDS = ("policy", "pillar", "group")


def table_of(kind: str) -> str:
    """The table that stores items of ``kind``."""
    try:
        return TABLES[kind]
    except KeyError:
        raise ValidationError(f"不明な項目の種類です: {kind}", f"Unknown item kind: {kind}") from None


def clean_title(title: str, what: str = "名称") -> str:
    """A title without surrounding whitespace; empty or huge titles are refused."""
    text = (title or "").strip()
    if not text:
        raise ValidationError(f"{what}を入力してください（空にはできません）。", "The title cannot be empty.")
    check_length(text, what)
    return text


def check_length(text: str, what: str = "本文") -> str:
    """Refuse text beyond :data:`MAX_TEXT` characters."""
    if len(text) > MAX_TEXT:
        raise ValidationError(
            f"{what}が長すぎます（{len(text):,} 文字、上限 {MAX_TEXT:,} 文字）。",
            f"The text is too long ({len(text):,} characters; at most {MAX_TEXT:,}).",
        )
    return text


def get_item(conn: Connection, kind: str, item_id: int) -> dict[str, Any]:
    row = row_dict(conn, m.Base.metadata.tables[table_of(kind)], item_id)
    if row is None:
        raise ValidationError(f"{KIND_NAMES[kind]}が見つかりません（削除されています）。",
                              f"The {kind} no longer exists.")
    return row


def _sibling_ids(conn: Connection, kind: str, row: dict[str, Any]) -> list[int]:
    """Ids of the siblings of ``row`` (including it) in order."""
    if kind == "section":
        t = m.Section.__table__
        q = select(t.c.id).where(t.c.parent_id.is_(None) if row["parent_id"] is None
                                 else t.c.parent_id == row["parent_id"])
    elif kind == "initiative":
        t = m.Initiative.__table__
        q = select(t.c.id).where(t.c.section_id.is_(None) if row["section_id"] is None
                                 else t.c.section_id == row["section_id"])
    else:
        t = m.ScheduleRow.__table__
        q = select(t.c.id).where(t.c.initiative_id == row["initiative_id"]).where(
            t.c.parent_id.is_(None) if row["parent_id"] is None else t.c.parent_id == row["parent_id"])
    return list(conn.execute(q.order_by(t.c.position, t.c.id)).scalars())


def _children_ids(conn: Connection, kind: str, **where: Any) -> list[int]:
    """Ids of the rows of ``kind`` matching ``where`` (None = IS NULL), in order."""
    t = m.Base.metadata.tables[table_of(kind)]
    return list(conn.execute(_ordered(_where(select(t.c.id), t, where), t)).scalars())


def _ordered(q: Any, t: Any) -> Any:
    return q.order_by(t.c.position, t.c.id)


def _renumber(rec: Recorder, kind: str, ids: Sequence[int]) -> None:
    """Write positions 0..n-1 for ``ids`` (only rows whose position changes are recorded)."""
    rec.update_each(table_of(kind), {item_id: {"position": pos} for pos, item_id in enumerate(ids)})


def _insert_at(rec: Recorder, kind: str, where: dict[str, Any], index: int | None, values: dict[str, Any]) -> int:
    """Insert a new item among the siblings ``where`` at ``index`` (None = at the end)."""
    t = m.Base.metadata.tables[table_of(kind)]
    ids = list(rec.conn.execute(_ordered(_where(select(t.c.id), t, where), t)).scalars())
    index = len(ids) if index is None else max(0, min(index, len(ids)))
    new_id = rec.insert(t, **where, **values, position=index)
    ids.insert(index, new_id)
    _renumber(rec, kind, ids)
    return new_id


def _where(q: Any, t: Any, where: dict[str, Any]) -> Any:
    for col, value in where.items():
        q = q.where(t.c[col].is_(None) if value is None else t.c[col] == value)
    return q


# ------------------------------------------------------------------------------- adding
def add_section(rec: Recorder, parent_id: int | None = None, title: str = "新しいセクション",
                index: int | None = None, kind: str = "group") -> int:
    """A new section under ``parent_id`` (None = top level) at ``index``."""
    if parent_id is not None:
        get_item(rec.conn, "section", parent_id)
    if kind not in SECTION_KINDS:
        kind = "group"
    return _insert_at(rec, "section", {"parent_id": parent_id}, index, {"title": clean_title(title), "kind": kind})


def add_initiative(rec: Recorder, section_id: int | None = None, title: str = "新しい取組",
                   index: int | None = None) -> int:
    """A new initiative in section ``section_id`` (None = outside any section) at ``index``."""
    if section_id is not None:
        get_item(rec.conn, "section", section_id)
    return _insert_at(rec, "initiative", {"section_id": section_id}, index, {"title": clean_title(title)})


def add_row(rec: Recorder, initiative_id: int, parent_id: int | None = None, title: str = "新しい行",
            index: int | None = None) -> int:
    """A new schedule row of ``initiative_id`` (a sub-row of ``parent_id`` when given) at ``index``."""
    get_item(rec.conn, "initiative", initiative_id)
    if parent_id is not None and get_item(rec.conn, "row", parent_id)["initiative_id"] != initiative_id:
        raise ValidationError("親の行が別の取組に属しています。", "The parent row belongs to another initiative.")
    return _insert_at(rec, "row", {"initiative_id": initiative_id, "parent_id": parent_id}, index,
                      {"title": clean_title(title)})


def rename(rec: Recorder, kind: str, item_id: int, title: str) -> None:
    """Change the title of a section, initiative or row (empty titles are refused)."""
    get_item(rec.conn, kind, item_id)
    rec.update(table_of(kind), item_id, title=clean_title(title))


# ------------------------------------------------------------------------------ deleting
def _normalise(conn: Connection, items: Iterable[Item]) -> list[Item]:
    """Drop items contained in another selected item (deleting the parent deletes them)."""
    items = list(dict.fromkeys(items))
    chosen = set(items)
    out = []
    for kind, item_id in items:
        if not any(anc in chosen for anc in ancestors(conn, kind, item_id)):
            out.append((kind, item_id))
    return out


def ancestors(conn: Connection, kind: str, item_id: int) -> list[Item]:
    """The items enclosing ``(kind, item_id)``, nearest first."""
    out: list[Item] = []
    row = row_dict(conn, m.Base.metadata.tables[table_of(kind)], item_id)
    while row is not None:
        if kind == "row":
            if row["parent_id"] is not None:
                kind, item_id = "row", row["parent_id"]
            else:
                kind, item_id = "initiative", row["initiative_id"]
        elif kind == "initiative":
            if row["section_id"] is None:
                break
            kind, item_id = "section", row["section_id"]
        else:
            if row["parent_id"] is None:
                break
            kind, item_id = "section", row["parent_id"]
        out.append((kind, item_id))
        row = row_dict(conn, m.Base.metadata.tables[table_of(kind)], item_id)
    return out


def count_contents(conn: Connection, items: Iterable[Item]) -> dict[str, int]:
    """How many sections, initiatives and rows deleting ``items`` removes (for a confirmation)."""
    counts = {"section": 0, "initiative": 0, "row": 0}
    for kind, item_id in _normalise(conn, items):
        _count(conn, kind, item_id, counts)
    return counts


def _count(conn: Connection, kind: str, item_id: int, counts: dict[str, int]) -> None:
    counts[kind] += 1
    if kind == "section":
        for sid in conn.execute(select(m.Section.id).where(m.Section.parent_id == item_id)).scalars():
            _count(conn, "section", sid, counts)
        for iid in conn.execute(select(m.Initiative.id).where(m.Initiative.section_id == item_id)).scalars():
            _count(conn, "initiative", iid, counts)
    elif kind == "initiative":
        counts["row"] += len(conn.execute(select(m.ScheduleRow.id).where(
            m.ScheduleRow.initiative_id == item_id)).scalars().all())


def delete_items(rec: Recorder, items: Iterable[Item]) -> None:
    """Delete items with everything they contain; siblings close the gap."""
    for kind, item_id in _normalise(rec.conn, items):
        row = row_dict(rec.conn, m.Base.metadata.tables[table_of(kind)], item_id)
        if row is None:
            continue
        if kind == "section":
            for sid in _children_ids(rec.conn, "section", parent_id=item_id):
                delete_items(rec, [("section", sid)])
            for iid in _children_ids(rec.conn, "initiative", section_id=item_id):
                rec.delete("initiatives", iid)
        siblings = [i for i in _sibling_ids(rec.conn, kind, row) if i != item_id]
        rec.delete(table_of(kind), item_id)
        _renumber(rec, kind, siblings)


# ----------------------------------------------------------------------------- moving
def move(rec: Recorder, kind: str, item_id: int, delta: int) -> bool:
    """Move an item ``delta`` places among its siblings; False when it is already at the edge."""
    row = get_item(rec.conn, kind, item_id)
    ids = _sibling_ids(rec.conn, kind, row)
    i = ids.index(item_id)
    j = max(0, min(len(ids) - 1, i + delta))
    if i == j:
        return False
    ids.insert(j, ids.pop(i))
    _renumber(rec, kind, ids)
    return True


def move_to(rec: Recorder, kind: str, item_id: int, parent: Item | None, index: int | None) -> None:
    """Move an item under ``parent`` at ``index`` (drag and drop).

    Sections go under a section (or the top), initiatives into a section (or the top),
    rows under an initiative or another row of any initiative.
    """
    row = get_item(rec.conn, kind, item_id)
    pkind, pid = parent if parent is not None else (None, None)
    if kind == "section":
        if pkind not in (None, "section"):
            raise _bad_target()
        if pid is not None and (pid == item_id or ("section", item_id) in ancestors(rec.conn, "section", pid)):
            raise ValidationError("セクションを自分の中には移動できません。", "A section cannot go inside itself.")
        where = {"parent_id": pid}
    elif kind == "initiative":
        if pkind not in (None, "section"):
            raise _bad_target()
        where = {"section_id": pid}
    else:
        if pkind == "initiative":
            where = {"initiative_id": pid, "parent_id": None}
        elif pkind == "row":
            assert pid is not None
            if pid == item_id or ("row", item_id) in ancestors(rec.conn, "row", pid):
                raise ValidationError("行を自分の中には移動できません。", "A row cannot go inside itself.")
            where = {"initiative_id": get_item(rec.conn, "row", pid)["initiative_id"], "parent_id": pid}
        else:
            raise _bad_target()
    old_siblings = [i for i in _sibling_ids(rec.conn, kind, row) if i != item_id]
    t = m.Base.metadata.tables[table_of(kind)]
    new_siblings = [i for i in rec.conn.execute(_ordered(_where(select(t.c.id), t, where), t)).scalars()
                    if i != item_id]
    same = all(row.get(k) == v for k, v in where.items())
    if not same:
        rec.update(t, item_id, **where)
        if kind == "row" and row["initiative_id"] != where["initiative_id"]:
            _move_subrows(rec, item_id, int(where["initiative_id"] or 0))
        _renumber(rec, kind, old_siblings)
    index = len(new_siblings) if index is None else max(0, min(index, len(new_siblings)))
    new_siblings.insert(index, item_id)
    _renumber(rec, kind, new_siblings)


def _move_subrows(rec: Recorder, row_id: int, initiative_id: int) -> None:
    for sub in rec.conn.execute(select(m.ScheduleRow.id).where(m.ScheduleRow.parent_id == row_id)).scalars().all():
        rec.update("schedule_rows", sub, initiative_id=initiative_id)
        _move_subrows(rec, sub, initiative_id)


def _bad_target() -> ValidationError:
    return ValidationError("そこには移動できません。", "The item cannot be moved there.")


def indent(rec: Recorder, kind: str, item_id: int) -> bool:
    """Make the item a child of its previous sibling (sections and rows); False when impossible."""
    if kind == "initiative":
        return False
    row = get_item(rec.conn, kind, item_id)
    ids = _sibling_ids(rec.conn, kind, row)
    i = ids.index(item_id)
    if i == 0:
        return False
    move_to(rec, kind, item_id, (kind, ids[i - 1]), None)
    return True


def outdent(rec: Recorder, kind: str, item_id: int) -> bool:
    """Make the item the next sibling of its parent (sections and rows); False when at the top."""
    if kind == "initiative":
        return False
    row = get_item(rec.conn, kind, item_id)
    if row["parent_id"] is None:
        return False
    parent = get_item(rec.conn, kind, row["parent_id"])
    index = _sibling_ids(rec.conn, kind, parent).index(parent["id"]) + 1
    if kind == "section":
        target: Item | None = ("section", parent["parent_id"]) if parent["parent_id"] is not None else None
    else:
        target = ("row", parent["parent_id"]) if parent["parent_id"] is not None else \
            ("initiative", parent["initiative_id"])
    move_to(rec, kind, item_id, target, index)
    return True


# --------------------------------------------------------------------------- duplicating
_INIT_CHILDREN = ("initiative_sdgs", "initiative_departments", "text_items", "plan_references", "progress")


def _copy_values(row: dict[str, Any], **override: Any) -> dict[str, Any]:
    values = {k: v for k, v in row.items() if k != "id"}
    values.update(override)
    return values


def _rows_of(conn: Connection, table: str, column: str, value: int) -> list[dict[str, Any]]:
    t = m.Base.metadata.tables[table]
    return [dict(r) for r in conn.execute(select(t).where(t.c[column] == value).order_by(t.c.id)).mappings()]


def _copy_row_tree(rec: Recorder, row: dict[str, Any], initiative_id: int, parent_id: int | None,
                   position: int) -> int:
    new_id = rec.insert("schedule_rows", **_copy_values(row, initiative_id=initiative_id, parent_id=parent_id,
                                                        position=position))
    for table in ("row_departments", "bars", "milestones"):
        for child in _rows_of(rec.conn, table, "row_id", row["id"]):
            rec.insert(table, **_copy_values(child, row_id=new_id))
    for child in _rows_of(rec.conn, "progress", "row_id", row["id"]):
        rec.insert("progress", **_copy_values(child, row_id=new_id))
    subs = sorted(_rows_of(rec.conn, "schedule_rows", "parent_id", row["id"]), key=lambda r: (r["position"], r["id"]))
    for sub in subs:
        _copy_row_tree(rec, sub, initiative_id, new_id, sub["position"])
    return new_id


def _copy_initiative(rec: Recorder, row: dict[str, Any], section_id: int | None, position: int,
                     title: str | None = None) -> int:
    new_id = rec.insert("initiatives", **_copy_values(row, section_id=section_id, position=position,
                                                      title=title or row["title"], number_label=""))
    for table in _INIT_CHILDREN:
        for child in _rows_of(rec.conn, table, "initiative_id", row["id"]):
            if table == "progress" and child["row_id"] is not None:
                continue
            rec.insert(table, **_copy_values(child, initiative_id=new_id))
    for kpi in _rows_of(rec.conn, "kpis", "initiative_id", row["id"]):
        kid = rec.insert("kpis", **_copy_values(kpi, initiative_id=new_id))
        for child_table in ("kpi_targets", "kpi_actuals"):
            for child in _rows_of(rec.conn, child_table, "kpi_id", kpi["id"]):
                rec.insert(child_table, **_copy_values(child, kpi_id=kid))
    tops = [r for r in _rows_of(rec.conn, "schedule_rows", "initiative_id", row["id"]) if r["parent_id"] is None]
    for r in sorted(tops, key=lambda r: (r["position"], r["id"])):
        _copy_row_tree(rec, r, new_id, None, r["position"])
    return new_id


def _copy_section(rec: Recorder, row: dict[str, Any], parent_id: int | None, position: int,
                  title: str | None = None) -> int:
    new_id = rec.insert("sections", **_copy_values(row, parent_id=parent_id, position=position,
                                                   title=title or row["title"], number_label=""))
    for sub in sorted(_rows_of(rec.conn, "sections", "parent_id", row["id"]), key=lambda r: r["position"]):
        _copy_section(rec, sub, new_id, sub["position"])
    for it in sorted(_rows_of(rec.conn, "initiatives", "section_id", row["id"]), key=lambda r: r["position"]):
        _copy_initiative(rec, it, new_id, it["position"])
    return new_id


def duplicate(rec: Recorder, kind: str, item_id: int) -> int:
    """A deep copy placed right after the item (with rows, bars, texts, KPIs …); returns its id."""
    row = get_item(rec.conn, kind, item_id)
    siblings = _sibling_ids(rec.conn, kind, row)
    index = siblings.index(item_id) + 1
    title = f"{row['title']}（コピー）"
    if kind == "section":
        new_id = _copy_section(rec, row, row["parent_id"], index, title)
    elif kind == "initiative":
        new_id = _copy_initiative(rec, row, row["section_id"], index, title)
    else:
        new_id = _copy_row_tree(rec, dict(row, title=title), row["initiative_id"], row["parent_id"], index)
    siblings.insert(index, new_id)
    _renumber(rec, kind, siblings)
    return new_id


# ------------------------------------------------------------------------------ finding
def _norm(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text or "").casefold()


def find_items(conn: Connection, text: str = "", department_id: int | None = None, sdg: int | None = None,
               national: tuple[str, int | None] | None = None) -> set[Item]:
    """Items matching every given criterion.

    ``text`` is searched in titles, descriptions, notes, text blocks and KPI names;
    ``department_id`` as lead or related department; ``sdg`` and ``national`` (category,
    number or None for the whole category) on initiatives (their rows match with them).
    """
    results: list[set[Item]] = []
    if text.strip():
        needle = _norm(text.strip())
        found: set[Item] = set()
        for r in conn.execute(select(m.Section.id, m.Section.title, m.Section.description)):
            if needle in _norm(r.title) or needle in _norm(r.description):
                found.add(("section", r.id))
        for it in conn.execute(select(m.Initiative.id, m.Initiative.title, m.Initiative.summary,
                                      m.Initiative.note, m.Initiative.number_label)):
            if any(needle in _norm(x) for x in (it.title, it.summary, it.note, it.number_label)):
                found.add(("initiative", it.id))
        for owner, col in ((m.TextItem.initiative_id, m.TextItem.text), (m.Kpi.initiative_id, m.Kpi.name),
                           (m.Reference.initiative_id, m.Reference.title)):
            for owner_id, value in conn.execute(select(owner, col)):
                if needle in _norm(value):
                    found.add(("initiative", owner_id))
        for r in conn.execute(select(m.ScheduleRow.id, m.ScheduleRow.title, m.ScheduleRow.note)):
            if needle in _norm(r.title) or needle in _norm(r.note):
                found.add(("row", r.id))
        for bar_row, label in conn.execute(select(m.Bar.row_id, m.Bar.label)):
            if needle in _norm(label):
                found.add(("row", bar_row))
        results.append(found)
    if department_id is not None:
        found = {("initiative", r) for r in conn.execute(select(m.InitiativeDepartment.initiative_id).where(
            m.InitiativeDepartment.department_id == department_id)).scalars()}
        found |= {("row", r) for r in conn.execute(select(m.RowDepartment.row_id).where(
            m.RowDepartment.department_id == department_id)).scalars()}
        results.append(_with_rows(conn, found))
    if sdg is not None:
        found = {("initiative", r) for r in conn.execute(select(m.InitiativeSdg.initiative_id).where(
            m.InitiativeSdg.goal == sdg)).scalars()}
        results.append(_with_rows(conn, found))
    if national is not None:
        cat, number = national
        q = select(m.Initiative.id).where(m.Initiative.national_category == cat)
        if number is not None:
            q = q.where(m.Initiative.national_number == number)
        results.append(_with_rows(conn, {("initiative", r) for r in conn.execute(q).scalars()}))
    if not results:
        return set()
    out = results[0]
    for more in results[1:]:
        out &= more
    return out


def _with_rows(conn: Connection, items: set[Item]) -> set[Item]:
    """``items`` plus the schedule rows of the initiatives among them."""
    inits = {i for k, i in items if k == "initiative"}
    if inits:
        rows = conn.execute(select(m.ScheduleRow.id, m.ScheduleRow.initiative_id)).all()
        items = items | {("row", r.id) for r in rows if r.initiative_id in inits}
    return items
