"""The canonical text of a JSON plan: two-space indent, readable Japanese, written fast.

``dumps`` gives exactly ``json.dumps(data, ensure_ascii=False, indent=2) + "\\n"`` but lets
CPython's C encoder write every flat object or array in one call; the standard library
drops to its pure-Python encoder for the whole document whenever ``indent`` is set.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import IO, Any


class Lazy:
    """A JSON array whose items are made while it is written (an export that streams).

    ``make`` returns a fresh iterator over the items; ``count`` says how many there are.
    """

    def __init__(self, make: Callable[[], Iterator[Any]], count: int) -> None:
        self.make = make
        self.count = count

    def __iter__(self) -> Iterator[Any]:
        return self.make()

    def __len__(self) -> int:
        return self.count


def dump(data: dict[str, Any], fh: IO[str]) -> None:
    """Write the canonical text form of ``data`` to the text file ``fh`` piece by piece.

    The same text as :func:`dumps`, without ever holding it whole: with :class:`Lazy`
    arrays the plan itself is read while it is written.
    """
    start = fh.tell()
    try:
        if c_make_encoder is None:  # pragma: no cover - CPython always has the C encoder
            raise _NotPlain
        _write_value(data, 0, fh.write, [])
        fh.write("\n")
    except _NotPlain:
        fh.seek(start)
        fh.truncate()
        fh.write(json.dumps(_materialised(data), ensure_ascii=False, indent=2) + "\n")


def _materialised(o: Any) -> Any:
    if isinstance(o, Lazy):
        return [_materialised(v) for v in o]
    if type(o) is dict:
        return {k: _materialised(v) for k, v in o.items()}
    if type(o) is list:
        return [_materialised(v) for v in o]
    return o


def dumps(data: dict[str, Any]) -> str:
    """The canonical text form (UTF-8, readable Japanese, two-space indent, trailing newline).

    Exactly ``json.dumps(data, ensure_ascii=False, indent=2) + "\n"``, about three times
    faster: the standard library falls back to its pure-Python encoder whenever ``indent`` is
    given; here every object or array holding only strings, numbers, booleans and nulls (bars,
    milestones, text items …: most of a plan) is written by the C encoder in one call.
    """
    try:
        return _indented(data) + "\n"
    except _NotPlain:
        return json.dumps(_materialised(data), ensure_ascii=False, indent=2) + "\n"


class _NotPlain(Exception):
    """A value the fast writer leaves to the standard library (tuples, subclasses, non-string keys)."""


_SCALARS = frozenset({str, int, float, bool, type(None)})


#: Per depth: the opening newline and indent, the separator, the closing newline and indent,
#: a C encoder whose item separator indents one level deeper, and the key prefixes (with the
#: opening or the separator before them) of the first and of the following keys.
_Level = tuple[str, str, str, Any, dict[str, str], dict[str, str]]


def _indented(data: Any) -> str:
    if c_make_encoder is None:  # pragma: no cover - CPython always has the C encoder
        raise _NotPlain
    out: list[str] = []
    _write_value(data, 0, out.append, [])
    return "".join(out)


def _level(levels: list[_Level], depth: int) -> _Level:
    while len(levels) <= depth:
        inner = "\n" + "  " * (len(levels) + 1)
        levels.append((inner, "," + inner, "\n" + "  " * len(levels),
                       c_make_encoder(None, None, encode_basestring, None, ": ", "," + inner, False, False, True),
                       {}, {}))
    return levels[depth]


def _write_value(o: Any, depth: int, w: Any, levels: list[_Level],
                 scalars: frozenset[Any] = _SCALARS, quote: Any = encode_basestring) -> None:
    t = type(o)
    if t is dict:
        if not o:
            w("{}")
            return
        inner, sep, close, leaf, first_keys, next_keys = levels[depth] if depth < len(levels) else _level(levels,
                                                                                                           depth)
        for v in o.values():
            if type(v) not in scalars:
                break
        else:  # strings, numbers, booleans and nulls only: one call of the C encoder
            w("{" + inner + leaf(o, 0)[0][1:-1] + close + "}")
            return
        keys, pre = first_keys, "{" + inner
        for k, v in o.items():
            prefix = keys.get(k)
            if prefix is None:
                if type(k) is not str:
                    raise _NotPlain
                prefix = keys[k] = pre + quote(k) + ": "
            tv = type(v)
            if tv is str:
                w(prefix + quote(v))
            elif tv in scalars:
                w(prefix + leaf(v, 0)[0])
            else:
                w(prefix)
                _write_value(v, depth + 1, w, levels)
            keys, pre = next_keys, sep
        w(close + "}")
    elif t is list:
        if not o:
            w("[]")
            return
        inner, sep, close, leaf, _first, _next = levels[depth] if depth < len(levels) else _level(levels, depth)
        if type(o[0]) in scalars:
            for v in o:
                if type(v) not in scalars:
                    break
            else:
                w("[" + inner + leaf(o, 0)[0][1:-1] + close + "]")
                return
        pre = "[" + inner
        for v in o:
            if type(v) in scalars:
                w(pre + leaf(v, 0)[0])
            else:
                w(pre)
                _write_value(v, depth + 1, w, levels)
            pre = sep
        w(close + "]")
    elif t is Lazy:
        if not o.count:
            w("[]")
            return
        inner, sep, close = (levels[depth] if depth < len(levels) else _level(levels, depth))[:3]
        pre = "[" + inner
        for v in o:
            w(pre)
            _write_value(v, depth + 1, w, levels)
            pre = sep
        w(close + "]")
    elif t in scalars:
        w(_level(levels, depth)[3](o, 0)[0])
    else:
        raise _NotPlain
