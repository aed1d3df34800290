"""The QR model: what to encode (payload) and how it looks (style).

A ``QrSpec`` is a plain, immutable value that round-trips through JSON. The GUI edits one, the CLI
builds one from options, the batch builds one per row and the library stores one per item; every
output is made from a spec by :func:`app.core.encode.encode` and :mod:`app.core.render`.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Literal

from PIL import ImageColor

from app.core.errors import SpecError

if TYPE_CHECKING:
    from app.core.gradient import Gradient

EccLevel = Literal["L", "M", "Q", "H"]
ModuleShape = Literal["square", "rounded", "dots"]
EyeShape = Literal["square", "rounded", "circle"]
SizeUnit = Literal["px", "mm", "in"]
SizeMode = Literal["module", "total"]

ECC_LEVELS: tuple[str, ...] = ("L", "M", "Q", "H")
MODULE_SHAPES: tuple[str, ...] = ("square", "rounded", "dots")
EYE_SHAPES: tuple[str, ...] = ("square", "rounded", "circle")
SIZE_UNITS: tuple[str, ...] = ("px", "mm", "in")
SIZE_MODES: tuple[str, ...] = ("module", "total")
# "auto" means: plain byte mode without ECI for ASCII, UTF-8 announced by ECI otherwise, which is
# what modern phone readers decode reliably.
CHARSETS: tuple[str, ...] = ("auto", "utf-8", "iso-8859-1", "shift_jis")

# Style keys added after libraries were first synced: written only when set, so a spec without them keeps its
# content hash (sync would otherwise see every item as changed) and older QRDesk versions still read it.
OPTIONAL_STYLE_KEYS = ("fg_gradient", "eye_gradient")

MM_PER_INCH = 25.4
TRANSPARENT = "transparent"

RGBA = tuple[int, int, int, int]


def parse_color(value: str, field_name: str = "color") -> RGBA:
    """Parse ``#rgb``, ``#rrggbb``, ``#rrggbbaa``, ``rgb()``, ``rgba()``, a CSS name or ``transparent``."""
    if not isinstance(value, str) or not value.strip():  # type: ignore[redundant-expr]  # JSON gives any type
        raise SpecError(field_name, "a colour is required (e.g. #000000)")
    text = value.strip().lower()
    if text == TRANSPARENT:
        return (0, 0, 0, 0)
    try:
        rgba = ImageColor.getrgb(text)
    except ValueError:
        raise SpecError(field_name, f"{value!r} is not a colour (use #rrggbb, rgb(r,g,b) or rgba(r,g,b,a))") \
            from None
    if len(rgba) == 3:
        return (*rgba, 255)
    return rgba


def relative_luminance(rgba: RGBA) -> float:
    """WCAG 2 relative luminance of an sRGB colour (alpha ignored)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGBA, b: RGBA) -> float:
    """WCAG contrast ratio (1..21) between two colours."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Style:
    """How a code looks and how big it is; independent of what it encodes."""

    ecc: EccLevel = "M"
    boost_ecc: bool = True  # raise the level when it fits the same version (segno's boost_error)
    quiet_zone: int = 4  # modules of background around the code
    fg: str = "#000000"
    bg: str = "#ffffff"  # or "transparent"
    module_shape: ModuleShape = "square"
    eye_shape: EyeShape = "square"
    eye_color: str | None = None  # None: same as fg
    fg_gradient: str | None = None  # modules: "linear:ANGLE C1 C2..." or "radial C1 C2..." (app.core.gradient)
    eye_gradient: str | None = None  # eyes, each across its own 7 x 7 box
    logo: str | None = None  # path of a PNG, JPEG or SVG file placed in the centre
    logo_scale: float = 0.2  # logo width as a fraction of the code width (without quiet zone)
    frame: bool = False
    caption: str = ""
    micro: bool = False  # use a Micro QR code when the data fits one
    charset: str = "auto"
    size: float = 10.0  # per module or for the whole image, see size_mode
    size_unit: SizeUnit = "px"
    size_mode: SizeMode = "module"
    dpi: int = 300

    def __post_init__(self) -> None:
        _check_choice("style.ecc", self.ecc, ECC_LEVELS)
        _check_choice("style.module_shape", self.module_shape, MODULE_SHAPES)
        _check_choice("style.eye_shape", self.eye_shape, EYE_SHAPES)
        _check_choice("style.size_unit", self.size_unit, SIZE_UNITS)
        _check_choice("style.size_mode", self.size_mode, SIZE_MODES)
        _check_choice("style.charset", self.charset, CHARSETS)
        # The isinstance checks guard values read from JSON, whatever the annotations promise.
        if not isinstance(self.quiet_zone, int) or not 0 <= self.quiet_zone <= 40:  # type: ignore[redundant-expr]
            raise SpecError("style.quiet_zone", "must be a whole number of modules from 0 to 40")
        parse_color(self.fg, "style.fg")
        parse_color(self.bg, "style.bg")
        if self.eye_color is not None:
            parse_color(self.eye_color, "style.eye_color")
        for name in ("fg_gradient", "eye_gradient"):
            if getattr(self, name) is not None:
                # Imported here: it imports this module, and it needs numpy, which the sync service's image
                # (it checks records with this class) does not carry.
                from app.core.gradient import parse_gradient

                parse_gradient(getattr(self, name), f"style.{name}")
        if not isinstance(self.logo_scale, int | float) or not 0.05 <= self.logo_scale <= 0.4:  # type: ignore[redundant-expr]
            raise SpecError("style.logo_scale", "must be between 0.05 and 0.4 of the code width")
        if not isinstance(self.size, int | float) or not math.isfinite(self.size) or self.size <= 0:  # type: ignore[redundant-expr]
            raise SpecError("style.size", "must be a positive number")
        if not isinstance(self.dpi, int) or not 36 <= self.dpi <= 4800:  # type: ignore[redundant-expr]
            raise SpecError("style.dpi", "must be a whole number from 36 to 4800")
        if len(self.caption) > 200:
            raise SpecError("style.caption", "is longer than 200 characters")
        if self.micro and self.logo:
            raise SpecError("style.logo", "a Micro QR code has no room for a logo")

    @property
    def fg_rgba(self) -> RGBA:
        return parse_color(self.fg)

    @property
    def bg_rgba(self) -> RGBA:
        return parse_color(self.bg)

    @property
    def eye_rgba(self) -> RGBA:
        return parse_color(self.eye_color) if self.eye_color else self.fg_rgba

    def gradient(self, part: str) -> Gradient | None:
        """The parsed gradient of ``part``: "fg" (modules) or "eye"."""
        from app.core.gradient import parse_gradient

        text = self.fg_gradient if part == "fg" else self.eye_gradient
        return parse_gradient(text, f"style.{part}_gradient") if text else None

    def module_size_mm(self, width_modules: int) -> float:
        """Size of one module in millimetres, for a code ``width_modules`` wide incl. quiet zone."""
        size_mm = self._to_mm(self.size)
        return size_mm / width_modules if self.size_mode == "total" else size_mm

    def module_size_px(self, width_modules: int) -> int:
        """Whole pixels per module (PNG keeps modules crisp, so a total size is an upper bound)."""
        if self.size_unit == "px":
            px = self.size / width_modules if self.size_mode == "total" else self.size
        else:
            px = self.module_size_mm(width_modules) / MM_PER_INCH * self.dpi
        return max(1, math.floor(px + 1e-9))

    def _to_mm(self, value: float) -> float:
        if self.size_unit == "mm":
            return value
        if self.size_unit == "in":
            return value * MM_PER_INCH
        return value / self.dpi * MM_PER_INCH


