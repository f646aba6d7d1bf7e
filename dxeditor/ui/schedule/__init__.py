"""The schedule view (工程表): bars over fiscal years, aligned with the outline tree."""

from __future__ import annotations

from dxeditor.ui.schedule.view import ScheduleView

__all__ = ["ScheduleView"]
