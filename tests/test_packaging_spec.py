"""Cheap checks of the PyInstaller spec and installer script (no build; see packaging/smoke.py).

Every file under ``resources/`` and ``db/versions`` must reach the frozen program: the
spec takes its data list from ``packaging/spec_data.py``, which these tests import.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SKIP_PARTS = {"__pycache__"}


def _load(name: str) -> ModuleType:
    # ``packaging`` is not a Python package (it would shadow PyPI's "packaging"): load by path.
    sys.path.insert(0, str(PACKAGING))
    try:
        spec = importlib.util.spec_from_file_location(f"_dxeditor_{name}", PACKAGING / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(PACKAGING))


@pytest.fixture(scope="module")
def sd() -> ModuleType:
    return _load("spec_data")


def _files_under(folder: Path) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in SKIP_PARTS]
        for name in filenames:
            if not name.endswith((".pyc", ".pyo")):
                found.append((Path(dirpath) / name).relative_to(ROOT).as_posix())
    return sorted(found)


def test_spec_uses_spec_data_and_compiles(sd: ModuleType) -> None:
    text = (PACKAGING / "dxeditor.spec").read_text(encoding="utf-8")
    compile(text, "dxeditor.spec", "exec")
    for needle in (
        "sd.datas()",
        "sd.hiddenimports()",
        "sd.excludes()",
        "sd.ICON_ICO",
        "sd.ENTRY_SCRIPT",
        "sd.GUI_EXE",
        "sd.CLI_EXE",
        "console=False",
        "console=True",
        "COLLECT(",
    ):
        assert needle in text, needle


def test_spec_paths_exist(sd: ModuleType) -> None:
    assert sd.ROOT == ROOT
    assert sd.ENTRY_SCRIPT.is_file()
    assert sd.ICON_ICO.is_file() and sd.ICON_PNG.is_file()
    for name in sd.DATA_DIRS:
        assert (ROOT / name).is_dir(), name
    assert (ROOT / "db" / "env.py").is_file()
    assert (ROOT / "db" / "versions").is_dir()


@pytest.mark.parametrize("folder", ["resources", "db/versions", "db/server/versions", "db"])
def test_every_data_file_is_bundled(sd: ModuleType, folder: str) -> None:
    bundled = sd.bundled_paths(sd.datas())
    expected = [f for f in _files_under(ROOT / folder) if not (f.startswith("resources/") and f.endswith(".py"))]
    assert expected, f"nothing under {folder}"
    missing = [f for f in expected if f not in bundled]
    assert missing == [], f"not in the spec's datas: {missing}"


def test_datas_land_where_paths_py_looks(sd: ModuleType) -> None:
    """``paths.resources()`` / ``paths.migrations()`` are ``_MEIPASS/resources`` and ``_MEIPASS/db``."""
    bundled = sd.bundled_paths(sd.datas())
    assert "db/env.py" in bundled
    assert all(p.split("/")[0] in sd.DATA_DIRS or p in sd.DATA_FILES for p in bundled)
    versions = [p for p in bundled if p.startswith("db/versions/") and p.endswith(".py")]
    assert versions, "no migration scripts bundled as .py files"
    for src, _dest in sd.datas():
        assert Path(src).is_file(), src
        assert "__pycache__" not in Path(src).parts


def test_demo_and_templates_are_bundled_when_present(sd: ModuleType) -> None:
    from dxeditor.core import paths

    bundled = sd.bundled_paths(sd.datas())
    for path in (paths.demo_plan_json(), paths.national_template_json()):
        if path.exists():
            assert path.relative_to(ROOT).as_posix() in bundled


def test_hidden_imports_cover_alembic_and_sqlite(sd: ModuleType) -> None:
    hidden = sd.hiddenimports()
    for name in ("alembic.ddl.sqlite", "alembic.runtime.migration", "sqlalchemy.dialects.sqlite"):
        assert name in hidden
    import psycopg  # noqa: F401 - psycopg_binary refuses to be imported before psycopg

    for name in hidden:
        assert importlib.util.find_spec(name) is not None, name
    # Whatever the migration scripts import is bundled although no static import reaches it.
    for name in sd.migration_imports():
        if name != "__future__" and sd.is_module(name):
            assert name in hidden, name


def test_hidden_imports_cover_the_postgresql_driver(sd: ModuleType) -> None:
    """``dxeditor server …`` in the frozen program: psycopg with its binary implementation, the dialect."""
    hidden = sd.hiddenimports()
    for name in ("psycopg", "psycopg_binary", "psycopg_binary.pq", "psycopg_binary._psycopg",
                 "sqlalchemy.dialects.postgresql.psycopg", "alembic.ddl.postgresql"):
        assert name in hidden, name
    assert "psycopg" in sd.ALL_SUBMODULES
    # the server migrations' imports (db/server) are covered like the file's
    assert "dxeditor.store.server" in sd.migration_imports()
    text = (ROOT / "packaging" / "dxeditor.spec").read_text(encoding="utf-8")
    assert "sd.ALL_SUBMODULES" in text


def test_excludes_do_not_hit_what_the_program_imports(sd: ModuleType) -> None:
    used = set()
    for path in (ROOT / "dxeditor").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                used.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                used.add(node.module)
                used.update(f"{node.module}.{a.name}" for a in node.names)
    excluded = set(sd.excludes())
    clashes = sorted(u for u in used if u in excluded or any(u.startswith(e + ".") for e in excluded))
    assert clashes == [], f"the spec excludes modules the program imports: {clashes}"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/imageformats/qico.dll", True),
        ("PySide6/translations/qtbase_ja.qm", True),
        ("resources/translations/dxeditor_ja.qm", True),
        ("resources/fonts/BIZUDGothic-Regular.ttf", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt6Network.dll", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt/plugins/platforms/libqwayland-generic.so", False),
        ("PySide6/plugins/tls/qschannelbackend.dll", False),
        ("PySide6/plugins/networkinformation/qnetworklistmanager.dll", False),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
        ("PySide6/translations/qtbase_de.qm", False),
    ],
)
def test_trim_rules(sd: ModuleType, dest: str, kept: bool) -> None:
    assert sd.keep_entry(dest) is kept


def test_version_info_matches_package(sd: ModuleType) -> None:
    import dxeditor

    vi = _load("version_info")
    assert sd.app_version() == dxeditor.__version__
    text = vi.version_text("dxeditor-cli")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    ast.parse(body, mode="eval")  # PyInstaller eval()s it with its versioninfo classes
    assert f"'FileVersion', '{dxeditor.__version__}'" in text
    assert "'OriginalFilename', 'dxeditor-cli.exe'" in text
    assert vi.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert vi.version_tuple("2") == (2, 0, 0, 0)


def test_icon_has_windows_sizes(sd: ModuleType) -> None:
    from PIL import Image

    with Image.open(sd.ICON_ICO) as ico:
        sizes = ico.info.get("sizes", set())
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(sizes)
    with Image.open(sd.ICON_PNG) as png:
        assert png.size == (256, 256)


def test_installer_is_per_user_with_association() -> None:
    raw = (PACKAGING / "dxeditor.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs a UTF-8 BOM for the Japanese text"
    text = raw.decode("utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest\s*$", text, re.MULTILINE)
    assert "HKLM" not in text and "HKA" not in text
    assert "ChangesAssociations=yes" in text
    assert 'Subkey: "Software\\Classes\\.dxplan"' in text
    assert "{uninstallexe}" in text
    assert '#define SourceDir "..\\dist\\dxeditor"' in text
    assert '#define AppExe "dxeditor.exe"' in text
    assert "..\\resources\\icons\\dxeditor.ico" in text


def test_windows_build_script_calls_the_documented_command() -> None:
    text = (PACKAGING / "build_windows.bat").read_text(encoding="utf-8")
    assert "tasks.py build" in text
    assert "packaging\\dxeditor.iss" in text


def test_ci_frozen_smoke_script() -> None:
    script = ROOT / ".ci" / "frozen_smoke.sh"
    assert os.access(script, os.X_OK), "chmod +x .ci/frozen_smoke.sh"
    text = script.read_text(encoding="utf-8")
    assert "tasks.py build" in text and "packaging/smoke.py" in text


def test_licences_are_bundled_and_demo_scripts_are_not(sd: ModuleType) -> None:
    bundled = sd.bundled_paths(sd.datas())
    assert {"LICENSE", "THIRD-PARTY-NOTICES"} <= bundled  # at paths.root(), where the about dialog reads them
    scripts = [f for f in _files_under(ROOT / "resources") if f.endswith(".py")]
    assert "resources/demo/build_demo.py" in scripts
    assert not set(scripts) & bundled
    assert "resources/demo/otaru.json" in bundled


def _pins() -> dict[str, str]:
    pins = {}
    for line in (PACKAGING / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_constraints_pin_every_runtime_dependency_and_the_build_tool() -> None:
    import tomllib

    pins = _pins()
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = [re.match(r"[A-Za-z0-9_.\-]+", d).group(0).lower().replace("_", "-") for d in deps]
    assert [n for n in [*names, "pyinstaller", "shiboken6", "pillow"] if n not in pins] == []
    assert '"-c", str(CONSTRAINTS)' in (ROOT / "tasks.py").read_text(encoding="utf-8")  # the build installs with it


def test_third_party_notices_name_every_pinned_runtime_library() -> None:
    notices = (ROOT / "THIRD-PARTY-NOTICES").read_text(encoding="utf-8")
    pins = _pins()
    contents = notices.split("Contents / 一覧", 1)[1].split("=" * 78, 1)[0].lower().replace("_", "-")
    for name in ("pyside6-essentials", "shiboken6", "sqlalchemy", "alembic", "openpyxl", "et-xmlfile", "xlsxwriter",
                 "reportlab", "pillow", "mako", "markupsafe", "psycopg", "psycopg-binary"):
        assert f"  {name} {pins[name]} — " in contents, name
    for words in ("Python 3.", "PSF License", "GNU LESSER GENERAL PUBLIC LICENSE", "SIL OPEN FONT LICENSE",
                  "Hanazono", "PyInstaller bootloader"):
        assert words in notices, words
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
