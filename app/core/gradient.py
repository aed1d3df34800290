"""Gradients for modules and eyes: ``linear:ANGLE COLOR COLOR...`` or ``radial COLOR COLOR...``.

Angles follow CSS: 0 runs bottom to top, 90 left to right. A linear gradient spans its box (the symbol for
modules, each eye's 7 x 7 box for eyes) along the angle like CSS's ``linear-gradient``; a radial one runs from
the box's centre to its corners (CSS's ``farthest-corner``). Stops are spaced evenly and blended in sRGB,
which is what SVG, PDF (DeviceRGB/DeviceCMYK axial and radial shadings) and the raster writer all do, so
every format shows the same colours.

A scanner sees the palest point of a gradient as well as the darkest, so contrast is checked at the worst
point along it (:func:`worst_colour`), not at its average.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from app.core.errors import SpecError

if TYPE_CHECKING:
    import numpy as np

    from app.core.spec import Style

RGBA = tuple[int, int, int, int]
Kind = Literal["linear", "radial"]
SAMPLES = 257  # points along a gradient where contrast is checked


@dataclass(frozen=True)
class Gradient:
    kind: Kind
    angle: float  # degrees, CSS convention; unused for radial
    stops: tuple[RGBA, ...]

    @property
    def text(self) -> str:
        """The canonical spelling (what a Style stores)."""
        head = f"linear:{self.angle:g}" if self.kind == "linear" else "radial"
        return " ".join([head, *(_hex(c) for c in self.stops)])

    def at(self, t: np.ndarray) -> np.ndarray:
        """RGBA (float) at positions ``t`` in 0..1 along the gradient, shape ``t.shape + (4,)``."""
        import numpy as np  # here, not at the top: checking a plain code's colours needs no NumPy

        stops = np.array(self.stops, dtype=np.float64)
        where = np.linspace(0.0, 1.0, len(stops))
        t = np.clip(t, 0.0, 1.0)
        return np.stack([np.interp(t, where, stops[:, i]) for i in range(4)], axis=-1)

    def line(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        """Start and end (x0, y0, x1, y1) of a linear gradient over a box, y down (CSS's gradient line)."""
        a = math.radians(self.angle)
        dx, dy = math.sin(a), -math.cos(a)
        half = (abs(w * dx) + abs(h * dy)) / 2
        cx, cy = x + w / 2, y + h / 2
        return cx - dx * half, cy - dy * half, cx + dx * half, cy + dy * half

    def radius(self, w: float, h: float) -> float:
        return math.hypot(w, h) / 2

    def positions(self, x: float, y: float, w: float, h: float, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """Position 0..1 along the gradient of points (xs, ys) for a gradient spanning the given box."""
        import numpy as np

        if self.kind == "radial":
            return np.hypot(xs - (x + w / 2), ys - (y + h / 2)) / self.radius(w, h)
        x0, y0, x1, y1 = self.line(x, y, w, h)
        vx, vy = x1 - x0, y1 - y0
        return ((xs - x0) * vx + (ys - y0) * vy) / (vx * vx + vy * vy)


def _hex(colour: RGBA) -> str:
    text = f"#{colour[0]:02x}{colour[1]:02x}{colour[2]:02x}"
    return text + (f"{colour[3]:02x}" if colour[3] != 255 else "")


def parse_gradient(text: str, field: str) -> Gradient:
    """``linear:45 #1a237e #00897b``, ``linear #000 #444`` (angle 180: top to bottom) or ``radial #c00 #300``."""
    from app.core.spec import parse_color

    tokens = text.split()
    if not tokens:
        raise SpecError(field, "is empty; write e.g. 'linear:45 #1a237e #00897b' or 'radial #c62828 #1a237e'")
    head, _, angle_text = tokens[0].lower().partition(":")
    if head not in ("linear", "radial"):
        raise SpecError(field, f"{tokens[0]!r} is not linear or radial (e.g. 'linear:45 #1a237e #00897b')")
    angle = 180.0
    if angle_text:
        if head == "radial":
            raise SpecError(field, "a radial gradient has no angle")
        try:
            angle = float(angle_text.removesuffix("deg")) % 360
        except ValueError:
            raise SpecError(field, f"{angle_text!r} is not an angle in degrees") from None
    if not 2 <= len(tokens) - 1 <= 8:
        raise SpecError(field, "needs 2 to 8 colours")
    stops = tuple(parse_color(token, field) for token in tokens[1:])
    if any(stop[3] != 255 for stop in stops):
        raise SpecError(field, "gradient colours must be opaque (PDF shadings have no transparency)")
    return Gradient(head, angle, stops)  # type: ignore[arg-type]


def worst_colour(gradient: Gradient, background: RGBA) -> RGBA:
    """The colour along the gradient (composited on ``background``) with the least contrast against it."""
    import numpy as np

    from app.core.spec import contrast_ratio

    samples = gradient.at(np.linspace(0.0, 1.0, SAMPLES))
    alpha = samples[:, 3:] / 255
    seen = np.rint(samples[:, :3] * alpha + np.array(background[:3]) * (1 - alpha)).astype(int)
    colours: list[RGBA] = [(int(r), int(g), int(b), 255) for r, g, b in seen]
    return min(colours, key=lambda c: contrast_ratio(c, background))


def dark_colours(style: Style, background: RGBA) -> list[tuple[str, RGBA]]:
    """("foreground" | "eye", colour) pairs to check against ``background``: a flat colour as it is, a gradient
    at its palest point. Eyes are left out when they look exactly like the modules."""
    fg_gradient, eye_gradient = style.gradient("fg"), style.gradient("eye")
    fg = worst_colour(fg_gradient, background) if fg_gradient else style.fg_rgba
    out = [("foreground", fg)]
    if eye_gradient is not None:
        out.append(("eye", worst_colour(eye_gradient, background)))
    elif style.eye_color is not None and style.eye_rgba != style.fg_rgba:
        out.append(("eye", style.eye_rgba))
    return out
