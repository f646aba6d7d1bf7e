"""Tests for dxeditor.core.fiscal: fiscal years, eras, headers, months and periods."""

from __future__ import annotations

import re

import pytest

from dxeditor.core.fiscal import (
    MAX_FY,
    MIN_FY,
    FiscalYearError,
    YearStyle,
    calendar_of,
    era_of_fy,
    format_deadline,
    format_fy,
    format_fy_header,
    format_month,
    fy_end,
    fy_of,
    fy_start,
    half_label,
    half_of,
    index_of_calendar,
    month_index,
    month_label,
    parse_fy,
    parse_fy_header,
    parse_period,
    quarter_label,
    quarter_of,
)

ALL_FYS = range(MIN_FY, MAX_FY + 1)
ALL_MONTHS = range(fy_start(MIN_FY), fy_end(MAX_FY) + 1)
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)} | {" ": "\u3000"})


def hint_for(fy: int) -> str:
    return era_of_fy(fy)[0]


def assert_error(call, *args, contains: str | None = None, **kwargs) -> str:
    """Run ``call``; it must raise FiscalYearError with a Japanese message naming ``contains``."""
    with pytest.raises(FiscalYearError) as info:
        call(*args, **kwargs)
    message = str(info.value)
    assert JAPANESE.search(message), message
    if contains is not None:
        assert contains in message, message
    return message


# --- eras and literal strings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fy", "expected"),
    [
        (1989, ("平成", 1)),
        (2018, ("平成", 30)),
        (2019, ("令和", 1)),
        (2023, ("令和", 5)),
        (2100, ("令和", 82)),
    ],
)
def test_era_of_fy(fy: int, expected: tuple[str, int]) -> None:
    assert era_of_fy(fy) == expected


@pytest.mark.parametrize(
    ("fy", "style", "kwargs", "expected"),
    [
        (2019, "wareki", {}, "令和元年度"),
        (2019, "alpha", {}, "R1"),
        (2019, "both", {}, "令和元(2019)年度"),
        (2019, "seireki", {}, "2019年度"),
        (2019, "wareki", {"gannen": False}, "令和1年度"),
        (2019, "short", {"first": False}, "令和元年度"),
        (2018, "wareki", {}, "平成30年度"),
        (2018, "alpha", {}, "H30"),
        (2018, "both", {}, "平成30(2018)年度"),
        (1989, "wareki", {}, "平成元年度"),
        (1989, "alpha", {}, "H1"),
        (1989, "short", {"first": False}, "平成元年度"),
        (2023, YearStyle.WAREKI, {}, "令和5年度"),
        (2023, YearStyle.SHORT, {}, "令和5年度"),
        (2023, YearStyle.SHORT, {"first": False}, "5年度"),
        (2023, YearStyle.ALPHA, {}, "R5"),
        (2023, YearStyle.SEIREKI, {}, "2023年度"),
        (2023, YearStyle.BOTH, {}, "令和5(2023)年度"),
        (2020, "short", {"first": False}, "2年度"),
    ],
)
def test_format_fy_literals(fy: int, style: str, kwargs: dict, expected: str) -> None:
    assert format_fy(fy, style, **kwargs) == expected


def test_format_fy_default_style_is_wareki() -> None:
    assert format_fy(2023) == "令和5年度"


@pytest.mark.parametrize("fy", [MIN_FY - 1, MAX_FY + 1, 0, -5, 1900])
def test_out_of_range_fy_cannot_be_formatted(fy: int) -> None:
    assert_error(format_fy, fy, contains=f"{fy}年度")
    assert_error(era_of_fy, fy)
    assert_error(format_fy_header, [2023, fy])
    assert_error(format_deadline, fy)


def test_unknown_style_is_rejected() -> None:
    with pytest.raises(ValueError):
        format_fy(2023, "kanji")


# --- round trips of single years ------------------------------------------------------------


@pytest.mark.parametrize("style", list(YearStyle))
@pytest.mark.parametrize("gannen", [True, False])
def test_every_year_round_trips(style: YearStyle, gannen: bool) -> None:
    for fy in ALL_FYS:
        text = format_fy(fy, style, gannen=gannen)
        assert parse_fy(text) == fy, text
        short = format_fy(fy, style, first=False, gannen=gannen)
        assert parse_fy(short, era_hint=hint_for(fy)) == fy, short


