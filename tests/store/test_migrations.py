"""Schema migrations: every stored file of an earlier schema opens and migrates.

When a new schema revision is added, save a file of the previous revision into
``tests/data/schemas/<revision>.dxplan`` (content: ``tests.formats.test_json_io.RICH``)
before changing the model; this test then migrates each of them.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from dxeditor.formats.json import io as json_io
from dxeditor.store.document import KNOWN_REVISIONS, SCHEMA_REVISION, PlanDocument, _migrate
from dxeditor.store.models import Base
from tests.formats.test_json_io import RICH

STORED = Path(__file__).resolve().parents[1] / "data" / "schemas"


def stored_files() -> list[Path]:
    return sorted(STORED.glob("*.dxplan"))


def test_there_is_a_stored_file_for_every_known_revision() -> None:
    assert {p.stem for p in stored_files()} == set(KNOWN_REVISIONS)


@pytest.mark.parametrize("path", stored_files(), ids=lambda p: p.stem)
def test_stored_file_opens_and_keeps_its_content(path: Path, tmp_path: Path) -> None:
    work = tmp_path / path.name
    shutil.copyfile(path, work)
    doc = PlanDocument.open(work)
    try:
        if path.stem != SCHEMA_REVISION:
            assert doc.migrated_from == path.stem
            assert doc.backup_path is not None and doc.backup_path.exists()
        con = doc.session.connection()
        out = json_io.export_data(con)
        assert out["plan"]["title"] == RICH["plan"]["title"]
        assert len(out["initiatives"][0]["schedule_rows"]) == 2
        assert out["initiatives"][0]["schedule_rows"][0]["bars"][1]["continues"] is True
        assert out["departments"][1]["renames"][0]["name"] == "DX推進課"
    finally:
        doc.close()


def test_migrations_build_exactly_the_model_schema(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    sqlite3.connect(db).close()
    _migrate(db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
    engine.dispose()
    assert diff == [], f"models.py and db/versions disagree: {diff}"
    assert version == SCHEMA_REVISION


def test_a_converted_but_unedited_plan_is_not_offered_for_recovery(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from dxeditor.store.document import list_recoverable

    old = next(p for p in stored_files() if p.stem != SCHEMA_REVISION)
    for edit, expected in (("", 0), ("doc.mark_dirty()\n", 1)):
        work = tmp_path / f"{len(edit)}-{old.name}"
        shutil.copyfile(old, work)
        code = ("import os\nfrom dxeditor.store.document import PlanDocument\n"
                f"doc = PlanDocument.open(r'{work}')\nassert doc.dirty and doc.migrated_from\n{edit}os._exit(9)\n")
        result = subprocess.run([sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True)
        assert result.returncode == 9, result.stderr  # the program died with the converted plan open
        found = [w for w in list_recoverable() if w.source == work]
        assert len(found) == expected, edit or "conversion only"


def test_an_older_file_gains_empty_reviews_and_yearly_targets(tmp_path: Path) -> None:
    """0002 → 0003: progress rows keep their status and get empty review fields; KPIs are higher-is-better."""
    work = tmp_path / "old.dxplan"
    shutil.copyfile(STORED / "0002.dxplan", work)
    doc = PlanDocument.open(work)
    try:
        out = json_io.export_data(doc.session.connection())
    finally:
        doc.close()
    progress = out["initiatives"][0]["progress"][0]
    assert progress["status"] == "on_track" and progress["rating"] == "" and progress["results"] == ""
    kpi = out["initiatives"][0]["kpis"][0]
    assert kpi["lower_is_better"] is False and kpi["targets"] == []
    assert out["plan"]["rating_scale"] == []
