"""Who and where: the OS user and PC names people recognise (Windows user, PC name)."""

from __future__ import annotations

import getpass
import os
import socket


def os_user() -> str:
    """The logged-in user's name (Windows: USERNAME)."""
    for var in ("DXEDITOR_USER", "USERNAME", "USER"):
        value = os.environ.get(var)
        if value:
            return value
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (containers)
        return "unknown"


def host_name() -> str:
    """The PC's name (Windows: COMPUTERNAME). Never touches the network."""
    for var in ("DXEDITOR_HOST", "COMPUTERNAME"):
        value = os.environ.get(var)
        if value:
            return value
    return socket.gethostname() or "unknown"
