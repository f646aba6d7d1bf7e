"""Outline and schedule are one table: every visible outline line has its schedule line at the same y.

Checked on the main window over filter × collapse state × lanes × row heights, comparing
``QTreeView.visualRect`` of every outline line in view with the line the schedule canvas
last painted for it (both mapped to window coordinates), after the events have been
processed as they are in the running program.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint
from PySide6.QtWidgets import QApplication

from dxeditor.core import paths
from dxeditor.core.fiscal import fy_start
from dxeditor.plan.ops import outline as ops
from dxeditor.plan.ops import schedule as sops

ROWS = [  # (initiative id, title, lanes)
    (1, "庁内会議のペーパーレス化", 1),
    (4, "基幹業務システムの標準化", 2),
    (5, "マイナンバーカード交付窓口", 1),
    (6, "電子申請の拡充", 3),
    (7, "RPAの導入", 1),
    (9, "職員研修", 2),
    (11, "スマホ教室", 1),
    (13, "業務の棚卸し", 1),
    (14, "キャッシュレス(窓口)", 2),
    (14, "キャッシュレス(オンライン)", 1),
]


def national_plan() -> dict[str, Any]:
    """The national template with schedule rows (some of several lanes, one with a sub-row) and bars."""
    data = json.loads(paths.national_template_json().read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    by_id = {i["id"]: i for i in data["initiatives"]}
    next_id = 1
    for iid, title, lanes in ROWS:
        bars = [{"lane": k, "start": f"{2024 + k}-04", "end": f"{2025 + k}-03", "label": f"工程{k + 1}",
                 "phase": "run"} for k in range(lanes)]
        rows = by_id[iid].setdefault("schedule_rows", [])
        rows.append({"id": next_id, "title": title, "bars": bars})
        next_id += 1
        if iid == 6:
            rows.append({"id": next_id, "parent_id": next_id - 1, "title": "キャッシュレス決済の検討", "bars": [
                {"start": "2025-04", "end": "2026-03", "label": "検討", "phase": "study"}]})
            next_id += 1
    return data


@pytest.fixture(params=["all rows cached", "big-plan cache"])
def national_window(request, qtbot, messages, monkeypatch):
    from dxeditor.formats.json import io as json_io
    from dxeditor.ui.schedule import data as schedule_data

    if request.param == "big-plan cache":  # the schedule fetches the rows it paints, a few at a time
        monkeypatch.setattr(schedule_data, "FULL_UP_TO", 0)
        monkeypatch.setattr(schedule_data, "CACHE_ROWS", 3)
    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.undo import DocumentController

    doc = json_io.import_data(national_plan())
    w = MainWindow(DocumentController(doc))
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w._forced_dirty = False
    w.controller.undo_stack.setClean()
    w.close()
    doc.close(keep_working_copy=False)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def outline_lines(w) -> list[tuple[str, int, int, int]]:
    """(kind, id, window y, height) of every outline line in the band the schedule canvas shows.

    The outline's viewport may end a little higher than the canvas's (its horizontal scroll
    bar): the lines below are still placed by ``visualRect``.
    """
    tree = w.outline_view
    vp = tree.viewport()
    canvas_vp = w.schedule_view.canvas.viewport()
    bottom = vp.mapFrom(w, canvas_vp.mapTo(w, QPoint(0, canvas_vp.height()))).y()
    out = []
    idx = tree.indexAt(QPoint(1, 0))
    if not idx.isValid():
        idx = tree.model().index(0, 0, QModelIndex())
    while idx.isValid():
        rect = tree.visualRect(idx)
        if rect.top() > bottom:
            break
        if rect.height() > 0 and rect.bottom() >= 0:
            node = tree.outline.node(idx)
            out.append((node.kind, node.id, vp.mapTo(w, QPoint(0, rect.top())).y(), rect.height()))
        idx = tree.indexBelow(idx)
    return out


def schedule_lines(w) -> list[tuple[str, int, int, int]]:
    """The same for the lines the schedule canvas painted last."""
    canvas = w.schedule_view.canvas
    vp = canvas.viewport()
    return [(line.kind, line.id, vp.mapTo(w, QPoint(0, line.y)).y(), line.height) for line in canvas.painted_lines]


def assert_aligned(w, what: str) -> None:
    settle()
    tree_side = outline_lines(w)
    assert tree_side, what
    assert schedule_lines(w) == tree_side, what
    if w.find_bar.active():  # the filter kept up to date line by line shows what a fresh pass shows
        from dxeditor.ui.outline_view import OutlineView

        fresh = OutlineView(w.model)
        fresh.apply_filter(w.find_bar.matches())
        assert w.outline_view.visible_items() == fresh.visible_items(), what
        fresh.setModel(None)
        fresh.deleteLater()


def collapse(w, how: str) -> None:
    tree, model = w.outline_view, w.model
    if how == "none":
        tree.expandAll()
    elif how == "initiatives":
        w.commands.collapse_to_initiatives()
    elif how == "one":
        tree.expandAll()
        tree.collapse(model.index_of("initiative", 4))
    elif how == "section":
        tree.expandAll()
        tree.collapse(model.index_of("section", 2))


@pytest.mark.parametrize("text", ["", "キャッシュ", "システム", "該当なしの語句"])
@pytest.mark.parametrize("how", ["none", "initiatives", "one", "section"])
def test_filter_and_collapse_keep_schedule_on_the_outline_lines(qtbot, national_window, text, how):
    w = national_window
    collapse(w, how)
    assert_aligned(w, f"collapse {how}")
    w.find_bar.open_bar()
    assert_aligned(w, "find bar opened")
    w.find_bar.text_edit.setText(text)
    w.find_bar.apply()
    if text == "該当なしの語句":
        settle()
        assert outline_lines(w) == [] and schedule_lines(w) == []
        return
    assert_aligned(w, f"filter {text!r} after collapse {how}")
    if text == "キャッシュ":
        kinds = [k for k, *_ in outline_lines(w)]
        assert kinds.count("row") == 4  # the two キャッシュレス rows, the sub-row and the row holding it
    w.outline_view.verticalScrollBar().setValue(w.outline_view.verticalScrollBar().maximum())
    assert_aligned(w, f"filter {text!r}, scrolled to the end")
    w.find_bar.close_bar()
    assert_aligned(w, f"filter {text!r} closed")


@pytest.mark.parametrize("text", ["", "キャッシュ"])
def test_lanes_and_edits_keep_alignment(qtbot, national_window, text):
    """Row heights change with lanes; rows are added, moved, indented, deleted and undone."""
    w = national_window
    ctl = w.controller
    if text:
        w.find_bar.open_bar()
        settle()
        w.find_bar.text_edit.setText(text)
        w.find_bar.apply()
    assert_aligned(w, "start")
    row = next(n for n in w.model.all_nodes() if n.kind == "row" and n.title == "キャッシュレス(窓口)")
    start = fy_start(2026)
    ctl.execute("lane", lambda rec: sops.add_bar(rec, row.id, start, start + 5, lane=4))
    assert w.model.node(w.model.index_of("row", row.id)).lanes == 5
    assert_aligned(w, "a fifth lane")
    ctl.execute("add", lambda rec: ops.add_row(rec, 14, None, "キャッシュレス(新)", 0))
    assert_aligned(w, "row added")
    ctl.execute("move", lambda rec: ops.move(rec, "row", row.id, 1))
    assert_aligned(w, "row moved")
    ctl.execute("indent", lambda rec: ops.indent(rec, "row", row.id))
    assert_aligned(w, "row indented")
    ctl.execute("delete", lambda rec: ops.delete_items(rec, [("row", row.id)]))
    assert_aligned(w, "row deleted")
    for step in range(5):
        ctl.undo_stack.undo()
        assert_aligned(w, f"undo {step}")
    assert w.model.node(w.model.index_of("row", row.id)).lanes == 2


class _Paints(QObject):
    """Counts the paint events of the widgets it watches."""

    def __init__(self, **widgets: Any) -> None:
        super().__init__()
        self.names = {id(w): name for name, w in widgets.items()}
        self.seen: dict[str, int] = {}
        for w in widgets.values():
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and id(obj) in self.names:
            name = self.names[id(obj)]
            self.seen[name] = self.seen.get(name, 0) + 1
        return False


@pytest.mark.parametrize("edit", ["add", "delete", "undo"])
def test_an_edit_shows_in_one_pass_of_the_event_loop_with_both_views_aligned(qtbot, national_window, edit):
    """The outline lays out before the window paints: one frame shows both views changed, and only one."""
    w = national_window
    settle()
    first = next(n for n in w.model.all_nodes() if n.kind == "row")
    iid = first.parent.id
    if edit == "add":
        w.controller.execute("add", lambda rec: ops.add_row(rec, iid, None, "新しい行", 0))
    elif edit == "delete":
        w.controller.execute("delete", lambda rec: ops.delete_items(rec, [("row", first.id)]))
    else:
        w.controller.execute("add", lambda rec: ops.add_row(rec, iid, None, "新しい行", 0))
        settle()
        w.controller.undo_stack.undo()
    paints = _Paints(outline=w.outline_view.viewport(), schedule=w.schedule_view.canvas.viewport())
    QApplication.processEvents()
    assert paints.seen.get("outline", 0) >= 1 and paints.seen.get("schedule") == 1, paints.seen
    assert schedule_lines(w) == outline_lines(w)
    paints.seen.clear()
    QApplication.processEvents()
    assert paints.seen == {}  # nothing left for a second frame
