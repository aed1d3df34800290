"""Vectorised drop-ins for segno's two hot spots, producing bit-for-bit the same codes.

segno evaluates the eight QR mask patterns one after another in pure Python, which is about 85% of
the time it needs to make a code. This module scores all eight at once with NumPy, reproducing
segno's penalty rules *including its quirks* (reserved format modules count as light, the N3 scan
resumes 7 modules after a counted finder-like pattern and 4 after an uncounted one), so the matrices
stay bit-for-bit identical to segno's own choice. Placing the codeword bits is the next hot spot; the
placement order only depends on the version, so it is recorded once from segno's own function and
replayed as one NumPy assignment. Reed-Solomon error words are linear in the data words over GF(256),
so per block shape a table of each position's contribution turns the division into one lookup and
an XOR reduction. ``tests/core/test_fastsegno.py`` compares both against pristine segno
on random payloads; keep it green whenever segno is upgraded (segno is pinned for that reason).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
from segno import consts as _segno_consts
from segno import encoder as _segno_encoder

_original_find_and_apply_best_mask: Callable = _segno_encoder.find_and_apply_best_mask
_original_add_codewords: Callable = _segno_encoder.add_codewords
_original_make_final_message: Callable = _segno_encoder.make_final_message


@lru_cache(maxsize=64)
def _mask_xors(width: int) -> np.ndarray:
    """The eight mask patterns restricted to the encoding region, shape (8, n, n), uint8."""
    function_matrix = _segno_encoder.make_matrix(width, width)
    _segno_encoder.add_finder_patterns(function_matrix, width, width)
    _segno_encoder.add_alignment_patterns(function_matrix, width, width)
    function_matrix[-8][8] = 0x1
    encoding_region = np.frombuffer(b"".join(function_matrix), dtype=np.uint8).reshape(width, width) > 1
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
    for idx in np.flatnonzero(hits):
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
    scores = counted.sum(axis=(1, 2)).astype(np.int64) * 40
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
    return n1.astype(np.int64) + n2 + n3 + n4


def find_and_apply_best_mask(matrix, width, height, proposed_mask=None):
    """Drop-in for :func:`segno.encoder.find_and_apply_best_mask` (same arguments and result)."""
    if proposed_mask is not None or width != height or width < 21:
        return _original_find_and_apply_best_mask(matrix, width, height, proposed_mask)
    base = np.frombuffer(b"".join(matrix), dtype=np.uint8).reshape(width, width)
    candidates = base[None, :, :] ^ _mask_xors(width)
    best = int(np.argmin(mask_penalties(candidates)))  # argmin keeps the first of equal scores, as segno
    return best, tuple(bytearray(row.tobytes()) for row in candidates[best])


class _RecordingRow:
    """A matrix row that remembers where segno's placement loop writes, in order."""

    def __init__(self, row_no: int, row: bytearray, log: list[int]) -> None:
        self._row_no, self._row, self._log = row_no, row, log

    def __getitem__(self, j: int) -> int:
        return self._row[j]

    def __setitem__(self, j: int, value: int) -> None:
        self._row[j] = value
        self._log.append(self._row_no * len(self._row) + j % len(self._row))


_placement_orders: dict[tuple[int, int], np.ndarray] = {}


def _placement_order(matrix: tuple[bytearray, ...], n_bits: int, version: int) -> np.ndarray:
    key = (version, n_bits)
    order = _placement_orders.get(key)
    if order is None:
        log: list[int] = []
        scratch = tuple(_RecordingRow(i, bytearray(row), log) for i, row in enumerate(matrix))
        _original_add_codewords(scratch, bytes(n_bits), version)
        order = np.array(log, dtype=np.intp)
        order.setflags(write=False)
        _placement_orders[key] = order
    return order


