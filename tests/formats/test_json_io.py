"""JSON interchange: lossless round trips and clear refusals of bad input."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dxeditor.core.errors import ImportFormatError
from dxeditor.core.fiscal import index_to_month, month_to_index
from dxeditor.formats.json import io as json_io
from dxeditor.formats.json.spec import json_schema
from dxeditor.store.document import PlanDocument

RICH = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "𠮷野市DX推進計画 😀", "municipality": "髙島市", "period_start_fy": 2022, "period_end_fy": 2027,
             "year_style": "both", "numbering_style": "circled", "vision": "誰一人取り残さない"},
    "chapters": [{"id": 1, "title": "はじめに", "body": "本計画は…\n\n第二段落"},
                 {"id": 2, "parent_id": 1, "title": "計画の位置付け", "body": "位置付け"},
                 {"id": 3, "placement": "back", "title": "推進体制", "body": "CIO を中心に…"}],
    "phases": [{"key": "study", "name": "検討", "color": "#8fb8de", "pattern": "diagonal"},
               {"key": "custom", "name": "独自", "color": "#123456", "pattern": "dots"}],
    "departments": [
        {"id": 10, "parent_id": None, "kind": "部", "name": "総務部"},
        {"id": 11, "parent_id": 10, "kind": "課", "name": "デジタル推進室",
         "renames": [{"name": "DX推進課", "valid_from_fy": 2025}]},
        {"id": 12, "parent_id": 10, "kind": "課", "name": "戸籍住民課", "valid_to_fy": 2024},
        {"id": 13, "parent_id": 10, "kind": "課", "name": "市民窓口課", "valid_from_fy": 2025},
    ],
    "department_links": [{"predecessor_id": 12, "successor_id": 13, "fiscal_year": 2025, "kind": "merge"}],
    "sections": [{"id": 1, "kind": "policy", "title": "市民の利便性向上", "description": "説明"},
                 {"id": 2, "parent_id": 1, "kind": "pillar", "title": "柱"}],
    "initiatives": [{
        "id": 5, "section_id": 2, "title": "手続等のオンライン化", "national_category": "focus", "national_number": 3,
        "national_target_fy": 2022, "sdgs": [9, 11, 16, 17], "lead_department_id": 11,
        "related_department_ids": [12, 13],
        "text": {"current": [{"text": "課題", "level": 0, "bullet": False}],
                 "direction": [{"text": "方向", "level": 0, "bullet": True}, {"text": "入れ子", "level": 1, "bullet": True}],
                 "content": []},
        "kpis": [{"id": 3, "name": "電子申請化した業務数", "target_value": 27, "unit": "手続",
                  "deadline_text": "令和7(2025)年度末まで", "deadline_fy": 2025,
                  "targets": [{"fiscal_year": 2023, "value": 15}, {"fiscal_year": 2024, "value": 21}],
                  "actuals": [{"fiscal_year": 2023, "value": 12.5}]},
                 {"id": 4, "name": "窓口の待ち時間", "baseline_value": 40, "target_value": 20, "unit": "分",
                  "lower_is_better": True, "targets": [{"fiscal_year": 2023, "value": None, "text": "短縮"}],
                  "actuals": [{"fiscal_year": 2023, "value": 30, "note": "繁忙期を除く"}]}],
        "references": [{"title": "デジタル社会の実現に向けた重点計画", "date_text": "令和5年6月9日閣議決定"}],
        "progress": [{"fiscal_year": 2023, "status": "on_track", "comment": "順調", "rating": "B",
                      "results": "27手続のうち12手続を電子化", "issues": "添付書類の電子化", "direction": "継続",
                      "entered_by": "DX推進課", "entered_at": "2024-06-01T00:00:00Z"}],
        "schedule_rows": [
            {"id": 7, "title": "=SUM(A1)", "lead_department_id": 11,
             "bars": [{"id": 1, "lane": 0, "start": "2022-04", "end": "2023-09", "label": "検討", "phase": "study"},
                      {"id": 2, "lane": 1, "start": "2024-04", "end": "2028-03", "label": "可能な部分から実施",
                       "phase": "custom", "continues": True}],
             "milestones": [{"id": 1, "lane": 0, "month": "2025-03", "label": "運用開始"}]},
            {"id": 8, "parent_id": 7, "title": "【第1弾】・・・27件", "national_target_text": "令和4年度"},
        ],
    }],
    "glossary": [{"id": 1, "term": "AI", "reading": "エーアイ", "description": "人工知能"}],
}


def roundtrip(data: dict) -> dict:
    doc = json_io.import_data(copy.deepcopy(data))
    try:
        return json_io.export_data(doc.session.connection())
    finally:
        doc.close()


def strip(d: dict) -> dict:
    d = dict(d)
    d.pop("exported_at", None)
    return d


def test_export_import_export_is_identical() -> None:
    first = roundtrip(RICH)
    second = roundtrip(first)
    assert strip(first) == strip(second)
    assert json_io.dumps(strip(first)) == json_io.dumps(strip(second))


def test_round_trip_keeps_what_was_typed() -> None:
    out = roundtrip(RICH)
    assert out["plan"]["title"] == "𠮷野市DX推進計画 😀"
    it = out["initiatives"][0]
    assert it["sdgs"] == [9, 11, 16, 17]
    assert it["related_department_ids"] == [12, 13]
    assert it["text"]["direction"][1] == {"text": "入れ子", "level": 1, "bullet": True}
    row = it["schedule_rows"][0]
    assert row["title"] == "=SUM(A1)"
    assert row["bars"][1]["end"] == "2028-03" and row["bars"][1]["continues"] is True
    assert it["schedule_rows"][1]["parent_id"] == 7
    assert out["departments"][1]["renames"] == [{"name": "DX推進課", "valid_from_fy": 2025}]


def test_through_a_saved_file(tmp_path: Path) -> None:
    doc = json_io.import_data(copy.deepcopy(RICH))
    path = doc.save(tmp_path / "r.dxplan")
    doc.close()
    opened = PlanDocument.open(path)
    out = json_io.export_data(opened.session.connection())
    opened.close()
    assert strip(out) == strip(roundtrip(RICH))


def test_month_strings_round_trip_for_every_month() -> None:
    for idx in range(1989 * 12, 2101 * 12):
        assert month_to_index(index_to_month(idx)) == idx
    assert month_to_index("2023-04") == 2023 * 12
    assert month_to_index("2024-03") == 2023 * 12 + 11


def bad(mutate) -> dict:
    data = copy.deepcopy(RICH)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(format="something"), "dxeditor-plan"),
        (lambda d: d["plan"].update(title=5), "$.plan.title: 文字列が必要です"),
        (lambda d: d["plan"].pop("title"), "$.plan.title: 必須の項目がありません"),
        (lambda d: d.update(colour="red"), "$.colour: 不明な項目です"),
        (lambda d: d["plan"].update(period_start_fy=1900), "1989〜2100 の範囲外"),
        (lambda d: d["plan"].update(period_end_fy=2101), "1989〜2100 の範囲外"),
        (lambda d: d["initiatives"][0]["schedule_rows"][0]["bars"][0].update(end="2021-04"), "始まり"),
        (lambda d: d["initiatives"][0]["schedule_rows"][0]["bars"][0].update(start="2023-13"), "YYYY-MM"),
        (lambda d: d["initiatives"][0]["schedule_rows"][0]["bars"][0].update(phase="nope"), "工程の種類"),
        (lambda d: d["departments"].append(dict(d["departments"][0])), "重複"),
        (lambda d: d["initiatives"][0]["schedule_rows"][1].update(id=7), "重複"),
        (lambda d: d["initiatives"][0].update(sdgs=[18]), "1〜17"),
        (lambda d: d["initiatives"][0].update(lead_department_id=99), "部署 99 がありません"),
        (lambda d: d["sections"][0].update(parent_id=2), "循環"),
        (lambda d: d["initiatives"][0]["kpis"][0].update(target_value="二十七"), "数値が必要です"),
        (lambda d: d.update(format_version=99), "新しいバージョン"),
        (lambda d: d.update(initiatives={}), "配列が必要です"),
        (lambda d: d["chapters"][0].update(placement="middle"), "front か back"),
        (lambda d: d["chapters"][0].update(parent_id=2), "循環"),
    ],
)
def test_bad_input_is_refused_with_where_and_what(mutate, expected: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        json_io.check_data(bad(mutate), "plan.json")
    assert expected in err.value.message("ja")
    assert "plan.json" in err.value.message("ja")


def test_not_an_object_at_all() -> None:
    with pytest.raises(ImportFormatError, match="オブジェクトが必要"):
        json_io.check_data([1, 2, 3])


def test_malformed_json_file(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text('{"format": "dxeditor-plan",\n "plan": {', encoding="utf-8")
    with pytest.raises(ImportFormatError, match="2 行"):
        json_io.load_json_file(p)
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ImportFormatError, match="UTF-8"):
        json_io.load_json_file(p)


def test_schema_document_is_current() -> None:
    """docs/plan.schema.json is generated from the same specs as the validator."""
    path = Path(__file__).resolve().parents[2] / "docs" / "plan.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate with: python -m dxeditor.formats.json.spec > docs/plan.schema.json"
    )


def test_exported_json_validates_against_the_published_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(roundtrip(RICH), json_schema())


def test_bar_phases_default_when_the_phases_list_is_omitted() -> None:
    """Without "phases" the import fills in the default phases, so bars may use their keys."""
    data = copy.deepcopy(RICH)
    del data["phases"]
    bars = data["initiatives"][0]["schedule_rows"][0]["bars"]
    bars[0]["phase"], bars[1]["phase"] = "study", "continue"
    json_io.check_data(data)
    out = roundtrip(data)
    assert [p["key"] for p in out["phases"]] == ["study", "build", "run", "continue", "other"]
    assert [b["phase"] for b in out["initiatives"][0]["schedule_rows"][0]["bars"]] == ["study", "continue"]
    bars[1]["phase"] = "custom"  # only in RICH's own list
    with pytest.raises(ImportFormatError, match="工程の種類 'custom' がありません"):
        json_io.check_data(data)
    data["phases"] = []  # an explicit empty list has no phases at all
    bars[1]["phase"] = "run"
    with pytest.raises(ImportFormatError, match="工程の種類"):
        json_io.check_data(data)


@pytest.mark.parametrize("value", [
    RICH,
    {},
    [],
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": [1, [2, [3, {}]], {"x": [None]}]},
    {"s": "引用符\" \\ 改行\n タブ\t \u0000 \u2028 😀 𠮷", "t": True, "f": False, "n": None},
    {"int": -12, "big": 10**30, "float": 1.5, "tiny": 1e-300, "neg": -0.0, "exp": 1e22},
    [{"a": 1}, {"b": [1, 2]}, "x", 3, None, [], {}],
    {"nested": {"deeper": {"deepest": [{"k": "v", "l": [1, 2, {"m": []}]}]}}},
    {"tuple": (1, 2), "after": "the standard library"},
    {1: "int key", "x": {2.5: "float key", True: "bool key", None: "none key"}},
    "just a string",
    42,
])
def test_dumps_is_exactly_the_standard_two_space_indent(value) -> None:
    assert json_io.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_dumps_of_an_export_is_the_standard_two_space_indent() -> None:
    out = roundtrip(RICH)
    assert json_io.dumps(out) == json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def test_the_quick_check_agrees_with_the_detailed_walk() -> None:
    """validate() passes a document on its quick check alone: it must never pass one with a problem."""
    from dxeditor.formats.json import spec as json_spec

    palette = [None, "", "2023-04", "2023-13", "2023-04\n", "1988-04", "２０２３-０４", 0, -1, 1988, 2023, 2101, 1.5,
               True, False, [], [1], [True], ["x"], [{}], {}, {"unknown": 1}]
    for name, fields in json_spec.SPECS.items():
        minimal = _minimal(name)
        for key in fields:
            for value in palette:
                obj = {**minimal, key: value}
                problems = json_spec.Problems()
                json_spec._validate(obj, problems, name, "$")
                assert json_spec._QUICK[name](obj) == (not problems.items), (name, key, value, problems.items)
        assert json_spec._QUICK[name](minimal)
        assert not json_spec._QUICK[name]({**minimal, "unknown": 1})
    with pytest.raises(ImportFormatError, match=r"\$\.initiatives\[0\]\.schedule_rows\[0\]\.bars\[1\]\.lane"):
        json_io.check_data(bad(lambda d: d["initiatives"][0]["schedule_rows"][0]["bars"][1].update(lane=True)))


def _minimal(spec: str) -> dict:
    """The smallest valid object of a spec: its required fields only."""
    from dxeditor.formats.json.spec import SPECS

    samples = {"str": "x", "int": 1, "fy": 2023, "bool": True, "num": 1, "month": "2023-04", "ints": [1]}
    return {key: samples.get(f.kind) or ([] if f.kind.startswith("list:") else _minimal(f.kind[4:]))
            for key, f in SPECS[spec].items() if f.required}


def test_parent_cycles_among_schedule_rows_are_refused() -> None:
    data = copy.deepcopy(RICH)
    rows = data["initiatives"][0]["schedule_rows"]
    rows[0]["parent_id"] = 8  # 7 → 8 → 7
    with pytest.raises(ImportFormatError, match="循環"):
        json_io.check_data(data)


def test_glossary_terms_without_ids_get_fresh_ones() -> None:
    data = copy.deepcopy(RICH)
    data["glossary"] = [{"term": "BPR"}, {"id": 1, "term": "AI"}, {"term": "DX"}]
    out = roundtrip(data)
    assert sorted((g["id"], g["term"]) for g in out["glossary"]) == [(1, "AI"), (2, "BPR"), (3, "DX")]
