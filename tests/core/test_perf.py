"""gc_paused: the collector is off inside, back on after (also after an error, and when nested)."""

from __future__ import annotations

import gc

import pytest

from dxeditor.core.perf import gc_paused


def test_gc_paused_nests_and_restores_after_errors():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner level does not turn it back on
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()
