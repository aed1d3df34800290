"""How failures reach the user: a clear message box, never a traceback.

``show_error`` is for expected failures (core errors, OS errors). ``install_excepthook`` catches bugs:
the traceback goes to a log file and the user sees a short dialog that says where the log is.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.errors import QrDeskError
from app.core.profile import Profile

log = logging.getLogger("qrdesk.ui")
translate = QCoreApplication.translate


def log_path() -> Path:
    """The app's log file, in the current profile's log folder."""
    return Profile.current().log_dir / "qrdesk-gui.log"


class _GuiLogHandler(logging.FileHandler):
    """The app's log file (a class of its own, so setting up again finds and replaces it)."""


def setup_logging(path: Path | None = None) -> Path:
    """Send the app's log (and so every unexpected traceback) to ``path``; calling again moves it."""
    path = path or log_path()
    root = logging.getLogger("qrdesk")
    for old in [h for h in root.handlers if isinstance(h, _GuiLogHandler)]:
        if Path(old.baseFilename) == path.resolve():
            return path
        root.removeHandler(old)
        old.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _GuiLogHandler(path, encoding="utf-8")
    except OSError:
        return path  # an unwritable log folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def describe(exc: BaseException) -> str:
    """One readable sentence for an expected failure."""
    if isinstance(exc, QrDeskError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return f"{exc.strerror or exc}{where}"
    return f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    text = exc if isinstance(exc, str) else describe(exc)
    if not isinstance(exc, str | QrDeskError | OSError):
        log.error("%s failed:\n%s", title, "".join(traceback.format_exception(exc)))
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Window-modal and non-blocking: the event loop (and any running worker) keeps going.
    box.open()


def install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("Unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        QMessageBox.critical(None, translate("Errors", "QRDesk: unexpected error"),
                             translate("Errors", "Something went wrong: {error}\n\nYour work was not discarded. "
                                       "Details were written to {log}.").format(error=f"{type(exc).__name__}: {exc}",
                                                                               log=log_path()))

    sys.excepthook = hook
