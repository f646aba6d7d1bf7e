"""Outline operations on a real SQLite working copy: add, rename, delete, duplicate, move, find, paste."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select

from dxeditor.core.errors import ValidationError
from dxeditor.formats import clipboard
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import outline as ops
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.store import models as m
from tests.ui.conftest import SMALL_PLAN


@pytest.fixture
def ed():
    doc = json_io.import_data(copy.deepcopy(SMALL_PLAN))
    yield PlanEditor(doc)
    doc.close(keep_working_copy=False)


def conn(ed: PlanEditor):
    return ed.doc.session.connection()


def titles(ed: PlanEditor) -> list[tuple[str, str, int]]:
    return [(k, v.title, d) for k, v, d in load_plan_view(conn(ed)).walk()]


def count(ed: PlanEditor, model) -> int:
    return int(conn(ed).execute(select(func.count()).select_from(model)).scalar_one())


def test_add_items_in_place_with_dense_positions(ed):
    _, sid = ed.run("s", lambda r: ops.add_section(r, None, "新しい柱", 1))
    _, iid = ed.run("i", lambda r: ops.add_initiative(r, sid, "新しい取組"))
    _, rid = ed.run("r", lambda r: ops.add_row(r, iid, None, "行A"))
    ed.run("r", lambda r: ops.add_row(r, iid, None, "行0", 0))
    ed.run("sub", lambda r: ops.add_row(r, iid, rid, "下位"))
    t = titles(ed)
    assert [x[1] for x in t if x[0] == "section"] == ["市民の利便性向上", "新しい柱", "職員の生産性向上"]
    i = [x[1] for x in t].index("新しい取組")
    assert t[i + 1:i + 4] == [("row", "行0", 2), ("row", "行A", 2), ("row", "下位", 3)]
    pos = conn(ed).execute(select(m.Section.position).order_by(m.Section.position)).scalars().all()
    assert pos == [0, 1, 2]


@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_empty_titles_are_refused_and_nothing_changes(ed, title):
    before = titles(ed)
    with pytest.raises(ValidationError) as exc:
        ed.run("x", lambda r: ops.rename(r, "initiative", 1, title))
    assert "空" in exc.value.ja and exc.value.en
    with pytest.raises(ValidationError):
        ed.run("x", lambda r: ops.add_row(r, 1, None, title))
    assert titles(ed) == before


def test_long_text_emoji_and_non_bmp_titles(ed):
    long = "あ" * 100_000
    ed.run("x", lambda r: ops.rename(r, "row", 1, "𠮷野家の手続 🏛️"))
    ed.run("x", lambda r: ops.rename(r, "initiative", 2, long))
    t = dict((v.id, v.title) for k, v, _ in load_plan_view(conn(ed)).walk() if k == "row")
    assert t[1] == "𠮷野家の手続 🏛️"
    assert len(load_plan_view(conn(ed)).initiatives()[1].title) == 100_000
    with pytest.raises(ValidationError):
        ed.run("x", lambda r: ops.rename(r, "row", 1, "x" * (ops.MAX_TEXT + 1)))


def test_delete_with_contents_and_undo_restores_everything(ed):
    counts = ops.count_contents(conn(ed), [("section", 1), ("initiative", 1)])
    assert counts == {"section": 1, "initiative": 2, "row": 3}
    before = json_io.export_data(conn(ed))
    cs, _ = ed.run("del", lambda r: ops.delete_items(r, [("section", 1), ("initiative", 1)]))
    assert count(ed, m.Initiative) == 1 and count(ed, m.Bar) == 0 and count(ed, m.Kpi) == 0
    ed.revert(cs)
    after = json_io.export_data(conn(ed))
    for d in (before, after):
        d.pop("exported_at"), d.pop("audit_log", None)
    assert after == before


def test_duplicate_initiative_is_a_deep_copy_after_the_original(ed):
    _, new = ed.run("dup", lambda r: ops.duplicate(r, "initiative", 1))
    view = load_plan_view(conn(ed))
    inits = [i.title for i in view.initiatives()]
    assert inits[:3] == ["手続のオンライン化", "手続のオンライン化（コピー）", "情報発信"]
    copy_ = view.initiatives()[1]
    assert copy_.id == new and copy_.sdgs == [9, 11] and copy_.lead == "デジタル推進室"
    assert [r.title for r in copy_.rows] == ["転出届・転入予約", "キャッシュレス", "コンビニ交付"]
    assert [len(r.bars) for r in copy_.rows] == [1, 2, 0]
    assert count(ed, m.Kpi) == 2 and count(ed, m.TextItem) == 4
    ed.run("dup", lambda r: ops.duplicate(r, "row", 2))
    assert [r.title for r in load_plan_view(conn(ed)).initiatives()[0].rows][1:3] == ["キャッシュレス",
                                                                                      "キャッシュレス（コピー）"]


def test_move_up_down_and_edges(ed):
    assert ed.run("m", lambda r: ops.move(r, "row", 3, -1))[1] is True
    assert [r.title for r in load_plan_view(conn(ed)).initiatives()[0].rows] == [
        "転出届・転入予約", "コンビニ交付", "キャッシュレス"]
    assert ed.run("m", lambda r: ops.move(r, "row", 1, -1))[1] is False


def test_move_to_other_parent_and_refused_targets(ed):
    ed.run("m", lambda r: ops.move_to(r, "initiative", 1, ("section", 2), 1))
    view = load_plan_view(conn(ed))
    assert [i.title for i in view.sections[1].initiatives] == ["AI・RPAの利用促進", "手続のオンライン化"]
    ed.run("m", lambda r: ops.move_to(r, "row", 4, ("row", 1), None))
    rows = load_plan_view(conn(ed)).sections[1].initiatives[1].rows
    assert [(r.title, r.depth) for r in rows][:2] == [("転出届・転入予約", 0), ("RPA", 1)]
    with pytest.raises(ValidationError):
        ed.run("m", lambda r: ops.move_to(r, "row", 1, ("row", 4), None))  # into its own child
    with pytest.raises(ValidationError):
        ed.run("m", lambda r: ops.move_to(r, "initiative", 2, ("initiative", 3), None))


def test_indent_and_outdent(ed):
    assert ed.run("i", lambda r: ops.indent(r, "row", 2))[1]
    rows = load_plan_view(conn(ed)).initiatives()[0].rows
    assert [(r.title, r.depth) for r in rows] == [("転出届・転入予約", 0), ("キャッシュレス", 1), ("コンビニ交付", 0)]
    assert ed.run("o", lambda r: ops.outdent(r, "row", 2))[1]
    rows = load_plan_view(conn(ed)).initiatives()[0].rows
    assert [(r.title, r.depth) for r in rows] == [("転出届・転入予約", 0), ("キャッシュレス", 0), ("コンビニ交付", 0)]
    assert not ed.run("o", lambda r: ops.outdent(r, "row", 1))[1]
    assert not ed.run("i", lambda r: ops.indent(r, "initiative", 2))[1]
    assert ed.run("i", lambda r: ops.indent(r, "section", 2))[1]
    assert load_plan_view(conn(ed)).sections[0].sections[0].title == "職員の生産性向上"


def test_find_items_by_text_department_sdg_and_national_item(ed):
    c = conn(ed)
    assert ("initiative", 1) in ops.find_items(c, "電子申請")  # inside a text block and a KPI
    assert ops.find_items(c, "ｒｐａ") >= {("row", 4), ("initiative", 3)}  # full-width, any case
    assert ops.find_items(c, department_id=3) == {("row", 1)}
    assert ("row", 4) in ops.find_items(c, sdg=8)
    assert ops.find_items(c, national=("focus", 3)) >= {("initiative", 1), ("row", 2)}
    assert ops.find_items(c, "キャッシュ", department_id=2) == {("row", 2)}
    assert ops.find_items(c) == set()


def test_clipboard_round_trip_and_paste_from_excel(ed):
    text = clipboard.to_tsv([["", "行1", "戸籍住民課", "市民税課", "備考\nあり"], ["", "行2\t", "", "", ""]])
    lines = clipboard.parse_tsv(text)
    assert [(x.title, x.lead, x.related, x.note) for x in lines] == [
        ("行1", "戸籍住民課", ["市民税課"], "備考\nあり"), ("行2", "", [], "")]
    excel = "電子契約\t戸籍住民課\r\nRPA拡大\t\r\n"
    _, created = ed.run("paste", lambda r: clipboard.paste_lines(r, ("initiative", 2), None,
                                                                  clipboard.parse_tsv(excel)))
    rows = load_plan_view(conn(ed)).initiatives()[1].rows
    assert [(r.title, r.lead) for r in rows] == [("電子契約", "戸籍住民課"), ("RPA拡大", "")]
    assert created == [("row", rows[0].id), ("row", rows[1].id)]


@pytest.mark.parametrize("text", ["", "   \n\t\n", "a\x00b", "\t\t\n\tx\t", "\t".join("x" * 30)])
def test_malformed_clipboard_text_is_refused(text):
    with pytest.raises(ValidationError) as exc:
        clipboard.parse_tsv(text)
    assert "何も変更していません" in exc.value.ja


def test_paste_with_unknown_department_changes_nothing(ed):
    before = count(ed, m.ScheduleRow)
    with pytest.raises(ValidationError) as exc:
        ed.run("p", lambda r: clipboard.paste_lines(r, ("initiative", 2), None,
                                                     clipboard.parse_tsv("新しい行\t存在しない課")))
    assert "存在しない課" in exc.value.ja
    assert count(ed, m.ScheduleRow) == before
