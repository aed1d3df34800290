"""The window's keyboard commands work from any field.

A text field claims keys it has a binding for before any shortcut sees them (a ``ShortcutOverride``): a
QLineEdit takes Ctrl+E as "end of line" on X11, so Export did nothing while a field had focus, and it takes
Ctrl+Z for its own undo buffer, which knows nothing of the spec history. :class:`CommandKeys`, installed once on
the application, declines such claims in a window's fields for every key that is one of that window's commands,
except the keys a field needs to edit text (copy, cut, paste, select all, moving the cursor), which stay the
field's even when a command shares them (Paste also reads a picture into the editor, but not while a field
has focus).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

_KEY = QKeySequence.StandardKey
FIELD_KEYS = (_KEY.Copy, _KEY.Cut, _KEY.Paste, _KEY.SelectAll, _KEY.Delete, _KEY.Backspace, _KEY.DeleteStartOfWord,
              _KEY.DeleteEndOfWord, _KEY.MoveToNextWord, _KEY.MoveToPreviousWord, _KEY.SelectNextWord,
              _KEY.SelectPreviousWord, _KEY.MoveToStartOfLine, _KEY.MoveToEndOfLine, _KEY.MoveToStartOfDocument,
              _KEY.MoveToEndOfDocument, _KEY.SelectStartOfLine, _KEY.SelectEndOfLine, _KEY.InsertParagraphSeparator)
# Kept by the window even though they are editing keys: one history for content and style (see app.ui.editor.model)
WINDOW_FIRST = (_KEY.Undo, _KEY.Redo)


def _sequence(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class CommandKeys(QObject):
    """Application event filter: a window's commands win over its text fields' own key bindings."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent) \
                or not isinstance(watched, QWidget):
            return False
        if any(event.matches(key) for key in WINDOW_FIRST) or (
                not any(event.matches(key) for key in FIELD_KEYS) and _is_command(watched.window(), event)):
            event.ignore()  # not the field's: the shortcut map offers the key to the window's actions
            return True
        return False


def _is_command(window: QWidget, event: QKeyEvent) -> bool:
    pressed = _sequence(event)
    return any(shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
               for action in window.actions() if action.isEnabled() for shortcut in action.shortcuts())


def install_command_keys(app: QObject) -> None:
    """Install the filter on ``app`` once (every window shares it)."""
    if app.findChild(CommandKeys) is None:
        app.installEventFilter(CommandKeys(app))