def add_codewords(matrix, codewords, version):
    """Drop-in for :func:`segno.encoder.add_codewords` (same arguments, fills ``matrix`` in place)."""
    bits = np.frombuffer(bytes(codewords.getbits() if hasattr(codewords, "getbits") else codewords),
                         dtype=np.uint8)
    n = len(matrix)
    order = _placement_order(matrix, bits.size, version)
    flat = np.frombuffer(b"".join(matrix), dtype=np.uint8).copy()
    flat[order] = bits
    for i, row in enumerate(matrix):
        row[:] = flat[i * n:(i + 1) * n].tobytes()


@lru_cache(maxsize=1)
def _gf_mul_table() -> np.ndarray:
    log = np.array(_segno_consts.GALIOS_LOG, dtype=np.int32)
    exp = np.array(_segno_consts.GALIOS_EXP, dtype=np.uint8)
    a = np.arange(256)
    table = exp[(log[a][:, None] + log[a][None, :]) % 255]
    table[0, :] = 0
    table[:, 0] = 0
    return table


def _rs_remainder(block: list[int], n_ec: int) -> list[int]:
    """segno's synthetic division, used only to build the tables."""
    gen, log, exp = _segno_consts.GEN_POLY[n_ec], _segno_consts.GALIOS_LOG, _segno_consts.GALIOS_EXP
    work = [*block, *([0] * n_ec)]
    for k in range(len(block)):
        if work[k]:
            lcoef = log[work[k]]
            for n in range(n_ec):
                work[k + n + 1] ^= exp[lcoef + gen[n]]
    return work[len(block):]


@lru_cache(maxsize=256)
def _rs_table(n_data: int, n_ec: int) -> np.ndarray:
    """(n_data, 256, n_ec): error words contributed by value v at data position i."""
    unit = np.array([_rs_remainder([int(i == k) for i in range(n_data)], n_ec) for k in range(n_data)],
                    dtype=np.uint8)
    table = _gf_mul_table()[np.arange(256)[None, :, None], unit[:, None, :]]
    table.setflags(write=False)
    return table


def _interleave(blocks: list[np.ndarray]) -> np.ndarray:
    """Column by column over blocks of possibly unequal length (segno's zip_longest)."""
    width = max(len(b) for b in blocks)
    grid = np.full((len(blocks), width), -1, dtype=np.int16)
    for i, block in enumerate(blocks):
        grid[i, :len(block)] = block
    flat = grid.T.reshape(-1)
    return flat[flat >= 0].astype(np.uint8)


def make_final_message(version, error, buff):
    """Drop-in for :func:`segno.encoder.make_final_message` for regular QR codes."""
    if version < 1:
        return _original_make_final_message(version, error, buff)
    data = np.packbits(np.frombuffer(bytes(buff.getbits()), dtype=np.uint8))
    data_blocks, error_blocks, pos = [], [], 0
    for info in _segno_consts.ECC[version][error]:
        n_ec = info.num_total - info.num_data
        table = _rs_table(info.num_data, n_ec)
        positions = np.arange(info.num_data)
        for _ in range(info.num_blocks):
            block = data[pos:pos + info.num_data]
            pos += info.num_data
            data_blocks.append(block)
            error_blocks.append(np.bitwise_xor.reduce(table[positions, block], axis=0))
    message = np.concatenate((_interleave(data_blocks), _interleave(error_blocks)))
    bits = np.unpackbits(message).tobytes() + bytes(_REMAINDER_BITS.get(version, 0))
    return _segno_encoder.Buffer(bits)


_REMAINDER_BITS = {**dict.fromkeys(range(2, 7), 7), **dict.fromkeys((*range(14, 21), *range(28, 35)), 3),
                   **dict.fromkeys(range(21, 28), 4)}


def install() -> None:
    """Make segno use the vectorised functions in this process (idempotent, same output)."""
    _segno_encoder.find_and_apply_best_mask = find_and_apply_best_mask
    _segno_encoder.add_codewords = add_codewords
    _segno_encoder.make_final_message = make_final_message


def uninstall() -> None:
    """Restore segno's own functions (the reference the tests compare against)."""
    _segno_encoder.find_and_apply_best_mask = _original_find_and_apply_best_mask
    _segno_encoder.add_codewords = _original_add_codewords
    _segno_encoder.make_final_message = _original_make_final_message
