"""The read model: outline order, automatic numbers, names valid in a year, chapters."""

from __future__ import annotations

import copy

import pytest

from dxeditor.formats.json import io as json_io
from dxeditor.plan.department_names import department_names
from dxeditor.plan.readmodel import load_plan_view
from tests.formats.test_json_io import RICH


def view_of(data: dict, **kw):
    doc = json_io.import_data(data)
    try:
        return load_plan_view(doc.session.connection(), **kw)
    finally:
        doc.close()


def plan_with(style: str) -> dict:
    data = copy.deepcopy(RICH)
    data["plan"]["numbering_style"] = style
    data["initiatives"].append({"id": 6, "section_id": 2, "title": "二つ目"})
    data["initiatives"].append({"id": 7, "section_id": 1, "title": "柱の外"})
    return data


@pytest.mark.parametrize(("style", "numbers"), [
    ("paren", ["(1)", "(2)", "(3)"]),
    ("circled", ["①", "②", "①"]),  # circled numbers restart in each section (national plan)
    ("circled/plan", ["①", "②", "③"]),
    ("paren/section", ["(1)", "(2)", "(1)"]),
    ("hier", ["1-1-1", "1-1-2", "1-1"]),
    ("none", ["", "", ""]),
])
def test_automatic_numbers_follow_the_style(style: str, numbers: list[str]) -> None:
    v = view_of(plan_with(style))
    assert [i.number for i in v.initiatives()] == numbers


def test_walk_is_outline_order_with_depths() -> None:
    v = view_of(plan_with("paren"))
    kinds = [(k, getattr(x, "title", ""), d) for k, x, d in v.walk()]
    assert kinds[:4] == [("section", "市民の利便性向上", 0), ("section", "柱", 1),
                         ("initiative", "手続等のオンライン化", 2), ("row", "=SUM(A1)", 3)]
    assert ("row", "【第1弾】・・・27件", 4) in kinds
    row = v.rows()[0]
    assert row.lanes == 2 and [b.label for b in row.bars] == ["検討", "可能な部分から実施"]


def test_department_names_as_valid_in_a_year() -> None:
    doc = json_io.import_data(copy.deepcopy(RICH))
    try:
        conn = doc.session.connection()
        assert department_names(conn, 2024)[11] == "デジタル推進室"
        assert department_names(conn, 2025)[11] == "DX推進課"
        assert department_names(conn)[11] == "DX推進課"
        assert load_plan_view(conn, dept_fy=2022).initiatives()[0].lead == "デジタル推進室"
    finally:
        doc.close()


def test_chapters_in_reading_order() -> None:
    v = view_of(copy.deepcopy(RICH))
    assert [(c.title, c.depth, c.placement) for c in v.chapters] == [
        ("はじめに", 0, "front"), ("計画の位置付け", 1, "front"), ("推進体制", 0, "back")]


def test_view_without_items_has_the_same_outline_and_lane_counts(tmp_path):
    from dxeditor.app.templates import open_template
    from dxeditor.plan.readmodel import load_plan_view

    doc = open_template("demo")
    try:
        conn = doc.session.connection()
        full, light = load_plan_view(conn), load_plan_view(conn, items=False)
        assert [(k, v.id, getattr(v, "title", "")) for k, v, _ in full.walk()] == \
            [(k, v.id, getattr(v, "title", "")) for k, v, _ in light.walk()]
        assert [r.lanes for r in full.rows()] == [r.lanes for r in light.rows()]
        assert max(r.lanes for r in light.rows()) == 4  # seed 000 stacks four lines in one cell
        assert all(not r.bars for r in light.rows()) and any(r.bars for r in full.rows())
    finally:
        doc.close(keep_working_copy=False)
