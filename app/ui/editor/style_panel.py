"""Style controls: colours (eyes too), ECC, quiet zone, shapes, logo and its size, frame and caption, Micro QR,
character set, output size. Choices show words; the style's values are the items' data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
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

from app.core.encode import effective_ecc
from app.core.library.store import stored_path_sha
from app.core.spec import TRANSPARENT, QrSpec, Style
from app.ui.actions import tool_button
from app.ui.editor.model import EditorModel
from app.ui.words import CHARSET_WORDS, ECC_WORDS, EYE_WORDS, MODULE_WORDS, SIZE_MODE_WORDS, UNIT_WORDS, style_word


class ColorButton(QPushButton):
    """A colour swatch that opens a colour picker; ``allow_transparent`` adds a 'none' choice for backgrounds and
    ``unset_text`` names what an unset colour (``None``) means, e.g. "same as modules" for the eyes.

    The swatch is an icon, not a stylesheet of the button's own: a widget stylesheet is restyled with every
    theme switch, and the app's theming is its palette (see app/ui/themes.py)."""

    picked = Signal(str)

    def __init__(self, title: str, allow_transparent: bool = False, parent: QWidget | None = None, *,
                 unset_text: str = "") -> None:
        super().__init__(parent)
        self.title, self.allow_transparent, self.unset_text = title, allow_transparent, unset_text
        self.value: str | None = "#000000"
        self.setAccessibleName(title)
        self.setMinimumWidth(96)
        self.clicked.connect(self._pick)

    def set_value(self, value: str | None) -> None:
        self.value = value
        self.setText(self.unset_text if value is None else value)
        self.setIcon(QIcon(_swatch(value)))

    def _pick(self) -> None:
        options = QColorDialog.ColorDialogOption.ShowAlphaChannel if self.allow_transparent else \
            QColorDialog.ColorDialogOption(0)
        start = QColor(0, 0, 0, 0) if self.value == TRANSPARENT else QColor(self.value or "#000000")
        colour = QColorDialog.getColor(start, self, self.title, options)
        if colour.isValid():
            self.picked.emit(TRANSPARENT if colour.alpha() == 0 else colour.name())


def _swatch(value: str | None, side: int = 16) -> QPixmap:
    """A square of the colour with a grey edge; transparent is white with a red stroke, unset is empty."""
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(0, 0, 0, 0) if value is None else QColor("#ffffff" if value == TRANSPARENT else value))
    painter = QPainter(pixmap)
    painter.setPen(QColor(128, 128, 128))
    painter.drawRect(0, 0, side - 1, side - 1)
    if value == TRANSPARENT:
        painter.setPen(QColor("#d64545"))
        painter.drawLine(1, side - 2, side - 2, 1)
    painter.end()
    return pixmap


