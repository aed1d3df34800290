"""Print-size advice: how large a code must be printed to scan from a distance, and how far a printed code scans.

The rule of thumb QR vendors' size guides publish is **10:1 — the scan distance is about ten times the code's
width**: 25 cm for a 2.5 cm code, 2 m for a 20 cm poster code (e.g. FarQR, "The optimal QR code scanning
distance for mobile devices", and the "scaling factor" formula *minimum size = scan distance / scaling
factor* in K. Flowers, "Optimal size for QR codes depend on a few things", 2011). Their factor of 10 assumes
good light; for dim light or shaky hands the same formula uses 6. The rule is stated for the codes people
usually make, about version 2 (25 modules across; long URLs and vCards give versions 6-11 and need larger
prints, as those guides warn); what a camera has to resolve is one *module*, so QRDesk applies it per module:

    minimum module = distance / (factor x 25)         factor 10 in good light, 6 in poor light

and the code is that many modules across (a denser code must be larger for the same distance). Two further
adjustments are QRDesk's own heuristics (the dim-light condition of :mod:`app.core.robustness` shows why):

- contrast: at 7:1 or more nothing changes; below, modules grow linearly to 1.5x at 3:1 (the least the
  scan check accepts), because a low-contrast module needs more pixels to stand out of sensor noise;
- floors: no module below 0.4 mm (ink spread and paper grain swallow smaller ones) and no QR code below
  20 mm across (phones do not focus closer than about 10 cm; the guides' business-card minimum).

The quiet zone is part of what must be kept clear: the advice states the size with 4 modules of margin (2 for
Micro QR) whatever the style's quiet zone, and says so when the style's own margin is thinner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.encode import QrCode
from app.core.errors import SpecError
from app.core.gradient import dark_colours
from app.core.spec import RGBA, Style, contrast_ratio

DISTANCE_FACTOR = {"good": 10.0, "poor": 6.0}
REFERENCE_MODULES = 25  # the rule of thumb is stated for version 2 codes
MIN_MODULE_MM = 0.4
MIN_SYMBOL_MM = {"qr": 20.0, "micro": 10.0}
FULL_CONTRAST = 7.0
LEAST_CONTRAST = 3.0
LOW_CONTRAST_GROWTH = 0.5  # modules are 1.5x larger at 3:1
_UNITS_MM = {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4, '"': 25.4, "ft": 304.8, "'": 304.8}
_DISTANCE = re.compile(r"\s*([0-9]*[.,]?[0-9]+)\s*(mm|cm|m|in|\"|ft|')\s*$", re.IGNORECASE)
WHITE: RGBA = (255, 255, 255, 255)


@dataclass(frozen=True)
class PrintAdvice:
    distance_mm: float
    lighting: str
    modules: int  # modules across the symbol
    quiet_modules: int  # margin the advice keeps clear (4, or 2 for Micro QR)
    module_mm: float  # the smallest module that scans from distance_mm
    contrast: float
    notes: tuple[str, ...] = ()

    @property
    def symbol_mm(self) -> float:
        """The code's width without margin."""
        return self.module_mm * self.modules

    @property
    def total_mm(self) -> float:
        """The code's width with its clear margin: the area to reserve on the print."""
        return self.module_mm * (self.modules + 2 * self.quiet_modules)

    def sentence(self) -> str:
        light = "" if self.lighting == "good" else " in poor light"
        return (f"to scan from {format_length(self.distance_mm)}{light}: modules at least "
                f"{self.module_mm:.1f} mm, the code at least {format_length(self.symbol_mm)} across "
                f"({format_length(self.total_mm)} with its {self.quiet_modules}-module margin)")


def parse_distance(text: str, field: str = "distance") -> float:
    """``2m``, ``150 cm``, ``6ft``, ``30in``, ``500mm`` → millimetres."""
    match = _DISTANCE.match(text or "")
    if not match:
        raise SpecError(field, f"{text!r} is not a distance; write it with a unit, e.g. 2m, 150cm, 6ft or 30in")
    value = float(match.group(1).replace(",", ".")) * _UNITS_MM[match.group(2).lower()]
    if not 10 <= value <= 500_000:
        raise SpecError(field, "must be between 1 cm and 500 m")
    return value


def format_length(mm: float) -> str:
    if mm >= 1000:
        return f"{mm / 1000:.2f} m".replace(".00 m", " m")
    if mm >= 100:
        return f"{mm / 10:.0f} cm"
    return f"{mm:.0f} mm" if mm >= 10 else f"{mm:.1f} mm"


def _over(colour: RGBA, under: RGBA) -> RGBA:
    a = colour[3] / 255
    mixed = (round(c * a + u * (1 - a)) for c, u in zip(colour[:3], under[:3], strict=True))
    return (*mixed, 255)  # type: ignore[return-value]


def worst_contrast(style: Style) -> float:
    """The lowest contrast between a dark colour (modules or eyes; a gradient at its palest point) and the
    background (on white)."""
    bg = _over(style.bg_rgba, WHITE)
    return min(contrast_ratio(_over(colour, bg), bg) for _, colour in dark_colours(style, bg))


def _contrast_growth(contrast: float) -> float:
    shortfall = (FULL_CONTRAST - contrast) / (FULL_CONTRAST - LEAST_CONTRAST)
    return 1.0 + LOW_CONTRAST_GROWTH * min(1.0, max(0.0, shortfall))


def advise(code: QrCode, style: Style, distance_mm: float, lighting: str = "good") -> PrintAdvice:
    """The smallest print of ``code`` in ``style`` that scans from ``distance_mm``."""
    factor = DISTANCE_FACTOR[lighting]
    contrast = worst_contrast(style)
    module = distance_mm / (factor * REFERENCE_MODULES) * _contrast_growth(contrast)
    notes: list[str] = []
    if _contrast_growth(contrast) > 1.0:
        notes.append(f"contrast {contrast:.1f}:1 needs {(_contrast_growth(contrast) - 1):.0%} larger modules "
                     f"than black on white")
    floor = max(MIN_MODULE_MM, MIN_SYMBOL_MM["micro" if code.micro else "qr"] / code.size)
    if module < floor:
        module = floor
        notes.append("held at the smallest size that prints and focuses reliably")
    quiet = 2 if code.micro else 4
    if style.quiet_zone < quiet:
        notes.append(f"keep {quiet} modules ({quiet * module:.1f} mm) clear around the code; its own margin is "
                     f"{style.quiet_zone}")
    return PrintAdvice(distance_mm=distance_mm, lighting=lighting, modules=code.size, quiet_modules=quiet,
                       module_mm=module, contrast=contrast, notes=tuple(notes))


def scan_distance(code: QrCode, style: Style, module_mm: float, lighting: str = "good") -> float:
    """The farthest distance (mm) a print with ``module_mm`` modules scans from (the inverse of :func:`advise`)."""
    factor = DISTANCE_FACTOR[lighting]
    return module_mm * factor * REFERENCE_MODULES / _contrast_growth(worst_contrast(style))
