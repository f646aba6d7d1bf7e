"""Named versions (版) and the comparison of two states of a plan (新旧対照表)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dxeditor.app import versions as runs
from dxeditor.core.errors import ValidationError
from dxeditor.formats.json import io as json_io
from dxeditor.plan import versions
from dxeditor.plan.compare import compare, diff_marks
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import departments as dep
from dxeditor.plan.ops import initiatives as inits
from dxeditor.plan.ops import outline, schedule
from dxeditor.store.document import PlanDocument
from tests.formats.test_json_io import RICH


def plan_data() -> dict[str, Any]:
    """RICH with a second section and two more initiatives, so moves and renumbering can happen."""
    data = copy.deepcopy(RICH)
    data["sections"].append({"id": 3, "kind": "policy", "title": "職員の生産性向上"})
    data["initiatives"] += [
        {"id": 6, "section_id": 2, "title": "窓口改革", "text": {"content": [{"text": "書かない窓口", "level": 0}]}},
        {"id": 7, "section_id": 3, "title": "ペーパーレス化"},
    ]
    return data


@pytest.fixture
def doc() -> Iterator[PlanDocument]:
    d = json_io.import_data(plan_data())
    yield d
    d.close(keep_working_copy=False)


def test_a_version_keeps_the_plan_as_it_was_and_is_undoable(doc: PlanDocument) -> None:
    editor = PlanEditor(doc)
    vid = runs.make_version(editor, "Ver.1.0", "令和4年3月策定", "策定時")
    editor.run("rename", lambda rec: outline.rename(rec, "initiative", 5, "行政手続のオンライン化"))
    [v] = versions.list_versions(doc.session.connection())
    assert (v.label, v.date_text, v.note) == ("Ver.1.0", "令和4年3月策定", "策定時")
    kept = versions.version_data(doc.session.connection(), vid)
    assert kept["initiatives"][0]["title"] == "手続等のオンライン化"  # as it was, not as it is
    assert "audit_log" not in kept and "versions" not in kept
    changeset, _ = editor.run("delete", lambda rec: versions.delete_version(rec, vid))
    assert versions.list_versions(doc.session.connection()) == []
    editor.revert(changeset)
    assert [x.label for x in versions.list_versions(doc.session.connection())] == ["Ver.1.0"]


def test_labels_are_unique_and_not_the_word_for_the_current_plan(doc: PlanDocument) -> None:
    editor = PlanEditor(doc)
    runs.make_version(editor, "Ver.1.0")
    for bad in ("Ver.1.0", "  ", "current", "現在"):
        with pytest.raises(ValidationError):
            runs.make_version(editor, bad)
    assert len(versions.list_versions(doc.session.connection())) == 1


def test_versions_travel_in_the_json_and_version_1_files_still_read(doc: PlanDocument) -> None:
    editor = PlanEditor(doc)
    runs.make_version(editor, "Ver.1.0", "令和4年3月策定")
    data = json_io.export_data(doc.session.connection())
    assert data["format_version"] == 2 and data["versions"][0]["label"] == "Ver.1.0"
    again = json_io.import_data(data)
    try:
        out = json_io.export_data(again.session.connection())
        assert json_io.dumps({**out, "exported_at": ""}) == json_io.dumps({**data, "exported_at": ""})
    finally:
        again.close(keep_working_copy=False)
    old = copy.deepcopy(RICH)  # format_version 1, no versions
    json_io.check_data(old)


def test_a_damaged_version_in_json_is_refused_naming_it() -> None:
    data = plan_data()
    content = copy.deepcopy(data)
    content["initiatives"][0]["lead_department_id"] = 999
    data["versions"] = [{"label": "Ver.1.0", "content": content}]
    with pytest.raises(Exception) as err:
        json_io.check_data(data)
    assert "$.versions[0].content" in str(err.value)


def edited(doc: PlanDocument) -> None:
    """What a user does between two versions (each through the editor, as the window does)."""
    e = PlanEditor(doc)
    e.run("text", lambda rec: inits.set_text_block(rec, 5, "direction", [(0, "方向を見直す", True), (1, "入れ子", True)]))
    e.run("kpi", lambda rec: rec.update("kpis", 3, target_value=40))
    e.run("bar", lambda rec: schedule.move_bars(rec, [1], 12))
    e.run("label", lambda rec: schedule.update_bar(rec, 2, label="全面実施"))
    e.run("dept", lambda rec: dep.rename_department(rec, 10, "総務局"))
    e.run("move", lambda rec: outline.move_to(rec, "initiative", 6, ("section", 3), 0))
    e.run("add", lambda rec: outline.add_initiative(rec, 2, "新しい取組"))


def test_every_change_appears_once_and_nothing_unchanged_appears(doc: PlanDocument) -> None:
    runs.make_version(PlanEditor(doc), "Ver.1.0")
    edited(doc)
    cmp = runs.side_data(doc.session.connection(), "Ver.1.0")[1], runs.side_data(doc.session.connection(), "current")[1]
    result = compare(*cmp, "Ver.1.0", "現在")
    kinds = sorted(c.kind for c in result.changes)
    assert kinds == sorted(["text", "kpi", "schedule", "schedule", "department", "moved", "added", "renumbered"]), \
        [(c.kind, c.where, c.before, c.after) for c in result.changes]
    moved = result.of_kind("moved")[0]
    assert "窓口改革" in moved.before and "職員の生産性向上" in moved.after  # one initiative that moved
    text = result.of_kind("text")[0]
    assert [text.after[s:e] for s, e in text.after_marks] == ["を見直す"]
    assert text.before_marks == []  # nothing was taken away, only added
    # ペーパーレス化 was renumbered by the move (② → ③ in its section): a number change, nothing else
    assert all("ペーパーレス化" not in c.where or c.kind == "renumbered" for c in result.changes)


def test_the_same_plan_compares_equal_even_after_undo(doc: PlanDocument) -> None:
    before = json_io.snapshot_data(doc.session.connection())
    e = PlanEditor(doc)
    changes = [e.run("x", lambda rec: outline.rename(rec, "initiative", 6, "窓口DX"))[0]]
    for c in reversed(changes):
        e.revert(c)
    assert compare(before, json_io.snapshot_data(doc.session.connection())).changes == []


def test_character_diff_groups_changes_into_phrases() -> None:
    old, new = diff_marks("令和4年3月策定", "令和6年3月改定")
    assert old == [(2, 3), (6, 7)] and new == [(2, 3), (6, 7)]
    old, new = diff_marks("オンライン化を進める", "電子化を進める")
    assert [("オンライン化を進める")[s:e] for s, e in old] == ["オンライン"]
    assert [("電子化を進める")[s:e] for s, e in new] == ["電子"]


def test_restore_makes_a_new_plan_and_leaves_the_current_one(doc: PlanDocument, tmp_path: Path) -> None:
    target = tmp_path / "p.dxplan"
    runs.make_version(PlanEditor(doc), "Ver.1.0")
    PlanEditor(doc).run("rename", lambda rec: outline.rename(rec, "initiative", 5, "改名"))
    doc.save(target)
    restored = runs.restored_document(doc.session.connection(), "Ver.1.0")
    try:
        data = json_io.export_data(restored.session.connection())
        assert data["initiatives"][0]["title"] == "手続等のオンライン化"
        assert restored.source is None  # unsaved: it must be saved under a new name
    finally:
        restored.close(keep_working_copy=False)
    current = json_io.export_data(doc.session.connection())
    assert current["initiatives"][0]["title"] == "改名"
    assert current["plan"]["uid"] != data["plan"]["uid"]
