"""Automatic numbers of sections and initiatives in the plan's numbering style.

The one place that decides a number: the read model (outline, detail form, PDF) and the
workbook view both number through :class:`Numberer`, so every view of a plan shows the
same ① or (3) for the same initiative.

A plan's ``numbering_style`` is a glyph style, optionally followed by how far a count runs:
``"circled"`` (①②③), ``"paren/plan"`` …  ``/section`` restarts at 1 in every section
(the national plan's 重点取組事項 ①〜⑥, あわせて取り組む ①〜③), ``/plan`` counts on through
the whole plan (小樽市: (1)…(10) over three policies). Without a suffix circled numbers
restart per section and the others count on, as the published plans do.
"""

from __future__ import annotations

from collections.abc import Sequence

GLYPHS = ("paren", "circled", "hier", "plain", "none")
SCOPED = ("paren", "circled", "plain")  # the glyphs whose count may run per section or per plan
STYLES = (*GLYPHS, *(f"{g}/{s}" for g in SCOPED for s in ("section", "plan")))
STYLE_NAMES = {"paren": "(1)", "circled": "①", "hier": "1-1", "plain": "1.", "none": "なし"}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"


def circled(n: int) -> str:
    """①…㊿ for 1–50, then (51)."""
    return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"({n})"


def split_style(style: str) -> tuple[str, bool]:
    """``(glyph, restarts_per_section)`` of a stored numbering style (unknown glyphs read as paren)."""
    glyph, _, scope = (style or "paren").partition("/")
    if glyph not in GLYPHS:
        glyph = "paren"
    if glyph == "hier":
        return glyph, True
    if scope in ("section", "plan"):
        return glyph, scope == "section"
    return glyph, glyph == "circled"


def join_style(glyph: str, per_section: bool) -> str:
    """The stored style for a glyph and a scope; the plain glyph name where that is its default."""
    if glyph not in SCOPED:
        return glyph
    return glyph if split_style(glyph)[1] == per_section else f"{glyph}/{'section' if per_section else 'plan'}"


def format_number(style: str, n: int, parents: Sequence[int] = ()) -> str:
    """The label of the ``n``-th item (1-based); ``parents`` are the enclosing numbers for ``hier``."""
    glyph = split_style(style)[0]
    if glyph == "none":
        return ""
    if glyph == "circled":
        return circled(n)
    if glyph == "hier":
        return "-".join(str(x) for x in (*parents, n))
    if glyph == "plain":
        return f"{n}."
    return f"({n})"


class Numberer:
    """Numbers a plan walked in document order: loose initiatives first, then sections depth first.

    ``section`` and ``initiative`` take the item's own label (``number_label``), which wins
    when set; an unlabelled item still counts, so the next one continues from it.
    """

    def __init__(self, style: str) -> None:
        self.glyph, self.per_section = split_style(style)
        self.style = style
        self._count = 0

    def section(self, n: int, depth: int, parents: Sequence[int], label: str = "") -> str:
        """The number of the ``n``-th section under ``parents`` (top level: 1, 2, 3 …)."""
        if label:
            return label
        if self.glyph == "hier":
            return format_number("hier", n, parents)
        return str(n) if depth == 0 else format_number(self.glyph, n)

    def initiative(self, n_in_section: int, parents: Sequence[int], label: str = "") -> str:
        """The number of the ``n_in_section``-th initiative of the section numbered ``parents``."""
        self._count += 1
        if label:
            return label
        if self.glyph == "hier":
            return format_number("hier", n_in_section, parents)
        return format_number(self.glyph, n_in_section if self.per_section else self._count)


def sample(style: str) -> list[str]:
    """Three example numbers for a settings dialog: 1st and 2nd of one section, 1st of the next."""
    num = Numberer(style)
    return [num.initiative(1, [1]), num.initiative(2, [1]), num.initiative(1, [2])]
