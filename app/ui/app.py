"""Entry point of the desktop app: ``qrdesk`` with no command calls :func:`run_gui`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app import __version__
from app.core.profile import Profile
from app.ui.compat import collect_garbage_on_gui_thread, guard_none_refcount
from app.ui.errors import install_excepthook, setup_logging, show_error
from app.ui.i18n import install_translators
from app.ui.icons import icon
from app.ui.settings import isolate_qt_settings, open_settings
from app.ui.themes import apply_theme

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from app.ui.library_store import LibraryStore
    from app.ui.main_window import MainWindow

log = logging.getLogger("qrdesk.ui")


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a QCoreApplication already runs in this process; the GUI needs a QApplication")
    app = existing or QApplication(list(argv or [sys.argv[0]]))
    app.setApplicationName("QRDesk")
    app.setOrganizationName("QRDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("qrdesk")
    app.setWindowIcon(icon("qrdesk"))
    collect_garbage_on_gui_thread(app)
    return app


@dataclass
class Gui:
    """What :func:`start_gui` made: the application, its main window and the library (None if it could not
    be opened)."""

    app: QApplication
    window: MainWindow
    library: LibraryStore | None


def start_gui(args: argparse.Namespace | Sequence[str] | None = None) -> Gui:
    """Everything ``qrdesk`` does before its event loop: the profile, logging, the language, the theme, the
    library and the main window, shown. (The cold-start benchmark measures exactly this.)"""
    argv = list(args) if isinstance(args, list | tuple) else [sys.argv[0]]
    library_dir = getattr(args, "library", None)  # None: the profile's library (see app.core.profile)
    profile = Profile.current()
    setup_logging()
    guard_none_refcount()
    install_excepthook()
    app = create_app(argv)
    isolate_qt_settings(profile)
    settings = open_settings(profile)
    install_translators(app, settings.language)
    apply_theme(app, settings.theme)

    from app.ui.library_store import open_store
    from app.ui.main_window import MainWindow

    library: LibraryStore | None = None
    library_error: Exception | None = None
    try:
        library = open_store(library_dir)
    except Exception as exc:  # the editor still works without a library; say why it is missing
        log.exception("cannot open the library")
        library_error = exc
    window = MainWindow(settings=settings, library=library, profile=profile)
    window.show()
    if library_error is not None:
        show_error(window, translate("App", "Library"), translate(
            "App", "The library could not be opened: {error}. You can still make and export codes.").format(
            error=library_error))
    return Gui(app, window, library)


def run_gui(args: argparse.Namespace | Sequence[str] | None = None) -> int:
    """Start the app (:func:`start_gui`) and run its event loop until the window closes.

    Accepts the CLI's parsed arguments (``--library``) or a plain argv list.
    """
    gui = start_gui(args)
    code = gui.app.exec()
    if gui.library is not None:
        gui.library.close()
    log.info("QRDesk closed (%s)", Path(sys.argv[0]).name)
    return code
