"""Label sheets: many codes per page at exact millimetre positions, as vector paths (reportlab).

A :class:`~.templates.LabelTemplate` describes the sheet. Each label gets the largest square code that
fits above its caption (inside the circle for round labels), centred on the label and drawn as vector
paths (square modules as one path of horizontal runs), so printers get crisp edges at any size. A sheet
can start at any label of a partly used sheet, carry crop marks in its margins, and be shifted by the
printer's measured offset; :func:`calibration_page` prints the page that measures that offset.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import BinaryIO

import numpy as np
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.core.batch.templates import MIN_CODE_MM, LabelTemplate
from app.core.encode import QrCode
from app.core.errors import SpecError
from app.core.render.geometry import Shape

# The PDF writer's helpers, so a label draws a code exactly as a single-code PDF does.
from app.core.render.pdf import _caption_font_name, _draw_logo, _fill_paint, _fill_shapes, _set_fill
from app.core.render.plain import is_plain
from app.core.render.scene import Scene, build_scene
from app.core.spec import Style

CAPTION_FONT_MM = 2.8
CAPTION_GAP_MM = 0.8
CROP_MARK_MM = 5.0
CROP_CLEARANCE_MM = 1.0
HAIRLINE_PT = 0.25


def _runs_path(mask: np.ndarray, ox: int, oy: int) -> str:
    """``x y w 1 re`` for each horizontal run of dark modules, filled as one path."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    if not len(rows):
        return ""
    ops = np.column_stack((starts + ox, rows + oy, ends - starts))
    return "\n".join(f"{x} {y} {w} 1 re" for x, y, w in ops.tolist()) + "\nf"


class LabelSheet:
    """Writes labels one by one onto as many pages as needed; ``close`` finishes the PDF.

    Codes are drawn by the same scene as the PDF writer (module and eye shapes, eye colour, logo);
    the frame and caption of the style are left out because the label has its own caption line.
    ``start`` is the first free label (1-based, across then down) of the first sheet; ``offset`` (mm,
    right and down) moves everything printed, to make up for the printer's measured offset.
    """

    def __init__(self, stream: BinaryIO, template: LabelTemplate, style: Style, *, start: int = 1,
                 offset: tuple[float, float] = (0.0, 0.0), crop_marks: bool = False) -> None:
        if not 1 <= start <= template.per_page:
            raise SpecError("--label-start", f"must be a label of the sheet, 1 to {template.per_page}")
        self.template = template
        self.style = replace(style, frame=False, caption="")
        self.slot = start - 1  # position on the whole run of pages
        self.count = 0
        self.offset = offset
        self.crop_marks = crop_marks
        self._page_open = False
        self._canvas = Canvas(stream, pagesize=(template.page[0] * mm, template.page[1] * mm),
                              invariant=1, pageCompression=1)
        self._canvas.setTitle("QR code labels")
        self._canvas.setCreator("QRDesk")

    def code_box(self, index: int, caption: bool) -> tuple[float, float, float]:
        """(left, top, side) in mm from the page's top-left corner of the code on label slot ``index``."""
        t = self.template
        left, top = t.label_origin(index)
        left, top = left + self.offset[0], top + self.offset[1]
        caption_h = (CAPTION_FONT_MM + CAPTION_GAP_MM) if caption else 0.0
        # The code is centred on the label (what a label layout promises); the caption line below it
        # takes the same room above, so a captioned code is smaller but still centred.
        if t.shape == "round":
            side = (min(t.label_w, t.label_h) - 2 * t.padding) / math.sqrt(2) - 2 * caption_h
        else:
            side = min(t.label_w - 2 * t.padding, t.label_h - 2 * t.padding - 2 * caption_h)
        return left + (t.label_w - side) / 2, top + (t.label_h - side) / 2, side

    def add(self, code: QrCode, caption: str = "", style: Style | None = None) -> None:
        t = self.template
        c = self._canvas
        if self._page_open and self.slot % t.per_page == 0:
            self._finish_page()
        self._page_open = True
        caption = " ".join("".join(ch if ch.isprintable() else " " for ch in caption).split())
        x, y, side = self.code_box(self.slot, bool(caption))
        if caption and side < MIN_CODE_MM:  # no room for a caption line on this small label
            caption = ""
            x, y, side = self.code_box(self.slot, False)
        self.slot += 1
        self.count += 1
        style = self.style if style is None else replace(style, frame=False, caption="")
        scene = build_scene(code, style)
        unit = side / scene.layout.width * mm  # points per module
        x0 = x * mm
        top_pt = (t.page[1] - y) * mm  # y of the code box's top edge, from the page bottom
        if is_plain(code, style):
            self._draw_plain(scene, unit, x0, top_pt)
        else:
            self._draw_scene(scene, unit, x0, top_pt)
        if caption:
            font = _caption_font_name(caption)
            size = CAPTION_FONT_MM * mm / 0.72  # cap height ≈ 0.72 em
            room_w = (side if t.shape == "round" else t.label_w - 2 * t.padding) * mm
            while stringWidth(caption, font, size) > room_w and len(caption) > 1:
                caption = caption[:-2] + "…"
            c.setFillColorRGB(0, 0, 0)
            c.setFont(font, size)
            baseline = y + side + CAPTION_GAP_MM + CAPTION_FONT_MM
            c.drawCentredString((x + side / 2) * mm, (t.page[1] - baseline) * mm, caption)

    def _draw_scene(self, scene: Scene, unit: float, x0: float, top_pt: float) -> None:
        c = self._canvas
        ox, oy = scene.layout.origin
        c.saveState()
        c.transform(unit, 0, 0, -unit, x0, top_pt)  # module units, y down, as the scene is laid out
        if not scene.transparent:
            _fill_shapes(c, [Shape("rect", 0, 0, scene.layout.width, scene.layout.width)], 0, 0, scene.bg)
        c.restoreState()
        if scene.logo is not None:
            c.saveState()
            c.translate(x0, 0)
            _draw_logo(c, scene, unit, top_pt)
            c.restoreState()
        c.saveState()
        c.transform(unit, 0, 0, -unit, x0, top_pt)
        if not scene.transparent:
            _fill_shapes(c, scene.patch, ox, oy, scene.bg)
        _fill_paint(c, [scene.modules], scene.fg_paint, ox, oy)  # flat colours or gradients
        _fill_paint(c, scene.eye_groups, scene.eye_paint, ox, oy, even_odd=True)
        c.restoreState()

    def _draw_plain(self, scene: Scene, unit: float, x0: float, top_pt: float) -> None:
        """Square modules: the path operators are written directly (integers in module space), which is
        many times faster than building the same path through reportlab's path object for every label."""
        c = self._canvas
        code = scene.code
        ox, oy = scene.layout.origin
        c.saveState()
        c.transform(unit, 0, 0, -unit, x0, top_pt)
        if not scene.transparent:
            _set_fill(c, scene.bg)
            c.addLiteral(f"0 0 {scene.layout.width} {scene.layout.width} re f")
        split_eyes = scene.eye != scene.fg
        dark = code.matrix & ~code.eye_mask if split_eyes else code.matrix
        _set_fill(c, scene.fg)
        c.addLiteral(_runs_path(dark, ox, oy))
        if split_eyes:
            _set_fill(c, scene.eye)
            c.addLiteral(_runs_path(code.matrix & code.eye_mask, ox, oy))
        c.restoreState()

    def _finish_page(self) -> None:
        if self.crop_marks:
            draw_crop_marks(self._canvas, self.template, self.offset)
        self._canvas.showPage()

    def close(self) -> None:
        self._finish_page()
        self._canvas.save()


