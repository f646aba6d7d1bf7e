"""The change recorder: every change can be undone and redone exactly."""

from __future__ import annotations

import copy

import pytest

from dxeditor.core.errors import ValidationError
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from tests.formats.test_json_io import RICH


def snapshot(doc) -> dict:
    data = json_io.export_data(doc.session.connection())
    data.pop("exported_at")
    data.pop("audit_log")
    return data


@pytest.fixture
def doc():
    d = json_io.import_data(copy.deepcopy(RICH))
    yield d
    d.close()


def test_update_undo_redo(doc) -> None:
    editor = PlanEditor(doc)
    before = snapshot(doc)
    cs, _ = editor.run("表題の変更", lambda rec: rec.update("plan", 1, title="新しい表題"))
    after = snapshot(doc)
    assert after["plan"]["title"] == "新しい表題"
    editor.revert(cs)
    assert snapshot(doc) == before
    editor.apply(cs)
    assert snapshot(doc) == after


def test_unchanged_update_records_nothing(doc) -> None:
    cs, _ = PlanEditor(doc).run("同じ値", lambda rec: rec.update("plan", 1, title=doc.plan.title))
    assert not cs


def test_cascading_delete_is_undone_completely(doc) -> None:
    editor = PlanEditor(doc)
    before = snapshot(doc)
    cs, _ = editor.run("セクションの削除", lambda rec: rec.delete("sections", 1))
    after = snapshot(doc)
    assert after["sections"] == [] and after["initiatives"] == []
    tables = cs.tables()
    assert {"sections", "initiatives", "schedule_rows", "bars", "milestones", "kpis", "kpi_actuals",
            "text_items", "initiative_sdgs", "initiative_departments", "row_departments", "progress"} <= tables
    editor.revert(cs)
    assert snapshot(doc) == before
    editor.apply(cs)
    assert snapshot(doc) == after
    editor.revert(cs)
    assert snapshot(doc) == before


def test_failed_change_leaves_document_unchanged(doc) -> None:
    editor = PlanEditor(doc)
    before = snapshot(doc)

    def half_then_fail(rec):
        rec.update("plan", 1, title="途中")
        rec.delete("bars", 1)
        raise ValidationError("だめです", "no")

    with pytest.raises(ValidationError):
        editor.run("失敗", half_then_fail)
    assert snapshot(doc) == before


def test_insert_undo_redo_keeps_ids(doc) -> None:
    editor = PlanEditor(doc)
    cs, new_id = editor.run("バーの追加", lambda rec: rec.insert(
        "bars", row_id=7, lane=0, start=2025 * 12, end=2025 * 12 + 11, label="𠮷", phase="study"))
    editor.revert(cs)
    assert all(b["id"] != new_id for b in snapshot(doc)["initiatives"][0]["schedule_rows"][0]["bars"])
    editor.apply(cs)
    bars = snapshot(doc)["initiatives"][0]["schedule_rows"][0]["bars"]
    assert any(b["id"] == new_id and b["label"] == "𠮷" for b in bars)


def test_every_change_is_audited(doc) -> None:
    from sqlalchemy import select

    from dxeditor.store.models import AuditEntry

    editor = PlanEditor(doc)
    cs, _ = editor.run("表題の変更", lambda rec: rec.update("plan", 1, title="監査"))
    editor.revert(cs)
    entries = doc.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["表題の変更", "元に戻す: 表題の変更"]
    assert entries[0].user == "tester" and entries[0].host == "TEST-PC"
    assert "監査" in entries[0].after


def test_read_only_document_refuses_edits(tmp_path) -> None:
    from dxeditor.core.errors import PlanFileError
    from dxeditor.store.document import PlanDocument

    d = json_io.import_data(copy.deepcopy(RICH))
    path = d.save(tmp_path / "p.dxplan")
    d.close()
    ro = PlanDocument.open(path, read_only=True)
    with pytest.raises(PlanFileError, match="読み取り専用"):
        PlanEditor(ro).run("x", lambda rec: rec.update("plan", 1, title="x"))
    ro.close()


def test_update_each_records_like_single_updates_and_undoes_exactly(doc) -> None:
    from sqlalchemy import select

    from dxeditor.plan.ops import outline as ops
    from dxeditor.store import models as m

    editor = PlanEditor(doc)
    iid = doc.session.connection().execute(select(m.Initiative.id)).scalars().first()
    ids = [editor.run("add", lambda rec, i=i: ops.add_row(rec, iid, None, f"行{i}"))[1] for i in range(4)]
    before = snapshot(doc)
    # new first row: every later sibling moves one place down, recorded row by row
    cs, new_id = editor.run("add first", lambda rec: ops.add_row(rec, iid, None, "先頭", 0))
    rows = [c for c in cs.changes if c.table == "schedule_rows" and c.before is not None]
    assert {c.id for c in rows} >= set(ids)
    assert all(c.after["position"] == c.before["position"] + 1 for c in rows)
    t = m.ScheduleRow.__table__
    order = list(doc.session.connection().execute(select(t.c.id).where(t.c.initiative_id == iid).where(t.c.parent_id.is_(None))
                              .order_by(t.c.position)).scalars())
    assert order[0] == new_id and order[-4:] == ids
    after = snapshot(doc)
    editor.revert(cs)
    assert snapshot(doc) == before
    editor.apply(cs)
    assert snapshot(doc) == after
    # nothing to change: nothing recorded; an unknown row: refused like rec.update
    cs2, n = editor.run("same", lambda rec: rec.update_each(t, {new_id: {"position": 0}}))
    assert n == 0 and not cs2
    with pytest.raises(KeyError):
        editor.run("missing", lambda rec: rec.update_each(t, {999_999: {"position": 0}}))
    assert snapshot(doc) == after


def test_deleting_a_row_with_sub_rows_and_bars_is_undone_and_redone_exactly(doc) -> None:
    from sqlalchemy import select

    from dxeditor.plan.ops import outline as ops
    from dxeditor.plan.ops import schedule as sops
    from dxeditor.store import models as m

    editor = PlanEditor(doc)
    iid = doc.session.connection().execute(select(m.Initiative.id)).scalars().first()

    def tree(rec):
        top = ops.add_row(rec, iid, None, "親")
        for i in range(3):
            sub = ops.add_row(rec, iid, top, f"子{i}")
            sops.add_bar(rec, sub, 2024 * 12 + i, 2024 * 12 + i + 3)
            ops.add_row(rec, iid, sub, f"孫{i}")
        sops.add_bar(rec, top, 2024 * 12, 2024 * 12 + 6)
        return top

    _cs, top = editor.run("tree", tree)
    before = snapshot(doc)
    cs, _ = editor.run("delete", lambda rec: ops.delete_items(rec, [("row", top)]))
    gone = [c for c in cs.changes if c.after is None]
    assert sum(1 for c in gone if c.table == "schedule_rows") == 7 and sum(1 for c in gone if c.table == "bars") == 4
    rows_gone = [c.id for c in gone if c.table == "schedule_rows"]
    assert rows_gone[-1] == top  # children before their parents
    conn = doc.session.connection()
    assert not conn.execute(select(m.ScheduleRow.id).where(m.ScheduleRow.id.in_(rows_gone))).all()
    after = snapshot(doc)
    editor.revert(cs)
    assert snapshot(doc) == before
    editor.apply(cs)
    assert snapshot(doc) == after
