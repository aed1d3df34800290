"""Reading codes back in: every QR code in a picture, PDF or SVG, with its payload kind, fields, position and
colours, ready to reopen in the editor as a :class:`~app.core.spec.QrSpec`.

zxing-cpp reads first (it finds several codes per picture, Micro QR and rMQR too); when it finds nothing
zbar and OpenCV get a try, since each reads some damaged or styled codes the others miss. Large pictures
are read at :data:`~app.core.imagefile.DECODE_PX` first and at full size only when that finds nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from app.core import decoders as readers
from app.core.imagefile import DECODE_PX, Picture, read_pictures, read_source
from app.core.payloads import parse_payload
from app.core.spec import QrSpec, Style

Point = tuple[float, float]
FALLBACK = ("zbar", "opencv")
SAME_CODE_PX = 12.0  # two readers reporting the same text this close (centre to centre) found one code
EYE_DIFFERS = 48  # RGB distance above which the eyes count as coloured apart from the modules


@dataclass(frozen=True)
class Colours:
    """Colours read back from the pixels (``#rrggbb``); ``eye`` is ``None`` when the eyes look like the
    modules, ``bg`` is ``transparent`` when the picture is see-through around the code."""

    fg: str
    bg: str
    eye: str | None = None


@dataclass(frozen=True)
class DecodedCode:
    text: str
    kind: str  # payload kind (app.core.payloads.PAYLOAD_KINDS); "text" when nothing more specific fits
    fields: dict[str, str]
    symbology: str  # "QR", "Micro QR" or "rMQR"
    corners: tuple[Point, ...]  # in the source's unit, clockwise from the symbol's top-left
    unit: str  # "px" or "pt"
    decoder: str
    page: int | None = None
    colours: Colours | None = None

    def spec(self) -> QrSpec:
        """The code as an editor item: its payload kind and fields, and the colours that could be read."""
        style = Style(micro=self.symbology == readers.MICRO_QR)
        if self.colours is not None:
            with contextlib.suppress(ValueError):
                style = Style(fg=self.colours.fg, bg=self.colours.bg, eye_color=self.colours.eye,
                              micro=style.micro)
        return QrSpec(kind=self.kind, fields=dict(self.fields), style=style)

    def where(self) -> str:
        xs = [p[0] for p in self.corners] or [0.0]
        ys = [p[1] for p in self.corners] or [0.0]
        page = f"page {self.page}, " if self.page else ""
        return (f"{page}{min(xs):.0f},{min(ys):.0f} to {max(xs):.0f},{max(ys):.0f} {self.unit}")


@dataclass
class FileResult:
    """What one file held; ``codes`` is empty when none was found."""

    name: str
    codes: list[DecodedCode] = field(default_factory=list)
    pages: int = 0


def decode_file(name: str, decoders: Sequence[str] = (readers.FAST,), *, fallback: bool = True) -> FileResult:
    """Decode file ``name`` (``-`` for standard input); raises :class:`~app.core.errors.UnreadableImage`."""
    return decode_bytes(read_source(name), "standard input" if name == "-" else name, decoders,
                        fallback=fallback)


def decode_bytes(data: bytes, name: str, decoders: Sequence[str] = (readers.FAST,), *,
                 fallback: bool = True) -> FileResult:
    result = FileResult(name)
    for picture in read_pictures(data, name):
        result.pages += 1
        result.codes.extend(decode_picture(picture, decoders, fallback=fallback))
    return result


def decode_image(image: Image.Image, decoders: Sequence[str] = (readers.FAST,), *,
                 fallback: bool = True) -> list[DecodedCode]:
    """Codes in a Pillow image (e.g. pasted from the clipboard); positions in its pixels."""
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    return decode_picture(Picture(image, 1.0, "px"), decoders, fallback=fallback)


def decode_picture(picture: Picture, decoders: Sequence[str] = (readers.FAST,), *,
                   fallback: bool = True) -> list[DecodedCode]:
    image = picture.image
    side = max(image.size)
    # A large picture is read shrunk first (a box filter: fast, and readers need only a few px per module);
    # only when that finds nothing is the full picture turned into an array as well.
    factors = [int(np.ceil(side / DECODE_PX)), 1] if side > DECODE_PX else [1]
    for factor in factors:
        grey = greyscale(image.reduce(factor) if factor > 1 else image)
        found = _read_all(grey, decoders, fallback)
        del grey
        if found:
            return [_decoded(f, picture, factor) for f in found]
    if picture.sharper is not None:  # small codes on a large page or drawing: look closer once
        return decode_picture(picture.sharper(), decoders, fallback=fallback)
    return []


def _read_all(grey: np.ndarray, decoders: Sequence[str], fallback: bool) -> list[readers.Found]:
    found: list[readers.Found] = []
    for name in decoders:
        found = _merge(found, readers.read(grey, name))
    if not found and fallback:
        for name in readers.available(FALLBACK):
            if name not in decoders:
                found = readers.read(grey, name)
                if found:
                    break
    return found


def _merge(known: list[readers.Found], new: Iterable[readers.Found]) -> list[readers.Found]:
    out = list(known)
    for f in new:
        cx, cy = f.centre
        if not any(k.text == f.text and abs(k.centre[0] - cx) + abs(k.centre[1] - cy) < SAME_CODE_PX * 2
                   for k in out):
            out.append(f)
    return out


def greyscale(image: Image.Image) -> np.ndarray:
    """Luma as the readers want it, transparency flattened onto white (how a see-through PNG is seen)."""
    if image.mode == "RGBA":
        flat = Image.new("RGBA", image.size, (255, 255, 255, 255))
        flat.alpha_composite(image)
        image = flat
    return np.asarray(image.convert("L"))


def _decoded(found: readers.Found, picture: Picture, factor: int) -> DecodedCode:
    full = tuple((x * factor, y * factor) for x, y in found.corners)
    kind, fields = parse_payload(found.text)
    corners = tuple(tuple(round(v, 1) for v in picture.to_source(x, y)) for x, y in full)
    return DecodedCode(text=found.text, kind=kind, fields=fields, symbology=found.symbology,
                       corners=corners, unit=picture.unit, decoder=found.decoder,  # type: ignore[arg-type]
                       page=picture.page, colours=read_colours(picture.image, full, found))


# -- colours -----------------------------------------------------------------------------------------------

def _modules(found: readers.Found) -> int | None:
    """Modules across the symbol: from the version the reader reports, else as our encoder would choose."""
    if found.modules is not None or found.symbology == readers.RMQR:
        return found.modules
    from app.core.encode import encode
    from app.core.errors import QrDeskError

    try:
        return encode(found.text, Style(micro=found.symbology == readers.MICRO_QR)).size
    except QrDeskError:
        return None


def _sample(rgba: np.ndarray, corners: Sequence[Point], n: int, cells: Iterable[tuple[int, int]]) -> np.ndarray:
    """RGBA at the centres of module cells (row, col), mapped through the symbol's four corners."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners[:4]
    out = []
    h, w = rgba.shape[:2]
    for r, c in cells:
        u, v = (c + 0.5) / n, (r + 0.5) / n
        x = (1 - u) * (1 - v) * x0 + u * (1 - v) * x1 + u * v * x2 + (1 - u) * v * x3
        y = (1 - u) * (1 - v) * y0 + u * (1 - v) * y1 + u * v * y2 + (1 - u) * v * y3
        out.append(rgba[min(h - 1, max(0, int(y))), min(w - 1, max(0, int(x)))])
    return np.array(out, dtype=np.float64).reshape(-1, 4)


def _hex(rgb: np.ndarray) -> str:
    r, g, b = (round(float(v)) for v in rgb[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def read_colours(image: Image.Image, corners: Sequence[Point], found: readers.Found) -> Colours | None:
    """Module, background and eye colours sampled at module centres (``None`` when they are unclear)."""
    n = _modules(found)
    if len(corners) < 4 or n is None:
        return None
    # Only the code's own box is converted to RGBA: the picture may be a 100-megapixel scan.
    left, top = (max(0, int(min(p[i] for p in corners))) for i in (0, 1))
    right, bottom = (int(np.ceil(max(p[i] for p in corners))) + 1 for i in (0, 1))
    rgba = np.asarray(image.crop((left, top, right, bottom)).convert("RGBA"))
    corners = [(x - left, y - top) for x, y in corners]
    finder_origins = [(0, 0)] if found.symbology == readers.MICRO_QR else [(0, 0), (0, n - 7), (n - 7, 0)]
    eye_cells = {(r + dr, c + dc) for r, c in finder_origins for dr in range(7) for dc in range(7)
                 if max(abs(dr - 3), abs(dc - 3)) != 2}  # the ring and the centre are dark in every eye
    samples = _sample(rgba, corners, n, [(r, c) for r in range(n) for c in range(n) if (r, c) not in eye_cells])
    alpha = samples[:, 3:] / 255
    seen = samples[:, :3] * alpha + 255 * (1 - alpha)  # composited onto white, as the readers saw it
    luma = seen @ np.array([0.299, 0.587, 0.114])
    lo, hi = np.percentile(luma, 5), np.percentile(luma, 95)
    if hi - lo < 20:
        return None
    dark = samples[luma < (lo + hi) / 2]
    light = samples[luma >= (lo + hi) / 2]
    fg = np.median(dark, axis=0)
    bg_alpha = np.median(light[:, 3])
    bg = "transparent" if bg_alpha < 32 else _hex(np.median(light, axis=0))
    eyes = np.median(_sample(rgba, corners, n, sorted(eye_cells)), axis=0)
    eye = _hex(eyes) if np.linalg.norm(eyes[:3] - fg[:3]) > EYE_DIFFERS else None
    return Colours(fg=_hex(fg), bg=bg, eye=eye)
