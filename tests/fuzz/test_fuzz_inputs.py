"""Seeded fuzzing in CI: 1,000 mutated inputs (500 JSON plans, 300 workbooks, 200 inquiry
answers), each accepted and exported, or refused with a specific message and no file written.

``python tasks.py fuzz --cases N`` (bench/fuzz.py) runs the same cases with more seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz import bases, harness

JSON_CASES = 500
WORKBOOK_CASES = 300
ANSWER_CASES = 200
CHUNK = 50


def chunks(total: int) -> list[range]:
    return [range(i, min(i + CHUNK, total)) for i in range(0, total, CHUNK)]


def report(tally: harness.Tally) -> str:
    return tally.summary() + "\n" + "\n".join(f"seed {o.seed}: {o.detail}" for o in tally.failures[:10])


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    return bases.workbook_bases(tmp_path_factory.mktemp("bases"))


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory):
    doc, book = bases.answer_base(tmp_path_factory.mktemp("answer"))
    yield doc, book
    doc.close(keep_working_copy=False)


@pytest.mark.parametrize("seeds", chunks(JSON_CASES), ids=lambda r: f"{r.start}-{r.stop - 1}")
def test_json_plans(seeds: range, tmp_path: Path) -> None:
    base = bases.json_base()
    tally = harness.Tally()
    for seed in seeds:
        tally.add(harness.json_case(base, seed, tmp_path / "case"))
    assert not tally.failures, report(tally)


@pytest.mark.parametrize("seeds", chunks(WORKBOOK_CASES), ids=lambda r: f"{r.start}-{r.stop - 1}")
def test_workbooks(seeds: range, workbooks: list[bytes], tmp_path: Path) -> None:
    tally = harness.Tally()
    for seed in seeds:
        tally.add(harness.workbook_case(workbooks, seed, tmp_path / "case"))
    assert not tally.failures, report(tally)


@pytest.mark.parametrize("seeds", chunks(ANSWER_CASES), ids=lambda r: f"{r.start}-{r.stop - 1}")
def test_inquiry_answers(seeds: range, answer, tmp_path: Path) -> None:
    doc, book = answer
    tally = harness.Tally()
    for seed in seeds:
        tally.add(harness.answer_case(doc, book, seed, tmp_path / "case"))
    assert not tally.failures, report(tally)


def test_cases_are_reproducible(tmp_path: Path) -> None:
    """The same seed gives the same input (a failure can be replayed from its seed)."""
    import random

    base = bases.json_base()
    a, b = harness.json_case(base, 7, tmp_path / "a"), harness.json_case(base, 7, tmp_path / "b")
    assert a.result == b.result
    assert a.detail.replace(str(tmp_path / "a"), "") == b.detail.replace(str(tmp_path / "b"), "")
    assert (tmp_path / "a" / "in.json").read_bytes() == (tmp_path / "b" / "in.json").read_bytes()
    assert harness.mutate_workbook(b"PK\x03\x04" + bytes(100), random.Random(3)) == \
        harness.mutate_workbook(b"PK\x03\x04" + bytes(100), random.Random(3))
