"""Excel import: our own workbooks, a seed-002-like municipal table, and bad input (nothing written)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Alignment, PatternFill

from dxeditor.cli import main as cli_main
from dxeditor.core.errors import ImportFormatError
from dxeditor.formats.json.io import import_data
from dxeditor.formats.xlsx.read.workbook import WorkbookReader, import_workbook, load_workbook_import
from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx
from tests.formats.xlsx_samples import sample_plan

GREEN = PatternFill("solid", fgColor="C6E0B4")
BLUE = PatternFill("solid", fgColor="BDD7EE")


def seed002_workbook(path: Path, header: str = "two rows") -> Path:
    """A workbook laid out like seed 002 §3.3: group column, two-style headers, merged bars, targets, sub-rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "計画的な取組"
    ws["A1"] = "上天草市DX推進計画　3.3 計画的な取組"
    ws.merge_cells("A3:C4")
    ws["A3"] = "取組事項"
    for i, y in enumerate(range(2021, 2026)):
        col = 4 + i
        if header == "two rows":
            ws.cell(3, col, f"{y}年度")
            ws.cell(4, col, f"令和{y - 2018}年度")
        elif header == "one cell":
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
            ws.cell(3, col, f"{y}年度\n(令和{y - 2018}年度)")
        else:  # numbers and dates
            ws.cell(3, col, y if i % 2 else dt.datetime(y, 4, 1))
    ws.merge_cells("I3:I4")
    ws["I3"] = "【参考】\n国が掲げる\n目標時期"

    def bar(ref: str, text: str, fill: PatternFill = GREEN) -> None:
        if ":" in ref:
            ws.merge_cells(ref)
        first = ws[ref.split(":")[0]]
        first.value = text
        first.fill = fill

    ws.merge_cells("A5:A13")
    ws["A5"] = "\n".join("国において目標時期等が設定されている取組")
    ws["B5"] = "自治体情報システムの標準化・共通化"
    bar("D5:E5", "標準仕様書と\n既存システム（運用）との比較", BLUE)
    bar("F5:G5", "ガバメントクラウド\nへ移行")
    bar("H5", "標準準拠システムへ移行")
    ws["I5"] = "令和7年度"
    ws["B6"] = "マイナンバーカードの普及促進"
    bar("D6:G6", "マイナンバーカード普及策の実施")
    bar("H6", "マイナンバーカード利活用策の実施")
    ws["I6"] = "令和4年度"
    ws.merge_cells("B7:B12")
    ws["B7"] = "自治体の行政手続のオンライン化"
    bar("E7:H7", "「実現性」、「効果性」の高い手続から優先的にオンライン化を実施")
    ws["I7"] = "-"
    for col in "FGH":  # a filled run of cells without a merge is one bar
        ws[f"{col}8"].fill = BLUE
    ws["F8"] = "運用開始（随時）"
    ws["C9"] = "【第1弾】・・・27件"
    bar("D9:F9", "オンライン化に向けた準備", BLUE)
    ws["G9"] = "運用開始"  # text alone is a one-column bar
    ws["I9"] = "令和4年度"
    ws["C10"] = "【第2弾】・・・16件"
    bar("E10:F10", "オンライン化に向けた準備", BLUE)
    bar("G10:H10", "運用開始")
    ws["C11"] = "【第3弾】・・・1386件"
    bar("F11:H11", "オンライン化に向けた準備(随時)", BLUE)
    bar("F12:H12", "運用開始（随時）")  # another lane of 第3弾
    ws["B13"] = "セキュリティ対策の徹底"
    bar("D13", "上天草市セキュリティポリシーの改正")
    bar("E13:H13", "改正版セキュリティポリシーに基づく\nセキュリティ対策の徹底")
    ws["I13"] = "令和4年度"
    ws.merge_cells("A14:A16")
    ws["A14"] = "\n".join("その他の取組")
    ws["B14"] = "AI・RPAの導入促進"
    bar("D14", "・5業務に係るシステム導入\n・導入対象業務選定")
    bar("E14", "22業務に係るシステム導入")
    bar("F14", "4業務に係るシステム導入")
    bar("H14", "必要に応じたシステム導入（随時）")
    ws["B15"] = "テレワークの推進"
    bar("D15", "テレワーク運用要綱の策定", BLUE)
    bar("F15:H15", "テレワーク運用要綱に基づく\n庁内テレワークの推進")
    ws["B16"] = "地域社会のデジタル化"
    bar("D16:H16", "スマホ講習会の開催 25回/年")
    for r in range(14, 17):
        ws.cell(r, 9, "-")
    ws["A5"].alignment = Alignment(vertical="center", wrap_text=True)
    wb.save(path)
    return path


