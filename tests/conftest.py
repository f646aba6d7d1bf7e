"""Test set-up shared by every test: offscreen Qt, private data and settings folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DXEDITOR_USER", "tester")
os.environ.setdefault("DXEDITOR_HOST", "TEST-PC")


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
