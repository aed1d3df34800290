"""Shape geometry shared by the writers: runs, pill rounding, eyes and function patterns."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.encode import encode
from app.core.render.geometry import eye_shapes, function_mask, horizontal_runs, module_shapes, outline
from app.core.render.scene import build_scene
from app.core.spec import Style


def test_horizontal_runs() -> None:
    mask = np.array([[1, 1, 0, 1], [0, 0, 0, 0], [1, 1, 1, 1]], dtype=bool)
    assert list(horizontal_runs(mask)) == [(0, 0, 2), (0, 3, 1), (2, 0, 4)]


def test_rounded_corners_only_where_both_neighbours_are_light() -> None:
    matrix = np.array([
        [0, 0, 0, 0, 0],
        [0, 1, 1, 1, 0],
        [0, 0, 0, 1, 0],
        [0, 1, 0, 0, 0],
    ], dtype=bool)
    shapes = module_shapes(matrix, matrix, "rounded")
    by_row = {(s.y, s.x): s for s in shapes}
    top = by_row[(1, 1)]
    assert (top.w, top.h) == (3, 1)
    # left end: nothing above or below -> both left corners round; right end has a module below it
    assert top.radii == (0.5, 0.5, 0.0, 0.5)
    below = by_row[(2, 3)]
    assert below.radii == (0.0, 0.0, 0.5, 0.5)  # joined to the run above: flat top
    lone = by_row[(3, 1)]
    assert lone.radii == (0.5,) * 4  # a lone module becomes a disc


def test_square_and_dots() -> None:
    matrix = np.eye(3, dtype=bool)
    assert [s.kind for s in module_shapes(matrix, matrix, "square")] == ["rect"] * 3
    dots = module_shapes(matrix, matrix, "dots")
    assert [(s.kind, s.x, s.y) for s in dots] == [("circle", i + 0.5, i + 0.5) for i in range(3)]


@pytest.mark.parametrize("eye", ["square", "rounded", "circle"])
def test_eye_is_ring_and_centre(eye: str) -> None:
    parts = eye_shapes(0, 10, eye)
    assert [filled for _, filled in parts] == [True, False, True]
    for shape, _ in parts:
        ops = outline(shape)
        assert ops[0][0] == "M" and ops[-1] == ("Z",)


@pytest.mark.parametrize(("version", "data_modules"), [(1, 208), (2, 359), (6, 1383), (7, 1568), (14, 4651),
                                                       (40, 29648)])
def test_function_mask_leaves_exactly_the_data_modules(version: int, data_modules: int) -> None:
    size = 17 + 4 * version
    assert int((~function_mask(size, version)).sum()) == data_modules  # ISO/IEC 18004 Table 1


def test_scene_never_draws_modules_under_eyes_twice() -> None:
    code = encode("hello world", Style())
    scene = build_scene(code, Style(module_shape="rounded"))
    covered = np.zeros_like(code.matrix)
    for shape in scene.modules:
        covered[int(shape.y), int(shape.x):int(shape.x + shape.w)] = True
    assert not (covered & code.eye_mask).any()
    assert np.array_equal(covered, code.matrix & ~code.eye_mask)


def test_micro_qr_keeps_square_eyes() -> None:
    style = Style(micro=True, eye_shape="circle")
    code = encode("123", style)
    assert code.micro
    assert {shape.kind for shape, _ in build_scene(code, style).eyes} == {"rect"}