class StylePanel(QWidget):
    """The style of the code being edited: every option of :class:`Style` a user sets by hand."""

    def __init__(self, model: EditorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.fg = ColorButton(self.tr("Module colour"))
        self.bg = ColorButton(self.tr("Background colour"), allow_transparent=True)
        self.eye_colour = ColorButton(self.tr("Eye colour"), unset_text=self.tr("module colour"))
        self.fg.picked.connect(lambda v: model.set_style(fg=v))
        self.bg.picked.connect(lambda v: model.set_style(bg=v))
        self.eye_colour.picked.connect(lambda v: model.set_style(eye_color=v))
        self.eye_reset = tool_button("✕", self.tr("Eyes in the module colour"), lambda: model.set_style(eye_color=None))
        colours = _row(self.fg, self.bg)
        form.addRow(self.tr("Colours"), colours)

        self.ecc = self._combo(self.tr("Error correction"), ECC_WORDS, "ecc")
        form.addRow(self.tr("Error correction"), self.ecc)
        self.quiet = QSpinBox(minimum=0, maximum=20)
        self.quiet.setAccessibleName(self.tr("Quiet zone in modules"))
        self.quiet.setSuffix(self.tr(" modules"))
        self.quiet.valueChanged.connect(lambda v: model.set_style("quiet", quiet_zone=v))
        form.addRow(self.tr("Quiet zone"), self.quiet)
        self.module_shape = self._combo(self.tr("Module shape"), MODULE_WORDS, "module_shape")
        form.addRow(self.tr("Modules"), self.module_shape)
        self.eye_shape = self._combo(self.tr("Eye shape"), EYE_WORDS, "eye_shape")
        eyes = _row(self.eye_shape, self.eye_colour, self.eye_reset)
        eyes.setStretch(0, 1)
        form.addRow(self.tr("Eyes"), eyes)
        from app.ui.editor.gradient_row import GradientRow  # it imports ColorButton from this module

        self.fg_gradient = GradientRow(model, "fg_gradient", self.tr("Module"))
        form.addRow(self.tr("Gradient"), self.fg_gradient)
        self.eye_gradient = GradientRow(model, "eye_gradient", self.tr("Eye"))
        form.addRow(self.tr("Eye gradient"), self.eye_gradient)

        self.logo = QLineEdit()
        self.logo.setReadOnly(True)
        self.logo.setPlaceholderText(self.tr("No logo"))
        self.logo.setAccessibleName(self.tr("Logo file"))
        self.pick_logo = tool_button("…", self.tr("Choose logo"), self._pick_logo)
        self.clear_logo = tool_button("✕", self.tr("Remove logo"), lambda: model.set_style(logo=None))
        self.logo_size = QSpinBox(minimum=5, maximum=40, singleStep=5)
        self.logo_size.setSuffix(" %")
        self.logo_size.setAccessibleName(self.tr("Logo size, share of the code's width"))
        self.logo_size.valueChanged.connect(lambda v: model.set_style("logo_scale", logo_scale=v / 100))
        logo_row = _row(self.logo, self.pick_logo, self.clear_logo, self.logo_size)
        logo_row.setStretch(0, 1)
        form.addRow(self.tr("Logo"), logo_row)

        self.frame = QCheckBox(self.tr("Frame"))
        self.frame.setAccessibleName(self.tr("Draw a frame"))
        self.frame.toggled.connect(lambda v: model.set_style(frame=v))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Caption under the code"))
        self.caption.setAccessibleName(self.tr("Caption"))
        self.caption.textEdited.connect(lambda v: model.set_style("caption", caption=v))
        self.caption.editingFinished.connect(model.end_edit)
        frame_row = QHBoxLayout()
        frame_row.addWidget(self.frame)
        frame_row.addWidget(self.caption, 1)
        form.addRow(self.tr("Frame"), frame_row)

        self.micro = QCheckBox(self.tr("Micro QR code when the data fits"))
        self.micro.setAccessibleName(self.tr("Micro QR"))
        self.micro.toggled.connect(lambda v: model.set_style(micro=v))
        self.charset = self._combo(self.tr("Character set"), CHARSET_WORDS, "charset")
        form.addRow(self.tr("Symbol"), self.micro)
        form.addRow(self.tr("Character set"), self.charset)

        self.size_value = QDoubleSpinBox(minimum=0.01, maximum=10000, decimals=2)
        self.size_value.setAccessibleName(self.tr("Size"))
        self.size_value.valueChanged.connect(lambda v: model.set_style("size", size=float(v)))
        self.unit = self._combo(self.tr("Size unit"), UNIT_WORDS, "size_unit")
        self.size_mode = self._combo(self.tr("Size applies to"), SIZE_MODE_WORDS, "size_mode")
        self.dpi = QSpinBox(minimum=72, maximum=2400, singleStep=50)
        self.dpi.setAccessibleName(self.tr("Resolution in DPI"))
        self.dpi.setSuffix(" dpi")
        self.dpi.valueChanged.connect(lambda v: model.set_style("dpi", dpi=v))
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_value, 1)
        size_row.addWidget(self.unit)
        size_row.addWidget(self.size_mode)
        form.addRow(self.tr("Size"), size_row)
        form.addRow(self.tr("Resolution"), self.dpi)
        from app.ui.editor.print_advice import PrintAdviceRow

        self.print_advice = PrintAdviceRow(model)
        form.addRow(self.tr("Scan distance"), self.print_advice)

        model.changed.connect(self.show_spec)
        self.show_spec(model.spec)

    def _combo(self, name: str, words: dict[str, str], attr: str) -> QComboBox:
        """A choice shown in words, holding the style's value as item data."""
        combo = QComboBox()
        combo.setAccessibleName(name)
        for value in words:
            combo.addItem(style_word(words, value), value)
        combo.currentIndexChanged.connect(lambda _index: self.model.set_style(**{attr: combo.currentData()}))
        return combo

    def _pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.svg)"))
        if path:
            self.model.set_style(logo=path)

    def show_spec(self, spec: QrSpec) -> None:
        s: Style = spec.style
        widgets = (self.ecc, self.quiet, self.module_shape, self.eye_shape, self.frame, self.caption,
                   self.size_value, self.unit, self.size_mode, self.dpi, self.logo_size, self.micro, self.charset)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.fg.set_value(s.fg)
            self.bg.set_value(s.bg)
            self.eye_colour.set_value(s.eye_color)
            self.eye_reset.setEnabled(s.eye_color is not None)
            # A logo always gets level H (app.core.encode.effective_ecc): show the level the code really has.
            _select(self.ecc, effective_ecc(s))
            self.ecc.setEnabled(not s.logo)
            self.ecc.setToolTip(self.tr("A logo hides modules, so the code uses level H") if s.logo else "")
            self.quiet.setValue(s.quiet_zone)
            _select(self.module_shape, s.module_shape)
            _select(self.eye_shape, s.eye_shape)
            self.logo.setText(_logo_text(s.logo, self.tr("stored with the item")))
            self.logo.setToolTip(s.logo or "")
            self.clear_logo.setEnabled(bool(s.logo))
            self.logo_size.setValue(round(s.logo_scale * 100))
            self.logo_size.setEnabled(bool(s.logo))
            self.frame.setChecked(s.frame)
            if self.caption.text() != s.caption:
                self.caption.setText(s.caption)
            self.micro.setChecked(s.micro)
            self.micro.setEnabled(not s.logo)
            self.micro.setToolTip(self.tr("A Micro QR code has no room for a logo") if s.logo else "")
            _select(self.charset, s.charset)
            self.size_value.setValue(s.size)
            _select(self.unit, s.size_unit)
            _select(self.size_mode, s.size_mode)
            self.dpi.setValue(s.dpi)
        finally:
            for w in widgets:
                w.blockSignals(False)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _logo_text(logo: str | None, stored: str) -> str:
    """The logo's file name, or that the library keeps it (its file there is named by its content)."""
    if not logo:
        return ""
    return stored if stored_path_sha(logo) else Path(logo).name
