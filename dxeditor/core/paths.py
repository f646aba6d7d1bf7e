"""Where bundled resources and per-user data live (source tree, frozen build, portable mode)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PORTABLE_MARKER = "portable.txt"
#: Whether file paths follow Windows rules (the Windows-semantics test layer sets it on Linux).
WINDOWS = os.name == "nt"
#: Longest path Windows accepts without the long-path prefix (MAX_PATH less the NUL).
MAX_PATH = 259
LONG_PREFIX = "\\\\?\\"


def os_path(path: str | os.PathLike[str]) -> str:
    r"""``path`` as the string to hand to the operating system.

    On Windows a path longer than :data:`MAX_PATH` gets the ``\\?\`` prefix (``\\?\UNC\``
    for a ``\\server\share`` path) so that deep folders on a share still work.
    """
    s = os.fspath(path)
    if not WINDOWS or len(s) <= MAX_PATH or s.startswith(LONG_PREFIX) or not os.path.isabs(s):
        return s
    if s.startswith("\\\\"):
        return LONG_PREFIX + "UNC\\" + s[2:]
    return LONG_PREFIX + s


def sqlite_uri(path: str | os.PathLike[str], **params: str) -> str:
    """A ``file:`` URI for SQLite naming ``path`` exactly (``#``, ``%``, ``?``, spaces, UNC, any script)."""
    from urllib.parse import quote, urlencode

    s = os.fspath(path)
    if WINDOWS:
        s = s.replace("\\", "/")
    if s.startswith("//"):  # UNC: SQLite wants file:////server/share/...
        s = "//" + s
    elif not s.startswith("/"):
        s = "/" + s  # C:/x → /C:/x
    uri = "file:" + quote(s, safe="/:")
    return uri + ("?" + urlencode(params) if params else "")


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
    _make_dir(base)
    return base


def _make_dir(d: Path) -> None:
    """Create a data folder, or say clearly that it cannot be written (read-only stick, policy)."""
    try:
        d.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise unwritable(d, exc) from exc


def unwritable(d: Path, exc: OSError) -> Exception:
    """The error for a data folder that cannot be written (read-only stick, policy)."""
    from dxeditor.core.errors import PlanFileError

    return PlanFileError(
        f"作業用のフォルダーに書き込めません: {d}（{exc.strerror or exc}）。"
        "USB メモリが書き込み禁止になっていないか確認するか、書き込めるフォルダーに dxeditor を置いてください。",
        f"Cannot write to the working folder {d} ({exc.strerror or exc}). Check that the drive is not "
        "write-protected, or put dxeditor in a folder you can write to.",
    )


def work_dir() -> Path:
    """Where local working copies of open plans live."""
    d = data_dir() / "work"
    if not d.is_dir():
        _make_dir(d)
    return d


def demo_plan_json() -> Path:
    """The demo plan (seed 000, 小樽市) in the JSON interchange form."""
    return resources() / "demo" / "otaru.json"


def demo_plan_built() -> Path:
    """The demo plan already built into a plan file from :func:`demo_plan_json` (opens without an import)."""
    return resources() / "demo" / "otaru.dxplan"


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
