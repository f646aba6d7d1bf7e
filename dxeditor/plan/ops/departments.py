"""Departments (部 → 課 → 係): the tree, reorganisations over fiscal years, assignments.

A department is valid from ``valid_from_fy`` to ``valid_to_fy`` (None = open). Its name can
change from a fiscal year on (``department_names``); departments are merged and split at the
start of a fiscal year (``department_links``), the predecessors ending the year before. So
a plan written in 令和4年度 prints the names valid then, and a revision shows today's.

Every change takes a :class:`~dxeditor.plan.changes.Recorder` first; reads take a
``Connection``. The import of a department list from CSV or a workbook is in
:mod:`dxeditor.formats.department_list`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from dxeditor.core.errors import ValidationError
from dxeditor.core.fiscal import MAX_FY, MIN_FY, format_fy
from dxeditor.plan import department_names as dn
from dxeditor.plan.changes import Recorder, row_dict
from dxeditor.store import models as m

KINDS = ("部", "局", "課", "室", "係", "センター", "その他")
MAX_NAME = 200
USAGE_SHOWN = 5
TABLES: dict[str, Table] = dict(m.Base.metadata.tables)
T = TABLES["departments"]
TN = TABLES["department_names"]
TL = TABLES["department_links"]


@dataclass(frozen=True)
class DepartmentInfo:
    """A department as read for views: its name in a fiscal year and its span."""

    id: int
    parent_id: int | None
    position: int
    kind: str
    name: str
    code: str
    valid_from_fy: int | None
    valid_to_fy: int | None
    note: str

    def valid_in(self, fy: int | None) -> bool:
        """Whether the department exists in fiscal year ``fy`` (None: exists at all today)."""
        if fy is None:
            return self.valid_to_fy is None
        return (self.valid_from_fy is None or self.valid_from_fy <= fy) and (
            self.valid_to_fy is None or fy <= self.valid_to_fy)


@dataclass(frozen=True)
class Usage:
    """One place a department is used: an initiative or a schedule row, as lead or related."""

    kind: str  # "initiative" / "row"
    id: int
    title: str
    role: str  # "lead" / "related"
    initiative_id: int
    initiative_title: str

    def describe(self) -> str:
        """Japanese one-liner: 主管: 取組名 ＞ 行名."""
        role = "主管" if self.role == "lead" else "関係"
        where = self.initiative_title if self.kind == "initiative" else f"{self.initiative_title} ＞ {self.title}"
        return f"{role}: {where or '（無題）'}"


# --- reading --------------------------------------------------------------------------------


def clean_name(name: str) -> str:
    """A department name without surrounding or repeated whitespace; empty or huge names refused."""
    text = " ".join((name or "").split())
    if not text:
        raise ValidationError("部署名を入力してください（空にはできません）。", "The department name cannot be empty.")
    if len(text) > MAX_NAME:
        raise ValidationError(f"部署名が長すぎます（{len(text)} 文字、上限 {MAX_NAME} 文字）。",
                              f"The department name is too long ({len(text)} characters; at most {MAX_NAME}).")
    return text


def check_fy(fy: int) -> int:
    """Refuse a fiscal year outside 1989–2100."""
    if not isinstance(fy, int) or not MIN_FY <= fy <= MAX_FY:
        raise ValidationError(f"年度は{MIN_FY}〜{MAX_FY}年度の範囲で指定してください（{fy}）。",
                              f"The fiscal year must be within {MIN_FY}–{MAX_FY} ({fy}).")
    return fy


def guess_kind(name: str, depth: int) -> str:
    """The kind a name suggests (…部, …課, …室, …係); else by depth: 部, 課, 係."""
    for kind in ("センター", "部", "局", "課", "室", "係"):
        if name.endswith(kind):
            return kind
    return ("部", "課", "係")[min(depth, 2)]


def _get(conn: Connection, dept_id: int) -> dict[str, Any]:
    row = row_dict(conn, T, dept_id)
    if row is None:
        raise ValidationError("部署が見つかりません（削除されています）。", f"Department {dept_id} does not exist.")
    return row


def renames(conn: Connection, dept_id: int) -> list[Any]:
    """The department's renames (name, valid_from_fy) in order."""
    return list(conn.execute(select(TN).where(TN.c.department_id == dept_id)
                             .order_by(TN.c.valid_from_fy, TN.c.id)))


