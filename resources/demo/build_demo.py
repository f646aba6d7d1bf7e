"""Build the bundled demo plan and the national template (run from the repository root).

    .venv/bin/python resources/demo/build_demo.py          # write both JSON files
    .venv/bin/python resources/demo/build_demo.py --check  # exit 1 if they are out of date

``resources/demo/otaru.json`` is seed 000 (小樽市 自治体DXに関する全体方針, 令和5年11月)
entered completely; ``resources/templates/national.json`` is the structure of the national
自治体DX推進計画 for "new plan from template". Both JSON files are committed; the tests
check that they equal what this script builds. Every interpretation of the seed is
recorded in ``docs/demo-plan.md``.

The seed's own words are in ``seed000_text.py`` (footnote markers such as ³¹ dropped).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dxeditor.formats.json.io import dumps  # noqa: E402
from dxeditor.formats.json.spec import FORMAT, FORMAT_VERSION  # noqa: E402
from dxeditor.store.models import DEFAULT_PHASES  # noqa: E402

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))
from sample_progress import SAMPLE_NOTE, kpis_of, reviews_of  # noqa: E402 - the folder of this script
from seed000_text import (  # noqa: E402 - the folder of this script
    COLOPHON,
    GLOSSARY,
    INITIATIVE_TEXT,
    SECTION_TEXT,
    STANDARD_AFFAIRS,
    chapters,
)

DEMO_JSON = ROOT / "resources" / "demo" / "otaru.json"
NATIONAL_JSON = ROOT / "resources" / "templates" / "national.json"

FIRST_FY = 2022  # 令和4年度, the first column of every schedule table of seed 000
LAST_FY = 2027  # 令和9年度, the last column
YEARS = LAST_FY - FIRST_FY + 1

# ------------------------------------------------------------------------ departments
# id, parent id, kind, name, note
DEPARTMENTS: list[tuple[int, int | None, str, str, str]] = [
    (1, None, "部", "総務部", ""),
    (2, 1, "室", "デジタル推進室", "本方針の編集・発行部署。各部署の相談窓口（伴走支援）"),
    (3, None, "課", "戸籍住民課", ""),
    (
        4,
        None,
        "課",
        "サービスセンター",
        "工程表では「各サービスセンター」（市内の各サービスセンターをまとめて1件）",
    ),
    (5, None, "課", "市民税課", ""),
    (6, None, "課", "総合博物館", "施設"),
]
DIGITAL = 2
CASHLESS_COUNTERS = [3, 4, 5, 6]  # the cell of キャッシュレス(窓口) in 令和4年度, in printed order

# ------------------------------------------------------------------- sections (chapter 2)
SECTION_TITLES = ["市民の利便性向上", "職員の生産性向上", "情報セキュリティ対策の強化"]

# --------------------------------------------------------------- initiatives (chapter 3)
# number, section, title as printed, summary (the ◆ line(s) of chapter 2 《主な取組事項》),
# national category, national number, national target fiscal year
INITIATIVES: list[tuple[int, int, str, str, str, int | None, int | None]] = [
    (
        1,
        1,
        "手続等のオンライン化・窓口改革",
        "手続等のオンライン化や窓口改革などに努めます",
        "focus",
        3,
        None,
    ),
    (2, 1, "情報発信・情報公開", "SNSの更なる活用など、情報発信や情報公開に努めます", "optional", 2, None),
    (3, 1, "マイナンバーカードの普及促進", "マイナンバーカードの普及促進に努めます", "focus", 2, None),
    (4, 1, "デジタルデバイド対策", "デジタルデバイド対策に努めます", "together", 2, None),
    (
        5,
        2,
        "自治体情報システムの標準化・共通化",
        "自治体情報システムの標準化・共通化を着実に進めます",
        "focus",
        1,
        2025,
    ),
    (6, 2, "AI・RPAの利用促進", "AI・RPAの利用を促進します\nBPR（業務改革）に努めます", "focus", 4, None),
    (
        7,
        2,
        "知識・課題の共有促進",
        "庁内チャット等による横のコミュニケーションを促進させ、知識・課題の共有に努めます",
        "",
        None,
        None,
    ),
    (
        8,
        2,
        "ペーパーレス化に向けた取組",
        "ペーパーレス化に向けて、会議の在り方や電子決裁などの導入を検討します",
        "",
        None,
        None,
    ),
    (9, 2, "柔軟な働き方の推進", "テレワークなど柔軟な働き方を検討します", "focus", 5, None),
    (10, 3, "セキュリティ対策の徹底", "セキュリティ対策の徹底に努めます", "focus", 6, None),
]

# Laws and guidelines the initiative's text cites by name (title, date as printed, note).
REFERENCES: dict[int, list[tuple[str, str, str]]] = {
    1: [("情報通信技術を活用した行政の推進等に関する法律（デジタル手続法）", "", "")],
    5: [("地方公共団体情報システムの標準化に関する法律", "", STANDARD_AFFAIRS)],
    10: [("地方公共団体における情報セキュリティポリシーに関するガイドライン", "", "")],
}

# ---------------------------------------------------------------- schedule tables (工程表)
# Each row: title as printed (lines joined, footnote markers dropped), printed lines, related
# departments. A printed line is one cell per fiscal year 令和4〜9年度 ("" = empty cell);
# a cell that lists several things has them separated by "\n" (one lane each).
Cells = list[str]
ROWS: dict[int, list[tuple[str, list[Cells], list[int]]]] = {
    1: [
        ("転出届・転入予約", [["実施", "", "", "", "", ""]], []),
        (
            "国民の利便性向上手続オンライン化",
            [
                [
                    "",
                    "一部実施\n・子育て\n・介護\n・消防",
                    "標準化等に伴う拡充検討",
                    "可能な部分から実施",
                    "",
                    "",
                ]
            ],
            [],
        ),
        (
            "その他オンライン申請",
            [["採用試験", "名義後援", "対象手続の洗い出し", "可能な部分から実施", "", ""]],
            [],
        ),
        (
            "コンビニ交付",
            [["住民票\n印鑑証明", "標準化等に伴う拡充検討", "", "可能な部分から実施", "", ""]],
            [],
        ),
        (
            "キャッシュレス(窓口)",
            [
                [
                    "戸籍住民課\n各サービスセンター\n市民税課\n総合博物館",
                    "拡充検討",
                    "可能な部分から実施",
                    "",
                    "",
                    "",
                ]
            ],
            CASHLESS_COUNTERS,
        ),
        (
            "キャッシュレス(オンライン)",
            [["", "手続オンライン化と連動し検討", "", "可能な部分から実施", "", ""]],
            [],
        ),
        ("窓口改革", [["", "在り方を検討", "", "", "可能な部分から実施", ""]], []),
    ],
    2: [
        (
            "公開型GIS",
            [
                ["システム統合・公開に向けた検討", "", "", "", "", ""],
                ["", "一部実施\n・道路台帳", "可能な部分から実施", "", "", ""],
            ],
            [],
        ),
        (
            "オープンデータ",
            [["一部実施", "", "", "", "", ""], ["", "・統計書", "可能な部分から実施", "", "", ""]],
            [],
        ),
        ("チャットボット", [["検討", "システム構築", "実施", "", "", ""]], []),
    ],
    3: [
        (
            "マイナンバーカードの普及促進",
            [["重点的な普及促進", "国の動向を見ながら対応", "", "", "", ""]],
            [],
        ),
    ],
    4: [
        (
            "デジタルデバイド対策",
            [
                ["スマホ教室試行", "シニアスマホ教室", "高齢層を含むスマホ教室の検討", "", "", ""],
                ["", "民間事業者との連携", "", "", "", ""],
            ],
            [],
        ),
    ],
    5: [
        (
            "情報システムの標準化・共通化",
            [["仕様書確認 Fit&Gap分析", "", "仕様決定", "システム構築", "実施", ""]],
            [],
        ),
    ],
    6: [
        (
            "AI・RPAの利用促進",
            [
                ["一部実施", "", "", "", "", ""],
                ["業務のRPA化の推進", "", "", "", "", ""],
                ["職員によるシナリオ作成の推進", "", "", "", "", ""],
            ],
            [],
        ),
        (
            "BPR",
            [
                ["業務改善調査", "業務改善調査", "業務フローの見直し・課題把握", "", "", ""],
                ["可能な部分から業務改善の推進", "", "", "", "", ""],
            ],
            [],
        ),
    ],
    7: [
        (
            "各部署の業務内容等の共有",
            [["", "ポータルサイト構築", "各部署での情報発信・課題共有", "", "", ""]],
            [],
        ),
        ("コミュニケーションツールの導入", [["", "構築", "庁内チャットでの情報共有", "", "", ""]], []),
    ],
    8: [
        ("電子決裁・文書管理システム", [["", "課題抽出・仕様検討", "", "", "システム構築", "実施"]], []),
        ("電子入札・電子契約", [["", "課題抽出・仕様検討", "", "", "システム構築", "実施"]], []),
        (
            "ペーパーレス会議",
            [["試行", "", "一部実施", "", "", ""], ["", "可能な部分から実施", "", "", "", ""]],
            [],
        ),
    ],
    9: [
        ("テレワーク", [["部署限定試行", "部門限定試行", "拡充や本格実施を検討", "", "", ""]], []),
        (
            "タブレット",
            [
                ["", "二役・部長職", "会議等が多い職場への拡充を検討", "", "", ""],
                ["", "", "可能な部分から実施", "", "", ""],
            ],
            [],
        ),
        (
            "無線化",
            [
                ["委員会室等", "部長室・議場等", "会議等が多い職場への拡充を検討", "", "", ""],
                ["", "", "可能な部分から実施", "", "", ""],
            ],
            [],
        ),
    ],
    10: [
        ("セキュリティ対策", [["セキュリティポリシーの見直し、対策の推進", "", "", "", "", ""]], []),
    ],
}

# Every printed label → phase key of the default phases (study 検討, build 準備・構築,
# run 実施, continue 継続, other その他 = cells that name who or what).
PHASE_OF: dict[str, str] = {
    # 検討
    "検討": "study",
    "拡充検討": "study",
    "標準化等に伴う拡充検討": "study",
    "対象手続の洗い出し": "study",
    "手続オンライン化と連動し検討": "study",
    "在り方を検討": "study",
    "システム統合・公開に向けた検討": "study",
    "高齢層を含むスマホ教室の検討": "study",
    "業務改善調査": "study",
    "業務フローの見直し・課題把握": "study",
    "課題抽出・仕様検討": "study",
    "拡充や本格実施を検討": "study",
    "会議等が多い職場への拡充を検討": "study",
    # 準備・構築
    "仕様書確認 Fit&Gap分析": "build",
    "仕様決定": "build",
    "システム構築": "build",
    "構築": "build",
    "ポータルサイト構築": "build",
    # 実施
    "実施": "run",
    "一部実施": "run",
    "可能な部分から実施": "run",
    "試行": "run",
    "スマホ教室試行": "run",
    "部署限定試行": "run",
    "部門限定試行": "run",
    "シニアスマホ教室": "run",
    "重点的な普及促進": "run",
    "民間事業者との連携": "run",
    "業務のRPA化の推進": "run",
    "職員によるシナリオ作成の推進": "run",
    "可能な部分から業務改善の推進": "run",
    "各部署での情報発信・課題共有": "run",
    "庁内チャットでの情報共有": "run",
    "セキュリティポリシーの見直し、対策の推進": "run",
    # 継続
    "国の動向を見ながら対応": "continue",
    # その他: who / what
    "・子育て": "other",
    "・介護": "other",
    "・消防": "other",
    "・道路台帳": "other",
    "・統計書": "other",
    "採用試験": "other",
    "名義後援": "other",
    "住民票": "other",
    "印鑑証明": "other",
    "戸籍住民課": "other",
    "各サービスセンター": "other",
    "市民税課": "other",
    "総合博物館": "other",
    "二役・部長職": "other",
    "委員会室等": "other",
    "部長室・議場等": "other",
}


def fy_start(fy: int) -> str:
    """First month of a fiscal year as "YYYY-MM" (April)."""
    return f"{fy:04d}-04"


def fy_end(fy: int) -> str:
    """Last month of a fiscal year as "YYYY-MM" (March of the next calendar year)."""
    return f"{fy + 1:04d}-03"


def bars_of(lines: list[Cells]) -> list[dict[str, Any]]:
    """The bars of one row, reconstructed from its printed lines.

    A bar runs from its cell to the cell before the next filled cell of the same printed
    line (or to 令和9年度). The lines of a listing cell take successive lanes over the
    cell's span; each printed line starts below the lanes the previous one used. A bar
    that reaches 令和9年度 (the plan's last column) continues (drawn with an arrow).
    """
    out: list[dict[str, Any]] = []
    base = 0
    for cells in lines:
        if len(cells) != YEARS:
            raise ValueError(f"{cells}: {len(cells)} cells, {YEARS} expected")
        filled = [i for i, c in enumerate(cells) if c]
        height = 1
        for k, col in enumerate(filled):
            last = filled[k + 1] - 1 if k + 1 < len(filled) else YEARS - 1
            items = cells[col].split("\n")
            height = max(height, len(items))
            for j, label in enumerate(items):
                out.append(
                    {
                        "lane": base + j,
                        "start": fy_start(FIRST_FY + col),
                        "end": fy_end(FIRST_FY + last),
                        "label": label,
                        "phase": PHASE_OF[label],
                        "continues": last == YEARS - 1,
                        "note": "",
                    }
                )
        base += height
    out.sort(key=lambda b: (b["lane"], b["start"]))
    return out


def phases() -> list[dict[str, str]]:
    return [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in DEFAULT_PHASES]


def text_items(paragraphs: list[str], bullet: bool = False) -> list[dict[str, Any]]:
    return [{"text": t, "level": 0, "bullet": bullet} for t in paragraphs]


def build_demo() -> dict[str, Any]:
    """Seed 000 as a dxeditor JSON document (in the exporter's canonical field order)."""
    departments = [
        {
            "id": i,
            "parent_id": p,
            "kind": k,
            "name": n,
            "code": "",
            "valid_from_fy": None,
            "valid_to_fy": None,
            "note": note,
            "renames": [],
        }
        for i, p, k, n, note in DEPARTMENTS
    ]
    sections = [
        {"id": n, "parent_id": None, "kind": "policy", "number_label": "", "title": t, "description": d}
        for n, (t, d) in enumerate(zip(SECTION_TITLES, SECTION_TEXT, strict=True), start=1)
    ]
    row_id = 0
    bar_id = 0
    initiatives = []
    kpi_id = 1
    for num, sec, title, summary, cat, nat_no, target in INITIATIVES:
        rows = []
        for row_title, lines, related in ROWS[num]:
            row_id += 1
            bars = bars_of(lines)
            for b in bars:
                bar_id += 1
                b_with_id = {"id": bar_id, **b}
                b.clear()
                b.update(b_with_id)
            rows.append(
                {
                    "id": row_id,
                    "parent_id": None,
                    "title": row_title,
                    "note": "",
                    "national_target_fy": None,
                    "national_target_text": "",
                    "lead_department_id": None,
                    "related_department_ids": list(related),
                    "bars": bars,
                    "milestones": [],
                    "progress": [],
                }
            )
        related = sorted({d for _, _, rel in ROWS[num] for d in rel})
        text = INITIATIVE_TEXT[num]
        initiatives.append(
            {
                "id": num,
                "section_id": sec,
                "number_label": "",
                "title": title,
                "summary": summary,
                "national_category": cat,
                "national_number": nat_no,
                "national_target_fy": target,
                "national_target_text": "",
                "note": "",
                "sdgs": [],
                "lead_department_id": DIGITAL,
                "related_department_ids": related,
                "text": {
                    "current": text_items(text["current"]),
                    "direction": text_items(text["direction"]),
                    "content": [],
                },
                "kpis": kpis_of(num, kpi_id),  # sample data (seed 000 has no KPIs)
                "references": [
                    {"title": t, "date_text": d, "note": n} for t, d, n in REFERENCES.get(num, [])
                ],
                "progress": reviews_of(num),  # sample data
                "schedule_rows": rows,
            }
        )
        kpi_id += len(initiatives[-1]["kpis"])
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": {
            "uid": "otaru-demo-seed000",
            "title": "自治体DXに関する全体方針",
            "subtitle": "",
            "municipality": "小樽市",
            "issuing_department": "総務部デジタル推進室",
            "version_label": "",
            "formulation_date": "令和5年11月",
            "period_start_fy": FIRST_FY,
            "period_end_fy": LAST_FY,
            "period_label": "",
            "year_style": "short",
            "numbering_style": "paren",
            "basic_philosophy": "",  # in chapter 1(3) (THINKING, THREE_WAYS)
            "vision": "",  # the body of chapter 2 (VISION)
            "note": f"{COLOPHON}\n\n{SAMPLE_NOTE}",
            "rating_scale": [],
        },
        "chapters": chapters(),
        "phases": phases(),
        "departments": departments,
        "department_links": [],
        "sections": sections,
        "initiatives": initiatives,
        "glossary": [
            {"id": n, "term": t, "reading": r, "description": d}
            for n, (t, r, d) in enumerate(GLOSSARY, start=1)
        ],
        "audit_log": [],
    }


