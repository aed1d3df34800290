"""Style options shared by ``qrdesk make`` and ``qrdesk batch``: one mapping from flags to a Style."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.core.errors import SpecError
from app.core.presets import choose_preset, read_presets
from app.core.spec import (
    CHARSETS,
    ECC_LEVELS,
    EYE_SHAPES,
    MODULE_SHAPES,
    SIZE_UNITS,
    Style,
    style_from_dict,
)

# flag dest -> Style field
_FLAG_FIELDS = {
    "ecc": "ecc", "quiet_zone": "quiet_zone", "fg": "fg", "bg": "bg", "module_shape": "module_shape",
    "eye_shape": "eye_shape", "eye_color": "eye_color", "logo": "logo", "logo_scale": "logo_scale",
    "caption": "caption", "charset": "charset", "size": "size", "unit": "size_unit", "dpi": "dpi",
    "gradient": "fg_gradient", "eye_gradient": "eye_gradient",
}


def add_style_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("style")
    group.add_argument("--preset", metavar="FILE",
                       help="start from a style preset: a presets file exported by the app, or a JSON style object")
    group.add_argument("--preset-name", metavar="NAME", help="which preset of a --preset file holding several")
    group.add_argument("--ecc", type=str.upper, choices=ECC_LEVELS,
                       help="error correction level (default M; a logo forces H)")
    group.add_argument("--no-boost", action="store_true",
                       help="keep the ECC level exactly, do not raise it when the same version allows")
    group.add_argument("--quiet-zone", type=int, metavar="N", help="modules of margin (default 4)")
    group.add_argument("--fg", metavar="COLOR", help="dark colour: #rrggbb, rgb(r,g,b), rgba(...) or a name")
    group.add_argument("--bg", metavar="COLOR", help="light colour, or 'transparent'")
    group.add_argument("--module-shape", choices=MODULE_SHAPES, help="shape of data modules")
    group.add_argument("--eye-shape", choices=EYE_SHAPES, help="shape of the three finder patterns")
    group.add_argument("--eye-color", metavar="COLOR", help="colour of the finder patterns (default: --fg)")
    group.add_argument("--gradient", metavar="SPEC",
                       help="modules in a gradient: 'linear:ANGLE C1 C2...' (CSS angles: 90 = left to right) or "
                            "'radial C1 C2...'; contrast is checked at its palest point")
    group.add_argument("--eye-gradient", metavar="SPEC", help="each finder pattern in a gradient of its own")
    group.add_argument("--logo", metavar="FILE", help="PNG, JPEG or SVG placed in the centre")
    group.add_argument("--logo-scale", type=float, metavar="F", help="logo width as share of the code (0.05-0.4)")
    group.add_argument("--frame", action="store_true", default=None, help="draw a frame around the code")
    group.add_argument("--caption", metavar="TEXT", help="caption under the code (implies --frame)")
    group.add_argument("--micro", action="store_true", default=None, help="use a Micro QR code when it fits")
    group.add_argument("--charset", choices=CHARSETS,
                       help="text encoding; auto = UTF-8 with ECI for non-ASCII text (default)")
    group.add_argument("--size", type=float, metavar="N", help="size of one module (or the whole code with --total)")
    group.add_argument("--unit", choices=SIZE_UNITS, help="unit of --size (default px)")
    group.add_argument("--total", action="store_true", default=None,
                       help="--size is the whole code including quiet zone, not one module")
    group.add_argument("--dpi", type=int, help="resolution for mm/in sizes and the PNG's DPI (default 300)")


def style_from_args(args: argparse.Namespace, base: Style | None = None) -> Style:
    """``base`` (or defaults), then the preset, overlaid with every flag given; errors name the flag."""
    values: dict[str, Any] = asdict(base) if base else {}
    if getattr(args, "preset", None):
        values.update(asdict(load_preset(Path(args.preset), getattr(args, "preset_name", None))))
    elif getattr(args, "preset_name", None):
        raise SpecError("--preset-name", "needs --preset FILE")
    for dest, field in _FLAG_FIELDS.items():
        value = getattr(args, dest, None)
        if value is not None:
            values[field] = value
    if getattr(args, "no_boost", False):
        values["boost_ecc"] = False
    if getattr(args, "frame", None) or getattr(args, "caption", None):
        values["frame"] = True
    if getattr(args, "micro", None):
        values["micro"] = True
    if getattr(args, "total", None):
        values["size_mode"] = "total"
    try:
        return style_from_dict(values)
    except SpecError as exc:
        flag = "--" + exc.field.removeprefix("style.").replace("_", "-").replace("size-unit", "unit").replace(
            "fg-gradient", "gradient")
        raise SpecError(flag, exc.message) from None


def load_preset(path: Path, name: str | None = None) -> Style:
    """The preset ``name`` (or the only one) of a presets file in the app's format (:mod:`app.core.presets`)."""
    try:
        return choose_preset(read_presets(path), name, path.name)
    except SpecError as exc:
        flag = "--preset-name" if exc.field == "preset" and name is not None else "--preset"
        raise SpecError(flag, exc.message if exc.field == "preset" else f"{path.name}: {exc}") from None
