"""Where bundled resources and per-user data live (source tree, frozen build, portable mode)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PORTABLE_MARKER = "portable.txt"


def root() -> Path:
    """The folder holding ``resources/`` and ``db/`` (the repo, or PyInstaller's bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources() -> Path:
    """The bundled ``resources/`` folder (fonts, demo plan, templates, translations, icons)."""
    return root() / "resources"


def migrations() -> Path:
    """The Alembic environment (top-level ``db/``)."""
    return root() / "db"


def program_dir() -> Path:
    """The folder of the running program (for portable mode)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return root()


def is_portable() -> bool:
    """Portable mode: a marker file beside the program keeps all data beside it."""
    return (program_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    """Per-user data: working copies, recovery files, settings in portable mode.

    ``DXEDITOR_DATA_DIR`` overrides it (tests point it at a temp dir).
    """
    override = os.environ.get("DXEDITOR_DATA_DIR")
    if override:
        base = Path(override)
    elif is_portable():
        base = program_dir() / "userdata"
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "dxeditor"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "dxeditor"
    base.mkdir(parents=True, exist_ok=True)
    return base


def work_dir() -> Path:
    """Where local working copies of open plans live."""
    d = data_dir() / "work"
    d.mkdir(parents=True, exist_ok=True)
    return d


def demo_plan_json() -> Path:
    """The demo plan (seed 000, 小樽市) in the JSON interchange form."""
    return resources() / "demo" / "otaru.json"


def national_template_json() -> Path:
    """The template with the structure of the national 自治体DX推進計画."""
    return resources() / "templates" / "national.json"


#: files in resources/templates that are not plans
_NOT_TEMPLATES = {"examples"}


def template_names() -> list[str]:
    """The bundled plan templates and examples (resources/templates/NAME.json), by name."""
    folder = resources() / "templates"
    return sorted(p.stem for p in folder.glob("*.json") if p.stem not in _NOT_TEMPLATES) if folder.is_dir() else []


def template_json(name: str) -> Path:
    """The JSON of the bundled template ``name`` (see :func:`template_names`)."""
    return resources() / "templates" / f"{name}.json"


def example_plans() -> list[tuple[str, str]]:
    """(name, label) of the example plans entered from published plans (resources/templates/examples.json)."""
    import json

    index = resources() / "templates" / "examples.json"
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [(str(e["name"]), str(e["label"])) for e in entries if template_json(str(e["name"])).exists()]
