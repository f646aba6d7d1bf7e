"""Templates are data: every JSON file in resources/templates is a template, the demo first."""

from __future__ import annotations

import pytest

from dxeditor.app.templates import open_template, template_names
from dxeditor.core.errors import DxError
from dxeditor.formats.json import io as json_io


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
