"""Small plans for the Excel tests, shaped like seed 000 (stacked lanes) and seed 002 (targets, sub-rows)."""

from __future__ import annotations

from typing import Any

from dxeditor.store.models import DEFAULT_PHASES


def bar(start: str, end: str, label: str, phase: str = "run", lane: int = 0, **extra: Any) -> dict[str, Any]:
    """A bar dict; start/end are YYYY-MM."""
    return {"start": start, "end": end, "label": label, "phase": phase, "lane": lane, **extra}


def fy(y: int) -> tuple[str, str]:
    """The first and last month of fiscal year ``y``."""
    return f"{y}-04", f"{y + 1}-03"


def years(a: int, b: int) -> tuple[str, str]:
    """From April of ``a`` to March closing fiscal year ``b``."""
    return f"{a}-04", f"{b + 1}-03"


def sample_plan() -> dict[str, Any]:
    """A demo-like plan: sections, initiatives with rows, lanes, sub-rows, targets, KPIs, glossary."""
    return {
        "format": "dxeditor-plan",
        "format_version": 1,
        "plan": {
            "uid": "0123456789abcdef0123456789abcdef",
            "title": "小樽市 自治体DXに関する全体方針",
            "municipality": "小樽市",
            "period_start_fy": 2022,
            "period_end_fy": 2027,
            "year_style": "short",
            "numbering_style": "paren",
        },
        "phases": [{"key": k, "name": n, "color": c, "pattern": p} for k, n, c, p in DEFAULT_PHASES],
        "departments": [
            {"id": 1, "name": "戸籍住民課", "renames": []},
            {"id": 2, "name": "市民税課"},
            {"id": 3, "name": "情報システム課", "renames": [{"name": "デジタル推進室", "valid_from_fy": 2024}]},
            {"id": 4, "name": "総務課"},
        ],
        "sections": [
            {"id": 1, "title": "市民の利便性向上", "kind": "policy"},
            {"id": 2, "title": "職員の生産性向上", "kind": "policy"},
        ],
        "initiatives": [
            {
                "id": 1, "section_id": 1, "title": "手続等のオンライン化・窓口改革",
                "lead_department_id": 3, "related_department_ids": [1, 2], "sdgs": [9, 11, 16],
                "national_target_fy": 2025,
                "text": {
                    "current": [{"text": "対面の手続が多い", "level": 0}],
                    "direction": [{"text": "オンライン化を進める", "level": 0},
                                  {"text": "子育て・介護から", "level": 1}],
                    "content": [{"text": "手続の洗い出し", "level": 0, "bullet": False}],
                },
                "kpis": [{"id": 1, "name": "電子申請化した業務数", "target_value": 27, "unit": "手続",
                          "deadline_fy": 2025}],
                "schedule_rows": [
                    {"id": 1, "title": "転出届・転入予約", "lead_department_id": 1,
                     "bars": [bar(*fy(2022), "実施", "run", continues=True)]},
                    {"id": 2, "title": "国民の利便性向上 手続オンライン化",
                     "bars": [bar(*fy(2023), "一部実施\n・子育て\n・介護", "run"),
                              bar(*fy(2024), "標準化等に伴う拡充検討", "study"),
                              bar(*years(2025, 2027), "可能な部分から実施", "run")]},
                    {"id": 3, "title": "コンビニ交付", "lead_department_id": 1, "related_department_ids": [2],
                     "bars": [bar(*fy(2022), "=SUM(A1)", "other"),
                              bar(*years(2023, 2024), "標準化等に伴う拡充検討", "study"),
                              bar(*years(2025, 2027), "+可能な部分から実施", "run")],
                     "milestones": [{"month": "2025-10", "label": "運用開始", "lane": 1}]},
                ],
            },
            {
                "id": 2, "section_id": 2, "title": "AI・RPAの利用促進", "lead_department_id": 4,
                "schedule_rows": [
                    {"id": 4, "title": "AI・RPAの利用促進",
                     "bars": [bar(*fy(2022), "一部実施", "run", 0),
                              bar(*years(2023, 2027), "業務のRPA化の推進", "continue", 1),
                              bar(*years(2023, 2027), "職員によるシナリオ作成の推進", "build", 2)]},
                    {"id": 5, "title": "【第1弾】・・・27件", "parent_id": 4, "national_target_text": "令和4年度",
                     "bars": [bar(*years(2022, 2023), "@準備", "study"), bar("2024-04", "2024-09", "運用開始")]},
                    {"id": 6, "title": "-BPR", "bars": []},
                ],
            },
            {"id": 3, "section_id": 2, "title": "セキュリティ対策の徹底", "lead_department_id": 3},
        ],
        "chapters": [{"id": 1, "title": "はじめに", "placement": "front", "body": "=本方針の目的"}],
        "glossary": [
            {"id": 1, "term": "RPA", "reading": "あーるぴーえー", "description": "定型作業の自動化"},
            {"id": 2, "term": "BPR", "reading": "BPR", "description": "業務の見直し"},
            {"id": 3, "term": "クラウド", "reading": "くらうど", "description": "=インターネット経由の利用"},
        ],
    }