@pytest.mark.parametrize("style", list(YearStyle))
def test_every_year_round_trips_full_width(style: YearStyle) -> None:
    for fy in ALL_FYS:
        text = format_fy(fy, style).translate(FULL_WIDTH)
        assert parse_fy(text) == fy, text
        short = format_fy(fy, style, first=False).translate(FULL_WIDTH)
        assert parse_fy(short, era_hint=hint_for(fy)) == fy, short


@pytest.mark.parametrize("hint", ["令和", "R", "r", "Ｒ", "令和年度"])
def test_short_year_with_reiwa_hints(hint: str) -> None:
    assert parse_fy("5年度", era_hint=hint) == 2023
    assert parse_fy("元年度", era_hint=hint) == 2019
    assert parse_fy("5", era_hint=hint) == 2023


@pytest.mark.parametrize("hint", ["平成", "H", "ｈ"])
def test_short_year_with_heisei_hints(hint: str) -> None:
    assert parse_fy("30年度", era_hint=hint) == 2018
    assert parse_fy("元年度", era_hint=hint) == 1989


def test_explicit_era_wins_over_hint() -> None:
    assert parse_fy("平成30年度", era_hint="令和") == 2018


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年度(R5)", 2023),
        ("令和5年度\n(2023)", 2023),
        ("2021年度 (令和3年度)", 2021),
        ("2025年度 (令和7年度)", 2025),
        ("令和5(2023)年度", 2023),
        ("令和5年度(2023年度)", 2023),
        ("(2023年度)令和5年度", 2023),
        ("R5年度", 2023),
        ("R.5", 2023),
        ("r5", 2023),
        ("R05", 2023),
        ("H30", 2018),
        ("H31", 2019),
        ("平成31年度", 2019),
        ("平成32年度", 2020),
        ("平成30年度", 2018),
        ("2023", 2023),
        ("2023年", 2023),
        ("2023度", 2023),
        ("令和5", 2023),
        ("令和5年", 2023),
        ("令和５年度", 2023),
        ("Ｒ５", 2023),
        ("（2023）", 2023),
        ("（２０２３）", 2023),
        ("令和元年度", 2019),
        ("令和元(2019)年度", 2019),
        ("平成元年度", 1989),
        ("令和 5 年度", 2023),
        (" 令\n和5年\n度 ", 2023),
        ("令和5年度　(2023)", 2023),
        ("2023年度/R5", 2023),
        ("2023・令和5年度", 2023),
        ("令和5 2023", 2023),
        ("2023年度(5年度)", 2023),
        ("R1(2019)", 2019),
        ("H31(R1)", 2019),
        ("㋿5年度", 2023),
        ("㍻30年度", 2018),
        ("令和五年度", 2023),
        ("令和十二年度", 2030),
        ("二〇二三年度", 2023),
        ("令和5年度【2023】", 2023),
        ("FY2023", 2023),
        ("ＦＹ２０２３", 2023),
    ],
)
def test_parse_fy_header_shapes(text: str, expected: int) -> None:
    assert parse_fy(text) == expected


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "令和",
        "年度",
        "毎年度",
        "令和5年度上半期",
        "20235",
        "2023年6月",
        "令和5年度(",
        "R5 R6 R7",
        "5年度(6年度)",
        "20 23年度",
    ],
)
def test_garbage_is_rejected(text: str) -> None:
    assert_error(parse_fy, text, contains=" ".join(text.split()))


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_is_rejected(text: str) -> None:
    assert_error(parse_fy, text)


@pytest.mark.parametrize(
    "text", ["令和99年度", "令和83年度", "平成0年度", "1988年度", "2101", "昭和63年度", "令和100年度"]
)
def test_out_of_range_is_rejected(text: str) -> None:
    message = assert_error(parse_fy, text, contains=text)
    assert "範囲外" in message or "正しい年ではありません" in message


def test_out_of_range_message_literal() -> None:
    assert assert_error(parse_fy, "令和99年度") == "「令和99年度」は1989〜2100年度の範囲外です"


@pytest.mark.parametrize(
    "text", ["令和5(2024)年度", "2023年度(R6)", "2021年度 (令和4年度)", "H30(R1)", "2023年度(4年度)"]
)
def test_inconsistent_pair_is_rejected(text: str) -> None:
    message = assert_error(parse_fy, text, contains=" ".join(text.split()))
    assert "一致しません" in message


@pytest.mark.parametrize("text", ["5年度", "５年度", "元年度", "30"])
def test_short_year_needs_hint(text: str) -> None:
    assert_error(parse_fy, text, contains=text)


