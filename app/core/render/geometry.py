"""Shapes of a code in module units, shared by every writer.

Coordinates are in modules with the origin at the top-left module of the symbol (no quiet zone) and
y growing downwards. Vector writers turn the shapes into path operators (:func:`outline`); the PNG
writer draws the same shapes with Pillow, so all formats look alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from segno import consts as segno_consts

if TYPE_CHECKING:
    import numpy as np

ShapeKind = Literal["rect", "rrect", "circle"]
Radii = tuple[float, float, float, float]  # top-left, top-right, bottom-right, bottom-left

DOT_RADIUS = 0.45  # a little under half a module: dots stay apart yet cover the module centre readers sample
PILL_RADIUS = 0.5
# Cubic Bézier handle length for a quarter circle.
KAPPA = 0.5522847498


@dataclass(frozen=True)
class Shape:
    """A closed outline: an axis-aligned rectangle (optionally with rounded corners) or a circle.

    For a circle ``x, y`` is the centre and ``w`` the radius.
    """

    kind: ShapeKind
    x: float
    y: float
    w: float
    h: float = 0.0
    radii: Radii = (0.0, 0.0, 0.0, 0.0)


_RUN = re.compile(rb"[^\x00]+")


def horizontal_runs(mask: np.ndarray | Sequence[bytes]) -> Iterator[tuple[int, int, int]]:
    """Yield ``(row, start_col, length)`` for each horizontal run of set cells, row by row, left to right.

    ``mask`` is a boolean matrix or rows of one byte per cell (:attr:`app.core.encode.QrCode.rows`: no NumPy
    needed); a run is found by a regular expression over a row's bytes."""
    rows = mask if isinstance(mask, Sequence) else [row.tobytes() for row in mask.astype("u1")]
    for row, cells in enumerate(rows):
        for run in _RUN.finditer(cells):
            yield row, run.start(), run.end() - run.start()


def module_shapes(matrix: np.ndarray, draw: np.ndarray, shape: str) -> list[Shape]:
    """Shapes for the dark modules selected by ``draw`` (``matrix`` gives the neighbours for rounding).

    ``rounded`` rounds a corner only where both modules beside it are light, so touching modules
    join like pills; interior modules of a run never have a rounded corner, so runs merge into one
    shape in every style except dots.
    """
    import numpy as np  # here: a plain code's shapes come from its rows (Scene.modules)

    if shape == "dots":
        rows, cols = np.nonzero(draw)
        return [Shape("circle", c + 0.5, r + 0.5, DOT_RADIUS) for r, c in zip(rows.tolist(), cols.tolist(),
                                                                                 strict=True)]
    shapes = []
    if shape == "square":
        for row, col, length in horizontal_runs(draw):
            shapes.append(Shape("rect", col, row, length, 1))
        return shapes
    dark = np.pad(matrix & draw, 1)
    for row, col, length in horizontal_runs(draw):
        r, first, last = row + 1, col + 1, col + length  # indices into the padded matrix
        up_first, down_first = dark[r - 1, first], dark[r + 1, first]
        up_last, down_last = dark[r - 1, last], dark[r + 1, last]
        radii = (
            PILL_RADIUS if not up_first else 0.0,
            PILL_RADIUS if not up_last else 0.0,
            PILL_RADIUS if not down_last else 0.0,
            PILL_RADIUS if not down_first else 0.0,
        )
        kind: ShapeKind = "rrect" if any(radii) else "rect"
        shapes.append(Shape(kind, col, row, length, 1, radii))
    return shapes


def corner_flags(matrix: np.ndarray, draw: np.ndarray) -> np.ndarray:
    """Per module, which corners ``rounded`` rounds: bit 0 top-left, 1 top-right, 2 bottom-right,
    3 bottom-left (the same rule as :func:`module_shapes`, one module at a time)."""
    import numpy as np

    dark = np.pad(matrix & draw, 1)
    up, down = ~dark[:-2, 1:-1], ~dark[2:, 1:-1]
    left, right = ~dark[1:-1, :-2], ~dark[1:-1, 2:]
    flags: np.ndarray = ((up & left).astype(np.uint8) | ((up & right) << 1) | ((down & right) << 2)
                         | ((down & left) << 3))
    return flags.astype(np.uint8)


