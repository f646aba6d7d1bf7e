"""Edit locks: two processes, two users, stale locks left by a killed process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dxeditor.store import lock
from dxeditor.store.lock import PlanLockedError, acquire, lock_path, read_lock

HOLD = r"""
import sys, time
from pathlib import Path
from dxeditor.store.lock import acquire
held = acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.readline()
held.release()
"""


def holder(plan: Path, user: str, host: str) -> subprocess.Popen[str]:
    env = dict(os.environ, DXEDITOR_USER=user, DXEDITOR_HOST=host)
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(plan)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True, env=env)
    assert p.stdout is not None and p.stdout.readline().strip() == "locked"
    return p


def finish(p: subprocess.Popen[str]) -> None:
    assert p.stdin is not None and p.stdout is not None
    p.stdin.write("\n")
    p.stdin.close()
    p.wait(timeout=30)
    p.stdout.close()


def test_second_person_is_told_who_and_since_when(tmp_path: Path) -> None:
    plan = tmp_path / "plan.dxplan"
    plan.write_bytes(b"")
    other = holder(plan, "yamada", "PC-YAMADA")
    try:
        with pytest.raises(PlanLockedError) as err:
            acquire(plan)
        info = err.value.info
        assert (info.user, info.host) == ("yamada", "PC-YAMADA")
        assert "yamada" in err.value.ja and "PC-YAMADA" in err.value.ja and "編集中" in err.value.ja
        assert not info.is_stale()
    finally:
        finish(other)
    assert read_lock(plan) is None  # released on close
    mine = acquire(plan)
    assert read_lock(plan) is not None and read_lock(plan).is_mine()
    mine.release()
    assert not lock_path(plan).exists()


def test_lock_of_a_killed_process_on_this_pc_is_stale(tmp_path: Path) -> None:
    plan = tmp_path / "plan.dxplan"
    plan.write_bytes(b"")
    from dxeditor.core.identity import host_name

    other = holder(plan, "tanaka", host_name())
    other.kill()
    other.wait()
    assert other.stdout is not None and other.stdin is not None
    other.stdout.close()
    other.stdin.close()
    info = read_lock(plan)
    assert info is not None and info.is_stale()
    with pytest.raises(PlanLockedError, match="古いロック"):
        acquire(plan)
    taken = acquire(plan, take_over=True)
    assert read_lock(plan).is_mine()
    taken.release()


def test_lock_from_another_pc_becomes_stale_with_age(tmp_path: Path) -> None:
    plan = tmp_path / "plan.dxplan"
    path = lock_path(plan)
    path.write_text(json.dumps({"user": "suzuki", "host": "PC-FAR", "pid": 1, "since": time.time()}), "utf-8")
    assert not read_lock(plan).is_stale()
    old = time.time() - lock.STALE_AFTER - 60
    os.utime(path, (old, old))
    assert read_lock(plan).is_stale()


def test_unreadable_lock_is_still_a_lock(tmp_path: Path) -> None:
    plan = tmp_path / "plan.dxplan"
    lock_path(plan).write_bytes(b"\x00garbage")
    with pytest.raises(PlanLockedError):
        acquire(plan)


def test_refresh_recreates_a_deleted_lock(tmp_path: Path) -> None:
    plan = tmp_path / "plan.dxplan"
    held = acquire(plan)
    lock_path(plan).unlink()
    held.refresh()
    assert read_lock(plan).is_mine()
    held.release()