def test_unknown_era_hint_is_rejected() -> None:
    assert_error(parse_fy, "5年度", era_hint="大正", contains="大正")


# --- headers --------------------------------------------------------------------------------


@pytest.mark.parametrize("style", list(YearStyle))
def test_every_header_window_round_trips(style: YearStyle) -> None:
    for start in range(MIN_FY, MAX_FY - 4):
        fys = list(range(start, start + 6))
        cells = format_fy_header(fys, style)
        assert parse_fy_header(cells) == fys, cells
        assert parse_fy_header([c.translate(FULL_WIDTH) for c in cells]) == fys, cells


@pytest.mark.parametrize("style", list(YearStyle))
@pytest.mark.parametrize(
    "fys", [[2018, 1989], [2020, 2019], [1995, 1990], [2017, 2020, 2022], [2030, 2025, 2019, 2018], [2023]]
)
def test_unordered_headers_round_trip(style: YearStyle, fys: list[int]) -> None:
    assert parse_fy_header(format_fy_header(fys, style)) == fys


def test_short_header_literal() -> None:
    assert format_fy_header(range(2016, 2022), "short") == [
        "平成28年度",
        "29年度",
        "30年度",
        "令和元年度",
        "2年度",
        "3年度",
    ]
    assert format_fy_header([2022, 2023, 2024], YearStyle.SHORT) == ["令和4年度", "5年度", "6年度"]
    assert format_fy_header([2022, 2023], YearStyle.BOTH) == ["令和4(2022)年度", "令和5(2023)年度"]
    assert format_fy_header([], YearStyle.SHORT) == []


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ("令和4年度\t5年度\t6年度\t7年度\t8年度\t9年度".split("\t"), list(range(2022, 2028))),
        (
            ["2021年度 (令和3年度)", "2022年度 (令和4年度)", "2023年度 (令和5年度)", "2024年度 (令和6年度)"],
            list(range(2021, 2025)),
        ),
        (["令和5年度\n(2023)", "令和6年度\n(2024)"], [2023, 2024]),
        (["2023年度(R5)", "2024年度(R6)"], [2023, 2024]),
        (["R4", "R5", "R6"], [2022, 2023, 2024]),
        (["令和４年度", "５年度", "６年度"], [2022, 2023, 2024]),
        (["2022年度", "5年度"], [2022, 2023]),
        (["平成30年度", "元年度", "2年度"], [2018, 2019, 2020]),
        (["平成30年度", "31年度", "2年度"], [2018, 2019, 2020]),
        (["平成30年度", "令和元年度", "2年度"], [2018, 2019, 2020]),
        (["平成30年度", "2年度"], [2018, 1990]),
        (["令和5年度", "4年度"], [2023, 2022]),
        (["2018年度(平成30年度)", "2019年度(令和元年度)", "2年度"], [2018, 2019, 2020]),
    ],
)
def test_parse_fy_header_rows(cells: list[str], expected: list[int]) -> None:
    assert parse_fy_header(cells) == expected


def test_parse_fy_header_hint_for_first_cell() -> None:
    assert parse_fy_header(["4年度", "5年度"], era_hint="R") == [2022, 2023]


def test_parse_fy_header_errors_name_the_column() -> None:
    assert_error(parse_fy_header, ["5年度", "6年度"], contains="1列目")
    assert_error(parse_fy_header, ["令和4年度", "取組事項"], contains="2列目: 「取組事項」")
    assert_error(parse_fy_header, ["令和4年度", ""], contains="2列目")
    assert_error(parse_fy_header, ["令和81年度", "82年度", "83年度"], contains="「83年度」")


# --- months ---------------------------------------------------------------------------------


def test_month_index_examples() -> None:
    assert month_index(2023, 4) == 2023 * 12 == fy_start(2023)
    assert month_index(2023, 3) == 2023 * 12 + 11 == fy_end(2023)
    assert month_index(2023, 1) == 2023 * 12 + 9
    assert calendar_of(month_index(2023, 1)) == (2024, 1)
    assert calendar_of(fy_end(2025)) == (2026, 3)
    assert index_of_calendar(2024, 3) == fy_end(2023)
    assert index_of_calendar(2024, 4) == fy_start(2024)


