"""The booklet wastes no page: a policy's introduction and its first initiative share a page; KPIs as the data has them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dxeditor.formats.json import io as json_io
from dxeditor.publish.pdf.export import PdfOptions, export_pdf
from tests.publish.test_pdf_support import needs_poppler, page_count, page_text, small_plan

pytestmark = needs_poppler


def _export(data: dict, tmp_path: Path, kind: str) -> Path:
    doc = json_io.import_data(data)
    try:
        out = tmp_path / f"{kind}.pdf"
        export_pdf(doc, out, PdfOptions(kind=kind, today=dt.date(2026, 11, 23)))
    finally:
        doc.close(keep_working_copy=False)
    return out


def test_policy_page_holds_its_first_initiative(tmp_path: Path) -> None:
    out = _export(small_plan(4, sections=2), tmp_path, "booklet")
    pages = [page_text(out, n) for n in range(1, page_count(out) + 1)]
    for s, first in ((1, "取組1 手続等"), (2, "取組3 手続等")):
        heading = next(i for i, t in enumerate(pages) if f"基本方針{s} 市民の利便性向上" in t and "《主な取組事項》" in t)
        assert first in pages[heading].split("《主な取組事項》")[1].replace("◆ (1) ", ""), s
        assert "現状と課題" in pages[heading]  # the sheet itself, not only the list
    for t in pages[1:]:  # after the cover, no page is only a heading and a list
        assert not ("《主な取組事項》" in t and "現状と課題" not in t), t


def test_sentence_kpis_print_as_a_list_and_valued_ones_as_a_table(tmp_path: Path) -> None:
    data = small_plan(2)
    it = data["initiatives"][0]
    it["kpis"] = [{"name": "電子申請化した業務数：27手続（令和7(2025)年度末まで）"},
                  {"name": "電子申請の件数", "baseline_text": "1,200件", "target_value": 5000, "unit": "件",
                   "deadline_fy": 2025}]
    data["initiatives"][1]["kpis"] = [{"name": "窓口の待ち時間を半分にする"}]
    out = _export(data, tmp_path, "sheets")
    first, second = page_text(out, 1), page_text(out, 2) if page_count(out) > 1 else ""
    assert "■ 電子申請化した業務数：27手続（令和7(2025)年度末まで）" in " ".join(first.split()) or \
        "■電子申請化した業務数" in first.replace(" ", "")
    assert "現状値" in first and "5,000件" in first
    rest = "".join(page_text(out, n) for n in range(2, page_count(out) + 1)) if second else ""
    assert "窓口の待ち時間を半分にする" in rest and "現状値" not in rest.split("成果目標")[-1]
