"""Build the example plans shipped as templates from the seed texts (run from the repository root).

    .venv/bin/python resources/templates/build_examples.py          # write the JSON files
    .venv/bin/python resources/templates/build_examples.py --check  # exit 1 if they are out of date

Each example is a published plan entered from its plain-text extraction in ``sources/``
(a copy of ``shared/seeds``), the words taken as they stand. What the extraction adds and
the builder takes away: footnote markers (``<sup>9</sup>``, ``^{*1}``, ``*4``), page-break
rules (``---``) with the footnotes under them (they become the glossary), and the
markdown bullet ``- `` (printed ・); a paragraph cut by a page break is joined again.

- ``namegata.json``    seed 001 行方市DX基本方針 Ver.2.0: prose chapters, a flat list of 12
  initiatives with their ◇ references, the 27 systems of (1) as its 【対象システム】 list.
- ``kamiamakusa.json`` seed 002 上天草版DX推進計画: prose chapters 1–5 and the plan-wide
  table of 3.3 (group column 国において目標時期等が設定されている取組 / その他の取組,
  sub-rows 第1弾〜第3弾, the national target-year column as written, labels with their
  line breaks). The seed lists no single procedure of the 1,386: the sub-row says what it says.
- ``oyama.json``       seed 004 小山市 第5章: the chapter's prose and tables, and the national
  plan's items ①… (重点 / あわせて / 必要に応じ) as its structure.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dxeditor.formats.json.io import dumps  # noqa: E402
from dxeditor.formats.json.spec import FORMAT, FORMAT_VERSION  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
PHASES = [{"key": "run", "name": "実施", "color": "#9dc3e6", "pattern": "solid"}]

_MARKERS = re.compile(r"<sup>[^<]*</sup>|\^\{\*\d+\}|\*[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+(?![_0-9])")


def clean(text: str) -> str:
    """A line as printed: footnote and glossary markers (<sup>(*)</sup>) and markdown line-break
    spaces removed; a list inside a table cell (<ul><li>…</li></ul>) becomes lines starting ・."""
    text = re.sub(r"\s*(</li>|<ul[^>]*>|</ul>)\s*", "", text)
    text = re.sub(r"\s*<li>", "\n・", text)
    return _MARKERS.sub("", text).rstrip()


def paragraphs(lines: list[str]) -> list[str]:
    """Non-empty lines as paragraphs; ``- `` bullets become ・; a paragraph cut by a page break joined."""
    out: list[str] = []
    cut = False
    for raw in lines:
        line = clean(raw).strip()
        if line == "---":
            cut = True
            continue
        if not line:
            continue
        if line.startswith("- "):
            line = "・" + line[2:]
        if cut and out and not out[-1].endswith(("。", "」", "）", ")")) and not line.startswith(("・", "◇", "(", "（")):
            out[-1] += line
        else:
            out.append(line)
        cut = False
    return out


def split_reference(text: str) -> dict[str, str]:
    """◇title（date） → title and date_text."""
    text = text.lstrip("-◇ ").strip()
    m = re.match(r"^(.*?)[（(]([^（()）]*)[)）]$", text)
    if m and m.group(1):
        return {"title": m.group(1).strip(), "date_text": m.group(2).strip()}
    return {"title": text, "date_text": ""}


def plan_data(plan: dict[str, Any], **rest: Any) -> dict[str, Any]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "plan": plan, "phases": PHASES, **rest}


# ----------------------------------------------------------------------------- seed 001
SEED001_READINGS = {
    "デジタル・トランスフォーメーション（DX）": "でじたる・とらんすふぉーめーしょん",
    "Society5.0": "", "スマート自治体": "すまーとじちたい", "行方市DX推進本部": "なめがたしでぃーえっくすすいしんほんぶ",
    "RPA": "", "クラウド・バイ・デフォルト原則": "くらうど・ばい・でふぉるとげんそく", "OJT": "", "OFF-JT": "",
    "デジタルデバイド(Digital divide)": "でじたるでばいど", "BPR": "", "オープンデータ": "おーぷんでーた",
}


def seed001() -> dict[str, Any]:
    lines = (SOURCES / "seed001.txt").read_text(encoding="utf-8").splitlines()
    # footnotes: ^{*1} TERM / *4_TERM, then the description on the next non-empty line
    glossary: list[dict[str, Any]] = []
    body: list[str] = []
    i = 0
    while i < len(lines):
        m = re.match(r"^(?:\^\{\*\d+\}\s*|\*\d+_)(.+)$", lines[i].strip())
        if m:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            term = m.group(1).strip()
            glossary.append({"id": len(glossary) + 1, "term": term, "reading": SEED001_READINGS.get(term, ""),
                             "description": lines[j].strip()})
            i = j + 1
            continue
        body.append(lines[i])
        i += 1
    heads = [k for k, ln in enumerate(body) if re.match(r"^(はじめに|\d_\S+)$", ln.strip())]
    tail = next(k for k, ln in enumerate(body) if ln.startswith("行方市DX基本方針 ver2.0"))
    chapters: list[dict[str, Any]] = []
    initiatives: list[dict[str, Any]] = []
    for n, k in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else tail
        head = body[k].strip().replace("_", " ", 1)
        part = body[k + 1:end]
        if head.startswith("6 "):
            starts = [x for x, ln in enumerate(part) if re.match(r"^[(（]\s*\d[\d ]*\s*[)）]", ln.strip())]
            intro = paragraphs(part[:starts[0]])
            section = {"id": 1, "number_label": "6", "title": head[2:], "kind": "group",
                       "description": "\n".join(intro)}
            for q, s in enumerate(starts):
                initiatives.append(_initiative001(part[s:starts[q + 1] if q + 1 < len(starts) else len(part)]))
            continue
        chapters.append({"id": len(chapters) + 1, "placement": "back" if head.startswith("7 ") else "front",
                         "title": head, "body": "\n\n".join(paragraphs(part))})
    for i, it in enumerate(initiatives, start=1):
        it["id"] = i
        it["section_id"] = 1
    plan = {"title": "行方市DX基本方針", "municipality": "行方市", "version_label": "Ver.2.0",
            "formulation_date": "令和6年3月", "issuing_department": "行方市 DX 推進本部",
            "period_start_fy": 2021, "period_end_fy": 2025, "period_label": "令和3年11月から令和8年3月まで",
            "year_style": "wareki", "numbering_style": "paren",
            "note": "見本: 行方市DX基本方針 Ver.2.0（令和6年3月）の本文から"}
    return plan_data(plan, chapters=chapters, sections=[section], initiatives=initiatives, glossary=glossary)


def _initiative001(part: list[str]) -> dict[str, Any]:
    m = re.match(r"^[(（]\s*(\d[\d ]*)\s*[)）]\s*(.+)$", part[0].strip())
    assert m is not None
    number, title = int(m.group(1).replace(" ", "")), clean(m.group(2)).strip()
    refs: list[dict[str, str]] = []
    summary: list[str] = []
    systems: list[dict[str, Any]] = []
    rest = part[1:]
    if any("【対象システム】" in ln for ln in rest):
        a = next(x for x, ln in enumerate(rest) if "【対象システム】" in ln)
        b = next(x for x, ln in enumerate(rest) if ln.startswith("◇"))
        systems = _systems(rest[a:b])
        rest = rest[:a] + rest[b:]
    for p in paragraphs(rest):
        if p.lstrip("・").startswith("◇"):
            refs.append(split_reference(p.lstrip("・")))
        else:
            summary.append(p)
    out: dict[str, Any] = {"number_label": f"({number})", "title": title, "summary": "\n".join(summary),
                           "references": refs}
    if systems:
        out["text"] = {"content": systems}
    return out


def _systems(lines: list[str]) -> list[dict[str, Any]]:
    """【対象システム】: each group header, then its systems in number order (the table reads across)."""
    items: list[dict[str, Any]] = [{"text": "【対象システム】", "bullet": False}]
    group: list[tuple[int, str]] = []

    def flush() -> None:
        items.extend({"text": t, "level": 1, "bullet": False} for _n, t in sorted(group))
        group.clear()

    for ln in lines[1:]:
        cells = [c.strip() for c in ln.split("\t") if c.strip()]
        if not cells:
            continue
        if not re.match(r"^\d+\.", cells[0]):
            flush()
            items.append({"text": cells[0], "bullet": False})
            continue
        for c in cells:
            group.append((int(c.split(".")[0]), c))
    flush()
    return items


# ----------------------------------------------------------------------------- seed 002
SEED002_ROWS = [  # (group, title, sub-rows, bars, target as written) — the table of 3.3, cell by cell
    (0, "自治体情報システムの標準化・共通化", [
        [(2021, 2022, "標準仕様書と\n既存システム（運用）との比較"), (2023, 2024, "ガバメントクラウド\nへ移行"),
         (2025, 2025, "標準準拠システムへ移行")]], "令和7年度"),
    (0, "マイナンバーカードの普及促進", [
        [(2021, 2024, "マイナンバーカード普及策の実施\n(休日窓口の開設・企業等における\n申請窓口の開設等)"),
         (2025, 2025, "マイナンバーカード利活用策の実施\n(マイナンバーカードを活用したオンライン申請等)")]],
     "令和4年度"),
    (0, "自治体の行政手続のオンライン化", [
        [(2022, 2025, "「実現性」、「効果性」の高い手続から優先的にオンライン化を実施")],
        [(2023, 2025, "運用開始（随時）")]], "-"),
    (0, "セキュリティ対策の徹底", [
        [(2021, 2021, "上天草市セキュリティ\nポリシーの改正"),
         (2022, 2025, "改正版セキュリティポリシーに基づく\nセキュリティ対策の徹底")]], "令和4年度"),
    (1, "AI・RPAの導入促進", [
        [(2021, 2021, "・5業務に係るシステム導入\n・導入対象業務選定"), (2022, 2022, "22業務に係る\nシステム導入"),
         (2023, 2023, "4業務に係る\nシステム導入"),
         (2025, 2025, "・導入対象業務選定\n・必要に応じたシステム導入（随時）")]], "-"),
    (1, "テレワークの推進", [
        [(2021, 2021, "テレワーク運用\n要綱の策定"),
         (2023, 2025, "テレワーク運用要綱に基づく\n庁内テレワークの推進")]], "-"),
    (1, "地域社会のデジタル化", [[(2021, 2025, "スマホ講習会の開催 25回/年")]], "-"),
]
SEED002_WAVES = [  # sub-rows of 自治体の行政手続のオンライン化 (title as written in the table's cell)
    ("【第1弾】・・・27件\n「自治体DX推進計画」で示された令和4年度末までにオンライン化する手続",
     [[(2021, 2023, "オンライン化に向けた準備"), (2024, 2024, "運用開始")]], "令和4年度"),
    ("【第2弾】・・・16件\n「デジタルガバメント実行計画」で示された優先してオンライン化を推進すべき手続",
     [[(2022, 2023, "オンライン化に向けた準備"), (2024, 2025, "運用開始")]], "-"),
    ("【第3弾】・・・1386件\n・上記以外の各種手続",
     [[(2023, 2025, "オンライン化に向けた準備(随時)")], [(2023, 2025, "運用開始（随時）")]], "-"),
]
SEED002_READINGS = {"三層の対策": "さんそうのたいさく", "官民データ活用推進基本法": "かんみんでーたかつようすいしんきほんほう"}
SEED002_GROUPS = ["国において目標時期等が設定されている取組", "その他の取組"]


def _bars(lanes: list[list[tuple[int, int, str]]]) -> list[dict[str, Any]]:
    return [{"lane": lane, "start": f"{a}-04", "end": f"{b + 1}-03", "label": label, "phase": "run"}
            for lane, bars in enumerate(lanes) for a, b, label in bars]


def seed002() -> dict[str, Any]:
    lines = (SOURCES / "seed002.txt").read_text(encoding="utf-8").splitlines()
    glossary: list[dict[str, Any]] = []
    body: list[str] = []
    for ln in lines:
        m = re.match(r"^<sup>\d+</sup>\s*([^:：]+)[:：](.+)$", ln.strip())
        if m:
            term = m.group(1).strip()
            glossary.append({"id": len(glossary) + 1, "term": term, "reading": SEED002_READINGS.get(term, ""),
                             "description": m.group(2).strip()})
            continue
        body.append(ln)
    start = next(k for k, ln in enumerate(body) if ln.strip() == "# 1. はじめに")
    chapters: list[dict[str, Any]] = []
    parents: dict[int, int] = {}
    current: list[str] = []

    def close() -> None:
        if chapters:
            chapters[-1]["body"] = "\n\n".join(paragraphs(current))
        current.clear()

    for ln in body[start:]:
        s = ln.strip()
        m = re.match(r"^#+\s*(.+)$", s)
        if m:
            head = m.group(1).strip()
            level = 0 if re.match(r"^\d\.\s", head) else 1 if re.match(r"^\d\.\d\s", head) else 2
            if head.startswith("○"):
                level = 1
            close()
            cid = len(chapters) + 1
            chapters.append({"id": cid, "parent_id": parents.get(level - 1) if level else None,
                             "placement": "back" if head.startswith("5.") or (level and chapters
                                                                               and _back(chapters, parents)) else "front",
                             "title": head, "body": ""})
            parents[level] = cid
            continue
        if "\t" in ln:  # the table of 3.3 (entered below as the plan's schedule)
            continue
        current.append(ln)
    close()
    sections = [{"id": i + 1, "title": t, "kind": "group"} for i, t in enumerate(SEED002_GROUPS)]
    initiatives: list[dict[str, Any]] = []
    rid = 0
    for group, title, lanes, target in SEED002_ROWS:
        rid += 1
        rows = [{"id": rid, "title": title, "bars": _bars(lanes), "national_target_text": target}]
        if title == "自治体の行政手続のオンライン化":
            for wtitle, wlanes, wtarget in SEED002_WAVES:
                rid += 1
                rows.append({"id": rid, "parent_id": rows[0]["id"], "title": wtitle, "bars": _bars(wlanes),
                             "national_target_text": wtarget})
        initiatives.append({"id": len(initiatives) + 1, "section_id": group + 1, "title": title,
                            "schedule_rows": rows})
    plan = {"title": "上天草版デジタル・トランスフォーメーション（DX）推進計画", "municipality": "上天草市",
            "formulation_date": "令和4年3月31日", "issuing_department": "上天草市企画政策部行革デジタル戦略課",
            "period_start_fy": 2021, "period_end_fy": 2025, "period_label": "令和4年度から令和7年度まで",
            "year_style": "seireki_wareki", "numbering_style": "paren",  # 2021年度 (令和3年度), as its table
            "note": "見本: 上天草版DX推進計画（令和4年3月31日）の本文と3.3 計画的な取組の表から"}
    return plan_data(plan, chapters=chapters, sections=sections, initiatives=initiatives, glossary=glossary)


def _back(chapters: list[dict[str, Any]], parents: dict[int, int]) -> bool:
    top = chapters[parents[0] - 1] if 0 in parents else None
    return bool(top and top["title"].startswith("5."))


# ----------------------------------------------------------------------------- seed 004
SEED004_GROUPS = [("【自治体 DX の重点取組事項】", "focus"),
                  ("【自治体 DX の取組とあわせて取り組むデジタル社会の実現に向けた取組】", "together"),
                  ("【各団体において必要に応じ実施を検討する取組】", "optional")]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def seed004() -> dict[str, Any]:
    lines = (SOURCES / "seed004.txt").read_text(encoding="utf-8").splitlines()
    items_at = next(k for k, ln in enumerate(lines) if ln.strip() == "(4) 取組事項")
    chapters: list[dict[str, Any]] = []
    parents: dict[int, int] = {}
    current: list[str] = []

    def close() -> None:
        if chapters:
            chapters[-1]["body"] = "\n\n".join(_table_lines(paragraphs(current)))
        current.clear()

    for ln in lines[:items_at]:
        s = ln.strip()
        m = re.match(r"^#+\s*(.+)$", s)
        if m:
            head = m.group(1).strip()
            level = 0 if head.startswith("第") else 1 if re.match(r"^\d\.\s", head) else 2
            close()
            cid = len(chapters) + 1
            chapters.append({"id": cid, "parent_id": parents.get(level - 1) if level else None,
                             "placement": "front", "title": head, "body": ""})
            parents[level] = cid
            continue
        current.append(ln)
    close()
    rest = lines[items_at + 1:]
    intro = [ln for ln in rest[:next(k for k, ln in enumerate(rest) if ln.startswith("【"))]]
    sections: list[dict[str, Any]] = []
    initiatives: list[dict[str, Any]] = []
    for ln in rest:
        s = ln.strip()
        group = next((g for g in SEED004_GROUPS if g[0] == s), None)
        if group:
            sections.append({"id": len(sections) + 1, "title": s.strip("【】"), "kind": "group",
                             "number_label": " "})
            if len(sections) == 1:
                sections[-1]["description"] = "\n".join(paragraphs(intro))
            category = group[1]
            continue
        if s and s[0] in CIRCLED and "\t" in s:
            name, text = (c.strip() for c in s.split("\t", 1))
            initiatives.append({"id": len(initiatives) + 1, "section_id": len(sections), "number_label": name[0],
                                "title": name[1:].strip(), "summary": text, "national_category": category,
                                "national_number": CIRCLED.index(name[0]) + 1})
    plan = {"title": "第3次小山市情報化基本計画 第5章 情報化の方向性と目指すべき姿", "municipality": "小山市",
            "period_start_fy": 2021, "period_end_fy": 2025, "year_style": "wareki", "numbering_style": "paren",
            "note": "見本: 小山市 第5章 情報化の方向性と目指すべき姿（自治体 DX の取組方針）の本文から"}
    return plan_data(plan, chapters=chapters, sections=sections, initiatives=initiatives)


def _table_lines(paras: list[str]) -> list[str]:
    """Rows of the 表5-n tables (課題 / 解決の方向性 separated by a tab): the 課題, then its ・ lines."""
    return [re.sub(r"\t\s*", "\n" if "\n・" in p else "　", p).strip() for p in paras]


EXAMPLES = {"namegata": seed001, "kamiamakusa": seed002, "oyama": seed004}
#: examples.json: the example plans as ファイル ▸ 新規作成 lists them
LABELS = {"namegata": "行方市 DX基本方針 Ver.2.0（12の取組と対象システム）",
          "kamiamakusa": "上天草市 DX推進計画（全体の工程表・国の目標時期）",
          "oyama": "小山市 情報化基本計画 第5章（国の計画の取組事項）"}


def index_text() -> str:
    import json

    return json.dumps([{"name": n, "label": LABELS[n]} for n in EXAMPLES], ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    outputs = [(HERE / f"{name}.json", lambda b=build: dumps(b())) for name, build in EXAMPLES.items()]
    outputs.append((HERE / "examples.json", index_text))
    for path, make in outputs:
        text = make()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.stderr.write("out of date: " + ", ".join(stale) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
