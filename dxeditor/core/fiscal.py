"""Japanese fiscal years (年度), eras (元号) and month indexes.

A fiscal year runs April to March and is named by the era of its April, except 2019年度,
which is 令和元年度. Plans write years in several styles (:class:`YearStyle`); this module
formats every style and reads all of them back, including full-width text, headers that
wrap inside a cell and mixed forms such as ``2021年度 (令和3年度)`` or ``令和5(2023)年度``.

Months are absolute indexes ``fy * 12 + k`` where ``k = 0`` is April and ``k = 11`` is the
March of the next calendar year, so a bar is an inclusive ``(start, end)`` pair of indexes.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from dxeditor.core.errors import DxError

MIN_FY = 1989
MAX_FY = 2100
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")  # the interchange form of a month: "2023-06"


class FiscalYearError(DxError, ValueError):
    """A year or period that cannot be read or written.

    The message (Japanese, and English for ``--lang en``) names the offending text.
    """


class YearStyle(enum.StrEnum):
    """How years are written in tables, texts and exports."""

    WAREKI = "wareki"  # 令和5年度
    SHORT = "short"  # 令和4年度 in the first column, 5年度 after it
    ALPHA = "alpha"  # R5 (H30 for Heisei)
    SEIREKI = "seireki"  # 2023年度
    BOTH = "both"  # 令和5(2023)年度
    SEIREKI_WAREKI = "seireki_wareki"  # 2023年度(令和5年度): 西暦 first, the era in brackets (seed 002)


_ERA_BASE: dict[str, int] = {"昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_ORDER = ("昭和", "平成", "令和")
_ERA_ALPHA = {"昭和": "S", "平成": "H", "令和": "R"}
_ERA_NAMES = {"昭和": "昭和", "S": "昭和", "平成": "平成", "H": "平成", "令和": "令和", "R": "令和"}
_HALF_LABELS = ("上半期", "下半期")


def _show(text: str) -> str:
    """The text as quoted in an error message (whitespace runs become one space)."""
    return " ".join(str(text).split())


def _range_error(shown: str) -> FiscalYearError:
    return FiscalYearError(f"「{shown}」は{MIN_FY}〜{MAX_FY}年度の範囲外です",
                           f"{shown!r} is outside fiscal years {MIN_FY}–{MAX_FY}")


def _check_fy(fy: int, shown: str | None = None) -> None:
    if not MIN_FY <= fy <= MAX_FY:
        raise _range_error(shown if shown is not None else f"{fy}年度")


def _era_of_year(fy: int) -> str:
    """The era naming fiscal year ``fy`` (unchecked)."""
    return "令和" if fy >= 2019 else "平成" if fy >= 1989 else "昭和"


def _era_of_month(year: int, month: int) -> str:
    """The era of a calendar month: 令和 from 2019-05, 平成 from 1989-01."""
    ym = year * 12 + month - 1
    return "令和" if ym >= 2019 * 12 + 4 else "平成" if ym >= 1989 * 12 else "昭和"


def _era_number(n: int, gannen: bool) -> str:
    return "元" if n == 1 and gannen else str(n)


def era_of_fy(fy: int) -> tuple[str, int]:
    """The era name and era year of fiscal year ``fy``: 2023 → ("令和", 5), 2019 → ("令和", 1)."""
    _check_fy(fy)
    era = _era_of_year(fy)
    return era, fy - _ERA_BASE[era]


def format_fy(
    fy: int, style: YearStyle | str = YearStyle.WAREKI, *, first: bool = True, gannen: bool = True
) -> str:
    """Write fiscal year ``fy`` in ``style``.

    Era year 1 is written 元 when ``gannen`` (ALPHA always uses digits: R1). SHORT gives the
    full 令和4年度 when ``first``, otherwise 5年度 — except at an era change (the year whose
    era differs from the previous year's), which is written in full again (令和元年度).
    """
    style = YearStyle(style)
    era, n = era_of_fy(fy)
    num = _era_number(n, gannen)
    if style is YearStyle.SEIREKI:
        return f"{fy}年度"
    if style is YearStyle.ALPHA:
        return f"{_ERA_ALPHA[era]}{n}"
    if style is YearStyle.BOTH:
        return f"{era}{num}({fy})年度"
    if style is YearStyle.SEIREKI_WAREKI:
        return f"{fy}年度({era}{num}年度)"
    if style is YearStyle.SHORT and not first and _era_of_year(fy - 1) == era:
        return f"{num}年度"
    return f"{era}{num}年度"


def format_fy_header(
    fys: Sequence[int], style: YearStyle | str = YearStyle.WAREKI, *, gannen: bool = True
) -> list[str]:
    """Column headers for fiscal years ``fys``: the first in full, the rest per ``style``.

    In SHORT style a column is abbreviated (5年度) only when it follows a column of the
    same era with a smaller year; otherwise it is written in full, so the row reads back
    unambiguously with :func:`parse_fy_header`.
    """
    style = YearStyle(style)
    out: list[str] = []
    prev: int | None = None
    for fy in fys:
        era, n = era_of_fy(fy)
        if style is YearStyle.SHORT and prev is not None and prev < fy and _era_of_year(prev) == era:
            out.append(f"{_era_number(n, gannen)}年度")
        else:
            out.append(format_fy(fy, style, gannen=gannen))
        prev = fy
    return out


# --- reading -------------------------------------------------------------------------------

_KANJI_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_KANJI_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_RUN = re.compile("[〇○零一二三四五六七八九十]+")
_TRANSLATE = str.maketrans("[]{}【】〔〕〜−‐―–", "()()()()~----")


def _kanji_to_digits(match: re.Match[str]) -> str:
    run = match.group(0)
    if "十" not in run:
        return "".join(str(_KANJI_DIGITS[c]) for c in run)
    head, _, tail = run.partition("十")
    if len(head) > 1 or len(tail) > 1 or "十" in head + tail:
        return run  # not a number this module writes; left to fail as garbage
    return str((_KANJI_DIGITS[head] if head else 1) * 10 + (_KANJI_DIGITS[tail] if tail else 0))


def _normalize(text: str) -> str:
    """Full-width to ASCII, kanji numerals to digits, whitespace removed, letters upper-cased.

    Whitespace between two digits becomes ``/`` so that ``令和5 2023`` stays two numbers.
    """
    s = unicodedata.normalize("NFKC", str(text)).replace("四半期", "\0")
    s = _KANJI_RUN.sub(_kanji_to_digits, s).replace("\0", "四半期")
    s = re.sub(r"(?<=\d)\s+(?=\d)", "/", s)
    s = re.sub(r"\s+", "", s)
    return s.upper().translate(_TRANSLATE).replace("FY", "")


def _tok(i: int) -> str:
    era = "|".join(_ERA_NAMES)
    return (
        rf"(?:(?P<e{i}>{era})\.?(?P<n{i}>\d{{1,3}}|元)"
        rf"|(?P<w{i}>\d{{4}})|(?P<s{i}>\d{{1,3}}|元))"
    )


def _side(i: int) -> str:
    suffix = "(?:年度|年|度)?"
    return rf"(?P<o{i}>\()?{_tok(i)}{suffix}(?(o{i})\){suffix})"


# One year, or two for the same year (2023年度(R5), 令和5(2023)年度, 2021年度 令和3年度).
# Two numbers may touch only across a separator or a non-digit (20235 is not a pair).
_YEAR_RE = re.compile(rf"{_side(1)}(?:(?:[/・,、]|(?<!\d)|(?!\d)){_side(2)})?")


class _Part(NamedTuple):
    kind: str  # "era", "west" or "short"
    value: int  # western year; for "short" the era year
    era: str | None
    label: str  # as written, e.g. 令和5


def _part(m: re.Match[str], i: int, shown: str) -> _Part | None:
    era, num, west, short = (m.group(f"{g}{i}") for g in "enws")
    if west:
        return _Part("west", int(west), None, west)
    if num is None and short is None:
        return None
    text = num if num is not None else short
    n = 1 if text == "元" else int(text)
    if n == 0:
        raise FiscalYearError(f"「{shown}」の{(era or '') + text}年は正しい年ではありません",
                              f"{shown!r}: year {(era or '') + text!r} does not exist")
    if era:
        name = _ERA_NAMES[era]
        return _Part("era", _ERA_BASE[name] + n, name, f"{name}{text}")
    return _Part("short", n, None, text)


def _norm_era(hint: str | None) -> str | None:
    if hint is None:
        return None
    key = _normalize(hint).removesuffix("年度").removesuffix("年")
    if key not in _ERA_NAMES:
        raise FiscalYearError(f"「{_show(hint)}」は元号として認識できません", f"{_show(hint)!r} is not a known era")
    return _ERA_NAMES[key]


def _parse_year(s: str, shown: str, hint: str | None) -> tuple[int, str | None, bool]:
    """Read a normalized year ``s``: (western year, era if known, was it a short year)."""
    if not s:
        raise FiscalYearError("年度が空欄です" if not shown else f"「{shown}」には年度が書かれていません",
                              "The fiscal year is empty" if not shown else f"{shown!r} contains no fiscal year")
    m = _YEAR_RE.fullmatch(s)
    if m is None:
        raise FiscalYearError(f"「{shown}」を年度として読み取れません", f"{shown!r} cannot be read as a fiscal year")
    a, b = _part(m, 1, shown), _part(m, 2, shown)
    if a is None:  # pragma: no cover - the first year is not optional in _YEAR_RE
        raise FiscalYearError(f"「{shown}」を年度として読み取れません", f"{shown!r} cannot be read as a fiscal year")
    if b is None:
        if a.kind != "short":
            return a.value, a.era, False
        if hint is None:
            raise FiscalYearError(f"「{shown}」は元号がないため年度を特定できません（例: 令和5年度）",
                                  f"{shown!r} has no era, so the fiscal year is unknown (e.g. 令和5年度)")
        return _ERA_BASE[hint] + a.value, hint, True
    if a.kind == "short" and b.kind == "short":
        raise FiscalYearError(f"「{shown}」を年度として読み取れません", f"{shown!r} cannot be read as a fiscal year")
    if a.kind == "short":
        a, b = b, a
    era = a.era or b.era or _era_of_year(a.value)
    other = _ERA_BASE[era] + b.value if b.kind == "short" else b.value
    if other != a.value:
        eras = [p for p in (a, b) if p.era]
        detail = f"（{eras[0].label}年は{eras[0].value}年です）" if eras else ""
        raise FiscalYearError(f"「{shown}」は和暦と西暦が一致しません{detail}",
                              f"{shown!r}: the era year and the Western year differ")
    return a.value, era if (a.era or b.era) else None, False


def parse_fy(text: str, *, era_hint: str | None = None) -> int:
    """Read a fiscal year written in any :class:`YearStyle` (or a mix of two).

    Full-width characters, kanji numerals, 元, spaces and line breaks are accepted, and the
    suffix 年度/年/度 is optional. A year without era (5年度) needs ``era_hint``
    ("令和", "平成", "R" or "H"). Raises :class:`FiscalYearError` for unreadable text,
    inconsistent pairs (令和5(2024)年度) and years outside ``MIN_FY..MAX_FY``.
    """
    shown = _show(text)
    fy, _, _ = _parse_year(_normalize(text), shown, _norm_era(era_hint))
    _check_fy(fy, shown)
    return fy


def parse_fy_header(cells: Sequence[str], *, era_hint: str | None = None) -> list[int]:
    """Read a header row of fiscal years (令和4年度 5年度 6年度 …).

    A cell without era takes the era of the cell before it (or ``era_hint`` for the first).
    Where a short year would go backwards but the next era gives exactly the following year
    (平成30年度 元年度), the era rolls over.
    """
    era = _norm_era(era_hint)
    prev: int | None = None
    out: list[int] = []
    for col, cell in enumerate(cells, 1):
        shown = _show(cell)
        try:
            fy, found, short = _parse_year(_normalize(cell), shown, era)
            if short and era is not None and prev is not None and fy <= prev:
                n = fy - _ERA_BASE[era]
                for later in _ERA_ORDER[_ERA_ORDER.index(era) + 1 :]:
                    if _ERA_BASE[later] + n == prev + 1:
                        fy, found = prev + 1, later
                        break
            _check_fy(fy, shown)
        except FiscalYearError as exc:
            raise FiscalYearError(f"{col}列目: {exc.ja}", f"column {col}: {exc.en}") from None
        era = found or _era_of_year(fy)
        prev = fy
        out.append(fy)
    return out


# --- months ----------------------------------------------------------------------------------


def _check_month(month: int, shown: str | None = None) -> None:
    if not 1 <= month <= 12:
        raise FiscalYearError(f"「{shown or month}」の月は1〜12で指定してください",
                              f"{shown or month!r}: the month must be 1–12")


def month_index(fy: int, month: int) -> int:
    """The index of calendar month ``month`` (1..12) inside fiscal year ``fy``."""
    _check_month(month)
    return fy * 12 + (month - 4) % 12


def fy_of(index: int) -> int:
    """The fiscal year containing month ``index``."""
    return index // 12


def calendar_of(index: int) -> tuple[int, int]:
    """The calendar (year, month 1..12) of month ``index``."""
    fy, k = divmod(index, 12)
    return fy + (1 if k >= 9 else 0), (k + 3) % 12 + 1


def index_of_calendar(year: int, month: int) -> int:
    """The month index of calendar ``year``/``month``."""
    _check_month(month)
    return month_index(year if month >= 4 else year - 1, month)


def fy_start(fy: int) -> int:
    """The index of April of fiscal year ``fy``."""
    return fy * 12


def fy_end(fy: int) -> int:
    """The index of March closing fiscal year ``fy`` (inclusive)."""
    return fy * 12 + 11


def half_of(index: int) -> int:
    """0 for 上半期 (April–September), 1 for 下半期 (October–March)."""
    return index % 12 // 6


def quarter_of(index: int) -> int:
    """0..3; 第1四半期 is April–June."""
    return index % 12 // 3


def month_label(index: int) -> str:
    """The month alone, e.g. "4月"."""
    return f"{calendar_of(index)[1]}月"


def half_label(h: int) -> str:
    """The label of half ``h``: 上半期 for 0, 下半期 for 1."""
    if h not in (0, 1):
        raise FiscalYearError(f"半期「{h}」は0(上半期)か1(下半期)で指定してください",
                              f"Half {h!r} must be 0 (first half) or 1 (second half)")
    return _HALF_LABELS[h]


def quarter_label(q: int) -> str:
    """The label of quarter ``q`` (0..3): 第1四半期 … 第4四半期."""
    if q not in range(4):
        raise FiscalYearError(f"四半期「{q}」は0〜3で指定してください", f"Quarter {q!r} must be 0–3")
    return f"第{q + 1}四半期"


def format_month(index: int, style: YearStyle | str = YearStyle.WAREKI, *, gannen: bool = True) -> str:
    """Write month ``index`` with its calendar year.

    The era follows the calendar date: 2019-04 is 平成31年4月, 2019-05 令和元年5月.
    WAREKI and SHORT give 令和5年6月, SEIREKI 2023年6月, ALPHA R5.6, BOTH 令和5(2023)年6月,
    SEIREKI_WAREKI 2023年(令和5年)6月.
    """
    style = YearStyle(style)
    year, month = calendar_of(index)
    _check_fy(fy_of(index), f"{year}年{month}月")
    if style is YearStyle.SEIREKI:
        return f"{year}年{month}月"
    era = _era_of_month(year, month)
    n = year - _ERA_BASE[era]
    if style is YearStyle.ALPHA:
        return f"{_ERA_ALPHA[era]}{n}.{month}"
    num = _era_number(n, gannen)
    if style is YearStyle.BOTH:
        return f"{era}{num}({year})年{month}月"
    if style is YearStyle.SEIREKI_WAREKI:
        return f"{year}年({era}{num}年){month}月"
    return f"{era}{num}年{month}月"


_TAIL = "(?:末|初め|初旬|上旬|中旬|下旬|頃|中)?"
_FY_END = re.compile(r"(?P<y>.+?)年度末")
_FY_BEGIN = re.compile(r"(?P<y>.+?)年度(?:当初|初め|初頭|初)")
_YEAR_END = re.compile(r"(?P<y>.+?)年末")
_HALF = re.compile(r"(?P<y>.+?)(?P<h>上半期|上期|前半期|前半|下半期|下期|後半期|後半)")
_QUARTER = re.compile(r"(?P<y>.+?)(?:第(?P<q>\d)四半期|Q(?P<r>\d))")
_FY_MONTH = re.compile(rf"(?P<y>.+?年度)(?P<m>\d{{1,2}})月(?:\d{{1,2}}日)?{_TAIL}")
_CAL_MONTH = re.compile(
    rf"(?P<y>.+?)(?:[./-](?P<m>\d{{1,2}})月?|(?<=[年)])(?P<m2>\d{{1,2}})月)(?:\d{{1,2}}日)?{_TAIL}"
)


def _period(s: str, shown: str, hint: str | None) -> tuple[int, int, str | None]:
    """One period (no range): (start, end, era to carry to a following short year)."""

    def year(m: re.Match[str]) -> tuple[int, str | None]:
        y, era, _ = _parse_year(m.group("y"), shown, hint)
        return y, era or _era_of_year(y)

    if m := _FY_END.fullmatch(s):
        fy, era = year(m)
        return fy_end(fy), fy_end(fy), era
    if m := _FY_BEGIN.fullmatch(s):
        fy, era = year(m)
        return fy_start(fy), fy_start(fy), era
    if m := _YEAR_END.fullmatch(s):
        y, era = year(m)
        return index_of_calendar(y, 12), index_of_calendar(y, 12), era
    if m := _HALF.fullmatch(s):
        fy, era = year(m)
        start = fy_start(fy) + (0 if m.group("h") in ("上半期", "上期", "前半期", "前半") else 6)
        return start, start + 5, era
    if m := _QUARTER.fullmatch(s):
        q = int(m.group("q") or m.group("r"))
        if not 1 <= q <= 4:
            raise FiscalYearError(f"「{shown}」の四半期は第1〜第4四半期で指定してください",
                                  f"{shown!r}: the quarter must be the 1st to the 4th")
        fy, era = year(m)
        start = fy_start(fy) + (q - 1) * 3
        return start, start + 2, era
    if m := _FY_MONTH.fullmatch(s) or _CAL_MONTH.fullmatch(s):
        y, era = year(m)
        month = int(m.group("m") or m.group("m2"))
        _check_month(month, shown)
        index = month_index(y, month) if m.re is _FY_MONTH else index_of_calendar(y, month)
        return index, index, era
    fy, era, _ = _parse_year(re.sub(r"(?<=.)(?:中|内)$", "", s), shown, hint)  # 令和4年度(中)
    return fy_start(fy), fy_end(fy), era or _era_of_year(fy)


def parse_period(text: str, *, era_hint: str | None = None) -> tuple[int, int]:
    """Read a period as an inclusive (start, end) pair of month indexes.

    Accepts a fiscal year (令和5年度), a half (令和5年度上半期; 令和5(2023)年上半期 is read as
    the fiscal half), a quarter (令和5年度第2四半期, 2023Q2), a calendar month (令和5年6月,
    2023年6月, R5.6, 2023/6), a month of a fiscal year (令和5年度1月 = January 2024), the end
    of a fiscal year (令和7(2025)年度末 = March 2026 only), an optional trailing まで, and
    ranges joined by 〜 or から (令和3年11月から令和8年3月まで).
    """
    shown = _show(text)
    s = re.sub(r"(?:までに|まで|迄)$", "", _normalize(text))
    s = re.sub(r"(\d{4}年度?)\([^()]*\)", r"\1", s)  # 2025年度(令和7年度)末: the era in brackets repeats the year
    hint = _norm_era(era_hint)
    parts = re.split(r"~|から", s, maxsplit=1)
    start, end, era = _period(parts[0], shown, hint)
    if len(parts) == 2:
        _, end, _ = _period(parts[1], shown, era)
    for index in (start, end):
        _check_fy(fy_of(index), shown)
    if end < start:
        raise FiscalYearError(f"「{shown}」は終わりが始まりより前になっています", f"{shown!r} ends before it starts")
    return start, end


def format_deadline(
    fy: int, style: YearStyle | str = YearStyle.BOTH, *, end: bool = True, gannen: bool = True
) -> str:
    """A deadline: 令和7(2025)年度末まで, or 令和7(2025)年度まで when not ``end``.

    SHORT is written in full; ALPHA gets 年度 so the sentence reads (R7年度末まで).
    """
    style = YearStyle(style)
    text = format_fy(fy, style, gannen=gannen)
    if style is YearStyle.ALPHA:
        text += "年度"
    return f"{text}{'末' if end else ''}まで"


@lru_cache(maxsize=4096)
def month_to_index(text: str) -> int:
    """``"2023-06"`` → absolute month index (fiscal year × 12 + months since April).

    Cached: a plan repeats the same few dozen months across tens of thousands of bars.
    """
    m = MONTH_RE.match(text)
    if not m:
        raise ValueError(text)
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(text)
    fy = year if month >= 4 else year - 1
    return fy * 12 + (month - 4) % 12


@lru_cache(maxsize=4096)
def index_to_month(index: int) -> str:
    """Absolute month index → ``"YYYY-MM"`` (cached, like :func:`month_to_index`)."""
    fy, k = divmod(index, 12)
    month = (k + 3) % 12 + 1
    year = fy if month >= 4 else fy + 1
    return f"{year:04d}-{month:02d}"
