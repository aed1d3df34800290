"""Plain codes (square modules and eyes in flat colours, no logo, no frame) straight from the module rows.

A plain code is just its module grid blown up to whole pixels: nothing needs drawing, and nothing here needs
NumPy. The rows (:attr:`~app.core.encode.QrCode.rows`, one byte per module) are mapped to pixel values with
``bytes.translate`` and scaled by Pillow (nearest neighbour at a whole factor is exact). This is the path of
every plain PNG (a batch's hot path) and of the scan check's image of a plain code, so a one-code ``qrdesk
make`` never imports NumPy.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

from PIL import Image

from app.core.encode import QrCode
from app.core.errors import RenderError
from app.core.render.layout import Layout, compute_layout
from app.core.render.layout import module_px as layout_module_px
from app.core.spec import Style

PNG_COMPRESS_LEVEL = 1  # codes are mostly flat colour: level 1 is nearly as small and several times faster
MAX_PIXELS = 150_000_000  # beyond this a code is a poster: vector output is the right tool


def is_plain(code: QrCode, style: Style) -> bool:
    """Square modules and eyes in flat colours, no logo, no frame: the code is just its module grid."""
    return (style.module_shape == "square" and (style.eye_shape == "square" or code.micro)
            and not style.logo and not style.frame and not style.fg_gradient and not style.eye_gradient)


def is_black_on_white(code: QrCode, style: Style) -> bool:
    return (is_plain(code, style) and style.bg_rgba == (255, 255, 255, 255)
            and style.fg_rgba == (0, 0, 0, 255) and style.eye_rgba == style.fg_rgba)


def checked_px(layout: Layout, px: int) -> int:
    """``px`` pixels per module, unless the picture would be unreasonably large (then a clear error)."""
    pixels = layout.width * layout.height * px * px
    if pixels > MAX_PIXELS:
        side = f"{layout.width * px} x {layout.height * px}"
        raise RenderError(f"the image would be {side} pixels, more than {MAX_PIXELS // 1_000_000} million; "
                          "lower the size or the DPI, or export SVG or PDF")
    return px


def style_px(code: QrCode, style: Style, module_px: int | None = None) -> int:
    """``module_px``, or else the pixels per module the style's size asks for (checked either way)."""
    layout = compute_layout(code, style)
    return checked_px(layout, module_px or layout_module_px(layout, style))


def grid_image(code: QrCode, style: Style, px: int, values: tuple[int, int, int], mode: str = "L") -> Image.Image:
    """The code with its quiet zone as a one-byte-per-pixel image (mode ``L`` or ``P``), ``px`` pixels per
    module: ``values`` are the pixel values of the background, the modules and the eyes' dark modules."""
    background, dark, eye = values
    table = bytes((background, dark)) + bytes(254)
    rows = [row.translate(table) for row in code.rows]
    if eye != dark:
        eye_table = bytes((background, eye)) + bytes(254)
        for top, left in code.finder_origins:
            for r in range(top, top + 7):
                row = code.rows[r]
                rows[r] = rows[r][:left] + row[left:left + 7].translate(eye_table) + rows[r][left + 7:]
    n, quiet = code.size, style.quiet_zone
    symbol = Image.frombytes(mode, (n, n), b"".join(rows))
    side = n + 2 * quiet
    image = Image.new(mode, (side, side), background)
    image.paste(symbol, (quiet, quiet))
    return image if px == 1 else image.resize((side * px, side * px), Image.Resampling.NEAREST)


def _values(style: Style) -> tuple[int, int, int]:
    """Palette indices: 0 background, 1 modules, 2 eyes (1 when the eyes look like the modules)."""
    return 0, 1, 2 if style.eye_rgba != style.fg_rgba else 1


def palette_image(code: QrCode, style: Style, px: int) -> Image.Image:
    """A palette image (``P``) with the style's three colours; their alpha as the ``transparency`` entry."""
    bg, fg, eye = style.bg_rgba, style.fg_rgba, style.eye_rgba
    image = grid_image(code, style, px, _values(style), "P")
    image.putpalette([channel for colour in (bg, fg, eye) for channel in colour[:3]], "RGB")
    alphas = bytes(colour[3] for colour in (bg, fg, eye))
    if alphas != b"\xff\xff\xff":
        image.info["transparency"] = alphas
    return image


def rgba_image(code: QrCode, style: Style, px: int) -> Image.Image:
    """The code as an RGBA image (what :func:`app.core.render.render_image` returns for a plain code)."""
    image = grid_image(code, style, px, _values(style), "P")
    image.putpalette([channel for colour in (style.bg_rgba, style.fg_rgba, style.eye_rgba) for channel in colour],
                     "RGBA")
    return image.convert("RGBA")


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


@lru_cache(maxsize=16)
def _widened(px: int) -> tuple[bytes, ...]:
    """Per byte value (8 pixels, most significant bit first): the ``px`` bytes with every bit ``px`` times."""
    return tuple(int("".join(("1" if value >> (7 - bit) & 1 else "0") * px for bit in range(8)), 2)
                 .to_bytes(px, "big") for value in range(256))


_LIGHT_BIT = bytes((ord("1"), ord("0"))) + bytes(254)  # module byte (1 = dark) -> PNG bit as text (1 = white)


def bilevel_png(code: QrCode, style: Style) -> bytes:
    """A black-on-white code as a 1-bit greyscale PNG, straight from the module rows.

    This is the batch hot path. Pillow's PNG encoder spends most of its time choosing row filters, which
    buys nothing for a bilevel image; here every row is unfiltered and each module row is packed once and
    repeated ``px`` times. The bits of all module rows are packed in one go (a binary number read from
    text), then widened ``px`` times by table, as fast as doing it with NumPy.
    """
    px = style_px(code, style)
    quiet = style.quiet_zone
    side = code.size + 2 * quiet
    stride = (side * px + 7) // 8
    pad = b"0" * (-side % 8)  # each row to whole bytes; PNG ignores the padding bits
    margin = b"1" * quiet
    light_row = b"1" * side + pad
    text = b"".join([light_row * quiet, *(margin + row.translate(_LIGHT_BIT) + margin + pad for row in code.rows),
                     light_row * quiet])
    wide = b"".join(map(_widened(px).__getitem__, int(text, 2).to_bytes(len(text) // 8, "big")))
    per_row = len(wide) // side
    raw = b"".join([(b"\0" + wide[start:start + stride]) * px  # filter type 0, each row px times
                    for start in range(0, len(wide), per_row)])
    per_metre = round(style.dpi / 0.0254)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", struct.pack(">IIBBBBB", side * px, side * px, 1, 0, 0, 0, 0)),
        _png_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
        _png_chunk(b"IDAT", zlib.compress(raw, PNG_COMPRESS_LEVEL)),
        _png_chunk(b"IEND", b""),
    ))
