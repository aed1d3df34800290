"""Drawn codes: module and eye shapes, logos, frames, captions and gradients, rasterised with Pillow and NumPy.

Modules are whole pixels so edges stay crisp. Rounded modules and dots are assembled from 16 pre-drawn module
tiles (one per combination of rounded corners) and eyes from one tile per shape; tiles are drawn supersampled
and reduced, which anti-aliases curves without blurring straight module edges. Plain codes never come here
(:mod:`app.core.render.plain`).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.core.render.geometry import DOT_RADIUS, PILL_RADIUS, Shape, corner_flags, eye_shapes
from app.core.render.scene import Paint, Scene, eye_shape_for
from app.core.spec import RGBA

MIN_CURVE_PX = 24  # draw curves with at least this many pixels per module, then reduce


def draw_scene(scene: Scene, px: int) -> Image.Image:
    layout = scene.layout
    size = (layout.width * px, layout.height * px)
    ox, oy = layout.origin
    module_mask = np.zeros((size[1], size[0]), dtype=np.uint8)
    eye_mask = np.zeros_like(module_mask)
    n = scene.code.size
    symbol = (slice(oy * px, (oy + n) * px), slice(ox * px, (ox + n) * px))
    module_mask[symbol] = _module_mosaic(scene, px)
    for row, col in scene.code.finder_origins:
        top, left = (oy + row) * px, (ox + col) * px
        eye_mask[top:top + 7 * px, left:left + 7 * px] = _eye_tile(eye_shape_for(scene.code, scene.style), px)
    module_layer = Image.fromarray(module_mask, "L")
    eye_layer = Image.fromarray(eye_mask, "L")

    image = Image.new("RGBA", size, scene.bg)
    if scene.logo is not None:
        x, y, w, h = scene.logo.draw_box
        box = (round((ox + x) * px), round((oy + y) * px))
        logo = scene.logo.source.raster(round(w * px), round(h * px))
        layer = Image.new("RGBA", size, (0, 0, 0, 0))
        layer.paste(logo, box)
        image = Image.alpha_composite(image, layer)
        if not scene.transparent:
            patch = ImageDraw.Draw(image)
            _paint(patch, [(s, True) for s in scene.patch], ox, oy, px, fill=scene.bg)
    image = _fill_paint(image, module_layer, scene.fg_paint, layout.origin, px)
    image = _fill_paint(image, eye_layer, scene.eye_paint, layout.origin, px)
    if scene.frame or layout.caption:
        frame_mask = Image.new("L", size, 0)
        draw = ImageDraw.Draw(frame_mask)
        _paint(draw, [(scene.frame[0], True), (scene.frame[1], False)], 0, 0, px)
        if layout.caption:
            _draw_caption(draw, scene, px)
        image = _fill(image, frame_mask, scene.fg)
    return image


def _supersampling(px: int) -> int:
    return max(1, min(8, math.ceil(MIN_CURVE_PX / px)))


@lru_cache(maxsize=64)
def _module_tiles(shape: str, px: int) -> np.ndarray:
    """Anti-aliased ``px`` x ``px`` tiles for one module: index = corner flags (0..15), 16 = empty.

    Drawing every module with Pillow is slow (thousands of calls); a module's look depends only on
    which of its corners are rounded, so 16 tiles drawn once per size assemble any code with numpy.
    """
    scale = _supersampling(px)
    k = px * scale
    tiles = np.zeros((17, px, px), dtype=np.uint8)
    for index in range(16):
        tile = Image.new("L", (k, k), 0)
        if shape == "dots":
            module = Shape("circle", 0.5, 0.5, DOT_RADIUS)
        else:
            radii = tuple(PILL_RADIUS if index >> bit & 1 else 0.0 for bit in range(4))
            module = Shape("rrect" if any(radii) else "rect", 0, 0, 1, 1, radii)  # type: ignore[arg-type]
        _paint(ImageDraw.Draw(tile), [(module, True)], 0, 0, k)
        tiles[index] = np.asarray(tile.reduce(scale) if scale > 1 else tile)
    return tiles


def _module_mosaic(scene: Scene, px: int) -> np.ndarray:
    draw = scene.draw
    n = draw.shape[0]
    if scene.style.module_shape == "square":
        return np.repeat(np.repeat(draw.astype(np.uint8) * 255, px, axis=0), px, axis=1)
    flags = corner_flags(scene.code.matrix, draw)
    index = np.where(draw, flags, 16)
    tiles = _module_tiles(scene.style.module_shape, px)[index]  # (n, n, px, px)
    return tiles.transpose(0, 2, 1, 3).reshape(n * px, n * px)


@lru_cache(maxsize=64)
def _eye_tile(eye_shape: str, px: int) -> np.ndarray:
    scale = _supersampling(px) if eye_shape != "square" else 1
    k = 7 * px * scale
    tile = Image.new("L", (k, k), 0)
    _paint(ImageDraw.Draw(tile), eye_shapes(0, 0, eye_shape), 0, 0, px * scale)
    return np.asarray(tile.reduce(scale) if scale > 1 else tile)


def _fill(image: Image.Image, mask: Image.Image, color: RGBA) -> Image.Image:
    layer = Image.new("RGBA", image.size, (*color[:3], 0))
    if color[3] == 255:
        layer.putalpha(mask)
    else:
        layer.putalpha(mask.point(lambda v: v * color[3] // 255))
    return Image.alpha_composite(image, layer)


def _fill_paint(image: Image.Image, mask: Image.Image, paint: Paint, origin: tuple[int, int], px: int) -> Image.Image:
    """Fill ``mask`` with a paint: its colour, or its gradient computed per pixel over each of its boxes."""
    if paint.gradient is None:
        return _fill(image, mask, paint.colour)
    layer = np.zeros((image.height, image.width, 4), dtype=np.uint8)
    ox, oy = origin
    for bx, by, bw, bh in paint.boxes:
        left, top = round((ox + bx) * px), round((oy + by) * px)
        right, bottom = round((ox + bx + bw) * px), round((oy + by + bh) * px)
        ys, xs = np.mgrid[top:bottom, left:right].astype(np.float64) + 0.5
        t = paint.gradient.positions(left, top, right - left, bottom - top, xs, ys)
        layer[top:bottom, left:right] = np.rint(paint.gradient.at(t)).astype(np.uint8)
    layer[..., 3] = np.asarray(mask)
    return Image.alpha_composite(image, Image.fromarray(layer, "RGBA"))


def _paint(draw: ImageDraw.ImageDraw, shapes: list[tuple[Shape, bool]], ox: float, oy: float, px: float,
           fill: RGBA | int | None = None) -> None:
    for shape, filled in shapes:
        colour = (fill if fill is not None else 255) if filled else 0
        if shape.kind == "circle":
            cx, cy, r = (ox + shape.x) * px, (oy + shape.y) * px, shape.w * px
            draw.ellipse((cx - r, cy - r, cx + r - 1, cy + r - 1), fill=colour)
            continue
        x0, y0 = round((ox + shape.x) * px), round((oy + shape.y) * px)
        x1, y1 = round((ox + shape.x + shape.w) * px) - 1, round((oy + shape.y + shape.h) * px) - 1
        if shape.kind == "rect" or not any(shape.radii):
            draw.rectangle((x0, y0, x1, y1), fill=colour)
            continue
        # Pillow's rounded_rectangle cannot draw a pill whose corner circles fill the whole height, so
        # corners are cut out and replaced by quarter discs here.
        draw.rectangle((x0, y0, x1, y1), fill=colour)
        opposite = 0 if filled else 255
        for index, radius in enumerate(shape.radii):
            r = round(radius * px)
            if not r:
                continue
            right, bottom = index in (1, 2), index in (2, 3)
            cx = x1 + 1 - r if right else x0 + r
            cy = y1 + 1 - r if bottom else y0 + r
            draw.rectangle((cx if right else x0, cy if bottom else y0,
                            x1 if right else cx - 1, y1 if bottom else cy - 1), fill=opposite)
            draw.ellipse((cx - r, cy - r, cx + r - 1, cy + r - 1), fill=colour)


# Pillow's bundled font covers ASCII only; for other captions a common system font with wide coverage is
# used when there is one (searched in the system font folders by Pillow).
_WIDE_FONTS = ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "arialuni.ttf", "Arial Unicode.ttf", "arial.ttf",
               "Arial.ttf")


def caption_font(size: int, text: str) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if not text.isascii():
        for name in _WIDE_FONTS:
            try:
                return ImageFont.truetype(name, size)
            except OSError:
                continue
    return ImageFont.load_default(size)


def _draw_caption(draw: ImageDraw.ImageDraw, scene: Scene, px: int) -> None:
    layout = scene.layout
    font_px = max(4, round(layout.font_size * px))
    font = caption_font(font_px, layout.caption)
    room = layout.caption_width * px
    width = draw.textlength(layout.caption, font=font)
    if width > room:  # Pillow's bundled font is a little wider than Helvetica for some texts
        font_px = max(4, math.floor(font_px * room / width))
        font = caption_font(font_px, layout.caption)
    cx, baseline = layout.caption_centre
    draw.text((cx * px, baseline * px), layout.caption, fill=255, font=font, anchor="ms")
