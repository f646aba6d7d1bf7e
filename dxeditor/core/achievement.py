"""The yearly review's pure rules: the rating scale and the KPI achievement rate (達成率).

Achievement rate of a KPI in a fiscal year, from its baseline (基準値), the year's target
(目標値; the yearly path when one is set, else the final target) and the actual (実績値)::

    rate = (actual − baseline) / (target − baseline)

1.0 means the target is met, 0 means no move from the baseline, a negative rate a move
away from it. A "lower is better" KPI (待ち時間, 紙の申請件数) needs nothing special: both
differences are negative, so the same formula gives the same meaning. Without a baseline
(or when the target equals the baseline) the rate falls back to ``actual / target``, and
for a lower-is-better KPI to ``target / actual``. A KPI whose target is a sentence
(text-only KPI) has no rate: ``None``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

DEFAULT_RATINGS: tuple[tuple[str, str, str], ...] = (
    # key, name, colour (light enough that black text stays legible; distinct in grey too)
    ("A", "順調", "#b7e1b0"),
    ("B", "概ね順調", "#dcecb0"),
    ("C", "遅れ", "#f7d08a"),
    ("D", "未着手・中止", "#e8a0a0"),
)
#: Ratings that mark a row as late on the schedule (the last two of the default scale).
LATE_DEFAULT = ("C", "D")
MAX_RATINGS = 9


@dataclass(frozen=True)
class Rating:
    """One step of the plan's rating scale."""

    key: str
    name: str
    color: str


@dataclass(frozen=True)
class RatingScale:
    """The plan's rating scale, best first; the last half counts as late (C/D by default)."""

    ratings: tuple[Rating, ...]

    @classmethod
    def default(cls) -> RatingScale:
        return cls(tuple(Rating(*r) for r in DEFAULT_RATINGS))

    @classmethod
    def from_json(cls, text: str) -> RatingScale:
        """The scale stored in the plan (``""`` or unreadable text = the default scale)."""
        if not text:
            return cls.default()
        try:
            data = json.loads(text)
            ratings = tuple(Rating(str(r["key"]), str(r.get("name", "")), str(r.get("color", "#ffffff")))
                            for r in data)
        except (ValueError, TypeError, KeyError):
            return cls.default()
        return cls(ratings) if ratings else cls.default()

    def to_json(self) -> str:
        return json.dumps([{"key": r.key, "name": r.name, "color": r.color} for r in self.ratings],
                          ensure_ascii=False)

    @property
    def keys(self) -> list[str]:
        return [r.key for r in self.ratings]

    def get(self, key: str) -> Rating | None:
        for r in self.ratings:
            if r.key == key:
                return r
        return None

    def label(self, key: str) -> str:
        """``A 順調`` for a key, the key itself when the scale does not know it."""
        r = self.get(key)
        return f"{r.key} {r.name}" if r else key

    def is_late(self, key: str) -> bool:
        """True for the worse half of the scale (C and D of the default A–D)."""
        keys = self.keys
        if key not in keys:
            return False
        return keys.index(key) >= (len(keys) + 1) // 2

    def parse(self, text: str) -> str | None:
        """What a person typed (``a``, ``Ａ``, ``A 順調``, ``順調``) → a key, ``""`` for blank, None if unknown."""
        import unicodedata

        t = unicodedata.normalize("NFKC", str(text)).strip()
        if not t:
            return ""
        for r in self.ratings:
            if t.upper() == r.key.upper() or t == r.name or t == f"{r.key} {r.name}" or t == f"{r.key}{r.name}":
                return r.key
        first = t.split()[0].upper()
        for r in self.ratings:
            if first == r.key.upper():
                return r.key
        return None


def achievement_rate(baseline: float | None, target: float | None, actual: float | None,
                     *, lower_is_better: bool = False) -> float | None:
    """The achievement rate (see the module docstring); None when it cannot be computed."""
    if target is None or actual is None:
        return None
    if baseline is not None and target != baseline:
        return (actual - baseline) / (target - baseline)
    if lower_is_better:
        return None if actual == 0 else target / actual
    return None if target == 0 else actual / target


def format_rate(rate: float | None) -> str:
    """``85.0%`` or ``―`` (no rate)."""
    return "―" if rate is None else f"{rate * 100:.1f}%"


def trend_mark(previous: float | None, current: float | None, *, lower_is_better: bool = False) -> str:
    """▲ (better than last year), ▼ (worse), → (same) or "" (no comparison)."""
    if previous is None or current is None:
        return ""
    if current == previous:
        return "→"
    better = current < previous if lower_is_better else current > previous
    return "▲" if better else "▼"


def rating_scale_in(scale: list[dict[str, Any]] | None) -> str:
    """The JSON rating scale as the plan stores it ("" = the default scale)."""
    if not scale:
        return ""
    return json.dumps([{"key": r["key"], "name": r.get("name", ""), "color": r.get("color", "")} for r in scale],
                      ensure_ascii=False)


def rating_scale_out(text: str) -> list[dict[str, Any]]:
    """The stored rating scale as JSON objects ([] = the default scale)."""
    if not text:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [{"key": str(r.get("key", "")), "name": str(r.get("name", "")), "color": str(r.get("color", ""))}
            for r in data if isinstance(r, dict)] if isinstance(data, list) else []
