"""The gradient rows and the print-size advice over the real editor model, including a model-based test: any
sequence of gradient edits, size advice and undo/redo keeps the widgets showing the model, the style valid and
the advice equal to the core's."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from app.core.encode import encode
from app.core.gradient import parse_gradient
from app.core.printsize import advise
from app.core.spec import QrSpec, Style
from app.ui.editor.gradient_row import GradientRow
from app.ui.editor.model import EditorModel
from app.ui.editor.print_advice import PrintAdviceRow

SPEC = QrSpec("url", {"url": "https://qrdesk.app/welcome"}, Style())


def test_choosing_a_linear_gradient_writes_the_style(qtbot) -> None:
    model = EditorModel(SPEC)
    row = GradientRow(model, "fg_gradient", "Modules")
    qtbot.addWidget(row)
    assert row.angle.isHidden() and row.start.isHidden()
    row.kind.setCurrentIndex(row.kind.findData("linear"))
    assert model.spec.style.fg_gradient == "linear:90 #1a237e #00897b"
    row.angle.setValue(45)
    row.start.picked.emit("#000000")
    assert model.spec.style.fg_gradient == "linear:45 #000000 #00897b"
    row.kind.setCurrentIndex(row.kind.findData("radial"))
    assert model.spec.style.fg_gradient == "radial #000000 #00897b" and row.angle.isHidden()
    row.kind.setCurrentIndex(row.kind.findData(""))
    assert model.spec.style.fg_gradient is None


def test_a_gradient_with_more_stops_is_shown_by_its_ends(qtbot) -> None:
    model = EditorModel(QrSpec("url", SPEC.fields, Style(eye_gradient="linear:30 #111111 #777777 #000044")))
    row = GradientRow(model, "eye_gradient", "Eyes")
    qtbot.addWidget(row)
    assert (row.kind.currentData(), row.angle.value(), row.start.value, row.end.value) == (
        "linear", 30, "#111111", "#000044")


def test_print_advice_follows_the_distance_and_sets_the_size(qtbot) -> None:
    model = EditorModel(SPEC)
    row = PrintAdviceRow(model)
    qtbot.addWidget(row)
    row.distance.setValue(2.0)
    assert row.result.text().startswith("To scan from 2 m: modules at least 8.0 mm, the code at least 20 cm across")
    row.use.click()
    assert (model.spec.style.size, model.spec.style.size_unit, model.spec.style.size_mode) == (8.0, "mm", "module")
    assert row.reach.text() == "At the size set (8.00 mm modules) it scans from up to 2 m."
    row.light.setCurrentIndex(row.light.findData("poor"))
    assert "in poor light" in row.result.text() and "13.3 mm" in row.result.text()


def test_print_advice_waits_for_a_code(qtbot) -> None:
    model = EditorModel(QrSpec("url", {"url": ""}, Style()))
    row = PrintAdviceRow(model)
    qtbot.addWidget(row)
    assert row.result.text() == "Print-size advice appears once there is a code." and not row.use.isEnabled()


COLOURS = st.sampled_from(["#000000", "#1a237e", "#00897b", "#6a1b9a", "#3b2a1a"])


class StyleEditing(RuleBasedStateMachine):
    """Gradient rows for modules and eyes and the advice row over one model, driven like a user would."""

    def __init__(self) -> None:
        super().__init__()
        self.model = EditorModel(SPEC)
        self.rows = {"fg_gradient": GradientRow(self.model, "fg_gradient", "Modules"),
                     "eye_gradient": GradientRow(self.model, "eye_gradient", "Eyes")}
        self.advice = PrintAdviceRow(self.model)

    @rule(field=st.sampled_from(["fg_gradient", "eye_gradient"]), kind=st.sampled_from(["", "linear", "radial"]))
    def choose_kind(self, field: str, kind: str) -> None:
        combo = self.rows[field].kind
        combo.setCurrentIndex(combo.findData(kind))

    @rule(field=st.sampled_from(["fg_gradient", "eye_gradient"]), angle=st.integers(0, 359))
    def turn(self, field: str, angle: int) -> None:
        if not self.rows[field].angle.isHidden():
            self.rows[field].angle.setValue(angle)

    @rule(field=st.sampled_from(["fg_gradient", "eye_gradient"]), end=st.booleans(), colour=COLOURS)
    def pick(self, field: str, end: bool, colour: str) -> None:
        button = self.rows[field].end if end else self.rows[field].start
        if not button.isHidden():
            button.picked.emit(colour)

    @rule(metres=st.floats(0.1, 20.0))
    def distance(self, metres: float) -> None:
        self.advice.distance.setValue(metres)

    @rule()
    def use_advice(self) -> None:
        if self.advice.use.isEnabled():
            self.advice.use.click()

    @rule()
    def undo(self) -> None:
        self.model.undo_stack.undo()

    @rule()
    def redo(self) -> None:
        self.model.undo_stack.redo()

    @invariant()
    def rows_show_the_model(self) -> None:
        for field, row in self.rows.items():
            text = getattr(self.model.spec.style, field)
            gradient = parse_gradient(text, field) if text else None
            assert row.kind.currentData() == (gradient.kind if gradient else "")
            if gradient is not None:
                stops = [f"#{c[0]:02x}{c[1]:02x}{c[2]:02x}" for c in gradient.stops]
                assert (row.start.value, row.end.value) == (stops[0], stops[-1])
                if gradient.kind == "linear":
                    assert row.angle.value() == round(gradient.angle)

    @invariant()
    def advice_is_the_cores(self) -> None:
        spec = self.model.spec
        expected = advise(encode(spec.data(), spec.style), spec.style, self.advice.distance_mm,
                          self.advice.light.currentData())
        assert self.advice.advice == expected


@pytest.mark.slow
def test_style_editing_state_machine(qtbot) -> None:
    runner = settings(max_examples=25, stateful_step_count=15, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])(StyleEditing)
    runner.TestCase().runTest()
