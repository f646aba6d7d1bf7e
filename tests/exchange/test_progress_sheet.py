"""The progress sheet of the inquiry workbook: five departments rate their initiatives, some make mistakes."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxeditor.exchange import inquiry, progress_sheet
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.progress import load_progress

FY = 2024
SHEET = progress_sheet.SHEET
FIRST = progress_sheet.HEADER_ROW + 1
DEPTS = [2, 3, 4, 5, 6]


@pytest.fixture
def plan(demo_data):
    """The demo with initiatives led by five departments and a KPI of each of the first two."""
    data = copy.deepcopy(demo_data)
    inits = data["initiatives"]
    for it in inits:  # without the demo's sample progress
        it["kpis"], it["progress"] = [], []
    for n, it in enumerate(inits[:10]):
        it["lead_department_id"] = DEPTS[n % 5]
        it["related_department_ids"] = [d for d in it["related_department_ids"] if d != DEPTS[n % 5]]
    inits[0]["kpis"] = [{"id": 1, "name": "オンライン化した手続数", "baseline_value": 3, "target_value": 27,
                         "unit": "手続"}]
    inits[1]["kpis"] = [{"id": 2, "name": "SNSの登録者数", "target_value": 10000, "unit": "人"}]
    doc = json_io.import_data(data)
    yield doc
    doc.close(keep_working_copy=False)


def answer(path: Path, edit) -> Path:
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def kpi_row(ws, kpi_id: int) -> int:
    return next(r for r in range(inquiry.HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 1).value == kpi_id)


def export_all(plan, tmp_path: Path) -> dict[int, Path]:
    paths = inquiry.export_all(plan.session.connection(), DEPTS, tmp_path, fiscal_year=FY)
    return dict(zip(DEPTS, paths, strict=True))


def test_the_sheet_lists_led_initiatives_with_a_drop_down(plan, tmp_path: Path) -> None:
    path = export_all(plan, tmp_path)[2]
    wb = load_workbook(path)
    ws = wb[SHEET]
    assert ws.protection.sheet and ws[progress_sheet.YEAR_CELL].value == "令和6年度"
    assert [c.value for c in ws[progress_sheet.HEADER_ROW]] == progress_sheet.COLS
    ids = [ws.cell(r, 1).value for r in range(FIRST, ws.max_row + 1)]
    assert ids == [1, 6]  # initiatives 1 and 6 are led by department 2
    assert ws.cell(FIRST, 2).protection.locked and not ws.cell(FIRST, 3).protection.locked
    [listed] = [dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert listed.startswith("'_lists'!$")  # a range on the hidden sheet, never an inline list
    col = listed.split("!$")[1].split("$")[0]
    words = [c.value for c in wb["_lists"][col] if c.value is not None]
    assert words == ["A 順調", "B 概ね順調", "C 遅れ", "D 未着手・中止"]
    kpi = wb[inquiry.KPI_SHEET]
    assert any(dv.type == "decimal" for dv in kpi.data_validations.dataValidation)


def test_five_departments_answer_and_mistakes_name_the_cell(plan, tmp_path: Path) -> None:
    conn = plan.session.connection()
    by_dept = export_all(plan, tmp_path)

    def good(wb):  # rates both of its initiatives, writes the texts and a KPI actual
        ws = wb[SHEET]
        ws.cell(FIRST, 3).value = "B 概ね順調"
        ws.cell(FIRST, 4).value = "12手続を電子化 𠮷"
        ws.cell(FIRST, 5).value = "添付書類の電子化"
        ws.cell(FIRST, 6).value = "対象手続を拡大"
        ws.cell(FIRST + 1, 3).value = "C"
        wb[inquiry.KPI_SHEET].cell(kpi_row(wb[inquiry.KPI_SHEET], 1), 6).value = 12
    answer(by_dept[2], good)

    def good_too(wb):
        wb[SHEET].cell(FIRST, 3).value = "A 順調"
        wb[inquiry.KPI_SHEET].cell(kpi_row(wb[inquiry.KPI_SHEET], 2), 6).value = "8,500"
    answer(by_dept[3], good_too)

    def not_a_number(wb):  # department 4 has no KPI of its own: it types into a KPI it does not own
        wb[SHEET].cell(FIRST, 3).value = "A"
    answer(by_dept[4], not_a_number)

    def wrong_rating(wb):
        wb[SHEET].cell(FIRST + 1, 3).value = "E 最高"
    answer(by_dept[5], wrong_rating)

    def wrong_year(wb):
        ws = wb[SHEET]
        ws[progress_sheet.YEAR_CELL].value = "令和5年度"
        ws.cell(FIRST, 3).value = "A"
    answer(by_dept[6], wrong_year)

    checks = {d: inquiry.check_answer(conn, p) for d, p in by_dept.items()}
    progress_sheet.check_batch(list(checks.values()))
    assert checks[2].ok and checks[3].ok and checks[4].ok, (checks[2].errors, checks[3].errors)
    fields = {(c.entity, c.entity_id, c.field): c.new for c in checks[2].changes}
    assert fields[("reviews", 1, "rating")] == "B" and fields[("reviews", 6, "rating")] == "C"
    assert fields[("reviews", 1, "results")] == "12手続を電子化 𠮷"
    assert fields[("kpi_actuals", 1, "value")] == 12
    assert any(c.describe().startswith("デジタル推進室「手続等のオンライン化・窓口改革」評価:") for c in checks[2].changes)
    assert checks[5].errors == [f"{SHEET}!C{FIRST + 1}: 評価「E 最高」は一覧（A・B・C・D）にありません"]
    assert checks[6].errors[0].startswith(f"{SHEET}!B2: 対象年度が「令和5年度」に変わっています")
    for d in (5, 6):
        assert checks[d].changes == []

    before = json_io.export_data(conn)
    editor = PlanEditor(plan)
    done = []
    for d in (2, 3, 4):
        c = checks[d]
        done.append(editor.run(f"照会回答の取込（{c.department}）",
                               lambda rec, c=c: inquiry.apply_answers(rec, c.changes, c.fiscal_year))[0])
    conn = plan.session.connection()
    data = load_progress(conn)
    review = data.reviews[(1, FY)]
    assert (review.rating, review.results, review.direction) == ("B", "12手続を電子化 𠮷", "対象手続を拡大")
    assert review.entered_by == f"{checks[2].department}（照会回答）"
    assert data.rating(6, FY) == "C" and data.rating(2, FY) == "A"
    assert data.kpis[2][0].actual(FY) == 8500

    # the same department answering again (its answers are in): refused, naming why
    again = inquiry.check_answer(conn, by_dept[2])
    assert not again.ok and "既に取り込まれています" in again.errors[0] and again.changes == []

    for cs in reversed(done):  # each department's answers are one undoable change
        editor.revert(cs)
    after = json_io.export_data(plan.session.connection())
    for d in (before, after):
        d.pop("exported_at")
        d.pop("audit_log")
    assert after == before


def test_two_answers_of_one_department_in_a_batch_and_a_wrong_year(plan, tmp_path: Path) -> None:
    conn = plan.session.connection()
    path = export_all(plan, tmp_path)[2]
    copy_path = tmp_path / "copy.xlsx"
    shutil.copyfile(path, copy_path)
    answer(path, lambda wb: setattr(wb[SHEET].cell(FIRST, 3), "value", "A"))
    answer(copy_path, lambda wb: setattr(wb[SHEET].cell(FIRST, 3), "value", "D"))
    checks = [inquiry.check_answer(conn, p) for p in (path, copy_path)]
    progress_sheet.check_batch(checks)
    for c in checks:
        assert not c.ok and "回答が 2 通あります" in c.errors[-1] and c.changes == []
    wrong = inquiry.check_answer(conn, path, expected_fy=2025)
    assert wrong.errors == ["令和6年度の照会ブックです（取り込む年度は令和7年度）"]


def test_a_kpi_it_does_not_own_and_a_word_for_a_number(plan, tmp_path: Path) -> None:
    conn = plan.session.connection()
    path = export_all(plan, tmp_path)[2]

    def edit(wb):
        ws = wb[inquiry.KPI_SHEET]
        ws.cell(inquiry.HEADER_ROW + 1, 6).value = "たくさん"
        r = inquiry.HEADER_ROW + 2  # a line added for another department's KPI
        for c, v in enumerate([2, "情報発信・情報公開", "SNSの登録者数", 10000, "人", 9000, ""], start=1):
            ws.cell(r, c).value = v
    answer(path, edit)
    check = inquiry.check_answer(conn, path)
    assert any("成果目標 5行目" in e and "実績値「たくさん」が数値ではありません" in e for e in check.errors)
    assert any("成果目標 6行目" in e and "照会していない成果目標" in e for e in check.errors)
    assert check.changes == []


def test_export_after_row_progress_was_entered(plan, tmp_path: Path) -> None:
    """Rows with a schedule status export (a plain-row read; ORM selects on a Connection give ids)."""
    from dxeditor.plan.ops import progress as ops

    PlanEditor(plan).run("状況", lambda rec: [ops.set_review(rec, FY, row_id=1, rating="C"),
                                             ops.set_ratings(rec, [(1, FY, "B")])])
    path = inquiry.export_inquiry(plan.session.connection(), 2, tmp_path / "x.xlsx", fiscal_year=FY)
    ws = load_workbook(path)[SHEET]
    assert ws.cell(FIRST, 3).value == "B 概ね順調"
