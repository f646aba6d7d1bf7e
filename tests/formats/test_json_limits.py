"""JSON import accepts only what the editor can hold; everything else is refused at once with a
message that says what and where (never the generic 「予期しないエラー」), and nothing is written."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dxeditor.cli import main as cli_main
from dxeditor.formats.json import spec
from dxeditor.plan.ops import glossary, outline, schedule
from tests.formats.xlsx_samples import sample_plan


def first_bar(data: dict) -> dict:
    return data["initiatives"][0]["schedule_rows"][0]["bars"][0]


def refused(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``text`` through the command line; it must fail with a specific message and no file."""
    src = tmp_path / "in.json"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.dxplan"
    code = cli_main(["import", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "予期しない" not in err and "Error" not in err, err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]
    return err


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


def test_limits_follow_the_editor() -> None:
    assert spec.SPECS["bar"]["lane"].top == schedule.MAX_LANE
    assert spec.SPECS["milestone"]["lane"].top == schedule.MAX_LANE
    assert spec.SPECS["bar"]["label"].top == schedule.MAX_LABEL
    assert spec.SPECS["glossary"]["term"].top == glossary.MAX_TERM
    assert spec.SPECS["plan"]["title"].top == outline.MAX_TEXT


@pytest.mark.parametrize("lane", [schedule.MAX_LANE + 1, 2**62, 2**63, 2**64 + 5])
def test_lane_beyond_the_editor_cap(tmp_path: Path, capsys, lane: int) -> None:
    data = sample_plan()
    first_bar(data)["lane"] = lane
    err = refused(tmp_path, dump(data), capsys)
    assert "$.initiatives[0].schedule_rows[0].bars[0].lane" in err and f"0〜{schedule.MAX_LANE}" in err


def test_lane_at_the_cap_is_accepted(tmp_path: Path) -> None:
    data = sample_plan()
    first_bar(data)["lane"] = schedule.MAX_LANE
    (tmp_path / "in.json").write_text(dump(data), encoding="utf-8")
    assert cli_main(["import", str(tmp_path / "in.json"), "-o", str(tmp_path / "ok.dxplan")]) == 0


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**30])
def test_integers_beyond_int64(tmp_path: Path, capsys, value: int) -> None:
    data = sample_plan()
    data["departments"][0]["id"] = value
    err = refused(tmp_path, dump(data), capsys)
    assert "$.departments[0].id" in err and "範囲外" in err


def test_integer_of_thousands_of_digits(tmp_path: Path, capsys) -> None:
    text = dump(sample_plan()).replace('"format_version": 1', '"format_version": 1' + "0" * 5000, 1)
    assert "桁数の多すぎる数値" in refused(tmp_path, text, capsys)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_numbers_that_are_not_finite(tmp_path: Path, capsys, value: str) -> None:
    data = sample_plan()
    data["initiatives"][0]["kpis"][0]["target_value"] = 12345.5
    text = dump(data).replace("12345.5", value)
    err = refused(tmp_path, text, capsys)
    assert value in err or "target_value" in err


def test_huge_kpi_value(tmp_path: Path, capsys) -> None:
    data = sample_plan()
    data["initiatives"][0]["kpis"][0]["target_value"] = 1e300
    assert "$.initiatives[0].kpis[0].target_value" in refused(tmp_path, dump(data), capsys)


def test_deep_nesting(tmp_path: Path, capsys) -> None:
    text = dump(sample_plan())[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert "入れ子" in refused(tmp_path, text, capsys)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc00b", "\\u0000"])
def test_strings_that_cannot_be_stored(tmp_path: Path, capsys, escape: str) -> None:
    data = sample_plan()
    data["departments"][1]["name"] = "@@"
    err = refused(tmp_path, dump(data).replace("@@", escape), capsys)
    assert "$.departments[1].name" in err and "保存できない文字" in err


def test_surrogate_pairs_are_fine(tmp_path: Path) -> None:
    data = sample_plan()
    data["departments"][1]["name"] = "@@"
    (tmp_path / "in.json").write_text(dump(data).replace("@@", "\\ud83d\\ude00課"), encoding="utf-8")
    assert cli_main(["import", str(tmp_path / "in.json"), "-o", str(tmp_path / "ok.dxplan")]) == 0


def test_texts_longer_than_the_editor_takes(tmp_path: Path, capsys) -> None:
    data = sample_plan()
    first_bar(data)["label"] = "工" * (schedule.MAX_LABEL + 1)
    data["plan"]["title"] = "計" * (outline.MAX_TEXT + 1)
    err = refused(tmp_path, dump(data), capsys)
    assert "bars[0].label" in err and "$.plan.title" in err and "長すぎます" in err


def test_lists_are_counted(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    data = sample_plan()
    data["glossary"] = [{"term": f"用語{i}"} for i in range(50)]
    monkeypatch.setattr(spec, "MAX_ITEMS", 40)
    spec._QUICK.update({name: spec._quick_object(name) for name in spec.SPECS})
    try:
        assert "$.glossary" in refused(tmp_path, dump(data), capsys)
    finally:
        monkeypatch.undo()
        spec._QUICK.update({name: spec._quick_object(name) for name in spec.SPECS})


def test_control_characters_import_and_export(tmp_path: Path) -> None:
    """Control characters the editor can hold are kept; every export still works."""
    data = copy.deepcopy(sample_plan())
    data["departments"][1]["name"] = "戸籍\x01住民課\x0b"
    first_bar(data)["label"] = "実施\x1f"
    (tmp_path / "in.json").write_text(dump(data), encoding="utf-8")
    assert cli_main(["import", str(tmp_path / "in.json"), "-o", str(tmp_path / "p.dxplan")]) == 0
    assert cli_main(["export", str(tmp_path / "p.dxplan"), "--format", "xlsx", "-o", str(tmp_path / "p.xlsx")]) == 0
    assert cli_main(["inquiry", "export", str(tmp_path / "p.dxplan"), "-o", str(tmp_path / "inq")]) == 0


def test_lone_surrogate_in_data_given_directly() -> None:
    """Data that did not come through the JSON reader (an API caller) gets the same message."""
    from dxeditor.core.errors import ImportFormatError
    from dxeditor.formats.json.io import import_data

    data = sample_plan()
    data["departments"][1]["name"] = "戸籍\ud800課"
    with pytest.raises(ImportFormatError) as info:
        import_data(data)
    assert "$.departments[1].name" in info.value.ja


@pytest.mark.parametrize(("where", "value"), [
    ("$.plan.year_style", "../x"),
    ("$.plan.numbering_style", "roman"),
    ("$.phases[0].pattern", "stripes"),
    ("$.phases[0].color", "#12345"),
    ("$.initiatives[0].national_category", "other"),
])
def test_enumerated_fields_hold_what_the_editor_offers(tmp_path: Path, capsys, where: str, value: str) -> None:
    """Found by fuzzing: a year style outside the list imported, then every export failed."""
    data = sample_plan()
    target: dict = data
    *parts, last = where[2:].replace("[0]", ".0").split(".")
    for part in parts:
        target = target[int(part)] if part.isdigit() else target[part]
    target[last] = value
    err = refused(tmp_path, dump(data), capsys)
    assert where in err and value in err
