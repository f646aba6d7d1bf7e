"""The read model built from the exported JSON dict instead of a second pass over the database.

The workbook needs both the plan's JSON (embedded for exact round trips, and for the text
blocks and KPIs of the list sheets) and the :class:`PlanView` that draws the 工程表. Reading
the database twice costs as much as writing the whole 工程表 for a large plan, so the view is
derived from the dict here, following :func:`dxeditor.plan.readmodel.load_plan_view`
exactly (order, numbering, department names as valid in a year). A test compares the two
on the same plan so that they cannot drift apart.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dxeditor.core.achievement import rating_scale_in
from dxeditor.core.fiscal import month_to_index
from dxeditor.core.numbering import Numberer
from dxeditor.plan.department_names import printed_names_of_data
from dxeditor.plan.readmodel import (
    BarView,
    ChapterView,
    InitiativeView,
    MilestoneView,
    PhaseView,
    PlanView,
    RowView,
    SectionView,
)


def _rows(init: dict[str, Any], names: dict[int, str]) -> list[RowView]:
    depth: dict[int, int] = {}
    out = []
    for r in init.get("schedule_rows", []):
        parent = r.get("parent_id")
        depth[r["id"]] = 0 if parent is None else depth.get(parent, -1) + 1
        lead = r.get("lead_department_id")
        out.append(RowView(
            r["id"], init["id"], parent, depth[r["id"]], r.get("title", ""), r.get("note", ""),
            r.get("national_target_fy"), r.get("national_target_text", ""),
            names.get(lead, "") if lead is not None else "",
            [names.get(d, "") for d in r.get("related_department_ids", [])],
            [BarView(b["id"], r["id"], b.get("lane", 0), month_to_index(b["start"]), month_to_index(b["end"]),
                     b.get("label", ""), b.get("phase", ""), bool(b.get("continues", False)))
             for b in r.get("bars", [])],
            [MilestoneView(x["id"], r["id"], x.get("lane", 0), month_to_index(x["month"]), x.get("label", ""))
             for x in r.get("milestones", [])],
        ))
    return out


def view_from_data(data: dict[str, Any], *, dept_fy: int | None = None) -> PlanView:
    """The :class:`PlanView` of an exported plan dict (as ``load_plan_view`` would read it)."""
    plan = {"id": 1, **data["plan"]}
    plan["rating_scale"] = rating_scale_in(plan.get("rating_scale"))
    phases = [PhaseView(p["key"], p["name"], p["color"], p["pattern"]) for p in data.get("phases", [])]
    names = printed_names_of_data(data, dept_fy)
    build = _Builder(data, names, plan.get("numbering_style", "paren"))
    loose = [build.initiative(r, [], k) for k, r in enumerate(build.inits_by_section.get(None, []), start=1)]
    sections = build.sections(None, 0, [])
    chaps_by_parent: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for c in data.get("chapters", []):  # exported parents first, siblings in order
        chaps_by_parent[c.get("parent_id")].append(c)
    chapters: list[ChapterView] = []
    stack = [(c, 0) for c in reversed(chaps_by_parent.get(None, []))]
    while stack:  # depth first, in order
        c, depth = stack.pop()
        chapters.append(ChapterView(c["id"], c.get("parent_id"), depth, c.get("placement", "front"),
                                    c.get("title", ""), c.get("body", "")))
        stack += [(child, depth + 1) for child in reversed(chaps_by_parent.get(c["id"], []))]
    return PlanView(plan, phases, sections, loose, names, chapters)


class _Builder:
    """Sections and initiatives with their numbers.

    A class rather than nested recursive functions: those refer to themselves, a reference
    cycle that would keep the whole plan dict alive until the cyclic collector runs.
    """

    def __init__(self, data: dict[str, Any], names: dict[int, str], style: str) -> None:
        self.names, self.numberer = names, Numberer(style)
        self.inits_by_section: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for it in data.get("initiatives", []):
            self.inits_by_section[it.get("section_id")].append(it)
        self.secs_by_parent: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for s in data.get("sections", []):
            self.secs_by_parent[s.get("parent_id")].append(s)

    def initiative(self, r: dict[str, Any], parents: list[int], n_in_section: int) -> InitiativeView:
        names = self.names
        number = self.numberer.initiative(n_in_section, parents, r.get("number_label") or "")
        lead = r.get("lead_department_id")
        return InitiativeView(
            r["id"], r.get("section_id"), number, r.get("title", ""), r.get("summary", ""),
            r.get("national_category", ""), r.get("national_number"), r.get("national_target_fy"),
            r.get("national_target_text", ""), names.get(lead, "") if lead is not None else "",
            [names.get(d, "") for d in r.get("related_department_ids", [])], list(r.get("sdgs", [])),
            _rows(r, names),
        )

    def sections(self, parent: int | None, depth: int, parents: list[int]) -> list[SectionView]:
        out = []
        for n, s in enumerate(self.secs_by_parent.get(parent, []), start=1):
            number = self.numberer.section(n, depth, parents, s.get("number_label") or "")
            view = SectionView(s["id"], s.get("parent_id"), depth, s.get("kind", "group"), number,
                               s.get("title", ""), s.get("description", ""))
            view.sections = self.sections(s["id"], depth + 1, [*parents, n])
            view.initiatives = [self.initiative(r, [*parents, n], k)
                                for k, r in enumerate(self.inits_by_section.get(s["id"], []), start=1)]
            out.append(view)
        return out
