"""What to draw for one code and style, decided once for every writer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

# A module import, not names: app.core.logo uses render.geometry, so either may be imported first.
from app.core import logo as logos
from app.core.encode import QrCode
from app.core.render.geometry import Shape, eye_shapes, horizontal_runs, module_shapes
from app.core.render.layout import Layout, compute_layout
from app.core.spec import RGBA, Style


@dataclass(frozen=True)
class Scene:
    """Shapes in module units. ``modules``, ``eyes`` and ``patch`` are relative to the symbol's
    top-left module (offset by ``layout.origin``); ``frame`` is relative to the whole picture."""

    code: QrCode
    style: Style
    layout: Layout
    logo: logos.LogoPlan | None
    draw: np.ndarray  # dark modules drawn with the module shape (not eyes, not under the logo)
    eyes: list[tuple[Shape, bool]]
    patch: list[Shape]  # background over function patterns inside the logo box
    frame: list[Shape]  # outer and inner outline of the border band (fill even-odd)
    fg: RGBA
    bg: RGBA
    eye: RGBA

    @cached_property
    def modules(self) -> list[Shape]:
        """Outlines of the drawn modules (vector writers; the raster writer works from ``draw``)."""
        return module_shapes(self.code.matrix, self.draw, self.style.module_shape)

    @property
    def transparent(self) -> bool:
        return self.bg[3] == 0


def eye_shape_for(code: QrCode, style: Style) -> str:
    """Micro QR keeps square eyes: with a single finder pattern, readers find the symbol's corners from
    the finder's corners, and rounded or round eyes make zxing (and phones) miss it entirely."""
    return "square" if code.micro else style.eye_shape


def build_scene(code: QrCode, style: Style) -> Scene:
    layout = compute_layout(code, style)
    logo = logos.plan_logo(code, style)
    draw = code.matrix & ~code.eye_mask
    if logo is not None:
        draw = draw & ~logo.cleared
    eyes = [pair for r, c in code.finder_origins for pair in eye_shapes(r, c, eye_shape_for(code, style))]
    patch: list[Shape] = []
    if logo is not None:
        patch = [Shape("rect", c, r, n, 1) for r, c, n in horizontal_runs(np.asarray(logo.protected))]
    frame: list[Shape] = []
    if layout.border:
        b = layout.border
        frame = [Shape("rect", 0, 0, layout.width, layout.height),
                 Shape("rect", b, b, layout.width - 2 * b, layout.height - 2 * b)]
    return Scene(code=code, style=style, layout=layout, logo=logo, draw=draw, eyes=eyes,
                 patch=patch, frame=frame, fg=style.fg_rgba, bg=style.bg_rgba, eye=style.eye_rgba)
