"""Geometry every writer shares: quiet zone, frame band, caption band and total size, in modules.

Everything is measured in whole modules so a PNG stays crisp (whole pixels per module) and all formats
have the same proportions. With a frame the picture is::

    border (1 module, foreground colour)
      quiet zone
        symbol
      quiet zone
      caption band (3 modules, only with a caption)
    border

A caption is drawn only together with a frame (the frame is what carries it). ``size_mode="total"``
sizes the whole picture's width, frame and caption included.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.encode import QrCode
from app.core.spec import Style

FRAME_BAND = 1
CAPTION_BAND = 3
CAPTION_MAX_FONT = 1.8  # modules
CAPTION_MARGIN = 1.0  # modules kept free at each end of the caption
# Helvetica's cap height; used to centre a line of text vertically in the band.
CAP_HEIGHT = 0.72


@dataclass(frozen=True)
class Layout:
    """Where things go, in modules; (0, 0) is the top-left corner of the whole picture."""

    size: int  # symbol width in modules, no quiet zone
    quiet: int
    border: int  # frame band width; 0 without a frame
    caption: str
    caption_height: int
    font_size: float  # caption font size in modules (Helvetica metrics)

    @property
    def width(self) -> int:
        return self.size + 2 * (self.quiet + self.border)

    @property
    def height(self) -> int:
        return self.width + self.caption_height

    @property
    def origin(self) -> tuple[int, int]:
        """(x, y) of the symbol's top-left module."""
        offset = self.border + self.quiet
        return offset, offset

    @property
    def caption_centre(self) -> tuple[float, float]:
        """(x, baseline y) of the caption, centred in its band."""
        band_top = self.border + 2 * self.quiet + self.size
        return self.width / 2, band_top + (self.caption_height + CAP_HEIGHT * self.font_size) / 2

    @property
    def caption_width(self) -> float:
        """Room for the caption text."""
        return self.width - 2 * self.border - 2 * CAPTION_MARGIN


def compute_layout(code: QrCode, style: Style) -> Layout:
    border = FRAME_BAND if style.frame else 0
    # One line of printable text: control characters are invalid in SVG and invisible elsewhere.
    printable = "".join(ch if ch.isprintable() else " " for ch in style.caption)
    caption = " ".join(printable.split()) if style.frame else ""
    caption_height = CAPTION_BAND if caption else 0
    font_size = 0.0
    if caption:
        from reportlab.pdfbase.pdfmetrics import stringWidth  # Helvetica metrics, as the PDF writer draws it

        room = code.size + 2 * style.quiet_zone - 2 * CAPTION_MARGIN
        unit_width = stringWidth(caption, "Helvetica", 1.0) or 1.0
        font_size = max(0.1, min(CAPTION_MAX_FONT, room / unit_width))
    return Layout(size=code.size, quiet=style.quiet_zone, border=border, caption=caption,
                  caption_height=caption_height, font_size=font_size)


def module_px(layout: Layout, style: Style) -> int:
    """Whole pixels per module for raster output."""
    return style.module_size_px(layout.width)


def module_mm(layout: Layout, style: Style) -> float:
    """Millimetres per module for vector output."""
    return style.module_size_mm(layout.width)
