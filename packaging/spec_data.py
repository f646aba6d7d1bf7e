"""What goes into the frozen program: data files, hidden imports, exclusions, trimming rules.

``dxeditor.spec`` imports this module so the rules can be tested without running
PyInstaller (``tests/test_packaging_spec.py``). Only the standard library is used here.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_NAME = "dxeditor"
#: The windowed program (GUI, file association) and the console program (CLI).
GUI_EXE = "dxeditor"
CLI_EXE = "dxeditor-cli"
ENTRY_SCRIPT = PACKAGING / "entry.py"
ICON_ICO = ROOT / "resources" / "icons" / "dxeditor.ico"
ICON_PNG = ROOT / "resources" / "icons" / "dxeditor.png"
#: Folders bundled whole as data, under the same name, beside ``sys._MEIPASS``.
DATA_DIRS = ("resources", "db")
#: Single files bundled at the top of the bundle (``paths.root()``): the licences, shown by
#: ヘルプ ▸ dxeditor について and also copied beside the executables by ``build.py``.
DATA_FILES = ("LICENSE", "THIRD-PARTY-NOTICES")
#: Never bundled: caches and editor leftovers.
SKIP_NAMES = frozenset({"__pycache__", ".DS_Store", "Thumbs.db", ".gitkeep"})
SKIP_SUFFIXES = (".pyc", ".pyo", "~", ".swp")
#: ``resources/`` holds data only: scripts there (the demo's build_demo.py and its text module)
#: are tools for developers, never part of the program.
SKIP_SCRIPTS_UNDER = ("resources",)

#: Qt bindings the program does not use. PyInstaller only bundles modules something
#: imports, so these guard against an accidental import dragging in large libraries.
QT_EXCLUDES = [
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtQml",
    "PySide6.QtQmlFeatures",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects",
    "PySide6.QtHttpServer",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech",
    "PySide6.QtAxContainer",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
]

#: Python packages that are installed in a developer's venv but never used by the program.
PY_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "numpy",
    "pandas",
    "matplotlib",
    "scipy",
    "IPython",
    "jedi",
    "pytest",
    "_pytest",
    "pytestqt",
    "pluggy",
    "ruff",
    "mypy",
    "setuptools",
    "pkg_resources",
    "pip",
    "distutils",
    "lib2to3",
    "pydoc_data",
    "pydoc",
    "pdb",
    "doctest",  # reportlab imports it only under ``if __name__ == "__main__"``
    "pygments",  # 4.5 MB; only mako's optional error highlighting would use it
    "test",
    "unittest",
    "xmlrpc",
    "PyInstaller",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "shiboken2",
    # Pillow image plugins whose codecs (libavif, libwebp: ~7 MB) reportlab/openpyxl never need.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "PIL.ImageQt",
]

#: Imported only at run time or by name (Alembic loads ``db/env.py`` and ``db/versions/*.py``
#: from files; SQLAlchemy finds its dialect by name).
BASE_HIDDENIMPORTS = [
    "alembic",
    "alembic.command",
    "alembic.config",
    "alembic.context",
    "alembic.op",
    "alembic.ddl.sqlite",
    "alembic.runtime.environment",
    "alembic.runtime.migration",
    "alembic.script",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.sql.default_comparator",
    "sqlite3",
]

#: The PostgreSQL driver for server plans (``dxeditor server …``, ``postgresql://…?plan=``):
#: SQLAlchemy's psycopg dialect, Alembic's PostgreSQL support (``db/server``) and psycopg 3 with
#: its binary implementation, which ``psycopg.pq`` imports by name at run time (the compiled
#: ``psycopg_binary`` modules import psycopg's Python modules in turn: the spec adds all of those).
#: ``psycopg_binary`` refuses to be imported before ``psycopg``.
SERVER_HIDDENIMPORTS = [
    "alembic.ddl.postgresql",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "psycopg.pq",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "psycopg_binary.version",
]
#: Packages bundled with every submodule (``collect_submodules`` in the spec).
ALL_SUBMODULES = ("psycopg",)

#: Qt plugin folders the program needs; other plugin folders (tls, networkinformation,
#: generic input such as TUIO over UDP, EGLFS, Wayland, SQL drivers …) are dropped.
QT_PLUGIN_KEEP = frozenset(
    {
        "platforms",
        "platformthemes",
        "imageformats",
        "iconengines",
        "styles",  # qmodernwindowsstyle: the Windows 11 look
        "printsupport",
        "platforminputcontexts",  # Japanese input methods (IME) on Linux
        "xcbglintegrations",
    }
)
#: Platform plugins: Windows, X11 and headless runs; Wayland/VNC/EGLFS etc. are dropped.
QT_PLATFORM_KEEP = re.compile(r"^(lib)?q(windows|offscreen|minimal|xcb|direct2d)\.(dll|so)$", re.IGNORECASE)
#: Qt's own translations: only Japanese (the shipped language) and English.
QT_TRANSLATION_KEEP = re.compile(r"_(ja|en)\.qm$")
#: Libraries only the dropped plugins/modules need. ``opengl32sw.dll`` is Qt's 20 MB software
#: OpenGL for Qt Quick; a widgets program paints without OpenGL.
LIB_DROP = re.compile(
    r"^(lib)?Qt6(Network|WaylandClient|WaylandEglClientHwIntegration|WlShellIntegration|EglFS\w*"
    r"|Qml\w*|Quick\w*|Pdf\w*|VirtualKeyboard\w*)\b"
    r"|^opengl32sw\.dll$",
    re.IGNORECASE,
)


def app_version() -> str:
    """``dxeditor.__version__`` read from the source (no import needed)."""
    text = (ROOT / "dxeditor" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not m:
        raise RuntimeError("dxeditor/__init__.py has no __version__")
    return m.group(1)


def _wanted(path: Path) -> bool:
    if path.parts and path.parts[0] in SKIP_SCRIPTS_UNDER and path.suffix == ".py":
        return False
    return not (set(path.parts) & SKIP_NAMES) and not path.name.endswith(SKIP_SUFFIXES)


def data_files(root: Path = ROOT) -> Iterator[Path]:
    """Every bundled data file (the licences, the data folders), relative to ``root``."""
    for name in DATA_FILES:
        if (root / name).is_file():
            yield Path(name)
    for name in DATA_DIRS:
        base = root / name
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and _wanted(rel):
                yield rel


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (source file, destination folder in the bundle) pairs."""
    return [(str(root / rel), str(rel.parent)) for rel in data_files(root)]


