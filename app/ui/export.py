"""Export from the GUI: files (checked by decoding: docs/architecture.md, rule 3), the clipboard, and printing.

Files go through :func:`app.core.export.export_code`, the same function the CLI uses. Printing places
the code at its true physical size: the style's size in mm/in (or px at the style's DPI) is converted to
printer device units, never scaled to the page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.core.encode import QrCode, encode
from app.core.errors import QrDeskError
from app.core.export import ExportResult, export_code
from app.core.render import render_bytes, render_image
from app.core.spec import MM_PER_INCH, QrSpec
from app.ui.imaging import pil_to_qimage
from app.ui.words import QT_TRANSLATE_NOOP

# (label, writer format, file patterns); the first pattern is the suffix a name without one gets.
EXPORT_FORMATS: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("Export", "PNG image"), "png", "*.png"),
    (QT_TRANSLATE_NOOP("Export", "SVG vector"), "svg", "*.svg"),
    (QT_TRANSLATE_NOOP("Export", "PDF document"), "pdf", "*.pdf"),
    (QT_TRANSLATE_NOOP("Export", "PDF for print shops (CMYK)"), "pdf-cmyk", "*.pdf"),
    (QT_TRANSLATE_NOOP("Export", "JPEG image"), "jpeg", "*.jpg *.jpeg"),
    (QT_TRANSLATE_NOOP("Export", "WebP image"), "webp", "*.webp"),
    (QT_TRANSLATE_NOOP("Export", "TIFF image"), "tiff", "*.tif *.tiff"),
    (QT_TRANSLATE_NOOP("Export", "EPS vector"), "eps", "*.eps"),
    (QT_TRANSLATE_NOOP("Export", "Text, UTF-8 blocks"), "txt", "*.txt"),
)


def file_filters() -> str:
    """The save dialog's filters, one per writer format (labels translated)."""
    return ";;".join(f"{QCoreApplication.translate('Export', label)} ({patterns})"
                     for label, _, patterns in EXPORT_FORMATS)




def filter_for(fmt: str) -> tuple[str, str]:
    """The save dialog's filter for a writer format, and the suffix a file of that format gets (the first
    format's when ``fmt`` is unknown)."""
    label, _, patterns = next((f for f in EXPORT_FORMATS if f[1] == fmt), EXPORT_FORMATS[0])
    return f"{QCoreApplication.translate('Export', label)} ({patterns})", patterns.split()[0].removeprefix("*")


def suffix_for(fmt: str) -> str:
    """The file suffix a name in writer format ``fmt`` gets."""
    return filter_for(fmt)[1]


def format_for_filter(selected: str, path: str | Path) -> tuple[str | None, Path]:
    """The format the chosen filter stands for, and the path with that format's suffix when it has none.

    The filter decides where a suffix alone cannot (a CMYK PDF is a .pdf); a suffix the user typed for another
    format wins over the filter, as the file name is what the user sees."""
    target = Path(path)
    for label, fmt, patterns in EXPORT_FORMATS:
        if selected.startswith(QCoreApplication.translate("Export", label) + " ("):
            suffixes = [p.removeprefix("*") for p in patterns.split()]
            if not target.suffix:
                return fmt, target.with_suffix(suffixes[0])
            return (fmt if target.suffix.lower() in suffixes else None), target
    return None, target


def encode_for_export(spec: QrSpec) -> QrCode:
    data = spec.data()
    if not data:
        raise QrDeskError(QCoreApplication.translate("Export", "There is nothing to export: the payload is empty."))
    return encode(data, spec.style)


def export_spec(spec: QrSpec, path: str | Path, verify: bool = True, fmt: str | None = None,
                force: bool = False) -> ExportResult:
    """Encode, render and write ``spec`` (``fmt``: a writer format, default from the suffix); runs in a worker.

    The written file is decoded (``verify``) and refused when it does not scan, unless ``force``: the user chose
    "Export anyway" at the gate (:mod:`app.ui.release`)."""
    return export_code(encode_for_export(spec), spec.style, Path(path), fmt, verify=verify, force=force)


def code_qimage(spec: QrSpec, module_px: int = 12) -> QImage:
    code = encode_for_export(spec)
    return pil_to_qimage(render_image(code, spec.style, module_px=module_px))


def copy_to_clipboard(spec: QrSpec) -> QImage:
    image = code_qimage(spec)
    QGuiApplication.clipboard().setImage(image)
    return image


def copy_svg_to_clipboard(spec: QrSpec) -> str:
    """The code as SVG on the clipboard: ``image/svg+xml`` for design tools, and the markup as text for
    editors and web pages. The window lets it out through the gate every copy passes (:mod:`app.ui.release`)."""
    code = encode_for_export(spec)
    svg = render_bytes(code, spec.style, "svg")
    mime = QMimeData()
    mime.setData("image/svg+xml", QByteArray(svg))
    mime.setText(svg.decode("utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)
    return svg.decode("utf-8")


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
        raise QrDeskError(QCoreApplication.translate("Export", "The printer could not be opened."))
    try:
        target = QRectF(0, 0, width_mm / MM_PER_INCH * dpi, height_mm / MM_PER_INCH * dpi)
        painter.drawImage(target, image)
    finally:
        painter.end()
    return width_mm
