"""Start-up: failures are visible (a message box and a log, even before the window exists); the collector rests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("mode", ["window", "app"])
def test_a_failing_start_shows_a_message_and_leaves_a_log(small_doc, tmp_path: Path, mode: str) -> None:
    plan = small_doc.save(tmp_path / "計画.dxplan")
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DXEDITOR_DATA_DIR=str(data))
    for name in ("DXEDITOR_DEBUG", "DXEDITOR_EXIT_AFTER_FIRST_PAINT"):
        env.pop(name, None)
    proc = subprocess.run([sys.executable, "-m", "tests.ui.startup_child", mode, str(plan)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (box,) = [line for line in proc.stdout.splitlines() if line.startswith("CRITICAL ")]
    assert "予期しないエラーが発生しました。" in box and "Traceback" not in box
    (crash,) = (data / "logs").glob("crash-*.log")
    assert f"ログ: {crash}" in box
    assert f"RuntimeError: planted failure ({mode})" in crash.read_text(encoding="utf-8")
    log = (data / "logs" / "dxeditor.log").read_text(encoding="utf-8")
    assert "CRITICAL dxeditor.ui.crash" in log and f"planted failure ({mode})" in log
    assert "WARNING dxeditor.stderr" in log and "stray output before the failure" in log  # no console: stderr → log


def test_the_collector_is_paused_while_the_window_is_built_and_runs_after(monkeypatch) -> None:
    import gc

    from dxeditor.ui import app

    calls: list[tuple[str, bool]] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(("freeze", gc.isenabled())))  # the test's heap stays put
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append(("unfreeze", gc.isenabled())))

    def build(*_args: object) -> int:
        calls.append(("build", gc.isenabled()))
        return 2  # no document: the start ends before the event loop

    monkeypatch.setattr(app, "_show_window", build)
    assert gc.isenabled()
    assert app._start(None, [], []) == 2
    # built with the collector paused; what it made moved to the oldest generation before it resumes
    assert calls == [("build", False), ("freeze", False), ("unfreeze", False)] and gc.isenabled()

    def failing(*_args: object) -> int:
        raise RuntimeError("planted")

    calls.clear()
    monkeypatch.setattr(app, "_show_window", failing)
    with pytest.raises(RuntimeError):
        app._start(None, [], [])
    assert gc.isenabled() and calls == []


@pytest.mark.parametrize("args", [[], ["plan.dxplan"]])
def test_the_gui_starts_without_the_database_layer_loaded(args: list[str]) -> None:
    """The splash paints before SQLAlchemy and the plan modules are imported (they take a while)."""
    probe = (
        "import sys\n"
        "import dxeditor.cli as cli\n"
        "import dxeditor.ui.app as app\n"
        "heavy = ('sqlalchemy', 'dxeditor.store.document', 'dxeditor.app.server', 'dxeditor.formats.json.io')\n"
        "app.run_gui = lambda *a, **k: print('loaded:', [m for m in heavy if m in sys.modules]) or 0\n"
        f"raise SystemExit(cli.main({args!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "loaded: []"
