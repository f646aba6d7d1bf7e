"""The rating legend above the progress grid wraps between ratings, never inside one (1366×768)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from tests.ui.test_progress_view import open_tab


def painted_lines(label) -> list[str]:
    """The label's text as it is broken into lines at its width."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setDocumentMargin(0)
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # lays the text out
    block = doc.begin()
    layout = block.layout()
    text = block.text()
    return [text[line.textStart():line.textStart() + line.textLength()].replace("\u2060", "").replace("\xa0", " ")
            for line in (layout.lineAt(i) for i in range(layout.lineCount()))]


@pytest.mark.parametrize("width", [250, 300, 360, 420])  # 360: beside the year box at 1366 with the detail pane
def test_no_rating_name_is_split_across_lines(qtbot, window, width):
    view = open_tab(qtbot, window)
    label = view.legend
    label.resize(width, label.height())
    lines = painted_lines(label)
    assert len(lines) > 1  # it does wrap at this width …
    for name in ("A  順調", "B  概ね順調", "C  遅れ", "D  未着手・中止"):
        assert any(name in line for line in lines), (name, lines)  # … between the ratings only
