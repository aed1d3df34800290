"""Writers that turn an encoded :class:`~app.core.encode.QrCode` into files (segno's split).

Every writer takes the code, the style and a binary stream; :func:`render` picks one from
:data:`WRITERS` by format and accepts a path or a stream. All writers share
:mod:`app.core.render.layout` and :mod:`app.core.render.scene`, so formats agree on size and shapes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from app.core.encode import QrCode
from app.core.errors import RenderError
from app.core.render.eps import write_eps
from app.core.render.pdf import write_pdf, write_pdf_cmyk
from app.core.render.png import render_image as _render_image
from app.core.render.png import write_png
from app.core.render.raster import write_jpeg, write_tiff, write_webp
from app.core.render.svg import write_svg
from app.core.render.terminal import write_txt
from app.core.spec import Style

Writer = Callable[[QrCode, Style, BinaryIO], None]

WRITERS: dict[str, Writer] = {"png": write_png, "svg": write_svg, "pdf": write_pdf, "eps": write_eps,
                              "jpeg": write_jpeg, "webp": write_webp, "tiff": write_tiff, "txt": write_txt,
                              "pdf-cmyk": write_pdf_cmyk}
FORMATS: tuple[str, ...] = tuple(WRITERS)
# File name suffix per format (a CMYK PDF is still a .pdf).
SUFFIXES: dict[str, str] = {fmt: "." + fmt.partition("-")[0] for fmt in WRITERS}


def _writer(fmt: str) -> Writer:
    try:
        return WRITERS[fmt.lower()]
    except (KeyError, AttributeError):
        raise RenderError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}") from None


def render(code: QrCode, style: Style, fmt: str, target: str | os.PathLike[str] | BinaryIO) -> None:
    """Write ``code`` as ``fmt`` to a path or a binary stream.

    A path is written only after the whole output exists in memory, so a failure never leaves a
    truncated file behind.
    """
    writer = _writer(fmt)
    if isinstance(target, str | os.PathLike):
        buffer = io.BytesIO()
        writer(code, style, buffer)
        path = Path(target)
        try:
            path.write_bytes(buffer.getvalue())
        except OSError as exc:
            raise RenderError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    writer(code, style, target)


def render_bytes(code: QrCode, style: Style, fmt: str) -> bytes:
    buffer = io.BytesIO()
    _writer(fmt)(code, style, buffer)
    return buffer.getvalue()


def render_image(code: QrCode, style: Style, module_px: int | None = None) -> Image.Image:
    """The code as an RGBA Pillow image (what the preview shows and the scan check decodes)."""
    return _render_image(code, style, module_px)


__all__ = ["FORMATS", "SUFFIXES", "WRITERS", "Writer", "render", "render_bytes", "render_image"]
