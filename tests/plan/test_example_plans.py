"""The example plans entered from the seeds: counts and texts against the seed text they were entered from."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxeditor.app.templates import open_template
from dxeditor.app.templates import template_names as template_choices
from dxeditor.cli import main as cli_main
from dxeditor.core import paths
from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx
from dxeditor.plan.readmodel import load_plan_view
from dxeditor.publish.pdf.export import PdfOptions, export_pdf
from dxeditor.publish.pdf.texts import load_glossary, load_texts

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "resources" / "templates" / "sources"
SEED001_REFS = 24  # the ◇ lines of seed 001, all under the 12 initiatives


def _seed(n: str) -> str:
    """The seed text as the builder reads it (footnote markers removed), whitespace runs as one space."""
    text = (SOURCES / f"seed{n}.txt").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<sup>[^<]*</sup>|<[^>]*>|\^\{\*\d+\}|\*[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+(?![_0-9])", "", text).split())


@pytest.fixture
def example(request) -> Iterator:
    doc = open_template(request.param)
    yield doc
    doc.close(keep_working_copy=False)


def test_templates_are_discovered_by_name() -> None:
    names = template_choices()
    assert names[:2] == ["blank", "demo"]
    assert {"national", "namegata", "kamiamakusa", "oyama"} <= set(names)
    assert [n for n, _label in paths.example_plans()] == ["namegata", "kamiamakusa", "oyama"]


def test_the_built_files_are_current() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "resources" / "templates" / "build_examples.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("example", ["namegata"], indirect=True)
def test_seed001_namegata(example) -> None:
    conn = example.session.connection()
    view = load_plan_view(conn)
    seed = _seed("001")
    plan = view.plan
    assert (plan["title"], plan["version_label"], plan["formulation_date"]) == ("行方市DX基本方針", "Ver.2.0", "令和6年3月")
    inits = view.initiatives()
    assert len(inits) == 12 and not view.rows()
    assert [it.number for it in inits] == [f"({n})" for n in range(1, 13)]
    for it in inits:
        assert it.title in seed, it.title
    assert inits[11].title == "公金収納における eLTAX の活用"
    texts = load_texts(conn)
    systems = [x.text for x in texts[inits[0].id].blocks["content"] if x.level == 1]
    assert len(systems) == 27 and systems[0] == "1.住民基本台帳" and systems[19] == "20.戸籍の附票"
    assert systems[-1] == "7.統合滞納管理"
    refs = texts[inits[1].id].references
    assert len(refs) == 4
    assert (refs[0].title, refs[0].date_text) == ("経済財政運営と改革の基本方針 2023", "令和5年6月16日閣議決定")
    assert sum(len(texts[it.id].references) for it in inits if it.id in texts) == SEED001_REFS
    assert inits[3].summary.startswith("AI・RPAは、行政事務の効率化を促進するために有効なツールである")
    assert "第12条 情報システムではなくサービスを作る" in inits[9].summary
    glossary = load_glossary(conn)
    assert len(glossary) == 11
    for g in glossary:
        assert g["description"] in seed, g["term"]
    chapters = {c.title: c.body for c in view.chapters}
    assert "「デジタルの恩恵を受けられるシンプルな仕組みづくり」" in chapters["3 基本理念"]
    assert next(iter(chapters)) == "はじめに" and list(chapters)[-1] == "7 進行管理"


@pytest.mark.parametrize("example", ["kamiamakusa"], indirect=True)
def test_seed002_kamiamakusa(example) -> None:
    view = load_plan_view(example.session.connection())
    seed = _seed("002")
    assert [s.title for s in view.sections] == ["国において目標時期等が設定されている取組", "その他の取組"]
    assert len(view.initiatives()) == 7
    rows = view.rows()
    assert len(rows) == 10 and sum(len(r.bars) for r in rows) == 22
    by = {r.title.split("\n")[0]: r for r in rows}
    third = by["【第3弾】・・・1386件"]
    assert third.title == "【第3弾】・・・1386件\n・上記以外の各種手続"  # the seed lists no procedure of the 1,386
    assert [b.lane for b in third.bars] == [0, 1]
    std = by["自治体情報システムの標準化・共通化"]
    assert next(b.label for b in std.bars) == "標準仕様書と\n既存システム（運用）との比較"
    assert std.national_target_text == "令和7年度" and by["テレワークの推進"].national_target_text == "-"
    for r in rows:
        for b in r.bars:  # every label is the seed's cell, its line breaks where the cell broke
            assert b.label.replace("\n", " ") in seed or b.label.replace("\n", "") in seed.replace(" ", ""), b.label
    chapters = [c.title for c in view.chapters]
    assert chapters[0] == "1. はじめに" and "4.6 新たな価値創造に向けたデジタル化" in chapters
    assert len(chapters) == 43


@pytest.mark.parametrize("example", ["oyama"], indirect=True)
def test_seed004_oyama(example) -> None:
    view = load_plan_view(example.session.connection())
    seed = _seed("004")
    assert [s.title for s in view.sections] == [
        "自治体 DX の重点取組事項", "自治体 DX の取組とあわせて取り組むデジタル社会の実現に向けた取組",
        "各団体において必要に応じ実施を検討する取組"]
    inits = view.initiatives()
    assert [(it.national_category, it.national_number) for it in inits] == (
        [("focus", n) for n in range(1, 7)] + [("together", n) for n in range(1, 4)]
        + [("optional", n) for n in range(1, 3)])
    for it in inits:
        assert it.title in seed and it.summary in seed, it.title
    assert inits[7].title == "デジタルデバインド対策"  # as the seed writes it


@pytest.mark.parametrize("name", ["namegata", "kamiamakusa", "oyama"])
def test_examples_open_and_export(name: str, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.dxplan"
    assert cli_main(["new", "--template", name, str(out)]) == 0
    doc = open_template(name)
    try:
        for kind in ("schedule", "sheets", "booklet"):
            assert export_pdf(doc, tmp_path / f"{kind}.pdf", PdfOptions(kind=kind, today=dt.date(2026, 11, 23))) == []
        assert export_xlsx(doc, tmp_path / "w.xlsx", XlsxOptions()) == []
    finally:
        doc.close(keep_working_copy=False)
