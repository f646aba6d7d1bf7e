"""Realistic generated plans for benchmarks, in the JSON interchange form.

``generate_plan(rows, seed)`` returns a dict that :func:`dxeditor.formats.json.io.import_data`
accepts: policies with pillars, initiatives (one per 10–25 schedule rows) with Japanese
titles, bulleted and nested text blocks, KPIs with actuals, SDGs, references, a 部→課
tree of about 40 departments (with a rename and a merge), schedule rows with 1–4 bars
(phase sequences 検討 → 構築 → 実施, second and third lanes, arrows past the period),
milestones and a glossary. The same ``rows`` and ``seed`` always give the same plan.

``python -m bench.generate --rows 10000 -o big.dxplan`` writes a plan file; ``--cache-dir DIR``
writes it once per generator and schema version and prints its path.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

#: Bump when the generated content changes, so cached plan files are rebuilt.
GENERATOR_VERSION = 1
PERIOD = (2024, 2028)

CITIES = ["小樽市", "行方市", "北見市", "松江市", "佐世保市", "鶴岡市", "上越市", "富士見市"]
DIVISIONS: list[tuple[str, list[str]]] = [
    ("総務部", ["総務課", "人事課", "デジタル推進課", "財政課", "契約管財課"]),
    ("企画政策部", ["政策企画課", "広報広聴課", "行政改革推進課"]),
    ("市民部", ["戸籍住民課", "市民税課", "資産税課", "納税課", "市民協働課"]),
    ("福祉部", ["福祉総務課", "障害福祉課", "高齢福祉課", "生活支援課"]),
    ("子ども未来部", ["子育て支援課", "保育課", "子ども家庭課"]),
    ("健康保険部", ["保険年金課", "健康増進課", "介護保険課"]),
    ("産業振興部", ["商工労働課", "観光振興課", "農林水産課"]),
    ("建設部", ["都市計画課", "道路河川課", "建築住宅課", "下水道課"]),
    ("教育部", ["教育総務課", "学校教育課", "生涯学習課", "総合博物館"]),
    ("消防本部", ["警防課", "予防課"]),
]
POLICIES = [
    ("市民の利便性向上", ["手続のデジタル化", "情報発信の充実", "誰一人取り残さない支援"]),
    ("職員の生産性向上", ["業務改革（BPR）", "働き方改革", "データ活用"]),
    ("情報セキュリティ対策の強化", ["セキュリティ体制", "人的対策"]),
    ("地域社会のデジタル化", ["地域産業のDX", "教育のデジタル化", "防災・減災"]),
    ("推進体制の構築", ["推進体制の整備", "デジタル人材の確保・育成"]),
    ("システム基盤の最適化", ["標準化・共通化", "クラウド活用", "ネットワーク強靱化"]),
]
SUBJECTS = ["行政手続", "窓口業務", "マイナンバーカード", "基幹業務システム", "電子決裁", "テレワーク",
            "AI-OCR", "RPA", "オープンデータ", "公開型GIS", "チャットボット", "キャッシュレス決済",
            "庁内ネットワーク", "ペーパーレス会議", "文書管理システム", "学校ICT", "防災情報システム",
            "住民票等の証明書", "子育て支援サービス", "介護保険手続", "施設予約", "電子契約"]
ACTIONS = ["オンライン化", "導入", "推進", "利用促進", "普及促進", "標準化・共通化", "最適化", "拡充",
           "移行", "運用改善", "活用"]
ROW_ITEMS = ["転出届・転入予約", "住民票の写し", "印鑑登録証明書", "児童手当の申請", "保育所入所申込",
             "要介護認定申請", "犬の登録", "道路占用許可", "各サービスセンター", "図書館システム",
             "財務会計システム", "人事給与システム", "グループウェア", "Web会議環境", "庁内無線LAN",
             "AI議事録作成", "RPAシナリオ作成", "統計書", "道路台帳", "都市計画図", "避難所情報",
             "公共施設予約", "電子申請システム", "窓口キャッシュレス", "コンビニ交付", "書かない窓口"]
WAVES = ["【第1弾】", "【第2弾】", "【第3弾】", ""]
SEQUENCES: list[list[tuple[str, str]]] = [
    [("検討", "study"), ("システム構築", "build"), ("実施", "run")],
    [("仕様書確認 Fit&Gap分析", "study"), ("標準準拠システムへ移行", "build"), ("運用", "run")],
    [("調査・研究", "study"), ("試行", "build"), ("可能な部分から実施", "run")],
    [("オンライン化に向けた準備", "build"), ("運用開始（随時）", "run")],
    [("一部実施", "run"), ("拡充検討", "study"), ("継続実施", "continue")],
    [("検討", "study"), ("実施", "run")],
]
EXTRA_LABELS = [("業務のRPA化の推進", "run"), ("職員によるシナリオ作成の推進", "other"), ("・道路台帳", "other"),
                ("拡充検討", "study"), ("周知・啓発", "other"), ("効果検証", "study")]
MILESTONES = ["運用開始", "ガバメントクラウドへ移行", "契約更新", "中間評価", "条例改正"]
SENTENCES = [
    "市に関係する手続や問合せは、開庁時間に市役所へ出向いて行うものが多く、対応が難しい市民も多くいます。",
    "社会のデジタル化に伴い、情報やデータは知恵・価値・競争力の源泉となっています。",
    "現状の仕事の進め方は、デジタル技術が発達する前のやり方を踏襲しているものも多くあります。",
    "BPR（業務改革）に取り組むことを前提に、デジタルで完結することを基本とします。",
    "デジタル技術への対応が難しい方もいることから、必要に応じて窓口など対面による対応を行います。",
    "国の「自治体DX推進計画」に示された目標時期を踏まえ、計画的に移行を進めます。",
    "職員が自席に固定されず、紙に囲まれず、効率的で多様な働き方に対応できる環境を整備します。",
    "セキュリティ3要素（機密性、完全性、可用性）に留意し、安全な行政サービスの提供に努めます。",
    "利用者の声を把握し、効果を検証しながら段階的に対象を拡大します。",
    "庁内の関係部署と連携し、全庁的な捉え方で課題の解決に取り組みます。",
]
KPI_NAMES = [("電子申請化した業務数", "手続"), ("マイナンバーカード交付率", "％"), ("RPA導入業務数", "業務"),
             ("ペーパーレス会議の実施率", "％"), ("削減された作業時間", "時間"), ("研修受講者数", "人")]
REFERENCES = ["デジタル社会の実現に向けた重点計画", "自治体DX推進計画", "自治体情報セキュリティポリシーに関するガイドライン",
              "地方公共団体情報システムの標準化に関する法律", "デジタル田園都市国家構想総合戦略"]
GLOSSARY = ["AI", "BPR", "DX", "EBPM", "GIS", "LGWAN", "RPA", "SNS", "UI/UX", "オープンデータ", "ガバメントクラウド",
            "キャッシュレス", "クラウド", "サービスデザイン思考", "シングルサインオン", "チャットボット", "テレワーク",
            "デジタルデバイド", "マイナポータル", "ローコードツール", "情報セキュリティ", "電子決裁", "標準準拠システム"]
PHASES = [  # the program's default phases (dxeditor.store.models.DEFAULT_PHASES)
    ("study", "検討", "#8fb8de", "diagonal"),
    ("build", "準備・構築", "#f2c46d", "cross"),
    ("run", "実施", "#7cc48a", "solid"),
    ("continue", "継続", "#b9d9a8", "dots"),
    ("other", "その他", "#c8c8c8", "horizontal"),
]
PROGRESS = ["not_started", "on_track", "done", "delayed"]


class _Ids:
    """Global id counters per kind (ids must be unique across the plan)."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def __call__(self, kind: str) -> int:
        n = self._next.get(kind, 1)
        self._next[kind] = n + 1
        return n


