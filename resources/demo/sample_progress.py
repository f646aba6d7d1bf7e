"""Sample progress of the demo plan: two years (令和5・6年度) of ratings, review texts and KPI actuals.

Seed 000 has no KPIs and no review: everything here is invented for the demo, so that a new
user sees the progress view and the report filled in. It is marked as sample data: the
plan's note says so, every KPI's note says 「サンプル」 and every review was entered by
「サンプルデータ」.
"""

from __future__ import annotations

from typing import Any

SAMPLE_NOTE = "【サンプルデータ】成果目標と令和5・6年度の進捗評価・実績値は、操作説明のための架空のデータです。"
WHO = "サンプルデータ"
STAMP = {2023: "2024-06-28T00:00:00Z", 2024: "2025-06-27T00:00:00Z"}

# initiative number → KPIs: name, baseline, target, unit, deadline fy, lower is better, yearly targets, actuals
# (a text KPI has target None and its words in the note of each year: (None, "…"))
KPIS: dict[int, list[tuple[Any, ...]]] = {
    1: [("オンラインで申請できる手続数", 12, 60, "手続", 2027, False, {2023: 24, 2024: 36, 2025: 48},
         {2023: 22, 2024: 38}),
        ("窓口の平均待ち時間", 25, 15, "分", 2027, True, {}, {2023: 23, 2024: 19})],
    2: [("市公式LINEの登録者数", 8000, 20000, "人", 2027, False, {}, {2023: 11500, 2024: 14200})],
    3: [("マイナンバーカードの交付率", 58.2, 90, "%", 2025, False, {}, {2023: 72.4, 2024: 79.1})],
    4: [("スマートフォン教室の参加者数（累計）", 0, 1500, "人", 2027, False, {}, {2023: 320, 2024: 610})],
    5: [("標準準拠システムへ移行した業務数", 0, 20, "業務", 2025, False, {2023: 0, 2024: 6}, {2023: 0, 2024: 4})],
    6: [("RPA・AIで削減した業務時間（年間）", 0, 3000, "時間", 2027, False, {}, {2023: 850, 2024: 1420})],
    7: [("庁内チャットの全庁導入", None, "全職員が日常的に利用", "", 2025, False, {},
         {2023: (None, "5課で試行導入"), 2024: (None, "全庁導入済み（利用率72%）")})],
    8: [("会議資料のペーパーレス化率", 10, 80, "%", 2027, False, {}, {2023: 35, 2024: 52})],
    9: [("テレワークを実施した職員数", 40, 300, "人", 2027, False, {}, {2023: 95, 2024: 150})],
    10: [("情報セキュリティ研修の受講率", 85, 100, "%", 2027, False, {}, {2023: 92, 2024: 97})],
}

