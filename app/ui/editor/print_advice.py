"""Print-size advice in the size panel: for a scan distance, the smallest print; for the size set, how far it
scans. The numbers come from :mod:`app.core.printsize` (the 10:1 rule per module, adjusted for the code's
version, contrast and light); "Use this size" sets the style's module size to the advice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QLabel, QPushButton, QWidget

from app.core.encode import QrCode, encode
from app.core.errors import QrDeskError
from app.core.printsize import PrintAdvice, advise, scan_distance
from app.core.spec import QrSpec
from app.ui.editor.model import EditorModel
from app.ui.words import QT_TRANSLATE_NOOP, length, number, style_word

UNITS_MM = {"m": 1000.0, "cm": 10.0, "ft": 304.8, "in": 25.4}
UNIT_NAMES = {"m": "m", "cm": "cm", "ft": "ft", "in": QT_TRANSLATE_NOOP("Style", "in")}


class PrintAdviceRow(QWidget):
    def __init__(self, model: EditorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.advice: PrintAdvice | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.distance = QDoubleSpinBox(minimum=0.05, maximum=500.0, decimals=2, value=1.0, singleStep=0.25)
        self.distance.setAccessibleName(self.tr("Scan distance"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Scan distance unit"))
        for unit in UNITS_MM:
            self.unit.addItem(style_word(UNIT_NAMES, unit), unit)
        self.light = QComboBox()
        self.light.setAccessibleName(self.tr("Light"))
        self.light.addItem(self.tr("good light"), "good")
        self.light.addItem(self.tr("poor light"), "poor")
        self.use = QPushButton(self.tr("Use this size"))
        self.use.setAccessibleName(self.tr("Use the advised size"))
        self.use.clicked.connect(self.apply)
        self.result = QLabel()
        self.result.setObjectName("printAdvice")
        self.result.setWordWrap(True)
        self.reach = QLabel()
        self.reach.setObjectName("printReach")
        self.reach.setWordWrap(True)
        # The button gets a row of its own: beside three inputs it was squeezed below its text in the editor's
        # column (and a translation's longer words were cut).
        grid.addWidget(self.distance, 0, 0)
        grid.addWidget(self.unit, 0, 1)
        grid.addWidget(self.light, 0, 2)
        grid.addWidget(self.result, 1, 0, 1, 3)
        grid.addWidget(self.reach, 2, 0, 1, 3)
        grid.addWidget(self.use, 3, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(0, 1)
        for signal in (self.distance.valueChanged, self.unit.currentIndexChanged, self.light.currentIndexChanged):
            signal.connect(lambda *_: self.refresh(self.model.spec))
        model.changed.connect(self.refresh)
        self.refresh(model.spec)

    @property
    def distance_mm(self) -> float:
        return self.distance.value() * UNITS_MM[self.unit.currentData()]

    def refresh(self, spec: QrSpec) -> None:
        code = _code(spec)
        if code is None:
            self.advice = None
            self.result.setText(self.tr("Print-size advice appears once there is a code."))
            self.reach.setText("")
            self.use.setEnabled(False)
            return
        lighting = self.light.currentData()
        self.advice = advise(code, spec.style, self.distance_mm, lighting)
        self.result.setText(self._sentence(self.advice) + "".join(f"; {note}" for note in self.advice.notes) + ".")
        module_mm = spec.style.module_size_mm(code.size + 2 * spec.style.quiet_zone)
        reach = scan_distance(code, spec.style, module_mm, lighting)
        self.reach.setText(self.tr("At the size set ({module} mm modules) it scans from up to {reach}.").format(
            module=number(module_mm, 2), reach=length(reach)))
        self.use.setEnabled(True)
        self.updateGeometry()  # wrapped text of another length: the form gives the row its new height

    def _sentence(self, advice: PrintAdvice) -> str:
        """What :meth:`PrintAdvice.sentence` says, in the user's language (the notes stay the core's)."""
        values = {"distance": length(advice.distance_mm), "module": number(advice.module_mm, 1),
                  "code": length(advice.symbol_mm), "total": length(advice.total_mm), "margin": advice.quiet_modules}
        if advice.lighting == "good":
            text = self.tr("To scan from {distance}: modules at least {module} mm, the code at least {code} across "
                           "({total} with its {margin}-module margin)")
        else:
            text = self.tr("To scan from {distance} in poor light: modules at least {module} mm, the code at least "
                           "{code} across ({total} with its {margin}-module margin)")
        return text.format(**values)

    def apply(self) -> None:
        if self.advice is not None:
            self.model.set_style(size=round(self.advice.module_mm, 2), size_unit="mm", size_mode="module")


def _code(spec: QrSpec) -> QrCode | None:
    try:
        data = spec.data()
        return encode(data, spec.style) if data else None
    except QrDeskError:
        return None
