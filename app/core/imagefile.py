"""Files to decode → pictures, within a memory budget: PNG, JPEG, WebP, TIFF, GIF, BMP, SVG and PDF pages.

A picture someone drops on the window can be anything: a phone photo, a 600 dpi scan, a label sheet, a
truncated download, or a decompression bomb (a few kilobytes that claim 20,000 x 20,000 pixels). So:

- the header is read first and the decoded size estimated before any pixel is decoded; Pillow's
  decompression-bomb limit and :data:`MAX_DECODED_BYTES` refuse what would not fit, with a message that
  says how large the picture is;
- JPEGs are decoded straight at a reduced scale (Pillow's ``draft``: the DCT is scaled, the full picture
  never exists in memory);
- PDF pages and SVG documents are rasterised to at most :data:`VECTOR_PX` pixels across, one page at a
  time (:func:`read_pictures` is a generator);
- every failure is an :class:`~app.core.errors.UnreadableImage` naming the file.

Positions are reported in the source's own units: pixels of the original raster, points of a PDF page,
CSS pixels of an SVG. :attr:`Picture.scale` converts.
"""

from __future__ import annotations

import io
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from app.core.errors import RenderError, UnreadableImage

MAX_FILE_BYTES = 256 * 2**20  # a file larger than this is not a picture of a QR code
MAX_DECODED_BYTES = 512 * 2**20  # what the decoded pixels of one picture may take
DECODE_PX = 4096  # pictures larger than this across are read at this size first (readers need no more)
VECTOR_PX = 1600  # PDF pages and SVGs are drawn this many pixels across (a 35 mm label code on A4 gets ~6
SHARPER = 2  # px/module); when that finds nothing they are drawn again this many times larger
MAX_PDF_PAGES = 200
SVG_FALLBACK_PX = 300.0
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2, "LA": 4, "PA": 4}
_CSS_PX = {"px": 1.0, "": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0,
           "q": 96 / 101.6}


@dataclass
class Picture:
    """One picture to decode: a whole raster file, one PDF page or one SVG document."""

    image: Image.Image  # RGB, RGBA or L
    scale: float  # picture pixels per source unit
    unit: str  # "px" (raster or SVG) or "pt" (PDF)
    page: int | None = None  # 1-based page number of a PDF
    sharper: Callable[[], Picture] | None = None  # a vector source drawn again at SHARPER times the size

    def to_source(self, x: float, y: float) -> tuple[float, float]:
        return x / self.scale, y / self.scale


def read_source(name: str) -> bytes:
    """The bytes of file ``name``, or of standard input for ``-``."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise UnreadableImage(f"standard input is larger than {MAX_FILE_BYTES // 2**20} MB")
        return data
    path = Path(name)
    try:
        if path.is_dir():
            raise UnreadableImage(f"{name} is a folder, not a picture")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableImage(f"{name} is {size / 2**20:.0f} MB; pictures of QR codes are smaller than "
                                  f"{MAX_FILE_BYTES // 2**20} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableImage(f"{name}: no such file") from None
    except PermissionError:
        raise UnreadableImage(f"{name}: permission denied") from None
    except OSError as exc:
        raise UnreadableImage(f"cannot read {name}: {exc.strerror or exc}") from None


def sniff(data: bytes) -> str:
    """``pdf``, ``svg`` or ``raster`` from the content (never from the file name)."""
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and b"<svg" in data[:65536]:
        return "svg"
    return "raster"


def read_pictures(data: bytes, name: str) -> Iterator[Picture]:
    """The pictures in a file's content, one at a time; raises :class:`UnreadableImage`."""
    if not data:
        raise UnreadableImage(f"{name} is empty")
    kind = sniff(data)
    if kind == "pdf":
        yield from _pdf_pictures(data, name)
    elif kind == "svg":
        yield _svg_picture(data, name)
    else:
        yield _raster_picture(data, name)


# -- raster ------------------------------------------------------------------------------------------------

