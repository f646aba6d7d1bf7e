"""Translations: Japanese is the source language; English from resources/translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dxeditor.core import errors, paths


def install_translations(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own and dxeditor's translators for ``lang`` ("ja" or "en"); returns them.

    The UI strings are written in Japanese, so "ja" needs only Qt's translations (standard
    buttons, context menus); "en" loads ``resources/translations/dxeditor_en.qm`` when present.
    """
    errors.set_language(lang)
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    if lang == "en":
        own = QTranslator(app)
        if own.load(str(paths.resources() / "translations" / "dxeditor_en.qm")):
            app.installTranslator(own)
            installed.append(own)
    return installed
