"""PDF output with reportlab: one page exactly the code's size in mm, everything as vector paths.

Square modules become one ``re`` per horizontal run of dark modules inside a single filled path. An
SVG logo is drawn as vector through svglib; a raster logo is embedded as an image. The file is made
with reportlab's invariant mode (fixed dates and ids), so the same code always gives the same bytes.
Gradients are PDF axial/radial shadings clipped to the modules' (or each eye's) outline.

``pdf-cmyk`` is the same page for print shops: every colour in DeviceCMYK (reportlab's
``enforceColorSpace`` refuses any RGB colour that would slip through), pure black as K only, raster and
SVG logos embedded as CMYK images. The conversion is the naive device one (no ICC profile): K = 1 - max(R, G,
B); a print shop applies its own profile.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import (  # type: ignore[attr-defined]  # types-reportlab lacks the fill rules
    FILL_EVEN_ODD,
    FILL_NON_ZERO,
    Canvas,
)

from app.core.encode import QrCode
from app.core.render.draw import caption_font
from app.core.render.geometry import Shape, outline
from app.core.render.layout import module_mm
from app.core.render.scene import Paint, Scene, build_scene
from app.core.spec import RGBA, Style

LOGO_RASTER_PX_PER_MODULE = 16


def ink(colour: RGBA, cmyk: bool) -> Color:
    """A reportlab colour: RGB, or CMYK with black as K alone."""
    r, g, b = (c / 255 for c in colour[:3])
    alpha = colour[3] / 255
    if not cmyk:
        return Color(r, g, b, alpha=alpha)
    k = 1 - max(r, g, b)
    if k >= 1:
        return CMYKColor(0, 0, 0, 1, alpha=alpha)
    return CMYKColor((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k, alpha=alpha)


def _set_fill(canvas: Canvas, colour: RGBA, cmyk: bool = False) -> None:
    canvas.setFillColor(ink(colour, cmyk))


def _outline_path(canvas: Canvas, shapes: list[Shape], dx: float, dy: float) -> Any:
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
    return path


def _fill_shapes(canvas: Canvas, shapes: list[Shape], dx: float, dy: float, colour: RGBA, cmyk: bool = False,
                 even_odd: bool = False) -> None:
    if not shapes:
        return
    _set_fill(canvas, colour, cmyk)
    canvas.drawPath(_outline_path(canvas, shapes, dx, dy), stroke=0, fill=1,
                    fillMode=FILL_EVEN_ODD if even_odd else FILL_NON_ZERO)


def _fill_paint(canvas: Canvas, groups: list[list[Shape]], paint: Paint, dx: float, dy: float,
                cmyk: bool = False, even_odd: bool = False) -> None:
    """Fill shape groups with a paint; a gradient is a shading clipped to each group's outline, spanning the
    paint's box for that group (one box for all groups, or one per group)."""
    if paint.gradient is None:
        _fill_shapes(canvas, [s for group in groups for s in group], dx, dy, paint.colour, cmyk, even_odd)
        return
    if len(paint.boxes) != len(groups):
        groups = [[s for group in groups for s in group]]
    colours = [ink(stop, cmyk) for stop in paint.gradient.stops]
    for group, (bx, by, bw, bh) in zip(groups, paint.boxes, strict=True):
        if not group:
            continue
        canvas.saveState()
        canvas.clipPath(_outline_path(canvas, group, dx, dy), stroke=0, fill=0,
                        fillMode=FILL_EVEN_ODD if even_odd else FILL_NON_ZERO)
        x, y = bx + dx, by + dy
        if paint.gradient.kind == "radial":
            canvas.radialGradient(x + bw / 2, y + bh / 2, paint.gradient.radius(bw, bh), colours, extend=True)
        else:
            x0, y0, x1, y1 = paint.gradient.line(x, y, bw, bh)
            canvas.linearGradient(x0, y0, x1, y1, colours, extend=True)
        canvas.restoreState()


def pdf_bytes(code: QrCode, style: Style, *, cmyk: bool = False) -> bytes:
    scene = build_scene(code, style)
    layout = scene.layout
    unit = module_mm(layout, style) * mm  # points per module
    page_w, page_h = layout.width * unit, layout.height * unit
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_w, page_h), invariant=1, pageCompression=1,
                    enforceColorSpace="cmyk" if cmyk else None)
    canvas.setTitle("QR code")  # not the data: a Wi-Fi password has no place in searchable metadata
    canvas.setCreator("QRDesk")
    ox, oy = layout.origin

    def module_space() -> None:
        # Module units with y down, like every other writer's geometry.
        canvas.saveState()
        canvas.transform(unit, 0, 0, -unit, 0, page_h)

    module_space()
    if not scene.transparent:
        _fill_shapes(canvas, [Shape("rect", 0, 0, layout.width, layout.height)], 0, 0, scene.bg, cmyk)
    canvas.restoreState()
    if scene.logo is not None:
        _draw_logo(canvas, scene, unit, page_h, cmyk)
    module_space()
    if not scene.transparent:
        _fill_shapes(canvas, scene.patch, ox, oy, scene.bg, cmyk)
    _fill_paint(canvas, [scene.modules], scene.fg_paint, ox, oy, cmyk)
    _fill_paint(canvas, scene.eye_groups, scene.eye_paint, ox, oy, cmyk, even_odd=True)
    _fill_shapes(canvas, scene.frame, 0, 0, scene.fg, cmyk, even_odd=True)
    canvas.restoreState()
    if layout.caption:
        cx, baseline = layout.caption_centre
        font = _caption_font_name(layout.caption)
        size = layout.font_size * unit
        width = stringWidth(layout.caption, font, size)
        if width > layout.caption_width * unit:  # a fallback font can be wider than Helvetica
            size *= layout.caption_width * unit / width
        _set_fill(canvas, scene.fg, cmyk)
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


def _draw_logo(canvas: Canvas, scene: Scene, unit: float, page_h: float, cmyk: bool = False) -> None:
    assert scene.logo is not None
    ox, oy = scene.layout.origin
    x, y, w, h = scene.logo.draw_box
    left, bottom = (ox + x) * unit, page_h - (oy + y + h) * unit
    source = scene.logo.source
    # svglib draws in RGB: in a CMYK file an SVG logo is embedded as a CMYK raster instead.
    if source.kind == "svg" and not cmyk and _draw_svg_logo(canvas, source.path, left, bottom, w * unit, h * unit):
        return
    image = source.raster(round(w * LOGO_RASTER_PX_PER_MODULE), round(h * LOGO_RASTER_PX_PER_MODULE))
    if cmyk:  # CMYK has no alpha: the logo is flattened onto the code's background first
        under = Image.new("RGBA", image.size, scene.bg if scene.bg[3] else (255, 255, 255, 255))
        image = Image.alpha_composite(under, image.convert("RGBA")).convert("CMYK")
        canvas.drawImage(ImageReader(image), left, bottom, w * unit, h * unit)
        return
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


def write_pdf_cmyk(code: QrCode, style: Style, stream: BinaryIO) -> None:
    stream.write(pdf_bytes(code, style, cmyk=True))
