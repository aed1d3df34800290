"""Encapsulated PostScript output for print workflows that still ask for it; vector, size exact in points.

Logos and gradients are not supported in EPS (embedding images and shadings in PostScript is more code than
the format is worth today); SVG and PDF carry them.
"""

from __future__ import annotations

import math
from typing import BinaryIO

from reportlab.lib.units import mm

from app.core.encode import QrCode
from app.core.errors import RenderError
from app.core.render.geometry import Shape, outline
from app.core.render.layout import module_mm
from app.core.render.scene import build_scene
from app.core.render.svg import num
from app.core.spec import RGBA, Style


def _colour(colour: RGBA) -> str:
    return f"{num(colour[0] / 255)} {num(colour[1] / 255)} {num(colour[2] / 255)} setrgbcolor"


def _path(shapes: list[Shape], dx: float, dy: float) -> str:
    lines = ["newpath"]
    for shape in shapes:
        if shape.kind == "rect":
            x, y = num(shape.x + dx), num(shape.y + dy)
            lines.append(f"{x} {y} {num(shape.w)} {num(shape.h)} R")
            continue
        for op in outline(shape, dx, dy):
            args = " ".join(num(v) for v in op[1:])
            lines.append({"M": f"{args} moveto", "L": f"{args} lineto", "C": f"{args} curveto",
                          "Z": "closepath"}[op[0]])
    return "\n".join(lines)


def _ps_string(text: str) -> str:
    latin = text.encode("latin-1", errors="replace").decode("latin-1")
    escaped = latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + "".join(c if 32 <= ord(c) < 127 else f"\\{ord(c):03o}" for c in escaped) + ")"


def eps_text(code: QrCode, style: Style) -> str:
    if style.logo:
        raise RenderError("EPS export does not support logos; export SVG or PDF instead")
    if style.fg_gradient or style.eye_gradient:
        raise RenderError("EPS export does not support gradients; export SVG or PDF instead")
    scene = build_scene(code, style)
    layout = scene.layout
    unit = module_mm(layout, style) * mm
    width, height = layout.width * unit, layout.height * unit
    ox, oy = layout.origin
    out = ["%!PS-Adobe-3.0 EPSF-3.0", "%%Creator: QRDesk",
           f"%%BoundingBox: 0 0 {math.ceil(width)} {math.ceil(height)}",
           f"%%HiResBoundingBox: 0 0 {width:.4f} {height:.4f}", "%%EndComments",
           "/R { 4 2 roll moveto 1 index 0 rlineto 0 exch rlineto neg 0 rlineto closepath } bind def",
           "gsave", f"0 {height:.4f} translate {unit:.6f} {-unit:.6f} scale"]
    if not scene.transparent:
        out += [_colour(scene.bg), _path([Shape("rect", 0, 0, layout.width, layout.height)], 0, 0), "fill"]
    if scene.modules:
        out += [_colour(scene.fg), _path(scene.modules, ox, oy), "fill"]
    out += [_colour(scene.eye), _path([s for s, _ in scene.eyes], ox, oy), "eofill"]
    if scene.frame:
        out += [_colour(scene.fg), _path(scene.frame, 0, 0), "eofill"]
    out.append("grestore")
    if layout.caption:
        cx, baseline = layout.caption_centre
        out += [_colour(scene.fg), f"/Helvetica findfont {layout.font_size * unit:.4f} scalefont setfont",
                f"{_ps_string(layout.caption)} dup stringwidth pop 2 div neg {cx * unit:.4f} add "
                f"{height - baseline * unit:.4f} moveto show"]
    out += ["showpage", "%%EOF", ""]
    return "\n".join(out)


def write_eps(code: QrCode, style: Style, stream: BinaryIO) -> None:
    stream.write(eps_text(code, style).encode("latin-1"))
