"""Turns data and a :class:`~app.core.spec.Style` into a QR matrix; knows nothing of output formats.

The encoder is segno's. Regular codes go through :func:`app.core.fastsegno.encode` (segno's steps with its
hot spots in NumPy, bit for bit the same output) once NumPy is in the process anyway (the app, a batch, a
styled render) or the data is long; otherwise through segno's own encoder, because importing NumPy costs a
one-code command more than segno's pure-Python encoder takes for a short payload (:func:`_regular_encoder`).
Micro QR codes always go through segno's own encoder. This module decides the options a user should not have
to think about: the charset and ECI so non-ASCII text decodes on phones, the error-correction level a logo
needs, Micro QR only where the data fits.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

import segno
from segno import consts as segno_consts
from segno import encoder as segno_encoder

from app.core.errors import CapacityError, SpecError
from app.core.spec import QrSpec, Style

if TYPE_CHECKING:
    import numpy as np

    from app.core import fastsegno

    RawCode = fastsegno.Code | segno_encoder.Code

_ECC_NAMES = {segno_consts.ERROR_LEVEL_L: "L", segno_consts.ERROR_LEVEL_M: "M",
              segno_consts.ERROR_LEVEL_Q: "Q", segno_consts.ERROR_LEVEL_H: "H"}
# Share of codewords each level can restore (ISO/IEC 18004 Table 13, approximately).
ECC_RECOVERY = {"L": 0.07, "M": 0.15, "Q": 0.25, "H": 0.30}
MAX_DATA_BYTES = 2953  # version 40-L, byte mode: the largest QR code there is
# Above this many characters segno's pure-Python encoder takes about as long as importing NumPy (~0.1 s).
PURE_SEGNO_MAX_CHARS = 1000


@dataclass(frozen=True)
class QrCode:
    """An encoded symbol: a square matrix of modules (True = dark) without quiet zone."""

    data: str
    rows: tuple[bytes, ...]  # the matrix row by row, one byte per module (1 = dark); NumPy-free
    version: int | str  # 1..40, or "M1".."M4" for Micro QR
    ecc: str  # "L", "M", "Q", "H"; "" for M1 (error detection only)
    mask: int
    charset: str  # the byte encoding of the data ("" when segno chose numeric/alphanumeric/kanji modes only)
    eci: bool
    capacity_used: float  # share of the symbol's data capacity the data takes (0..1)

    @property
    def micro(self) -> bool:
        return isinstance(self.version, str)

    @property
    def size(self) -> int:
        """Width (= height) in modules, without quiet zone."""
        return len(self.rows)

    @cached_property
    def matrix(self) -> np.ndarray:
        """The modules as a read-only boolean NumPy matrix (imported here: a plain PNG never needs it)."""
        import numpy as np

        size = self.size
        matrix = np.frombuffer(b"".join(self.rows), dtype=np.uint8).reshape(size, size).astype(bool)
        matrix.setflags(write=False)
        return matrix

    @cached_property
    def finder_origins(self) -> tuple[tuple[int, int], ...]:
        """(row, col) of the top-left module of each 7x7 finder pattern ("eye")."""
        if self.micro:
            return ((0, 0),)
        far = self.size - 7
        return ((0, 0), (0, far), (far, 0))

    @cached_property
    def eye_mask(self) -> np.ndarray:
        """Boolean matrix marking the modules of the finder patterns (drawn with the eye style)."""
        import numpy as np

        mask = np.zeros_like(self.matrix, dtype=bool)
        for r, c in self.finder_origins:
            mask[r:r + 7, c:c + 7] = True
        return mask

    @property
    def description(self) -> str:
        """Short human text, e.g. ``version 5-M, mask 3, 62% full``."""
        version = self.version if self.micro else f"{self.version}"
        ecc = f"-{self.ecc}" if self.ecc else ""
        return f"version {version}{ecc}, mask {self.mask}, {self.capacity_used:.0%} full"


def encode_spec(spec: QrSpec) -> QrCode:
    """Encode a spec's payload with its style's options."""
    return encode(spec.data(), spec.style)


def check_spec(spec: QrSpec) -> None:
    """Raise the reason ``spec`` cannot become a code, exactly as :func:`encode_spec` would (a missing or bad
    field, a charset that cannot hold the data, more data than the largest code holds), without drawing it.

    The one check every way into the library shares (a new item, a save over an existing one, the CLI, a
    batch), so the library never holds an item that does not encode.
    """
    data = spec.data()
    ecc, encoding, eci = _options(data, spec.style)
    if spec.style.micro and not eci and _try_micro(data, ecc, encoding, spec.style.boost_ecc) is not None:
        return
    try:
        segno_encoder.find_version(segno_encoder.prepare_data(data, None, encoding),
                                   segno_encoder.normalize_errorlevel(ecc), eci=eci, micro=False)
    except segno.DataOverflowError:
        raise CapacityError(_overflow_message(data, ecc, encoding)) from None


def effective_ecc(style: Style) -> str:
    """A logo hides modules, so it always gets the strongest level."""
    return "H" if style.logo else style.ecc


def encode(data: str, style: Style | None = None) -> QrCode:
    """Encode ``data``; raise :class:`CapacityError` with a plain reason when it cannot fit."""
    style = style or Style()
    ecc, encoding, eci = _options(data, style)
    if style.micro and not eci:
        code = _try_micro(data, ecc, encoding, style.boost_ecc)
        if code is not None:
            return code
    try:
        raw = _regular_encoder(data)(data, error=ecc, encoding=encoding, eci=eci,
                                     boost_error=style.boost_ecc and not style.logo)
    except segno.DataOverflowError:
        raise CapacityError(_overflow_message(data, ecc, encoding)) from None
    return _to_code(data, raw, encoding, eci)


def _regular_encoder(data: str) -> Callable[..., RawCode]:
    """The encoder of a regular QR code: both give the same matrix (``tests/core/test_fastsegno.py``), so the
    choice is only about time. NumPy's import (~0.1 s of CPU) pays off for many codes or a long one, not for
    one short code from the command line, which then never imports NumPy at all."""
    if "numpy" in sys.modules or len(data) > PURE_SEGNO_MAX_CHARS:
        from app.core import fastsegno

        return fastsegno.encode
    return partial(segno_encoder.encode, micro=False)


def _options(data: str, style: Style) -> tuple[str, str | None, bool]:
    """The ECC level, byte encoding and ECI flag ``data`` is encoded with."""
    if not data:
        raise SpecError("data", "is empty: there is nothing to encode")
    return (effective_ecc(style), *_charset_options(data, style.charset))


def _charset_options(data: str, charset: str) -> tuple[str | None, bool]:
    if charset == "auto":
        return (None, False) if data.isascii() else ("utf-8", True)
    try:
        data.encode(charset)
    except UnicodeEncodeError as exc:
        raise SpecError("style.charset", f"{charset} cannot encode {data[exc.start]!r}; use utf-8") from None
    if charset == "iso-8859-1":
        return charset, False  # the QR default charset needs no ECI header
    return charset, not data.isascii()


def _try_micro(data: str, ecc: str, encoding: str | None, boost: bool) -> QrCode | None:
    # Micro QR has no level H and M1 only detects errors; use the closest level it offers.
    micro_ecc = "Q" if ecc == "H" else ecc
    try:
        raw = segno_encoder.encode(data, error=micro_ecc.lower(), encoding=encoding, micro=True,
                                   boost_error=boost)
    except (segno.DataOverflowError, ValueError):
        return None
    return _to_code(data, raw, encoding, False)


def _to_code(data: str, raw: RawCode, encoding: str | None, eci: bool) -> QrCode:
    rows = tuple(bytes(row) for row in raw.matrix)
    version: int | str = raw.version if raw.version > 0 else segno_encoder.get_version_name(raw.version)
    ecc = _ECC_NAMES.get(raw.error, "") if raw.error is not None else ""
    capacity_bits = symbol_capacity(raw.version, raw.error)
    used_bits = raw.segments.bit_length_with_overhead(raw.version, eci)
    byte_mode = any(seg.mode == segno_consts.MODE_BYTE for seg in raw.segments)
    charset = (encoding or "iso-8859-1") if byte_mode else ""
    return QrCode(data=data, rows=rows, version=version, ecc=ecc, mask=raw.mask, charset=charset,
                  eci=eci, capacity_used=min(1.0, used_bits / capacity_bits))


def symbol_capacity(version: int, error: int | None) -> int:
    """Data bits a symbol holds, by segno's version and error constants (Micro QR too; M1 has no level)."""
    return cast("dict[int, dict[int | None, int]]", segno_consts.SYMBOL_CAPACITY)[version][error]


def _overflow_message(data: str, ecc: str, encoding: str | None) -> str:
    size = len(data.encode(encoding or "utf-8", errors="replace"))
    largest = {"L": 2953, "M": 2331, "Q": 1663, "H": 1273}[ecc]
    hint = " (a logo needs level H; remove it to fit more)" if ecc == "H" else " (try a lower ECC level)"
    return (f"data is too long for a QR code: {size} bytes, but the largest code at ECC level {ecc} "
            f"holds {largest} bytes{hint if ecc != 'L' else ''}")
