"""Scan check: decode a rendered code with zxing-cpp and say whether it scans, plus why it might not.

Two entry points: :func:`check_code` renders a code (or takes the caller's image) and compares what
zxing-cpp reads with the exact data, adding style findings (contrast, inverted colours, quiet zone,
logo budget); :func:`verify_file` reads an exported file from disk through :mod:`app.core.imagefile` (the
loader ``qrdesk decode`` uses: SVG drawn by resvg, PDF pages by pypdfium2, pictures within a memory budget).

The export gate uses zxing-cpp alone (fast). ``thorough`` checks (:func:`check_code_thorough`,
``verify_file(..., thorough=True)``) also ask zbar and OpenCV and add the robustness score of
:mod:`app.core.robustness`; ``qrdesk verify --thorough`` and the app's scan details show them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import zxingcpp
from PIL import Image

from app.core.encode import QrCode
from app.core.errors import RenderError, UnreadableImage
from app.core.gradient import dark_colours
from app.core.imagefile import read_pictures
from app.core.render import render_image
from app.core.render.plain import grid_image, is_plain
from app.core.spec import RGBA, Style, contrast_ratio, relative_luminance

if TYPE_CHECKING:
    import numpy as np

    from app.core.decoders import Found
    from app.core.robustness import RobustnessReport

CONTRAST_ERROR = 3.0
CONTRAST_WARNING = 4.5
QUIET_ZONE_QR = 4  # modules the standard asks for (ISO/IEC 18004)
QUIET_ZONE_MICRO = 2
WHITE: RGBA = (255, 255, 255, 255)

_QR_FORMATS = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode,
               zxingcpp.BarcodeFormat.RMQRCode)
CHECK_PX_PLAIN = 3  # square modules are exact at any size: the smallest image decodes fastest
CHECK_PX_SHAPED = 6  # dots, rounded corners and logos need a few pixels to look like themselves


@dataclass
class ScanReport:
    """The outcome of a scan check; messages are plain sentences fit to show a user.

    A thorough check also fills ``readers`` (reader name → read the exact data undisturbed) and
    ``robustness``."""

    ok: bool
    decoded: str | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    readers: dict[str, bool] = field(default_factory=dict)
    robustness: RobustnessReport | None = None


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _over(colour: RGBA, under: RGBA) -> RGBA:
    """``colour`` composited over an opaque ``under`` (what a reader actually sees)."""
    a = colour[3] / 255
    mixed = (round(c * a + u * (1 - a)) for c, u in zip(colour[:3], under[:3], strict=True))
    return (*mixed, 255)  # type: ignore[return-value]


def style_findings(code: QrCode, style: Style) -> tuple[list[str], list[str]]:
    """Errors and warnings about how a code looks, independent of whether this decoder reads it."""
    errors: list[str] = []
    warnings: list[str] = []
    bg = style.bg_rgba
    if bg[3] == 0:
        warnings.append("the background is transparent: whether it scans depends on what it is placed on "
                        "(checked here on white)")
    seen_bg = _over(bg, WHITE)
    colours = dark_colours(style, seen_bg)  # a gradient is judged at its palest point
    for name, colour in colours:
        seen = _over(colour, seen_bg)
        ratio = contrast_ratio(seen, seen_bg)
        where = " at the gradient's palest point" if style.gradient("fg" if name == "foreground" else "eye") else ""
        if ratio < CONTRAST_ERROR:
            errors.append(f"{name} and background contrast is too low{where} ({ratio:.1f}:1, at least "
                          f"{CONTRAST_ERROR:g}:1 is needed, {CONTRAST_WARNING:g}:1 recommended)")
        elif ratio < CONTRAST_WARNING:
            warnings.append(f"{name} and background contrast is low{where} ({ratio:.1f}:1; {CONTRAST_WARNING:g}:1 "
                            f"or more scans reliably)")
    if relative_luminance(_over(colours[0][1], seen_bg)) > relative_luminance(seen_bg):
        warnings.append("the colours are inverted (light modules on a dark background): many phone "
                        "readers cannot read inverted codes")
    needed = QUIET_ZONE_MICRO if code.micro else QUIET_ZONE_QR
    if style.quiet_zone == 0:
        warnings.append(f"there is no quiet zone: many readers fail without {needed} modules of background "
                        "around the code")
    elif style.quiet_zone < needed:
        warnings.append(f"the quiet zone is {style.quiet_zone} module{'s' if style.quiet_zone > 1 else ''}; "
                        f"the standard asks for {needed}, and some readers fail with less")
    return errors, warnings


def decode_image(image: Image.Image, *, rendered: bool = False) -> list[str]:
    """Texts of the QR-family codes zxing-cpp finds in ``image`` (transparency flattened onto white).

    ``rendered`` says the image is our own upright rendering at a sensible size, so the decoder need
    not try rotations and downscaled copies (several times faster; a batch checks every code).
    """
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, WHITE)
        flat.alpha_composite(rgba)
        image = flat
    if image.mode != "L":
        image = image.convert("L")
    # Plain text mode: the default (HRI) shows control characters as "<NUL>", which would never
    # compare equal to the data. zxing-cpp 3 takes a tuple of formats (its stubs lag behind).
    results = zxingcpp.read_barcodes(image, formats=_QR_FORMATS,  # type: ignore[arg-type]
                                     text_mode=zxingcpp.TextMode.Plain, try_rotate=not rendered,
                                     try_downscale=not rendered)
    return [r.text for r in results if r.valid]


def _check_image(code: QrCode, style: Style) -> Image.Image:
    if not is_plain(code, style):
        return render_image(code, style, CHECK_PX_SHAPED)
    # Straight to greyscale from the module grid: this runs once per code in a checked batch.
    bg, fg, eye = (_grey(_over(colour, _over(style.bg_rgba, WHITE)))
                   for colour in (style.bg_rgba, style.fg_rgba, style.eye_rgba))
    return grid_image(code, style, CHECK_PX_PLAIN, (bg, fg, eye if style.eye_rgba != style.fg_rgba else fg))


def _grey(colour: RGBA) -> int:
    r, g, b = colour[:3]
    return (r * 299 + g * 587 + b * 114) // 1000  # what Pillow's convert("L") gives


def check_code(code: QrCode, style: Style, image: Image.Image | None = None) -> ScanReport:
    """Render ``code`` (unless ``image`` is given), decode it and compare with ``code.data`` exactly."""
    errors, warnings = style_findings(code, style)
    try:
        plan = None
        if style.logo:  # the logo module needs NumPy, which checking a plain code does not
            from app.core.logo import plan_logo

            plan = plan_logo(code, style)
        if plan is not None and plan.message:
            warnings.append(plan.message)
        if image is None:
            image = _check_image(code, style)
    except RenderError as exc:
        return ScanReport(ok=False, decoded=None, errors=[*errors, str(exc)], warnings=warnings)
    texts = decode_image(image, rendered=True)
    decoded = texts[0] if texts else None
    if decoded is None:
        errors.append("the code does not decode")
    elif decoded != code.data:
        errors.append(f"the code decodes to {_short(decoded)} instead of {_short(code.data)}")
    return ScanReport(ok=not errors, decoded=decoded, errors=errors, warnings=warnings)


def verify_file(path: str | os.PathLike[str], expected: str | None = None, *, thorough: bool = False) -> ScanReport:
    """Decode a PNG, JPEG, SVG or PDF file from disk; with ``expected`` the data must match exactly.

    ``thorough`` also asks every reader and scores the code's robustness; a reader that cannot read the
    code makes the report fail."""
    target = Path(path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return ScanReport(ok=False, decoded=None, errors=[f"file not found: {target}"])
    except OSError as exc:
        return ScanReport(ok=False, decoded=None, errors=[f"cannot read {target}: {exc.strerror or exc}"])
    try:
        pages = load_pages(data, target)
    except (RenderError, UnreadableImage) as exc:
        return ScanReport(ok=False, decoded=None, errors=[str(exc)])
    texts = [text for page in pages for text in decode_image(page)]
    warnings: list[str] = []
    if len(texts) > 1:
        warnings.append(f"{target.name} holds {len(texts)} codes")
    if not texts:
        return ScanReport(ok=False, decoded=None, errors=[f"no QR code found in {target.name}"])
    if expected is not None and expected not in texts:
        return ScanReport(ok=False, decoded=texts[0], warnings=warnings,
                          errors=[f"the code decodes to {_short(texts[0])} instead of {_short(expected)}"])
    report = ScanReport(ok=True, decoded=texts[0] if expected is None else expected, warnings=warnings)
    if thorough:
        assert report.decoded is not None
        _add_thorough(report, pages, report.decoded)
    return report


def _add_thorough(report: ScanReport, pages: list[Image.Image], text: str) -> None:
    from app.core import decoders as readers
    from app.core.decode import greyscale
    from app.core.robustness import score_image

    for page in pages:
        grey = greyscale(page)
        found = next((f for f in readers.read(grey) if f.text == text), None)
        if found is not None:
            break
    else:
        return
    crop, module_px = _code_crop(grey, found)
    report.robustness = score_image(crop, text, module_px, symbology=found.symbology)
    _judge_readers(report, report.robustness)


def _code_crop(grey: np.ndarray, found: Found) -> tuple[np.ndarray, float]:
    """The code with a 4-module quiet zone (white where the picture ends), and its pixels per module."""
    import numpy as np

    (x0, y0), (x1, y1) = found.corners[0], found.corners[1]
    n = found.modules or 21
    module_px = max(1.0, float(np.hypot(x1 - x0, y1 - y0)) / n)
    margin = QUIET_ZONE_QR * module_px
    xs, ys = [p[0] for p in found.corners], [p[1] for p in found.corners]
    left, top = int(min(xs) - margin), int(min(ys) - margin)
    right, bottom = int(max(xs) + margin) + 1, int(max(ys) + margin) + 1
    canvas = np.full((bottom - top, right - left), 255, dtype=np.uint8)
    src = grey[max(0, top):bottom, max(0, left):right]
    canvas[max(0, -top):max(0, -top) + src.shape[0], max(0, -left):max(0, -left) + src.shape[1]] = src
    return canvas, module_px


def _judge_readers(report: ScanReport, robustness: RobustnessReport) -> None:
    from app.core import decoders as readers

    report.readers = dict(robustness.clean)
    unread = [readers.DECODERS[name].label for name, ok in robustness.clean.items() if not ok]
    if unread:
        report.ok = False
        them = "it" if len(unread) == 1 else "them"
        report.errors.append(f"{', '.join(unread)} cannot read the code (some phones' readers are built on {them})")
    report.warnings.extend(robustness.skipped.values())  # not installed, or cannot read Micro QR


def check_code_thorough(code: QrCode, style: Style, cancelled: Callable[[], bool] | None = None) -> ScanReport:
    """:func:`check_code` plus every reader and the robustness score (about a second: keep it off the UI
    thread); ``cancelled`` can stop it between conditions (:class:`app.core.robustness.Cancelled`)."""
    from app.core.robustness import score_code

    report = check_code(code, style)
    try:
        robustness = score_code(code, style, cancelled=cancelled)
    except RenderError:
        return report  # check_code has already said why the code cannot be drawn
    report.robustness = robustness
    _judge_readers(report, robustness)
    return report


def load_pages(data: bytes, source: Path) -> list[Image.Image]:
    """Rasterise a file's content for decoding: one image per page, read by :mod:`app.core.imagefile` (the
    same loader as ``qrdesk decode``: a memory budget, decompression-bomb limits, one sentence per problem)."""
    return [picture.image for picture in read_pictures(data, source.name)]
