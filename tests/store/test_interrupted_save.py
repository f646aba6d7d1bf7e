"""A save killed at any point leaves the old or the new document intact, never a broken one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dxeditor.formats.json import io as json_io
from dxeditor.store.document import PlanDocument

CHILD = r"""
import sys
from dxeditor.store.document import PlanDocument
from dxeditor.plan.editor import PlanEditor
doc = PlanDocument.open(sys.argv[1])
editor = PlanEditor(doc)
n = 0
print("ready", flush=True)
while True:
    n += 1
    editor.run("edit", lambda rec: rec.update("plan", 1, title=f"版{n}"))
    doc.save()
"""


def big_plan(rows: int) -> dict:
    return {
        "format": "dxeditor-plan",
        "format_version": 1,
        "plan": {"title": "版0", "period_start_fy": 2022, "period_end_fy": 2027},
        "initiatives": [{
            "id": 1, "title": "取組",
            "schedule_rows": [
                {"id": i, "title": f"行{i}" * 5,
                 "bars": [{"start": "2022-04", "end": "2025-03", "label": "システム構築" * 3}]}
                for i in range(1, rows + 1)
            ],
        }],
    }


@pytest.mark.slow
def test_killed_saves_never_break_the_file(tmp_path: Path) -> None:
    doc = json_io.import_data(big_plan(1500))
    path = doc.save(tmp_path / "plan.dxplan")
    doc.close()
    # Kill the saving child at many different moments (spread over the save cycle).
    delays = [0.05 + 0.013 * i for i in range(24)]
    titles = set()
    for delay in delays:
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE,
                                 env=dict(os.environ))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        opened = PlanDocument.open(path)  # raises if the file were broken
        title = opened.plan.title
        assert title.startswith("版")
        titles.add(title)
        from sqlalchemy import func, select

        from dxeditor.store import models as m

        assert opened.session.scalar(select(func.count()).select_from(m.ScheduleRow)) == 1500
        opened.close(keep_working_copy=False)
    assert len(titles) > 1  # the children really did save (the kills landed at different points)
