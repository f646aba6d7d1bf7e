"""The one numbering rule: glyphs, where counting restarts, labels that win."""

from __future__ import annotations

import pytest

from dxeditor.core.numbering import STYLES, Numberer, join_style, sample, split_style


def walk(style: str, layout: list[int], labels: dict[tuple[int, int], str] | None = None) -> list[list[str]]:
    """Numbers of ``layout[i]`` initiatives in each of the top-level sections."""
    num, labels = Numberer(style), labels or {}
    return [[num.initiative(k, [s], labels.get((s, k), "")) for k in range(1, count + 1)]
            for s, count in enumerate(layout, start=1)]


def test_circled_restarts_in_every_section():
    assert walk("circled", [3, 2]) == [["①", "②", "③"], ["①", "②"]]


def test_paren_counts_on_through_the_plan():
    assert walk("paren", [2, 2]) == [["(1)", "(2)"], ["(3)", "(4)"]]


@pytest.mark.parametrize(("style", "expected"), [
    ("circled/plan", [["①", "②"], ["③"]]),
    ("paren/section", [["(1)", "(2)"], ["(1)"]]),
    ("plain/section", [["1.", "2."], ["1."]]),
    ("hier", [["1-1", "1-2"], ["2-1"]]),
    ("none", [["", ""], [""]]),
])
def test_scope_suffix_and_other_glyphs(style, expected):
    assert walk(style, [2, 1]) == expected


def test_a_label_wins_and_the_next_number_follows_the_position():
    assert walk("circled", [3, 1], {(1, 1): "①", (1, 2): "②"}) == [["①", "②", "③"], ["①"]]


def test_sections_top_level_plain_numbers_below_in_the_glyph():
    num = Numberer("circled")
    assert (num.section(2, 0, []), num.section(1, 1, [2]), num.section(3, 0, [], "第3章")) == ("2", "①", "第3章")
    assert Numberer("hier").section(2, 1, [3]) == "3-2"


def test_styles_round_trip_and_default_scopes():
    for style in STYLES:
        glyph, per_section = split_style(style)
        assert split_style(join_style(glyph, per_section)) == (glyph, per_section)
    assert join_style("circled", True) == "circled"
    assert join_style("paren", True) == "paren/section"
    assert split_style("bogus") == ("paren", False)
    assert sample("circled") == ["①", "②", "①"]
