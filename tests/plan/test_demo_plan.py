"""The bundled demo plan (seed 000, 小樽市) and the national template.

The demo must hold seed 000 completely: its prose chapters (1 はじめに … 5 参考), 3 basic
directions, 10 initiatives, the 24 rows of its schedule tables with every bar and label as
printed, its departments and its glossary (interpretations: docs/demo-plan.md).
"""

from __future__ import annotations

import copy
import importlib.util
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dxeditor.core import paths
from dxeditor.core.fiscal import index_to_month
from dxeditor.formats.json.io import check_data, export_data, import_data, load_json_file
from dxeditor.plan.readmodel import PlanView, RowView, load_plan_view
from dxeditor.store import models as m
from dxeditor.store.document import PlanDocument

ROOT = Path(__file__).resolve().parents[2]

SECTIONS = ["市民の利便性向上", "職員の生産性向上", "情報セキュリティ対策の強化"]
INITIATIVES = [
    # title, section, national category, national number, national target
    ("手続等のオンライン化・窓口改革", 0, "focus", 3, None),
    ("情報発信・情報公開", 0, "optional", 2, None),
    ("マイナンバーカードの普及促進", 0, "focus", 2, None),
    ("デジタルデバイド対策", 0, "together", 2, None),
    ("自治体情報システムの標準化・共通化", 1, "focus", 1, 2025),
    ("AI・RPAの利用促進", 1, "focus", 4, None),
    ("知識・課題の共有促進", 1, "", None, None),
    ("ペーパーレス化に向けた取組", 1, "", None, None),
    ("柔軟な働き方の推進", 1, "focus", 5, None),
    ("セキュリティ対策の徹底", 2, "focus", 6, None),
]
ROWS = {
    1: [
        "転出届・転入予約",
        "国民の利便性向上手続オンライン化",
        "その他オンライン申請",
        "コンビニ交付",
        "キャッシュレス(窓口)",
        "キャッシュレス(オンライン)",
        "窓口改革",
    ],
    2: ["公開型GIS", "オープンデータ", "チャットボット"],
    3: ["マイナンバーカードの普及促進"],
    4: ["デジタルデバイド対策"],
    5: ["情報システムの標準化・共通化"],
    6: ["AI・RPAの利用促進", "BPR"],
    7: ["各部署の業務内容等の共有", "コミュニケーションツールの導入"],
    8: ["電子決裁・文書管理システム", "電子入札・電子契約", "ペーパーレス会議"],
    9: ["テレワーク", "タブレット", "無線化"],
    10: ["セキュリティ対策"],
}
BAR_COUNT = 76
GLOSSARY_TERMS = [
    "AI", "BPR", "CIO", "DX", "EBPM", "Fit & Gap分析", "GIS", "ICT", "LAN", "OCR", "RPA", "SNS", "UI", "UX",
    "エンドツーエンド", "オープンシステム化", "オープンデータ", "オンライン会議システム", "書かない窓口",
    "ガバメントクラウド", "可用性", "完全性", "機密性", "キャッシュレス", "クラウド", "コミュニケーションツール",
    "コンビニ交付", "サービスデザイン思考", "サイバーセキュリティ", "自治体DX推進手順書", "情報セキュリティポリシー",
    "チャット", "チャットボット", "デジタル化", "デジタル原則", "デジタル3原則", "デジタル手続法", "デジタルデバイド",
    "デジタルファースト", "デジタル臨時行政調査会", "電子契約", "電子決裁", "電子署名", "電子入札", "テレワーク",
    "特に国民の利便性向上に資する手続", "ノンコア業務", "ぴったりサービス", "プッシュ型", "標準準拠システム",
    "ペーパーレス", "マイナポータル", "マイナンバーカード", "マイナンバー制度",
]  # fmt: skip

