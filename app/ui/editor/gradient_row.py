"""A gradient chooser for the style panel: none, linear at an angle, or radial, between two colours.

It edits one style field (``fg_gradient`` for the modules, ``eye_gradient`` for the eyes) as the text
:mod:`app.core.gradient` reads, e.g. ``linear:45 #1a237e #00897b``; a gradient typed elsewhere with more stops
shows its first and last colour and is rewritten only when changed here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from app.core.errors import QrDeskError
from app.core.gradient import Gradient, parse_gradient
from app.core.spec import QrSpec
from app.ui.editor.model import EditorModel
from app.ui.editor.style_panel import ColorButton  # the style panel imports this module lazily
from app.ui.words import GRADIENT_WORDS, style_word

DEFAULT_STOPS = ("#1a237e", "#00897b")


class GradientRow(QWidget):
    def __init__(self, model: EditorModel, field: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.field = model, field
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("{title} gradient").format(title=title))
        for value in GRADIENT_WORDS:
            self.kind.addItem(style_word(GRADIENT_WORDS, value), value)
        self.angle = QSpinBox(minimum=0, maximum=359, suffix="°", singleStep=15)
        self.angle.setWrapping(True)
        self.angle.setAccessibleName(self.tr("{title} gradient angle").format(title=title))
        self.start = ColorButton(self.tr("{title} gradient start colour").format(title=title))
        self.end = ColorButton(self.tr("{title} gradient end colour").format(title=title))
        for widget in (self.kind, self.angle, self.start, self.end):
            row.addWidget(widget)
        row.addStretch(1)
        self.kind.currentIndexChanged.connect(lambda _i: self._commit())
        self.angle.valueChanged.connect(lambda _v: self._commit(merge=True))
        self.start.picked.connect(lambda v: self._commit(start=v))
        self.end.picked.connect(lambda v: self._commit(end=v))
        model.changed.connect(self.show_spec)
        self.show_spec(model.spec)

    def current(self) -> Gradient | None:
        text = getattr(self.model.spec.style, self.field)
        try:
            return parse_gradient(text, self.field) if text else None
        except QrDeskError:
            return None

    def show_spec(self, spec: QrSpec) -> None:
        gradient = self.current()
        for widget in (self.kind, self.angle):
            widget.blockSignals(True)
        try:
            self.kind.setCurrentIndex(self.kind.findData(gradient.kind if gradient else ""))
            self.angle.setValue(round(gradient.angle) if gradient else 90)
            stops = [f"#{c[0]:02x}{c[1]:02x}{c[2]:02x}" for c in gradient.stops] if gradient else list(DEFAULT_STOPS)
            self.start.set_value(stops[0])
            self.end.set_value(stops[-1])
        finally:
            for widget in (self.kind, self.angle):
                widget.blockSignals(False)
        # Only what applies is shown: no colours without a gradient, no angle for a radial one.
        self.angle.setVisible(gradient is not None and gradient.kind == "linear")
        self.start.setVisible(gradient is not None)
        self.end.setVisible(gradient is not None)

    def _commit(self, start: str | None = None, end: str | None = None, merge: bool = False) -> None:
        kind = self.kind.currentData()
        if not kind:
            self.model.set_style("", **{self.field: None})
            return
        head = f"linear:{self.angle.value()}" if kind == "linear" else "radial"
        text = f"{head} {start or self.start.value} {end or self.end.value}"
        self.model.set_style(f"{self.field}:angle" if merge else "", **{self.field: text})
