"""The Qt binding itself: a known-bad PySide6 release must not be installed.

PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to ``None`` on every call of a
void C++ method; after some tens of thousands of calls (a PDF preview, a long editing
session) the interpreter dies with "Fatal Python error: none_dealloc". pyproject pins
``<6.12``; this test catches the leak in whatever binding is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF


def test_void_qt_calls_keep_none_refcount_stable():
    rect = QRectF(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(2000):
        rect.setX(float(i % 7))  # a void method: returns None
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"None lost {before - after} references over 2000 void calls"
