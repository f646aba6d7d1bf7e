"""Long work off the GUI thread, behind a progress dialog that can cancel.

Windows marks a window 「応答なし」 after five seconds without events. Exports, imports and
the inquiry run therefore happen on a worker thread while the GUI thread keeps processing
events and shows a window-modal :class:`QProgressDialog` (the plan cannot be edited
meanwhile). The work gets a ``progress(done, total)`` callback; after 中止 it returns False
and the work raises :class:`~dxeditor.core.errors.Cancelled`, leaving no half-written file
(the atomic writer removes its temporary file).

The work must not touch the document's SQLite session (SQLite objects stay on their
thread): it opens its own connection on the working copy (:mod:`dxeditor.store.snapshot`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from dxeditor.core.errors import ProgressFn
from dxeditor.core.perf import gc_paused

T = TypeVar("T")
log = logging.getLogger(__name__)
# The worker tells the dialog at most this often (seconds); cancelling is checked at every call.
REPORT_EVERY_S = 0.05


class _Worker(QObject):
    """Runs ``work(progress)`` on the worker thread; keeps its result or its exception."""

    progressed = Signal(int, int)
    done = Signal()

    def __init__(self, work: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self._last = 0.0

    def run(self) -> None:
        try:
            # A full collection of the export's object graph holds the GIL for a few hundred
            # milliseconds, freezing the GUI thread; reference counting frees it all anyway.
            with gc_paused():
                self.result = self.work(self.report)
        except BaseException as exc:  # handed to the GUI thread, which raises it again
            self.error = exc
        finally:
            self.done.emit()

    def report(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if now - self._last >= REPORT_EVERY_S or (total and done >= total):
            self._last = now
            self.progressed.emit(done, total)
        return not self.cancel.is_set()


class _Watcher(QObject):
    """Lives on the GUI thread: receives the worker's reports (queued) and drives the dialog."""

    def __init__(self, worker: _Worker, dialog: QProgressDialog, loop: QEventLoop, label: str) -> None:
        super().__init__()
        self.worker = worker
        self.dialog = dialog
        self.loop = loop
        self.label = label

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        if self.worker.cancel.is_set():
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    @Slot()
    def cancel(self) -> None:
        if self.worker.cancel.is_set():
            return
        log.info("cancel requested: %s", self.label)
        self.worker.cancel.set()
        self.dialog.setLabelText(QCoreApplication.translate("Background", "中止しています…"))
        self.dialog.show()  # QProgressDialog hides itself on cancel: stay modal until the work stops

    @Slot()
    def finished(self) -> None:
        self.loop.quit()


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[ProgressFn], T]) -> T:
    """Run ``work(progress)`` on a worker thread behind a progress dialog; return its result.

    Events keep flowing while it runs. Whatever ``work`` raises is raised here, on the GUI
    thread (``Cancelled`` after 中止).
    """
    dialog = QProgressDialog(label, QCoreApplication.translate("Background", "中止"), 0, 0, parent)
    dialog.setObjectName("backgroundProgress")
    dialog.setWindowTitle("dxeditor")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    worker = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()
    watcher = _Watcher(worker, dialog, loop, label)
    thread.started.connect(worker.run)
    worker.progressed.connect(watcher.show_progress, Qt.ConnectionType.QueuedConnection)
    worker.done.connect(watcher.finished, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(watcher.cancel)  # the 中止 button, closing the dialog
    dialog.rejected.connect(watcher.cancel)  # Esc
    started = time.perf_counter()
    dialog.show()
    thread.start()
    try:
        loop.exec()
    finally:
        thread.quit()
        thread.wait()
        dialog.canceled.disconnect(watcher.cancel)  # closing the dialog emits canceled too
        dialog.rejected.disconnect(watcher.cancel)
        dialog.close()
        dialog.deleteLater()
    log.info("%s: %.2f s%s", label, time.perf_counter() - started, " (cancelled)" if worker.cancel.is_set() else "")
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[no-any-return]


def run_on_plan(parent: QWidget | None, controller: Any, label: str,
                work: Callable[[Any, ProgressFn], T]) -> T:
    """:func:`run_with_progress` for work that reads the open plan: ``work(conn, progress)``.

    The document's edits are committed first; the worker reads them through its own
    connection on the working copy (one consistent state).
    """
    from dxeditor.store.snapshot import committed_working_copy, read_snapshot

    working = committed_working_copy(controller.doc)

    def in_worker(progress: ProgressFn) -> T:
        with read_snapshot(working) as conn:
            return work(conn, progress)

    return run_with_progress(parent, label, in_worker)


def run_new_document(parent: QWidget | None, label: str, make: Callable[[ProgressFn], Any]) -> Any:
    """:func:`run_with_progress` for work that builds a new document (an import) on the worker thread.

    Before the document is handed to the GUI thread its session lets go of the worker's
    connections (``engine.dispose``): the GUI thread then opens its own, so no SQLite
    connection is ever used on two threads.
    """

    def in_worker(progress: ProgressFn) -> Any:
        doc = make(progress)
        doc.session.commit()
        doc.session.close()
        doc.engine.dispose()
        return doc

    return run_with_progress(parent, label, in_worker)