def name_in(conn: Connection, dept_id: int, fy: int | None = None) -> str:
    """The department's own name valid in ``fy`` (the latest name when None)."""
    base = {dept_id: str(_get(conn, dept_id)["name"])}
    return dn.own_names(base, [(dept_id, r.name, r.valid_from_fy) for r in renames(conn, dept_id)], fy)[dept_id]


def successors_in(conn: Connection, dept_id: int, fy: int) -> list[int]:
    """The departments that carry ``dept_id``'s work in ``fy`` (see :func:`department_names.successors_in`)."""
    spans = {r.id: (r.valid_from_fy, r.valid_to_fy)
             for r in conn.execute(select(T.c.id, T.c.valid_from_fy, T.c.valid_to_fy))}
    return dn.successors_in(spans, dn.links_of(conn), dept_id, fy)


def label_in(conn: Connection, dept_id: int, fy: int | None = None) -> str:
    """What to print for a department in ``fy``: its name then, or its successors' names joined by ・."""
    return names_in(conn, fy).get(dept_id) or name_in(conn, dept_id, fy)


def names_in(conn: Connection, fy: int | None = None) -> dict[int, str]:
    """Every department's printed name in ``fy`` (renames, merges and splits applied; latest when None)."""
    return dn.printed_department_names(conn, fy)


def list_departments(conn: Connection, fy: int | None = None) -> list[DepartmentInfo]:
    """Every department (ended ones too) with its name as of ``fy``, in tree order (parents first)."""
    rows = list(conn.execute(select(T).order_by(T.c.position, T.c.id)))
    names = dn.department_names(conn, fy)
    by_parent: dict[int | None, list[Any]] = {}
    for r in rows:
        by_parent.setdefault(r.parent_id, []).append(r)
    out: list[DepartmentInfo] = []

    def walk(parent: int | None) -> None:
        for r in by_parent.get(parent, []):
            out.append(DepartmentInfo(r.id, r.parent_id, r.position, r.kind, names[r.id], r.code, r.valid_from_fy,
                                      r.valid_to_fy, r.note))
            walk(r.id)

    walk(None)
    return out


def span_text(start: int | None, end: int | None) -> str:
    """令和4年度〜令和6年度 / 令和7年度〜 / 〜令和6年度 / "" for an open span."""
    if start is None and end is None:
        return ""
    a = format_fy(start) if start is not None else ""
    b = format_fy(end) if end is not None else ""
    return f"{a}〜{b}"


def usage(conn: Connection, dept_id: int) -> list[Usage]:
    """Where the department is used (initiatives and schedule rows), in outline-ish order."""
    ti, tid = TABLES["initiatives"], TABLES["initiative_departments"]
    tr, trd = TABLES["schedule_rows"], TABLES["row_departments"]
    out = [Usage("initiative", r.id, r.title, r.role, r.id, r.title) for r in conn.execute(
        select(ti.c.id, ti.c.title, tid.c.role).join(tid, tid.c.initiative_id == ti.c.id)
        .where(tid.c.department_id == dept_id).order_by(ti.c.position, ti.c.id))]
    out += [Usage("row", r.id, r.title, r.role, r.iid, r.ititle) for r in conn.execute(
        select(tr.c.id, tr.c.title, trd.c.role, ti.c.id.label("iid"), ti.c.title.label("ititle"))
        .join(trd, trd.c.row_id == tr.c.id).join(ti, ti.c.id == tr.c.initiative_id)
        .where(trd.c.department_id == dept_id).order_by(ti.c.position, tr.c.position, tr.c.id))]
    return out


def usage_counts(conn: Connection) -> dict[int, int]:
    """How many initiatives and rows use each department."""
    out: dict[int, int] = {}
    for t in (TABLES["initiative_departments"], TABLES["row_departments"]):
        for d in conn.execute(select(t.c.department_id)).scalars():
            out[d] = out.get(d, 0) + 1
    return out


def descendants(conn: Connection, dept_id: int) -> list[int]:
    """Ids of every department below ``dept_id`` (not itself)."""
    out: list[int] = []
    todo = [dept_id]
    while todo:
        kids = conn.execute(select(T.c.id).where(T.c.parent_id == todo.pop())).scalars().all()
        out += kids
        todo += kids
    return out


