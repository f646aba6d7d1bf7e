"""ファイル ▸ 新規作成 ▸ 一覧から選ぶ: every template with its picture; the choice opens that plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from dxeditor.app.templates import open_template
from dxeditor.ui.dialogs import new_plan_dialog as npd


def test_gallery_lists_every_template_with_a_picture(qtbot, tmp_path: Path) -> None:
    dlg = npd.NewPlanDialog()
    qtbot.addWidget(dlg)
    names = dlg.names()
    assert names == ["blank", "demo", "national", "namegata", "kamiamakusa", "oyama"]
    for i, name in enumerate(names):
        item = dlg.list.item(i)
        assert not item.icon().isNull(), name  # the blank plan too: an empty sheet
    dlg.show()
    qtbot.waitExposed(dlg)
    # every name sits under its picture, on the same line as its neighbours'
    rects = [dlg.list.visualItemRect(dlg.list.item(i)) for i in range(3)]
    assert len({(r.top(), r.height()) for r in rects}) == 1
    dlg.grab().save(str(tmp_path / "gallery.png"))
    assert (tmp_path / "gallery.png").stat().st_size > 10_000


def test_choosing_an_example_opens_it(qtbot, monkeypatch) -> None:
    class Host(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[str] = []

        def new_plan(self, name: str) -> None:
            self.opened.append(name)

    host = Host()
    qtbot.addWidget(host)

    def run(self) -> int:
        self.list.setCurrentRow(self.names().index("kamiamakusa"))
        self.accept()
        return 1

    monkeypatch.setattr(npd.NewPlanDialog, "exec", run)
    assert npd.new_from_gallery(host) == "kamiamakusa" and host.opened == ["kamiamakusa"]


def test_pictures_come_from_the_program(qtbot) -> None:
    doc = open_template("kamiamakusa")
    try:
        image = npd.render_preview(doc, 400)
    finally:
        doc.close(keep_working_copy=False)
    assert image.width() == 400 and image.height() > 250
    # not blank: the table's blue bars are painted
    blues = sum(1 for x in range(0, 400, 4) for y in range(0, image.height(), 4)
                if image.pixelColor(x, y).blue() > 180 and image.pixelColor(x, y).red() < 190)
    assert blues > 50
