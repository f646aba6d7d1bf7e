"""Editing initiatives: text blocks, KPIs, SDGs, departments, references, national item."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import select

from dxeditor.core.errors import ValidationError
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import initiatives as svc
from dxeditor.store import models as m
from tests.ui.conftest import SMALL_PLAN


@pytest.fixture
def ed():
    doc = json_io.import_data(copy.deepcopy(SMALL_PLAN))
    yield PlanEditor(doc)
    doc.close(keep_working_copy=False)


def conn(ed):
    return ed.doc.session.connection()


def test_text_block_replace_keeps_unchanged_rows_and_undoes(ed):
    items = [(0, "一つ目", True), (1, "入れ子 𠮷 😀", True), (0, "段落", False)]
    cs, _ = ed.run("t", lambda r: svc.set_text_block(r, 1, "current", items))
    assert svc.text_block(conn(ed), 1, "current") == items
    assert sum(1 for c in cs.changes if c.before is not None and c.after is not None) == 1  # first row updated
    cs2, _ = ed.run("t", lambda r: svc.set_text_block(r, 1, "current", items[:1]))
    assert svc.text_block(conn(ed), 1, "current") == items[:1]
    ed.revert(cs2)
    ed.revert(cs)
    assert svc.text_block(conn(ed), 1, "current") == [(0, "窓口での手続が多い", True)]


def test_long_text_block(ed):
    ed.run("t", lambda r: svc.set_text_block(r, 1, "content", [(0, "字" * 100_000, True)]))
    assert len(svc.text_block(conn(ed), 1, "content")[0][1]) == 100_000


@pytest.mark.parametrize(("typed", "stored"), [("27", 27.0), ("１，２００", 1200.0), ("12.5%", 12.5), ("", None)])
def test_kpi_target_numbers(ed, typed, stored):
    kid = conn(ed).execute(select(m.Kpi.id)).scalar_one()
    ed.run("k", lambda r: svc.update_child(r, "kpi", kid, target_value=typed))
    assert conn(ed).execute(select(m.Kpi.target_value)).scalar_one() == stored


@pytest.mark.parametrize("typed", ["たくさん", "1e999", "nan"])
def test_kpi_target_not_a_number_is_refused_plainly(ed, typed):
    kid = conn(ed).execute(select(m.Kpi.id)).scalar_one()
    with pytest.raises(ValidationError) as exc:
        ed.run("k", lambda r: svc.update_child(r, "kpi", kid, target_value=typed))
    assert "数値" in exc.value.ja and "number" in exc.value.en
    assert conn(ed).execute(select(m.Kpi.target_value)).scalar_one() == 27.0


def test_kpi_add_move_delete_and_deadline_year(ed):
    _, k2 = ed.run("a", lambda r: svc.add_child(r, "kpi", 1, None, name="オンライン利用率", deadline_fy="令和7年度"))
    _, k0 = ed.run("a", lambda r: svc.add_child(r, "kpi", 1, 0, name="最初"))
    assert [k["name"] for k in svc.children(conn(ed), "kpi", 1)] == ["最初", "電子申請化した手続数", "オンライン利用率"]
    assert svc.children(conn(ed), "kpi", 1)[2]["deadline_fy"] == 2025
    ed.run("mv", lambda r: svc.move_child(r, "kpi", k2, -2))
    assert svc.children(conn(ed), "kpi", 1)[0]["id"] == k2
    ed.run("d", lambda r: svc.delete_child(r, "kpi", k0))
    assert [k["position"] for k in svc.children(conn(ed), "kpi", 1)] == [0, 1]
    with pytest.raises(ValidationError):
        ed.run("a", lambda r: svc.update_child(r, "kpi", k2, deadline_fy="そのうち"))


def test_sdgs_departments_references_and_national_item(ed):
    ed.run("s", lambda r: svc.set_sdgs(r, 1, [17, 9]))
    assert conn(ed).execute(select(m.InitiativeSdg.goal).where(m.InitiativeSdg.initiative_id == 1)
                            .order_by(m.InitiativeSdg.goal)).scalars().all() == [9, 17]
    with pytest.raises(ValidationError):
        ed.run("s", lambda r: svc.set_sdgs(r, 1, [18]))
    ed.run("d", lambda r: svc.set_departments(r, "initiative", 1, 3, [4, 3, 2]))
    assert svc.departments_of(conn(ed), "initiative", 1) == (3, [4, 2])
    ed.run("d", lambda r: svc.set_departments(r, "row", 1, None, [2]))
    assert svc.departments_of(conn(ed), "row", 1) == (None, [2])
    ed.run("r", lambda r: svc.add_child(r, "reference", 1, None, title="デジタル社会の実現に向けた重点計画",
                                         date_text="令和5年6月9日閣議決定"))
    assert svc.children(conn(ed), "reference", 1)[0]["date_text"] == "令和5年6月9日閣議決定"
    with pytest.raises(ValidationError):
        ed.run("r", lambda r: svc.add_child(r, "reference", 1, None, title=" "))
    ed.run("n", lambda r: svc.update_initiative(r, 1, national_category="together", national_number=2,
                                                national_target_fy="R7"))
    row = conn(ed).execute(select(m.Initiative.__table__).where(m.Initiative.id == 1)).mappings().one()
    assert (row["national_category"], row["national_number"], row["national_target_fy"]) == ("together", 2, 2025)
    with pytest.raises(ValidationError):
        ed.run("n", lambda r: svc.update_initiative(r, 1, national_category="bogus"))


def test_section_and_row_updates(ed):
    ed.run("s", lambda r: svc.update_section(r, 1, title="新しい名前", kind="pillar", description="説明"))
    row = conn(ed).execute(select(m.Section.__table__).where(m.Section.id == 1)).mappings().one()
    assert (row["title"], row["kind"], row["description"]) == ("新しい名前", "pillar", "説明")
    ed.run("r", lambda r: svc.update_row(r, 1, note="メモ", national_target_fy="2026"))
    with pytest.raises(ValidationError):
        ed.run("r", lambda r: svc.update_row(r, 1, title=""))
