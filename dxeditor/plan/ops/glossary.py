"""The glossary (用語解説): terms with readings, sorted in kana order and grouped 【A～】【あ～】【か～】….

Terms that begin with a Latin letter or a digit form the 【A～】 group (sorted by the term,
ignoring case and width); all others are grouped by the kana row of their reading (the
term itself when it is written in kana) and sorted in dictionary order: voiced and small
kana sort as their plain forms, a long-vowel mark as the vowel it lengthens. Terms with
neither a kana reading nor a Latin initial go to 【その他】 at the end.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from dxeditor.core.errors import ValidationError
from dxeditor.plan.changes import Recorder, row_dict
from dxeditor.store import models as m

TABLES: dict[str, Table] = dict(m.Base.metadata.tables)
T = TABLES["glossary"]
MAX_TERM = 500
MAX_DESCRIPTION = 200_000
LATIN = "A"
OTHER = "他"
ROWS = "あかさたなはまやらわ"
_ROW_OF: dict[str, str] = {}
for _row, _chars in zip(ROWS, ("あいうえおぁぃぅぇぉゔ", "かきくけこがぎぐげごゕゖ", "さしすせそざじずぜぞ",
                              "たちつてとだぢづでどっ", "なにぬねの", "はひふへほばびぶべぼぱぴぷぺぽ", "まみむめも",
                              "やゆよゃゅょ", "らりるれろ", "わをんゎゐゑ"), strict=True):
    for _c in _chars:
        _ROW_OF[_c] = _row
_SMALL = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_VOWEL = {}
for _v, _chars in zip("あいうえお", ("あかさたなはまやらわがざだばぱぁゃゎ", "いきしちにひみりゐぎじぢびぴぃ",
                                   "うくすつぬふむゆるぐずづぶぷぅゅゔっ", "えけせてねへめれゑげぜでべぺぇ",
                                   "おこそとのほもよろをごぞどぼぽぉょ"), strict=True):
    for _c in _chars:
        _VOWEL[_c] = _v


@dataclass(frozen=True)
class TermView:
    """A glossary term as listed: its group key ("A", "あ" … "わ", "他")."""

    id: int
    term: str
    reading: str
    description: str
    group: str


def _to_hiragana(text: str) -> str:
    """NFKC (half-width katakana → full-width, full-width Latin → ASCII), katakana → hiragana."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def _is_kana(c: str) -> bool:
    return "ぁ" <= c <= "ゖ" or c in "ーゝゞ"


def reading_key(reading: str) -> tuple[str, str]:
    """A sort key in Japanese dictionary order: (plain form, exact form).

    Katakana and half-width kana read as hiragana; voiced (が), semi-voiced (ぱ) and small
    (ゃ) kana sort as their plain forms first, then plain < voiced < semi-voiced; ー takes the
    vowel of the kana before it (おーぷん = おおぷん); Latin letters ignore case.
    """
    text = _to_hiragana(reading).lower()
    text = "".join(text.split())
    plain: list[str] = []
    exact: list[str] = []
    for c in text:
        if c == "ー" and plain:
            prev = plain[-1]
            c = _VOWEL.get(prev, prev)
            plain.append(c)
            exact.append(c)
            continue
        base = unicodedata.normalize("NFD", c)[0] if _is_kana(c) else c
        plain.append(base.translate(_SMALL))
        exact.append(c)
    return "".join(plain), "".join(exact)


def suggest_reading(term: str) -> str:
    """The reading of a term written in kana (カタカナ → ひらがな); "" when the term has other characters."""
    text = "".join(_to_hiragana(term).split())
    text = text.replace("・", "").replace("゠", "")
    if text and all(_is_kana(c) for c in text):
        return text
    return ""


def group_of(term: str, reading: str = "") -> str:
    """The group key of a term: "A" (Latin letter or digit first), a kana row あ…わ, or "他"."""
    first = unicodedata.normalize("NFKC", term.strip())[:1]
    if first.isascii() and first.isalnum():
        return LATIN
    source = (reading or "").strip() or term
    head = _to_hiragana(source.strip())[:1]
    head = unicodedata.normalize("NFD", head)[:1] if head else ""
    return _ROW_OF.get(head, OTHER)


def group_label(group: str) -> str:
    """【A～】, 【あ～】 …, 【その他】."""
    if group == OTHER:
        return "【その他】"
    return f"【{group}～】"


def _order(group: str) -> int:
    return 0 if group == LATIN else 1 + ROWS.index(group) if group in ROWS else 99


_GROUP_AT = {_order(g): g for g in (LATIN, *ROWS, OTHER)}


def sort_key(v: TermView) -> tuple[Any, ...]:
    """Group order, then reading order (the term's letters in the 【A～】 group)."""
    if v.group == LATIN:
        key = reading_key(v.term)
    else:
        key = reading_key(v.reading or suggest_reading(v.term) or v.term)
    return _order(v.group), key, v.term, v.id