@dataclass(frozen=True)
class QrSpec:
    """A payload (``kind`` + ``fields``) and a :class:`Style`.

    ``kind`` is one of :data:`app.core.payloads.PAYLOAD_KINDS`; ``fields`` are that kind's form fields as
    strings (e.g. ``{"ssid": ..., "password": ...}`` for ``wifi``).
    """

    kind: str = "text"
    fields: dict[str, str] = field(default_factory=dict)
    style: Style = field(default_factory=Style)

    def data(self) -> str:
        """The exact string the code encodes."""
        from app.core.payloads import build_payload

        return build_payload(self.kind, self.fields)

    def with_style(self, **changes: Any) -> QrSpec:
        return replace(self, style=replace(self.style, **changes))

    def to_dict(self) -> dict[str, Any]:
        style = asdict(self.style)
        for key in OPTIONAL_STYLE_KEYS:
            if style[key] is None:
                del style[key]
        return {"kind": self.kind, "fields": dict(self.fields), "style": style}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, raw: Any) -> QrSpec:
        if not isinstance(raw, dict):
            raise SpecError("spec", "must be a JSON object")
        kind = raw.get("kind", "text")
        if not isinstance(kind, str):
            raise SpecError("kind", "must be a string")
        raw_fields = raw.get("fields", {})
        if not isinstance(raw_fields, dict) or not all(isinstance(k, str) for k in raw_fields):
            raise SpecError("fields", "must be an object of strings")
        clean_fields = {k: "" if v is None else str(v) for k, v in raw_fields.items()}
        return cls(kind=kind, fields=clean_fields, style=style_from_dict(raw.get("style", {})))

    @classmethod
    def from_json(cls, text: str) -> QrSpec:
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError("spec", f"is not valid JSON ({exc.msg} at line {exc.lineno})") from None
        return cls.from_dict(raw)

    @classmethod
    def text(cls, data: str, style: Style | None = None) -> QrSpec:
        return cls(kind="text", fields={"text": data}, style=style or Style())


_STYLE_FIELDS = {f.name: f for f in fields(Style)}


def style_from_dict(raw: Any) -> Style:
    """Build a :class:`Style` from a JSON object, naming the first bad or unknown key."""
    if not isinstance(raw, dict):
        raise SpecError("style", "must be a JSON object")
    unknown = sorted(set(raw) - set(_STYLE_FIELDS))
    if unknown:
        raise SpecError(f"style.{unknown[0]}", "is not a style option")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        default = _STYLE_FIELDS[name].default
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise SpecError(f"style.{name}", "must be true or false")
        elif isinstance(default, int) and not isinstance(default, bool):
            if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
                raise SpecError(f"style.{name}", "must be a whole number")
            value = int(value)
        elif isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise SpecError(f"style.{name}", "must be a number")
            value = float(value)
        elif value is not None and not isinstance(value, str):
            raise SpecError(f"style.{name}", "must be a string")
        values[name] = value
    return Style(**values)


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise SpecError(name, f"{value!r} is not one of {', '.join(choices)}")
