"""Route Undo/Redo keys from text fields to the editor's undo stack.

A QLineEdit or QPlainTextEdit claims Ctrl+Z for its own undo buffer, which knows nothing of the spec
history (and would change the text without telling the model). The filter declines that claim, so the
window's Undo/Redo actions — one history for content and style — receive the keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class _UndoKeysToWindow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and any(event.matches(k) for k in _KEYS):
            event.ignore()
            return True
        return False


_FILTER: _UndoKeysToWindow | None = None


def route_undo_keys(widget: QObject) -> None:
    global _FILTER
    if _FILTER is None:
        _FILTER = _UndoKeysToWindow()
    widget.installEventFilter(_FILTER)
