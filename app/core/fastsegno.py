"""The project's QR encoder: segno's, with its three hot spots done by NumPy and called explicitly.

segno evaluates the eight mask patterns one after another in pure Python (about 85% of the time it
needs for a code), then computes Reed-Solomon words and places the codeword bits bit by bit. :func:`encode`
follows segno's own ``encoder._encode`` step by step: segno's functions make the segments, the data bit
stream, the function patterns and the format/version information; this module's functions do the three
hot spots, and the result is segno's ``Code`` tuple, bit for bit what ``segno.make(..., micro=False)``
returns. Nothing in segno is replaced or patched: other users of segno in the process get pristine segno.

- Mask choice scores all eight masks at once, reproducing segno's penalty rules *including its quirks*
  (reserved format modules count as light, the N3 scan resumes 7 modules after a counted finder-like
  pattern and 4 after an uncounted one).
- Placement order depends only on the version; it is recorded once from segno's own placement function
  and replayed as one NumPy assignment.
- Reed-Solomon error words are linear in the data words over GF(256), so per block shape a table of each
  position's contribution turns the division into one lookup and an XOR reduction.

``segno.encoder`` is not segno's public API, so segno is pinned exactly (pyproject.toml, constraints.txt)
to the versions ``tests/core/test_fastsegno.py`` has compared against pristine segno over the full grid
(versions 1-40 x L/M/Q/H x numeric/alphanumeric/byte/kanji near capacity, every fixed mask). To upgrade
segno, record its grid with ``.venv/bin/python -m tests.core.segno_grid`` and keep that test green.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import numpy as np
from segno import DataOverflowError
from segno import consts as _segno_consts
from segno import encoder as _segno

if TYPE_CHECKING:
    import numpy.typing as npt

    U8 = npt.NDArray[np.uint8]


class Code(NamedTuple):
    """segno's encoder result (same fields and values as ``segno.encoder.Code``)."""

    matrix: tuple[bytearray, ...]  # rows of 0/1 module values, no quiet zone
    version: int
    error: int  # segno.consts.ERROR_LEVEL_*
    mask: int
    segments: _segno.Segments


def encode(content: str, error: str | None = None, version: int | None = None, mode: str | None = None,
           mask: int | None = None, encoding: str | None = None, eci: bool = False,
           boost_error: bool = True) -> Code:
    """A regular (not Micro) QR code exactly as ``segno.make(content, ..., micro=False)`` makes it.

    The arguments are segno's (``error`` "L".."H", ``mode`` "numeric", "alphanumeric", "byte" or
    "kanji", ``mask`` 0..7 or None to choose the best). Raises segno's :class:`DataOverflowError`
    when the content does not fit, :class:`ValueError` for an invalid argument.
    """
    version_no = _segno.normalize_version(version)
    if version_no is not None and version_no < 1:
        raise ValueError(f"{version!r} is a Micro QR version; this encoder makes regular QR codes")
    error_no = _segno.normalize_errorlevel(error, accept_none=True)
    mode_no = _segno.normalize_mode(mode)
    if mode_no is not None and version_no is not None and not _segno.is_mode_supported(mode_no, version_no):
        raise ValueError(f"mode {mode!r} is not available in version {version_no}")
    mask_no = _segno.normalize_mask(mask, False)
    segments = _segno.prepare_data(content, mode_no, encoding)
    fitting: int = _segno.find_version(segments, error_no, eci=eci, micro=False)
    if version_no is None:
        version_no = fitting
    elif fitting > version_no:
        raise DataOverflowError(f"the data does not fit into version {version_no}; it needs version {fitting}")
    if error_no is None:
        error_no = _segno_consts.ERROR_LEVEL_L
    if boost_error:
        error_no = _segno.boost_error_level(version_no, error_no, segments, eci)
    modules = place_codewords(version_no, final_message(version_no, error_no, data_bits(segments, version_no,
                                                                                        error_no, eci)))
    if mask_no is None:
        mask_no = best_mask(version_no, modules)
    masked = modules ^ _mask_xors(version_no)[mask_no]
    matrix = tuple(bytearray(row.tobytes()) for row in masked)
    _segno.add_format_info(matrix, version_no, error_no, mask_no)
    _segno.add_version_info(matrix, version_no)
    return Code(matrix, version_no, error_no, mask_no, segments)


