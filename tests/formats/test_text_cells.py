"""Every workbook the product writes keeps user text as text: the same hostile strings through
the main export (XlsxWriter), the audit log (XlsxWriter) and the inquiry workbooks (openpyxl)."""

from __future__ import annotations

import copy
import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from dxeditor.exchange import inquiry
from dxeditor.formats.json.io import import_data
from dxeditor.formats.xlsx.text_cells import cell_text, looks_like_formula, set_text
from dxeditor.formats.xlsx.write.audit import export_audit_xlsx
from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx
from dxeditor.plan.ops.audit import AuditRow

#: Strings a spreadsheet would run or reinterpret if they were stored as typed.
HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=WEBSERVICE("http://x")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    '"',
    'a","b',
    "x,y",
    "\t=1+1",
    "\r=1+1",
    "=HYPERLINK(\"http://x\",\"y\")",
    "#N/A",
    "＝SUM(A1)",
]
FY = 2024


def formulas_in(path: Path) -> list[str]:
    """Every formula element in any sheet part of the workbook file."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += [f"{name}: {m}" for m in re.findall(rb"<f[ >].{0,60}", z.read(name))]
    return found


def texts_in(path: Path) -> dict[str, list[tuple[str, object]]]:
    """Per sheet, every (data type, value) of a non-empty cell, read back with openpyxl."""
    wb = openpyxl.load_workbook(path)
    try:
        return {ws.title: [(c.data_type, c.value) for row in ws.iter_rows() for c in row if c.value is not None]
                for ws in wb.worksheets}
    finally:
        wb.close()


def hostile_plan(demo_data: dict) -> dict:
    data = copy.deepcopy(demo_data)
    data["plan"]["title"] = HOSTILE[0]
    data["plan"]["municipality"] = HOSTILE[1]
    for i, ph in enumerate(data["phases"]):
        ph["name"] = HOSTILE[(i + 1) % len(HOSTILE)]
    for i, d in enumerate(data["departments"]):
        d["name"] = HOSTILE[i % len(HOSTILE)] + f"課{i}"
    k = 0
    for it in data["initiatives"]:
        it["title"] = HOSTILE[k % len(HOSTILE)]
        for r in it["schedule_rows"]:
            k += 1
            r["title"] = HOSTILE[k % len(HOSTILE)]
            for b in r["bars"]:
                b["label"] = HOSTILE[(k + 3) % len(HOSTILE)]
    data["initiatives"][0]["kpis"] = [{"id": 1, "name": HOSTILE[1], "target_text": HOSTILE[4], "unit": HOSTILE[2]}]
    return data


def test_policy_keeps_strings_as_strings(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, text in enumerate(HOSTILE, start=1):
        assert set_text(ws.cell(r, 1), text) == cell_text(text)
    wb.save(tmp_path / "p.xlsx")
    assert formulas_in(tmp_path / "p.xlsx") == []
    back = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    for r, text in enumerate(HOSTILE, start=1):
        cell = back.cell(r, 1)
        assert (cell.data_type, cell.value) == ("s", text.replace("\r", "\n"))
        assert cell.quotePrefix == looks_like_formula(cell.value)


def test_cell_text_replaces_what_xml_cannot_carry() -> None:
    assert cell_text("a\x01b\x00c") == "abc"
    assert cell_text("a\x0bb\x0cc") == "a\nb\nc"
    assert cell_text("a\r\nb\rc") == "a\nb\nc"
    assert cell_text("a\ud800b") == "a\ufffdb"
    assert len(cell_text("x" * 40000)) == 32767


def test_inquiry_workbook_has_no_formulas(demo_data: dict, tmp_path: Path) -> None:
    doc = import_data(hostile_plan(demo_data))
    try:
        conn = doc.session.connection()
        paths = inquiry.export_all(conn, [2, 3], tmp_path, fiscal_year=FY)
        for path in paths:
            assert formulas_in(path) == []
            sheets = texts_in(path)
            for title, cells in sheets.items():
                for kind, value in cells:
                    assert kind in ("s", "n"), (title, kind, value)
            bars = sheets[inquiry.BARS_SHEET]
            assert ("s", f"{HOSTILE[0]}　照会（令和6年度）") in bars  # the plan title in A1
            listed = [v for _k, v in sheets["_lists"]]
            assert set(HOSTILE[1:6]) <= set(listed)  # phase names, as text
            wb = openpyxl.load_workbook(path)
            for ws in wb.worksheets:
                for dv in ws.data_validations.dataValidation:
                    if dv.type == "list":  # a range, never an inline list
                        assert dv.formula1.startswith("'_lists'!$"), dv.formula1
            assert wb[inquiry.BARS_SHEET]["A1"].quotePrefix
            wb.close()
            # answered unchanged, the workbook reads back without a change or an error
            check = inquiry.check_answer(conn, path)
            assert check.errors == [] and check.changes == [], (check.errors, check.changes)
    finally:
        doc.close(keep_working_copy=False)


def test_inquiry_keeps_control_characters_out(demo_data: dict, tmp_path: Path) -> None:
    data = copy.deepcopy(demo_data)
    data["departments"][1]["name"] = "戸籍\x01住民\x1f課\x0b"
    data["initiatives"][0]["schedule_rows"][0]["title"] = "転出届\x02・転入予約"
    doc = import_data(data)
    try:
        conn = doc.session.connection()
        paths = inquiry.export_all(conn, [2, 3, 4], tmp_path, fiscal_year=FY)
        assert len(paths) == 3 and all(p.exists() for p in paths)
        for p in paths:
            check = inquiry.check_answer(conn, p)
            assert check.errors == [] and check.changes == []
    finally:
        doc.close(keep_working_copy=False)


def test_main_export_has_no_formulas(demo_data: dict, tmp_path: Path) -> None:
    doc = import_data(hostile_plan(demo_data))
    try:
        out = tmp_path / "plan.xlsx"
        export_xlsx(doc, out, XlsxOptions())
    finally:
        doc.close(keep_working_copy=False)
    assert formulas_in(out) == []
    cells = texts_in(out)
    values = {v for sheet in cells.values() for _k, v in sheet}
    assert {h.replace("\r", "\n") for h in HOSTILE[:8]} & values
    for title, sheet in cells.items():
        for kind, value in sheet:
            assert kind in ("s", "n"), (title, kind, value)


def test_audit_export_has_no_formulas(tmp_path: Path) -> None:
    at = datetime(2024, 5, 1, 10, 0).astimezone()
    entries = [AuditRow(i, at, h, h, h, "bars", i, None, frozenset(), h, h) for i, h in enumerate(HOSTILE, start=1)]
    out = export_audit_xlsx(entries, tmp_path / "audit.xlsx", title=HOSTILE[0] + "&", initiatives={})
    assert formulas_in(out) == []
    cells = texts_in(out)["変更履歴"]
    assert all(kind == "s" for kind, _v in cells)
    assert {h.replace("\r", "\n") for h in HOSTILE} <= {v for _k, v in cells}


@pytest.mark.parametrize("name", ['a"b', "a,b", '=1,"x"'])
def test_phase_name_cannot_break_the_drop_down(demo_data: dict, tmp_path: Path, name: str) -> None:
    data = copy.deepcopy(demo_data)
    data["phases"][0]["name"] = name
    doc = import_data(data)
    try:
        path = inquiry.export_inquiry(doc.session.connection(), 2, tmp_path / "a.xlsx", fiscal_year=FY)
    finally:
        doc.close(keep_working_copy=False)
    wb = openpyxl.load_workbook(path)
    ws = wb[inquiry.BARS_SHEET]
    (dv,) = [dv for dv in ws.data_validations.dataValidation if "F" in str(dv.sqref)]
    _sheet, ref = dv.formula1.split("!")
    values = [c.value for row in wb["_lists"][ref.replace("$", "")] for c in row]
    assert values[0] == name and len(values) == len(data["phases"])
