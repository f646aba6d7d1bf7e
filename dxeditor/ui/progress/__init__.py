"""The progress view (進捗管理): ratings, review texts and KPIs per fiscal year."""

from dxeditor.ui.progress.view import ProgressView

__all__ = ["ProgressView"]
