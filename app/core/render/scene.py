"""What to draw for one code and style, decided once for every writer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from app.core.encode import QrCode
from app.core.gradient import Gradient
from app.core.render.geometry import Shape, eye_shapes, horizontal_runs, module_shapes
from app.core.render.layout import Layout, compute_layout
from app.core.spec import RGBA, Style

if TYPE_CHECKING:
    import numpy as np

    from app.core.logo import LogoPlan

Box = tuple[float, float, float, float]  # x, y, width, height in modules, relative to the symbol's top-left


@dataclass(frozen=True)
class Paint:
    """How a group of shapes is filled: a solid colour, or a gradient spanning each of ``boxes``.

    Modules have one box (the symbol); eyes with a gradient of their own have one box per eye (so
    ``Scene.eye_groups`` pairs with ``boxes``); eyes without a colour of their own share the modules' paint."""

    colour: RGBA
    gradient: Gradient | None = None
    boxes: tuple[Box, ...] = ()


@dataclass(frozen=True)
class Scene:
    """Shapes in module units. ``modules``, ``eyes`` and ``patch`` are relative to the symbol's
    top-left module (offset by ``layout.origin``); ``frame`` is relative to the whole picture."""

    code: QrCode
    style: Style
    layout: Layout
    logo: LogoPlan | None
    eyes: list[tuple[Shape, bool]]
    patch: list[Shape]  # background over function patterns inside the logo box
    frame: list[Shape]  # outer and inner outline of the border band (fill even-odd)
    fg: RGBA
    bg: RGBA
    eye: RGBA
    fg_paint: Paint
    eye_paint: Paint

    @property
    def eye_groups(self) -> list[list[Shape]]:
        """The eyes' outlines, one list (outer, hole, inner) per eye."""
        shapes = [shape for shape, _ in self.eyes]
        return [shapes[i:i + 3] for i in range(0, len(shapes), 3)]

    @cached_property
    def draw(self) -> np.ndarray:
        """Dark modules drawn with the module shape (not eyes, not under the logo), as a boolean matrix."""
        draw: np.ndarray = self.code.matrix & ~self.code.eye_mask
        return draw if self.logo is None else draw & ~self.logo.cleared

    @cached_property
    def modules(self) -> list[Shape]:
        """Outlines of the drawn modules (vector writers; the raster writer works from ``draw``). Square
        modules of a code without a logo are runs along its rows, found without NumPy."""
        if self.style.module_shape == "square" and self.logo is None:
            return [Shape("rect", col, row, length, 1) for row, col, length in horizontal_runs(_rows_without_eyes(
                self.code))]
        return module_shapes(self.code.matrix, self.draw, self.style.module_shape)

    @property
    def transparent(self) -> bool:
        return self.bg[3] == 0


def eye_shape_for(code: QrCode, style: Style) -> str:
    """Micro QR keeps square eyes: with a single finder pattern, readers find the symbol's corners from
    the finder's corners, and rounded or round eyes make zxing (and phones) miss it entirely."""
    return "square" if code.micro else style.eye_shape


def _rows_without_eyes(code: QrCode) -> list[bytes]:
    """The code's rows with the finder patterns (drawn as eyes) blanked."""
    rows = list(code.rows)
    for top, left in code.finder_origins:
        for r in range(top, top + 7):
            rows[r] = rows[r][:left] + bytes(7) + rows[r][left + 7:]
    return rows


def build_scene(code: QrCode, style: Style) -> Scene:
    layout = compute_layout(code, style)
    logo = None
    if style.logo:  # the logo module needs NumPy; a code without a logo is drawn without it
        from app.core.logo import plan_logo

        logo = plan_logo(code, style)
    eyes = [pair for r, c in code.finder_origins for pair in eye_shapes(r, c, eye_shape_for(code, style))]
    patch: list[Shape] = []
    if logo is not None:
        patch = [Shape("rect", c, r, n, 1) for r, c, n in horizontal_runs(logo.protected)]
    frame: list[Shape] = []
    if layout.border:
        b = layout.border
        frame = [Shape("rect", 0, 0, layout.width, layout.height),
                 Shape("rect", b, b, layout.width - 2 * b, layout.height - 2 * b)]
    fg_paint, eye_paint = paints(code, style)
    return Scene(code=code, style=style, layout=layout, logo=logo, eyes=eyes,
                 patch=patch, frame=frame, fg=style.fg_rgba, bg=style.bg_rgba, eye=style.eye_rgba,
                 fg_paint=fg_paint, eye_paint=eye_paint)


def paints(code: QrCode, style: Style) -> tuple[Paint, Paint]:
    """The modules' and the eyes' paint. Eyes without a colour or gradient of their own take the modules'
    gradient across the whole symbol, so the two read as one picture."""
    n = float(code.size)
    fg_gradient = style.gradient("fg")
    fg = Paint(style.fg_rgba, fg_gradient, ((0.0, 0.0, n, n),) if fg_gradient else ())
    eye_gradient = style.gradient("eye")
    if eye_gradient is not None:
        boxes = tuple((float(c), float(r), 7.0, 7.0) for r, c in code.finder_origins)
        return fg, Paint(style.eye_rgba, eye_gradient, boxes)
    if style.eye_color is None:
        return fg, Paint(style.eye_rgba, fg.gradient, fg.boxes)
    return fg, Paint(style.eye_rgba)
