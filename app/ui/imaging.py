"""Pillow <-> Qt image conversion (copies, so the result owns its pixels)."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage


def pil_to_qimage(image: Image.Image) -> QImage:
    rgba = image.convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    return QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888).copy()


def qimage_to_pil(image: QImage) -> Image.Image:
    converted = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = converted.width(), converted.height()
    raw = bytes(converted.constBits())[: converted.bytesPerLine() * height]
    return Image.frombuffer("RGBA", (width, height), raw, "raw", "RGBA", converted.bytesPerLine(), 1).copy()
