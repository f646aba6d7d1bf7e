"""Schedule operations on a real SQLite plan: validation, one change each, exact undo."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from dxeditor.core.errors import ValidationError
from dxeditor.formats.json.io import import_data
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import schedule as ops
from dxeditor.store import models as m

PHASES = [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in m.DEFAULT_PHASES]
FY23 = 2023 * 12


@pytest.fixture
def doc():
    d = import_data({
        "format": "dxeditor-plan", "format_version": 1, "phases": PHASES,
        "plan": {"title": "計画", "period_start_fy": 2022, "period_end_fy": 2027},
        "initiatives": [{"id": 1, "title": "取組", "schedule_rows": [
            {"id": 1, "title": "行1", "bars": [{"id": 1, "start": "2023-04", "end": "2024-03", "label": "検討",
                                                 "phase": "study"}]},
            {"id": 2, "title": "行2", "bars": [{"id": 2, "start": "2024-04", "end": "2025-03", "phase": "run"}],
             "milestones": [{"id": 1, "month": "2025-04", "label": "運用開始"}]},
        ]}],
    })
    yield d
    d.close(keep_working_copy=False)


def bars(doc: Any) -> dict[int, dict[str, Any]]:
    t = m.Bar.__table__
    return {r["id"]: dict(r) for r in doc.session.connection().execute(select(t)).mappings()}


def milestones(doc: Any) -> dict[int, dict[str, Any]]:
    t = m.Milestone.__table__
    return {r["id"]: dict(r) for r in doc.session.connection().execute(select(t)).mappings()}


def run_and_undo(doc: Any, fn: Any) -> tuple[Any, dict, dict]:
    """Run ``fn``; return its result and the bars after, then undo and check the bars are back."""
    ed = PlanEditor(doc)
    before = bars(doc), milestones(doc)
    cs, result = ed.run("test", fn)
    after = bars(doc), milestones(doc)
    ed.revert(cs)
    assert (bars(doc), milestones(doc)) == before
    ed.apply(cs)
    assert (bars(doc), milestones(doc)) == after
    return result, after[0], after[1]


def test_add_bar_defaults_to_run_phase_and_undoes(doc):
    new_id, after, _ = run_and_undo(doc, lambda rec: ops.add_bar(rec, 2, FY23, FY23 + 5, lane=1))
    assert after[new_id]["phase"] == "run"
    assert (after[new_id]["start"], after[new_id]["end"], after[new_id]["lane"]) == (FY23, FY23 + 5, 1)
    assert after[new_id]["label"] == ""


def test_default_phase_without_run_is_the_first(doc):
    ed = PlanEditor(doc)
    ed.run("x", lambda rec: rec.update("phases", 3, key="jisshi"))
    assert ops.default_phase(doc.session.connection()) == "study"


@pytest.mark.parametrize(("start", "end"), [(FY23 + 3, FY23 + 2), (1988 * 12 + 11, FY23), (FY23, 2101 * 12)])
def test_add_bar_refuses_bad_spans(doc, start, end):
    with pytest.raises(ValidationError):
        PlanEditor(doc).run("x", lambda rec: ops.add_bar(rec, 1, start, end))
    assert len(bars(doc)) == 2


def test_add_bar_refuses_unknown_phase_row_and_lane(doc):
    ed = PlanEditor(doc)
    with pytest.raises(ValidationError, match="工程の種類"):
        ed.run("x", lambda rec: ops.add_bar(rec, 1, FY23, FY23, phase="nope"))
    with pytest.raises(ValidationError):
        ed.run("x", lambda rec: ops.add_bar(rec, 99, FY23, FY23))
    with pytest.raises(ValidationError):
        ed.run("x", lambda rec: ops.add_bar(rec, 1, FY23, FY23, lane=-1))
    assert len(bars(doc)) == 2


def test_move_bars_together_and_all_or_nothing(doc):
    _, after, _ = run_and_undo(doc, lambda rec: ops.move_bars(rec, [1, 2], 6))
    assert (after[1]["start"], after[1]["end"]) == (FY23 + 6, FY23 + 17)
    assert (after[2]["start"], after[2]["end"]) == (FY23 + 18, FY23 + 29)
    with pytest.raises(ValidationError):
        PlanEditor(doc).run("x", lambda rec: ops.move_bars(rec, [1, 2], 12 * 200))
    with pytest.raises(ValidationError):  # lane -1 for the bar in lane 0
        PlanEditor(doc).run("x", lambda rec: ops.move_bars(rec, [1], 0, -1))


def test_resize_and_label_and_phase_and_continues(doc):
    _, after, _ = run_and_undo(doc, lambda rec: ops.resize_bar(rec, 1, FY23 + 3, FY23 + 23))
    assert (after[1]["start"], after[1]["end"]) == (FY23 + 3, FY23 + 23)
    with pytest.raises(ValidationError):
        PlanEditor(doc).run("x", lambda rec: ops.resize_bar(rec, 1, FY23 + 3, FY23 + 2))
    _, after, _ = run_and_undo(doc, lambda rec: ops.set_label(rec, 1, "  𠮷髙の\n検討 "))
    assert after[1]["label"] == "𠮷髙の\n検討"  # a bar label keeps its line breaks (issue 16)
    _, after, _ = run_and_undo(doc, lambda rec: ops.set_phase(rec, [1, 2], "build"))
    assert after[1]["phase"] == after[2]["phase"] == "build"
    _, after, _ = run_and_undo(doc, lambda rec: ops.toggle_continues(rec, [1]))
    assert after[1]["continues"] is True
    _, after, _ = run_and_undo(doc, lambda rec: ops.resize_bars(rec, [1, 2], 0, 3))
    assert after[1]["end"] == FY23 + 26 and after[2]["end"] == FY23 + 26  # both ended FY23 + 23
    _, after, _ = run_and_undo(doc, lambda rec: ops.shift_lanes(rec, [1], 2))
    assert after[1]["lane"] == 2


def test_update_bar_refuses_unknown_columns(doc):
    with pytest.raises(ValidationError):
        PlanEditor(doc).run("x", lambda rec: ops.update_bar(rec, 1, row_id=2))


def test_delete_bars_and_milestones(doc):
    _, after, after_ms = run_and_undo(doc, lambda rec: ops.delete_items(rec, [1], [1]))
    assert set(after) == {2} and after_ms == {}
    with pytest.raises(ValidationError):
        PlanEditor(doc).run("x", lambda rec: ops.delete_bars(rec, [42]))


def test_milestones(doc):
    new_id, _, ms = run_and_undo(doc, lambda rec: ops.add_milestone(rec, 1, FY23 + 6, "運用開始", 1))
    assert (ms[new_id]["month"], ms[new_id]["lane"], ms[new_id]["label"]) == (FY23 + 6, 1, "運用開始")
    _, _, ms = run_and_undo(doc, lambda rec: ops.move_milestone(rec, 1, FY23))
    assert ms[1]["month"] == FY23
    _, _, ms = run_and_undo(doc, lambda rec: ops.set_milestone_label(rec, 1, "移行"))
    assert ms[1]["label"] == "移行"
    with pytest.raises(ValidationError):
        PlanEditor(doc).run("x", lambda rec: ops.move_milestone(rec, 1, 3000 * 12))


def test_load_items_all_and_some(doc):
    conn = doc.session.connection()
    items = ops.load_items(conn)
    assert [b.id for b in items[1].bars] == [1]
    assert [x.label for x in items[2].milestones] == ["運用開始"]
    some = ops.load_items(conn, [2, 99])
    assert set(some) == {2, 99} and some[99].bars == []
    assert items[1].lanes == 1
