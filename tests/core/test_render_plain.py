"""Plain codes are drawn from their module rows without NumPy (app.core.render.plain, Scene.modules): every
pixel of the PNG, of the preview image and of the scan check's image is the colour of its module, and the
vector writers' square modules cover exactly the dark modules outside the eyes, each worked out here from the
matrix with NumPy (an independent way to the same picture), for any size, quiet zone, colours and Micro QR."""

from __future__ import annotations

import io

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from app.core import verify
from app.core.encode import QrCode, encode
from app.core.render import render_bytes, render_image
from app.core.render.plain import is_black_on_white
from app.core.render.scene import build_scene
from app.core.spec import Style

inks = st.sampled_from(["#000000", "#1a237e", "#c62828", "#00000080"])
papers = st.sampled_from(["#ffffff", "#fff8e1", "#e0f7fa80", "transparent"])
styles = st.builds(Style, quiet_zone=st.integers(0, 6), size=st.integers(1, 7), fg=inks, bg=papers,
                   eye_color=st.one_of(st.none(), inks), micro=st.booleans())
texts = st.one_of(st.text(min_size=1, max_size=200), st.from_regex(r"[0-9]{1,30}", fullmatch=True))


def expected_rgba(code: QrCode, style: Style, px: int) -> np.ndarray:
    """(height, width, 4): each module's colour, blown up to px x px, on the quiet zone's background."""
    parts = np.where(code.matrix, np.where(code.eye_mask, 2, 1), 0)
    parts = np.pad(parts, style.quiet_zone)
    palette = np.array([style.bg_rgba, style.fg_rgba, style.eye_rgba], dtype=np.uint8)
    return np.kron(palette[parts], np.ones((px, px, 1), dtype=np.uint8))


def as_rgba(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGBA"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, style=styles)
def test_every_pixel_is_its_modules_colour(text: str, style: Style) -> None:
    code = encode(text, style)
    px = int(style.size)
    want = expected_rgba(code, style, px)
    png = Image.open(io.BytesIO(render_bytes(code, style, "png")))
    assert png.size == (want.shape[1], want.shape[0])
    assert png.mode == ("1" if is_black_on_white(code, style) else "P")
    np.testing.assert_array_equal(as_rgba(png), want)
    np.testing.assert_array_equal(as_rgba(render_image(code, style)), want)
    np.testing.assert_array_equal(as_rgba(render_image(code, style, 2)), expected_rgba(code, style, 2))


@settings(max_examples=30, deadline=None)
@given(text=texts, style=styles)
def test_the_scan_checks_image_has_every_module_in_place(text: str, style: Style) -> None:
    """The check decodes a greyscale image of the code: each module's grey (the colours as seen over white, the
    check's own arithmetic, which did not change) must sit at the module's place, 3 px per module."""
    code = encode(text, style)
    paper = verify._over(style.bg_rgba, verify.WHITE)
    greys = [verify._grey(verify._over(colour, paper)) for colour in (style.bg_rgba, style.fg_rgba, style.eye_rgba)]
    parts = np.pad(np.where(code.matrix, np.where(code.eye_mask, 2, 1), 0), style.quiet_zone)
    want = np.kron(np.array(greys, dtype=np.uint8)[parts], np.ones((verify.CHECK_PX_PLAIN,) * 2, dtype=np.uint8))
    got = verify._check_image(code, style)
    assert got.mode == "L"
    np.testing.assert_array_equal(np.asarray(got), want)


@settings(max_examples=40, deadline=None)
@given(text=texts, micro=st.booleans())
def test_square_modules_are_the_maximal_runs_of_dark_modules_outside_the_eyes(text: str, micro: bool) -> None:
    style = Style(micro=micro)
    code = encode(text, style)
    wanted = code.matrix & ~code.eye_mask
    covered = np.zeros_like(wanted)
    for shape in build_scene(code, style).modules:
        row, left, right = int(shape.y), int(shape.x), int(shape.x + shape.w)
        assert shape.kind == "rect" and shape.h == 1 and shape.w >= 1
        assert not covered[row, left:right].any()  # no module twice
        covered[row, left:right] = True
        assert left == 0 or not wanted[row, left - 1]  # a run is never split
        assert right == code.size or not wanted[row, right]
    np.testing.assert_array_equal(covered, wanted)
