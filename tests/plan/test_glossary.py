"""Glossary: kana order, 【A～】【あ～】 grouping, edits and their refusals."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dxeditor.core.errors import ValidationError
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.ops import glossary as gl
from dxeditor.store.document import PlanDocument

TERMS = [
    ("マイナンバーカード", "まいなんばーかーど"), ("UX", "UX"), ("オープンデータ", ""), ("可用性", "かようせい"),
    ("書かない窓口", "かかないまどぐち"), ("ガバメントクラウド", "ガバメントクラウド"), ("AI", "エーアイ"),
    ("オンライン会議システム", "おんらいんかいぎしすてむ"), ("ﾁｬｯﾄ", ""), ("チャットボット", "ちゃっとぼっと"),
    ("bpr", ""), ("𠮷野市の窓口", "よしのしのまどぐち"), ("😀スタンプ", "すたんぷ"), ("電子契約", ""),
    ("５Ｇ", "ふぁいぶじー"), ("ぴったりサービス", "ぴったりさーびす"), ("標準準拠システム", "ひょうじゅんじゅんきょしすてむ"),
    ("ペーパーレス", "ぺーぱーれす"), ("ヴァーチャル", ""),
]


@pytest.fixture
def doc() -> Iterator[PlanDocument]:
    d = json_io.import_data({
        "format": "dxeditor-plan", "format_version": 1,
        "plan": {"title": "用語集テスト", "period_start_fy": 2023, "period_end_fy": 2027},
        "glossary": [{"id": i, "term": t, "reading": r, "description": f"{t}の説明"}
                     for i, (t, r) in enumerate(TERMS, start=1)],
    })
    yield d
    d.close(keep_working_copy=False)


def run(doc: PlanDocument, fn: Any) -> Any:
    return PlanEditor(doc).run("test", fn)[1]


def test_reading_key_dictionary_order() -> None:
    assert gl.reading_key("カタカナ") == gl.reading_key("かたかな")
    assert gl.reading_key("ｶﾀｶﾅ") == gl.reading_key("かたかな")
    assert gl.reading_key("オープン")[0] == "おおふん"
    assert gl.reading_key("ぱーく")[0] == "はあく"
    assert gl.reading_key("きゃっしゅ")[0] == "きやつしゆ"
    words = ["でんしけいやく", "てれわーく", "でじたるか", "てつづき", "かかないまどぐち", "がばめんと", "かようせい"]
    assert sorted(words, key=gl.reading_key) == [
        "かかないまどぐち", "がばめんと", "かようせい", "でじたるか", "てつづき", "てれわーく", "でんしけいやく"]
    # plain before voiced before semi-voiced when otherwise equal
    assert sorted(["ぱん", "ばん", "はん"], key=gl.reading_key) == ["はん", "ばん", "ぱん"]


def test_group_of() -> None:
    assert gl.group_of("AI", "エーアイ") == "A"
    assert gl.group_of("ｅｘ", "") == "A"
    assert gl.group_of("5G", "") == "A"
    assert gl.group_of("ガバメントクラウド") == "か"
    assert gl.group_of("書かない窓口", "かかないまどぐち") == "か"
    assert gl.group_of("ﾁｬｯﾄ") == "た"
    assert gl.group_of("ヴァーチャル") == "あ"
    assert gl.group_of("ん") == "わ"
    assert gl.group_of("電子契約") == gl.OTHER
    assert gl.group_of("𠮷野市", "よしのし") == "や"
    assert gl.group_of("😀", "") == gl.OTHER
    assert gl.group_label("A") == "【A～】" and gl.group_label("か") == "【か～】" and gl.group_label("他") == "【その他】"


def test_suggest_reading() -> None:
    assert gl.suggest_reading("オープンデータ") == "おーぷんでーた"
    assert gl.suggest_reading("ﾁｬｯﾄ") == "ちゃっと"
    assert gl.suggest_reading("コネクテッド・ワンストップ") == "こねくてっどわんすとっぷ"
    assert gl.suggest_reading("デジタル化") == ""
    assert gl.suggest_reading("AI") == ""


def test_grouped_terms_order(doc: PlanDocument) -> None:
    groups = gl.grouped_terms(doc.session.connection())
    assert [label for label, _ in groups] == ["【A～】", "【あ～】", "【か～】", "【さ～】", "【た～】", "【は～】",
                                             "【ま～】", "【や～】", "【その他】"]
    listing = {label: [t.term for t in terms] for label, terms in groups}
    assert listing["【A～】"] == ["５Ｇ", "AI", "bpr", "UX"]
    assert listing["【あ～】"] == ["ヴァーチャル", "オープンデータ", "オンライン会議システム"]
    assert listing["【か～】"] == ["書かない窓口", "ガバメントクラウド", "可用性"]
    assert listing["【た～】"] == ["ﾁｬｯﾄ", "チャットボット"]
    assert listing["【は～】"] == ["ぴったりサービス", "標準準拠システム", "ペーパーレス"]
    assert listing["【や～】"] == ["𠮷野市の窓口"]
    assert listing["【さ～】"] == ["😀スタンプ"]
    assert listing["【その他】"] == ["電子契約"]


def test_filter(doc: PlanDocument) -> None:
    c = doc.session.connection()
    assert [t.term for t in gl.list_terms(c, "ｸﾗｳﾄﾞ")] == ["ガバメントクラウド"]
    assert [t.term for t in gl.list_terms(c, "かようせい")] == ["可用性"]
    assert [t.term for t in gl.list_terms(c, "ux")] == ["UX"]
    assert [t.term for t in gl.list_terms(c, "の説明")] != []


def test_add_edit_delete_and_undo(doc: PlanDocument) -> None:
    ed = PlanEditor(doc)
    c = doc.session.connection
    _cs, new = ed.run("add", lambda rec: gl.add_term(rec, " クラウド ", "", "説明\n二行目"))
    t = next(x for x in gl.list_terms(c()) if x.id == new)
    assert (t.term, t.reading, t.description, t.group) == ("クラウド", "くらうど", "説明\n二行目", "か")
    run(doc, lambda rec: gl.update_term(rec, new, reading="くらうど", description="改"))
    assert next(x for x in gl.list_terms(c()) if x.id == new).description == "改"
    run(doc, lambda rec: gl.delete_term(rec, new))
    assert new not in {x.id for x in gl.list_terms(c())}


def test_refusals(doc: PlanDocument) -> None:
    with pytest.raises(ValidationError, match="空"):
        run(doc, lambda rec: gl.add_term(rec, "  "))
    with pytest.raises(ValidationError, match="既に"):
        run(doc, lambda rec: gl.add_term(rec, "ａｉ"))
    with pytest.raises(ValidationError, match="既に"):
        run(doc, lambda rec: gl.update_term(rec, 2, term="ai"))
    with pytest.raises(ValidationError, match="長すぎ"):
        run(doc, lambda rec: gl.add_term(rec, "新語", "", "あ" * 200_001))
    with pytest.raises(ValidationError, match="見つかりません"):
        run(doc, lambda rec: gl.delete_term(rec, 999))
