"""The calibration page: measures how far a printer puts things from where a label sheet's template says.

Printed on a sheet of labels, it shows every label's outline and centre where QRDesk would print them,
and millimetre scales across the first label's left and top edges and the last label's right and bottom
edges. Where a real (die-cut) label edge crosses a scale, the number read there is the offset to give
``--label-offset X,Y`` (right and down positive). Readings that differ between the first and last label
mean the printer scales the page ("fit to page"), which no offset can mend.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.core.batch.labels import HAIRLINE_PT, draw_crop_marks
from app.core.batch.templates import LabelTemplate

SCALE_MM = 5  # the scales read from -5 to +5 mm
FONT = "Helvetica"


def write_calibration_page(stream: BinaryIO, template: LabelTemplate,
                           offset: tuple[float, float] = (0.0, 0.0)) -> None:
    page_w, page_h = template.page
    c = Canvas(stream, pagesize=(page_w * mm, page_h * mm), invariant=1, pageCompression=1)
    c.setTitle(f"QRDesk calibration page: {template.name}")
    c.setCreator("QRDesk")
    dx, dy = offset

    def pt(x: float, y: float) -> tuple[float, float]:
        """mm from the page's top-left corner (offset applied) → PDF points from the bottom-left."""
        return (x + dx) * mm, (page_h - y - dy) * mm

    c.setLineWidth(HAIRLINE_PT)
    c.setStrokeColorRGB(0.55, 0.55, 0.55)
    for index in range(template.per_page):
        left, top = template.label_origin(index)
        x, y = pt(left, top + template.label_h)
        if template.shape == "round":
            cx, cy = pt(left + template.label_w / 2, top + template.label_h / 2)
            c.circle(cx, cy, min(template.label_w, template.label_h) / 2 * mm)
        else:
            c.rect(x, y, template.label_w * mm, template.label_h * mm)
        cx, cy = template.label_centre(index)
        c.line(*pt(cx - 3, cy), *pt(cx + 3, cy))
        c.line(*pt(cx, cy - 3), *pt(cx, cy + 3))
    c.setStrokeColorRGB(0, 0, 0)
    first_left, first_top = template.label_origin(0)
    last_left, last_top = template.label_origin(template.per_page - 1)
    last_right, last_bottom = last_left + template.label_w, last_top + template.label_h
    _scale(c, pt, first_left, first_top + template.label_h / 2, horizontal=True)
    _scale(c, pt, first_left + template.label_w / 2, first_top, horizontal=False)
    _scale(c, pt, last_right, last_top + template.label_h / 2, horizontal=True)
    _scale(c, pt, last_left + template.label_w / 2, last_bottom, horizontal=False)
    draw_crop_marks(c, template, offset)
    _instructions(c, template, offset)
    c.showPage()
    c.save()


def _scale(c: Canvas, pt: Callable[[float, float], tuple[float, float]], x: float, y: float, *,
           horizontal: bool) -> None:
    """Ticks every millimetre across an edge at (x, y): 0 on the edge where QRDesk expects it."""
    c.setFont(FONT, 5)
    for k in range(-SCALE_MM, SCALE_MM + 1):
        length = 3.0 if k % 5 == 0 else 1.5
        if horizontal:
            c.line(*pt(x + k, y - length / 2), *pt(x + k, y + length / 2))
        else:
            c.line(*pt(x - length / 2, y + k), *pt(x + length / 2, y + k))
        if k % 5 == 0:
            text = f"{k:+d}" if k else "0"
            if horizontal:
                tx, ty = pt(x + k, y + length / 2 + 2)
                c.drawCentredString(tx, ty, text)
            else:
                tx, ty = pt(x + length / 2 + 0.8, y + k + 0.7)
                c.drawString(tx, ty, text)
    if horizontal:
        c.line(*pt(x - SCALE_MM, y), *pt(x + SCALE_MM, y))
    else:
        c.line(*pt(x, y - SCALE_MM), *pt(x, y + SCALE_MM))


def _instructions(c: Canvas, template: LabelTemplate, offset: tuple[float, float]) -> None:
    lines = [
        f"QRDesk calibration page for {template.title or template.name} ({template.describe()}).",
        f"Printed with offset {offset[0]:+g}, {offset[1]:+g} mm. Print at 100 % (no 'fit to page') on a sheet of",
        "these labels. Where a label's real edge crosses a scale, read the number: that is the offset in mm.",
        "Use the readings at the first label as --label-offset X,Y (right and down are positive), added to the",
        "offset printed above. If the last label reads differently, the printer scales the page: switch that off.",
    ]
    page_w, page_h = template.page
    size = 7.0
    height = len(lines) * size * 1.35
    top = page_h * mm / 2 + height / 2
    width = max(c.stringWidth(line, FONT, size) for line in lines) + 12
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    c.rect((page_w * mm - width) / 2, top - height - 4, width, height + 8, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT, size)
    for n, line in enumerate(lines):
        c.drawCentredString(page_w * mm / 2, top - (n + 1) * size * 1.35 + 2, line)
    c.restoreState()
