"""Centre logos: loading PNG/JPEG/SVG files and fitting them within the error-correction budget.

The budget rule: modules under the logo are not drawn, so each covered *data* module (not a function
pattern) is a possible error the code has to repair. A code at level H restores about 30% of its
codewords; a covered area also damages the codewords along its edges and real prints add their own
errors, so the logo may cover at most ``LOGO_BUDGET_SHARE`` (60%) of that share, counted in data
modules: ``covered <= 0.6 * ECC_RECOVERY[ecc] * data_modules`` (18% of the data modules at H). A
larger logo is shrunk in whole modules until it fits, and the plan says so. Function patterns
(finders, timing, alignment, format and version information) are never cleared: where one lies
under the logo box (the centre alignment pattern from version 7 on) it is drawn over the logo.
"""

from __future__ import annotations

import io
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree as ET

import numpy as np
from PIL import Image, UnidentifiedImageError

from app.core.encode import ECC_RECOVERY, QrCode
from app.core.errors import RenderError
from app.core.render.geometry import function_mask
from app.core.spec import Style

LOGO_BUDGET_SHARE = 0.6
LOGO_PAD = 0.5  # modules of background between the logo and the nearest drawn module
MIN_LOGO_MODULES = 3

SVG_NS = "http://www.w3.org/2000/svg"
_UNSAFE_TAGS = {"script", "foreignObject"}


@dataclass(frozen=True)
class LogoSource:
    """A loaded logo file: a raster image, or SVG text (kept as vector where the output allows)."""

    path: str
    kind: Literal["raster", "svg"]
    width: float
    height: float
    image: Image.Image | None = None
    svg: str | None = None  # sanitised SVG document

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def raster(self, width_px: int, height_px: int) -> Image.Image:
        """The logo as an RGBA image of exactly this size."""
        width_px, height_px = max(1, width_px), max(1, height_px)
        if self.kind == "raster":
            assert self.image is not None
            return self.image.resize((width_px, height_px), Image.Resampling.LANCZOS)
        assert self.svg is not None
        return _rasterise_svg(self.path, self.svg, width_px, height_px)


@dataclass(frozen=True)
class LogoPlan:
    """Where the logo goes, in modules of the symbol (no quiet zone)."""

    row: int  # cleared box
    col: int
    rows: int
    cols: int
    draw_box: tuple[float, float, float, float]  # x, y, w, h of the logo itself
    cleared: np.ndarray  # data modules left undrawn
    protected: np.ndarray  # function-pattern modules inside the box, drawn over the logo
    covered: int
    budget: float
    data_modules: int
    requested_cols: int
    shrunk: bool
    source: LogoSource

    @property
    def message(self) -> str | None:
        if not self.shrunk:
            return None
        return (f"the logo was shrunk from {self.requested_cols} to {self.cols} modules wide so the code "
                f"can still restore what it hides ({self.covered} of {self.data_modules} data modules "
                f"covered)")


