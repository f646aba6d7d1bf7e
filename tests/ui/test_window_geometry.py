"""Issue 15 item 6: the window opens sized to the screen, and the name column stays readable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from dxeditor.ui.main_window import MainWindow
from dxeditor.ui.settings import Settings
from dxeditor.ui.window_geometry import fits, name_column_width, opening_rect

ROOT = Path(__file__).resolve().parents[2]

# Run by the real program's classes under Xvfb: where the parts a user needs lie on the screen.
PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QPoint, QRect, QTimer
    from dxeditor.ui.app import make_app
    app = make_app([])
    from dxeditor.cli import open_template
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.undo import DocumentController
    from PySide6.QtWidgets import QScrollBar, QTabBar
    w = MainWindow(DocumentController(open_template("demo")))
    w.show()

    def rect(widget):
        top_left = widget.mapToGlobal(QPoint(0, 0))
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    def probe():
        sched = w.schedule_view
        bars = [b for b in sched.findChildren(QScrollBar) if b.orientation().name == "Horizontal" and b.isVisible()]
        tabs = [t for t in w.findChildren(QTabBar) if t.isVisible()]
        legend = getattr(sched, "legend", None)
        parts = {"window": rect(w), "status": rect(w.statusBar()), "tabs": [rect(t) for t in tabs],
                 "hbar": [rect(b) for b in bars], "legend": rect(legend) if legend is not None else None,
                 "close": rect(w.detail_dock)}
        s = w.screen().availableGeometry()
        fm = w.outline_view.fontMetrics()
        print(json.dumps({"screen": [s.x(), s.y(), s.width(), s.height()], "parts": parts,
                          "name": w.outline_view.columnWidth(1), "char": fm.horizontalAdvance("名")}))
        w._forced_dirty = False
        w.close()
        app.quit()

    QTimer.singleShot(800, probe)
    app.exec()
""")


def _on_screen(rect: list[int], screen: list[int]) -> bool:
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return w > 0 and h > 0 and sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb")
@pytest.mark.parametrize("scale", ["1", "2"])
def test_at_1366x768_every_part_is_on_screen(tmp_path: Path, scale: str) -> None:
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": scale,
           "DXEDITOR_SETTINGS_DIR": str(tmp_path / "settings"), "DXEDITOR_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT)}
    out = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(script)],
                         capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    assert lines, out.stderr[-2000:]
    got = json.loads(lines[-1])
    screen, parts = got["screen"], got["parts"]
    assert _on_screen(parts["window"], screen), got
    for name in ("status", "close", "legend"):
        assert parts[name] is not None and _on_screen(parts[name], screen), (name, got)
    assert parts["tabs"] and all(_on_screen(r, screen) for r in parts["tabs"]), got
    assert parts["hbar"] and all(_on_screen(r, screen) for r in parts["hbar"]), got
    assert got["name"] >= 8 * got["char"], got  # 名称 keeps at least eight characters, at any scale


def test_opening_rect_and_fit() -> None:
    small = QRect(0, 0, 1366, 728)
    rect, maximise = opening_rect(small)
    assert maximise and small.contains(rect)
    rect, maximise = opening_rect(QRect(0, 0, 1920, 1040))
    assert not maximise and (rect.width(), rect.height()) == (1728, 936) and rect.center() == QRect(
        0, 0, 1920, 1040).center()
    assert fits(QRect(10, 10, 800, 600), small) and not fits(QRect(0, 0, 1400, 860), small)


def test_remembered_geometry_used_only_when_it_fits(qtbot, controller, messages) -> None:
    screen = QApplication.primaryScreen().availableGeometry()
    first = MainWindow(controller)
    qtbot.addWidget(first)
    first.setGeometry(QRect(screen.x() + 5, screen.y() + 5, screen.width() + 600, screen.height() + 400))
    Settings().set_geometry("geometry", first.saveGeometry())
    first._closed = True  # the saved (too large) geometry stays as it is
    second = MainWindow(controller, Settings())
    qtbot.addWidget(second)
    assert fits(second.frameGeometry(), screen) or second.windowState() & second.windowState().WindowMaximized
    assert second.width() <= screen.width() and second.height() <= screen.height()
    fm = second.outline_view.fontMetrics()
    assert second.outline_view.minimumWidth() >= min(name_column_width(fm), screen.width() // 2)
    for w in (first, second):
        w._forced_dirty = False
