"""Python code generated from the Qt Designer files in ``forms/`` (do not edit by hand).

Regenerate after changing a ``.ui`` file::

    python -m dxeditor.ui.forms

A test fails when a generated module is older than its ``.ui`` file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FORMS = {"initiative_form.ui": "ui_initiative_form.py"}
HEADER = ("# GENERATED FILE - DO NOT EDIT.\n"
          "# Generated from forms/{ui} by pyside6-uic; run `python -m dxeditor.ui.forms` to regenerate.\n")


def forms_dir() -> Path:
    """The folder with the Designer ``.ui`` files."""
    return Path(__file__).resolve().parents[3] / "forms"


def uic_tool() -> str:
    """The pyside6-uic program beside the running Python."""
    exe = Path(sys.executable).parent / ("pyside6-uic.exe" if sys.platform == "win32" else "pyside6-uic")
    return str(exe) if exe.exists() else "pyside6-uic"


def generate(ui_name: str) -> str:
    """The generated code for ``forms/<ui_name>`` with the do-not-edit header."""
    out = subprocess.run([uic_tool(), str(forms_dir() / ui_name)], check=True, capture_output=True,
                         text=True, encoding="utf-8")
    return HEADER.format(ui=ui_name) + out.stdout


def strip_header(code: str) -> str:
    """Code without comment lines (the header and uic's timestamped banner)."""
    return "\n".join(line for line in code.splitlines() if not line.startswith("#"))


def main() -> None:
    """Regenerate every form module."""
    here = Path(__file__).resolve().parent
    for ui_name, py_name in FORMS.items():
        (here / py_name).write_text(generate(ui_name), encoding="utf-8")


if __name__ == "__main__":
    main()
