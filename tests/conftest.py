"""Test set-up shared by every test: offscreen Qt, private data and settings folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import winsem

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DXEDITOR_USER", "tester")
os.environ.setdefault("DXEDITOR_HOST", "TEST-PC")


#: Test modules that touch files: run a second time under ``--windows-semantics`` by ``.ci/run``
#: (``-m files``). A module named here that does not exist fails the run (no silent "no tests").
FILE_MODULES = (
    "tests/core/test_atomic.py",
    "tests/store/test_document.py",
    "tests/store/test_save_safety.py",
    "tests/store/test_interrupted_save.py",
    "tests/store/test_lock.py",
    "tests/store/test_migrations.py",
    "tests/store/test_windows_layer.py",
    "tests/store/test_kill_and_faults.py",
    "tests/e2e/test_cli.py",
    "tests/exchange/test_inquiry.py",
    "tests/formats/test_json_io.py",
    "tests/formats/test_xlsx_export.py",
    "tests/formats/test_xlsx_import.py",
    "tests/publish/test_pdf_export.py",
    "tests/ui/test_recovery.py",
    "tests/ui/test_window_files.py",
    "tests/app/test_outbox.py",
    "tests/test_packaging_spec.py",
    "tests/e2e/test_versions_cli.py",
    "tests/e2e/test_progress_year.py",
    "tests/exchange/test_progress_sheet.py",
    "tests/formats/test_text_cells.py",
    "tests/ui/test_background.py",
    "tests/ui/test_audit_dialog.py",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--windows-semantics", action="store_true", default=False,
                     help="file APIs behave as on Windows for paths under the test temp dir (tests/winsem.py)")


def windows_semantics_on(config: pytest.Config) -> bool:
    return bool(config.getoption("--windows-semantics") or os.environ.get(winsem.ENV) == "1")


def pytest_configure(config: pytest.Config) -> None:
    root = Path(str(config.rootpath))
    missing = [m for m in FILE_MODULES if not (root / m).is_file()]
    if missing:
        raise pytest.UsageError(f"FILE_MODULES names missing test modules: {missing}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        rel = Path(str(item.path)).relative_to(root).as_posix() if Path(str(item.path)).is_relative_to(root) else ""
        if rel in FILE_MODULES:
            item.add_marker(pytest.mark.files)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:  # a selection that matched nothing is a failure
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session", autouse=True)
def windows_semantics(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The Windows-semantics layer over the test temp root when switched on (else nothing)."""
    if not windows_semantics_on(request.config):
        yield None
        return
    root = tmp_path_factory.getbasetemp()
    layer = winsem.install(root)
    saved = {k: os.environ.get(k) for k in ("PYTHONPATH", winsem.ROOT_ENV)}
    site = str(Path(__file__).parent / "winsem_site")  # child processes load the layer too
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (site, saved["PYTHONPATH"]) if p)
    os.environ[winsem.ROOT_ENV] = str(root)
    try:
        yield layer
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        winsem.uninstall()


@pytest.fixture
def windows_fs(tmp_path_factory: pytest.TempPathFactory):
    """The layer for one test, whether or not the whole run has it (tests of the layer itself)."""
    was_on = winsem.active()
    layer = winsem.install(tmp_path_factory.getbasetemp())
    try:
        yield layer
    finally:
        if not was_on:
            winsem.uninstall()


@pytest.fixture
def hold_open():
    """``with hold_open(path):`` keeps ``path`` open as Excel would."""
    return winsem.hold_open


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Working copies, recovery files and settings of each test live in its own temp dir."""
    d = tmp_path_factory.mktemp("dxdata")
    monkeypatch.setenv("DXEDITOR_DATA_DIR", str(d))
    monkeypatch.setenv("DXEDITOR_SETTINGS_DIR", str(d / "settings"))
    return d


@pytest.fixture
def demo_data() -> dict:
    """The bundled demo plan (seed 000) as parsed JSON."""
    from dxeditor.core import paths
    from dxeditor.formats.json import io as json_io

    return json_io.load_json_file(paths.demo_plan_json())


@pytest.fixture
def demo_doc(demo_data):
    """An open, unsaved document holding the demo plan."""
    from dxeditor.formats.json import io as json_io

    doc = json_io.import_data(demo_data)
    yield doc
    doc.close(keep_working_copy=False)


@pytest.fixture
def demo_file(demo_doc, tmp_path: Path) -> Path:
    """The demo plan saved as a .dxplan file in a temp dir."""
    return demo_doc.save(tmp_path / "demo.dxplan")
