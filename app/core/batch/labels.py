"""Label sheets: many codes per page at exact millimetre positions, as vector paths (reportlab).

A template describes a sheet of sticky labels (page size, columns x rows, label size, margins and
gaps). Each label gets the largest square code that fits above its caption, drawn as vector paths
(square modules as one path of horizontal runs), so printers get crisp edges at any size.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import BinaryIO

import numpy as np
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.core.encode import QrCode
from app.core.errors import SpecError
from app.core.render.geometry import Shape

# The PDF writer's helpers, so a label draws a code exactly as a single-code PDF does.
from app.core.render.pdf import _caption_font_name, _draw_logo, _fill_shapes, _set_fill
from app.core.render.png import is_plain
from app.core.render.scene import Scene, build_scene
from app.core.spec import Style

A4 = (210.0, 297.0)
LETTER = (215.9, 279.4)
CAPTION_FONT_MM = 2.8
CAPTION_GAP_MM = 0.8
MIN_CODE_MM = 8.0


@dataclass(frozen=True)
class LabelTemplate:
    """A sheet of ``columns`` x ``rows`` labels; all lengths in millimetres, from the top-left corner."""

    name: str
    page: tuple[float, float]
    columns: int
    rows: int
    label_w: float
    label_h: float
    margin_left: float
    margin_top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    padding: float = 2.0  # kept free inside each label (printers drift a little)

    def __post_init__(self) -> None:
        if self.columns < 1 or self.rows < 1:
            raise SpecError("labels", "a sheet needs at least one column and one row")
        if min(self.label_w, self.label_h, *self.page) <= 0 or min(self.margin_left, self.margin_top,
                                                                   self.gap_x, self.gap_y, self.padding) < 0:
            raise SpecError("labels", "sizes must be positive and margins, gaps and padding not negative")
        right = self.margin_left + self.columns * self.label_w + (self.columns - 1) * self.gap_x
        bottom = self.margin_top + self.rows * self.label_h + (self.rows - 1) * self.gap_y
        if right > self.page[0] + 0.01 or bottom > self.page[1] + 0.01:
            raise SpecError("labels", f"{self.name}: the labels ({right:.1f} x {bottom:.1f} mm with margins) "
                                      f"do not fit on the page ({self.page[0]:g} x {self.page[1]:g} mm)")
        if min(self.label_w, self.label_h) - 2 * self.padding < MIN_CODE_MM:
            raise SpecError("labels", f"{self.name}: labels are too small for a scannable code")

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def label_origin(self, index: int) -> tuple[float, float]:
        """Top-left corner (mm from the page's top-left) of label ``index`` on its page, row by row."""
        slot = index % self.per_page
        r, c = divmod(slot, self.columns)
        return (self.margin_left + c * (self.label_w + self.gap_x),
                self.margin_top + r * (self.label_h + self.gap_y))

    def with_changes(self, **changes: float) -> LabelTemplate:
        return replace(self, **changes)


TEMPLATES: dict[str, LabelTemplate] = {t.name: t for t in (
    # 70 x 37 mm, 24 a sheet, edge to edge (e.g. Avery 3474)
    LabelTemplate("a4-3x8", A4, 3, 8, 70.0, 37.0, 0.0, 0.5),
    # 70 x 29.7 mm, 30 a sheet
    LabelTemplate("a4-3x10", A4, 3, 10, 70.0, 29.7, 0.0, 0.0),
    # 63.5 x 38.1 mm with gaps (Avery L7160), 21 a sheet
    LabelTemplate("a4-3x7", A4, 3, 7, 63.5, 38.1, 7.2, 15.15, 2.5, 0.0),
    # 2 5/8 x 1 in, 30 a sheet (Avery 5160)
    LabelTemplate("letter-3x10", LETTER, 3, 10, 66.675, 25.4, 4.7625, 12.7, 3.175, 0.0, 1.5),
    # 2 5/8 x 1 1/4 in, 24 a sheet, Avery 5160 margins and column gaps
    LabelTemplate("letter-3x8", LETTER, 3, 8, 66.675, 31.75, 4.7625, 12.7, 3.175, 0.0),
)}


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


def get_template(name: str) -> LabelTemplate:
    try:
        return TEMPLATES[name.lower()]
    except KeyError:
        raise SpecError("labels", f"{name!r} is not a label template; use one of {', '.join(TEMPLATES)}") from None


class LabelSheet:
    """Writes labels one by one onto as many pages as needed; ``close`` finishes the PDF.

    Codes are drawn by the same scene as the PDF writer (module and eye shapes, eye colour, logo);
    the frame and caption of the style are left out because the label has its own caption line.
    """

    def __init__(self, stream: BinaryIO, template: LabelTemplate, style: Style) -> None:
        self.template = template
        self.style = replace(style, frame=False, caption="")
        self.count = 0
        self._canvas = Canvas(stream, pagesize=(template.page[0] * mm, template.page[1] * mm),
                              invariant=1, pageCompression=1)
        self._canvas.setTitle("QR code labels")
        self._canvas.setCreator("QRDesk")

    def add(self, code: QrCode, caption: str = "") -> None:
        t = self.template
        c = self._canvas
        if self.count and self.count % t.per_page == 0:
            c.showPage()
        left, top = t.label_origin(self.count)
        self.count += 1
        caption = " ".join("".join(ch if ch.isprintable() else " " for ch in caption).split())
        room_w = t.label_w - 2 * t.padding
        room_h = t.label_h - 2 * t.padding - ((CAPTION_FONT_MM + CAPTION_GAP_MM) if caption else 0.0)
        side = min(room_w, room_h)
        top += (room_h - side) / 2  # centre the code and its caption vertically in the label
        scene = build_scene(code, self.style)
        unit = side / scene.layout.width * mm  # points per module
        x0 = (left + (t.label_w - side) / 2) * mm
        top_pt = (t.page[1] - top - t.padding) * mm  # y of the code box's top edge, from the page bottom
        if is_plain(code, self.style):
            self._draw_plain(scene, unit, x0, top_pt)
        else:
            self._draw_scene(scene, unit, x0, top_pt)
        if caption:
            font = _caption_font_name(caption)
            size = CAPTION_FONT_MM * mm / 0.72  # cap height ≈ 0.72 em
            while stringWidth(caption, font, size) > room_w * mm and len(caption) > 1:
                caption = caption[:-2] + "…"
            c.setFillColorRGB(0, 0, 0)
            c.setFont(font, size)
            baseline = top + t.padding + side + CAPTION_GAP_MM + CAPTION_FONT_MM
            c.drawCentredString((left + t.label_w / 2) * mm, (t.page[1] - baseline) * mm, caption)

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
        _fill_shapes(c, scene.modules, ox, oy, scene.fg)
        _fill_shapes(c, [shape for shape, _ in scene.eyes], ox, oy, scene.eye, even_odd=True)
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

    def close(self) -> None:
        self._canvas.showPage()
        self._canvas.save()
