"""Putting the progress view into the main window: a tab beside the schedule, wired to the filter and errors.

Kept here so that the main window needs only a few lines (others edit that file too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from dxeditor.ui.progress.view import ProgressView


def add_progress_tab(window: Any, schedule: QWidget) -> QTabWidget:
    """A tab widget holding ``schedule`` and a new :class:`ProgressView` (``window.progress_view``).

    The tabs sit below the views, so the schedule keeps its top edge aligned with the outline.
    """
    tabs = QTabWidget(window)
    tabs.setObjectName("viewTabs")
    tabs.setTabPosition(QTabWidget.TabPosition.South)
    tabs.setDocumentMode(True)
    tabs.setUsesScrollButtons(True)  # the tab bar never widens the window on a small screen
    tabs.setMinimumWidth(60)
    view = ProgressView(window.controller, tabs)
    tabs.addTab(schedule, QCoreApplication.translate("ProgressView", "工程表"))
    tabs.addTab(view, QCoreApplication.translate("ProgressView", "進捗管理"))
    window.progress_view = view
    window.find_bar.filter_changed.connect(view.apply_filter)
    view.refused.connect(window.show_error)
    tabs.currentChanged.connect(lambda _n: view.commit_texts())
    # chosen while the window is hidden (no show event): read the plan all the same
    tabs.currentChanged.connect(lambda n: view.ensure_loaded() if tabs.widget(n) is view else None)
    return tabs
