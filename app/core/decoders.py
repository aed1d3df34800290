"""Three QR readers behind one interface, chosen from a table (:data:`DECODERS`).

- ``zxing`` (zxing-cpp): fast, reads QR, Micro QR and rMQR; the export gate uses it alone.
- ``zbar`` (Debian's libzbar0 through pyzbar): the reader in many Linux and older Android apps.
- ``opencv`` (OpenCV's ``QRCodeDetector``): a different detector and binariser again.

Phones run readers of all these families, so a code that only one of them reads is a code some users
cannot scan. Each reader takes a greyscale ``uint8`` array and returns :class:`Found` codes; zbar and
OpenCV are imported on first use (OpenCV alone costs ~0.3 s and ~60 MB), and a reader whose library is
missing reports why through :func:`unavailable_reason` instead of failing the caller.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

Point = tuple[float, float]

QR = "QR"
MICRO_QR = "Micro QR"
RMQR = "rMQR"


@dataclass(frozen=True)
class Found:
    """One code a reader found: its text, symbology and corners (x, y in image pixels, clockwise from the
    symbol's top-left corner as the reader saw it)."""

    text: str
    symbology: str
    corners: tuple[Point, ...]
    decoder: str
    version: str | None = None  # "1".."40" or "M1".."M4" where the reader tells it

    @property
    def modules(self) -> int | None:
        """Modules across a square symbol, from its version (``None`` when unknown or not square)."""
        if not self.version or self.symbology == RMQR:
            return None
        if self.version.startswith("M") and self.version[1:].isdigit():
            return 9 + 2 * int(self.version[1:])
        return 17 + 4 * int(self.version) if self.version.isdigit() else None

    @property
    def centre(self) -> Point:
        xs, ys = zip(*self.corners, strict=True) if self.corners else ((0.0,), (0.0,))
        return sum(xs) / len(xs), sum(ys) / len(ys)


class DecoderUnavailable(Exception):
    """A reader's library is not installed (the message says which package provides it)."""


@dataclass(frozen=True)
class Decoder:
    name: str
    label: str  # what a user sees, e.g. "zbar"
    symbologies: frozenset[str]  # what it can read at all
    read: Callable[[np.ndarray], list[Found]]


# -- zxing-cpp ---------------------------------------------------------------------------------------------

def _read_zxing(grey: np.ndarray) -> list[Found]:
    import zxingcpp

    names = {zxingcpp.BarcodeFormat.QRCode: QR, zxingcpp.BarcodeFormat.MicroQRCode: MICRO_QR,
             zxingcpp.BarcodeFormat.RMQRCode: RMQR}
    # Plain text mode: the default (HRI) shows control characters as "<NUL>".
    # zxing-cpp 3 takes a tuple of formats (its stubs still ask for the deprecated BarcodeFormats).
    results = zxingcpp.read_barcodes(grey, formats=tuple(names), text_mode=zxingcpp.TextMode.Plain)  # type: ignore[arg-type]
    found = []
    for r in results:
        if not r.valid:
            continue
        p = r.position
        corners = tuple((float(q.x), float(q.y)) for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left))
        version = str(r.extra.get("Version", "")) if isinstance(r.extra, dict) else ""
        symbology = names.get(r.format, QR)
        if symbology == MICRO_QR and version.isdigit():
            version = f"M{version}"
        found.append(Found(r.text, symbology, corners, "zxing", version or None))
    return found


# -- zbar --------------------------------------------------------------------------------------------------

@cache
def _pyzbar() -> Any:
    try:
        from pyzbar import pyzbar
    except ImportError as exc:  # pyzbar missing, or libzbar0 missing (pyzbar raises ImportError then)
        raise DecoderUnavailable(f"zbar is not available ({exc}); install libzbar0 and the pyzbar package") \
            from None
    return pyzbar


def _read_zbar(grey: np.ndarray) -> list[Found]:
    pyzbar = _pyzbar()
    found = []
    for symbol in pyzbar.decode(np.ascontiguousarray(grey), symbols=[pyzbar.ZBarSymbol.QRCODE]):
        # zbar hands out text already converted to UTF-8 (from ECI or its own charset guess).
        text = symbol.data.decode("utf-8", errors="replace")
        corners = _clockwise([(float(p.x), float(p.y)) for p in symbol.polygon])
        found.append(Found(text, QR, corners, "zbar"))
    return found


# -- OpenCV ------------------------------------------------------------------------------------------------

@cache
def _cv2() -> Any:
    try:
        import cv2
    except ImportError as exc:
        raise DecoderUnavailable(f"OpenCV is not available ({exc}); install opencv-python-headless") from None
    with contextlib.suppress(AttributeError):  # OpenCV logs "ECI is not supported properly" etc. per image
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    return cv2


def _read_opencv(grey: np.ndarray) -> list[Found]:
    cv2 = _cv2()
    detector = cv2.QRCodeDetector()
    found = []
    try:
        ok, texts, points, _ = detector.detectAndDecodeMulti(grey)
        if ok and points is not None:
            found = [(text, quad) for text, quad in zip(texts, points, strict=False) if text]
        if not found:
            # The multi-code detector misses single codes the single-code one reads (e.g. with ink spread).
            text, quad, _ = detector.detectAndDecode(grey)
            if text and quad is not None:
                found = [(text, quad)]
    except cv2.error:  # raised for some degenerate detections instead of returning nothing
        return []
    return [Found(text, QR, tuple((float(x), float(y)) for x, y in np.asarray(quad).reshape(-1, 2)), "opencv")
            for text, quad in found]


def _clockwise(points: list[Point]) -> tuple[Point, ...]:
    """Order a quadrilateral's corners clockwise (y down), starting from the one nearest the top-left."""
    if len(points) < 3:
        return tuple(points)
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    ordered = sorted(points, key=lambda p: np.arctan2(p[1] - cy, p[0] - cx))
    start = min(range(len(ordered)), key=lambda i: ordered[i][0] + ordered[i][1])
    return tuple(ordered[start:] + ordered[:start])


DECODERS: dict[str, Decoder] = {d.name: d for d in (
    Decoder("zxing", "zxing-cpp", frozenset({QR, MICRO_QR, RMQR}), _read_zxing),
    Decoder("zbar", "zbar", frozenset({QR}), _read_zbar),
    Decoder("opencv", "OpenCV", frozenset({QR}), _read_opencv),
)}
FAST = "zxing"  # the export gate's reader


def unavailable_reason(name: str) -> str | None:
    """Why reader ``name`` cannot run here, or ``None`` when it can."""
    try:
        if name == "zbar":
            _pyzbar()
        elif name == "opencv":
            _cv2()
    except DecoderUnavailable as exc:
        return str(exc)
    return None


def available(names: Iterable[str] | None = None) -> list[str]:
    """The readers (of ``names``, default all) whose libraries are installed, in table order."""
    wanted = list(DECODERS) if names is None else list(names)
    return [n for n in DECODERS if n in wanted and unavailable_reason(n) is None]


def read(grey: np.ndarray, name: str = FAST) -> list[Found]:
    """Codes reader ``name`` finds in a greyscale image; raises :class:`DecoderUnavailable`."""
    if grey.dtype != np.uint8 or grey.ndim != 2:
        raise ValueError("readers take a 2-D uint8 greyscale array")
    return DECODERS[name].read(grey)
