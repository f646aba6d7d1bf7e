"""Templates are data: every JSON file in resources/templates is a template, the demo first."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dxeditor.app.templates import open_template, template_names
from dxeditor.core import paths
from dxeditor.core.errors import DxError
from dxeditor.formats.json import io as json_io
from dxeditor.store.document import PlanDocument


def test_the_names_are_blank_demo_and_each_bundled_template() -> None:
    names = template_names()
    assert names[:2] == ["blank", "demo"] and "national" in names


def test_a_template_other_than_the_demo_is_a_new_plan_each_time() -> None:
    a, b = open_template("national"), open_template("national")
    try:
        uid_a = json_io.export_data(a.session.connection())["plan"]["uid"]
        uid_b = json_io.export_data(b.session.connection())["plan"]["uid"]
        assert uid_a != uid_b and a.source is None
    finally:
        a.close(keep_working_copy=False)
        b.close(keep_working_copy=False)


def test_an_unknown_template_gets_a_message() -> None:
    with pytest.raises(DxError) as err:
        open_template("nonexistent")
    assert "nonexistent" in err.value.message()


@pytest.mark.parametrize("name", ["blank", "demo", "kamiamakusa"])
def test_a_plan_just_made_from_a_template_is_not_offered_back_after_a_crash(monkeypatch, name) -> None:
    from dxeditor.core import atomic
    from dxeditor.plan.editor import PlanEditor
    from dxeditor.plan.ops import plan_meta
    from dxeditor.store import recovery

    doc = open_template(name)
    try:
        monkeypatch.setattr(atomic, "pid_alive", lambda pid: False)  # as if the program had been killed now
        assert [w.working_dir for w in recovery.list_recoverable() if w.working_dir == doc.working_dir] == []
    finally:
        doc.close(keep_working_copy=False)
    doc = open_template(name)
    try:
        PlanEditor(doc).run("x", lambda rec: plan_meta.update_plan(rec, title="編集した計画"))  # one edit: kept
        monkeypatch.setattr(atomic, "pid_alive", lambda pid: False)
        assert [w.working_dir for w in recovery.list_recoverable()] == [doc.working_dir]
    finally:
        doc.close(keep_working_copy=False)


# ------------------------------------------------------------------ the demo's built plan file
def _content(doc: PlanDocument) -> dict[str, Any]:
    data = json_io.export_data(doc.session.connection())
    data.pop("exported_at")  # the clock, not the plan (two exports may fall in two seconds)
    return data


@pytest.fixture
def imported_demo() -> Iterator[PlanDocument]:
    """The demo as an import of resources/demo/otaru.json makes it (the fallback)."""
    doc = json_io.import_data(json_io.load_json_file(paths.demo_plan_json()), "otaru.json")
    yield doc
    doc.close(keep_working_copy=False)


def test_the_demo_opens_from_its_built_plan_file_without_an_import(monkeypatch: pytest.MonkeyPatch,
                                                                     imported_demo: PlanDocument) -> None:
    def no_import(*_a: object, **_k: object) -> None:
        raise AssertionError("the demo was imported from JSON")

    monkeypatch.setattr(json_io, "import_data", no_import)
    doc = open_template("demo")
    try:
        assert doc.working.read_bytes()[:16] == b"SQLite format 3\x00"
        assert doc.working.parent != paths.resources() / "demo"
        assert (doc.source, doc.dirty, doc.edited, doc.read_only) == (None, False, False, False)
        assert doc.display_name() == "無題"
        assert _content(doc) == _content(imported_demo)
        # the manifest reads as after a template's import: nothing typed yet, nothing to recover
        assert json.loads((doc.working_dir / "manifest.json").read_text(encoding="utf-8"))["dirty"] is False
    finally:
        doc.close()
    assert not doc.working_dir.exists()  # nothing changed: nothing kept
    assert paths.demo_plan_built().exists()  # the shipped file is never touched


def _built_copy(tmp_path: Path, revision: str | None = None) -> Path:
    copy = tmp_path / "otaru.dxplan"
    shutil.copyfile(paths.demo_plan_built(), copy)
    if revision is not None:
        con = sqlite3.connect(copy)
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        con.commit()
        con.close()
    return copy


@pytest.mark.parametrize("what", ["older schema", "newer schema", "missing", "not a plan"])
def test_a_stale_or_unusable_built_demo_falls_back_to_the_json(what: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 imported_demo: PlanDocument) -> None:
    if what == "missing":
        built = tmp_path / "none.dxplan"
    elif what == "not a plan":
        built = tmp_path / "otaru.dxplan"
        built.write_bytes(b"not a database")
    else:
        built = _built_copy(tmp_path, "0001" if what == "older schema" else "9999")
    monkeypatch.setattr(paths, "demo_plan_built", lambda: built)
    imports: list[int] = []
    real_import = json_io.import_data
    monkeypatch.setattr(json_io, "import_data", lambda *a, **k: imports.append(1) or real_import(*a, **k))
    doc = open_template("demo")
    try:
        assert imports == [1]
        assert _content(doc) == _content(imported_demo)
    finally:
        doc.close(keep_working_copy=False)
    assert len(list(paths.work_dir().iterdir())) == 1  # the refused copy left no working folder (only the fixture's)


def test_the_built_demo_is_stamped_with_this_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built by an earlier version, the demo still reads as made by this one (as an import would)."""
    from dxeditor.store import document

    monkeypatch.setattr(document, "__version__", "9.8.7")
    doc = open_template("demo")
    try:
        value = doc.session.connection().exec_driver_sql("SELECT value FROM dx_meta WHERE key = 'created_by'")
        assert value.scalar() == "dxeditor 9.8.7"
        assert not doc.dirty  # nothing for the person to save
    finally:
        doc.close()
    con = sqlite3.connect(paths.demo_plan_built())
    try:
        shipped = con.execute("SELECT value FROM dx_meta WHERE key = 'created_by'").fetchone()[0]
    finally:
        con.close()
    assert shipped != "dxeditor 9.8.7"  # the shipped file is never written