# initiative number → {fiscal year: (rating, 実績・成果, 課題, 今後の方向性)}
REVIEWS: dict[int, dict[int, tuple[str, str, str, str]]] = {
    1: {2023: ("A", "電子申請の対象を22手続に拡大し、窓口のキャッシュレス決済を全サービスセンターに広げた。",
               "添付書類が必要な手続のオンライン化が進んでいない。", "書かない窓口の試行に向けて業務を見直す。"),
        2024: ("A", "電子申請は38手続となり、年度目標を上回った。書かない窓口を本庁で試行した。",
               "申請件数が少ない手続の利用促進。", "子育て・介護の手続を優先してオンライン化する。")},
    2: {2023: ("B", "LINEの配信内容を分野別に選べるようにした。", "登録者の伸びが鈍い。",
               "広報紙と連携して登録を呼びかける。"),
        2024: ("B", "登録者は14,200人となった。オープンデータを12件追加した。", "目標まで約6,000人。",
               "転入者向けの案内に登録方法を載せる。")},
    3: {2023: ("A", "出張申請受付を42回実施した。", "高齢者の申請支援の人手。", "商業施設での休日受付を続ける。"),
        2024: ("B", "交付率は79.1%となった。", "伸びが鈍化している。", "未取得者への個別案内を行う。")},
    4: {2023: ("B", "スマートフォン教室を24回開催し、320人が参加した。", "参加者が中心部に偏る。",
               "地域の会館での出張教室を行う。"),
        2024: ("A", "出張教室を含め累計610人が参加した。", "講師の確保。", "デジタル活用支援員と連携する。")},
    5: {2023: ("B", "移行計画を策定し、事業者と調整を始めた。", "事業者の作業が集中している。",
               "移行困難システムの申出を検討する。"),
        2024: ("C", "4業務を移行した（年度目標6業務）。", "事業者の体制不足により一部業務の移行が遅れている。",
               "移行時期を見直し、令和7年度中の移行を目指す。")},
    6: {2023: ("B", "RPAを8業務に導入し、年間850時間を削減した。", "シナリオを作れる職員が少ない。",
               "職員向けの研修を行う。"),
        2024: ("B", "生成AIの試行利用を始めた。削減時間は年間1,420時間。", "利用ルールの整備。",
               "ガイドラインを定めて全庁で利用する。")},
    7: {2023: ("A", "庁内チャットを5課で試行導入した。", "部署ごとに使い方が異なる。", "全庁導入に向けて運用ルールを定める。"),
        2024: ("A", "全庁に導入した。", "情報共有の場の整理。", "ナレッジの共有に活用する。")},
    8: {2023: ("B", "会議室にモニターを配備した。", "紙の資料を求める会議が残る。", "電子決裁の導入を検討する。"),
        2024: ("B", "ペーパーレス化率は52%となった。", "電子決裁が未導入。", "文書管理システムの更新に合わせて導入する。")},
    9: {2023: ("C", "テレワーク端末を30台追加した。", "実施する職員が一部に限られる。", "制度の周知と試行部署の拡大。"),
        2024: ("C", "実施職員は150人となった。", "窓口部署での実施が難しい。", "業務に応じた働き方の事例を共有する。")},
    10: {2023: ("A", "全職員向けの研修を実施した（受講率92%）。", "未受講者へのフォロー。", "標的型メール訓練を行う。"),
         2024: ("A", "受講率97%。標的型メール訓練を実施した。", "訓練で開封した職員への指導。", "訓練を年2回に増やす。")},
}


def _f(v: Any) -> float | None:
    return None if v is None else float(v)


def kpis_of(number: int, first_id: int) -> list[dict[str, Any]]:
    """The sample KPIs of initiative ``number`` in the exporter's field order, ids from ``first_id``."""
    out = []
    for n, (name, base, target, unit, deadline, lower, targets, actuals) in enumerate(KPIS.get(number, [])):
        text = isinstance(target, str)
        out.append({
            "id": first_id + n, "name": name, "baseline_text": "", "baseline_value": _f(base),
            "target_value": None if text else _f(target), "target_text": target if text else "", "unit": unit,
            "deadline_text": "", "deadline_fy": deadline, "note": "サンプル（架空の値）", "lower_is_better": lower,
            "targets": [{"fiscal_year": fy, "value": _f(v), "text": ""} for fy, v in sorted(targets.items())],
            "actuals": [{"fiscal_year": fy, "value": _f(v[0]) if isinstance(v, tuple) else _f(v),
                         "note": v[1] if isinstance(v, tuple) else ""} for fy, v in sorted(actuals.items())],
        })
    return out


def reviews_of(number: int) -> list[dict[str, Any]]:
    """The sample reviews of initiative ``number`` in the exporter's field order."""
    return [{"fiscal_year": fy, "status": "", "comment": "", "rating": rating, "results": results, "issues": issues,
             "direction": direction, "entered_by": WHO, "entered_at": STAMP[fy]}
            for fy, (rating, results, issues, direction) in sorted(REVIEWS.get(number, {}).items())]
