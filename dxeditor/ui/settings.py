"""User settings (QSettings): language, recent files, last plan, window geometry, last server.

On Windows they live in the registry under the organisation name; when the environment
variable ``DXEDITOR_SETTINGS_DIR`` is set (tests, portable mode) they are an INI file
in that folder, so a test never touches a real profile.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from dxeditor.core import paths

ORGANIZATION = "dxeditor"
APPLICATION = "dxeditor"
MAX_RECENT = 10
#: What is remembered of the last server connection (File ▸ サーバーの計画を開く).
SERVER_KEYS = ("host", "port", "database", "user", "sslmode")


class Settings:
    """Typed access to the few settings the program keeps."""

    def __init__(self) -> None:
        folder = os.environ.get("DXEDITOR_SETTINGS_DIR")
        if folder is None and paths.is_portable():
            folder = str(paths.data_dir() / "settings")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.qs = QSettings(str(Path(folder) / "dxeditor.ini"), QSettings.Format.IniFormat)
        else:  # pragma: no cover - a real profile
            self.qs = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)

    # ------------------------------------------------------------------ values
    def language(self) -> str:
        """"ja" (shipped) or "en"."""
        value = str(self.qs.value("ui/language", "ja") or "ja")
        return "en" if value.startswith("en") else "ja"

    def set_language(self, lang: str) -> None:
        self.qs.setValue("ui/language", lang)

    def recent_files(self) -> list[str]:
        """Recently opened plans, newest first."""
        value = self.qs.value("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        """Put ``path`` first in the recent files and remember it as the last plan."""
        p = str(Path(path).absolute())
        items = [p, *[x for x in self.recent_files() if x != p]][:MAX_RECENT]
        self.qs.setValue("files/recent", items)
        self.qs.setValue("files/last", p)

    def remove_recent(self, path: str) -> None:
        self.qs.setValue("files/recent", [x for x in self.recent_files() if x != path])

    def last_file(self) -> str | None:
        """The plan open when the program was last closed, if any."""
        value = self.qs.value("files/last", "")
        return str(value) if value else None

    def clear_last_file(self) -> None:
        self.qs.setValue("files/last", "")

    def server_connection(self) -> dict[str, str]:
        """The server last connected to: host, port, database, user, sslmode (never a password)."""
        out = {}
        for key in SERVER_KEYS:
            value = self.qs.value(f"server/{key}", "")
            out[key] = str(value) if value is not None else ""
        return out

    def set_server_connection(self, *, host: str, port: int | str, database: str, user: str,
                              sslmode: str) -> None:
        """Remember the server connected to (the password is not a parameter: it is never kept here)."""
        values = {"host": host, "port": str(port), "database": database, "user": user, "sslmode": sslmode}
        for key in SERVER_KEYS:
            self.qs.setValue(f"server/{key}", values[key])

    def geometry(self, key: str) -> QByteArray | None:
        value = self.qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.qs.sync()
