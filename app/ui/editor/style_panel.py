"""Style controls: colours, ECC, quiet zone, shapes, logo, frame and caption, output size."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.core.spec import ECC_LEVELS, EYE_SHAPES, MODULE_SHAPES, SIZE_UNITS, TRANSPARENT, QrSpec, Style
from app.ui.actions import tool_button
from app.ui.editor.model import EditorModel
from app.ui.editor.shortcuts import route_undo_keys


class ColorButton(QPushButton):
    """A swatch that opens a colour picker; ``allow_transparent`` adds a 'none' choice for backgrounds."""

    picked = Signal(str)

    def __init__(self, title: str, allow_transparent: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.allow_transparent = title, allow_transparent
        self.value = "#000000"
        self.setAccessibleName(title)
        self.setMinimumWidth(96)
        self.clicked.connect(self._pick)

    def set_value(self, value: str) -> None:
        self.value = value
        self.setText(value)
        if value == TRANSPARENT:
            self.setStyleSheet("")
            return
        colour = QColor(value)
        text = "#000000" if colour.lightnessF() > 0.55 else "#ffffff"
        self.setStyleSheet(f"QPushButton {{ background: {colour.name()}; color: {text}; "
                           "border: 1px solid palette(mid); border-radius: 6px; padding: 4px 10px; }")

    def _pick(self) -> None:
        options = QColorDialog.ColorDialogOption.ShowAlphaChannel if self.allow_transparent else \
            QColorDialog.ColorDialogOption(0)
        start = QColor(0, 0, 0, 0) if self.value == TRANSPARENT else QColor(self.value)
        colour = QColorDialog.getColor(start, self, self.title, options)
        if colour.isValid():
            self.picked.emit(TRANSPARENT if colour.alpha() == 0 else colour.name())


class StylePanel(QWidget):
    def __init__(self, model: EditorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.fg = ColorButton("Foreground colour")
        self.bg = ColorButton("Background colour", allow_transparent=True)
        self.fg.picked.connect(lambda v: model.set_style(fg=v))
        self.bg.picked.connect(lambda v: model.set_style(bg=v))
        colours = QHBoxLayout()
        colours.addWidget(self.fg)
        colours.addWidget(self.bg)
        form.addRow("Colours", colours)

        self.ecc = self._combo("Error correction", ECC_LEVELS, "ecc")
        form.addRow("Error correction", self.ecc)
        self.quiet = QSpinBox(minimum=0, maximum=20)
        self.quiet.setAccessibleName("Quiet zone in modules")
        self.quiet.setSuffix(" modules")
        self.quiet.valueChanged.connect(lambda v: model.set_style("quiet", quiet_zone=v))
        form.addRow("Quiet zone", self.quiet)
        self.module_shape = self._combo("Module shape", MODULE_SHAPES, "module_shape")
        form.addRow("Modules", self.module_shape)
        self.eye_shape = self._combo("Eye shape", EYE_SHAPES, "eye_shape")
        form.addRow("Eyes", self.eye_shape)
        from app.ui.editor.gradient_row import GradientRow  # it imports ColorButton from this module

        self.fg_gradient = GradientRow(model, "fg_gradient", self.tr("Module"))
        form.addRow(self.tr("Gradient"), self.fg_gradient)
        self.eye_gradient = GradientRow(model, "eye_gradient", self.tr("Eye"))
        form.addRow(self.tr("Eye gradient"), self.eye_gradient)

        self.logo = QLineEdit()
        self.logo.setReadOnly(True)
        self.logo.setPlaceholderText("No logo")
        self.logo.setAccessibleName("Logo file")
        pick_logo = tool_button("…", "Choose logo", self._pick_logo)
        clear_logo = tool_button("✕", "Remove logo", lambda: model.set_style(logo=None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(pick_logo)
        logo_row.addWidget(clear_logo)
        form.addRow("Logo", logo_row)

        self.frame = QCheckBox("Frame")
        self.frame.setAccessibleName("Draw a frame")
        self.frame.toggled.connect(lambda v: model.set_style(frame=v))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText("Caption under the code")
        self.caption.setAccessibleName("Caption")
        route_undo_keys(self.caption)
        self.caption.textEdited.connect(lambda v: model.set_style("caption", caption=v))
        frame_row = QHBoxLayout()
        frame_row.addWidget(self.frame)
        frame_row.addWidget(self.caption, 1)
        form.addRow("Frame", frame_row)

        self.size_value = QDoubleSpinBox(minimum=0.01, maximum=10000, decimals=2)
        self.size_value.setAccessibleName("Size")
        self.size_value.valueChanged.connect(lambda v: model.set_style("size", size=float(v)))
        self.unit = self._combo("Size unit", SIZE_UNITS, "size_unit")
        self.size_mode = QComboBox()
        self.size_mode.setAccessibleName("Size applies to")
        self.size_mode.addItem("per module", "module")
        self.size_mode.addItem("whole code", "total")
        self.size_mode.currentIndexChanged.connect(lambda: model.set_style(size_mode=self.size_mode.currentData()))
        self.dpi = QSpinBox(minimum=72, maximum=2400, singleStep=50)
        self.dpi.setAccessibleName("Resolution in DPI")
        self.dpi.setSuffix(" dpi")
        self.dpi.valueChanged.connect(lambda v: model.set_style("dpi", dpi=v))
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_value, 1)
        size_row.addWidget(self.unit)
        size_row.addWidget(self.size_mode)
        form.addRow("Size", size_row)
        form.addRow("Resolution", self.dpi)
        from app.ui.editor.print_advice import PrintAdviceRow

        self.print_advice = PrintAdviceRow(model)
        form.addRow(self.tr("Scan distance"), self.print_advice)

        model.changed.connect(self.show_spec)
        self.show_spec(model.spec)

    def _combo(self, name: str, values: tuple[str, ...], attr: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItems(list(values))
        combo.currentTextChanged.connect(lambda v: self.model.set_style(**{attr: v}))
        return combo

    def _pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a logo", "", "Images (*.png *.jpg *.jpeg *.svg)")
        if path:
            self.model.set_style(logo=path)

    def show_spec(self, spec: QrSpec) -> None:
        s: Style = spec.style
        widgets = (self.ecc, self.quiet, self.module_shape, self.eye_shape, self.frame, self.caption,
                   self.size_value, self.unit, self.size_mode, self.dpi)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.fg.set_value(s.fg)
            self.bg.set_value(s.bg)
            self.ecc.setCurrentText(s.ecc)
            self.quiet.setValue(s.quiet_zone)
            self.module_shape.setCurrentText(s.module_shape)
            self.eye_shape.setCurrentText(s.eye_shape)
            self.logo.setText(s.logo or "")
            self.frame.setChecked(s.frame)
            if self.caption.text() != s.caption:
                self.caption.setText(s.caption)
            self.size_value.setValue(s.size)
            self.unit.setCurrentText(s.size_unit)
            self.size_mode.setCurrentIndex(max(0, self.size_mode.findData(s.size_mode)))
            self.dpi.setValue(s.dpi)
        finally:
            for w in widgets:
                w.blockSignals(False)
