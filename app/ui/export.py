"""Export from the GUI: files (checked by decoding, DESIGN rule 3), the clipboard, and printing.

Files go through :func:`app.core.export.export_code`, the same function the CLI uses. Printing places
the code at its true physical size: the style's size in mm/in (or px at the style's DPI) is converted to
printer device units, never scaled to the page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.core.encode import QrCode, encode
from app.core.errors import QrDeskError
from app.core.export import ExportResult, export_code
from app.core.render import render_image
from app.core.spec import MM_PER_INCH, QrSpec
from app.ui.imaging import pil_to_qimage

FILE_FILTERS = "PNG image (*.png);;SVG vector (*.svg);;PDF document (*.pdf);;EPS vector (*.eps)"


def encode_for_export(spec: QrSpec) -> QrCode:
    data = spec.data()
    if not data:
        raise QrDeskError("There is nothing to export: the payload is empty.")
    return encode(data, spec.style)


def export_spec(spec: QrSpec, path: str | Path, verify: bool = True) -> ExportResult:
    """Encode, render and write ``spec``; runs in a worker."""
    return export_code(encode_for_export(spec), spec.style, Path(path), verify=verify)


def code_qimage(spec: QrSpec, module_px: int = 12) -> QImage:
    code = encode_for_export(spec)
    return pil_to_qimage(render_image(code, spec.style, module_px=module_px))


def copy_to_clipboard(spec: QrSpec) -> QImage:
    image = code_qimage(spec)
    QGuiApplication.clipboard().setImage(image)
    return image


def physical_size_mm(spec: QrSpec, image_px: int, module_px: int, code: QrCode) -> float:
    """Edge length in mm of the printed image, from the style's size (per module or whole code)."""
    style = spec.style
    modules_wide = code.size + 2 * style.quiet_zone
    module_mm = style.module_size_mm(modules_wide)
    return image_px / module_px * module_mm


def print_spec(spec: QrSpec, printer: QPrinter) -> float:
    """Paint the code on ``printer`` at true size, top-left of the printable area; returns the edge in mm."""
    code = encode_for_export(spec)
    module_px = 16
    image = pil_to_qimage(render_image(code, spec.style, module_px=module_px))
    width_mm = physical_size_mm(spec, image.width(), module_px, code)
    height_mm = width_mm * image.height() / image.width()
    dpi = printer.resolution()
    painter = QPainter()
    if not painter.begin(printer):
        raise QrDeskError("The printer could not be opened.")
    try:
        target = QRectF(0, 0, width_mm / MM_PER_INCH * dpi, height_mm / MM_PER_INCH * dpi)
        painter.drawImage(target, image)
    finally:
        painter.end()
    return width_mm
