"""JPEG, WebP and TIFF output: the image the PNG writer draws, saved by Pillow.

- JPEG has no transparency, so a see-through background becomes white; quality 95 without chroma
  subsampling keeps coloured module edges from bleeding (the scan check decodes the file as written).
- WebP is written lossless: codes are flat colour, so lossless is both exact and small; it keeps alpha.
- TIFF is what print and layout tools ask for: a black-on-white code is a 1-bit CCITT Group 4 file (tiny,
  crisp at any DPI), anything else deflate-compressed RGB(A). Both carry the style's DPI.
"""

from __future__ import annotations

from typing import BinaryIO

from PIL import Image

from app.core.encode import QrCode
from app.core.render.plain import is_black_on_white
from app.core.render.png import render_image
from app.core.spec import Style

JPEG_QUALITY = 95


def _opaque(image: Image.Image) -> Image.Image:
    if image.mode != "RGBA":
        return image.convert("RGB")
    flat = Image.new("RGBA", image.size, (255, 255, 255, 255))
    flat.alpha_composite(image)
    return flat.convert("RGB")


def _keeps_alpha(image: Image.Image) -> Image.Image:
    if image.mode == "RGBA" and image.getchannel("A").getextrema()[0] == 255:
        return image.convert("RGB")
    return image


def write_jpeg(code: QrCode, style: Style, stream: BinaryIO) -> None:
    image = _opaque(render_image(code, style))
    image.save(stream, "JPEG", quality=JPEG_QUALITY, subsampling=0, dpi=(style.dpi, style.dpi))


def write_webp(code: QrCode, style: Style, stream: BinaryIO) -> None:
    image = _keeps_alpha(render_image(code, style))
    image.save(stream, "WEBP", lossless=True, quality=100, method=4)


def write_tiff(code: QrCode, style: Style, stream: BinaryIO) -> None:
    dpi = (style.dpi, style.dpi)
    if is_black_on_white(code, style):
        render_image(code, style).convert("1").save(stream, "TIFF", compression="group4", dpi=dpi)
        return
    _keeps_alpha(render_image(code, style)).save(stream, "TIFF", compression="tiff_deflate", dpi=dpi)