def bundled_paths(entries: Iterable[tuple[str, str]]) -> set[str]:
    """Where each (source, folder) pair lands in the bundle, as POSIX paths."""
    return {str(PurePosixPath(Path(dest).as_posix()) / Path(src).name) for src, dest in entries}


def migration_imports(root: Path = ROOT) -> list[str]:
    """Top-level modules imported by the Alembic scripts in ``db/`` (loaded from files at run time)."""
    found: set[str] = set()
    for path in sorted((root / "db").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*")
    return sorted(found)


def hiddenimports(root: Path = ROOT) -> list[str]:
    """Modules to bundle although no static import reaches them."""
    names = [*BASE_HIDDENIMPORTS, *SERVER_HIDDENIMPORTS]
    for name in migration_imports(root):
        if name not in names and name != "__future__" and is_module(name):
            names.append(name)
    return names


def is_module(name: str) -> bool:
    """Whether ``name`` is a module (``from x import y`` may name a class or function)."""
    import importlib.util

    try:
        if name.startswith("psycopg_binary"):
            import psycopg  # noqa: F401 - psycopg_binary refuses to be imported first
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def is_app_module(name: str) -> bool:
    """Filter for ``collect_submodules("dxeditor")``: everything but ``python -m`` entry points."""
    return not name.endswith(".__main__")


def excludes() -> list[str]:
    """Modules never to bundle."""
    return [*QT_EXCLUDES, *PY_EXCLUDES]


def _qt_relative(dest: str) -> PurePosixPath | None:
    """The part of a bundle path under ``PySide6/Qt/`` (or PySide6/ on Windows), if any."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return None
    rest = parts[1:]
    if rest and rest[0] == "Qt":
        rest = rest[1:]
    return PurePosixPath(*rest) if rest else None


def keep_entry(dest: str) -> bool:
    """Whether a collected binary or data file (by its bundle path) stays in the build.

    Drops Qt plugins, translations and libraries the program does not use; everything
    else stays.
    """
    name = PurePosixPath(dest.replace("\\", "/")).name
    if LIB_DROP.search(name):
        return False
    rel = _qt_relative(dest)
    if rel is None or len(rel.parts) < 2:
        return True
    top = rel.parts[0]
    if top == "plugins" and len(rel.parts) >= 3:
        group = rel.parts[1]
        if group not in QT_PLUGIN_KEEP:
            return False
        if group == "platforms":
            return bool(QT_PLATFORM_KEEP.search(rel.name))
        return True
    if top == "translations":
        return bool(QT_TRANSLATION_KEEP.search(rel.name))
    return True


def trim(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC (dest, source, kind) without the entries ``keep_entry`` drops."""
    return [entry for entry in toc if keep_entry(entry[0])]


def trim_enabled() -> bool:
    """Trimming is on unless ``DXEDITOR_NO_TRIM=1`` (to measure what it saves)."""
    import os

    return os.environ.get("DXEDITOR_NO_TRIM") != "1"


if __name__ == "__main__":  # pragma: no cover - a quick listing for people
    for src, dest in datas():
        sys.stdout.write(f"{dest}\t{src}\n")
