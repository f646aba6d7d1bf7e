"""Translations: Japanese is the source language; English from resources/translations.

Two translators serve dxeditor's own strings. The compiled ``dxeditor_en.qm`` answers by
(context, source text) as Qt does. Behind it, :class:`SourceTextTranslator` answers by the
source text alone, for strings whose context at run time differs from the one lupdate
filed them under (``window.tr(...)`` in a function is filed under "window", asked for as
"MainWindow") and for names that come from the lower layers (「工程表」, 「斜線」) and are
listed once in :mod:`dxeditor.ui.lower_strings`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dxeditor.core import errors, paths


def translations_dir() -> Path:
    return paths.resources() / "translations"


def read_ts(path: Path) -> dict[str, str]:
    """Source text → translation of every finished message of a .ts file (first one wins)."""
    import xml.etree.ElementTree as ET  # only for English: not on the way to the splash in Japanese

    out: dict[str, str] = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return out
    for message in root.iter("message"):
        source = message.findtext("source")
        node = message.find("translation")
        if not source or node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        text = node.text or ""
        if text and source not in out:
            out[source] = text
    return out


class SourceTextTranslator(QTranslator):
    """Answers by source text alone, whatever the context; asked only when the .qm has no answer."""

    def __init__(self, table: dict[str, str], parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.table.get(source)  # type: ignore[return-value]  # None → a null QString: "not mine"

    def isEmpty(self) -> bool:
        return not self.table


def install_translations(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own and dxeditor's translators for ``lang`` ("ja" or "en"); returns them.

    The UI strings are written in Japanese, so "ja" needs only Qt's translations (standard
    buttons, context menus); "en" loads ``resources/translations/dxeditor_en.qm`` when present.
    Translators are asked newest first: the source-text fallback is installed first so that
    it is asked last.
    """
    errors.set_language(lang)
    installed: list[QTranslator] = []
    if lang == "en":
        fallback = SourceTextTranslator(read_ts(translations_dir() / "dxeditor_en.ts"), app)
        if not fallback.isEmpty():
            app.installTranslator(fallback)
            installed.append(fallback)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    if lang == "en":
        own = QTranslator(app)
        if own.load(str(translations_dir() / "dxeditor_en.qm")):
            app.installTranslator(own)
            installed.append(own)
    return installed