def _rows(data: dict) -> dict[str, dict]:
    return {r["title"]: r for it in data["initiatives"] for r in it["schedule_rows"]}


@pytest.mark.parametrize("header", ["two rows", "one cell", "numbers and dates"])
def test_seed002_layout_every_row_and_bar(tmp_path: Path, header: str) -> None:
    src = seed002_workbook(tmp_path / "seed002.xlsx", header)
    result = load_workbook_import(src)
    data, lay = result.data, result.layout
    assert result.kind == "recognised" and lay is not None
    assert [y.fy for y in lay.years] == [2021, 2022, 2023, 2024, 2025]
    assert lay.roles == {1: "group", 2: "title", 3: "subtitle", 9: "target"}
    assert lay.data_first == 5
    assert [s["title"] for s in data["sections"]] == ["国において目標時期等が設定されている取組", "その他の取組"]
    assert len(data["initiatives"]) == 7
    rows = _rows(data)
    assert len(rows) == 10
    assert sum(len(r["bars"]) for r in rows.values()) == 22
    assert data["plan"]["period_start_fy"] == 2021 and data["plan"]["period_end_fy"] == 2025
    assert data["plan"]["title"] == "上天草市DX推進計画 3.3 計画的な取組"
    # the source's year style becomes the plan's: 2021年度 (令和3年度)
    assert data["plan"]["year_style"] == ("seireki" if header == "numbers and dates" else "seireki_wareki")
    online = rows["自治体の行政手続のオンライン化"]
    assert [(b["lane"], b["start"], b["end"]) for b in online["bars"]] == [(0, "2022-04", "2026-03"),
                                                                          (1, "2023-04", "2026-03")]
    first = rows["【第1弾】・・・27件"]
    assert first["parent_id"] == online["id"] and first["national_target_fy"] == 2022
    assert [(b["label"], b["start"], b["end"]) for b in first["bars"]] == [
        ("オンライン化に向けた準備", "2021-04", "2024-03"), ("運用開始", "2024-04", "2025-03")]
    third = rows["【第3弾】・・・1386件"]
    assert [b["lane"] for b in third["bars"]] == [0, 1]
    assert rows["自治体情報システムの標準化・共通化"]["national_target_fy"] == 2025
    assert "national_target_fy" not in rows["テレワークの推進"]
    ai = rows["AI・RPAの導入促進"]["bars"][0]
    assert ai["label"] == "・5業務に係るシステム導入\n・導入対象業務選定" and ai["lane"] == 0
    labels = [b["label"] for r in rows.values() for b in r["bars"]]
    assert "標準仕様書と\n既存システム（運用）との比較" in labels and "ガバメントクラウド\nへ移行" in labels
    assert "改正版セキュリティポリシーに基づく\nセキュリティ対策の徹底" in labels
    # phases by fill: the blue cells are one phase, the green ones another, the text-only cell a third
    phases = {b["label"]: b["phase"] for r in rows.values() for b in r["bars"]}
    blue, green = phases["標準仕様書と\n既存システム（運用）との比較"], phases["ガバメントクラウド\nへ移行"]
    assert blue != green and phases["テレワーク運用要綱の策定"] == blue and online["bars"][1]["phase"] == blue
    assert phases["マイナンバーカード普及策の実施"] == green and phases["運用開始"] != blue
    assert len(data["phases"]) == 3
    # texts as written
    std = rows["自治体情報システムの標準化・共通化"]
    assert std["national_target_text"] == "令和7年度"
    assert rows["テレワークの推進"]["national_target_text"] == "-"
    report = result.report()
    for needle in ("シート: 計画的な取組", "年度の列: D=", "A=区分", "I=国が掲げる目標時期", "行 10", "工程 22"):
        assert needle in report, needle


def test_preview_role_override_changes_the_reading(tmp_path: Path) -> None:
    src = seed002_workbook(tmp_path / "seed002.xlsx")
    reader = WorkbookReader(src)
    try:
        result = reader.read(roles={3: "ignore"})
    finally:
        reader.close()
    assert result.layout is not None and result.layout.roles[3] == "ignore"
    assert "【第1弾】・・・27件" not in _rows(result.data)


