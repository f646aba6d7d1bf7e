"""Imports at start-up without PySide6's source scan of every module.

Once PySide6 is imported it wraps ``__import__``: after each new module it reads the module's
whole source (``inspect.getsource``) to find out whether it uses PySide6, for its opt-in
``from __feature__ import snake_case, true_property``. Start-up imports a few hundred modules
after PySide6 (SQLAlchemy, the plan and store layers, the window's modules), and the scan
costs some 70 ms of a start from source (in the frozen program, where PyInstaller's runtime
hook imports PySide6 first, a failed look for each source file instead).

dxeditor never selects a ``__feature__``, so every module reads Qt's names as they are; a
module the scan skips is marked "ignore" (-1) instead of "no feature" (0), which makes no
difference while no module selects one. An explicit ``from __feature__ import …`` is still
handled by PySide6 (it does not go through the scan).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

#: PySide6's module holding the scan (``shibokensupport.feature``, also ``PySide6.support.feature``).
FEATURE_MODULE = "shibokensupport.feature"


@contextmanager
def without_feature_scan() -> Iterator[None]:
    """Within the block, modules imported for the first time are not scanned; as before afterwards.

    Does nothing when PySide6 is not imported yet or has no such scan (another version).
    """
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        yield
        return
    feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]
    try:
        yield
    finally:
        feature._mod_uses_pyside = original  # type: ignore[attr-defined]


def _uses_no_feature(_module: object) -> bool:
    return False
