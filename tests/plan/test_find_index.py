"""The find index gives what a fresh search of the database gives, before and after edits and undo."""

from __future__ import annotations

import pytest

from dxeditor.plan.editor import PlanEditor
from dxeditor.plan.find_index import FindIndex
from dxeditor.plan.ops import outline as ops
from dxeditor.plan.ops import schedule as sops
from dxeditor.plan.ops.outline import find_items

WORDS = ["キャッシュ", "ｷｬｯｼｭ", "オンライン", "ＲＰＡ", "rpa", "窓口", "検討", "Ｘ線", "新しい"]


def same(conn, index: FindIndex) -> None:
    for word in WORDS:
        assert index.search(word) == find_items(conn, word), word


@pytest.fixture
def editor(demo_doc):
    return PlanEditor(demo_doc)


def test_index_matches_a_fresh_search_after_edits_and_undo(editor, demo_doc):
    conn = demo_doc.session.connection()
    index = FindIndex.read(conn)
    same(conn, index)
    assert index.search("キャッシュ")  # the demo plan has キャッシュレス rows
    row = sorted(i for k, i in index.search("キャッシュ") if k == "row")[0]
    iid = conn.exec_driver_sql("SELECT initiative_id FROM schedule_rows WHERE id = ?", (row,)).scalar()
    steps = [
        lambda rec: ops.rename(rec, "row", row, "Ｘ線の新しい行"),
        lambda rec: ops.add_row(rec, iid, None, "ｷｬｯｼｭﾚｽ (新)"),
        lambda rec: sops.add_bar(rec, row, 2024 * 12 + 3, 2024 * 12 + 8, label="RPA 検討"),
        lambda rec: ops.delete_items(rec, [("initiative", iid)]),
    ]
    done = []
    for step in steps:
        changeset, _ = editor.run("step", step)
        index.update(changeset)
        done.append(changeset)
        same(demo_doc.session.connection(), index)
    for changeset in reversed(done):
        editor.revert(changeset)
        index.update(changeset.inverted())
        same(demo_doc.session.connection(), index)


def test_empty_needle_finds_nothing(demo_doc):
    assert FindIndex.read(demo_doc.session.connection()).search("  ") == set()


@pytest.mark.parametrize("word", ["キャッシュ", "rpa", "新しい"])
def test_the_same_search_after_each_edit_matches_a_fresh_search(editor, demo_doc, word):
    """The filter searches the same text after every edit: the kept result follows the edits."""
    conn = demo_doc.session.connection()
    index = FindIndex.read(conn)
    assert index.search(word) == find_items(conn, word)
    row = sorted(i for k, i in FindIndex.read(conn).search("キャッシュ") if k == "row")[0]
    iid = conn.exec_driver_sql("SELECT initiative_id FROM schedule_rows WHERE id = ?", (row,)).scalar()
    steps = [
        lambda rec: ops.rename(rec, "row", row, "Ｘ線の新しい行"),
        lambda rec: ops.add_row(rec, iid, None, "ｷｬｯｼｭﾚｽ (新)"),
        lambda rec: ops.add_row(rec, iid, None, "ＲＰＡ の行"),
        lambda rec: sops.add_bar(rec, row, 2024 * 12 + 3, 2024 * 12 + 8, label="RPA 検討 キャッシュ"),
        lambda rec: ops.delete_items(rec, [("initiative", iid)]),
    ]
    done = []
    for step in steps:
        changeset, _ = editor.run("step", step)
        index.update(changeset)
        done.append(changeset)
        assert index.search(word) == find_items(demo_doc.session.connection(), word)
    for changeset in reversed(done):
        editor.revert(changeset)
        index.update(changeset.inverted())
        assert index.search(word) == find_items(demo_doc.session.connection(), word)
