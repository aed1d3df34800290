"""PNG output, and the RGBA image the GUI previews and the scan check decodes.

Plain square codes (no logo, no frame) are their module grid (:mod:`app.core.render.plain`, no NumPy): a
black-on-white one is written as a 1-bit PNG, which is what keeps batch export fast, a coloured one as a
palette PNG. Anything else is drawn by :mod:`app.core.render.draw`, imported only then.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from PIL import Image

from app.core.encode import QrCode
from app.core.render.layout import module_px as layout_module_px
from app.core.render.plain import (
    PNG_COMPRESS_LEVEL,
    bilevel_png,
    checked_px,
    is_black_on_white,
    is_plain,
    palette_image,
    rgba_image,
    style_px,
)
from app.core.spec import Style


def render_image(code: QrCode, style: Style, module_px: int | None = None) -> Image.Image:
    """The code as an RGBA image, ``module_px`` pixels per module (default: from the style's size)."""
    if is_plain(code, style):
        return rgba_image(code, style, style_px(code, style, module_px))
    from app.core.render.draw import draw_scene
    from app.core.render.scene import build_scene

    scene = build_scene(code, style)
    return draw_scene(scene, checked_px(scene.layout, module_px or layout_module_px(scene.layout, style)))


def write_png(code: QrCode, style: Style, stream: BinaryIO) -> None:
    """Write a PNG carrying the style's DPI (pHYs), so printing it gives the intended size."""
    dpi = (style.dpi, style.dpi)
    if is_black_on_white(code, style):
        stream.write(bilevel_png(code, style))
        return
    if is_plain(code, style):
        image = palette_image(code, style, style_px(code, style))
    else:
        image = render_image(code, style)
        if style.bg_rgba[3] == 255 and style.fg_rgba[3] == 255 and style.eye_rgba[3] == 255:
            image = image.convert("RGB")
    image.save(stream, "PNG", dpi=dpi, compress_level=PNG_COMPRESS_LEVEL)


def png_bytes(code: QrCode, style: Style) -> bytes:
    buffer = io.BytesIO()
    write_png(code, style, buffer)
    return buffer.getvalue()
