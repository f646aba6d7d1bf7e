"""Plan metadata and phases: validation, and nothing changes on refusal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dxeditor.core.errors import ValidationError
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import plan_meta as pm
from dxeditor.store.document import PlanDocument
from dxeditor.store.models import DEFAULT_PHASES


@pytest.fixture
def doc() -> Iterator[PlanDocument]:
    d = json_io.import_data({
        "format": "dxeditor-plan", "format_version": 1,
        "plan": {"title": "行方市DX基本方針", "period_start_fy": 2021, "period_end_fy": 2025},
        "phases": [{"key": k, "name": n, "color": c, "pattern": pt} for k, n, c, pt in DEFAULT_PHASES],
        "initiatives": [{"id": 1, "title": "取組", "schedule_rows": [{"id": 1, "title": "行", "bars": [
            {"start": "2022-04", "end": "2023-03", "phase": "study"},
            {"start": "2023-04", "end": "2024-03", "phase": "study"}]}]}],
    })
    yield d
    d.close(keep_working_copy=False)


def run(doc: PlanDocument, fn: Any) -> Any:
    return PlanEditor(doc).run("test", fn)[1]


def plan(doc: PlanDocument) -> dict[str, Any]:
    return pm.plan_row(doc.session.connection())


def test_update_plan(doc: PlanDocument) -> None:
    assert run(doc, lambda rec: pm.update_plan(rec, title=" 行方市DX基本方針 Ver.2.0 ", period_end_fy=2027,
                                                 year_style="both", numbering_style="circled",
                                                 vision="一行目\n二行目\n"))
    p = plan(doc)
    assert (p["title"], p["period_end_fy"], p["year_style"], p["numbering_style"], p["vision"]) == (
        "行方市DX基本方針 Ver.2.0", 2027, "both", "circled", "一行目\n二行目")
    assert run(doc, lambda rec: pm.update_plan(rec, title="行方市DX基本方針 Ver.2.0")) is False


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": "  "}, "計画名"),
    ({"period_start_fy": 2026}, "開始年度は終了年度以前"),
    ({"period_start_fy": 2020, "period_end_fy": 2019}, "開始年度は終了年度以前"),
    ({"period_end_fy": 2101}, "1989"),
    ({"period_start_fy": 1988}, "1989"),
    ({"period_start_fy": "2022"}, "1989"),
    ({"year_style": "kanji"}, "年度の表記"),
    ({"numbering_style": "roman"}, "番号の形式"),
    ({"colour": "red"}, "変更できない"),
    ({"vision": "あ" * 200_001}, "長すぎ"),
])
def test_update_plan_refusals(doc: PlanDocument, fields: dict[str, Any], message: str) -> None:
    before = plan(doc)
    with pytest.raises(ValidationError, match=message):
        run(doc, lambda rec: pm.update_plan(rec, **fields))
    assert plan(doc) == before


def test_phases(doc: PlanDocument) -> None:
    c = doc.session.connection
    new = run(doc, lambda rec: pm.add_phase(rec, "運用", "#ABCDEF", "vertical"))
    phases = pm.list_phases(c())
    assert phases[-1]["id"] == new and phases[-1]["key"] == "phase1" and phases[-1]["color"] == "#abcdef"
    run(doc, lambda rec: pm.update_phase(rec, new, name="運用・保守", pattern="outline"))
    assert run(doc, lambda rec: pm.move_phase(rec, new, -1))
    assert [p["name"] for p in pm.list_phases(c())][-2:] == ["運用・保守", "その他"]
    run(doc, lambda rec: pm.delete_phase(rec, new))
    assert [p["position"] for p in pm.list_phases(c())] == list(range(5))


def test_phase_refusals(doc: PlanDocument) -> None:
    study = next(p for p in pm.list_phases(doc.session.connection()) if p["key"] == "study")
    with pytest.raises(ValidationError, match="2 本の工程"):
        run(doc, lambda rec: pm.delete_phase(rec, study["id"]))
    with pytest.raises(ValidationError, match="既にあります"):
        run(doc, lambda rec: pm.add_phase(rec, "検討"))
    with pytest.raises(ValidationError, match="#rrggbb"):
        run(doc, lambda rec: pm.add_phase(rec, "新", "red"))
    with pytest.raises(ValidationError, match="模様"):
        run(doc, lambda rec: pm.update_phase(rec, study["id"], pattern="zigzag"))
    with pytest.raises(ValidationError, match="並び"):
        run(doc, lambda rec: pm.reorder_phases(rec, [study["id"]]))
    with pytest.raises(ValidationError, match="名前"):
        run(doc, lambda rec: pm.update_phase(rec, study["id"], name=" "))
