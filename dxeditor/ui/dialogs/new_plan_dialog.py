"""File ▸ New ▸ from the gallery: the blank plan, the demo, the national template and the example
plans entered from published plans, each with a picture of its first schedule page.

The pictures are made by the program itself (:func:`render_preview`: the plan laid out as for
PDF and painted as for printing) and kept in ``resources/templates/previews`` so the dialog
opens at once; ``resources/templates/make_previews.py`` writes them again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxeditor.core import paths

THUMB = QSize(280, 198)


def preview_path(name: str) -> Path:
    """Where the picture of template ``name`` is kept."""
    return paths.resources() / "templates" / "previews" / f"{name}.png"


def render_preview(doc: object, width: int = THUMB.width() * 2) -> QImage:
    """The first page of ``doc``'s schedule (or of its initiative sheets when it has no schedule) as an image."""
    from dxeditor.plan.readmodel import load_plan_view
    from dxeditor.publish.pdf.export import PdfOptions, layout_document
    from dxeditor.ui.dialogs.pdf_dialogs import _paint_page

    view = load_plan_view(doc.session.connection())  # type: ignore[attr-defined]
    kind = "schedule" if view.rows() else "sheets"
    page = layout_document(doc, PdfOptions(kind=kind, paper="A4")).pages[0]
    s = width / page.width
    image = QImage(int(page.width * s), int(page.height * s), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    dpm = round(72 * s / 0.0254)  # fonts are set in points: one point is s pixels, as on a printer
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    p = QPainter(image)
    try:
        _paint_page(p, page, s)
    finally:
        p.end()
    return image


def blank_page() -> QPixmap:
    """The picture of the blank plan: an empty sheet, so its name sits under a picture like the others."""
    pixmap = QPixmap(THUMB.width() * 2, THUMB.height() * 2)
    pixmap.fill(QColor("white"))
    p = QPainter(pixmap)
    try:
        p.setPen(QColor("#b0b0b0"))
        p.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    finally:
        p.end()
    return pixmap


class NewPlanDialog(QDialog):
    """Choose what a new plan starts from; :attr:`choice` is the template name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新規作成"))
        self.resize(1000, 640)
        self.choice: str | None = None
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 30, THUMB.height() + 64))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        entries = [("blank", self.tr("空の計画")), ("demo", self.tr("デモ計画（小樽市）")),
                   ("national", self.tr("国の計画の構成から")), *paths.example_plans()]
        for name, label in entries:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            picture = preview_path(name)
            item.setIcon(QIcon(QPixmap(str(picture)) if picture.exists() else blank_page()))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("作成"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("新しい計画のもとを選んでください（見本の計画は公表された計画を入力したものです）")))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def names(self) -> list[str]:
        """The template names offered, in order."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def accept(self) -> None:
        item = self.list.currentItem()
        self.choice = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        super().accept()


def new_from_gallery(window: QWidget) -> str | None:
    """Show the gallery; open the chosen template in ``window`` (its ``new_plan``); returns the name."""
    dlg = NewPlanDialog(window)
    if not dlg.exec() or dlg.choice is None:
        return None
    opener = getattr(window, "new_plan", None)
    if opener is not None:
        opener(dlg.choice)
    return dlg.choice