# title, depth, placement of every chapter in reading order (the printed 目次 of chapters 1, 2,
# 3, 4 and 5 without the initiatives and the basic directions, which are sections/initiatives).
CHAPTERS = [
    ("1 はじめに", 0, "front"),
    ("(1) 自治体DXの背景", 1, "front"),
    ("(2) 小樽市の状況", 1, "front"),
    ("(3) 自治体DXを推進する上での考え方", 1, "front"),
    ("(4) 本方針の位置付け", 1, "front"),
    ("2 自治体DXに向けての基本的方向性", 0, "front"),
    ("3 取組事項", 0, "front"),
    ("4 推進体制", 0, "back"),
    ("(1) 推進体制の整備", 1, "back"),
    ("(2) 人材の確保・育成", 1, "back"),
    ("5 参考", 0, "back"),
    ("(1) 用語集", 1, "back"),
    ("(2)「サービス設計 12 箇条」", 1, "back"),
]
EMPTY_CHAPTERS = {"1 はじめに", "4 推進体制", "5 参考", "(1) 用語集"}  # headings only
ARTICLES = [
    "第1条 利用者のニーズから出発する",
    "第2条 事実を詳細に把握する",
    "第3条 エンドツーエンドで考える",
    "第4条 全ての関係者に気を配る",
    "第5条 サービスはシンプルにする",
    "第6条 デジタル技術を活用し、サービスの価値を高める",
    "第7条 利用者の日常体験に溶け込む",
    "第8条 自分で作りすぎない",
    "第9条 オープンにサービスを作る",
    "第10条 何度も繰り返す",
    "第11条 一遍にやらず、一貫してやる",
    "第12条 情報システムではなくサービスを作る",
]

# The seed's text extraction, for the verbatim checks (skipped where the seed is not available).
SEED_000 = Path(os.environ.get("DXEDITOR_SEED_000", "/work/shared/seeds/000_0b0a9a9cc11841d2.txt"))
FOOTNOTE_MARK = re.compile(r" ?[\u00b9\u00b2\u00b3\u2070-\u2079]+ ?")
# Lines entered in a composed form (docs/demo-plan.md, "Chapters"): each group must be in the seed.
COMPOSED = [
    re.compile(r"（図）(.+)　出典：(.+)"),  # a chart: its caption and its source
    re.compile(r"(デジタイゼーション|デジタライゼーション|DX)：(.+)（例：(.+)）"),  # デジタル化の3つの形
]

# (lane, start, end, label, phase, continues) of every bar of a few rows, as reconstructed
# from the seed (docs/demo-plan.md, "Schedule tables").
EXPECTED_BARS = {
    "情報システムの標準化・共通化": [
        (0, "2022-04", "2024-03", "仕様書確認 Fit&Gap分析", "build", False),
        (0, "2024-04", "2025-03", "仕様決定", "build", False),
        (0, "2025-04", "2026-03", "システム構築", "build", False),
        (0, "2026-04", "2028-03", "実施", "run", True),
    ],
    "国民の利便性向上手続オンライン化": [
        (0, "2023-04", "2024-03", "一部実施", "run", False),
        (0, "2024-04", "2025-03", "標準化等に伴う拡充検討", "study", False),
        (0, "2025-04", "2028-03", "可能な部分から実施", "run", True),
        (1, "2023-04", "2024-03", "・子育て", "other", False),
        (2, "2023-04", "2024-03", "・介護", "other", False),
        (3, "2023-04", "2024-03", "・消防", "other", False),
    ],
    "キャッシュレス(窓口)": [
        (0, "2022-04", "2023-03", "戸籍住民課", "other", False),
        (0, "2023-04", "2024-03", "拡充検討", "study", False),
        (0, "2024-04", "2028-03", "可能な部分から実施", "run", True),
        (1, "2022-04", "2023-03", "各サービスセンター", "other", False),
        (2, "2022-04", "2023-03", "市民税課", "other", False),
        (3, "2022-04", "2023-03", "総合博物館", "other", False),
    ],
    "AI・RPAの利用促進": [
        (0, "2022-04", "2028-03", "一部実施", "run", True),
        (1, "2022-04", "2028-03", "業務のRPA化の推進", "run", True),
        (2, "2022-04", "2028-03", "職員によるシナリオ作成の推進", "run", True),
    ],
    "公開型GIS": [
        (0, "2022-04", "2028-03", "システム統合・公開に向けた検討", "study", True),
        (1, "2023-04", "2024-03", "一部実施", "run", False),
        (1, "2024-04", "2028-03", "可能な部分から実施", "run", True),
        (2, "2023-04", "2024-03", "・道路台帳", "other", False),
    ],
    "マイナンバーカードの普及促進": [
        (0, "2022-04", "2023-03", "重点的な普及促進", "run", False),
        (0, "2023-04", "2028-03", "国の動向を見ながら対応", "continue", True),
    ],
    "電子決裁・文書管理システム": [
        (0, "2023-04", "2026-03", "課題抽出・仕様検討", "study", False),
        (0, "2026-04", "2027-03", "システム構築", "build", False),
        (0, "2027-04", "2028-03", "実施", "run", True),
    ],
    "窓口改革": [
        (0, "2023-04", "2026-03", "在り方を検討", "study", False),
        (0, "2026-04", "2028-03", "可能な部分から実施", "run", True),
    ],
}


