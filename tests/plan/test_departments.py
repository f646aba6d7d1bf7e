"""Departments: tree edits, renames / merges / splits over fiscal years, usage, import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from dxeditor.core.errors import ImportFormatError, ValidationError
from dxeditor.formats import department_list as di
from dxeditor.formats.json import io as json_io
from dxeditor.plan.changes import apply
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import departments as dep
from dxeditor.store import models as m
from dxeditor.store.document import PlanDocument

DATA: dict[str, Any] = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "𠮷野市DX推進計画", "period_start_fy": 2022, "period_end_fy": 2027},
    "departments": [
        {"id": 1, "kind": "部", "name": "総務部"},
        {"id": 2, "parent_id": 1, "kind": "室", "name": "デジタル推進室"},
        {"id": 3, "parent_id": 1, "kind": "課", "name": "戸籍住民課"},
        {"id": 4, "parent_id": 1, "kind": "課", "name": "市民課"},
        {"id": 5, "parent_id": 3, "kind": "係", "name": "住民記録係"},
        {"id": 6, "kind": "部", "name": "財務部"},
    ],
    "initiatives": [
        {"id": 1, "title": "手続等のオンライン化", "lead_department_id": 2, "related_department_ids": [3],
         "schedule_rows": [{"id": 1, "title": "転出届・転入予約", "lead_department_id": 3}]},
        {"id": 2, "title": "窓口改革"},
    ],
}


@pytest.fixture
def doc() -> Iterator[PlanDocument]:
    d = json_io.import_data(DATA)
    yield d
    d.close(keep_working_copy=False)


def run(doc: PlanDocument, fn: Any) -> Any:
    return PlanEditor(doc).run("test", fn)[1]


def conn(doc: PlanDocument) -> Any:
    return doc.session.connection()


def test_rename_from_shows_old_name_before_and_new_name_after(doc: PlanDocument) -> None:
    run(doc, lambda rec: dep.rename_from(rec, 2, "DX推進課", 2025))
    c = conn(doc)
    assert dep.name_in(c, 2, 2022) == "デジタル推進室"
    assert dep.name_in(c, 2, 2024) == "デジタル推進室"
    assert dep.name_in(c, 2, 2025) == "DX推進課"
    assert dep.name_in(c, 2) == "DX推進課"
    # a typo fix in 2022 corrects the old name only
    run(doc, lambda rec: dep.rename_department(rec, 2, "デジタル推進室 ", 2022))
    run(doc, lambda rec: dep.rename_department(rec, 2, "ＤＸ推進課", 2026))
    assert dep.name_in(conn(doc), 2, 2025) == "ＤＸ推進課"


def test_rename_from_refuses_nonsense(doc: PlanDocument) -> None:
    with pytest.raises(ValidationError, match="すでに"):
        run(doc, lambda rec: dep.rename_from(rec, 2, "デジタル推進室", 2025))
    with pytest.raises(ValidationError, match="空"):
        run(doc, lambda rec: dep.rename_from(rec, 2, "  ", 2025))
    with pytest.raises(ValidationError, match="1989"):
        run(doc, lambda rec: dep.rename_from(rec, 2, "新", 1900))


def test_merge_ends_predecessors_and_links_names_by_year(doc: PlanDocument) -> None:
    new_id = run(doc, lambda rec: dep.merge(rec, [3, 4], "市民窓口課", 2025))
    c = conn(doc)
    rows = {d.id: d for d in dep.list_departments(c, 2025)}
    assert rows[3].valid_to_fy == 2024 and rows[4].valid_to_fy == 2024
    assert rows[new_id].valid_from_fy == 2025 and rows[new_id].parent_id == 1 and rows[new_id].kind == "課"
    # the 係 under 戸籍住民課 moved under the new department
    assert rows[5].parent_id == new_id
    assert dep.label_in(c, 3, 2023) == "戸籍住民課"
    assert dep.label_in(c, 3, 2025) == "市民窓口課"  # a revision shows today's name
    assert dep.label_in(c, new_id, 2023) == "戸籍住民課・市民課"  # viewed as of before the merge
    assert dep.successors_in(c, 4, 2026) == [new_id]
    links = conn(doc).execute(select(m.DepartmentLink.__table__)).all()
    assert {(x.predecessor_id, x.successor_id, x.kind, x.fiscal_year) for x in links} == {
        (3, new_id, "merge", 2025), (4, new_id, "merge", 2025)}
    assert dep.names_in(c, 2025)[3] == "市民窓口課"


def test_merge_refusals(doc: PlanDocument) -> None:
    with pytest.raises(ValidationError, match="2つ以上"):
        run(doc, lambda rec: dep.merge(rec, [3], "X課", 2025))
    run(doc, lambda rec: dep.merge(rec, [3, 4], "市民窓口課", 2025))
    with pytest.raises(ValidationError, match="廃止"):
        run(doc, lambda rec: dep.merge(rec, [3, 2], "Y課", 2027))


def test_split_then_rename_chain(doc: PlanDocument) -> None:
    ids = run(doc, lambda rec: dep.split(rec, 2, ["DX推進課", "情報システム課", "DX推進課"], 2024))
    assert len(ids) == 2
    run(doc, lambda rec: dep.rename_from(rec, ids[1], "情報政策課", 2026))
    c = conn(doc)
    assert dep.label_in(c, 2, 2023) == "デジタル推進室"
    assert dep.label_in(c, 2, 2024) == "DX推進課・情報システム課"
    assert dep.label_in(c, 2, 2026) == "DX推進課・情報政策課"
    assert [d.name for d in dep.list_departments(c, 2024) if d.parent_id == 1] == [
        "デジタル推進室", "DX推進課", "情報システム課", "戸籍住民課", "市民課"]
    with pytest.raises(ValidationError, match="2つ以上"):
        run(doc, lambda rec: dep.split(rec, 3, ["A課"], 2024))


def test_usage_and_refused_delete(doc: PlanDocument) -> None:
    c = conn(doc)
    places = dep.usage(c, 3)
    assert [(u.kind, u.role, u.title) for u in places] == [
        ("initiative", "related", "手続等のオンライン化"), ("row", "lead", "転出届・転入予約")]
    assert "転出届・転入予約" in places[1].describe()
    with pytest.raises(ValidationError) as err:
        run(doc, lambda rec: dep.delete_department(rec, 3))
    assert "2 か所" in err.value.ja and "手続等のオンライン化" in err.value.ja
    # the 部 above it is refused too (its subtree is in use)
    with pytest.raises(ValidationError, match="「総務部」の下位の「デジタル推進室」"):
        run(doc, lambda rec: dep.delete_department(rec, 1))
    assert dep.name_in(conn(doc), 3) == "戸籍住民課"
    run(doc, lambda rec: dep.delete_department(rec, 6))
    assert 6 not in {d.id for d in dep.list_departments(conn(doc))}


def test_delete_unused_subtree_and_undo(doc: PlanDocument) -> None:
    ed = PlanEditor(doc)
    run(doc, lambda rec: dep.set_row_departments(rec, 1, None, []))
    run(doc, lambda rec: dep.set_initiative_departments(rec, 1, 2, []))
    cs, _ = ed.run("del", lambda rec: dep.delete_department(rec, 3))
    assert {3, 5}.isdisjoint({d.id for d in dep.list_departments(conn(doc))})
    ed.revert(cs)
    assert {3, 5} <= {d.id for d in dep.list_departments(conn(doc))}


def test_assignments_keep_one_lead(doc: PlanDocument) -> None:
    run(doc, lambda rec: dep.set_initiative_departments(rec, 2, 4, [3, 4, 3, 2]))
    t = m.InitiativeDepartment.__table__
    rows = conn(doc).execute(select(t).where(t.c.initiative_id == 2).order_by(t.c.position)).all()
    assert [(r.department_id, r.role) for r in rows] == [(4, "lead"), (3, "related"), (2, "related")]
    run(doc, lambda rec: dep.set_initiative_departments(rec, 2, None, [2]))
    rows = conn(doc).execute(select(t).where(t.c.initiative_id == 2)).all()
    assert [(r.department_id, r.role) for r in rows] == [(2, "related")]
    with pytest.raises(ValidationError):
        run(doc, lambda rec: dep.set_row_departments(rec, 1, 999, []))
    with pytest.raises(ValidationError):
        run(doc, lambda rec: dep.set_row_departments(rec, 999, 1, []))


def test_add_move_reparent(doc: PlanDocument) -> None:
    new = run(doc, lambda rec: dep.add_department(rec, "税務課", 6))
    c = conn(doc)
    info = {d.id: d for d in dep.list_departments(c)}
    assert info[new].kind == "課" and info[new].parent_id == 6
    assert dep.guess_kind("市民相談センター", 1) == "センター"
    assert dep.guess_kind("企画", 0) == "部"
    assert run(doc, lambda rec: dep.move_department(rec, 4, -1)) is True
    assert [d.id for d in dep.list_departments(conn(doc)) if d.parent_id == 1] == [2, 4, 3]
    assert run(doc, lambda rec: dep.move_department(rec, 2, -1)) is False
    with pytest.raises(ValidationError, match="自分自身"):
        run(doc, lambda rec: dep.reparent_department(rec, 1, 5))
    run(doc, lambda rec: dep.reparent_department(rec, 3, 6))
    assert [d.id for d in dep.list_departments(conn(doc)) if d.parent_id == 6] == [new, 3]


def test_move_skips_departments_not_valid_in_year(doc: PlanDocument) -> None:
    run(doc, lambda rec: dep.merge(rec, [3, 4], "市民窓口課", 2025))
    # in 2025 the visible children of 総務部 are デジタル推進室, 市民窓口課
    assert run(doc, lambda rec: dep.move_department(rec, 2, +1, 2025))
    names = [d.name for d in dep.list_departments(conn(doc), 2025) if d.parent_id == 1 and d.valid_in(2025)]
    assert names == ["市民窓口課", "デジタル推進室"]


def test_add_refuses_bad_names(doc: PlanDocument) -> None:
    with pytest.raises(ValidationError, match="空"):
        run(doc, lambda rec: dep.add_department(rec, "\u3000 "))
    with pytest.raises(ValidationError, match="長すぎ"):
        run(doc, lambda rec: dep.add_department(rec, "課" * 300))
    new = run(doc, lambda rec: dep.add_department(rec, "😀𠮷課"))
    assert dep.name_in(conn(doc), new) == "😀𠮷課"


# --- import ---------------------------------------------------------------------------------

CSV_LEVELS = "部,課,係\n総務部,総務課,庶務係\n,,人事係\n,デジタル推進室,\n財務部,税務課,\n総務部,総務課,庶務係\n\n"


def test_parse_levels_with_header_and_fill_down() -> None:
    parsed = di.parse_department_rows([r.split(",") for r in CSV_LEVELS.splitlines()])
    assert parsed.header and parsed.layout == "levels"
    assert [i.path for i in parsed.items] == [
        ("総務部", "総務課", "庶務係"), ("総務部", "総務課", "人事係"), ("総務部", "デジタル推進室"), ("財務部", "税務課")]
    assert [(p.line, "重複" in p.ja) for p in parsed.problems] == [(6, True)]


def test_parse_parent_column_layouts() -> None:
    rows = [["部署名", "上位部署"], ["庶務係", "総務課"], ["総務部", ""], ["総務課", "総務部"], ["防災係", "危機管理課"]]
    parsed = di.parse_department_rows(rows)
    assert parsed.layout == "parent"
    assert [(i.path, i.anchored) for i in parsed.items] == [
        (("総務部", "総務課", "庶務係"), False), (("総務部",), False), (("総務部", "総務課"), False),
        (("危機管理課", "防災係"), True)]
    # without a header: the second column names entries of the first
    parsed = di.parse_department_rows([["総務部", ""], ["総務課", "総務部"]])
    assert parsed.layout == "parent" and not parsed.header
    parsed = di.parse_department_rows([["A課", "B課"], ["B課", "A課"]])
    assert parsed.items == [] and all("循環" in p.ja for p in parsed.problems)


def test_parse_single_column_without_header() -> None:
    parsed = di.parse_department_rows([["総務部"], ["財務部"], [" 財務部 "]])
    assert not parsed.header and [i.path for i in parsed.items] == [("総務部",), ("財務部",)]
    assert len(parsed.problems) == 1
    with pytest.raises(ImportFormatError, match="空"):
        di.parse_department_rows([["", ""], []])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp932", "utf-16"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "depts.csv"
    path.write_bytes(CSV_LEVELS.replace("\n", "\r\n").encode(encoding))
    parsed = di.parse_department_file(path)
    assert parsed.items[0].path == ("総務部", "総務課", "庶務係")


def test_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "depts.txt"
    path.write_text("部\t課\n総務部\t総務課\n", encoding="utf-8")
    assert di.parse_department_file(path).items[0].path == ("総務部", "総務課")


def test_workbook_import(tmp_path: Path, doc: PlanDocument) -> None:
    path = tmp_path / "組織.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["コード", "部名", "課名", "係名"])
    ws.append([101, "総務部", "総務課", "庶務係"])
    ws.append([None, None, "戸籍住民課", None])  # exists already
    ws.append([102, "企画政策部", "企画課", None])
    wb.save(path)
    parsed = di.parse_department_file(path)
    assert [i.path for i in parsed.items] == [("総務部", "総務課", "庶務係"), ("総務部", "戸籍住民課"),
                                              ("企画政策部", "企画課")]
    assert parsed.items[0].code == "101"
    preview = di.preview_import(conn(doc), parsed)
    assert [s for _, s in preview] == ["new", "exists", "new"]
    before = len(dep.list_departments(conn(doc)))
    report = run(doc, lambda rec: di.import_departments(rec, parsed))
    assert report.added == [("総務部", "総務課", "庶務係"), ("企画政策部", "企画課")]
    assert [p.line for p in report.skipped] == [3] and "既に登録" in report.skipped[0].ja
    after = {d.name: d for d in dep.list_departments(conn(doc))}
    assert len(after) == before + 4
    assert after["総務課"].parent_id == 1 and after["庶務係"].kind == "係" and after["企画政策部"].kind == "部"
    # importing again adds nothing
    report = run(doc, lambda rec: di.import_departments(rec, parsed))
    assert report.added == [] and len(report.skipped) == 3


def test_import_is_one_undoable_change(doc: PlanDocument) -> None:
    parsed = di.parse_department_rows([["総務部", "新設課"], ["環境部", "環境課"]])
    ed = PlanEditor(doc)
    cs, report = ed.run("import", lambda rec: di.import_departments(rec, parsed, 2025))
    assert len(report.added) == 2
    names = {d.name: d for d in dep.list_departments(conn(doc))}
    assert names["新設課"].valid_from_fy == 2025 and names["環境部"].valid_from_fy == 2025
    ed.revert(cs)
    assert "環境部" not in {d.name for d in dep.list_departments(conn(doc))}
    apply(conn(doc), cs)
    assert "環境部" in {d.name for d in dep.list_departments(conn(doc))}


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.xls", ".xls"),
    (b"PK\x03\x04garbage", "broken.xlsx", "Excel ブックとして読めません"),
    (b"not a zip", "fake.xlsx", "Excel ブックとして読めません"),
    (bytes(range(256)) * 4, "binary.csv", "文字コード"),
    (b"", "empty.csv", "空"),
])
def test_bad_files_get_clear_messages(tmp_path: Path, content: bytes, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message) as err:
        di.parse_department_file(path)
    assert name in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="読めません"):
        di.parse_department_file(tmp_path / "nothing.csv")


def test_exports_print_the_successor_of_a_merged_department_in_every_read_model(doc: PlanDocument) -> None:
    """The read model (PDF, views) and the workbook's JSON view print one name for one department-year."""
    from dxeditor.plan.data_view import view_from_data
    from dxeditor.plan.readmodel import load_plan_view

    new_id = run(doc, lambda rec: dep.merge(rec, [3, 4], "市民窓口課", 2025, parent_id=1))
    c = conn(doc)
    data = json_io.export_data(c)
    for fy, expected in ((2024, "戸籍住民課"), (2025, "市民窓口課")):
        from_db = load_plan_view(c, dept_fy=fy)
        from_json = view_from_data(data, dept_fy=fy)
        for view in (from_db, from_json):
            init = next(i for i in view.initiatives() if i.id == 1)
            assert init.related == [expected], (fy, view)
            assert init.rows[0].lead == expected
    assert dep.label_in(c, 3, 2025) == "市民窓口課" and new_id
