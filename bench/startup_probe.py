"""Start-up timing: the floor (a bare PySide6 window) and a timer for any start command.

Run as a script (``python bench/startup_probe.py``) it is the floor: QApplication and an
empty QMainWindow shown, ``first-paint`` printed after the window's first paint event,
then exit. The program under test does the same when ``DXEDITOR_EXIT_AFTER_FIRST_PAINT=1``.
:func:`time_start` spawns a command and measures wall time from spawn to that line.
"""

from __future__ import annotations

import os
import selectors
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from typing import Any

FIRST_PAINT = "first-paint"
#: Printed by the program when its start-up splash has painted (before the main window).
SPLASH_PAINT = "splash-paint"
#: Seconds a program may take to exit after printing ``first-paint`` before it is killed.
EXIT_GRACE = 5.0


def time_start(cmd: Sequence[str], env: dict[str, str], repeat: int, timeout: float = 60,
               cwd: str | None = None) -> dict[str, Any]:
    """Spawn ``cmd`` ``repeat`` times; seconds to the ``first-paint`` line, to exit, and peak RSS.

    The first failure (no ``first-paint`` line before ``timeout``, or an exit without it) ends
    the run with ``status`` "failed" and the reason, so a feature not landed costs one timeout.
    """
    paint, exits, rss, splash = [], [], [], []
    stuck = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
        assert proc.stdout is not None
        marks = {SPLASH_PAINT: 0.0}
        seen = _wait_for_line(proc, FIRST_PAINT, t0 + timeout, marks)
        t_paint = time.perf_counter() - t0
        if marks[SPLASH_PAINT]:
            splash.append(marks[SPLASH_PAINT] - t0)
        if seen is None:
            proc.kill()
        # after the first paint the program should quit at once; one that does not is killed
        killer = threading.Timer(EXIT_GRACE, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except ChildProcessError:  # pragma: no cover - reaped elsewhere
            status, usage = 0, None
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        t_exit = time.perf_counter() - t0
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
        if not seen:
            why = "no first-paint line" + (f" within {timeout:.0f} s" if seen is None else f" (exit {proc.returncode})")
            tail = err.strip().splitlines()[-1:] if err.strip() else []
            return {"status": "failed", "reason": why + (f": {tail[0][:200]}" if tail else "")}
        if t_exit - t_paint >= EXIT_GRACE:
            stuck += 1
        paint.append(t_paint)
        exits.append(t_exit)
        if usage is not None:
            rss.append(usage.ru_maxrss / 1024)
    note = f"{stuck} of {len(paint)} runs did not quit after first-paint (killed)" if stuck else ""
    out = {"status": "ok", "times": paint, "exit_times": exits, "rss_mb": max(rss, default=0.0), "note": note,
           "summary": {"min": min(paint), "median": statistics.median(paint), "first": paint[0], "n": len(paint)}}
    if splash:
        out["parts"] = {"splash": {"min": min(splash), "median": statistics.median(splash), "first": splash[0],
                                   "n": len(splash)}}
    return out


def spawn_measured(cmd: Sequence[str], env: dict[str, str], cwd: str | os.PathLike[str] | None,
                   timeout: float) -> dict[str, Any]:
    """Run ``cmd`` to its end: exit code, stdout, stderr, wall seconds and peak RSS (MB, ``wait4``).

    The peak RSS is the largest of the program and the descendants it waited for. Call this
    from a small process: a child inherits its parent's peak RSS at exec (vfork).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env, cwd=cwd)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"code": proc.returncode, "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace"), "seconds": seconds,
                "rss_mb": usage.ru_maxrss / 1024, "timed_out": seconds >= timeout}


def _wait_for_line(proc: subprocess.Popen[bytes], wanted: str, deadline: float,
                   marks: dict[str, float] | None = None) -> bool | None:
    """True when ``wanted`` is printed, False when the process exits first, None on timeout.

    ``marks`` maps other lines to look for (e.g. ``splash-paint``) to the time they were seen.
    """
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    buf = b""
    marks = {} if marks is None else marks
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            if not sel.select(left):
                return None
            chunk = os.read(fd, 4096)
            if not chunk:
                return False
            buf += chunk
            for line in marks:
                if not marks[line] and line.encode() in buf:
                    marks[line] = time.perf_counter()
            if wanted.encode() in buf:
                return True


def main() -> int:
    """The floor: an empty QMainWindow; print ``first-paint`` after its first paint, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("startup probe")
    window.resize(1200, 800)

    class FirstPaint(QObject):
        """Prints once after the first paint event reaches the window, then quits."""

        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, self._finish)
            return False

        def _finish(self) -> None:
            print(FIRST_PAINT, flush=True)
            app.quit()

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
