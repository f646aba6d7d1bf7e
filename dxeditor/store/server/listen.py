"""Hearing about the others' changes: a thread that LISTENs on a plan's channel.

The server's trigger announces every changed row of a plan on the plan's channel (table, id,
version, operation, database user). A :class:`Listener` keeps one connection of its own
listening, hands each burst of announcements to ``on_changes`` (in its thread: the caller
moves them to its own), and says when the server goes away or comes back (``on_online``),
checking the connection every few seconds so a cut cable is noticed, and reconnecting
until it is stopped.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger(__name__)

#: Seconds between checks that the connection is still alive.
CHECK_EVERY = 3.0
#: Seconds to wait before trying to reconnect.
RETRY_EVERY = 2.0


class Listener:
    """Listens on ``channel`` through ``engine`` until :meth:`stop`."""

    def __init__(self, engine: Engine, channel: str, on_changes: Callable[[list[dict[str, Any]]], None],
                 on_online: Callable[[bool], None]) -> None:
        self.engine = engine
        self.channel = channel
        self.on_changes = on_changes
        self.on_online = on_online
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"listen-{channel}", daemon=True)
        self._online: bool | None = None
        #: Set once the first attempt to listen is over (listening, or the server not reached).
        self.ready = threading.Event()

    def start(self) -> None:
        """Start listening (returns at once)."""
        self._thread.start()

    def stop(self) -> None:
        """Stop and close the connection (waits a moment for the thread)."""
        self._stop.set()
        self._thread.join(timeout=CHECK_EVERY + 2)

    def _set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self.on_online(online)

    def _connect(self) -> Any:
        raw = self.engine.raw_connection()
        pg: Any = raw.dbapi_connection
        raw.detach()  # this connection is the listener's own, never returned to the pool
        pg.autocommit = True
        pg.execute(f'LISTEN "{self.channel}"')
        return pg

    def _run(self) -> None:
        while not self._stop.is_set():
            pg = None
            try:
                pg = self._connect()
                self.ready.set()
                self._set_online(True)
                self._listen(pg)
            except Exception as exc:  # the server or the network went away: say so, try again
                log.info("listener on %s: %s", self.channel, exc)
                self.ready.set()
                self._set_online(False)
            finally:
                if pg is not None:
                    try:
                        pg.close()
                    except Exception:  # pragma: no cover - closing a broken connection
                        pass
            self._stop.wait(RETRY_EVERY)

    def _listen(self, pg: Any) -> None:
        waited = 0.0
        while not self._stop.is_set():
            burst = [n.payload for n in pg.notifies(timeout=0.5, stop_after=1)]
            if burst:
                # the rest of the same commit comes right behind the first announcement
                burst += [n.payload for n in pg.notifies(timeout=0.02)]
                changes = []
                for payload in burst:
                    try:
                        changes.append(json.loads(payload))
                    except ValueError:
                        log.warning("listener: not a change announcement: %r", payload[:200])
                if changes:
                    self.on_changes(changes)
                waited = 0.0
                continue
            waited += 0.5
            if waited >= CHECK_EVERY:
                pg.execute("SELECT 1")  # raises when the server or the network is gone
                waited = 0.0