def eye_shapes(row: int, col: int, eye_shape: str) -> list[tuple[Shape, bool]]:
    """The finder pattern at ``(row, col)`` as ``(shape, filled)`` pairs: outer, hole (not filled), inner.

    Vector writers fill the three with the even-odd rule; the raster writer paints them in order.
    """
    x, y = float(col), float(row)
    if eye_shape == "circle":
        return [(Shape("circle", x + 3.5, y + 3.5, 3.5), True),
                (Shape("circle", x + 3.5, y + 3.5, 2.5), False),
                (Shape("circle", x + 3.5, y + 3.5, 1.5), True)]
    if eye_shape == "rounded":
        return [(Shape("rrect", x, y, 7, 7, (2.0,) * 4), True),
                (Shape("rrect", x + 1, y + 1, 5, 5, (1.2,) * 4), False),
                (Shape("rrect", x + 2, y + 2, 3, 3, (0.9,) * 4), True)]
    return [(Shape("rect", x, y, 7, 7), True), (Shape("rect", x + 1, y + 1, 5, 5), False),
            (Shape("rect", x + 2, y + 2, 3, 3), True)]


# A path operator: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y) or ("Z",); writers index it by
# position, which a variadic tuple type cannot express.
PathOp = tuple[Any, ...]


def outline(shape: Shape, dx: float = 0.0, dy: float = 0.0) -> list[PathOp]:
    """Path operators for ``shape`` moved by ``(dx, dy)``.

    Operators: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",).
    """
    if shape.kind == "circle":
        cx, cy, r = shape.x + dx, shape.y + dy, shape.w
        return _rounded_outline(cx - r, cy - r, 2 * r, 2 * r, (r, r, r, r))
    x, y = shape.x + dx, shape.y + dy
    if shape.kind == "rect":
        right, bottom = x + shape.w, y + shape.h
        return [("M", x, y), ("L", right, y), ("L", right, bottom), ("L", x, bottom), ("Z",)]
    return _rounded_outline(x, y, shape.w, shape.h, shape.radii)


def _rounded_outline(x: float, y: float, w: float, h: float, radii: Radii) -> list[PathOp]:
    tl, tr, br, bl = radii
    k = KAPPA
    ops: list[PathOp] = [("M", x + tl, y), ("L", x + w - tr, y)]
    if tr:
        ops.append(("C", x + w - tr + k * tr, y, x + w, y + tr - k * tr, x + w, y + tr))
    ops.append(("L", x + w, y + h - br))
    if br:
        ops.append(("C", x + w, y + h - br + k * br, x + w - br + k * br, y + h, x + w - br, y + h))
    ops.append(("L", x + bl, y + h))
    if bl:
        ops.append(("C", x + bl - k * bl, y + h, x, y + h - bl + k * bl, x, y + h - bl))
    ops.append(("L", x, y + tl))
    if tl:
        ops.append(("C", x, y + tl - k * tl, x + tl - k * tl, y, x + tl, y))
    ops.append(("Z",))
    # Pills (corner radii adding up to the side) leave zero-length lines between the arcs: drop them.
    kept = [ops[0]]
    for op in ops[1:]:
        if op[0] == "L" and kept[-1][-2:] == op[1:]:
            continue
        kept.append(op)
    return kept


def function_mask(size: int, version: int | str) -> np.ndarray:
    """Modules of a (non-micro) QR symbol that carry no data: finders with separators and format
    information, timing patterns, alignment patterns and version information."""
    import numpy as np

    mask = np.zeros((size, size), dtype=bool)
    if isinstance(version, str):  # Micro QR: one finder, timing along the top and left edges
        mask[:9, :9] = True
        mask[0, :] = True
        mask[:, 0] = True
        return mask
    mask[:9, :9] = True
    mask[:9, size - 8:] = True
    mask[size - 8:, :9] = True
    mask[6, :] = True
    mask[:, 6] = True
    if version >= 2:
        positions = segno_consts.ALIGNMENT_POS[version - 2]
        first, last = positions[0], positions[-1]
        skipped = {(first, first), (first, last), (last, first)}  # these would sit on a finder
        for r in positions:
            for c in positions:
                if (r, c) not in skipped:
                    mask[r - 2:r + 3, c - 2:c + 3] = True
    if version >= 7:
        mask[:6, size - 11:size - 8] = True
        mask[size - 11:size - 8, :6] = True
    return mask