def test_every_month_round_trips() -> None:
    labels = [f"{m}月" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]
    prev = None
    for index in ALL_MONTHS:
        year, month = calendar_of(index)
        fy, k = fy_of(index), index % 12
        assert index_of_calendar(year, month) == index
        assert month_index(fy, month) == index
        assert year == (fy if month >= 4 else fy + 1)
        assert fy_start(fy) <= index <= fy_end(fy)
        assert month_label(index) == labels[k] == f"{month}月"
        if prev is not None:  # consecutive indexes are consecutive calendar months
            assert (year * 12 + month) - (prev[0] * 12 + prev[1]) == 1
        prev = (year, month)


@pytest.mark.parametrize("month", [0, 13, -1])
def test_bad_calendar_month_is_rejected(month: int) -> None:
    assert_error(month_index, 2023, month)
    assert_error(index_of_calendar, 2023, month)


@pytest.mark.parametrize(
    ("month", "half", "quarter"),
    [(4, 0, 0), (6, 0, 0), (7, 0, 1), (9, 0, 1), (10, 1, 2), (12, 1, 2), (1, 1, 3), (3, 1, 3)],
)
def test_half_and_quarter_boundaries(month: int, half: int, quarter: int) -> None:
    for fy in (1989, 2019, 2023, 2100):
        index = month_index(fy, month)
        assert half_of(index) == half
        assert quarter_of(index) == quarter


def test_halves_and_quarters_partition_every_year() -> None:
    for fy in (1989, 2023, 2100):
        months = range(fy_start(fy), fy_end(fy) + 1)
        assert [half_of(i) for i in months] == [0] * 6 + [1] * 6
        assert [quarter_of(i) for i in months] == [q for q in range(4) for _ in range(3)]


def test_labels() -> None:
    assert [half_label(h) for h in (0, 1)] == ["上半期", "下半期"]
    assert [quarter_label(q) for q in range(4)] == ["第1四半期", "第2四半期", "第3四半期", "第4四半期"]
    assert month_label(fy_start(2023)) == "4月"
    assert month_label(fy_end(2023)) == "3月"
    for bad in (-1, 2):
        assert_error(half_label, bad)
    for bad in (-1, 4):
        assert_error(quarter_label, bad)


@pytest.mark.parametrize(
    ("year", "month", "style", "expected"),
    [
        (2023, 6, "wareki", "令和5年6月"),
        (2023, 6, "short", "令和5年6月"),
        (2023, 6, "seireki", "2023年6月"),
        (2023, 6, "alpha", "R5.6"),
        (2023, 6, "both", "令和5(2023)年6月"),
        (2019, 4, "wareki", "平成31年4月"),
        (2019, 4, "alpha", "H31.4"),
        (2019, 4, "both", "平成31(2019)年4月"),
        (2019, 5, "wareki", "令和元年5月"),
        (2019, 5, "alpha", "R1.5"),
        (2019, 5, "both", "令和元(2019)年5月"),
        (2020, 1, "wareki", "令和2年1月"),
        (1989, 4, "wareki", "平成元年4月"),
        (2101, 3, "wareki", "令和83年3月"),
    ],
)
def test_format_month_literals(year: int, month: int, style: str, expected: str) -> None:
    assert format_month(index_of_calendar(year, month), style) == expected


def test_format_month_out_of_range() -> None:
    assert_error(format_month, fy_start(MIN_FY) - 1, contains="1989年3月")
    assert_error(format_month, fy_end(MAX_FY) + 1, contains="2101年4月")


@pytest.mark.parametrize("style", list(YearStyle))
def test_every_month_formats_and_parses_back(style: YearStyle) -> None:
    for index in ALL_MONTHS:
        text = format_month(index, style)
        assert parse_period(text) == (index, index), text


# --- periods and deadlines ------------------------------------------------------------------