# --- the tree -------------------------------------------------------------------------------


def _siblings(conn: Connection, parent_id: int | None) -> list[int]:
    q = select(T.c.id).where(T.c.parent_id.is_(None) if parent_id is None else T.c.parent_id == parent_id)
    return list(conn.execute(q.order_by(T.c.position, T.c.id)).scalars())


def _renumber(rec: Recorder, ids: Sequence[int]) -> None:
    for pos, d in enumerate(ids):
        rec.update(T, d, position=pos)


def add_department(rec: Recorder, name: str, parent_id: int | None = None, kind: str | None = None, *,
                   valid_from_fy: int | None = None, code: str = "", note: str = "",
                   after_id: int | None = None) -> int:
    """Add a department under ``parent_id`` (last, or just after ``after_id``); returns its id."""
    name = clean_name(name)
    depth = 0
    if parent_id is not None:
        parent = _get(rec.conn, parent_id)
        depth = 1 + (parent["parent_id"] is not None)
        if valid_from_fy is None:
            valid_from_fy = parent["valid_from_fy"]
    if valid_from_fy is not None:
        check_fy(valid_from_fy)
    siblings = _siblings(rec.conn, parent_id)
    new_id = rec.insert(T, parent_id=parent_id, name=name, kind=(kind or "").strip() or guess_kind(name, depth),
                        code=code, note=note, valid_from_fy=valid_from_fy, position=len(siblings))
    if after_id is not None and after_id in siblings:
        siblings.insert(siblings.index(after_id) + 1, new_id)
        _renumber(rec, siblings)
    return new_id


def update_department(rec: Recorder, dept_id: int, **fields: Any) -> bool:
    """Change ``kind``, ``code`` or ``note`` (names change through rename functions)."""
    _get(rec.conn, dept_id)
    allowed = {"kind", "code", "note"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"変更できない項目です: {', '.join(sorted(unknown))}",
                              f"Cannot change: {', '.join(sorted(unknown))}")
    return rec.update(T, dept_id, **{k: str(v).strip() for k, v in fields.items()})


def rename_department(rec: Recorder, dept_id: int, new_name: str, fy: int | None = None) -> bool:
    """Correct the name valid in ``fy`` (latest when None) in place: a typo fix, no history."""
    new_name = clean_name(new_name)
    _get(rec.conn, dept_id)
    current = [r for r in renames(rec.conn, dept_id) if fy is None or r.valid_from_fy <= fy]
    if current:
        return rec.update(TN, current[-1].id, name=new_name)
    return rec.update(T, dept_id, name=new_name)


def rename_from(rec: Recorder, dept_id: int, new_name: str, fy: int) -> int:
    """The department is called ``new_name`` from fiscal year ``fy`` on (改称); returns the rename's id."""
    new_name = clean_name(new_name)
    check_fy(fy)
    d = _get(rec.conn, dept_id)
    if d["valid_from_fy"] is not None and fy <= d["valid_from_fy"]:
        raise ValidationError(
            f"改称の年度は、部署ができた{format_fy(d['valid_from_fy'])}より後にしてください。"
            "名前の誤りを直すときは「名称変更」を使います。",
            "A rename must take effect after the department began; use rename to fix a typo.")
    if d["valid_to_fy"] is not None and fy > d["valid_to_fy"]:
        raise ValidationError(f"この部署は{format_fy(d['valid_to_fy'])}で廃止されています。",
                              "The department no longer exists in that year.")
    if name_in(rec.conn, dept_id, fy) == new_name:
        raise ValidationError(f"{format_fy(fy)}の名称はすでに「{new_name}」です。",
                              f"The name in that year is already {new_name}.")
    same = [r for r in renames(rec.conn, dept_id) if r.valid_from_fy == fy]
    if same:
        rec.update(TN, same[0].id, name=new_name)
        return int(same[0].id)
    return rec.insert(TN, department_id=dept_id, name=new_name, valid_from_fy=fy)


