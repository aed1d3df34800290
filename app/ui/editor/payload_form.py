"""One generic form for every payload kind, built from the kind's field definitions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.payloads import PAYLOAD_KINDS, FieldDef
from app.core.spec import QrSpec
from app.ui.editor.model import EditorModel
from app.ui.editor.shortcuts import route_undo_keys

FieldEditor = QComboBox | QPlainTextEdit | QLineEdit  # the widget for one payload field


class PayloadForm(QWidget):
    """A kind selector and the fields of the selected kind; rebuilt when the kind changes."""

    def __init__(self, model: EditorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.kinds = PAYLOAD_KINDS
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Payload type")
        for name, kind in self.kinds.items():
            self.kind_combo.addItem(kind.label, name)
        self.kind_combo.currentIndexChanged.connect(self._kind_picked)
        self.fields_box = QWidget()
        self.form = QFormLayout(self.fields_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, FieldEditor] = {}
        self._shown_kind = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow("Type", self.kind_combo)
        layout.addLayout(top)
        layout.addWidget(self.fields_box)
        model.changed.connect(self.show_spec)
        self.show_spec(model.spec)

    def editor(self, name: str) -> FieldEditor:
        return self.editors[name]

    def show_spec(self, spec: QrSpec) -> None:
        """Bring the widgets in line with ``spec`` without echoing the change back to the model."""
        if spec.kind != self._shown_kind:
            self._build(spec.kind)
        index = self.kind_combo.findData(spec.kind)
        if index != self.kind_combo.currentIndex():
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(index)
            self.kind_combo.blockSignals(False)
        for name, widget in self.editors.items():
            value = spec.fields.get(name, "")
            if _value(widget) != value:
                widget.blockSignals(True)
                _set_value(widget, value)
                widget.blockSignals(False)

    def _kind_picked(self) -> None:
        self.model.set_kind(self.kind_combo.currentData())

    def _build(self, kind_name: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        kind = self.kinds.get(kind_name)
        self._shown_kind = kind_name
        if kind is None:
            self.form.addRow(QLabel(f"Unknown payload type {kind_name!r}"))
            return
        for field in kind.fields:
            widget = _make_editor(field)
            widget.setObjectName(f"field_{field.name}")
            widget.setAccessibleName(field.label)
            self.editors[field.name] = widget
            route_undo_keys(widget)
            label = QLabel(field.label + (" *" if field.required else ""))
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            _connect(widget, partial(self.model.set_field, field.name))


def _make_editor(field: FieldDef) -> FieldEditor:
    if field.choices:
        combo = QComboBox()
        combo.addItems(list(field.choices))
        return combo
    if field.multiline:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(field.placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(90)
        return edit
    line = QLineEdit()
    line.setPlaceholderText(field.placeholder)
    line.setClearButtonEnabled(True)
    return line


def _connect(widget: FieldEditor, slot: Callable[[str], None]) -> None:
    if isinstance(widget, QComboBox):
        widget.currentTextChanged.connect(slot)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(lambda: slot(widget.toPlainText()))
    else:
        widget.textEdited.connect(slot)


def _value(widget: FieldEditor) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


def _set_value(widget: FieldEditor, value: str) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findText(value, Qt.MatchFlag.MatchExactly)))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        widget.setText(value)
