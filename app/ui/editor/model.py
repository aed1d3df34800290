"""The spec being edited, with undo/redo.

Every change goes through :meth:`EditorModel.change`, which pushes a :class:`SpecChange` on the
``QUndoStack`` under a name a user reads in the Edit menu ("Undo typing in URL"). Keystrokes in one field
merge into one undo step while they are one *edit*: the edit ends when the field loses focus, on a save, on
undo or redo and when another item is opened (:meth:`EditorModel.end_edit`), so one Undo never spans two
separate edits or a save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core.errors import SpecError
from app.core.payloads import PAYLOAD_KINDS
from app.core.payloads.convert import convert_fields
from app.core.spec import QrSpec
from app.ui.words import payload_word, style_label

_MERGE_ID = 0x5152  # any constant; commands with the same id may merge

translate = QCoreApplication.translate


def field_label(kind: str, name: str) -> str:
    """The form's label of a payload field (``ssid`` → "Network name (SSID)"), translated."""
    payload_kind = PAYLOAD_KINDS.get(kind)
    field = next((f for f in payload_kind.fields if f.name == name), None) if payload_kind else None
    return payload_word(field.label) if field else name


class SpecChange(QUndoCommand):
    def __init__(self, model: EditorModel, before: QrSpec, after: QrSpec, text: str, merge_key: str = "") -> None:
        super().__init__(text)
        self.model, self.before, self.after, self.merge_key = model, before, after, merge_key

    def redo(self) -> None:
        self.model._apply(self.after, self)

    def undo(self) -> None:
        self.model._apply(self.before, self)

    def id(self) -> int:
        return _MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SpecChange) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # typed and deleted again: no step at all
        return True


class EditorModel(QObject):
    """Holds the current :class:`QrSpec`; views listen to ``changed`` and call ``change``."""

    changed = Signal(object)  # the new QrSpec
    rejected = Signal(str)  # a change that would make an invalid spec, with the reason in the form's words

    def __init__(self, spec: QrSpec | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spec = spec or QrSpec(kind="url", fields={"url": ""})
        self.undo_stack = QUndoStack(self)
        self._edit = 0  # the number of the current edit: merge keys carry it, so a new edit never merges
        self._pushing: SpecChange | None = None

    @property
    def spec(self) -> QrSpec:
        return self._spec

    def end_edit(self) -> None:
        """The current edit is over: the next change starts a new undo step even in the same field."""
        self._edit += 1

    def change(self, new: QrSpec, text: str, merge_key: str = "") -> None:
        if new == self._spec:
            return
        command = SpecChange(self, self._spec, new, text, f"{merge_key}#{self._edit}" if merge_key else "")
        self._pushing = command
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = None

    def load(self, spec: QrSpec) -> None:
        """Replace the spec without an undo step (opening an item starts a fresh history)."""
        self.undo_stack.clear()
        self.end_edit()
        self._apply(spec)

    def adopt(self, spec: QrSpec) -> None:
        """Take ``spec`` as the current state without an undo step and without clearing the history: what a
        save stored may differ in form from what was edited (the logo is now a file of the library)."""
        self.end_edit()
        self._apply(spec)

    def set_field(self, name: str, value: str) -> None:
        label = field_label(self._spec.kind, name)
        self.change(QrSpec(self._spec.kind, {**self._spec.fields, name: value}, self._spec.style),
                    translate("EditorModel", "typing in {field}").format(field=label), merge_key=f"field:{name}")

    def set_kind(self, kind: str) -> None:
        """Switch the payload kind, keeping what maps to the new kind's fields and dropping the rest."""
        old = self._spec
        if kind == old.kind or kind not in PAYLOAD_KINDS:
            return
        label = payload_word(PAYLOAD_KINDS[kind].label)
        self.end_edit()
        self.change(QrSpec(kind, convert_fields(old.kind, old.fields, kind), old.style),
                    translate("EditorModel", "changing the type to {kind}").format(kind=label))

    def set_style(self, merge_key: str = "", **changes: object) -> None:
        try:
            new = self._spec.with_style(**changes)
        except SpecError as exc:
            self.rejected.emit(readable_error(exc, self._spec.kind))
            self.changed.emit(self._spec)  # put the widgets back to the valid value
            return
        what = ", ".join(style_label(attr) for attr in changes)
        self.change(new, translate("EditorModel", "changing the {what}").format(what=what), merge_key=merge_key)

    def _apply(self, spec: QrSpec, command: SpecChange | None = None) -> None:
        if command is not None and command is not self._pushing:
            self.end_edit()  # an undo or redo: whatever is typed next is a new edit
        self._spec = spec
        self.changed.emit(spec)


def readable_error(exc: SpecError, kind: str) -> str:
    """``ssid: is required`` → "Network name (SSID): is required": the form's label, never an internal name."""
    field = exc.field
    if field.startswith("style."):
        label = style_label(field.removeprefix("style."))
        label = f"{label[:1].upper()}{label[1:]}"
    else:
        label = field_label(kind, field)
    # The reason is the core's own sentence (English: app.core is Qt-free and has no catalogue).
    return translate("EditorModel", "{field}: {reason}").format(field=label, reason=exc.message)
