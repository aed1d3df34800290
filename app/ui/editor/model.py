"""The spec being edited, with undo/redo.

Every change goes through :meth:`EditorModel.change`, which pushes a :class:`SpecChange` on the
``QUndoStack``. Consecutive keystrokes in the same field merge into one undo step, so undo restores
what the user typed as a whole rather than one character at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core.errors import SpecError
from app.core.spec import QrSpec

_MERGE_ID = 0x5152  # any constant; commands with the same id may merge


class SpecChange(QUndoCommand):
    def __init__(self, model: EditorModel, before: QrSpec, after: QrSpec, text: str, merge_key: str = "") -> None:
        super().__init__(text)
        self.model, self.before, self.after, self.merge_key = model, before, after, merge_key

    def redo(self) -> None:
        self.model._apply(self.after)

    def undo(self) -> None:
        self.model._apply(self.before)

    def id(self) -> int:
        return _MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SpecChange) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class EditorModel(QObject):
    """Holds the current :class:`QrSpec`; views listen to ``changed`` and call ``change``."""

    changed = Signal(object)  # the new QrSpec
    rejected = Signal(str)  # a change that would make an invalid spec, with the reason

    def __init__(self, spec: QrSpec | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spec = spec or QrSpec(kind="url", fields={"url": ""})
        self.undo_stack = QUndoStack(self)

    @property
    def spec(self) -> QrSpec:
        return self._spec

    def change(self, new: QrSpec, text: str, merge_key: str = "") -> None:
        if new == self._spec:
            return
        self.undo_stack.push(SpecChange(self, self._spec, new, text, merge_key))

    def load(self, spec: QrSpec) -> None:
        """Replace the spec without an undo step (opening an item starts a fresh history)."""
        self.undo_stack.clear()
        self._apply(spec)

    def set_field(self, name: str, value: str) -> None:
        self.change(QrSpec(self._spec.kind, {**self._spec.fields, name: value}, self._spec.style),
                    f"Edit {name}", merge_key=f"field:{name}")

    def set_kind(self, kind: str) -> None:
        if kind != self._spec.kind:
            # Keep the values of fields the kinds share (e.g. text), drop the rest.
            self.change(QrSpec(kind, dict(self._spec.fields), self._spec.style), f"Change type to {kind}")

    def set_style(self, merge_key: str = "", **changes: object) -> None:
        try:
            new = self._spec.with_style(**changes)
        except SpecError as exc:
            self.rejected.emit(str(exc))
            self.changed.emit(self._spec)  # put the widgets back to the valid value
            return
        self.change(new, f"Change {', '.join(changes)}", merge_key=merge_key)

    def _apply(self, spec: QrSpec) -> None:
        self._spec = spec
        self.changed.emit(spec)
