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


class Clock:
    """This PC's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def far_lock(plan: Path, beat: int, since: float) -> None:
    lock_path(plan).write_text(json.dumps({"user": "suzuki", "host": "PC-FAR", "pid": 1, "since": since,
                                           "beat": beat}), "utf-8")


def test_lock_from_another_pc_is_stale_when_its_heartbeat_stands_still(tmp_path: Path, monkeypatch) -> None:
    clock = Clock()
    monkeypatch.setattr(lock, "_monotonic", clock)
    plan = tmp_path / "plan.dxplan"
    far_lock(plan, 1, time.time())
    assert not read_lock(plan).is_stale()
    clock.now += lock.STALE_AFTER - 1
    assert not read_lock(plan).is_stale()
    clock.now += 2
    assert read_lock(plan).is_stale()  # watched here, standing still for longer than STALE_AFTER


def test_a_beating_lock_is_never_stale_however_old_its_times_look(tmp_path: Path, monkeypatch) -> None:
    """The other PC's clock (or the share's file times) may be hours off: only the heartbeat counts."""
    clock = Clock()
    monkeypatch.setattr(lock, "_monotonic", clock)
    plan = tmp_path / "plan.dxplan"
    long_ago = time.time() - 30 * 24 * 3600
    for beat in range(1, 6):
        far_lock(plan, beat, long_ago)
        os.utime(lock_path(plan), (long_ago, long_ago))
        assert not read_lock(plan).is_stale()
        clock.now += lock.STALE_AFTER - 1
    with pytest.raises(PlanLockedError, match="suzuki"):
        acquire(plan)


def test_held_lock_advances_its_heartbeat(tmp_path: Path) -> None:
    plan = tmp_path / "plan.dxplan"
    held = acquire(plan)
    first = read_lock(plan).beat
    held.refresh()
    held.refresh()
    assert read_lock(plan).beat == first + 2 and read_lock(plan).is_mine()
    held.release()


@pytest.mark.parametrize("content", [
    b"\x00garbage", b"\xff\xfe\x93\xfa\x96\x7b", b"", b"[]", b"null",
    b'{"user": "a", "host": "b", "pid": 1, "since": 1e308}',
    b'{"user": "a", "host": "b", "pid": 1, "since": NaN}',
    b'{"user": "a", "host": "b", "pid": 1, "since": -Infinity}',
    b'{"user": "a", "host": "b", "pid": "x", "since": 1}',
    b'{"user": "a", "host": "b", "pid": 99999999999, "since": 1}',
    b'{"user": ["a"], "host": "b", "pid": 1, "since": 1}',
    b'{"user": "a", "host": "b", "pid": 1, "since": 1, "beat": "x"}',
    b"{" * 100_000,
])
def test_damaged_lock_is_a_stale_lock_with_a_message(tmp_path: Path, content: bytes) -> None:
    plan = tmp_path / "plan.dxplan"
    lock_path(plan).write_bytes(content)
    info = read_lock(plan)
    assert info is not None and info.damaged and info.is_stale() and not info.is_mine()
    assert info.since_text()
    with pytest.raises(PlanLockedError, match="ロックファイルが壊れています") as err:
        acquire(plan)
    assert err.value.info.is_stale()
    taken = acquire(plan, take_over=True)
    assert read_lock(plan).is_mine()
    taken.release()


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
