"""One generic form for every payload kind, built from the kind's field definitions.

Each field has its label, its editor and, under it, a line for what is wrong with it (:meth:`show_problem`),
worded with the field's label. Switching the kind rebuilds the fields (the model keeps what maps, see
:func:`app.core.payloads.convert.convert_fields`) and puts them back into the tab order between the type
chooser and :attr:`PayloadForm.tab_exit`. Leaving a field ends its edit, so one undo step holds one edit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.core.payloads import PAYLOAD_KINDS, FieldDef
from app.core.spec import QrSpec
from app.ui.editor.model import EditorModel, field_label
from app.ui.themes import Tone, set_tone
from app.ui.words import choice_word, payload_word

FieldEditor = QComboBox | QPlainTextEdit | QLineEdit  # the widget for one payload field

class PayloadForm(QWidget):
    """A kind selector and the fields of the selected kind; rebuilt when the kind changes."""

    def __init__(self, model: EditorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.kinds = PAYLOAD_KINDS
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Payload type"))
        for name, kind in self.kinds.items():
            self.kind_combo.addItem(payload_word(kind.label), name)
        self.kind_combo.currentIndexChanged.connect(self._kind_picked)
        self.fields_box = QWidget()
        self.form = QFormLayout(self.fields_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, FieldEditor] = {}
        self.problems: dict[str, QLabel] = {}  # the line under each field that says what is wrong with it
        self.tab_exit: QWidget | None = None  # where Tab goes after the last field (set by the window)
        self._shown_kind = ""
        self._edit_end = _EditEnd(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow(self.tr("Type"), self.kind_combo)
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

    def show_problem(self, field: str, text: str) -> None:
        """Show ``text`` under the field called ``field`` and clear every other field's line ("" clears all)."""
        for name, label in self.problems.items():
            label.setText(text if name == field else "")
            label.setVisible(name == field and bool(text))

    def problem(self) -> tuple[str, str]:
        """The field that shows a problem and what it says (("", "") when none does)."""
        return next(((name, label.text()) for name, label in self.problems.items() if label.text()), ("", ""))

    def set_tab_exit(self, widget: QWidget) -> None:
        self.tab_exit = widget
        self._chain_tabs()

    def _kind_picked(self) -> None:
        self.model.set_kind(self.kind_combo.currentData())

    def _build(self, kind_name: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.problems.clear()
        kind = self.kinds.get(kind_name)
        self._shown_kind = kind_name
        if kind is None:
            self.form.addRow(QLabel(self.tr("Unknown payload type {kind}").format(kind=kind_name)))
            return
        for field in kind.fields:
            label_text = field_label(kind_name, field.name)
            widget = _make_editor(field)
            widget.setObjectName(f"field_{field.name}")
            widget.setAccessibleName(label_text)
            self.editors[field.name] = widget
            widget.installEventFilter(self._edit_end)
            label = QLabel(label_text + (" *" if field.required else ""))
            label.setBuddy(widget)
            problem = QLabel()
            problem.setObjectName(f"problem_{field.name}")
            problem.setAccessibleName(self.tr("Problem with {field}").format(field=label_text))
            problem.setWordWrap(True)
            set_tone(problem, Tone.FAIL)
            problem.hide()
            self.problems[field.name] = problem
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(problem)
            self.form.addRow(label, cell)
            _connect(widget, partial(self.model.set_field, field.name))
        self._chain_tabs()

    def _chain_tabs(self) -> None:
        """Type chooser → the fields in form order → :attr:`tab_exit`: new fields would otherwise come last in
        the window's focus chain, after the style panel."""
        chain: list[QWidget] = [self.kind_combo, *self.editors.values()]
        if self.tab_exit is not None:
            chain.append(self.tab_exit)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)


class _EditEnd(QObject):
    """Ends the model's current edit when a field loses focus: typing there again is a new undo step."""

    def __init__(self, model: EditorModel) -> None:
        super().__init__(model)
        self.model = model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.model.end_edit()
        return False


def _make_editor(field: FieldDef) -> FieldEditor:
    if field.choices:
        combo = QComboBox()
        for value in field.choices:
            combo.addItem(choice_word(value), value)
        return combo
    if field.multiline:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(payload_word(field.placeholder))
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(90)
        return edit
    line = QLineEdit()
    line.setPlaceholderText(payload_word(field.placeholder))
    line.setClearButtonEnabled(True)
    if field.secret:  # shown while it is typed, hidden afterwards (a screen share, a shoulder)
        line.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
    return line


def _connect(widget: FieldEditor, slot: Callable[[str], None]) -> None:
    if isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _index: slot(str(widget.currentData())))
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(lambda: slot(widget.toPlainText()))
    else:
        widget.textEdited.connect(slot)


def _value(widget: FieldEditor) -> str:
    if isinstance(widget, QComboBox):
        return str(widget.currentData())
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


def _set_value(widget: FieldEditor, value: str) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        widget.setText(value)
