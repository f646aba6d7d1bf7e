"""Entry script of the frozen program: both ``dxeditor`` (windowed) and ``dxeditor-cli`` run it.

It is the same as ``python -m dxeditor``: no command starts the GUI, a command (``info``,
``export`` …) runs the command line. A windowed Windows executable has no console, so
``sys.stdout`` / ``sys.stderr`` are ``None`` there; they are pointed at ``os.devnull`` so
a stray ``print`` can never crash the GUI (use ``dxeditor-cli.exe`` to see output).
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _run() -> int:
    _ensure_streams()
    from dxeditor.cli import main

    return main()


if __name__ == "__main__":
    raise SystemExit(_run())
