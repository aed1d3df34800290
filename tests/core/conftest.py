"""Fixtures shared by the core tests."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
import segno
import zxingcpp
from PIL import Image


def _encode_and_decode(data: str) -> str:
    """Encode ``data`` as a QR code PNG, decode it with zxing-cpp and return the decoded text.

    The one place tests turn data into pixels; it will later call the core encoder instead of segno.
    """
    options = {} if data.isascii() else {"encoding": "utf-8", "eci": True}
    code = segno.make(data, error="m", **options)
    buf = io.BytesIO()
    code.save(buf, kind="png", scale=4)
    buf.seek(0)
    with Image.open(buf) as img:
        results = zxingcpp.read_barcodes(img.convert("L"))  # segno writes 1-bit/palette PNGs
    assert len(results) == 1, f"expected one barcode, found {len(results)}"
    return results[0].text


@pytest.fixture
def decode_data() -> Callable[[str], str]:
    """``decode_data(data)`` → the text a real decoder reads from a code made of ``data``."""
    return _encode_and_decode