def _month(index: int) -> str:
    """Absolute month index (fy * 12 + months since April) → ``YYYY-MM``."""
    fy, k = divmod(index, 12)
    month = (k + 3) % 12 + 1
    return f"{fy if month >= 4 else fy + 1:04d}-{month:02d}"


def _paragraph(rnd: random.Random, sentences: int) -> str:
    return "".join(rnd.sample(SENTENCES, sentences))


def _departments(rnd: random.Random, ids: _Ids) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]:
    """About 40 departments in a 部 → 課 tree, one rename and one merge; returns (depts, links, 課 ids)."""
    depts: list[dict[str, Any]] = []
    sections: list[int] = []
    for bu, kas in DIVISIONS:
        bu_id = ids("dept")
        depts.append({"id": bu_id, "parent_id": None, "kind": "部", "name": bu, "code": f"{bu_id:02d}",
                      "valid_from_fy": None, "valid_to_fy": None, "note": "", "renames": []})
        for ka in kas:
            ka_id = ids("dept")
            depts.append({"id": ka_id, "parent_id": bu_id, "kind": "室" if ka.endswith("館") else "課", "name": ka,
                          "code": f"{bu_id:02d}{ka_id:03d}", "valid_from_fy": None, "valid_to_fy": None,
                          "note": "", "renames": []})
            sections.append(ka_id)
    digital = next(d for d in depts if d["name"] == "デジタル推進課")
    digital["renames"] = [{"name": "DX推進課", "valid_from_fy": PERIOD[0] + 2}]
    # 資産税課 merges into 市民税課 (組織改正) in the third year
    old = next(d for d in depts if d["name"] == "資産税課")
    new = next(d for d in depts if d["name"] == "市民税課")
    old["valid_to_fy"] = PERIOD[0] + 1
    links = [{"predecessor_id": old["id"], "successor_id": new["id"], "fiscal_year": PERIOD[0] + 2, "kind": "merge"}]
    rnd.shuffle(sections)
    return depts, links, sections


