"""The yearly review's pure rules: rating scale and achievement rate."""

from __future__ import annotations

import pytest

from dxeditor.core.achievement import RatingScale, achievement_rate, format_rate, trend_mark


@pytest.mark.parametrize(("baseline", "target", "actual", "lower", "expected"), [
    (10, 30, 20, False, 0.5),  # halfway from the baseline
    (10, 30, 30, False, 1.0),
    (10, 30, 5, False, -0.25),  # moved away from the target
    (40, 20, 30, True, 0.5),  # lower is better: the same formula, signs flip together
    (40, 20, 10, True, 1.5),
    (None, 27, 12, False, 12 / 27),  # no baseline: actual / target
    (None, 20, 25, True, 0.8),  # no baseline, lower is better: target / actual
    (5, 5, 6, False, 6 / 5),  # target equals baseline: the fallback
    (None, None, 12, False, None),  # a text KPI has no rate
    (10, 30, None, False, None),  # nothing measured yet
    (None, 0, 3, False, None),
])
def test_achievement_rate(baseline, target, actual, lower, expected) -> None:
    rate = achievement_rate(baseline, target, actual, lower_is_better=lower)
    assert rate == (None if expected is None else pytest.approx(expected))


def test_rate_text_and_trend_marks() -> None:
    assert format_rate(0.8523) == "85.2%"
    assert format_rate(None) == "―"
    assert trend_mark(10, 12) == "▲" and trend_mark(12, 10) == "▼" and trend_mark(3, 3) == "→"
    assert trend_mark(30, 20, lower_is_better=True) == "▲"
    assert trend_mark(None, 3) == ""


def test_the_default_scale_and_what_people_type() -> None:
    scale = RatingScale.default()
    assert scale.keys == ["A", "B", "C", "D"]
    assert [scale.parse(t) for t in ("a", "Ｂ", "C 遅れ", "順調", "", "E", "d")] == ["A", "B", "C", "A", "", None, "D"]
    assert [scale.is_late(k) for k in "ABCD"] == [False, False, True, True]
    assert scale.label("B") == "B 概ね順調"


def test_a_stored_scale_round_trips_and_bad_text_falls_back() -> None:
    scale = RatingScale.from_json('[{"key": "S", "name": "達成", "color": "#00ff00"}, {"key": "A", "name": "順調"}]')
    assert scale.keys == ["S", "A"]
    assert RatingScale.from_json(scale.to_json()) == scale
    assert RatingScale.from_json("not json").keys == ["A", "B", "C", "D"]
    assert RatingScale.from_json("").keys == ["A", "B", "C", "D"]