def _edges(template: LabelTemplate) -> tuple[list[float], list[float]]:
    """The x of every label's left and right edge and the y of every top and bottom edge (mm)."""
    xs = {round(template.margin_left + c * template.pitch[0] + d, 3)
          for c in range(template.columns) for d in (0.0, template.label_w)}
    ys = {round(template.margin_top + r * template.pitch[1] + d, 3)
          for r in range(template.rows) for d in (0.0, template.label_h)}
    return sorted(xs), sorted(ys)


def draw_crop_marks(c: Canvas, template: LabelTemplate, offset: tuple[float, float]) -> None:
    """Short hairlines in the page margins, in line with every label edge (for cutting plain paper);
    none on a side whose margin is too narrow to hold them."""
    xs, ys = _edges(template)
    page_w, page_h = template.page
    dx, dy = offset
    left, right = xs[0] + dx, xs[-1] + dx
    top, bottom = ys[0] + dy, ys[-1] + dy
    c.saveState()
    c.setLineWidth(HAIRLINE_PT)
    c.setStrokeColorRGB(0, 0, 0)

    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        c.line(x1 * mm, (page_h - y1) * mm, x2 * mm, (page_h - y2) * mm)

    for margin, start, sign in ((top, top - CROP_CLEARANCE_MM, -1), (page_h - bottom, bottom + CROP_CLEARANCE_MM, 1)):
        length = min(CROP_MARK_MM, margin - CROP_CLEARANCE_MM - 0.5)
        if length >= 2:
            for x in xs:
                line(x + dx, start, x + dx, start + sign * length)
    for margin, start, sign in ((left, left - CROP_CLEARANCE_MM, -1), (page_w - right, right + CROP_CLEARANCE_MM, 1)):
        length = min(CROP_MARK_MM, margin - CROP_CLEARANCE_MM - 0.5)
        if length >= 2:
            for y in ys:
                line(start, y + dy, start + sign * length, y + dy)
    c.restoreState()
