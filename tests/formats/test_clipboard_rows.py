"""Whole outline items through the clipboard payload, within a plan and into another plan (issue 15, item 3)."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import select

from dxeditor.core.errors import ValidationError
from dxeditor.formats import clipboard
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import initiatives as iops
from dxeditor.plan.ops import outline as ops
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.store import models as m
from tests.ui.conftest import SMALL_PLAN


def make(plan=SMALL_PLAN):
    return PlanEditor(json_io.import_data(copy.deepcopy(plan)))


@pytest.fixture
def ed():
    e = make()
    yield e
    e.doc.close(keep_working_copy=False)


def conn(ed):
    return ed.doc.session.connection()


def row_content(ed, row_id):
    c = conn(ed)
    b, x, r = m.Bar.__table__, m.Milestone.__table__, m.ScheduleRow.__table__
    bars = [tuple(v) for v in c.execute(select(b.c.lane, b.c.start, b.c.end, b.c.label, b.c.phase, b.c.continues)
                                        .where(b.c.row_id == row_id).order_by(b.c.start, b.c.lane))]
    mss = [tuple(v) for v in c.execute(select(x.c.month, x.c.label).where(x.c.row_id == row_id))]
    row = c.execute(select(r.c.title, r.c.note).where(r.c.id == row_id)).one()
    lead, related = iops.departments_of(c, "row", row_id)
    names = {d.id: d.name for d in c.execute(select(m.Department.id, m.Department.name))}
    return (tuple(row), bars, mss, names.get(lead), [names[d] for d in related])


def rows_of(ed, initiative_id):
    return [r.id for r in load_plan_view(conn(ed)).initiatives()[initiative_id - 1].rows]


def test_rows_carry_bars_milestones_departments_and_notes_within_a_plan(ed):
    ed.run("prep", lambda rec: (iops.update_row(rec, 2, note="現金併用"),
                                iops.set_departments(rec, "row", 2, 3, [4]),
                                rec.insert("milestones", row_id=2, lane=0, month=2025 * 12 + 6, label="開始")))
    payload = clipboard.items_payload(conn(ed), [("row", 1), ("row", 2)])
    data = clipboard.payload_to_bytes(payload)
    back = clipboard.payload_from_bytes(data)
    originals = [row_content(ed, 1), row_content(ed, 2)]
    cs, (created, notes) = ed.run("paste", lambda rec: clipboard.paste_payload(rec, ("initiative", 2), None, back))
    assert notes == []
    assert [k for k, _ in created] == ["row", "row"]
    assert [row_content(ed, i) for _, i in created] == originals
    assert originals[1][1] and originals[1][2] and originals[1][0][1] == "現金併用" and originals[1][4] == ["市民税課"]
    ed.revert(cs)  # one command: undone as a whole
    assert rows_of(ed, 2) == []


def test_paste_after_a_row_and_initiatives_whole(ed):
    payload = clipboard.items_payload(conn(ed), [("initiative", 1)])
    _, (created, _notes) = ed.run("paste", lambda rec: clipboard.paste_payload(rec, ("initiative", 1), None, payload))
    (kind, new_id), = created
    assert kind == "initiative"
    view = load_plan_view(conn(ed))
    inits = [i for i in view.initiatives() if i.section_id == 1]
    assert [i.id for i in inits][:2] == [1, new_id]  # right after the copied one
    new = next(i for i in view.initiatives() if i.id == new_id)
    assert [r.title for r in new.rows] == ["転出届・転入予約", "キャッシュレス", "コンビニ交付"]
    assert iops.text_block(conn(ed), new_id, "current") == iops.text_block(conn(ed), 1, "current")
    assert [k["name"] for k in iops.children(conn(ed), "kpi", new_id)] == ["電子申請化した手続数"]
    # rows pasted on a row land right after it, as siblings
    payload = clipboard.items_payload(conn(ed), [("row", 4)])
    _, (created, _notes) = ed.run("p", lambda rec: clipboard.paste_payload(rec, ("row", 1), 1, payload))
    assert rows_of(ed, 1)[:3] == [1, created[0][1], 2]


def test_into_another_plan_departments_by_name_and_what_is_missing_is_said(ed):
    other_plan = copy.deepcopy(SMALL_PLAN)
    other_plan["departments"] = [{"id": 7, "name": "市民税課"}]  # no 戸籍住民課 here
    for it in other_plan["initiatives"]:
        it.pop("lead_department_id", None)
        for r in it.get("schedule_rows", []):
            r.pop("lead_department_id", None)
            r.pop("bars", None)
    other_plan["phases"] = [p for p in other_plan["phases"] if p["key"] != "study"]
    other = make(other_plan)
    try:
        ed.run("prep", lambda rec: iops.set_departments(rec, "row", 1, 3, [4]))
        payload = clipboard.payload_from_bytes(clipboard.payload_to_bytes(
            clipboard.items_payload(conn(ed), [("row", 1), ("row", 2)])))
        _, (created, notes) = other.run("paste", lambda rec: clipboard.paste_payload(rec, ("initiative", 3), None,
                                                                                     payload))
        assert len(created) == 2
        first = row_content(other, created[0][1])
        assert first[3] is None and first[4] == ["市民税課"]  # matched by name; the missing one is said
        assert any("戸籍住民課" in n for n in notes)
        assert any("study" in n for n in notes)  # the phase is missing there: said, and the default used
        assert len(first[1]) == 1 and first[1][0][1:3] == (2024 * 12, 2025 * 12 + 11)
    finally:
        other.doc.close(keep_working_copy=False)


def test_rows_need_an_initiative_and_foreign_data_is_refused(ed):
    payload = clipboard.items_payload(conn(ed), [("row", 1)])
    with pytest.raises(ValidationError):
        ed.run("p", lambda rec: clipboard.paste_payload(rec, ("section", 1), None, payload))
    for bad in (b"{", b'{"format": "x"}', b"{}"):
        with pytest.raises(ValidationError):
            clipboard.payload_from_bytes(bad)
    assert ops  # the outline ops stay importable beside the clipboard


def test_tsv_columns_are_mapped_and_unmapped_ones_are_named():
    t = clipboard.read_tsv("No.\t取組名\t担当課\t期間\t備考\r\n1\t電子契約\t市民税課\tR6〜R8\t試行あり\r\n")
    assert t.mapping == ["番号", "名称", "主管課", None, "備考"]
    assert t.ignored() == ["期間"]
    line, = clipboard.lines_of(t)
    assert (line.title, line.lead, line.note) == ("電子契約", "市民税課", "試行あり")
    # without a header, the 備考 (4th) column is kept, and a 5th is named, never dropped silently
    t = clipboard.read_tsv("電子契約\t市民税課\t\t紙併用\t予算あり\r\n")
    assert t.mapping[:4] == ["名称", "主管課", "関係課", "備考"] and t.ignored() == ["5列目"]
    assert clipboard.lines_of(t)[0].note == "紙併用"
    t.mapping[4] = "備考"
    t.mapping[3] = None
    assert clipboard.lines_of(t)[0].note == "予算あり" and t.ignored() == ["4列目"]


def test_initiative_lines_keep_their_note_as_summary(ed):
    _, created = ed.run("p", lambda rec: clipboard.paste_lines(rec, ("section", 2), None,
                                                                clipboard.parse_tsv("名称\t備考\r\n新取組\t概要です\r\n")))
    (_kind, iid), = created
    row = conn(ed).execute(select(m.Initiative.summary).where(m.Initiative.id == iid)).scalar_one()
    assert row == "概要です"
