"""Writing an output file so that it is never half-written.

Every export (JSON, Excel, PDF, inquiry workbooks, the audit log) writes a temporary file
beside the target, flushes it to disk and swaps it in with ``os.replace``: a full disk, a
vanished share or a crash leaves the old file (or none), never a broken one. Replacing is
retried for a moment when another program holds the target (Excel has it open, a virus
scanner is reading it). Failures become a :class:`PlanFileError` in the user's language.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dxeditor.core.errors import PlanFileError

T = TypeVar("T")
log = logging.getLogger(__name__)
REPLACE_RETRIES = 20
RETRY_PAUSE_S = 0.1


def write_atomic(target: str | os.PathLike[str], write: Callable[[Path], T]) -> T:
    """Run ``write(tmp)`` on a temporary file beside ``target``, then replace ``target`` with it.

    Returns what ``write`` returned. The temporary file keeps the target's suffix (some
    writers look at it) and is removed whatever happens.
    """
    target = Path(target).absolute()
    if not target.parent.is_dir():
        raise PlanFileError(f"出力先のフォルダーが見つかりません: {target.parent}",
                            f"Output folder not found: {target.parent}")
    tmp = target.with_name(f".{target.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp{target.suffix}")
    try:
        result = write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        for attempt in range(REPLACE_RETRIES):
            try:
                os.replace(tmp, target)
                break
            except PermissionError:
                log.info("%s is held open by another program (attempt %d)", target, attempt + 1)
                if attempt == REPLACE_RETRIES - 1:
                    raise PlanFileError(
                        f"書き出せません（ファイルが開かれているか、アクセス権がありません）: {target}",
                        f"Cannot write (the file is open elsewhere or permission denied): {target}",
                    ) from None
                time.sleep(RETRY_PAUSE_S)
    except OSError as exc:
        log.warning("cannot write %s", target, exc_info=True)
        raise PlanFileError(f"書き出せません: {target} ({exc.strerror or exc})",
                            f"Cannot write: {target} ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return result


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically; returns the absolute target."""
    write_atomic(target, lambda tmp: tmp.write_bytes(data))
    return Path(target).absolute()


def write_text_atomic(target: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 ``text`` (``\\n`` line ends on every system) to ``target`` atomically."""
    return write_bytes_atomic(target, text.encode("utf-8"))
