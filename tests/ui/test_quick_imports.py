"""Start-up imports skip PySide6's source scan of each new module, and only within the block."""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  # the scan exists once PySide6 is imported
import pytest

from dxeditor.ui.quick_imports import FEATURE_MODULE, without_feature_scan


def _module(folder: Path, name: str) -> str:
    (folder / f"{name}.py").write_text("from PySide6.QtCore import QObject\n\nVALUE = QObject\n", encoding="utf-8")
    return name


def test_modules_imported_within_are_not_scanned_and_the_scan_returns_after(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules[FEATURE_MODULE]
    original = feature._mod_uses_pyside
    monkeypatch.syspath_prepend(str(tmp_path))
    inside, outside = _module(tmp_path, "dx_quick_inside"), _module(tmp_path, "dx_quick_outside")
    scanned: list[str] = []
    monkeypatch.setattr(feature, "_mod_uses_pyside", lambda m: scanned.append(m.__name__) or original(m))
    try:
        with without_feature_scan():
            module = __import__(inside)  # through builtins.__import__, which PySide6 wraps
            assert module.VALUE.__name__ == "QObject"  # Qt's names read as usual
        assert inside not in scanned and feature.pyside_feature_dict[inside] == -1  # "ignore": no feature
        __import__(outside)
        assert outside in scanned and feature.pyside_feature_dict[outside] == 0  # scanned again after the block
    finally:
        for name in (inside, outside):
            sys.modules.pop(name, None)
            feature.pyside_feature_dict.pop(name, None)


def test_the_scan_returns_when_the_block_fails() -> None:
    feature = sys.modules[FEATURE_MODULE]
    original = feature._mod_uses_pyside
    with pytest.raises(RuntimeError), without_feature_scan():
        assert feature._mod_uses_pyside is not original
        raise RuntimeError("planted")
    assert feature._mod_uses_pyside is original


def test_without_pyside6_or_its_scan_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, FEATURE_MODULE)
    with without_feature_scan():
        pass
    monkeypatch.setitem(sys.modules, FEATURE_MODULE, object())  # a PySide6 without the scan: nothing is set on it
    with without_feature_scan():
        pass