def load_logo(path: str | os.PathLike[str]) -> LogoSource:
    """Load a logo; raise :class:`RenderError` naming the file when it is missing or unreadable."""
    target = Path(path)
    try:
        stat = target.stat()
    except FileNotFoundError:
        raise RenderError(f"logo file not found: {target}") from None
    except OSError as exc:
        raise RenderError(f"cannot read logo {target}: {exc.strerror}") from None
    return _load_cached(str(target.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _load_cached(path: str, _mtime_ns: int, _size: int) -> LogoSource:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RenderError(f"cannot read logo {path}: {exc.strerror}") from None
    if _looks_like_svg(data):
        return _load_svg(path, data)
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            image = img.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise RenderError(f"logo {path} is not a readable PNG, JPEG or SVG image") from None
    return LogoSource(path=path, kind="raster", width=image.width, height=image.height, image=image)


def _looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"<svg" in data[:65536]


def _load_svg(path: str, data: bytes) -> LogoSource:
    from defusedxml import ElementTree as SafeET  # refuses entity bombs and external entities

    try:
        root = SafeET.fromstring(data)
    except Exception as exc:  # defusedxml raises ParseError and its own DefusedXmlException family
        raise RenderError(f"logo {path} is not a valid SVG file ({exc})") from None
    if root.tag not in (f"{{{SVG_NS}}}svg", "svg"):
        raise RenderError(f"logo {path} is not an SVG image (its root element is {root.tag!r})")
    _strip_active_content(root)
    width, height = _svg_intrinsic_size(root)
    if not root.get("viewBox"):
        root.set("viewBox", f"0 0 {width:g} {height:g}")
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    text = ET.tostring(root, encoding="unicode")
    return LogoSource(path=path, kind="svg", width=width, height=height, svg=text)


def _strip_active_content(root: ET.Element) -> None:
    # A logo is a picture: scripts, event handlers and links to other files or sites have no business
    # in an exported code (a viewer would run or fetch them).
    for parent in root.iter():
        for child in list(parent):
            if child.tag.rsplit("}", 1)[-1] in _UNSAFE_TAGS:
                parent.remove(child)
        for name, value in list(parent.attrib.items()):
            local = name.rsplit("}", 1)[-1].lower()
            external = local == "href" and not value.strip().startswith(("#", "data:"))
            if local.startswith("on") or external:
                del parent.attrib[name]


_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|mm|cm|in)?\s*$")


def _svg_intrinsic_size(root: ET.Element) -> tuple[float, float]:
    view_box = (root.get("viewBox") or "").replace(",", " ").split()
    vb = None
    if len(view_box) == 4:
        try:
            vb = tuple(float(v) for v in view_box)
        except ValueError:
            vb = None
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width and height:
        return width, height
    if vb and vb[2] > 0 and vb[3] > 0:
        return vb[2], vb[3]
    return 100.0, 100.0


def _length(value: str | None) -> float | None:
    if not value:
        return None
    match = _LENGTH.match(value)
    if not match:
        return None
    number = float(match.group(1))
    return number if number > 0 and math.isfinite(number) else None


@lru_cache(maxsize=64)  # a batch draws the same logo at the same size for every row
def _rasterise_svg(path: str, svg: str, width_px: int, height_px: int) -> Image.Image:
    from app.core.svgraster import svg_to_image

    try:
        return svg_to_image(svg, width=width_px, height=height_px).convert("RGBA")
    except RenderError as exc:
        raise RenderError(f"cannot draw SVG logo {path}: {exc}") from None


def _odd(value: float) -> int:
    """The odd whole number nearest ``value`` (a centred box on an odd-sized symbol has odd sides)."""
    return max(1, 2 * round((value - 1) / 2) + 1)


def _box_sides(side: float, aspect: float) -> tuple[int, int]:
    """Rows and columns of a box that fits a logo of ``aspect`` into a ``side`` x ``side`` square."""
    if aspect >= 1:
        return max(MIN_LOGO_MODULES, _odd(side / aspect)), max(MIN_LOGO_MODULES, _odd(side))
    return max(MIN_LOGO_MODULES, _odd(side)), max(MIN_LOGO_MODULES, _odd(side * aspect))


def plan_logo(code: QrCode, style: Style) -> LogoPlan | None:
    """Fit the style's logo onto ``code``; ``None`` without a logo.

    Raises :class:`RenderError` when the logo cannot be read, or when even the smallest logo would
    hide more than the code's error correction can restore (the code was not made at level H).
    """
    if not style.logo:
        return None
    if code.micro:
        raise RenderError("a Micro QR code has no room for a logo")
    source = load_logo(style.logo)
    n = code.size
    functions = function_mask(n, code.version)
    data_modules = int(n * n - functions.sum())
    recovery = ECC_RECOVERY.get(code.ecc, 0.0)
    budget = LOGO_BUDGET_SHARE * recovery * data_modules
    requested = style.logo_scale * n
    requested_rows, requested_cols = _box_sides(requested, source.aspect)
    side = requested
    while True:
        rows, cols = _box_sides(side, source.aspect)
        row, col = (n - rows) // 2, (n - cols) // 2
        box = np.zeros((n, n), dtype=bool)
        box[row:row + rows, col:col + cols] = True
        cleared = box & ~functions
        covered = int(cleared.sum())
        if covered <= budget:
            break
        if rows <= MIN_LOGO_MODULES and cols <= MIN_LOGO_MODULES:
            raise RenderError(
                f"the logo does not fit: even {cols}x{rows} modules hide more than error-correction level "
                f"{code.ecc or 'none'} can restore; a logo needs level H")
        side -= 1
    inner_w, inner_h = cols - 2 * LOGO_PAD, rows - 2 * LOGO_PAD
    if inner_w / inner_h > source.aspect:
        draw_w, draw_h = inner_h * source.aspect, inner_h
    else:
        draw_w, draw_h = inner_w, inner_w / source.aspect
    draw_box = (col + (cols - draw_w) / 2, row + (rows - draw_h) / 2, draw_w, draw_h)
    cleared.setflags(write=False)
    protected = box & functions
    protected.setflags(write=False)
    return LogoPlan(row=row, col=col, rows=rows, cols=cols, draw_box=draw_box, cleared=cleared,
                    protected=protected, covered=covered, budget=budget, data_modules=data_modules,
                    requested_cols=requested_cols,
                    shrunk=cols < requested_cols or rows < requested_rows, source=source)
