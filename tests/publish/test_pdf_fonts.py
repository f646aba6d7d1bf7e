"""Bundled fonts, fallback runs, line breaking, glossary grouping and patterns."""

from __future__ import annotations

import pytest

from dxeditor.plan.ops.glossary import collate, group_of
from dxeditor.publish import bundled_fonts as fonts
from dxeditor.publish.pdf.fonts import FontKit, _to_unicode_cmap
from dxeditor.publish.pdf.layout import NO_END, NO_START, hatch, wrap
from dxeditor.store.models import DEFAULT_PHASES


def test_bundled_fonts_and_licences_are_present():
    d = fonts.fonts_dir()
    for key in fonts.FONT_FILES:
        assert fonts.font_path(key).stat().st_size > 1_000_000
    assert "SIL OPEN FONT LICENSE" in (d / "OFL-BIZUD.txt").read_text(encoding="utf-8")
    assert "Hanazono" in (d / "LICENSE-Hanazono.txt").read_text(encoding="utf-8")
    assert (d / "README.md").exists()


def test_coverage_gothic_lacks_yoshi_fallback_has_it():
    assert not fonts.face("G").covers("𠮷")
    assert fonts.face("F").covers("𠮷")
    assert fonts.face("G").covers("髙") and fonts.face("G").covers("①")
    assert fonts.missing_chars("𠮷野髙橋 ABC\n") == []
    assert fonts.missing_chars("かに🦀と🦀") == ["🦀"]
    assert "U+1F980" in fonts.describe_chars(["🦀"])


def test_runs_split_by_face_and_remember_missing():
    kit = FontKit()
    runs = kit.runs("前𠮷後", "G", 10)
    assert [(f, t) for f, t, _ in runs] == [("G", "前"), ("F", "𠮷"), ("G", "後")]
    assert runs[0][2] == pytest.approx(10.0)  # full-width: 1 em
    kit.runs("a🦀b", "GB", 9)
    assert kit.missing_chars() == ["🦀"]
    assert kit.width("ABC", "G", 10) == pytest.approx(15.0)  # BIZ UDGothic is monospaced: half-width Latin


def test_to_unicode_maps_supplementary_plane_as_surrogates():
    cmap = _to_unicode_cmap("X", [0, ord("あ"), 0x20BB7])
    assert "<01> <3042>" in cmap
    assert "<02> <D842DFB7>" in cmap


def test_wrap_respects_kinsoku_and_latin_words():
    kit = FontKit()
    text = "あいうえおかきくけこ。さしすせそ"
    lines = wrap(kit, text, "G", 10, 100)  # ten full-width characters per line
    assert "".join(lines) == text
    assert all(line[0] not in NO_START for line in lines)
    lines = wrap(kit, "手続 Business Process Reengineering の略", "G", 10, 120)
    assert any("Business" in line for line in lines)
    assert not any(line.endswith("Busi") for line in lines)
    assert wrap(kit, "一行目\n二行目", "G", 10, 500) == ["一行目", "二行目"]


def test_glossary_groups_like_seed_000():
    assert group_of("エーアイ", "えーあい") == "あ"
    assert group_of("ガバメントクラウド") == "か"
    assert group_of("ぴったりサービス", "ぴったりさーびす") == "は"
    assert group_of("ＢＰＲ") == "A"
    assert group_of("電子", "") == "他"
    terms = [{"term": "電子決裁", "reading": "でんしけっさい"}, {"term": "AI", "reading": "えーあい"},
             {"term": "クラウド", "reading": "くらうど"}, {"term": "可用性", "reading": "かようせい"},
             {"term": "BPR", "reading": ""}, {"term": "機密性", "reading": "きみつせい"}]
    grouped = collate(terms)
    assert [g for g, _ in grouped] == ["【A～】", "【か～】", "【た～】"]
    assert [t["term"] for t in grouped[0][1]] == ["AI", "BPR"]
    assert [t["term"] for t in grouped[1][1]] == ["可用性", "機密性", "クラウド"]


def test_phase_patterns_are_distinct_in_black_and_white():
    shapes = {p: tuple(hatch(0, 0, 40, 12, p)) for _, _, _, p in DEFAULT_PHASES}
    assert len(set(shapes.values())) == len(shapes)
    assert shapes["solid"] == ()


def test_wrap_never_starts_a_line_with_a_long_vowel_or_comma():
    kit = FontKit()
    text = "戸籍住民課、サービスセンター、市民税課、総合博物館"
    for width in range(40, 160, 3):
        lines = wrap(kit, text, "G", 6.5, width)
        assert "".join(lines) == text
        assert all(line[0] not in NO_START for line in lines[1:]), (width, lines)


def test_wrap_keeps_an_opening_bracket_with_what_follows_and_a_leading_indent():
    kit = FontKit()
    text = "社会全体のデジタル・トランスフォーメーション（DX）を推進していくことが求められています。"
    for width in range(60, 300, 4):
        lines = wrap(kit, text, "G", 10, width)
        assert "".join(lines) == text
        assert all(line[-1] not in NO_END for line in lines[:-1]), (width, lines)
        assert all(line[0] not in NO_START for line in lines[1:]), (width, lines)
    lines = wrap(kit, "　" + text, "G", 10, 120)  # a paragraph's 字下げ stays, long or short
    assert lines[0].startswith("　") and not lines[1].startswith("　")
    assert wrap(kit, "　短い", "G", 10, 120) == ["　短い"]
