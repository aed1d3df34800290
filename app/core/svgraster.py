"""SVG → Pillow image with resvg, whose wheels carry everything (no system graphics library on any OS).

One place for every SVG the core draws: the scan check of SVG exports and of files to verify, SVG logos
and SVG pictures to decode. The document is parsed first with defusedxml (no entity expansion, no DTDs)
and every ``href`` that is not a fragment (``#id``) or a ``data:`` URI is dropped, because resvg would
otherwise load images from this computer's disk (absolute paths, and relative ones against the working
folder) into a code's logo or a check.
"""

from __future__ import annotations

import io
import sys

from PIL import Image

from app.core.errors import RenderError

CSS_PX_PER_INCH = 96.0  # what mm, pt and in in an SVG are converted with (the CSS reference pixel)
# resvg's generic sans-serif is Arial; Linux rarely has it, and our captions ask for "Helvetica, Arial,
# sans-serif". DejaVu Sans is what the Linux setup installs (fonts-dejavu-core); Windows and macOS have Arial.
_SANS_SERIF = "DejaVu Sans" if sys.platform.startswith("linux") else None


def svg_to_image(svg: bytes | str, *, width: int | None = None, height: int | None = None,
                 background: str | None = None) -> Image.Image:
    """The drawing at ``width`` x ``height`` pixels (one of them keeps the aspect ratio; neither: its own size).

    ``background`` is a CSS colour behind the drawing (default: transparent). Raises :class:`RenderError`
    with resvg's or the XML parser's reason when the document cannot be drawn.
    """
    import resvg_py

    text = _without_external_references(svg)
    try:
        png = resvg_py.svg_to_bytes(svg_string=text, width=width, height=height, background=background,
                                    dpi=CSS_PX_PER_INCH, sans_serif_family=_SANS_SERIF)
    except (ValueError, OverflowError) as exc:
        raise RenderError(f"not an SVG drawing resvg can draw ({exc})") from None
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return image.copy()


def _without_external_references(svg: bytes | str) -> str:
    from xml.etree import ElementTree

    from defusedxml import ElementTree as SafeElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = SafeElementTree.fromstring(svg)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise RenderError(f"not a well-formed SVG document ({exc})") from None
    for element in root.iter():
        for name in [n for n in element.attrib if n.rpartition("}")[2] == "href"]:
            if not element.attrib[name].strip().startswith(("#", "data:")):
                del element.attrib[name]
    return ElementTree.tostring(root, encoding="unicode")
