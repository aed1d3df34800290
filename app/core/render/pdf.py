"""PDF output with reportlab: one page exactly the code's size in mm, everything as vector paths.

Square modules become one ``re`` per horizontal run of dark modules inside a single filled path. An
SVG logo is drawn as vector through svglib; a raster logo is embedded as an image. The file is made
with reportlab's invariant mode (fixed dates and ids), so the same code always gives the same bytes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics import renderPDF
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO, Canvas

from app.core.encode import QrCode
from app.core.render.geometry import Shape, outline
from app.core.render.layout import module_mm
from app.core.render.png import caption_font
from app.core.render.scene import Scene, build_scene
from app.core.spec import RGBA, Style

LOGO_RASTER_PX_PER_MODULE = 16


def _set_fill(canvas: Canvas, colour: RGBA) -> None:
    canvas.setFillColorRGB(colour[0] / 255, colour[1] / 255, colour[2] / 255, alpha=colour[3] / 255)


def _fill_shapes(canvas: Canvas, shapes: list[Shape], dx: float, dy: float, colour: RGBA,
                 even_odd: bool = False) -> None:
    if not shapes:
        return
    path = canvas.beginPath()
    for shape in shapes:
        if shape.kind == "rect":
            path.rect(shape.x + dx, shape.y + dy, shape.w, shape.h)
            continue
        for op in outline(shape, dx, dy):
            if op[0] == "M":
                path.moveTo(op[1], op[2])
            elif op[0] == "L":
                path.lineTo(op[1], op[2])
            elif op[0] == "C":
                path.curveTo(*op[1:])
            else:
                path.close()
    _set_fill(canvas, colour)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_EVEN_ODD if even_odd else FILL_NON_ZERO)


def pdf_bytes(code: QrCode, style: Style) -> bytes:
    scene = build_scene(code, style)
    layout = scene.layout
    unit = module_mm(layout, style) * mm  # points per module
    page_w, page_h = layout.width * unit, layout.height * unit
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_w, page_h), invariant=1, pageCompression=1)
    canvas.setTitle("QR code")  # not the data: a Wi-Fi password has no place in searchable metadata
    canvas.setCreator("QRDesk")
    ox, oy = layout.origin

    def module_space() -> None:
        # Module units with y down, like every other writer's geometry.
        canvas.saveState()
        canvas.transform(unit, 0, 0, -unit, 0, page_h)

    module_space()
    if not scene.transparent:
        _fill_shapes(canvas, [Shape("rect", 0, 0, layout.width, layout.height)], 0, 0, scene.bg)
    canvas.restoreState()
    if scene.logo is not None:
        _draw_logo(canvas, scene, unit, page_h)
    module_space()
    if not scene.transparent:
        _fill_shapes(canvas, scene.patch, ox, oy, scene.bg)
    _fill_shapes(canvas, scene.modules, ox, oy, scene.fg)
    _fill_shapes(canvas, [s for s, _ in scene.eyes], ox, oy, scene.eye, even_odd=True)
    _fill_shapes(canvas, scene.frame, 0, 0, scene.fg, even_odd=True)
    canvas.restoreState()
    if layout.caption:
        cx, baseline = layout.caption_centre
        font = _caption_font_name(layout.caption)
        size = layout.font_size * unit
        width = stringWidth(layout.caption, font, size)
        if width > layout.caption_width * unit:  # a fallback font can be wider than Helvetica
            size *= layout.caption_width * unit / width
        _set_fill(canvas, scene.fg)
        canvas.setFont(font, size)
        canvas.drawCentredString(cx * unit, page_h - baseline * unit, layout.caption)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _caption_font_name(text: str) -> str:
    """Helvetica (not embedded) where it has the glyphs; otherwise the system font the PNG caption
    uses, embedded as a subset, so e.g. Cyrillic or Greek captions do not turn into boxes."""
    try:
        text.encode("cp1252")
        return "Helvetica"
    except UnicodeEncodeError:
        pass
    path = getattr(caption_font(12, text), "path", None)
    if not path:
        return "Helvetica"
    name = "QRDeskCaption-" + Path(path).stem
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, path))
        except Exception:  # an odd system font reportlab cannot embed: Helvetica still draws the rest
            return "Helvetica"
    return name


def _draw_logo(canvas: Canvas, scene: Scene, unit: float, page_h: float) -> None:
    assert scene.logo is not None
    ox, oy = scene.layout.origin
    x, y, w, h = scene.logo.draw_box
    left, bottom = (ox + x) * unit, page_h - (oy + y + h) * unit
    source = scene.logo.source
    if source.kind == "svg" and _draw_svg_logo(canvas, source.path, left, bottom, w * unit, h * unit):
        return
    image = source.raster(round(w * LOGO_RASTER_PX_PER_MODULE), round(h * LOGO_RASTER_PX_PER_MODULE))
    canvas.drawImage(ImageReader(image), left, bottom, w * unit, h * unit, mask="auto")


def _draw_svg_logo(canvas: Canvas, path: str, left: float, bottom: float, width: float,
                   height: float) -> bool:
    """Draw an SVG logo as vector; ``False`` when svglib cannot convert it (the caller embeds a raster)."""
    try:
        from svglib.svglib import svg2rlg

        drawing = svg2rlg(path)
    except Exception:  # svglib fails in many ways on SVG features it lacks; the raster is a fine fallback
        return False
    if drawing is None or not drawing.width or not drawing.height:
        return False
    canvas.saveState()
    canvas.translate(left, bottom)
    canvas.scale(width / drawing.width, height / drawing.height)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()
    return True


def write_pdf(code: QrCode, style: Style, stream: BinaryIO) -> None:
    stream.write(pdf_bytes(code, style))