# ----------------------------------------------------------------- national template
# The national 自治体DX推進計画 (seed 004 (4) 取組事項, seed 000 1(1)): per item the number
# within its group, title, the national description (seed 004's right-hand column),
# target fiscal year and target as printed.
NATIONAL: list[tuple[str, list[tuple[str, str, int | None, str]]]] = [
    (
        "system",
        [
            ("組織体制の整備", "", None, ""),
            ("デジタル人材の確保・育成", "", None, ""),
            ("計画的な取組", "", None, ""),
        ],
    ),
    (
        "focus",
        [
            (
                "自治体の情報システムの標準化・共通化",
                "目標時期を2025年度とし、「ガバメントクラウド」の活用に向けた検討を踏まえ、基幹系17業務システムについて"
                "国の策定する標準仕様に準拠したシステムへ移行",
                2025,
                "",
            ),
            (
                "マイナンバーカードの普及促進",
                "2022年度末までにほぼ全住民がマイナンバーカードを保有していることを目指し、交付円滑化計画に基づき、"
                "申請を促進するとともに交付体制を充実",
                2022,
                "令和4(2022)年度末",
            ),
            (
                "自治体の行政手続のオンライン化",
                "2022年度末を目指して、主に住民がマイナンバーカードを用いて申請を行うことが想定される手続（31手続）について、"
                "マイナポータルからマイナンバーカードを用いてオンライン手続を可能に",
                2022,
                "令和4(2022)年度末",
            ),
            (
                "自治体のAI・RPAの利用推進",
                "①、③による業務見直し等を契機に、AI・RPA導入ガイドブックを参考に、AIやRPAを導入・活用を推進",
                None,
                "",
            ),
            (
                "テレワークの推進",
                "テレワーク導入事例やセキュリティポリシーガイドライン等を参考に、テレワークの導入・活用を推進",
                None,
                "",
            ),
            (
                "セキュリティ対策の徹底",
                "改定セキュリティポリシーガイドラインを踏まえ、適切にセキュリティポリシーの見直しを行い、セキュリティ対策を徹底",
                None,
                "",
            ),
        ],
    ),
    (
        "together",
        [
            (
                "デジタル田園都市国家構想の実現に向けたデジタル実装の取組の推進・地域社会のデジタル化",
                "デジタル化によるメリットを享受できる地域社会のデジタル化を集中的に推進",
                None,
                "",
            ),
            (
                "デジタルデバイド対策",
                "「デジタル活用支援員」の周知・連携、NPOや地域おこし協力隊等地域の幅広い関係者と連携した地域住民に対する"
                "きめ細やかなデジタル活用支援",
                None,
                "",
            ),
            (
                "デジタル原則に基づく条例等の規制の点検・見直し",
                "「構造改革のためのデジタル原則」に沿って、4万以上の法令等を対象にアナログ規制を横断的に見直し、"
                "規制・制度のデジタル原則への適合の実現を目指す",
                None,
                "",
            ),
        ],
    ),
    (
        "optional",
        [
            (
                "BPRの取組の徹底",
                "行政手続き等の利用者の利便性向上及び行政運営の効率化等に立ち返って、業務改革（BPR）に取り組む",
                None,
                "",
            ),
            (
                "オープンデータの推進・官民データ活用の推進",
                "サイバーセキュリティや個人情報の適正な取り扱いを確保しつつ、公共データの公開及び活用",
                None,
                "",
            ),
        ],
    ),
]
# The group headings as the 第2.0版 wording printed in seeds 000 and 004 (without 【】).
NATIONAL_SECTION_TITLES = {
    "system": "推進体制の構築",
    "focus": "重点取組事項",
    "together": "自治体DXの取組とあわせて取り組むデジタル社会の実現に向けた取組",
    "optional": "必要に応じ実施を検討する取組",
}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def build_national() -> dict[str, Any]:
    """The "new plan from template" document: the national plan's structure, no schedule rows."""
    sections = []
    initiatives = []
    for sid, (cat, items) in enumerate(NATIONAL, start=1):
        sections.append(
            {
                "id": sid,
                "parent_id": None,
                "kind": "group",
                "number_label": "",
                "title": NATIONAL_SECTION_TITLES[cat],
                "description": "",
            }
        )
        for n, (title, desc, target, target_text) in enumerate(items, start=1):
            initiatives.append(
                {
                    "id": len(initiatives) + 1,
                    "section_id": sid,
                    "number_label": CIRCLED[n - 1],
                    "title": title,
                    "summary": "",
                    "national_category": cat,
                    "national_number": n,
                    "national_target_fy": target,
                    "national_target_text": target_text,
                    "note": "",
                    "sdgs": [],
                    "lead_department_id": None,
                    "related_department_ids": [],
                    "text": {"current": [], "direction": text_items([desc]) if desc else [], "content": []},
                    "kpis": [],
                    "references": [],
                    "progress": [],
                    "schedule_rows": [],
                }
            )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": {
            "uid": "",
            "title": "（自治体名）DX推進計画",
            "subtitle": "",
            "municipality": "",
            "issuing_department": "",
            "version_label": "",
            "formulation_date": "",
            "period_start_fy": 2024,
            "period_end_fy": 2028,
            "period_label": "",
            "year_style": "both",
            "numbering_style": "circled",
            "basic_philosophy": "",
            "vision": "",
            "note": "",
            "rating_scale": [],
        },
        "chapters": [],
        "phases": phases(),
        "departments": [],
        "department_links": [],
        "sections": sections,
        "initiatives": initiatives,
        "glossary": [],
        "audit_log": [],
    }


