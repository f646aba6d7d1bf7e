"""The main window's menu items that open a dialog or run an export (a mixin of MainWindow).

Each dialog module is imported when its menu item is chosen (start-up stays quick). A
failing import is a defect of the program: it reaches the crash handler like any other.
The product's own errors (:class:`~dxeditor.core.errors.DxError`) are shown to the user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from dxeditor.core.errors import DxError

log = logging.getLogger(__name__)


class DialogSlots:
    """Menu slots of :class:`~dxeditor.ui.main_window.MainWindow` that open dialogs."""

    # MainWindow provides controller, commit_pending, show_error and QMainWindow's findChild.
    controller: Any

    def plan_properties(self) -> None:
        """File ▸ 計画のプロパティ."""
        from dxeditor.ui.dialogs.plan_properties import PlanPropertiesDialog

        self._guard(lambda: PlanPropertiesDialog(self.controller, self).exec())

    def versions(self) -> None:
        """File ▸ 版: a non-modal dialog (Ctrl+Z keeps working in the window while it is open)."""
        from dxeditor.ui.dialogs.versions_dialog import VersionsDialog

        dlg = self.findChild(VersionsDialog, "versionsDialog")
        if dlg is None:
            self.commit_pending()
            dlg = VersionsDialog(self.controller, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        dlg.activateWindow()

    def departments(self) -> None:
        """Tools ▸ 部署の管理."""
        from dxeditor.ui.dialogs.departments_dialog import DepartmentsDialog

        self._guard(lambda: DepartmentsDialog(self.controller, self).exec())

    def glossary(self) -> None:
        """Tools ▸ 用語集."""
        from dxeditor.ui.dialogs.glossary_dialog import GlossaryDialog

        self._guard(lambda: GlossaryDialog(self.controller, self).exec())

    def audit(self) -> None:
        """Tools ▸ 変更履歴."""
        from dxeditor.ui.dialogs.audit_dialog import AuditDialog

        self._guard(lambda: AuditDialog(self.controller, self).exec())

    def import_excel(self) -> None:
        """File ▸ Import ▸ Excel."""
        from dxeditor.ui.dialogs import excel_dialogs

        self._guard(lambda: excel_dialogs.import_excel(self))

    def export_excel(self) -> None:
        """File ▸ Export ▸ Excel."""
        from dxeditor.ui.dialogs import excel_dialogs

        self._guard(lambda: excel_dialogs.export_excel(self, self.controller))

    def open_from_server(self) -> None:
        """File ▸ サーバーの計画を開く."""
        from dxeditor.ui.dialogs import server_dialog

        self._guard(lambda: server_dialog.open_from_server(self))

    def new_from_gallery(self) -> None:
        """File ▸ 新規作成 ▸ 一覧から選ぶ."""
        from dxeditor.ui.dialogs import new_plan_dialog

        self._guard(lambda: new_plan_dialog.new_from_gallery(self))

    def export_progress_pdf(self) -> None:
        """File ▸ Export ▸ 進捗状況報告 PDF."""
        from dxeditor.ui.progress import report_dialog

        self._guard(lambda: report_dialog.export_pdf(self, self.controller))

    def export_progress_xlsx(self) -> None:
        """File ▸ Export ▸ 進捗状況報告 Excel."""
        from dxeditor.ui.progress import report_dialog

        self._guard(lambda: report_dialog.export_xlsx(self, self.controller))

    def rating_scale(self) -> None:
        """Tools ▸ 評価の段階."""
        from dxeditor.ui.progress.scale_dialog import RatingScaleDialog

        self._guard(lambda: RatingScaleDialog(self.controller, self).exec())

    def export_pdf(self) -> None:
        """File ▸ Export ▸ PDF."""
        from dxeditor.ui.dialogs import pdf_dialogs

        self._guard(lambda: pdf_dialogs.export_pdf(self, self.controller))

    def print_preview(self) -> None:
        """File ▸ 印刷プレビュー."""
        from dxeditor.ui.dialogs import pdf_dialogs

        self._guard(lambda: pdf_dialogs.print_preview(self, self.controller))

    def print_plan(self) -> None:
        """File ▸ 印刷."""
        from dxeditor.ui.dialogs import pdf_dialogs

        self._guard(lambda: pdf_dialogs.print_plan(self, self.controller))

    def export_inquiries(self) -> None:
        """File ▸ 照会 ▸ 照会票を出力."""
        from dxeditor.ui.dialogs import inquiry_dialogs

        self._guard(lambda: inquiry_dialogs.export_inquiries(self, self.controller))

    def import_answers(self) -> None:
        """File ▸ 照会 ▸ 回答を取り込む."""
        from dxeditor.ui.dialogs import inquiry_dialogs

        self._guard(lambda: inquiry_dialogs.import_answers(self, self.controller))

    def _guard(self, fn: Callable[[], Any]) -> None:
        """Run a dialog; the product's own errors are shown, anything else goes to the crash handler."""
        self.commit_pending()
        try:
            fn()
        except DxError as exc:
            log.info("refused: %s", exc)
            self.show_error(exc.message())

