"""Writers that turn an encoded :class:`~app.core.encode.QrCode` into files (segno's split).

Every writer takes the code, the style and a binary stream; :func:`render` picks one from
:data:`WRITERS` by format and accepts a path or a stream. A writer's module is imported the first time
its format is used, so making a PNG never loads the PDF library. All writers share
:mod:`app.core.render.layout` and :mod:`app.core.render.scene`, so formats agree on size and shapes.
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, cast

from PIL import Image

from app.core.encode import QrCode
from app.core.errors import RenderError
from app.core.formats import FORMATS, SUFFIXES
from app.core.render.png import render_image as _render_image
from app.core.spec import Style

Writer = Callable[[QrCode, Style, BinaryIO], None]

# format -> "module:function" of its writer
WRITERS: dict[str, str] = {
    "png": "app.core.render.png:write_png",
    "svg": "app.core.render.svg:write_svg",
    "pdf": "app.core.render.pdf:write_pdf",
    "eps": "app.core.render.eps:write_eps",
    "jpeg": "app.core.render.raster:write_jpeg",
    "webp": "app.core.render.raster:write_webp",
    "tiff": "app.core.render.raster:write_tiff",
    "txt": "app.core.render.terminal:write_txt",
    "pdf-cmyk": "app.core.render.pdf:write_pdf_cmyk",
}


def writer_for(fmt: str) -> Writer:
    """The writer of ``fmt`` (case-insensitive); raises :class:`RenderError` for an unknown format."""
    try:
        module, _, function = WRITERS[fmt.lower()].partition(":")
    except (KeyError, AttributeError):
        raise RenderError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}") from None
    return cast(Writer, getattr(importlib.import_module(module), function))


def render(code: QrCode, style: Style, fmt: str, target: str | os.PathLike[str] | BinaryIO) -> None:
    """Write ``code`` as ``fmt`` to a path or a binary stream.

    A path is written only after the whole output exists in memory, so a failure never leaves a
    truncated file behind.
    """
    writer = writer_for(fmt)
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
    writer_for(fmt)(code, style, buffer)
    return buffer.getvalue()


def render_image(code: QrCode, style: Style, module_px: int | None = None) -> Image.Image:
    """The code as an RGBA Pillow image (what the preview shows and the scan check decodes)."""
    return _render_image(code, style, module_px)


__all__ = ["FORMATS", "SUFFIXES", "WRITERS", "Writer", "render", "render_bytes", "render_image", "writer_for"]