def _check_continuing(d: dict[str, Any], fy: int, name: str) -> None:
    if d["valid_from_fy"] is not None and fy <= d["valid_from_fy"]:
        raise ValidationError(f"「{name}」は{format_fy(d['valid_from_fy'])}にできた部署です。"
                              "それより後の年度を指定してください。",
                              "The reorganisation must take effect after the department began.")
    if d["valid_to_fy"] is not None and fy > d["valid_to_fy"] + 1:
        raise ValidationError(f"「{name}」は{format_fy(d['valid_to_fy'])}で廃止されています。",
                              "The department no longer exists in that year.")


def merge(rec: Recorder, dept_ids: Sequence[int], new_name: str, fy: int, parent_id: int | None = None) -> int:
    """Merge departments into a new one valid from ``fy`` (統合); returns the new id.

    The predecessors end in ``fy - 1``; their sub-departments still valid in ``fy`` move under
    the new one. ``parent_id`` None places it where the first predecessor is.
    """
    new_name = clean_name(new_name)
    check_fy(fy)
    ids = list(dict.fromkeys(dept_ids))
    if len(ids) < 2:
        raise ValidationError("統合する部署を2つ以上選んでください。", "Choose at least two departments to merge.")
    rows = [_get(rec.conn, d) for d in ids]
    for d in rows:
        _check_continuing(d, fy, name_in(rec.conn, d["id"], fy - 1))
    first = rows[0]
    parent = first["parent_id"] if parent_id is None else parent_id
    if parent is not None and parent in {d for i in ids for d in [i, *descendants(rec.conn, i)]}:
        raise ValidationError("統合先の上位部署に、統合する部署自身やその下位は選べません。",
                              "The parent cannot be one of the merged departments.")
    kinds = {d["kind"] for d in rows}
    new_id = add_department(rec, new_name, parent, kinds.pop() if len(kinds) == 1 else None,
                            valid_from_fy=fy, after_id=first["id"] if parent == first["parent_id"] else None)
    for d in rows:
        rec.update(T, d["id"], valid_to_fy=fy - 1)
        rec.insert(TL, predecessor_id=d["id"], successor_id=new_id, fiscal_year=fy, kind="merge")
        for child in _siblings(rec.conn, d["id"]):
            c = _get(rec.conn, child)
            if c["valid_to_fy"] is None or c["valid_to_fy"] >= fy:
                rec.update(T, child, parent_id=new_id, position=len(_siblings(rec.conn, new_id)))
    return new_id


def split(rec: Recorder, dept_id: int, new_names: Sequence[str], fy: int) -> list[int]:
    """Split a department into new ones valid from ``fy`` (分割); it ends in ``fy - 1``. Returns the ids."""
    check_fy(fy)
    names = list(dict.fromkeys(clean_name(n) for n in new_names if (n or "").strip()))
    if len(names) < 2:
        raise ValidationError("分割後の部署名を2つ以上入力してください。", "Give at least two names to split into.")
    d = _get(rec.conn, dept_id)
    _check_continuing(d, fy, name_in(rec.conn, dept_id, fy - 1))
    out: list[int] = []
    after = dept_id
    for name in names:
        after = add_department(rec, name, d["parent_id"], d["kind"], valid_from_fy=fy, after_id=after)
        out.append(after)
        rec.insert(TL, predecessor_id=dept_id, successor_id=after, fiscal_year=fy, kind="split")
    rec.update(T, dept_id, valid_to_fy=fy - 1)
    return out


def _describe_usage(places: list[Usage]) -> tuple[str, str]:
    shown = "\n".join(f"・{u.describe()}" for u in places[:USAGE_SHOWN])
    more = len(places) - USAGE_SHOWN
    if more > 0:
        shown += f"\nほか {more} 件"
    return shown, "; ".join(f"{u.role}: {u.title}" for u in places[:USAGE_SHOWN])


def check_deletable(conn: Connection, dept_id: int) -> None:
    """Refuse (ValidationError listing the first places) when the department or one below it is used."""
    _get(conn, dept_id)
    for d in [dept_id, *descendants(conn, dept_id)]:
        places = usage(conn, d)
        if places:
            ja, en = _describe_usage(places)
            name = name_in(conn, d)
            below = "" if d == dept_id else f"「{name_in(conn, dept_id)}」の下位の"
            raise ValidationError(
                f"{below}「{name}」は {len(places)} か所で使われているため削除できません。\n{ja}\n"
                "担当部署を付け替えてから削除してください。",
                f"{name} is used in {len(places)} place(s) and cannot be deleted: {en}")


