"""The yearly review's operations: validated, undoable, audited; the read model and counts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from dxeditor.core.errors import ValidationError
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import progress as ops
from dxeditor.plan.progress import load_progress, year_counts
from dxeditor.store import models as m
from dxeditor.store.document import PlanDocument

PLAN = {
    "format": "dxeditor-plan", "format_version": 1,
    "plan": {"title": "行方市DX基本方針", "period_start_fy": 2023, "period_end_fy": 2027},
    "initiatives": [
        {"id": 1, "title": "オンライン申請", "kpis": [
            {"id": 1, "name": "電子申請の手続数", "baseline_value": 10, "target_value": 50, "unit": "手続"},
            {"id": 2, "name": "窓口の待ち時間", "baseline_value": 40, "target_value": 20, "unit": "分",
             "lower_is_better": True},
            {"id": 3, "name": "職員の意識", "target_text": "全職員がDXを理解"}],
         "schedule_rows": [{"id": 1, "title": "電子申請の拡充"}]},
        {"id": 2, "title": "窓口改革"},
    ],
}


@pytest.fixture
def doc() -> Iterator[PlanDocument]:
    d = json_io.import_data(PLAN)
    yield d
    d.close(keep_working_copy=False)


def run(doc: PlanDocument, fn: Any) -> Any:
    return PlanEditor(doc).run("進捗の入力", fn)


def export(doc: PlanDocument) -> dict[str, Any]:
    out = json_io.export_data(doc.session.connection())
    out.pop("exported_at")
    out.pop("audit_log")
    return out


def test_rating_and_texts_are_entered_undone_and_redone(doc: PlanDocument) -> None:
    editor = PlanEditor(doc)
    before = export(doc)
    cs, changed = editor.run("評価", lambda rec: ops.set_review(rec, 2024, initiative_id=1, rating="ｂ",
                                                                 results="12手続を電子化", issues="添付書類"))
    assert changed
    data = load_progress(doc.session.connection())
    review = data.reviews[(1, 2024)]
    assert (review.rating, review.results, review.issues) == ("B", "12手続を電子化", "添付書類")
    assert review.entered_by == "tester" and review.entered_at.endswith("Z")
    after = export(doc)
    editor.revert(cs)
    assert export(doc) == before
    editor.apply(cs)
    assert export(doc) == after
    actions = [a.action for a in doc.session.execute(select(m.AuditEntry)).scalars()]
    assert actions == ["評価", "元に戻す: 評価", "やり直し: 評価"]


def test_bad_ratings_are_refused_and_nothing_changes(doc: PlanDocument) -> None:
    before = export(doc)
    with pytest.raises(ValidationError, match="評価「E」"):
        run(doc, lambda rec: ops.set_ratings(rec, [(1, 2024, "A"), (2, 2024, "E")]))
    with pytest.raises(ValidationError, match="年度"):
        run(doc, lambda rec: ops.set_review(rec, 1800, initiative_id=1, rating="A"))
    with pytest.raises(ValidationError, match="取組 99"):
        run(doc, lambda rec: ops.set_review(rec, 2024, initiative_id=99, rating="A"))
    assert export(doc) == before


def test_many_ratings_at_once_and_row_reviews(doc: PlanDocument) -> None:
    _, n = run(doc, lambda rec: ops.set_ratings(rec, [(1, 2023, "A"), (2, 2023, "c"), (1, 2024, "D")]))
    assert n == 3
    _, n = run(doc, lambda rec: ops.set_ratings(rec, [(1, 2023, "A"), (2, 2023, "")]))
    assert n == 1  # A unchanged, C cleared
    run(doc, lambda rec: ops.set_review(rec, 2024, row_id=1, rating="C", direction="来年度に延期"))
    data = load_progress(doc.session.connection())
    assert data.rating(1, 2023) == "A" and data.rating(2, 2023) == "" and data.rating(1, 2024) == "D"
    assert data.row_reviews[(1, 2024)].direction == "来年度に延期"
    assert data.scale.is_late("D") and not data.scale.is_late("A")
    counts = year_counts(doc.session.connection())
    assert counts[2023]["ratings"] == {"A": 1} and counts[2024]["ratings"] == {"D": 1}


def test_kpi_paths_actuals_and_rates(doc: PlanDocument) -> None:
    run(doc, lambda rec: [ops.set_kpi_target(rec, 1, 2024, 20), ops.set_kpi_target(rec, 1, 2025, "30")])
    run(doc, lambda rec: [ops.set_kpi_actual(rec, 1, 2024, "15", "速報値"), ops.set_kpi_actual(rec, 1, 2025, 40),
                          ops.set_kpi_actual(rec, 2, 2024, 35), ops.set_kpi_actual(rec, 2, 2025, 30),
                          ops.set_kpi_actual(rec, 3, 2025, None, "研修を実施")])
    data = load_progress(doc.session.connection())
    k1, k2, k3 = data.kpis[1]
    assert k1.target_for(2024) == 20 and k1.target_for(2026) == 50
    assert k1.rate(2024) == pytest.approx(0.5)  # (15 − 10) / (20 − 10)
    assert k1.rate(2025) == pytest.approx(1.5)  # (40 − 10) / (30 − 10)
    assert k1.actuals[2024] == (15, "速報値")
    assert k2.rate(2025) == pytest.approx(0.5) and k2.trend(2025) == "▲"  # 40 → 30 of a 20 minute target
    assert k3.is_text and k3.rate(2025) is None and k3.actuals[2025] == (None, "研修を実施")
    assert year_counts(doc.session.connection())[2025]["kpi_actuals"] == 3
    # clearing the last value of a year removes that year's row
    run(doc, lambda rec: ops.set_kpi_target(rec, 1, 2024, None))
    assert 2024 not in load_progress(doc.session.connection()).kpis[1][0].targets


def test_a_number_is_needed_where_a_number_is_needed(doc: PlanDocument) -> None:
    before = export(doc)
    with pytest.raises(ValidationError, match="実績値「たくさん」が数値ではありません"):
        run(doc, lambda rec: ops.set_kpi_actual(rec, 1, 2024, "たくさん"))
    with pytest.raises(ValidationError, match="成果目標 42"):
        run(doc, lambda rec: ops.set_kpi_actual(rec, 42, 2024, 1))
    assert export(doc) == before


def test_the_rating_scale_is_a_plan_setting(doc: PlanDocument) -> None:
    run(doc, lambda rec: ops.set_review(rec, 2024, initiative_id=1, rating="A"))
    run(doc, lambda rec: ops.set_rating_scale(rec, [("S", "達成", "#00aa00"), ("A", "順調", "#88cc88"),
                                                    ("B", "遅れ", "#ffcc00")]))
    out = export(doc)
    assert [r["key"] for r in out["plan"]["rating_scale"]] == ["S", "A", "B"]
    assert load_progress(doc.session.connection()).scale.is_late("B")
    with pytest.raises(ValidationError, match="評価「A」は 1 件"):
        run(doc, lambda rec: ops.set_rating_scale(rec, [("S", "達成", "#00aa00")]))
    with pytest.raises(ValidationError, match="重複"):
        run(doc, lambda rec: ops.set_rating_scale(rec, [("A", "x", "#000000"), ("A", "y", "#000000")]))
    # the JSON round trip keeps the scale and the review
    again = json_io.import_data(out)
    try:
        assert export(again)["plan"]["rating_scale"] == out["plan"]["rating_scale"]
    finally:
        again.close(keep_working_copy=False)