def test_cli_dry_run_and_import(tmp_path: Path, capsys) -> None:
    src = seed002_workbook(tmp_path / "seed002.xlsx")
    out = tmp_path / "out.dxplan"
    assert cli_main(["import", str(src), "--dry-run"]) == 0
    captured = capsys.readouterr().out
    assert "見出し行: 3行目、4行目" in captured and not out.exists()
    assert cli_main(["import", str(src), "-o", str(out)]) == 0
    assert out.exists()
    assert cli_main(["import", str(src), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert cli_main(["import", str(src), "-o", str(out), "--force"]) == 0


@pytest.mark.parametrize("damage", ["altered", "removed"])
def test_own_workbook_falls_back_to_recognition(tmp_path: Path, damage: str) -> None:
    doc = import_data(sample_plan())
    out = tmp_path / "own.xlsx"
    try:
        export_xlsx(doc, out, XlsxOptions(unit="year"))
    finally:
        doc.close(keep_working_copy=False)
    wb = openpyxl.load_workbook(out)
    sheet = wb["_dxeditor"]
    if damage == "altered":
        sheet["A6"] = sheet["A6"].value[:-8] + "AAAAAAAA"  # a changed byte of the embedded plan
    else:
        wb.remove(sheet)
    wb.save(out)
    result = load_workbook_import(out)
    assert result.kind == "recognised"
    assert any("変更されている" in w for w in result.warnings) == (damage == "altered")
    rows = _rows(result.data)
    assert set(rows) >= {"転出届・転入予約", "コンビニ交付", "AI・RPAの利用促進", "【第1弾】・・・27件"}
    assert rows["【第1弾】・・・27件"]["parent_id"] == rows["AI・RPAの利用促進"]["id"]  # from the indent
    assert [b["label"] for b in rows["AI・RPAの利用促進"]["bars"]] == [
        "一部実施", "業務のRPA化の推進", "職員によるシナリオ作成の推進"]
    assert rows["転出届・転入予約"]["bars"][0]["continues"] is True
    assert [s["title"] for s in result.data["sections"]] == ["市民の利便性向上", "職員の生産性向上"]


@pytest.mark.parametrize("unit", ["half", "quarter", "month"])
def test_sub_columns_of_own_layout_are_read_to_the_month(tmp_path: Path, unit: str) -> None:
    doc = import_data(sample_plan())
    out = tmp_path / "own.xlsx"
    try:
        export_xlsx(doc, out, XlsxOptions(unit=unit, sheets=("schedule",)))
    finally:
        doc.close(keep_working_copy=False)
    reader = WorkbookReader(out)
    try:
        result = reader.read(use_embedded=False)
    finally:
        reader.close()
    assert result.layout is not None
    assert len(result.layout.years) == 6 * {"half": 2, "quarter": 4, "month": 12}[unit]
    bars = {b["label"]: b for r in _rows(result.data).values() for b in r["bars"]}
    assert (bars["運用開始"]["start"], bars["運用開始"]["end"]) == ("2024-04", "2024-09")
    assert (bars["可能な部分から実施"]["start"], bars["可能な部分から実施"]["end"]) == ("2025-04", "2028-03")


# ----------------------------------------------------------------------------- bad input
def _assert_refused(src: Path, message: str, tmp_path: Path, capsys) -> None:
    with pytest.raises(ImportFormatError, match=message):
        load_workbook_import(src)
    out = tmp_path / "never.dxplan"
    assert cli_main(["import", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message.split("（")[0] in err and "Traceback" not in err
    assert not out.exists()


def test_not_a_zip(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.xlsx"
    src.write_text("これは表ではありません", encoding="utf-8")
    _assert_refused(src, "Excel ブック", tmp_path, capsys)


def test_corrupt_zip(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.xlsx"
    src.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    _assert_refused(src, "壊れています", tmp_path, capsys)


def test_encrypted_workbook(tmp_path: Path, capsys) -> None:
    src = tmp_path / "secret.xlsx"
    src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    _assert_refused(src, "パスワード付きのブックは読めません", tmp_path, capsys)


def _rewrite(src: Path, dst: Path, part: str, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, change(data) if item.filename == part else data)


def test_zip_bomb(tmp_path: Path, capsys) -> None:
    src = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))
    _assert_refused(src, "ZIP 爆弾", tmp_path, capsys)


def test_xml_bomb(tmp_path: Path, capsys) -> None:
    plain = seed002_workbook(tmp_path / "plain.xlsx")
    src = tmp_path / "xmlbomb.xlsx"
    entities = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    _rewrite(plain, src, "xl/worksheets/sheet1.xml", lambda d: entities + d.split(b"?>", 1)[-1])
    _assert_refused(src, "XML 爆弾", tmp_path, capsys)


def test_huge_sheet(tmp_path: Path, capsys) -> None:
    plain = seed002_workbook(tmp_path / "plain.xlsx")
    src = tmp_path / "huge.xlsx"
    _rewrite(plain, src, "xl/worksheets/sheet1.xml",
             lambda d: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:I1048576"', d))
    _assert_refused(src, "大きすぎます", tmp_path, capsys)


def test_nothing_recognised(tmp_path: Path, capsys) -> None:
    src = tmp_path / "memo.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "会議メモ"
    wb.active["B3"] = "令和X年度"
    wb.active["C3"] = "来年度"
    wb.save(src)
    _assert_refused(src, "工程表として読み取れるシートがありません", tmp_path, capsys)
    assert cli_main(["import", str(src), "--dry-run"]) == 2


def test_formulas_overlaps_and_bad_years_are_warnings(tmp_path: Path) -> None:
    src = seed002_workbook(tmp_path / "w.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb.active
    ws["J3"] = "令和Z年度"  # a header that does not parse
    ws["K20"] = "=SUM(1,2)"
    ws.merged_cells.add("A20:C21")
    ws.merged_cells.add("B21:D22")  # overlaps the range before it
    wb.save(src)
    result = load_workbook_import(src)
    text = "\n".join(result.warnings)
    assert "数式のセルが 1 個" in text
    assert "重なっています" in text
    assert "年度として読めない見出し: J3「令和Z年度」" in text
    assert len(_rows(result.data)) == 10


def test_import_creates_nothing_on_bad_plan(tmp_path: Path) -> None:
    src = tmp_path / "bad.xlsx"
    src.write_bytes(io.BytesIO(b"nope").getvalue())
    with pytest.raises(ImportFormatError):
        import_workbook(src, tmp_path / "x.dxplan")
    assert not (tmp_path / "x.dxplan").exists()


def test_seed000_tables_one_per_initiative_with_lanes(tmp_path: Path) -> None:
    """Seed 000: a heading, then a table per initiative; blank-title lines are stacked lanes."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "小樽市 自治体DXに関する全体方針"
    tables = [
        ("(1) 手続等のオンライン化・窓口改革", [
            ("転出届・転入予約", [("B", "B", "実施"), ("C", "C", "→")]),
            ("コンビニ交付", [("B", "B", "住民票\n印鑑証明"), ("C", "D", "標準化等に伴う拡充検討"), ("E", "F", "可能な部分から実施")]),
        ]),
        ("(6) AI・RPAの利用促進", [
            ("AI・RPAの利用促進", [("B", "G", "一部実施")]),
            ("", [("B", "G", "業務のRPA化の推進")]),
            ("", [("B", "G", "職員によるシナリオ作成の推進")]),
            ("BPR", [("B", "B", "業務改善調査"), ("C", "C", "業務改善調査"), ("D", "G", "業務フローの見直し・課題把握")]),
            ("", [("B", "G", "可能な部分から業務改善の推進")]),
        ]),
    ]
    r = 3
    for heading, rows in tables:
        ws.cell(r, 1, heading)
        r += 1
        ws.cell(r, 2, "令和4年度")
        for i, n in enumerate(range(5, 10)):
            ws.cell(r, 3 + i, f"{n}年度")
        r += 1
        for title, bars in rows:
            if title:
                ws.cell(r, 1, title)
            for a, b, text in bars:
                if a != b:
                    ws.merge_cells(f"{a}{r}:{b}{r}")
                ws[f"{a}{r}"] = text
                ws[f"{a}{r}"].fill = GREEN
            r += 1
        r += 2
    src = tmp_path / "seed000.xlsx"
    wb.save(src)
    result = load_workbook_import(src)
    data = result.data
    assert data["plan"]["title"] == "小樽市 自治体DXに関する全体方針"
    assert [it["title"] for it in data["initiatives"]] == ["(1) 手続等のオンライン化・窓口改革", "(6) AI・RPAの利用促進"]
    rows = _rows(data)
    assert [r["title"] for r in data["initiatives"][1]["schedule_rows"]] == ["AI・RPAの利用促進", "BPR"]
    assert [(b["lane"], b["label"]) for b in rows["AI・RPAの利用促進"]["bars"]] == [
        (0, "一部実施"), (1, "業務のRPA化の推進"), (2, "職員によるシナリオ作成の推進")]
    assert [b["lane"] for b in rows["BPR"]["bars"]] == [0, 0, 0, 1]
    conv = rows["コンビニ交付"]["bars"]
    assert [(b["lane"], b["label"]) for b in conv][:1] == [(0, "住民票\n印鑑証明")]  # one cell = one bar
    assert conv[1]["start"] == "2023-04" and conv[1]["end"] == "2025-03"
    assert result.counts.bars == 11
    moving = rows["転出届・転入予約"]["bars"]
    assert [(b["label"], b["end"], b["continues"]) for b in moving] == [("実施", "2024-03", True)]