def _raster_picture(data: bytes, name: str) -> Picture:
    try:
        with warnings.catch_warnings():
            # Pillow warns above ~89 megapixels; the budget below decides instead, and Pillow still
            # refuses outright (DecompressionBombError) at twice that.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise UnreadableImage(f"{name} claims more than {2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6:.0f} million pixels; "
                              "QRDesk does not open pictures that large (scale it down first)") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise UnreadableImage(f"{name} is not a picture QRDesk can read (PNG, JPEG, WebP, TIFF, GIF, BMP, "
                              "SVG or PDF)") from None
    width, height = image.size
    scale = 1.0
    if image.format == "JPEG" and max(width, height) > DECODE_PX:
        # Decode at 1/2, 1/4 or 1/8 scale (never below DECODE_PX): cheap, and the full picture never exists.
        factor = max(width, height) / DECODE_PX
        image.draft("RGB" if image.mode != "L" else "L", (int(width / factor), int(height / factor)))
        scale = image.size[0] / width
    needed = image.size[0] * image.size[1] * _BYTES_PER_PIXEL.get(image.mode, 4)
    if needed > MAX_DECODED_BYTES:
        raise UnreadableImage(f"{name} is {width:,} x {height:,} pixels ({needed / 2**20:,.0f} MB decoded); QRDesk "
                              f"reads pictures up to {MAX_DECODED_BYTES // 2**20} MB decoded (scale it down first)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        reason = str(exc) or type(exc).__name__
        raise UnreadableImage(f"{name} is damaged and cannot be read ({reason})") from None
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # animated GIF/WebP or multi-page TIFF: the first frame
    return Picture(_normal_mode(image), scale, "px")


def _normal_mode(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "RGBA", "L"):
        return image
    if image.mode in ("LA", "PA") or "transparency" in image.info:
        return image.convert("RGBA")
    if image.mode in ("1", "I;16", "I;16B", "I;16L", "I", "F"):
        return image.convert("L") if image.mode != "F" else image.point(lambda v: v * 255).convert("L")
    return image.convert("RGB")  # P, CMYK, YCbCr, LAB, HSV


# -- PDF ---------------------------------------------------------------------------------------------------

def _pdf_pictures(data: bytes, name: str) -> Iterator[Picture]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableImage(f"{name} is not a readable PDF ({exc})") from None
    try:
        for index in range(min(len(document), MAX_PDF_PAGES)):
            picture = _pdf_page(document, index, name, VECTOR_PX)
            picture.sharper = lambda i=index: _pdf_page(document, i, name, VECTOR_PX * SHARPER)
            yield picture
    finally:
        document.close()


def _pdf_page(document: object, index: int, name: str, px: int) -> Picture:
    import pypdfium2 as pdfium

    page = document[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        scale = px / max(width, height, 1.0)
        image = page.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")
    except pdfium.PdfiumError as exc:
        raise UnreadableImage(f"page {index + 1} of {name} cannot be drawn ({exc})") from None
    finally:
        page.close()
    return Picture(image, scale, "pt", page=index + 1)


# -- SVG ---------------------------------------------------------------------------------------------------

_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*([a-z%]*)\s*$", re.IGNORECASE)


def _css_px(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    if not match or match.group(2).lower() not in _CSS_PX:
        return None
    return float(match.group(1)) * _CSS_PX[match.group(2).lower()]


def svg_size(data: bytes) -> tuple[float, float]:
    """The document's width and height in CSS pixels (from width/height, else the viewBox)."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return SVG_FALLBACK_PX, SVG_FALLBACK_PX
    width, height = _css_px(root.get("width")), _css_px(root.get("height"))
    box = [float(v) for v in re.split(r"[\s,]+", (root.get("viewBox") or "").strip()) if _is_number(v)]
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        if width is None and height is None:
            width, height = box[2], box[3]
        elif width is None:
            width = height * box[2] / box[3]  # type: ignore[operator]
        elif height is None:
            height = width * box[3] / box[2]
    return width or SVG_FALLBACK_PX, height or SVG_FALLBACK_PX


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _svg_picture(data: bytes, name: str, px: int | None = None) -> Picture:
    px = px or VECTOR_PX
    width, height = svg_size(data)
    scale = px / max(width, height, 1.0)
    from app.core.svgraster import svg_to_image

    try:
        image = svg_to_image(data, width=round(width * scale), height=round(height * scale), background="white")
    except RenderError as exc:
        raise UnreadableImage(f"{name} is not an SVG picture QRDesk can draw ({exc})") from None
    sharper = None if px > VECTOR_PX else (lambda: _svg_picture(data, name, px * SHARPER))
    return Picture(image.convert("RGB"), scale, "px", sharper=sharper)