def _text(rnd: random.Random) -> dict[str, list[dict[str, Any]]]:
    current = [{"text": _paragraph(rnd, rnd.randint(1, 3)), "level": 0, "bullet": rnd.random() < 0.6}
               for _ in range(rnd.randint(1, 4))]
    direction = [{"text": _paragraph(rnd, rnd.randint(1, 2)), "level": 0, "bullet": True}
                 for _ in range(rnd.randint(1, 3))]
    content: list[dict[str, Any]] = []
    for _ in range(rnd.randint(2, 6)):
        content.append({"text": f"{rnd.choice(SUBJECTS)}の{rnd.choice(ACTIONS)}", "level": 0, "bullet": True})
        for _ in range(rnd.choice([0, 0, 1, 2, 3])):
            content.append({"text": _paragraph(rnd, 1), "level": 1, "bullet": True})
            if rnd.random() < 0.2:
                content.append({"text": rnd.choice(ROW_ITEMS), "level": 2, "bullet": True})
    return {"current": current, "direction": direction, "content": content}


def _kpis(rnd: random.Random, ids: _Ids) -> list[dict[str, Any]]:
    out = []
    for name, unit in rnd.sample(KPI_NAMES, rnd.randint(1, 3)):
        base = rnd.randint(0, 50)
        target = base + rnd.randint(10, 100)
        deadline = rnd.randint(PERIOD[0] + 1, PERIOD[1])
        out.append({
            "id": ids("kpi"), "name": name, "baseline_text": f"{base}{unit}（令和5年度）", "baseline_value": base,
            "target_value": target, "target_text": "", "unit": unit,
            "deadline_text": f"令和{deadline - 2018}({deadline})年度末まで", "deadline_fy": deadline, "note": "",
            "actuals": [{"fiscal_year": fy, "value": base + (target - base) * (fy - PERIOD[0] + 1) // 6, "note": ""}
                        for fy in range(PERIOD[0], PERIOD[0] + rnd.randint(0, 2))],
        })
    return out


def _bars(rnd: random.Random, ids: _Ids) -> list[dict[str, Any]]:
    """1–4 bars: a phase sequence on lane 0, sometimes extra lanes below."""
    first, last = PERIOD[0] * 12, PERIOD[1] * 12 + 11
    wanted = rnd.choices([1, 2, 3, 4], weights=[3, 3, 3, 1])[0]
    seq = rnd.choice(SEQUENCES)
    on_lane0 = min(wanted, len(seq), rnd.randint(1, 3))
    start = first + rnd.choice([0, 0, 0, 12, 24, 6])
    bars: list[dict[str, Any]] = []
    for i, (label, phase) in enumerate(seq[:on_lane0]):
        is_last = i == on_lane0 - 1
        end = last if is_last and rnd.random() < 0.6 else min(last, start + rnd.choice([5, 11, 11, 23]))
        bars.append({"id": ids("bar"), "lane": 0, "start": start, "end": end, "label": label, "phase": phase,
                     "continues": is_last and end == last and rnd.random() < 0.7, "note": ""})
        if end >= last:
            break
        start = end + 1
    lane = 1
    while len(bars) < wanted and lane <= 2:
        label, phase = rnd.choice(EXTRA_LABELS)
        s = first + 12 * rnd.randint(0, PERIOD[1] - PERIOD[0])
        e = min(last, s + rnd.choice([11, 23, 35]))
        bars.append({"id": ids("bar"), "lane": lane, "start": s, "end": e, "label": label, "phase": phase,
                     "continues": e == last and rnd.random() < 0.5, "note": ""})
        lane += 1 if rnd.random() < 0.7 else 0
    for b in bars:
        b["start"], b["end"] = _month(b["start"]), _month(b["end"])
    return bars


def _rows(rnd: random.Random, ids: _Ids, count: int, depts: list[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    parent: int | None = None
    for _ in range(count):
        rid = ids("row")
        sub = parent is not None and rnd.random() < 0.5
        if not sub:
            parent = None
        title = (f"{rnd.choice(WAVES)}{rnd.choice(ROW_ITEMS)}" if not sub else f"・{rnd.choice(ROW_ITEMS)}")
        milestones = []
        if rnd.random() < 0.2:
            fy = rnd.randint(*PERIOD)
            milestones.append({"id": ids("ms"), "lane": 0, "month": _month(fy * 12 + rnd.randint(0, 11)),
                               "label": rnd.choice(MILESTONES)})
        target_fy = rnd.choice([None, None, None, 2025, 2026])
        rows.append({
            "id": rid, "parent_id": parent if sub else None, "title": title,
            "note": "" if rnd.random() < 0.8 else "国の動向を踏まえ随時見直し",
            "national_target_fy": target_fy, "national_target_text": "",
            "lead_department_id": rnd.choice(depts) if rnd.random() < 0.6 else None,
            "related_department_ids": rnd.sample(depts, rnd.choice([0, 0, 1, 2])),
            "bars": _bars(rnd, ids), "milestones": milestones, "progress": [],
        })
        if not sub and rnd.random() < 0.15:
            parent = rid
    return rows


def _row_counts(rnd: random.Random, rows: int) -> list[int]:
    """Schedule rows per initiative (10–25 each) adding up to exactly ``rows``."""
    counts: list[int] = []
    left = rows
    while left > 0:
        n = min(left, rnd.randint(10, 25))
        counts.append(n)
        left -= n
    return counts


def generate_plan(rows: int, seed: int = 1) -> dict[str, Any]:
    """A realistic plan with exactly ``rows`` schedule rows, as a JSON interchange dict."""
    rnd = random.Random(f"{seed}:{rows}")
    ids = _Ids()
    city = rnd.choice(CITIES)
    depts, links, ka_ids = _departments(rnd, ids)
    counts = _row_counts(rnd, rows)
    n_policies = 3 if rows <= 200 else 4 if rows <= 2000 else 6
    sections: list[dict[str, Any]] = []
    pillars: list[int] = []
    for title, pillar_titles in POLICIES[:n_policies]:
        pid = ids("sec")
        sections.append({"id": pid, "parent_id": None, "kind": "policy", "number_label": "", "title": title,
                         "description": _paragraph(rnd, 3) + "\n《主な取組事項》\n◆" + "\n◆".join(pillar_titles)})
        for pt in pillar_titles:
            sid = ids("sec")
            sections.append({"id": sid, "parent_id": pid, "kind": "pillar", "number_label": "", "title": pt,
                             "description": _paragraph(rnd, 1)})
            pillars.append(sid)
    initiatives = []
    categories = ["system", "focus", "together", "optional", ""]
    for k, n in enumerate(counts):
        iid = ids("init")
        category = rnd.choice(categories)
        lead = rnd.choice(ka_ids)
        initiatives.append({
            "id": iid, "section_id": pillars[k * len(pillars) // len(counts)], "number_label": "",
            "title": f"{rnd.choice(SUBJECTS)}の{rnd.choice(ACTIONS)}", "summary": _paragraph(rnd, 1),
            "national_category": category, "national_number": rnd.randint(1, 6) if category else None,
            "national_target_fy": rnd.choice([None, 2025, 2026]), "national_target_text": "", "note": "",
            "sdgs": sorted(rnd.sample(range(1, 18), rnd.randint(1, 4))),
            "lead_department_id": lead,
            "related_department_ids": rnd.sample([d for d in ka_ids if d != lead], rnd.randint(0, 3)),
            "text": _text(rnd), "kpis": _kpis(rnd, ids),
            "references": [{"title": f"◇{t}", "date_text": "令和5年6月9日閣議決定", "note": ""}
                           for t in rnd.sample(REFERENCES, rnd.randint(0, 3))],
            "progress": [{"fiscal_year": PERIOD[0], "status": rnd.choice(PROGRESS), "comment": _paragraph(rnd, 1)}],
            "schedule_rows": _rows(rnd, ids, n, ka_ids),
        })
    glossary = [{"id": i, "term": f"{term}" if i <= len(GLOSSARY) else f"{term}（{i}）", "reading": term,
                 "description": _paragraph(rnd, 1)}
                for i, term in enumerate((GLOSSARY * 10)[: min(200, 40 + rows // 100)], start=1)]
    return {
        "format": "dxeditor-plan",
        "format_version": 1,
        "plan": {
            "uid": f"bench-{rows}-{seed}", "title": f"{city}DX推進計画（ベンチマーク {rows:,}行）",
            "subtitle": "", "municipality": city, "issuing_department": "総務部デジタル推進課",
            "version_label": "Ver.1.0", "formulation_date": "令和6年3月",
            "period_start_fy": PERIOD[0], "period_end_fy": PERIOD[1], "period_label": "", "year_style": "short",
            "numbering_style": "paren", "basic_philosophy": _paragraph(rnd, 4), "vision": _paragraph(rnd, 2),
            "note": "",
        },
        "phases": [{"key": k, "name": n, "color": c, "pattern": pt} for k, n, c, pt in PHASES],
        "departments": depts,
        "department_links": links,
        "sections": sections,
        "initiatives": initiatives,
        "glossary": glossary,
    }


def write_plan(rows: int, path: str | Path, seed: int = 1) -> Path:
    """Generate a plan and save it as a .dxplan file at ``path``."""
    from dxeditor.formats.json.io import import_data

    doc = import_data(generate_plan(rows, seed), source=f"generated {rows} rows")
    try:
        return doc.save(path)
    finally:
        doc.close(keep_working_copy=False)


def cached_plan(rows: int, folder: Path, seed: int = 1) -> Path:
    """A generated plan file in ``folder``, written once per (rows, seed, generator, schema version)."""
    from dxeditor.store.document import SCHEMA_REVISION

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"plan-{rows}-s{seed}-g{GENERATOR_VERSION}-schema{SCHEMA_REVISION}.dxplan"
    if not path.exists():
        write_plan(rows, path, seed)
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.generate --rows N [--seed S] (-o FILE.dxplan | --json FILE.json)``."""
    p = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1386)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--output", help="write a .dxplan file")
    p.add_argument("--json", help="write the JSON interchange form")
    p.add_argument("--cache-dir", type=Path, help="write the plan into this folder once; print its path")
    args = p.parse_args(argv)
    if args.cache_dir:
        print(cached_plan(args.rows, args.cache_dir, args.seed))
        return 0
    if not args.output and not args.json:
        p.error("give -o FILE.dxplan, --json FILE.json or --cache-dir DIR")
    if args.json:
        Path(args.json).write_text(json.dumps(generate_plan(args.rows, args.seed), ensure_ascii=False, indent=2),
                                   encoding="utf-8")
        print(args.json)
    if args.output:
        print(write_plan(args.rows, args.output, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