def _strip_volatile(data: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out.pop("exported_at", None)
    out.pop("generator", None)
    return out


def _view(doc: PlanDocument) -> PlanView:
    doc.session.commit()
    return load_plan_view(doc.session.connection())


def _export(doc: PlanDocument) -> dict[str, Any]:
    doc.session.commit()
    return _strip_volatile(export_data(doc.session.connection()))


def _bars(row: RowView) -> list[tuple[int, str, str, str, str, bool]]:
    return [
        (b.lane, index_to_month(b.start), index_to_month(b.end), b.label, b.phase, b.continues)
        for b in row.bars
    ]


def _seed_text() -> str:
    """Seed 000's body text as entered: footnote lines and markers dropped, letter-spaced
    acronyms joined (B P R → BPR), the page break inside (1) 「ところで / す。」 joined."""
    if not SEED_000.is_file():
        pytest.skip(f"seed 000 not available at {SEED_000} (set DXEDITOR_SEED_000)")
    lines = SEED_000.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if not FOOTNOTE_MARK.match(ln.lstrip("- "))]
    text = FOOTNOTE_MARK.sub("", "\n".join(body))
    text = re.sub(r"(?<![A-Za-z])([A-Za-z]) (?=[A-Za-z](?![A-Za-z]))", r"\1", text)
    return text.replace("ところで\n\nす。", "ところです。")


def _paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p]


@pytest.fixture(scope="module")
def demo_json() -> dict[str, Any]:
    return load_json_file(ROOT / "resources" / "demo" / "otaru.json")


@pytest.fixture(scope="module")
def national_json() -> dict[str, Any]:
    return load_json_file(ROOT / "resources" / "templates" / "national.json")


@pytest.fixture
def demo(demo_json: dict[str, Any]):
    doc = import_data(copy.deepcopy(demo_json), "otaru.json")
    yield doc
    doc.close(keep_working_copy=False)


@pytest.fixture
def national(national_json: dict[str, Any]):
    doc = import_data(copy.deepcopy(national_json), "national.json")
    yield doc
    doc.close(keep_working_copy=False)


# ------------------------------------------------------------------------------- files
def test_bundled_paths_point_at_the_files() -> None:
    assert paths.demo_plan_json() == ROOT / "resources" / "demo" / "otaru.json"
    assert paths.national_template_json() == ROOT / "resources" / "templates" / "national.json"