def delete_department(rec: Recorder, dept_id: int) -> None:
    """Delete a department and its sub-departments; refused while any of them is used."""
    check_deletable(rec.conn, dept_id)
    parent = _get(rec.conn, dept_id)["parent_id"]
    rec.delete(T, dept_id)
    _renumber(rec, _siblings(rec.conn, parent))


def move_department(rec: Recorder, dept_id: int, delta: int, fy: int | None = None) -> bool:
    """Move up (-1) or down (+1) among siblings (only those valid in ``fy`` count as neighbours)."""
    d = _get(rec.conn, dept_id)
    ids = _siblings(rec.conn, d["parent_id"])
    visible = [i for i in ids if fy is None or _valid(rec.conn, i, fy)]
    k = visible.index(dept_id) if dept_id in visible else -1
    if k < 0 or not 0 <= k + delta < len(visible):
        return False
    target = visible[k + delta]
    ids.remove(dept_id)
    ids.insert(ids.index(target) + (1 if delta > 0 else 0), dept_id)
    _renumber(rec, ids)
    return True


def _valid(conn: Connection, dept_id: int, fy: int) -> bool:
    r = _get(conn, dept_id)
    return (r["valid_from_fy"] is None or r["valid_from_fy"] <= fy) and (r["valid_to_fy"] is None
                                                                          or fy <= r["valid_to_fy"])


def reparent_department(rec: Recorder, dept_id: int, parent_id: int | None) -> None:
    """Move a department (with its subtree) under another parent, as its last child."""
    d = _get(rec.conn, dept_id)
    if parent_id is not None:
        _get(rec.conn, parent_id)
        if parent_id == dept_id or parent_id in descendants(rec.conn, dept_id):
            raise ValidationError("部署を自分自身やその下位の下へは移動できません。",
                                  "A department cannot move under itself.")
    if d["parent_id"] == parent_id:
        return
    rec.update(T, dept_id, parent_id=parent_id, position=len(_siblings(rec.conn, parent_id)))
    _renumber(rec, _siblings(rec.conn, d["parent_id"]))


# --- assignments ----------------------------------------------------------------------------


def _set_links(rec: Recorder, table: Any, owner_col: str, owner_id: int, lead_id: int | None,
               related_ids: Iterable[int]) -> None:
    wanted: list[tuple[int, str]] = []
    if lead_id is not None:
        wanted.append((lead_id, "lead"))
    for d in dict.fromkeys(related_ids):
        if d != lead_id:
            wanted.append((d, "related"))
    for d, _ in wanted:
        _get(rec.conn, d)
    existing = list(rec.conn.execute(select(table).where(table.c[owner_col] == owner_id)
                                     .order_by(table.c.role != "lead", table.c.position, table.c.id)))
    for pos, (d, role) in enumerate(wanted):
        values = {"department_id": d, "role": role, "position": pos}
        if existing:
            rec.update(table, existing.pop(0).id, **values)
        else:
            rec.insert(table, **{owner_col: owner_id}, **values)
    for r in existing:
        rec.delete(table, r.id)


def set_initiative_departments(rec: Recorder, initiative_id: int, lead_id: int | None,
                               related_ids: Iterable[int] = ()) -> None:
    """Set an initiative's lead (主管, at most one) and related (関係課) departments."""
    if row_dict(rec.conn, TABLES["initiatives"], initiative_id) is None:
        raise ValidationError("取組が見つかりません（削除されています）。", "The initiative no longer exists.")
    _set_links(rec, TABLES["initiative_departments"], "initiative_id", initiative_id, lead_id, related_ids)


def set_row_departments(rec: Recorder, row_id: int, lead_id: int | None, related_ids: Iterable[int] = ()) -> None:
    """Set a schedule row's lead (at most one) and related departments."""
    if row_dict(rec.conn, TABLES["schedule_rows"], row_id) is None:
        raise ValidationError("工程表の行が見つかりません（削除されています）。", "The schedule row no longer exists.")
    _set_links(rec, TABLES["row_departments"], "row_id", row_id, lead_id, related_ids)
