"""One glossary collation: the editor (list_terms), the booklet PDF and the workbook's 用語集 list terms alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from dxeditor.formats.json import io as json_io
from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx
from dxeditor.plan.ops import glossary as gl
from dxeditor.publish.pdf.export import PdfOptions, export_pdf
from tests.publish.test_pdf_support import all_text, needs_poppler

TERMS = [  # term, reading (as a DX office enters them)
    ("デジタル化", "でじたるか"), ("テレワーク", "てれわーく"), ("番号制度", "ばんごうせいど"),
    ("パッケージソフト", "ぱっけーじそふと"), ("AI", "えーあい"), ("GovTech東京", "がぶてっく"),
    ("Fit & Gap分析", "ふぃっとあんどぎゃっぷぶんせき"), ("書かない窓口", "かかないまどぐち"),
    ("ガバメントクラウド", "がばめんとくらうど"), ("LGWAN", "える・じー・わん"), ("可用性", "かようせい"),
    ("ハードウェア", ""), ("電子決裁", "でんしけっさい"), ("オープンデータ", "おーぷんでーた"),
]


def _doc():
    return json_io.import_data({
        "format": "dxeditor-plan", "format_version": 1,
        "plan": {"title": "用語集の順", "period_start_fy": 2023, "period_end_fy": 2027},
        "glossary": [{"id": i, "term": t, "reading": r, "description": f"{t}についての説明。"}
                     for i, (t, r) in enumerate(TERMS, start=1)],
    })


def test_collation_follows_kana_order_and_latin_initials() -> None:
    order = [t["term"] for _g, items in gl.collate([{"term": t, "reading": r} for t, r in TERMS]) for t in items]
    assert order.index("デジタル化") < order.index("テレワーク")  # で sorts as て: てしたるか < てれわあく
    assert order.index("ハードウェア") < order.index("パッケージソフト") < order.index("番号制度")
    assert order[:4] == ["AI", "Fit & Gap分析", "GovTech東京", "LGWAN"]  # 【A～】 by the letters, once
    assert gl.printed_term("GovTech東京", "がぶてっく") == "GovTech東京（ガブテック）"
    assert gl.printed_term("AI", "AI") == "AI" and gl.printed_term("可用性", "かようせい") == "可用性"


@needs_poppler
def test_editor_booklet_and_workbook_list_the_same_order(tmp_path: Path) -> None:
    doc = _doc()
    try:
        editor = [v.term for v in gl.list_terms(doc.session.connection())]
        export_pdf(doc, tmp_path / "b.pdf", PdfOptions(kind="booklet", today=dt.date(2026, 11, 23)))
        export_xlsx(doc, tmp_path / "w.xlsx", XlsxOptions())
    finally:
        doc.close(keep_working_copy=False)
    text = all_text(tmp_path / "b.pdf")
    start = text.rindex("用語集")
    glossary = text[start:]
    positions = {t: glossary.find(t) for t in editor}
    assert all(p >= 0 for p in positions.values()), positions
    booklet = sorted(editor, key=positions.__getitem__)
    wb = openpyxl.load_workbook(tmp_path / "w.xlsx")
    ws = wb["用語集"]
    sheet = [r[0] for r in ws.iter_rows(values_only=True) if r[0] and r[0] in editor]
    groups = [r[0] for r in ws.iter_rows(values_only=True) if isinstance(r[0], str) and r[0].startswith("【")]
    wb.close()
    assert booklet == editor == sheet
    assert groups == ["【A～】", "【あ～】", "【か～】", "【た～】", "【は～】"]
    assert "GovTech東京（ガブテック）" in glossary  # the reading printed as published glossaries do
