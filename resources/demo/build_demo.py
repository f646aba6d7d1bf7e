"""Build the bundled demo plan and the national template (run from the repository root).

    .venv/bin/python resources/demo/build_demo.py          # write both JSON files and the demo's plan file
    .venv/bin/python resources/demo/build_demo.py --check  # exit 1 if they are out of date

``resources/demo/otaru.json`` is seed 000 (小樽市 自治体DXに関する全体方針, 令和5年11月)
entered completely; ``resources/templates/national.json`` is the structure of the national
自治体DX推進計画 for "new plan from template". Both JSON files are committed; the tests
check that they equal what this script builds. Every interpretation of the seed is
recorded in ``docs/demo-plan.md``.

``resources/demo/otaru.dxplan`` is ``otaru.json`` imported once into a plan file, so the
demo opens at the first start without an import (rebuild it when the schema changes; the
program falls back to the JSON while it is stale). ``--check`` compares its whole content
(SQL dump) with a fresh import of the committed JSON.

The seed's own words are in ``seed000_text.py`` (footnote markers such as ³¹ dropped).
"""

from __future__ import annotations

import os
import sqlite3
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
import sample_versions  # noqa: E402 - the folder of this script
from national_items import CIRCLED, NATIONAL, NATIONAL_SECTION_TITLES  # noqa: E402 - the folder of this script
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
DEMO_DXPLAN = ROOT / "resources" / "demo" / "otaru.dxplan"
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
# The items of the national plan are data of their own: national_items.py.


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


def build_demo_with_versions() -> dict[str, Any]:
    """The demo plan with its two sample versions (Ver.1.0 invented, Ver.1.1 as published)."""
    data = build_demo()
    data["versions"] = [
        {"label": "Ver.1.0", "date": "令和4年3月策定", "note": sample_versions.SAMPLE_NOTE, "created_at": "2022-03-31T00:00:00Z",
         "created_by": "サンプル", "content": sample_versions.earlier_state(data)},
        {"label": "Ver.1.1", "date": "令和5年11月改定", "note": sample_versions.SAMPLE_NOTE, "created_at": "2023-11-30T00:00:00Z",
         "created_by": "サンプル", "content": sample_versions.content(data)},
    ]
    return data


OUTPUTS = ((DEMO_JSON, build_demo_with_versions), (NATIONAL_JSON, build_national))


def _sql_dump(db: Path) -> tuple[list[str], list[str]]:
    """The schema statements (sorted: create_all makes the indexes in no fixed order) and the rows, in order."""
    con = sqlite3.connect(db.as_uri() + "?mode=ro", uri=True)
    try:
        lines = list(con.iterdump())
    finally:
        con.close()
    # the program's version, stamped anew whenever the file is opened (PlanDocument.create_from_built)
    rows = [line for line in lines
            if line.startswith("INSERT ") and not line.startswith("INSERT INTO \"dx_meta\" VALUES('created_by'")]
    return sorted(line for line in lines if not line.startswith("INSERT ")), rows


def _imported_demo() -> Any:
    """A new document holding the committed ``otaru.json``, built as the program's JSON fallback builds it."""
    from dxeditor.formats.json.io import import_data, load_json_file

    doc = import_data(load_json_file(DEMO_JSON), str(DEMO_JSON))
    doc.session.commit()
    return doc


def write_demo_plan_file() -> None:
    """Import ``otaru.json`` and write the result to ``otaru.dxplan`` (a page copy, rollback-journal mode)."""
    doc = _imported_demo()
    tmp = DEMO_DXPLAN.with_name(DEMO_DXPLAN.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        src, dst = sqlite3.connect(doc.working), sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # no VACUUM: it may renumber rows of tables without an id
        finally:
            src.close()
            dst.close()
        os.replace(tmp, DEMO_DXPLAN)
    finally:
        doc.close(keep_working_copy=False)
    print(f"wrote {DEMO_DXPLAN.relative_to(ROOT)}")


def demo_plan_file_current() -> bool:
    """Whether ``otaru.dxplan`` holds exactly what an import of the committed ``otaru.json`` gives."""
    if not DEMO_DXPLAN.exists():
        return False
    doc = _imported_demo()
    try:
        return _sql_dump(doc.working) == _sql_dump(DEMO_DXPLAN)
    finally:
        doc.close(keep_working_copy=False)


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
    if not check:
        if not demo_plan_file_current():  # the file's bytes differ between builds: rewrite only a stale one
            write_demo_plan_file()
    elif not demo_plan_file_current():
        stale.append(DEMO_DXPLAN)
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)} (run resources/demo/build_demo.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
