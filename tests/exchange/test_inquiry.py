"""Department inquiry round trip: five departments answer, some with mistakes."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from dxeditor.exchange import inquiry
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.store import models as m

FY = 2024


@pytest.fixture
def plan(demo_data):
    """The demo with a KPI and a department on more rows, so five departments have something to answer."""
    data = copy.deepcopy(demo_data)
    inits = data["initiatives"]
    for it in inits:  # without the demo's sample progress
        it["kpis"], it["progress"] = [], []
    inits[0]["kpis"] = [{"id": 1, "name": "オンライン化した手続数", "target_value": 27, "unit": "手続"}]
    for it, dept in zip(inits[1:5], [3, 4, 5, 6], strict=True):
        it["schedule_rows"][0]["lead_department_id"] = dept
    doc = json_io.import_data(data)
    yield doc
    doc.close()


def export(plan, tmp_path: Path, dept: int) -> Path:
    return inquiry.export_inquiry(plan.session.connection(), dept, tmp_path / f"dept{dept}.xlsx", fiscal_year=FY)


def test_workbook_is_protected_with_drop_downs(plan, tmp_path: Path) -> None:
    path = export(plan, tmp_path, 2)
    wb = load_workbook(path)
    ws = wb[inquiry.BARS_SHEET]
    assert ws.protection.sheet
    assert wb[inquiry.BIND_SHEET].sheet_state == "veryHidden"
    header = [c.value for c in ws[inquiry.HEADER_ROW]]
    assert header == inquiry.BAR_COLS
    first = inquiry.HEADER_ROW + 1
    assert ws.cell(first, 4).protection.locked  # row title protected
    assert not ws.cell(first, 5).protection.locked  # label editable
    lists = [list_values(wb, dv.formula1) for dv in ws.data_validations.dataValidation]
    assert any("検討" in values for values in lists)
    assert any("令和6年度" in values for values in lists)
    assert wb[inquiry.PROGRESS_SHEET].data_validations.dataValidation


def list_values(wb, formula: str) -> list[str]:
    """The values of a drop-down list: always a range on the hidden lists sheet, never inline."""
    sheet, ref = formula.split("!")
    assert sheet == "'_lists'", formula
    return [c.value for row in wb["_lists"][ref.replace("$", "")] for c in row]


def answer(path: Path, edit) -> Path:
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def row_of(ws, title: str) -> int:
    for r in range(inquiry.HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, 4).value == title or ws.cell(r, 3).value == title:
            return r
    raise AssertionError(title)


def test_round_of_five_departments(plan, tmp_path: Path) -> None:
    conn = plan.session.connection()
    paths = inquiry.export_all(conn, [2, 3, 4, 5, 6], tmp_path, fiscal_year=FY)
    assert len(paths) == 5 and all(p.exists() for p in paths)
    by_dept = dict(zip([2, 3, 4, 5, 6], paths, strict=True))

    # デジタル推進室: relabels a bar, changes its phase and end year, reports status and a KPI actual
    def good(wb):
        ws = wb[inquiry.BARS_SHEET]
        r = inquiry.HEADER_ROW + 1
        ws.cell(r, 5).value = "一部実施（拡大）"
        ws.cell(r, 6).value = "準備・構築"
        ws.cell(r, 8).value = "令和8年度"
        wp = wb[inquiry.PROGRESS_SHEET]
        wp.cell(inquiry.HEADER_ROW + 1, 4).value = "遅延"
        wp.cell(inquiry.HEADER_ROW + 1, 5).value = "事業者の選定が遅れた 𠮷"
        wk = wb[inquiry.KPI_SHEET]
        wk.cell(inquiry.HEADER_ROW + 1, 6).value = 12
    answer(by_dept[2], good)

    # 戸籍住民課: changes a protected row title (a mistake)
    def tampered(wb):
        ws = wb[inquiry.BARS_SHEET]
        ws.cell(inquiry.HEADER_ROW + 1, 4).value = "勝手に変えた行名"
        ws.cell(inquiry.HEADER_ROW + 1, 5).value = "変更"
    answer(by_dept[3], tampered)

    # サービスセンター: deletes a row (a mistake)
    def deleted(wb):
        ws = wb[inquiry.PROGRESS_SHEET]
        ws.delete_rows(inquiry.HEADER_ROW + 1)
    answer(by_dept[4], deleted)

    # 市民税課: types a status that is not in the list (a mistake)
    def invalid(wb):
        wb[inquiry.PROGRESS_SHEET].cell(inquiry.HEADER_ROW + 1, 4).value = "だいたい順調"
    answer(by_dept[5], invalid)

    # 総合博物館: an end year that does not parse and one before the start (mistakes)
    def bad_year(wb):
        ws = wb[inquiry.BARS_SHEET]
        ws.cell(inquiry.HEADER_ROW + 1, 8).value = "来年度"
    answer(by_dept[6], bad_year)

    checks = {d: inquiry.check_answer(conn, p) for d, p in by_dept.items()}
    assert checks[2].ok, checks[2].errors
    fields = {(c.entity, c.field) for c in checks[2].changes}
    assert {("bars", "label"), ("bars", "phase"), ("bars", "end"), ("progress", "status"),
            ("progress", "comment"), ("kpi_actuals", "value")} <= fields
    assert any("保護されている内容" in e for e in checks[3].errors)
    assert any("削除" in e for e in checks[4].errors)
    assert any("だいたい順調" in e for e in checks[5].errors)
    assert any("来年度" in e for e in checks[6].errors)
    for d in (3, 4, 5, 6):
        assert checks[d].changes == []  # a workbook that fails validation changes nothing

    before = json_io.export_data(conn)
    editor = PlanEditor(plan)
    cs, n = editor.run("照会回答の取込（デジタル推進室）",
                       lambda rec: inquiry.apply_answers(rec, checks[2].changes, checks[2].fiscal_year))
    assert n == len(checks[2].changes)
    bar_id = checks[2].changes[0].entity_id
    bar = plan.session.get(m.Bar, bar_id)
    assert bar.label == "一部実施（拡大）" and bar.phase == "build" and bar.end == 2026 * 12 + 11
    prog = plan.session.scalars(select(m.Progress).where(m.Progress.fiscal_year == FY)).all()
    assert [(p.status, p.comment) for p in prog] == [("delayed", "事業者の選定が遅れた 𠮷")]
    actual = plan.session.scalars(select(m.KpiActual)).one()
    assert (actual.fiscal_year, actual.value) == (FY, 12)
    audit = plan.session.scalars(select(m.AuditEntry)).all()
    assert audit[-1].action == "照会回答の取込（デジタル推進室）"
    editor.revert(cs)  # one undoable change
    after_undo = json_io.export_data(plan.session.connection())
    for d in (before, after_undo):
        d.pop("exported_at")
        d.pop("audit_log")
    assert after_undo == before


def test_workbook_of_another_plan_is_refused(plan, tmp_path: Path, demo_data) -> None:
    other = json_io.import_data(copy.deepcopy(demo_data) | {"plan": demo_data["plan"] | {"uid": "other"}})
    try:
        path = inquiry.export_inquiry(other.session.connection(), 2, tmp_path / "other.xlsx", fiscal_year=FY)
    finally:
        other.close()
    check = inquiry.check_answer(plan.session.connection(), path)
    assert check.errors == ["別の計画の照会ブックです"]


def test_unchanged_workbook_has_no_changes(plan, tmp_path: Path) -> None:
    path = export(plan, tmp_path, 2)
    check = inquiry.check_answer(plan.session.connection(), path)
    assert check.ok and check.changes == [] and check.warnings == ["変更はありません"]


@pytest.mark.parametrize("content", [b"", b"not a workbook", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600])
def test_broken_or_encrypted_files(plan, tmp_path: Path, content: bytes) -> None:
    from dxeditor.core.errors import ImportFormatError

    p = tmp_path / "x.xlsx"
    p.write_bytes(content)
    with pytest.raises(ImportFormatError):
        inquiry.check_answer(plan.session.connection(), p)


def test_cli_round_trip(plan, tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    path = plan.save(tmp_path / "plan.dxplan")
    env = dict(os.environ)

    def run(*a: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "dxeditor", *a], capture_output=True, text=True, env=env,
                              cwd=root, timeout=120)

    out = tmp_path / "inq"
    r = run("inquiry", "export", str(path), "--dept", "デジタル推進室", "-o", str(out))
    assert r.returncode == 0, r.stderr
    (wbp,) = out.glob("*.xlsx")
    answered = tmp_path / "answer.xlsx"
    shutil.copyfile(wbp, answered)

    def edit(wb):
        wb[inquiry.BARS_SHEET].cell(inquiry.HEADER_ROW + 1, 5).value = "CLI で変更"
    answer(answered, edit)
    r = run("inquiry", "import", str(path), str(answered), "--dry-run")
    assert r.returncode == 0 and "CLI で変更" in r.stdout
    r = run("inquiry", "import", str(path), str(answered))
    assert r.returncode == 0, r.stderr
    data = json.loads(run("export", str(path), "--format", "json", "-o", str(tmp_path / "o.json")).stdout and
                      (tmp_path / "o.json").read_text("utf-8"))
    labels = [b["label"] for it in data["initiatives"] for row in it["schedule_rows"] for b in row["bars"]]
    assert "CLI で変更" in labels


def test_changes_read_as_people_write_them() -> None:
    from dxeditor.core.fiscal import parse_period
    from dxeditor.exchange.inquiry import FieldChange

    _start, end = parse_period("令和5年度")
    ch = FieldChange("デジタル推進室", "工程", "bars", 1, "end", "窓口改革", end, end + 12)
    assert ch.describe() == "デジタル推進室「窓口改革」終了: 令和6年3月 → 令和7年3月"
    assert FieldChange("市民税課", "進捗", "progress", 1, "comment", "RPA", None, "順調").describe() == \
        "市民税課「RPA」コメント: （空） → 順調"