def data_bits(segments: _segno.Segments, version: int, error: int, eci: bool) -> U8:
    """The data codewords as bits: segments, terminator, padding (segno's functions, segno's order)."""
    buff = _segno.Buffer()
    ver_range = _segno.version_range(version)
    for segment in segments:
        _segno.write_segment(buff, segment, None, ver_range, eci)
    capacity = cast("dict[int, dict[int, int]]", _segno_consts.SYMBOL_CAPACITY)[version][error]
    _segno.write_terminator(buff, capacity, None, len(buff))
    _segno.write_padding_bits(buff, version, len(buff))
    _segno.write_pad_codewords(buff, version, capacity, len(buff))
    return np.frombuffer(bytes(buff.getbits()), dtype=np.uint8)


@lru_cache(maxsize=64)
def _function_patterns(version: int) -> U8:
    """The empty symbol: finder, timing and alignment patterns (0/1), reserved areas 0, data modules 2."""
    width = _segno.calc_matrix_size(version)
    matrix = _segno.make_matrix(width, width)
    _segno.add_finder_patterns(matrix, width, width)
    _segno.add_alignment_patterns(matrix, width, width)
    out = np.frombuffer(b"".join(matrix), dtype=np.uint8).reshape(width, width).copy()
    out.setflags(write=False)
    return out


