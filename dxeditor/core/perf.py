"""Helpers for the few code paths that build many objects at once (opening a 10,000-row plan)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building a large object graph.

    Building the plan view and the outline tree allocates some 100,000 objects; the collector
    would walk all of them several times over (about a third of the time to open a
    10,000-row plan). Reference counting still frees everything; the collector resumes after.
    Nested use is fine: only the outermost level turns it back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
