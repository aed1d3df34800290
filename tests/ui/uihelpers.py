"""Helpers shared by the GUI tests (a uniquely named module: tests/core has its own conftest helpers)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image


def decode(image) -> list[str]:
    """Decode a PIL image or QImage with zxing-cpp; returns the texts found."""
    from PySide6.QtGui import QImage

    from app.ui.imaging import qimage_to_pil

    if isinstance(image, QImage):
        image = qimage_to_pil(image)
    rgb = image.convert("RGB")
    return [r.text for r in zxingcpp.read_barcodes(np.asarray(rgb))]


def wait_preview(qtbot, window, expected_text: str | None = None, timeout: int = 5000) -> None:
    """Wait until the preview shows the newest spec (and, if given, a code for that text)."""

    def ready() -> None:
        last = window.preview_ctl.last
        assert last is not None and last.generation == window.preview_ctl.generation
        if expected_text is not None:
            assert last.code is not None and last.code.data == expected_text

    qtbot.waitUntil(ready, timeout=timeout)


def save_png(image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(image, Image.Image):
        image.save(path)
    else:
        image.save(str(path))