def list_terms(conn: Connection, text: str = "") -> list[TermView]:
    """Every term in glossary order; with ``text``, only those whose term, reading or description contain it."""
    needle = unicodedata.normalize("NFKC", text).strip().lower()
    kana_needle = _to_hiragana(needle)
    out = []
    for r in conn.execute(select(T)):
        if needle:
            hay = " ".join(unicodedata.normalize("NFKC", x or "").lower() for x in (r.term, r.reading, r.description))
            if needle not in hay and kana_needle not in _to_hiragana(hay):
                continue
        out.append(TermView(r.id, r.term, r.reading, r.description, group_of(r.term, r.reading)))
    return sorted(out, key=sort_key)


def grouped_terms(conn: Connection, text: str = "") -> list[tuple[str, list[TermView]]]:
    """The terms under their group labels, both in order: [("【A～】", [...]), ("【あ～】", [...]) …]."""
    out: list[tuple[str, list[TermView]]] = []
    for v in list_terms(conn, text):
        label = group_label(v.group)
        if not out or out[-1][0] != label:
            out.append((label, []))
        out[-1][1].append(v)
    return out


def collate(terms: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Glossary entries given as dicts (term, reading, description) grouped and sorted exactly as
    :func:`list_terms` orders them: the one collation of the editor, the booklet and the workbook."""
    keyed = []
    for i, t in enumerate(terms):
        term, reading = t.get("term") or "", t.get("reading") or ""
        keyed.append((sort_key(TermView(i, term, reading, t.get("description") or "", group_of(term, reading))), t))
    keyed.sort(key=lambda x: x[0])
    out: list[tuple[str, list[dict[str, Any]]]] = []
    for key, t in keyed:
        label = group_label(_GROUP_AT[key[0]])
        if not out or out[-1][0] != label:
            out.append((label, []))
        out[-1][1].append(t)
    return out


def printed_term(term: str, reading: str, description: str = "") -> str:
    """The term as a glossary prints it: with its reading in katakana after a term that has Latin
    letters (「GovTech東京（ガブテック）」 style), unless the description already gives it."""
    reading = (reading or "").strip()
    if not reading or not any(c.isascii() and c.isalpha() for c in term):
        return term
    kana = "".join(unicodedata.normalize("NFKC", reading).split())
    if not kana or not all(_is_kana(c) or "ァ" <= c <= "ヶ" or c in "・ー" for c in kana):
        return term
    kata = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in kana)
    if kata in unicodedata.normalize("NFKC", description or ""):
        return term
    return f"{term}（{kata}）"


# --- changes --------------------------------------------------------------------------------


def _clean(term: str, reading: str, description: str) -> tuple[str, str, str]:
    term = " ".join((term or "").split())
    if not term:
        raise ValidationError("用語を入力してください（空にはできません）。", "The term cannot be empty.")
    if len(term) > MAX_TERM:
        raise ValidationError(f"用語が長すぎます（{len(term):,} 文字、上限 {MAX_TERM} 文字）。",
                              f"The term is too long ({len(term):,} characters; at most {MAX_TERM}).")
    reading = " ".join((reading or "").split())
    if len(reading) > MAX_TERM:
        raise ValidationError(f"よみが長すぎます（上限 {MAX_TERM} 文字）。", f"The reading is too long (at most {MAX_TERM}).")
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise ValidationError(f"説明が長すぎます（{len(description):,} 文字、上限 {MAX_DESCRIPTION:,} 文字）。",
                              f"The description is too long (at most {MAX_DESCRIPTION:,} characters).")
    return term, reading, description


def _check_unique(conn: Connection, term: str, exclude: int | None = None) -> None:
    key = unicodedata.normalize("NFKC", term).casefold()
    for r in conn.execute(select(T.c.id, T.c.term)):
        if r.id != exclude and unicodedata.normalize("NFKC", r.term).casefold() == key:
            raise ValidationError(f"用語「{r.term}」は既に登録されています。", f"The term {r.term} already exists.")


def add_term(rec: Recorder, term: str, reading: str = "", description: str = "") -> int:
    """Add a term; an empty reading is filled from a kana term. Returns its id."""
    term, reading, description = _clean(term, reading, description)
    _check_unique(rec.conn, term)
    return rec.insert(T, term=term, reading=reading or suggest_reading(term), description=description)


def update_term(rec: Recorder, term_id: int, *, term: str | None = None, reading: str | None = None,
                description: str | None = None) -> bool:
    """Change a term's text, reading or description (None leaves a field as it is)."""
    row = row_dict(rec.conn, T, term_id)
    if row is None:
        raise ValidationError("用語が見つかりません（削除されています）。", "The term no longer exists.")
    new = _clean(row["term"] if term is None else term, row["reading"] if reading is None else reading,
                 row["description"] if description is None else description)
    if new[0] != row["term"]:
        _check_unique(rec.conn, new[0], exclude=term_id)
    return rec.update(T, term_id, term=new[0], reading=new[1], description=new[2])


def delete_term(rec: Recorder, term_id: int) -> None:
    """Delete a term."""
    if row_dict(rec.conn, T, term_id) is None:
        raise ValidationError("用語が見つかりません（削除されています）。", "The term no longer exists.")
    rec.delete(T, term_id)
