"""The outbox of a server plan: changes kept on the PC while the server is away (no server needed)."""

from __future__ import annotations

import pytest

from dxeditor.app.server_plan.outbox import Outbox, outbox_path
from dxeditor.core.errors import DxError
from dxeditor.plan.changes import ChangeSet, RowChange

URL = "postgresql://sato@dbserver/dxplans?sslmode=verify-full"


def _change(label: str, blob: bytes = b"") -> ChangeSet:
    before = {"id": 7, "label": "元", "start": 24300, "continues": False, "snapshot": blob}
    return ChangeSet("ラベルの変更", [RowChange("bars", 7, before, {**before, "label": label}),
                                      RowChange("milestones", 9, None, {"id": 9, "label": "節目", "value": 1.5})])


def test_kept_changes_survive_a_new_outbox_and_leave_no_file_when_sent() -> None:
    path = outbox_path(URL, "otaru-2024")
    assert path.name.startswith("otaru-2024-") and len(str(path.name)) < 60
    box = Outbox(path, "sato@dbserver/dxplans")
    box.append("ラベルの変更", _change("つながらない間の入力", b"\x00\xffsnapshot"))
    box.append("元に戻す: ラベルの変更", _change("元").inverted())

    again = Outbox(path)  # the window was closed, or the PC crashed: read back from disk
    assert [p.action for p in again.items] == ["ラベルの変更", "元に戻す: ラベルの変更"]
    assert again.items[0].changeset.changes == _change("つながらない間の入力", b"\x00\xffsnapshot").changes
    assert again.items[1].changeset.changes == _change("元").inverted().changes

    again.pop_first()
    assert len(Outbox(path)) == 1
    again.pop_first()
    assert not path.exists()
    assert len(Outbox(path)) == 0


def test_an_outbox_that_cannot_be_written_refuses_the_change_and_keeps_what_it_had() -> None:
    path = outbox_path(URL, "otaru-2024")
    box = Outbox(path)
    box.append("一つ目", _change("一"))
    # the disk refuses (here: something else stands where the file must go)
    path.unlink()
    path.mkdir()
    try:
        with pytest.raises(DxError):
            box.append("二つ目", _change("二"))
        assert [p.action for p in box.items] == ["一つ目"]
    finally:
        path.rmdir()


def test_another_server_or_plan_has_its_own_outbox() -> None:
    paths = {outbox_path(URL, "otaru-2024"), outbox_path(URL, "otaru-2025"),
             outbox_path(URL.replace("dbserver", "other"), "otaru-2024")}
    assert len(paths) == 3


def test_an_unreadable_outbox_is_set_aside_not_deleted() -> None:
    path = outbox_path(URL, "otaru-2024")
    path.write_bytes(b'{"pending": [{"action": "\xff')  # a half-written or damaged file
    box = Outbox(path)
    assert len(box) == 0 and box.damaged is not None
    assert not path.exists() and box.damaged.read_bytes().startswith(b'{"pending"')
    box.append("次の変更", _change("次"))  # work goes on with a new outbox
    assert [p.action for p in Outbox(path).items] == ["次の変更"]
