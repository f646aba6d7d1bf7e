"""Small plans and poppler helpers shared by the PDF tests (no tests of its own)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from dxeditor.store.models import DEFAULT_PHASES

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "pdftohtml"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")

#: Characters the tests type into plans: a fallback-only kanji, an itaiji, an emoji no font has.
RARE = "𠮷"
ITAIJI = "髙"
NO_FONT = "🦀"


def row_title(i: int) -> str:
    """A unique, short row title whose number cannot be a substring of another's."""
    return f"〔R{i:04d}〕手続"


def small_plan(rows: int = 12, *, sections: int = 1, extra_text: str = "") -> dict[str, Any]:
    """A plan with ``rows`` schedule rows spread over ``sections`` sections (two initiatives each)."""
    secs, inits = [], []
    per = max(1, rows // (2 * sections))
    n = 0
    for s in range(sections):
        secs.append({"id": s + 1, "title": f"基本方針{s + 1} 市民の利便性向上", "description": "市民の利便性を高める。"})
        for k in range(2):
            iid = len(inits) + 1
            count = per if not (s == sections - 1 and k == 1) else rows - n
            rws = []
            for _ in range(count):
                rws.append({
                    "id": 1000 + n, "title": row_title(n) + (f" {RARE}野 {ITAIJI}橋" if n == 0 else ""),
                    "lead_department_id": 1,
                    "bars": [
                        {"start": "2022-04", "end": "2023-03", "label": "検討", "phase": "study"},
                        {"start": "2023-04", "end": "2024-09", "label": "可能な部分から実施", "phase": "build"},
                        {"start": "2024-10", "end": "2027-03", "label": "実施", "phase": "run", "continues": True},
                    ],
                    "milestones": [{"month": "2024-04", "label": "運用開始", "lane": 1}] if n % 5 == 0 else [],
                })
                n += 1
            inits.append({
                "id": iid, "section_id": s + 1, "title": f"取組{iid} 手続等のオンライン化・窓口改革",
                "sdgs": [9, 11, 16, 17], "lead_department_id": 2, "related_department_ids": [1],
                "national_target_fy": 2025, "national_category": "focus", "national_number": 3,
                "summary": "行政手続のオンライン化を進める。" + extra_text,
                "text": {
                    "current": [{"text": "デジタル3原則が明確化された。"}, {"text": "子育て・介護の手続", "level": 1}],
                    "direction": [{"text": "可能なものから積極的にオンライン化する。", "bullet": False}],
                    "content": [{"text": "ぴったりサービスの活用"}, {"text": f"{RARE}田さんの窓口 {NO_FONT}", "level": 2}],
                },
                "kpis": [{"name": "電子申請化した業務数", "target_value": 27, "unit": "手続", "deadline_fy": 2025,
                          "baseline_text": "0手続"}],
                "references": [{"title": "デジタル社会の実現に向けた重点計画", "date_text": "令和5年6月9日閣議決定"}],
                "schedule_rows": rws,
            })
    return {
        "format": "dxeditor-plan", "format_version": 1,
        "plan": {"title": "テスト市 自治体DX推進計画", "municipality": "テスト市", "period_start_fy": 2022,
                 "period_end_fy": 2027, "year_style": "short", "issuing_department": "総務部デジタル推進室",
                 "formulation_date": "令和5年11月", "basic_philosophy": "誰一人取り残さない", "vision": "便利な市役所"},
        "phases": [{"key": k, "name": nm, "color": c, "pattern": p} for k, nm, c, p in DEFAULT_PHASES],
        "departments": [{"id": 1, "name": "戸籍住民課"}, {"id": 2, "name": "デジタル推進室"}],
        "chapters": [
            {"id": 1, "parent_id": None, "placement": "front", "title": "1 はじめに",
             "body": "情報通信技術の急速な発展により、ライフスタイルにも急激な変化が生じています。\n\n国は基本方針を策定しました。"},
            {"id": 2, "parent_id": 1, "placement": "front", "title": "(1) 自治体DXの背景", "body": "背景の説明。"},
            {"id": 3, "parent_id": None, "placement": "back", "title": "4 推進体制", "body": "デジタル行政推進本部が中心となる。"},
        ],
        "sections": secs,
        "initiatives": inits,
        "glossary": [
            {"term": "AI", "reading": "えーあい", "description": "人工知能。"},
            {"term": "クラウド", "reading": "くらうど", "description": "インターネット経由のサービス。"},
            {"term": "エンドツーエンド", "reading": "えんどつーえんど", "description": "端から端まで。"},
            {"term": "電子決裁", "reading": "でんしけっさい", "description": "決裁をシステムで完結させること。"},
        ],
    }


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=120).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))


def page_text(pdf: Path, n: int) -> str:
    return run("pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-")


def all_text(pdf: Path) -> str:
    return run("pdftotext", str(pdf), "-")


def fonts_table(pdf: Path) -> list[list[str]]:
    """pdffonts rows split into columns (name, type…, emb, sub, uni, object, gen)."""
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    return [ln.split() for ln in lines if ln.strip()]


def info(pdf: Path) -> dict[str, str]:
    out = {}
    for line in run("pdfinfo", str(pdf)).splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            out[k.strip()] = v.strip()
    return out


def outline(pdf: Path) -> list[str]:
    """Bookmark titles (poppler's pdftohtml -xml lists the outline)."""
    xml = run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf))
    return re.findall(r'<item page="\d+">(.*?)</item>', xml)