# ------------------------------------------------------------------------ sample versions
# Seed 000 publishes one state of the plan. So that a new user sees the 新旧対照表 filled in,
# the demo carries two versions: Ver.1.1 is the plan as published, Ver.1.0 an invented
# earlier state (marked as sample in its note). The differences are the kinds a revision
# has: an initiative added, one renamed, reworded text, a moved and a relabelled bar, a
# department renamed.
VERSION_SAMPLE_NOTE = "サンプル: 新旧対照表の説明のために作った架空の版です（原典の小樽市の方針にはありません）。"


def _content(data: dict[str, Any]) -> dict[str, Any]:
    import copy

    return {k: copy.deepcopy(v) for k, v in data.items() if k not in ("exported_at", "generator", "audit_log",
                                                                          "versions")}


def _earlier_state(data: dict[str, Any]) -> dict[str, Any]:
    old = _content(data)
    inits = {it["id"]: it for it in old["initiatives"]}
    old["initiatives"] = [it for it in old["initiatives"] if it["id"] != 7]  # 知識・課題の共有促進: new in 1.1
    inits[9]["title"] = "テレワークの推進"
    first = inits[1]["text"]["direction"][0]
    first["text"] = first["text"].replace("オンライン化", "電子化")
    bar = inits[5]["schedule_rows"][0]["bars"][-1]
    bar["start"] = fy_start(int(bar["start"][:4]) + 1)
    row = inits[2]["schedule_rows"][0]
    row["bars"][0]["label"] = "検討"
    dept = next(d for d in old["departments"] if d["id"] == 2)
    dept["name"] = "情報政策課"
    old["plan"]["formulation_date"] = "令和4年3月"
    return old


def build_demo_with_versions() -> dict[str, Any]:
    """The demo plan with its two sample versions (Ver.1.0 invented, Ver.1.1 as published)."""
    data = build_demo()
    data["versions"] = [
        {"label": "Ver.1.0", "date": "令和4年3月策定", "note": VERSION_SAMPLE_NOTE, "created_at": "2022-03-31T00:00:00Z",
         "created_by": "サンプル", "content": _earlier_state(data)},
        {"label": "Ver.1.1", "date": "令和5年11月改定", "note": VERSION_SAMPLE_NOTE, "created_at": "2023-11-30T00:00:00Z",
         "created_by": "サンプル", "content": _content(data)},
    ]
    return data


OUTPUTS = ((DEMO_JSON, build_demo_with_versions), (NATIONAL_JSON, build_national))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path, build in OUTPUTS:
        text = dumps(build())
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)} (run resources/demo/build_demo.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
