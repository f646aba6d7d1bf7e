"""Automatic numbers of sections and initiatives in the plan's numbering style."""

from __future__ import annotations

from collections.abc import Sequence

STYLES = ("paren", "circled", "hier", "plain", "none")
STYLE_NAMES = {"paren": "(1)", "circled": "①", "hier": "1-1", "plain": "1.", "none": "なし"}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"


def circled(n: int) -> str:
    """①…㊿ for 1–50, then (51)."""
    return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"({n})"


def format_number(style: str, n: int, parents: Sequence[int] = ()) -> str:
    """The label of the ``n``-th item (1-based); ``parents`` are the enclosing numbers for ``hier``."""
    if style == "none":
        return ""
    if style == "circled":
        return circled(n)
    if style == "hier":
        return "-".join(str(x) for x in (*parents, n))
    if style == "plain":
        return f"{n}."
    return f"({n})"
