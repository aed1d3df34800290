"""Every dialog the main window can open, and a way to close whatever dialog is open (a uniquely named module,
like uihelpers, shared by the model-based test and the theme soak).

Dialogs are found the way a user finds them, by the desktop convention that a command opening a dialog ends
with "…" (the window's actions, the library grid's, a button's menu, buttons), plus the Help menu's windows
(About and the shortcut list take no "…" by that convention), the editor's colour swatches and the two message
boxes every window shows (an error, the unsaved-changes question), so a dialog added later is covered without
touching this file. Commands of an item view act on its selection: they are opened on the first item, as a
person selects one first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QDialog, QMenu, QMenuBar, QWidget

Opener = Callable[[], object]
_QUESTIONS = ("unsavedPrompt", "releaseGate")
LEAVES_THE_APP = ("Open the log folder",)  # Help menu commands that open another program, not a window


def plain(text: str) -> str:
    """An action's text as a person reads it (without the "&" of its mnemonic)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _on_a_selection(view: QAbstractItemView, action: QAction) -> Opener:
    def run() -> None:
        model, selection = view.model(), view.selectionModel()
        if model is not None and model.rowCount() and selection is not None and not selection.hasSelection():
            index = model.index(0, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if action.isEnabled():
            action.trigger()

    return run


def dialog_openers(window: QWidget) -> dict[str, Opener]:
    """``{what: how to open it}`` for every dialog ``window`` offers right now."""
    from app.ui.editor.style_panel import ColorButton
    from app.ui.errors import show_error

    openers: dict[str, Opener] = {}
    seen: set[int] = set()
    for widget in (window, *window.findChildren(QWidget)):
        if isinstance(widget, QMenuBar):
            continue
        for action in widget.actions():
            text = plain(action.text())
            if id(action) in seen or not text.endswith("…"):
                continue
            seen.add(id(action))
            if isinstance(widget, QAbstractItemView):
                if widget.isVisibleTo(window):
                    openers[f"{widget.accessibleName()}: {text}"] = _on_a_selection(widget, action)
            elif action.isEnabled() and (widget is window or isinstance(widget, QMenu)):
                openers[f"{'action' if widget is window else 'menu'} {text}"] = action.trigger
    help_menu = window.findChild(QMenu, "helpMenu")
    for action in help_menu.actions() if help_menu is not None else ():
        text = plain(action.text())
        if text and id(action) not in seen and text not in LEAVES_THE_APP:
            openers[f"help {text}"] = action.trigger
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or not button.isEnabled():
            continue
        name = button.accessibleName() or button.text()
        if isinstance(button, ColorButton) or button.text().endswith("…"):
            openers[f"button {name}"] = button.click
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
