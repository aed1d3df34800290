"""SVG output: exact physical size in mm, a viewBox in modules, one path per colour.

Square modules are merged into one ``h``/``v`` subpath per horizontal run. An SVG logo is nested as
vector (its own ``<svg>`` with its viewBox); a raster logo is embedded as a base64 PNG.
"""

from __future__ import annotations

import base64
import io
import re
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from app.core.encode import QrCode
from app.core.gradient import Gradient
from app.core.render.geometry import Shape, outline
from app.core.render.layout import module_mm
from app.core.render.scene import Scene, build_scene
from app.core.spec import RGBA, Style

LOGO_RASTER_PX_PER_MODULE = 16  # resolution of an embedded raster logo


def num(value: float) -> str:
    """Shortest exact-enough decimal: at most 4 places, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _fill_attrs(colour: RGBA) -> str:
    attrs = f'fill="#{colour[0]:02x}{colour[1]:02x}{colour[2]:02x}"'
    if colour[3] != 255:
        attrs += f' fill-opacity="{num(colour[3] / 255)}"'
    return attrs


def path_data(shapes: list[Shape], dx: float, dy: float) -> str:
    parts = []
    for shape in shapes:
        if shape.kind == "rect":
            parts.append(f"M{num(shape.x + dx)} {num(shape.y + dy)}h{num(shape.w)}v{num(shape.h)}"
                         f"h-{num(shape.w)}z")
            continue
        for op in outline(shape, dx, dy):
            parts.append(op[0] + " ".join(num(v) for v in op[1:]))
    return "".join(parts)


def svg_text(code: QrCode, style: Style) -> str:
    scene = build_scene(code, style)
    layout = scene.layout
    unit = module_mm(layout, style)
    ox, oy = layout.origin
    w, h = layout.width, layout.height
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           f'width="{num(w * unit)}mm" height="{num(h * unit)}mm" viewBox="0 0 {w} {h}">\n']
    if not scene.transparent:
        out.append(f'<rect width="{w}" height="{h}" {_fill_attrs(scene.bg)}/>\n')
    if scene.logo is not None:
        out.append(_logo_element(scene, ox, oy))
        if scene.patch and not scene.transparent:
            out.append(f'<path {_fill_attrs(scene.bg)} d="{path_data(scene.patch, ox, oy)}"/>\n')
    defs, fills = _paint_defs(scene, ox, oy)
    out.extend(defs)
    if scene.modules:
        out.append(f'<path {fills["fg"][0]} d="{path_data(scene.modules, ox, oy)}"/>\n')
    if len(fills["eye"]) == 1:
        eyes = [shape for shape, _ in scene.eyes]
        out.append(f'<path {fills["eye"][0]} fill-rule="evenodd" d="{path_data(eyes, ox, oy)}"/>\n')
    else:  # a gradient of their own spans each eye
        for group, attrs in zip(scene.eye_groups, fills["eye"], strict=True):
            out.append(f'<path {attrs} fill-rule="evenodd" d="{path_data(group, ox, oy)}"/>\n')
    if scene.frame:
        frame = path_data(scene.frame, 0, 0)
        out.append(f'<path {_fill_attrs(scene.fg)} fill-rule="evenodd" d="{frame}"/>\n')
    if layout.caption:
        cx, baseline = layout.caption_centre
        out.append(f'<text x="{num(cx)}" y="{num(baseline)}" font-family="Helvetica, Arial, sans-serif" '
                   f'font-size="{num(layout.font_size)}" text-anchor="middle" {_fill_attrs(scene.fg)}>'
                   f'{escape(layout.caption)}</text>\n')
    out.append("</svg>\n")
    return "".join(out)


def _paint_defs(scene: Scene, ox: int, oy: int) -> tuple[list[str], dict[str, list[str]]]:
    """Gradient definitions (userSpaceOnUse, in the viewBox's module units) and the fill attributes of the
    modules and the eyes: one for all eyes, or one per eye when each has its gradient."""
    defs: list[str] = []
    fills: dict[str, list[str]] = {}
    for part, paint in (("fg", scene.fg_paint), ("eye", scene.eye_paint)):
        if paint.gradient is None:
            fills[part] = [_fill_attrs(paint.colour)]
            continue
        if part == "eye" and paint == scene.fg_paint:
            fills[part] = fills["fg"]  # the modules' gradient, continuous across the symbol
            continue
        fills[part] = []
        for index, (bx, by, bw, bh) in enumerate(paint.boxes):
            ident = f"qrdesk-{part}-{index}"
            defs.append(_gradient_element(paint.gradient, ident, (ox + bx, oy + by, bw, bh)))
            fills[part].append(f'fill="url(#{ident})"')
    return (["<defs>\n", *defs, "</defs>\n"] if defs else []), fills


def _gradient_element(gradient: Gradient, ident: str, box: tuple[float, float, float, float]) -> str:
    last = len(gradient.stops) - 1
    stops = "".join(f'<stop offset="{num(i / last)}" stop-color="#{c[0]:02x}{c[1]:02x}{c[2]:02x}"/>'
                    for i, c in enumerate(gradient.stops))
    x, y, w, h = box
    if gradient.kind == "radial":
        geometry = f'cx="{num(x + w / 2)}" cy="{num(y + h / 2)}" r="{num(gradient.radius(w, h))}"'
        return f'<radialGradient id="{ident}" gradientUnits="userSpaceOnUse" {geometry}>{stops}</radialGradient>\n'
    x0, y0, x1, y1 = gradient.line(x, y, w, h)
    geometry = f'x1="{num(x0)}" y1="{num(y0)}" x2="{num(x1)}" y2="{num(y1)}"'
    return f'<linearGradient id="{ident}" gradientUnits="userSpaceOnUse" {geometry}>{stops}</linearGradient>\n'


def _logo_element(scene: Scene, ox: int, oy: int) -> str:
    assert scene.logo is not None
    x, y, w, h = scene.logo.draw_box
    geometry = f'x="{num(ox + x)}" y="{num(oy + y)}" width="{num(w)}" height="{num(h)}"'
    source = scene.logo.source
    if source.kind == "svg" and source.svg:
        return _nest_svg(source.svg, geometry) + "\n"
    image = source.raster(round(w * LOGO_RASTER_PX_PER_MODULE), round(h * LOGO_RASTER_PX_PER_MODULE))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    href = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<image {geometry} preserveAspectRatio="xMidYMid meet" xlink:href={quoteattr(href)}/>\n'


_ROOT_TAG = re.compile(r"<svg\b[^>]*>", re.S)
_GEOMETRY_ATTR = re.compile(r'\s(?:x|y|width|height|preserveAspectRatio)\s*=\s*("[^"]*"|\'[^\']*\')')


def _nest_svg(document: str, geometry: str) -> str:
    """The logo's root ``<svg>`` with its position and size replaced by ours (viewBox kept)."""
    match = _ROOT_TAG.search(document)
    assert match is not None  # the document was produced by our own serialiser from an <svg> root
    tag = _GEOMETRY_ATTR.sub("", match.group(0))
    tag = tag[:4] + f' {geometry} preserveAspectRatio="xMidYMid meet"' + tag[4:]
    return document[:match.start()] + tag + document[match.end():]


def write_svg(code: QrCode, style: Style, stream: BinaryIO) -> None:
    stream.write(svg_text(code, style).encode("utf-8"))
