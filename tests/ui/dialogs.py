"""Every dialog the main window can open, and a way to close whatever dialog is open (a uniquely named module,
like uihelpers, shared by the model-based test and the theme soak).

Dialogs are found the way a user finds them, by the desktop convention that a command opening a dialog ends
with "…" (menu and toolbar actions, buttons, a tool button's menu), plus the editor's colour swatches and the
two message boxes every window shows (an error, the unsaved-changes question), so a dialog added later is
covered without touching this file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMenu, QToolButton, QWidget

Opener = Callable[[], object]
_QUESTIONS = ("unsavedPrompt", "releaseGate")


def dialog_openers(window: QWidget) -> dict[str, Opener]:
    """``{what: how to open it}`` for every dialog ``window`` offers right now."""
    from app.ui.editor.style_panel import ColorButton
    from app.ui.errors import show_error

    openers: dict[str, Opener] = {}
    for action in window.actions():
        if action.text().endswith("…") and action.isEnabled():
            openers[f"action {action.text()}"] = action.trigger
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or not button.isEnabled():
            continue
        name = button.accessibleName() or button.text()
        if isinstance(button, ColorButton) or button.text().endswith("…"):
            openers[f"button {name}"] = button.click
        if isinstance(button, QToolButton) and button.defaultAction() is None:  # not a toolbar's copy
            for action in button.actions():
                if action.text().endswith("…"):
                    openers[f"menu {name}: {action.text()}"] = action.trigger
    openers["error message"] = lambda: show_error(window, "Export failed", "The disk is full.")
    return openers


def close_dialogs() -> list[str]:
    """Close every visible dialog and popup menu (as Escape would); returns what was closed."""
    closed = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            closed.append(widget.objectName() or type(widget).__name__)
            widget.reject()
        elif isinstance(widget, QMenu) and widget.isVisible():
            closed.append("menu")
            widget.close()
    return closed


@contextmanager
def closing_dialogs(interval_ms: int = 20) -> Iterator[list[str]]:
    """While inside, any dialog that opens is closed again, also one run with ``exec()`` (its own event loop
    runs the timer); yields the list of what was closed."""
    from uihelpers import _ANSWERING

    seen: list[str] = []
    _ANSWERING.extend(_QUESTIONS)  # the questions a dialog's command asks are closed here too
    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(lambda: seen.extend(close_dialogs()))
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()
        seen.extend(close_dialogs())
        for name in _QUESTIONS:
            _ANSWERING.remove(name)


def open_and_close(opener: Opener) -> list[str]:
    """Open one dialog and close it again; returns what was closed (empty: nothing opened)."""
    with closing_dialogs() as seen:
        opener()
        QApplication.processEvents()
    return seen
