"""PDF export checked as a reader sees it: per-page text, fonts, metadata, bookmarks, renders."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dxeditor.core.errors import DxError
from dxeditor.formats.json import io as json_io
from dxeditor.publish.pdf.export import PdfOptions, export_pdf, layout_document
from tests.publish.test_pdf_support import (
    ITAIJI,
    NO_FONT,
    RARE,
    all_text,
    fonts_table,
    info,
    needs_poppler,
    outline,
    page_count,
    page_text,
    row_title,
    run,
    small_plan,
)

pytestmark = needs_poppler
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def big_doc():
    """A plan whose schedule needs several A4 pages (three sections, 150 rows)."""
    doc = json_io.import_data(small_plan(150, sections=3))
    yield doc
    doc.close(keep_working_copy=False)


@pytest.fixture
def small_doc():
    doc = json_io.import_data(small_plan(8))
    yield doc
    doc.close(keep_working_copy=False)


def _export(doc, tmp_path: Path, **kw) -> tuple[Path, list[str]]:
    out = tmp_path / f"{kw.get('kind', 'schedule')}.pdf"
    warnings = export_pdf(doc, out, PdfOptions(today=TODAY, **kw))
    return out, warnings


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_schedule_repeats_header_and_never_cuts_a_row(big_doc, tmp_path):
    out, _ = _export(big_doc, tmp_path, kind="schedule", paper="A4")
    n = page_count(out)
    assert n >= 3
    for page in range(1, n + 1):
        text = page_text(out, page)
        for label in ("No.", "取組", "担当課", "令和4年度", "5年度", "9年度", "【参考】国が掲げる"):
            assert label in text, (page, label)
        assert "テスト市 自治体DX推進計画" in text and "出力日 令和8年11月23日" in text
        assert f"{page} / {n}" in text
        assert "凡例" in text
    whole = all_text(out)
    for i in range(150):
        assert whole.count(row_title(i)) == 1, row_title(i)


def test_schedule_continuation_pages_repeat_the_initiative(big_doc, tmp_path):
    out, _ = _export(big_doc, tmp_path, kind="schedule", paper="A4")
    texts = [page_text(out, p) for p in range(1, page_count(out) + 1)]
    assert any("（続き）" in t for t in texts[1:])


def test_schedule_a3_default_and_units(small_doc, tmp_path):
    out, _ = _export(small_doc, tmp_path, kind="schedule")
    assert info(out)["Page size"].startswith("1190.55 x 841.89")  # A3 landscape
    out, _ = _export(small_doc, tmp_path, kind="schedule", unit="quarter", year_style="both")
    text = page_text(out, 1)
    assert "令和4(2022)年度" in text and "4-6月" in text and "1-3月" in text
    out, _ = _export(small_doc, tmp_path, kind="schedule", unit="month", year_style="seireki")
    text = page_text(out, 1)
    assert "2022年度" in text
    assert "4 5 6 7 8 9 10 11 12 1 2 3" in text


@pytest.mark.parametrize("kind", ["schedule", "sheets", "booklet"])
def test_fonts_embedded_subset_and_metadata(small_doc, tmp_path, kind):
    out, _ = _export(small_doc, tmp_path, kind=kind)
    rows = fonts_table(out)
    assert rows
    for cols in rows:
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), cols
        assert "+" in cols[0], cols  # subset prefix
    names = " ".join(c[0] for c in rows)
    assert "Helvetica" not in names and "BIZUDGothic" in names
    meta = info(out)
    assert meta["Title"].startswith("テスト市 自治体DX推進計画")
    assert meta["Author"] == "テスト市"
    assert meta["Subject"]


def test_every_typed_character_is_in_the_text_or_the_warnings(small_doc, tmp_path):
    out, warnings = _export(small_doc, tmp_path, kind="booklet")
    text = all_text(out)
    assert RARE in text and ITAIJI in text  # 𠮷 comes from the fallback font and stays searchable
    assert any(NO_FONT in w for w in warnings) and "U+1F980" in warnings[0]
    data = small_plan(8)
    typed = [data["plan"]["title"], data["plan"]["municipality"], data["plan"]["issuing_department"]]
    for it in data["initiatives"]:
        typed += [it["title"], it["summary"]]
        typed += [t["text"] for block in it["text"].values() for t in block]
        typed += [k["name"] for k in it["kpis"]] + [r["title"] for r in it["references"]]
        for r in it["schedule_rows"]:
            typed.append(r["title"])
            typed += [b["label"] for b in r["bars"]] + [m["label"] for m in r["milestones"]]
    typed += [g["term"] for g in data["glossary"]] + [g["description"] for g in data["glossary"]]
    flat = _squash(text)
    missing = {ch for t in typed for ch in t if not ch.isspace() and ch not in flat}
    assert missing <= {NO_FONT}, missing


def test_sheets_one_initiative_per_page_with_blocks(small_doc, tmp_path):
    out, _ = _export(small_doc, tmp_path, kind="sheets")
    assert page_count(out) == 2
    for p in (1, 2):
        text = page_text(out, p)
        for label in ("現状と課題", "取組の方向性", "取組内容", "成果目標", "根拠・関連計画", "工程表",
                      "担当課（主管）", "デジタル推進室", "関係課", "重点取組事項 ③", "令和7年度末まで"):
            assert label in text, (p, label)
        assert "◇デジタル社会の実現に向けた重点計画" in text
        assert "・デジタル3原則が明確化された。" in _squash(text)
        assert "・可能なもの" not in _squash(text)  # bullet=false: a plain paragraph
    assert "(1)取組1" in _squash(page_text(out, 1)) and "(2)取組2" in _squash(page_text(out, 2))


def test_booklet_structure_toc_bookmarks_glossary(small_doc, tmp_path):
    out, _ = _export(small_doc, tmp_path, kind="booklet")
    cover = page_text(out, 1)
    assert "テスト市" in cover and "令和5年11月" in cover and "総務部デジタル推進室" in cover
    toc = page_text(out, 2)
    assert "目次" in toc
    for entry in ("はじめに", "自治体DXの背景", "基本理念と目指す姿", "基本方針1", "推進体制", "工程表", "用語集"):
        assert entry in toc
    assert toc.index("はじめに") < toc.index("基本方針1") < toc.index("推進体制") < toc.index("用語集")
    assert "情報通信技術の急速な発展" in all_text(out)
    marks = outline(out)
    assert "表紙" in marks and "目次" in marks and "1 はじめに" in marks and "(1) 自治体DXの背景" in marks
    assert any(m.startswith("(1) 取組1") for m in marks) and any("用語集" in m for m in marks)
    whole = all_text(out)
    gl = whole[whole.rindex("用語集"):]
    # grouped 【A～】【あ～】【か～】【た～】, AI under A (as seed 000), sorted by reading inside a group
    assert gl.index("【A～】") < gl.index("AI") < gl.index("【あ～】") < gl.index("エンドツーエンド") \
        < gl.index("【か～】") < gl.index("クラウド") < gl.index("【た～】") < gl.index("電子決裁")
    # the TOC's page numbers point at the right pages: body page N is PDF page N + 2 (cover, TOC)
    m = re.search(r"用語集\s*\.*\s*(\d+)", _squash(toc).replace("…", ""))
    assert m is not None
    assert "用語集" in page_text(out, int(m.group(1)) + 2)


def _booklet_of(data, tmp_path: Path) -> Path:
    tmp_path.mkdir(exist_ok=True)
    doc = json_io.import_data(data)
    try:
        out, _ = _export(doc, tmp_path, kind="booklet")
    finally:
        doc.close(keep_working_copy=False)
    return out


def test_booklet_prints_philosophy_only_where_chapters_do_not(tmp_path):
    data = small_plan(2)
    chapters = data["chapters"]
    chapters[0]["body"] += "\n\n誰一人取り残さない\n\n便利な市役所を目指します。"
    # both fields are in a chapter's body (the line breaks and spaces aside): no page of their own
    data["plan"]["basic_philosophy"] = "誰一人\n取り残さない"
    data["plan"]["vision"] = "便利な 市役所"
    out = _booklet_of(data, tmp_path / "a")
    assert "基本理念と目指す姿" not in page_text(out, 2)
    whole = _squash(all_text(out))
    assert whole.count("誰一人取り残さない") == 1 and "目指す姿" not in whole
    # only the vision is new: the page prints it alone
    data["plan"]["vision"] = "市民とともに歩む市役所"
    out = _booklet_of(data, tmp_path / "b")
    assert "基本理念と目指す姿" in page_text(out, 2)
    whole = _squash(all_text(out))
    assert whole.count("誰一人取り残さない") == 1 and whole.count("市民とともに歩む市役所") == 1
    assert "目指す姿" in whole and "基本理念" not in whole.replace("基本理念と目指す姿", "")


def test_booklet_without_philosophy_has_no_empty_page(tmp_path):
    data = small_plan(2)
    data["plan"]["basic_philosophy"] = data["plan"]["vision"] = ""
    out = _booklet_of(data, tmp_path)
    assert "基本理念と目指す姿" not in all_text(out)
    for n in range(1, page_count(out) + 1):
        assert _squash(page_text(out, n)), n  # every page has text


def test_booklet_indents_the_first_line_of_chapter_paragraphs(tmp_path):
    data = small_plan(2)
    long = "情報通信技術の急速な発展やスマートフォンの普及により、" * 6  # wraps over several lines
    data["chapters"][1]["body"] = long + "\n\n・箇条書きは字下げしない"
    out = _booklet_of(data, tmp_path)
    lines = run("pdftotext", "-layout", str(out), "-").splitlines()
    first = next(ln for ln in lines if "情報通信技術の急速な発展やスマートフォン" in ln and "普及により" in ln)
    second = lines[lines.index(first) + 1]
    bullet = next(ln for ln in lines if "箇条書きは字下げしない" in ln)
    indent = len(first) - len(first.lstrip())
    assert indent > len(second) - len(second.lstrip())  # 字下げ: the first line starts one character in
    assert indent > len(bullet) - len(bullet.lstrip())


def test_booklet_renders_and_looks_like_pages(small_doc, tmp_path):
    out, _ = _export(small_doc, tmp_path, kind="booklet")
    run("pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "3", str(out), str(tmp_path / "pg"))
    pngs = sorted(tmp_path.glob("pg-*.png"))
    assert len(pngs) == 3
    from PIL import Image

    for png in pngs:
        im = Image.open(png).convert("L")
        lo, hi = im.getextrema()
        assert lo < 100 and hi > 240  # ink on paper, not a blank page


def test_errors_are_dx_errors_and_leave_nothing(small_doc, tmp_path):
    with pytest.raises(DxError):
        export_pdf(small_doc, tmp_path / "missing" / "x.pdf", PdfOptions())
    with pytest.raises(DxError):
        export_pdf(small_doc, tmp_path / "x.pdf", PdfOptions(kind="poster"))
    with pytest.raises(DxError):
        export_pdf(small_doc, tmp_path / "x.pdf", PdfOptions(year_style="kanji"))
    assert list(tmp_path.iterdir()) == []


def test_replaces_an_existing_file_atomically(small_doc, tmp_path):
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    export_pdf(small_doc, out, PdfOptions())
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_from_cli_defaults_and_cli_command(small_doc, tmp_path):
    import argparse

    opts = PdfOptions.from_cli(argparse.Namespace(kind="booklet", paper=None, year_style=None, unit=None,
                                                  dept_year=None))
    assert (opts.kind, opts.paper_name, opts.unit) == ("booklet", "A4", "year")
    assert PdfOptions.from_cli(argparse.Namespace(kind="schedule", paper=None, year_style=None, unit=None,
                                                  dept_year=2024)).paper_name == "A3"
    from dxeditor import cli

    plan = small_doc.save(tmp_path / "p.dxplan")
    out = tmp_path / "cli.pdf"
    assert cli.main(["export", str(plan), "--format", "pdf", "--kind", "sheets", "-o", str(out)]) == 0
    assert page_count(out) == 2


def test_layout_is_deterministic_for_printing(small_doc):
    a = layout_document(small_doc, PdfOptions(kind="sheets", today=TODAY))
    b = layout_document(small_doc, PdfOptions(kind="sheets", today=TODAY))
    assert [p.ops for p in a.pages] == [p.ops for p in b.pages]


@pytest.mark.parametrize("kind", ["schedule", "sheets", "booklet"])
def test_demo_plan(demo_doc, tmp_path, kind):
    out, warnings = _export(demo_doc, tmp_path, kind=kind)
    assert warnings == []
    n = page_count(out)
    assert n >= 1
    if kind == "schedule":
        for p in range(1, n + 1):
            text = page_text(out, p)
            assert "取組" in text and "令和4年度" in text and f"{p} / {n}" in text
        whole = all_text(out)
        for title in ("転出届・転入予約", "チャットボット", "セキュリティ対策"):
            assert title in whole
    if kind == "booklet":
        marks = outline(out)
        assert any("手続等のオンライン化" in m for m in marks)
        assert "用語集" in all_text(out)


@pytest.mark.parametrize("kind", ["schedule", "sheets", "booklet"])
def test_empty_and_awkward_plans_export(tmp_path, kind):
    empty = {"format": "dxeditor-plan", "format_version": 1,
             "plan": {"title": "", "period_start_fy": 2024, "period_end_fy": 2024}}
    doc = json_io.import_data(empty)
    try:
        out, warnings = _export(doc, tmp_path, kind=kind)
        assert page_count(out) >= 1 and warnings == []
    finally:
        doc.close(keep_working_copy=False)
    data = small_plan(2)
    row = data["initiatives"][0]["schedule_rows"][0]
    row["title"] = "とても長い行の名前" * 12
    row["bars"] = [
        {"start": "2019-04", "end": "2030-03", "label": "計画期間の前から後まで続く非常に長いラベルの工程" * 3,
         "phase": "other"},
        {"start": "2023-06", "end": "2023-06", "label": "一か月", "phase": "study", "lane": 3},
    ]
    doc = json_io.import_data(data)
    try:
        out, _ = _export(doc, tmp_path, kind=kind, unit="month", paper="A4")
        text = _squash(all_text(out))
        assert "とても長い行の名前" in text and "一か月" in text
        assert "計画期間の前から後まで続く非常に長いラベルの工程" in text  # elided on paper, kept in the text
    finally:
        doc.close(keep_working_copy=False)
