"""Kill -9 at every step of an edit and a save, and a failing disk at every file operation of a save.

Issue 21: nothing typed is lost, the plan and its ``.bak`` stay valid, nothing of SQLite
(``-wal``, ``-shm``, ``-journal``) is ever left on the share, and a save either succeeds
or says so — never a raw error, never "failed" after it replaced the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dxeditor.core.errors import PlanFileError
from dxeditor.formats.json import io as json_io
from dxeditor.plan.editor import PlanEditor
from dxeditor.store.document import PlanDocument, list_recoverable
from tests import faults

ROOT = Path(__file__).resolve().parents[2]
SIDE_FILES = ("-wal", "-shm", "-journal")
PLAN = {
    "format": "dxeditor-plan",
    "format_version": 1,
    "plan": {"title": "版0", "period_start_fy": 2023, "period_end_fy": 2027},
    "initiatives": [{"id": 1, "title": "取組", "schedule_rows": [
        {"id": i, "title": f"行{i}", "bars": [{"start": "2023-04", "end": "2024-03", "label": "実施"}]}
        for i in range(1, 30)]}],
}


def read_title(db: Path) -> str | None:
    """The plan title in an SQLite file, read without writing anything (no checkpoint)."""
    try:
        con = sqlite3.connect(db.absolute().as_uri() + "?mode=ro", uri=True)
        try:
            return con.execute("SELECT title FROM plan WHERE id=1").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None


# A fork server: imports once, then for step k = 1, 2, … forks a writer that opens the plan,
# arms step k (tests/faults.py: SIGKILL there), edits and saves; after each kill it checks.
SERVER = r"""
import json, os, shutil, sqlite3, sys
from pathlib import Path
from dxeditor.store.document import PlanDocument, list_recoverable, discard
from dxeditor.store import document
from dxeditor.plan.editor import PlanEditor
from dxeditor.core import paths
from tests import faults

plan = Path(sys.argv[1])
limit = int(sys.argv[2])

def title(db):
    try:
        con = sqlite3.connect(db.absolute().as_uri() + "?mode=ro", uri=True)
        try:
            return con.execute("SELECT title FROM plan WHERE id=1").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None

saved = title(plan)
for k in range(1, limit + 1):
    new = f"編集{k}"
    pid = os.fork()
    if pid == 0:
        doc = PlanDocument.open(plan)
        faults.install(k, "kill")
        PlanEditor(doc).run("表題の変更", lambda rec: rec.update("plan", 1, title=new))
        doc.save()
        doc.close()
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    problems = []
    # what the killed writer had committed to its working copy, read before anything else looks at it
    committed = any(title(w) == new for w in paths.work_dir().glob("*/working.dxplan"))
    try:
        check = PlanDocument.open(plan, read_only=True)
        now = check.plan.title
        check.close(keep_working_copy=False)
    except Exception as exc:
        problems.append(f"plan unreadable: {exc}")
        now = None
    if now not in (saved, new):
        problems.append(f"plan title {now!r} is neither {saved!r} nor {new!r}")
    bak = plan.with_name(plan.name + ".bak")
    if bak.exists() and title(bak) is None:
        problems.append(".bak unreadable")
    side = [p.name for p in plan.parent.iterdir() if p.name.endswith((“-wal”, “-shm”, “-journal”))]
    if side:
        problems.append(f"SQLite files on the share: {side}")
    works = list_recoverable()
    recovered = [w for w in works if title(w.working_dir / "working.dxplan") == new]
    if committed and now != new and not recovered:
        problems.append("the committed edit is lost (neither saved nor recoverable)")
    for w in works:
        discard(w)
    for d in paths.work_dir().iterdir():
        shutil.rmtree(d, ignore_errors=True)
    if now is not None:
        saved = now
    print(json.dumps({"step": k, "exit": code, "problems": problems, "committed": committed, "saved": now == new}),
          flush=True)
    if code == 0:
        break
left = sorted(p.name for p in plan.parent.iterdir() if p.name != plan.name)
print(json.dumps({"left": left}), flush=True)
"""
SERVER = SERVER.replace("“", '"').replace("”", '"')


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill server forks")
def test_kill_at_every_step_of_an_edit_and_a_save(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    doc = json_io.import_data(PLAN)
    plan = doc.save(share / "計画.dxplan")
    doc.close(keep_working_copy=False)
    r = subprocess.run([sys.executable, "-c", SERVER, str(plan), "2000"], capture_output=True, text=True, cwd=ROOT,
                       env=dict(os.environ), timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    lines = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    rounds, final = lines[:-1], lines[-1]
    kills = [x for x in rounds if x["exit"] != 0]
    failures = [x for x in rounds if x["problems"]]
    assert rounds[-1]["exit"] == 0, "the last run must complete without reaching its step"
    assert len(kills) >= 40, len(kills)  # the walk really went through the edit and the save
    assert any(x["committed"] and not x["saved"] for x in kills)  # killed with the edit only in the working copy
    assert any(x["saved"] for x in kills)  # killed after the replace
    assert failures == [], failures[:5]
    assert final["left"] == ["計画.dxplan.bak"], final  # no temp, lock or SQLite file left after a clean save
    print(f"kill steps: {len(kills)}, failures: {len(failures)}")


def test_failing_disk_at_every_file_operation_of_a_save(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    doc = json_io.import_data(PLAN)
    plan = doc.save(share / "計画.dxplan")
    doc.close(keep_working_copy=False)
    cases = failures = 0
    problems: list[str] = []
    saved = "版0"
    for k in range(1, 400):
        new = f"版{k}"
        doc = PlanDocument.open(plan)
        PlanEditor(doc).run("表題の変更", lambda rec, new=new: rec.update("plan", 1, title=new))
        f, exc = faults.run_with(k, "raise", doc.save)
        cases += 1
        now = read_title(plan)
        bak = plan.with_name(plan.name + ".bak")
        if exc is not None and not isinstance(exc, PlanFileError):
            problems.append(f"{f.hit}: raw {type(exc).__name__}: {exc}")
        if exc is None and now != new:
            problems.append(f"{f.hit}: reported saved but the file has {now!r}")
        if exc is not None and now not in (saved, None):
            problems.append(f"{f.hit}: failed save changed the file to {now!r}")
        if now is None:
            problems.append(f"{f.hit}: plan unreadable")
        if bak.exists() and read_title(bak) is None:
            problems.append(f"{f.hit}: .bak unreadable")
        if exc is not None:
            if doc.plan.title != new or not doc.dirty:
                problems.append(f"{f.hit}: the edit is no longer in the working copy")
            try:
                doc.save()  # the disk is back: saving again works, no "changed by someone else"
            except PlanFileError as again:
                problems.append(f"{f.hit}: second save refused: {again}")
        doc.close()
        now = read_title(plan)
        if now != new:
            problems.append(f"{f.hit}: after the retry the file has {now!r}")
        saved = now or saved
        side = [p.name for p in share.iterdir() if p.name.endswith(SIDE_FILES) or ".tmp" in p.name
                or p.name.endswith((".lock", ".savelock"))]
        if side:
            problems.append(f"{f.hit}: left on the share: {side}")
            for p in side:
                (share / p).unlink()
        assert list_recoverable() == []
        if f.hit is None:
            break
    else:
        pytest.fail("the save never completed without reaching its fault step")
    failures = len(problems)
    assert cases > 20
    assert problems == [], problems[:10]
    print(f"fault cases: {cases}, failures: {failures}")