@lru_cache(maxsize=64)
def _mask_xors(version: int) -> U8:
    """The eight mask patterns restricted to the encoding region, shape (8, n, n), uint8."""
    encoding_region = _function_patterns(version) > 1
    width = encoding_region.shape[0]
    i, j = np.indices((width, width))
    patterns = np.stack([
        (i + j) % 2 == 0,
        i % 2 == 0,
        j % 3 == 0,
        (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0,
        (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    ])
    xors = (patterns & encoding_region).astype(np.uint8)
    xors.setflags(write=False)
    return xors


# --- mask choice ---------------------------------------------------------------------------------------

def best_mask(version: int, modules: U8) -> int:
    """The mask segno chooses for the unmasked symbol ``modules`` (the first of equal scores, as segno)."""
    candidates = modules[None, :, :] ^ _mask_xors(version)
    return int(np.argmin(mask_penalties(candidates)))


def _n1_scores(lines: np.ndarray) -> np.ndarray:
    """Runs of >= 5 equal modules score (length - 2); ``lines`` has shape (8, n_lines, n)."""
    masks, n_lines, n = lines.shape
    # A sentinel column that never equals a module value keeps runs from crossing line ends.
    padded = np.full((masks, n_lines, n + 1), 255, dtype=np.uint8)
    padded[:, :, :n] = lines
    flat = padded.reshape(-1)
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    lengths = np.diff(np.append(starts, flat.size))
    penalties = np.where(lengths >= 5, lengths - 2, 0)
    return np.bincount(starts // (n_lines * (n + 1)), weights=penalties, minlength=masks)


def _n3_line_score(hits: np.ndarray, qualified: np.ndarray) -> int:
    """segno's sequential N3 scan for one line (only used where matches are 4 or 6 apart)."""
    score, resume = 0, 0
    for idx in map(int, np.flatnonzero(hits)):
        if idx < resume:
            continue
        if qualified[idx]:
            score += 40
            resume = idx + 7
        else:
            resume = idx + 4
    return score


def _n3_scores(lines: np.ndarray) -> np.ndarray:
    masks, n_lines, n = lines.shape
    w = n - 6
    dark = lines != 0
    hits = dark[:, :, 0:w] & ~dark[:, :, 1:w + 1] & dark[:, :, 2:w + 2] & dark[:, :, 3:w + 3] \
        & dark[:, :, 4:w + 4] & ~dark[:, :, 5:w + 5] & dark[:, :, 6:w + 6]
    if not hits.any():
        return np.zeros(masks, dtype=np.int64)
    # Modules beyond the edge count as light, as segno's truncated slices do.
    padded = np.zeros((masks, n_lines, n + 8), dtype=bool)
    padded[:, :, 4:n + 4] = dark
    pairs = padded[:, :, :-1] | padded[:, :, 1:]
    quads = pairs[:, :, :-2] | pairs[:, :, 2:]  # quads[k]: any dark in padded[k:k+4]
    qualified = ~quads[:, :, 0:w] | ~quads[:, :, 11:11 + w]
    qualified[:, :, 0] = True
    qualified[:, :, w - 1] = True
    counted = hits & qualified
    scores: np.ndarray = counted.sum(axis=(1, 2)).astype(np.int64) * 40
    # A counted match makes segno resume 7 modules later, hiding a match 4 or 6 modules on (the
    # pattern overlaps itself only at those shifts); replay those rare lines exactly.
    clash = (counted[:, :, :-4] & hits[:, :, 4:]).any(axis=2) | (counted[:, :, :-6] & hits[:, :, 6:]).any(axis=2)
    for m, line_no in zip(*np.nonzero(clash), strict=True):
        scores[m] += _n3_line_score(hits[m, line_no], qualified[m, line_no]) - 40 * int(counted[m, line_no].sum())
    return scores


def mask_penalties(candidates: np.ndarray) -> np.ndarray:
    """Total penalty (N1+N2+N3+N4) of each masked matrix in ``candidates`` (shape (k, n, n))."""
    n = candidates.shape[1]
    lines = np.concatenate((candidates, candidates.transpose(0, 2, 1)), axis=1)
    n1 = _n1_scores(lines)
    same = (candidates[:, 1:, 1:] == candidates[:, 1:, :-1]) \
        & (candidates[:, 1:, 1:] == candidates[:, :-1, 1:]) \
        & (candidates[:, 1:, 1:] == candidates[:, :-1, :-1])
    n2 = same.sum(axis=(1, 2)) * 3
    n3 = _n3_scores(lines)
    dark = candidates.sum(axis=(1, 2), dtype=np.int64)
    n4 = np.array([10 * int(abs(float(d) / (n**2) * 100 - 50) / 5) for d in dark])
    total: np.ndarray = n1.astype(np.int64) + n2 + n3 + n4
    return total


# --- codeword placement --------------------------------------------------------------------------------

class _RecordingRow:
    """A matrix row that remembers where segno's placement loop writes, in order."""

    def __init__(self, row_no: int, row: bytearray, log: list[int]) -> None:
        self._row_no, self._row, self._log = row_no, row, log

    def __getitem__(self, j: int) -> int:
        return self._row[j]

    def __setitem__(self, j: int, value: int) -> None:
        self._row[j] = value
        self._log.append(self._row_no * len(self._row) + j % len(self._row))


@lru_cache(maxsize=64)
def _placement_order(version: int) -> npt.NDArray[np.intp]:
    """Flat indices of the data modules in the order segno's ``add_codewords`` fills them."""
    empty = _function_patterns(version)
    n_bits = int((empty == 2).sum())
    log: list[int] = []
    scratch = tuple(_RecordingRow(i, bytearray(row.tobytes()), log) for i, row in enumerate(empty))
    _segno.add_codewords(scratch, bytes(n_bits), version)
    order = np.array(log, dtype=np.intp)
    order.setflags(write=False)
    return order


def place_codewords(version: int, bits: U8) -> U8:
    """The unmasked symbol: function patterns with ``bits`` (the final message) in the data modules."""
    order = _placement_order(version)
    if bits.size != order.size:
        raise ValueError(f"version {version} has {order.size} data modules, not {bits.size}")
    empty = _function_patterns(version)
    flat = empty.reshape(-1).copy()
    flat[order] = bits
    return flat.reshape(empty.shape)


# --- error correction ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _gf_mul_table() -> np.ndarray:
    log = np.array(_segno_consts.GALIOS_LOG, dtype=np.int32)
    exp = np.array(_segno_consts.GALIOS_EXP, dtype=np.uint8)
    a = np.arange(256)
    table: np.ndarray = exp[(log[a][:, None] + log[a][None, :]) % 255]
    table[0, :] = 0
    table[:, 0] = 0
    return table


def _unit_remainders(n_data: int, n_ec: int) -> list[list[int]]:
    """Error words of a block whose only non-zero data word is a 1 at position k, for each k.

    That is x^(n_data - 1 - k + n_ec) mod g; each power follows from the previous one by a shift and at most
    one reduction, so the table costs n_data * n_ec steps instead of a division per position. Coefficients
    are highest degree first, as in segno's division.
    """
    gen, log, exp = _segno_consts.GEN_POLY[n_ec], _segno_consts.GALIOS_LOG, _segno_consts.GALIOS_EXP
    remainder = [exp[g] for g in gen]  # x^n_ec mod g: the generator without its leading 1
    powers = [remainder]
    for _ in range(n_data - 1):
        top, remainder = remainder[0], [*remainder[1:], 0]
        if top:
            shift = log[top]
            remainder = [r ^ exp[shift + g] for r, g in zip(remainder, gen, strict=True)]
        powers.append(remainder)
    return powers[::-1]


@lru_cache(maxsize=256)
def _rs_table(n_data: int, n_ec: int) -> np.ndarray:
    """(n_data, 256, n_ec): error words contributed by value v at data position i."""
    unit = np.array(_unit_remainders(n_data, n_ec), dtype=np.uint8)
    table: np.ndarray = _gf_mul_table()[np.arange(256)[None, :, None], unit[:, None, :]]
    table.setflags(write=False)
    return table


def _interleave(blocks: list[U8]) -> U8:
    """Column by column over blocks of possibly unequal length (segno's zip_longest)."""
    width = max(len(b) for b in blocks)
    grid = np.full((len(blocks), width), -1, dtype=np.int16)
    for i, block in enumerate(blocks):
        grid[i, :len(block)] = block
    flat = grid.T.reshape(-1)
    return flat[flat >= 0].astype(np.uint8)


def final_message(version: int, error: int, bits: U8) -> U8:
    """Data and error words interleaved by block, as bits, with the version's remainder bits."""
    data = np.packbits(bits)
    data_blocks: list[U8] = []
    error_blocks: list[U8] = []
    pos = 0
    ecc_blocks = cast("dict[int, dict[int, tuple[Any, ...]]]", _segno_consts.ECC)  # segno.consts: no annotations
    for info in ecc_blocks[version][error]:
        n_ec = info.num_total - info.num_data
        table = _rs_table(info.num_data, n_ec)
        positions = np.arange(info.num_data)
        for _ in range(info.num_blocks):
            block = data[pos:pos + info.num_data]
            pos += info.num_data
            data_blocks.append(block)
            error_blocks.append(np.bitwise_xor.reduce(table[positions, block], axis=0))
    message = np.concatenate((_interleave(data_blocks), _interleave(error_blocks)))
    return np.concatenate((np.unpackbits(message), np.zeros(_REMAINDER_BITS.get(version, 0), dtype=np.uint8)))


_REMAINDER_BITS = {**dict.fromkeys(range(2, 7), 7), **dict.fromkeys((*range(14, 21), *range(28, 35)), 3),
                   **dict.fromkeys(range(21, 28), 4)}
