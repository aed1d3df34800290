"""Icons drawn as SVG in ``resources/icons`` (see :mod:`app.resources`)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.resources import resource


def svg_bytes(name: str) -> bytes:
    return resource("icons", f"{name}.svg").read_bytes()


@cache
def icon(name: str) -> QIcon:
    """A multi-size icon rendered from the SVG (no dependency on Qt's SVG icon-engine plugin)."""
    renderer = QSvgRenderer(QByteArray(svg_bytes(name)))
    result = QIcon()
    for size in (16, 20, 24, 32, 48, 64):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
