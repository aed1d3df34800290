"""Entry point of the desktop app: ``qrdesk`` with no command calls :func:`run_gui`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import __version__
from app.core.profile import Profile
from app.ui.compat import guard_none_refcount
from app.ui.errors import install_excepthook, setup_logging, show_error
from app.ui.icons import icon
from app.ui.settings import isolate_qt_settings, open_settings
from app.ui.themes import apply_theme

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
    return app


def run_gui(args: argparse.Namespace | Sequence[str] | None = None) -> int:
    """Create the QApplication and the main window and run the event loop.

    Accepts the CLI's parsed arguments (``--library``) or a plain argv list.
    """
    argv = list(args) if isinstance(args, list | tuple) else [sys.argv[0]]
    library_dir = getattr(args, "library", None)  # None: the profile's library (see app.core.profile)
    profile = Profile.current()
    setup_logging()
    guard_none_refcount()
    install_excepthook()
    app = create_app(argv)
    isolate_qt_settings(profile)
    settings = open_settings(profile)
    apply_theme(app, settings.theme)

    from app.ui.library_store import LibraryStore, open_store
    from app.ui.main_window import MainWindow

    library: LibraryStore | None = None
    library_error: Exception | None = None
    try:
        library = open_store(library_dir)
    except Exception as exc:  # the editor still works without a library; say why it is missing
        log.exception("cannot open the library")
        library_error = exc
    window = MainWindow(settings=settings, library=library)
    window.show()
    if library_error is not None:
        show_error(window, "Library", f"The library could not be opened: {library_error}. "
                                      f"You can still make and export codes.")
    code = app.exec()
    if library is not None:
        library.close()
    log.info("QRDesk closed (%s)", Path(sys.argv[0]).name)
    return code
