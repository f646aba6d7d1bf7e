"""Starting the GUI: QApplication, fonts, translations, crash recovery, the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dxeditor.core.errors import DxError

log = logging.getLogger(__name__)

APP_FONTS = ("BIZ UDPGothic", "BIZ UDGothic")


def load_fonts() -> str | None:
    """Register the bundled fonts (resources/fonts/*.ttf) and pick the UI font family, if any."""
    from PySide6.QtGui import QFontDatabase

    from dxeditor.core import paths

    folder = paths.resources() / "fonts"
    if folder.is_dir():
        for font in sorted([*folder.glob("*.ttf"), *folder.glob("*.otf"), *folder.glob("*.ttc")]):
            QFontDatabase.addApplicationFont(str(font))  # -1 on failure: fall back silently
    families = set(QFontDatabase.families())
    return next((f for f in APP_FONTS if f in families), None)


def make_app(argv: Sequence[str] = ()) -> Any:
    """The QApplication with names, font and translations set up."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from dxeditor.ui.i18n import install_translations
    from dxeditor.ui.settings import APPLICATION, ORGANIZATION, Settings

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("dxeditor")
    family = load_fonts()
    if family:
        font = QFont(family)
        font.setPointSize(max(9, app.font().pointSize()))
        app.setFont(font)
    lang = os.environ.get("DXEDITOR_LANG") or Settings().language()
    app._dx_translators = install_translations(app, lang)  # keep them alive
    return app


def first_document(path: Path | None, settings: Any, parent: Any = None) -> Any:
    """The document to show at start: recovered work, ``path``, the last plan, or the demo."""
    from PySide6.QtWidgets import QMessageBox

    from dxeditor.app.templates import open_template
    from dxeditor.store.document import PlanDocument
    from dxeditor.ui.recovery import offer_recovery

    smoke = os.environ.get("DXEDITOR_EXIT_AFTER_FIRST_PAINT") == "1"  # never block a benchmark on a dialog
    recovered = None if smoke else offer_recovery(parent)
    if recovered is not None:
        return recovered
    if path is not None:
        try:
            return PlanDocument.open(path)
        except DxError as exc:
            if smoke:  # no one is there to close a message box
                sys.stderr.write(exc.message() + "\n")
            else:
                QMessageBox.critical(parent, "dxeditor", exc.message())
            return None
    last = settings.last_file()
    if last and Path(last).exists():
        try:
            return PlanDocument.open(last)
        except DxError:
            settings.clear_last_file()
    try:
        return open_template("demo")
    except (DxError, OSError):
        return open_template("blank")


def show_splash(app: Any) -> Any:
    """A start-up splash painted before the heavy imports (database layer, main window).

    On a slow office PC the plan takes a moment to appear; the splash says at once that
    the program has started. It closes when the main window is shown.
    """
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
    from PySide6.QtWidgets import QLabel

    pixmap = QPixmap(460, 150)
    pixmap.fill(QColor("#ffffff"))
    p = QPainter(pixmap)
    p.fillRect(QRect(0, 0, 8, 150), QColor("#1f5fa8"))
    p.setPen(QColor("#cfd8e3"))
    p.drawRect(QRect(0, 0, 459, 149))
    title = QFont(app.font())
    title.setPointSize(20)
    title.setBold(True)
    p.setFont(title)
    p.setPen(QColor("#1f2a37"))
    p.drawText(QRect(32, 24, 420, 44), Qt.AlignmentFlag.AlignVCenter, "dxeditor")
    small = QFont(app.font())
    small.setPointSize(11)
    p.setFont(small)
    p.drawText(QRect(32, 68, 420, 26), Qt.AlignmentFlag.AlignVCenter,
               _tr("自治体DX計画エディタ"))
    p.setPen(QColor("#5b6675"))
    p.drawText(QRect(32, 104, 420, 24), Qt.AlignmentFlag.AlignVCenter, _tr("読み込んでいます…"))
    p.end()
    # A plain label, not QSplashScreen: its show() waits up to a second for the window to be
    # exposed, which on some platforms (offscreen, remote sessions) costs the whole second.
    splash = QLabel()
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setPixmap(pixmap)
    splash.setFixedSize(pixmap.size())
    screen = app.primaryScreen()
    if screen is not None:
        splash.move(screen.availableGeometry().center() - splash.rect().center())
    splash.show()
    app.processEvents()
    if os.environ.get("DXEDITOR_EXIT_AFTER_FIRST_PAINT") == "1":
        sys.stdout.write("splash-paint\n")
        sys.stdout.flush()
    return splash


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Splash", text)


def run_gui(path: Path | None, argv: Sequence[str] = (), *, server: str | None = None) -> int:
    """Show the main window on ``path`` (or recovered work / the last plan / the demo) and run;
    with ``server`` (``postgresql://…?plan=UID``), on that plan of a server.

    The log and the crash handler come first: a failure anywhere after them, even before
    the window exists, shows a message box and leaves a log (the windowed program has no
    console to print to).
    """
    from dxeditor.core import logsetup
    from dxeditor.ui.crash import install_excepthook

    logsetup.setup()
    logsetup.redirect_stderr()
    window: list[Any] = []  # the main window, once it exists (the parent of the crash box)
    install_excepthook(lambda: window[0] if window else None)
    log.info("start (path=%s)", path)
    try:
        return _start(path, argv, window, server)
    except Exception:  # start-up failed: the hook logs it and tells the person
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        return 1


def _start(path: Path | None, argv: Sequence[str], created: list[Any], server: str | None = None) -> int:
    import gc

    from dxeditor.core.perf import gc_paused
    from dxeditor.ui.quick_imports import without_feature_scan

    # Start-up makes a few hundred thousand objects that stay (modules, classes, mapped tables,
    # widgets, the plan's tree); the cyclic collector would walk them again and again, and once
    # more on resuming, as they would all be young. Frozen and thawed at once, they join the oldest
    # generation unwalked; the next full collection, some time later, frees the cycles start-up left.
    with gc_paused(), without_feature_scan():
        shown = _show_window(path, argv, created, server)
        gc.freeze()
        gc.unfreeze()
    if isinstance(shown, int):
        return shown
    app, window = shown
    code = int(app.exec())
    if window.isVisible():  # quit without closeEvent (first-paint exit): keep unsaved work
        window.shutdown()
    log.info("exit %s", code)
    return code


def _show_window(path: Path | None, argv: Sequence[str], created: list[Any],
                 server: str | None = None) -> tuple[Any, Any] | int:
    """The application and its main window, shown (the splash closed); an exit code when there is none."""
    app = make_app(argv)
    splash = show_splash(app)
    from PySide6.QtCore import QEvent, QObject, QTimer

    from dxeditor.ui.main_window import MainWindow
    from dxeditor.ui.settings import Settings
    from dxeditor.ui.undo import DocumentController

    settings = Settings()

    class SplashGuard(QObject):
        """Closes the splash when a dialog (recovery, lock, error) appears before the window."""

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and obj is not splash and getattr(obj, "isWindow", bool)():
                splash.close()
            return False

    guard = SplashGuard()
    app.installEventFilter(guard)
    try:
        if server:
            from dxeditor.store.document import PlanDocument

            doc = PlanDocument.create()  # replaced by the server's plan once the window shows
        else:
            doc = first_document(path, settings)
        if doc is None:
            splash.close()
            return 2
        controller = DocumentController(doc)
        window = MainWindow(controller, settings)
    except BaseException:
        splash.close()  # the crash box must not sit behind the splash
        raise
    finally:
        app.removeEventFilter(guard)
    created.append(window)
    if os.environ.get("DXEDITOR_EXIT_AFTER_FIRST_PAINT") == "1":

        # the whole window: the outline's and the schedule's lines painted, not only the frame
        canvas = getattr(getattr(window, "schedule_view", None), "canvas", None)
        parts = [w for w in (window, window.outline_view.viewport(), canvas.viewport() if canvas else None) if w]

        waiting = set(map(id, parts))

        class FirstPaint(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not window.painted:
                    waiting.discard(id(obj))
                    if not waiting:
                        window.painted = True
                        sys.stdout.write("first-paint\n")
                        sys.stdout.flush()
                        QTimer.singleShot(0, app.quit)
                return False

        watcher = FirstPaint(window)
        for part in parts:
            part.installEventFilter(watcher)
    window.show()
    splash.close()
    if server:
        from dxeditor.ui.server_link import open_server_spec

        QTimer.singleShot(0, lambda: open_server_spec(window, server))
    return app, window