def test_committed_json_matches_the_generator() -> None:
    spec = importlib.util.spec_from_file_location("build_demo", ROOT / "resources" / "demo" / "build_demo.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run .venv/bin/python resources/demo/build_demo.py"


def test_demo_validates(demo_json: dict[str, Any]) -> None:
    check_data(demo_json, "otaru.json")
    plan = demo_json["plan"]
    assert plan["title"] == "自治体DXに関する全体方針"
    assert plan["municipality"] == "小樽市"
    assert plan["issuing_department"] == "総務部デジタル推進室"
    assert plan["formulation_date"] == "令和5年11月"
    assert (plan["period_start_fy"], plan["period_end_fy"]) == (2022, 2027)
    assert (plan["year_style"], plan["numbering_style"]) == ("short", "paren")
    # the basic philosophy and the vision are chapters 1(3) and 2 (entered once, printed once)
    assert (plan["basic_philosophy"], plan["vision"]) == ("", "")
    # the colophon (奥付)
    colophon, sample = plan["note"].split("\n\n")
    assert colophon == "令和5年11月発行\n発行 小樽市\n編集 小樽市総務部デジタル推進室"
    assert sample.startswith("【サンプルデータ】")  # the sample progress says what it is


def test_demo_ids_are_sequential_per_collection(demo_json: dict[str, Any]) -> None:
    def ids(items: list[dict[str, Any]]) -> list[int]:
        return [x["id"] for x in items]

    rows = [r for it in demo_json["initiatives"] for r in it["schedule_rows"]]
    bars = [b for r in rows for b in r["bars"]]
    for items in (
        demo_json["chapters"],
        demo_json["departments"],
        demo_json["sections"],
        demo_json["initiatives"],
        rows,
        bars,
        demo_json["glossary"],
    ):
        assert ids(items) == list(range(1, len(items) + 1))


def test_demo_text_has_no_footnote_markers(demo_json: dict[str, Any]) -> None:
    text = json.dumps(demo_json, ensure_ascii=False)
    assert not re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", text)


# ----------------------------------------------------------------------------- outline
def test_demo_outline(demo: PlanDocument) -> None:
    view = _view(demo)
    assert [s.title for s in view.sections] == SECTIONS
    assert all(s.kind == "policy" for s in view.sections)
    assert all(s.description for s in view.sections)
    assert "◆デジタルデバイド対策に努めます" in view.sections[0].description
    assert not view.loose
    inits = view.initiatives()
    assert [i.title for i in inits] == [t for t, *_ in INITIATIVES]
    assert [i.number for i in inits] == [f"({n})" for n in range(1, 11)]
    for it, (_title, sec, cat, no, target) in zip(inits, INITIATIVES, strict=True):
        assert it.section_id == view.sections[sec].id
        assert (it.national_category, it.national_number, it.national_target_fy) == (cat, no, target)
        assert it.lead == "デジタル推進室"
        assert it.sdgs == []


def test_demo_initiative_text(demo_json: dict[str, Any]) -> None:
    for it in demo_json["initiatives"]:
        text = it["text"]
        assert text["current"] and text["direction"], it["title"]
        assert all(not t["bullet"] and t["level"] == 0 for t in text["current"] + text["direction"])
        assert all(k["note"] == "サンプル（架空の値）" for k in it["kpis"])  # seed 000 has no KPIs
    first = demo_json["initiatives"][0]["text"]
    assert first["current"][1]["text"].endswith(
        "キャッシュレス決済も開始したところです。"
    )  # page break joined
    assert first["direction"][0]["text"].startswith("自治体情報システムの標準化においては")
    std = demo_json["initiatives"][4]
    assert std["references"][0]["title"] == "地方公共団体情報システムの標準化に関する法律"
    assert "戸籍の附票" in std["references"][0]["note"]


def test_demo_departments(demo: PlanDocument, demo_json: dict[str, Any]) -> None:
    depts = {d["name"]: d for d in demo_json["departments"]}
    assert set(depts) == {
        "総務部",
        "デジタル推進室",
        "戸籍住民課",
        "サービスセンター",
        "市民税課",
        "総合博物館",
    }
    assert depts["デジタル推進室"]["parent_id"] == depts["総務部"]["id"]
    assert (depts["総務部"]["kind"], depts["デジタル推進室"]["kind"]) == ("部", "室")
    view = _view(demo)
    row = next(r for r in view.rows() if r.title == "キャッシュレス(窓口)")
    assert row.related == ["戸籍住民課", "サービスセンター", "市民税課", "総合博物館"]
    assert view.initiatives()[0].related == ["戸籍住民課", "サービスセンター", "市民税課", "総合博物館"]


# ----------------------------------------------------------------------------- chapters
def test_demo_chapters_outline(demo: PlanDocument, demo_json: dict[str, Any]) -> None:
    view = _view(demo)
    assert [(c.title, c.depth, c.placement) for c in view.chapters] == CHAPTERS
    by_title = {c.title: c for c in view.chapters}
    for c in view.chapters:
        if c.depth:  # a child sits under the last top-level chapter before it
            parent = next(p for p in reversed(view.chapters[: view.chapters.index(c)]) if p.depth == 0)
            assert c.parent_id == parent.id, c.title
        assert bool(c.body) == (c.title not in EMPTY_CHAPTERS), c.title
    assert by_title["(1) 用語集"].body == ""  # the glossary itself is the glossary table
    # the exported order is the reading order
    assert [(c["title"], c["placement"]) for c in demo_json["chapters"]] == [(t, p) for t, _, p in CHAPTERS]


def test_demo_chapter_titles_are_printed_headings() -> None:
    headings = {ln.strip() for ln in _seed_text().splitlines()}
    for title, _, _ in CHAPTERS:
        assert title in headings, title


def test_demo_chapter_text(demo_json: dict[str, Any]) -> None:
    body = {c["title"]: _paragraphs(c["body"]) for c in demo_json["chapters"]}
    background = body["(1) 自治体DXの背景"]
    assert len(background) == 10
    assert background[0].endswith(
        "デジタル・トランスフォーメーション（DX）を推進していくことが求められています。"
    )
    assert background[2] == (
        "デジタルの活用により、一人ひとりのニーズに合ったサービスを選ぶことができ、多様な幸せが実現できる社会"
        " ～誰一人取り残さない、人に優しいデジタル化～"
    )
    assert background[4].split("\n") == [
        "◆ 「サービス設計 12 箇条」… 各条文の内容については、p24 参照",
        *ARTICLES,
    ]
    national = background[6].split("\n")
    assert national[0] == "◆自治体DX推進計画（2.0版）に掲載されている取組事項（市関係分）"
    assert [ln for ln in national if ln.startswith("【")] == [
        "【推進体制の構築】",
        "【重点取組事項】",
        "【自治体DXの取組とあわせて取り組むデジタル社会の実現に向けた取組】",
        "【必要に応じ実施を検討する取組】",
    ]
    assert len(national) == 1 + 4 + 3 + 6 + 3 + 2
    assert "1 BPRの取組の徹底" in national  # 「B P R」 of the extraction joined
    assert background[8].split("\n")[1:3] == [
        "・自らが担う行政サービスについて、デジタル技術やデータを活用して、住民の利便性を向上させるとともに、",
        "・デジタル技術やAI等の活用により業務効率化を図り、人的資源を行政サービスの更なる向上に繋げていく",
    ]
    situation = body["(2) 小樽市の状況"]
    assert situation[2:] == [
        "（図）小樽市の人口推計　出典：小樽市人口ビジョン（令和 2 年改訂版）市独自推計",
        "（図）日本の人口推計　出典：国立社会保障・人口問題研究所 日本の将来推計人口（令和 5 年推計）",
    ]
    thinking = body["(3) 自治体DXを推進する上での考え方"]
    assert thinking[3].split("\n") == [
        "デジタル化の3つの形",
        "デジタイゼーション：アナログ・物理データのデジタルデータ化（例：申請書のOCR処理）",
        "デジタライゼーション：個別の業務・製造プロセスのデジタル化（例：手続のオンライン化）",
        "DX：変革による価値創造（例：プッシュ型による情報提供）",
    ]
    assert body["(4) 本方針の位置付け"][0].startswith("本方針は、全庁的にDXを推進していくために")
    assert body["3 取組事項"] == [
        "ここでは、第2章の主な取組事項について、その背景と今後5年程度の間想定される取組について、おおよその"
        "時期を含め整理しました。具体的な対象やスケジュールなどについては、主にデジタル推進室と関係部署で"
        "連携をとりながら検討します。"
    ]
    assert body["(1) 推進体制の整備"][0].startswith(
        "DXに関する取組は特定の部署のみが推進するものではないため、CIOたる副市長"
    )
    people = body["(2) 人材の確保・育成"]
    assert [p for p in people if p.startswith("○")] == ["○ 外部人材の活用", "○ 人材の育成"]
    assert people.index("○ 人材の育成") == 3
    articles = body["(2)「サービス設計 12 箇条」"]
    assert articles[0].startswith("本方針の 1 ページから 2 ページにかけて記載している")
    assert articles[1::2] == ARTICLES
    assert articles[2].startswith("提供者の視点ではなく、利用者の視点に立って")
    assert "IoT (Internet of Things) や AI (Artificial Intelligence)" in articles[12]
    assert articles[24].endswith("最良のサービスを利用者に提供することが目的である。")


def test_demo_philosophy_and_vision_are_chapters_only(demo_json: dict[str, Any]) -> None:
    """The basic philosophy (1(3)'s first paragraph and ①②③) and the vision (chapter 2's
    introduction) are in the chapters, and not repeated in the plan fields."""
    body = {c["title"]: _paragraphs(c["body"]) for c in demo_json["chapters"]}
    thinking = body["(3) 自治体DXを推進する上での考え方"]
    assert thinking[0].startswith("これまで見たように、自治体においても行政サービスの向上")
    assert thinking[1].split("\n") == ["① UI/UXを含め、市民（利用者）目線で考える", "② 全庁的な捉え方で課題を考える",
                                       "③ デジタルファーストを前提に、業務プロセスの見直しを行う"]
    [vision] = body["2 自治体DXに向けての基本的方向性"]
    assert vision.startswith("自治体DX推進計画に掲げる重点取組事項を含む取組を推進することは")
    assert demo_json["plan"]["basic_philosophy"] == demo_json["plan"]["vision"] == ""


def _prose(demo_json: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, line) for every line of the demo's prose: chapters, sections, initiative texts."""
    out = [(c["title"], ln) for c in demo_json["chapters"] for ln in c["body"].split("\n") if ln]
    out += [(s["title"], ln) for s in demo_json["sections"] for ln in s["description"].split("\n")]
    out += [
        (it["title"], t["text"])
        for it in demo_json["initiatives"]
        for key in ("current", "direction", "content")
        for t in it["text"][key]
    ]
    return out


def test_demo_prose_is_verbatim(demo_json: dict[str, Any]) -> None:
    """Every line of the plan's prose is in seed 000 (after footnote-marker removal)."""
    seed = _seed_text()
    missing = []
    for where, line in _prose(demo_json):
        if line in seed:
            continue
        composed = next((m for rx in COMPOSED if (m := rx.fullmatch(line))), None)
        if composed and all(part in seed for part in composed.groups()):
            continue
        missing.append((where, line))
    assert missing == []
    chapters = "\n".join(c["body"] for c in demo_json["chapters"])
    assert sum(line.startswith("（図）") for line in chapters.split("\n")) == 2


# ----------------------------------------------------------------------------- schedule
def test_demo_schedule_rows(demo: PlanDocument) -> None:
    view = _view(demo)
    rows = view.rows()
    assert len(rows) == 24
    for n, it in enumerate(view.initiatives(), start=1):
        assert [r.title for r in it.rows] == ROWS[n], it.title
        assert all(r.depth == 0 for r in it.rows)
    assert sum(len(r.bars) for r in rows) == BAR_COUNT


@pytest.mark.parametrize("title", sorted(EXPECTED_BARS))
def test_demo_bars_exactly(demo: PlanDocument, title: str) -> None:
    row = next(r for r in _view(demo).rows() if r.title == title)
    assert _bars(row) == EXPECTED_BARS[title]


def test_demo_stacked_lanes(demo: PlanDocument) -> None:
    lanes = {r.title: r.lanes for r in _view(demo).rows()}
    assert lanes["AI・RPAの利用促進"] == 3
    assert lanes["国民の利便性向上手続オンライン化"] == 4
    assert lanes["キャッシュレス(窓口)"] == 4
    assert lanes["コンビニ交付"] == 2
    assert lanes["公開型GIS"] == 3
    assert lanes["オープンデータ"] == 2
    assert lanes["BPR"] == 2
    assert lanes["ペーパーレス会議"] == 2
    assert lanes["タブレット"] == 2
    assert lanes["無線化"] == 2
    assert lanes["デジタルデバイド対策"] == 2
    assert lanes["転出届・転入予約"] == 1


def test_demo_bars_are_consistent(demo: PlanDocument) -> None:
    view = _view(demo)
    keys = [p.key for p in view.phases]
    assert keys == [k for k, *_ in m.DEFAULT_PHASES]
    for row in view.rows():
        by_lane: dict[int, list[Any]] = {}
        for b in row.bars:
            assert b.phase in keys and b.label
            assert 2022 * 12 <= b.start <= b.end <= 2027 * 12 + 11
            # whole fiscal years: April … March
            assert b.start % 12 == 0 and b.end % 12 == 11
            # every bar that reaches 令和9年度 continues, and only those
            assert b.continues == (b.end == 2027 * 12 + 11)
            by_lane.setdefault(b.lane, []).append(b)
        for bars in by_lane.values():  # bars of one lane never overlap
            bars.sort(key=lambda b: b.start)
            assert all(a.end < b.start for a, b in itertools.pairwise(bars))
    labels = {b.label for r in view.rows() for b in r.bars if b.continues}
    assert "可能な部分から実施" in labels


# ----------------------------------------------------------------------------- glossary
def test_demo_glossary(demo_json: dict[str, Any]) -> None:
    glossary = demo_json["glossary"]
    assert [g["term"] for g in glossary] == GLOSSARY_TERMS
    for g in glossary:
        assert g["description"], g["term"]
        if re.match(r"[A-Za-z]", g["term"]):
            assert g["reading"] == g["term"].upper()
        else:
            assert re.fullmatch(r"[ぁ-ゖー]+", g["reading"]), g
    by_term = {g["term"]: g for g in glossary}
    assert by_term["可用性"]["reading"] == "かようせい"
    assert by_term["電子入札"]["description"].startswith("従来の入開札までの一連の行為について")


# ------------------------------------------------------------------------ sample progress
def test_demo_has_two_years_of_sample_progress_marked_as_sample(demo: PlanDocument) -> None:
    from dxeditor.plan.progress import load_progress

    data = load_progress(demo.session.connection())
    assert {fy for _, fy in data.reviews} == {2023, 2024}
    assert len(data.reviews) == 20
    assert all(r.rating and r.results and r.entered_by == "サンプルデータ" for r in data.reviews.values())
    kpis = [k for paths in data.kpis.values() for k in paths]
    assert len(kpis) == 11 and all(set(k.actuals) == {2023, 2024} for k in kpis)
    assert [k.is_text for k in kpis].count(True) == 1
    rates = [k.rate(2024) for k in kpis if not k.is_text]
    assert all(r is not None and 0 <= r <= 1.5 for r in rates)  # plausible: between none and well past


# ---------------------------------------------------------------------------- round trips
def test_demo_json_round_trip_is_lossless(demo: PlanDocument, demo_json: dict[str, Any]) -> None:
    first = _export(demo)
    assert first == _strip_volatile(demo_json)  # the bundled file is already in canonical form
    again = import_data(copy.deepcopy(first), "round trip")
    try:
        assert _export(again) == first
    finally:
        again.close(keep_working_copy=False)


def test_demo_saved_and_reopened(demo: PlanDocument, tmp_path: Path) -> None:
    before = _export(demo)
    path = demo.save(tmp_path / "otaru.dxplan")
    reopened = PlanDocument.open(path)
    try:
        assert _export(reopened) == before
    finally:
        reopened.close(keep_working_copy=False)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dxeditor", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_cli_info_on_saved_demo(demo: PlanDocument, tmp_path: Path) -> None:
    path = demo.save(tmp_path / "otaru.dxplan")
    result = _cli("info", "--json", str(path))
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["title"] == "自治体DXに関する全体方針"
    assert (info["period_start_fy"], info["period_end_fy"]) == (2022, 2027)
    assert info["sections"] == 3
    assert info["initiatives"] == 10
    assert info["schedule_rows"] == 24
    assert info["bars"] == BAR_COUNT
    assert info["departments"] == 6
    assert info["kpis"] == 11  # sample KPIs
    assert info["progress"]["2023"]["ratings"] == {"A": 4, "B": 5, "C": 1}
    assert info["progress"]["2024"]["kpi_actuals"] == 11
    assert info["glossary_terms"] == len(GLOSSARY_TERMS)
    check = _cli("check", str(path))
    assert check.returncode == 0, check.stdout + check.stderr


# ------------------------------------------------------------------------ national template
NATIONAL = {
    "system": ["組織体制の整備", "デジタル人材の確保・育成", "計画的な取組"],
    "focus": [
        "自治体の情報システムの標準化・共通化",
        "マイナンバーカードの普及促進",
        "自治体の行政手続のオンライン化",
        "自治体のAI・RPAの利用推進",
        "テレワークの推進",
        "セキュリティ対策の徹底",
    ],
    "together": [
        "デジタル田園都市国家構想の実現に向けたデジタル実装の取組の推進・地域社会のデジタル化",
        "デジタルデバイド対策",
        "デジタル原則に基づく条例等の規制の点検・見直し",
    ],
    "optional": ["BPRの取組の徹底", "オープンデータの推進・官民データ活用の推進"],
}
NATIONAL_TARGETS = {("focus", 1): 2025, ("focus", 2): 2022, ("focus", 3): 2022}


def test_national_template_validates(national_json: dict[str, Any]) -> None:
    check_data(national_json, "national.json")
    plan = national_json["plan"]
    assert plan["title"] == "（自治体名）DX推進計画"
    assert plan["municipality"] == ""
    assert (plan["period_start_fy"], plan["period_end_fy"]) == (2024, 2028)
    assert (plan["year_style"], plan["numbering_style"]) == ("both", "circled")
    assert [p["key"] for p in national_json["phases"]] == [k for k, *_ in m.DEFAULT_PHASES]


def test_national_template_structure(national: PlanDocument) -> None:
    view = _view(national)
    assert [s.title for s in view.sections] == [
        "推進体制の構築",
        "重点取組事項",
        "自治体DXの取組とあわせて取り組むデジタル社会の実現に向けた取組",
        "必要に応じ実施を検討する取組",
    ]
    assert all(s.kind == "group" for s in view.sections)
    for section, (cat, titles) in zip(view.sections, NATIONAL.items(), strict=True):
        assert [i.title for i in section.initiatives] == titles
        assert [i.number for i in section.initiatives] == ["①②③④⑤⑥"[k] for k in range(len(titles))]
        for n, it in enumerate(section.initiatives, start=1):
            assert (it.national_category, it.national_number) == (cat, n)
            assert it.national_target_fy == NATIONAL_TARGETS.get((cat, n)), it.title
            assert it.rows == []
    counts = {c: len(t) for c, t in NATIONAL.items()}
    assert (counts["focus"], counts["together"], counts["optional"]) == (6, 3, 2)
    assert view.rows() == []


def test_national_template_descriptions(national_json: dict[str, Any]) -> None:
    for it in national_json["initiatives"]:
        direction = it["text"]["direction"]
        if it["national_category"] == "system":
            assert direction == []
        else:
            assert len(direction) == 1 and direction[0]["text"], it["title"]


def test_national_template_round_trip(national: PlanDocument, national_json: dict[str, Any]) -> None:
    assert _export(national) == _strip_volatile(national_json)


def test_cli_new_from_national_template(tmp_path: Path) -> None:
    target = tmp_path / "new.dxplan"
    result = _cli("new", "--template", "national", str(target))
    assert result.returncode == 0, result.stderr
    info = json.loads(_cli("info", "--json", str(target)).stdout)
    assert (info["sections"], info["initiatives"], info["schedule_rows"]) == (4, 14, 0)
    check = _cli("check", str(target))
    assert check.returncode == 0, check.stdout + check.stderr
