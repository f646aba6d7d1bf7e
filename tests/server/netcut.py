"""A cable that can be pulled: a relay between clients and the test cluster's Unix socket.

Clients connect to the relay's socket folder (``host=``) instead of the cluster's. :meth:`cut`
drops every relayed connection (the client sees the server vanish mid-conversation, as with a
network cut) and refuses new ones until :meth:`restore`. Nothing listens on TCP.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import tempfile
import threading
from pathlib import Path

SOCKET_NAME = ".s.PGSQL.5432"


class NetCut:
    """Relays ``socket_dir``'s PostgreSQL socket through a socket of its own (:attr:`socket_dir`)."""

    def __init__(self, target_dir: Path) -> None:
        self.target = str(target_dir / SOCKET_NAME)
        self.socket_dir = Path(tempfile.mkdtemp(prefix="dxcut-"))
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(self.socket_dir / SOCKET_NAME))
        self._server.listen(64)
        self._up = True
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self) -> None:
        """Pull the cable: every relayed connection dies, new ones are refused."""
        with self._lock:
            self._up = False
            for s in self._open:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()
            self._open.clear()

    def restore(self) -> None:
        """Put the cable back."""
        self._up = True

    def close(self) -> None:
        self.cut()
        self._closed = True
        with contextlib.suppress(OSError):
            self._server.close()
        shutil.rmtree(self.socket_dir, ignore_errors=True)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            if not self._up:
                client.close()
                continue
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                upstream.connect(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