def span(fy: int, first_month: int, last_month: int) -> tuple[int, int]:
    return month_index(fy, first_month), month_index(fy, last_month)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和5年度", span(2023, 4, 3)),
        ("2023年度", span(2023, 4, 3)),
        ("R5", span(2023, 4, 3)),
        ("令和5(2023)年度", span(2023, 4, 3)),
        ("令和4年度中", span(2022, 4, 3)),
        ("令和5年度上半期", span(2023, 4, 9)),
        ("令和5年度下半期", span(2023, 10, 3)),
        ("令和５年度 上期", span(2023, 4, 9)),
        ("2023年度後半", span(2023, 10, 3)),
        ("令和5(2023)年上半期", span(2023, 4, 9)),
        ("令和5年度第1四半期", span(2023, 4, 6)),
        ("令和5年度第2四半期", span(2023, 7, 9)),
        ("令和5年度第3四半期", span(2023, 10, 12)),
        ("令和5年度第4四半期", span(2023, 1, 3)),
        ("令和5年度第二四半期", span(2023, 7, 9)),
        ("2023Q4", span(2023, 1, 3)),
        ("令和5年6月", span(2023, 6, 6)),
        ("令和5年6月末", span(2023, 6, 6)),
        ("令和5年6月30日", span(2023, 6, 6)),
        ("2023年6月", span(2023, 6, 6)),
        ("2023/6", span(2023, 6, 6)),
        ("2023-06", span(2023, 6, 6)),
        ("R5.6", span(2023, 6, 6)),
        ("令和6年1月", span(2023, 1, 1)),
        ("令和5年度1月", span(2023, 1, 1)),
        ("令和5(2023)年6月", span(2023, 6, 6)),
        ("2024年(令和6年)3月", span(2023, 3, 3)),
        ("平成31年4月", span(2019, 4, 4)),
        ("令和元年5月", span(2019, 5, 5)),
        ("令和7(2025)年度末", span(2025, 3, 3)),
        ("令和7(2025)年度末まで", span(2025, 3, 3)),
        ("令和7年度末までに", span(2025, 3, 3)),
        ("令和7年度当初", span(2025, 4, 4)),
        ("令和5年末", span(2023, 12, 12)),
        ("令和7年度まで", span(2025, 4, 3)),
        ("令和3年11月から令和8年3月まで", (month_index(2021, 11), month_index(2025, 3))),
        ("令和4年度～令和7年度", (fy_start(2022), fy_end(2025))),
        ("令和4年度〜7年度", (fy_start(2022), fy_end(2025))),
        ("2022年度~2025年度", (fy_start(2022), fy_end(2025))),
    ],
)
def test_parse_period(text: str, expected: tuple[int, int]) -> None:
    assert parse_period(text) == expected


def test_parse_period_short_year_with_hint() -> None:
    assert parse_period("5年度上半期", era_hint="令和") == span(2023, 4, 9)
    assert_error(parse_period, "5年度上半期", contains="5年度上半期")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "毎年度",
        "令和5年度第5四半期",
        "令和5年13月",
        "令和99年度上半期",
        "令和7年度~令和5年度",
        "平成30年度~元年度",
        "2023年0月",
        "随時",
    ],
)
def test_parse_period_errors(text: str) -> None:
    assert_error(parse_period, text, contains=text)


@pytest.mark.parametrize(
    ("style", "end", "expected"),
    [
        (YearStyle.BOTH, True, "令和7(2025)年度末まで"),
        (YearStyle.WAREKI, True, "令和7年度末まで"),
        (YearStyle.SHORT, True, "令和7年度末まで"),
        (YearStyle.SEIREKI, True, "2025年度末まで"),
        (YearStyle.ALPHA, True, "R7年度末まで"),
        (YearStyle.BOTH, False, "令和7(2025)年度まで"),
    ],
)
def test_format_deadline_literals(style: YearStyle, end: bool, expected: str) -> None:
    assert format_deadline(2025, style, end=end) == expected


def test_format_deadline_default_and_gannen() -> None:
    assert format_deadline(2025) == "令和7(2025)年度末まで"
    assert format_deadline(2019) == "令和元(2019)年度末まで"
    assert format_deadline(2019, gannen=False) == "令和1(2019)年度末まで"


@pytest.mark.parametrize("style", list(YearStyle))
def test_every_deadline_parses_back(style: YearStyle) -> None:
    for fy in ALL_FYS:
        assert parse_period(format_deadline(fy, style)) == (fy_end(fy), fy_end(fy))
        assert parse_period(format_deadline(fy, style, end=False)) == (fy_start(fy), fy_end(fy))


@pytest.mark.parametrize("style", list(YearStyle))
def test_every_year_parses_as_whole_period(style: YearStyle) -> None:
    for fy in ALL_FYS:
        assert parse_period(format_fy(fy, style)) == (fy_start(fy), fy_end(fy))
        for h in (0, 1):
            text = f"{format_fy(fy, style)}{half_label(h)}"
            assert parse_period(text) == (fy_start(fy) + 6 * h, fy_start(fy) + 6 * h + 5), text
        for q in range(4):
            text = f"{format_fy(fy, style)}{quarter_label(q)}"
            assert parse_period(text) == (fy_start(fy) + 3 * q, fy_start(fy) + 3 * q + 2), text
