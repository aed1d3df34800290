"""The full QR grid the fast encoder is checked on: versions 1-40 x L/M/Q/H x numeric/alphanumeric/byte/kanji.

Each case fills its version to capacity (or one or two characters short, so padding is exercised too)
and is encoded twice: with the mask segno chooses and with a fixed mask (all eight masks on every
version). Pristine segno takes minutes for the grid in pure Python, so its results are recorded once
per segno release into ``tests/core/data/segno-grid.json`` and compared in the test suite; segno is
pinned to the releases recorded there. To record a new release (after installing it)::

    .venv/bin/python -m tests.core.segno_grid
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GRID_FILE = Path(__file__).with_name("data") / "segno-grid.json"
ERRORS = "LMQH"
MODES = ("numeric", "alphanumeric", "byte", "kanji")
_ALPHABETS = {
    "numeric": "0123456789",
    "alphanumeric": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
    "byte": "".join(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x100)])),  # one ISO-8859-1 byte each
}


def _kanji_alphabet() -> str:
    """Characters whose Shift JIS code lies in the QR kanji ranges (0x8140-0x9FFC, 0xE040-0xEBBF)."""
    chars = []
    for lead in (*range(0x88, 0xA0), *range(0xE0, 0xEB)):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFD)):
            try:
                chars.append(bytes((lead, trail)).decode("shift_jis"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


@dataclass(frozen=True)
class Case:
    version: int
    error: str
    mode: str
    length: int  # characters
    fixed_mask: int

    @property
    def key(self) -> str:
        return f"{self.version}-{self.error}-{self.mode}"

    def content(self) -> str:
        alphabet = _ALPHABETS.get(self.mode) or _kanji_alphabet()
        rnd = random.Random(self.key)
        return "".join(rnd.choice(alphabet) for _ in range(self.length))


def digest(matrix: tuple[bytearray, ...]) -> str:
    return hashlib.sha256(b"".join(bytes(row) for row in matrix)).hexdigest()[:16]


def _shortfall(index: int) -> int:
    return index % 3  # full, one short, two short


def _capacity(version: int, error: str, mode: str) -> int:
    """The most characters of ``mode`` that fit ``version``-``error`` (asks segno, no matrix is built)."""
    from segno import consts, encoder

    available = consts.SYMBOL_CAPACITY[version][consts.ERROR_MAPPING[error]]
    alphabet = _ALPHABETS.get(mode) or _kanji_alphabet()
    low, high = 1, 8000
    while low < high:
        mid = (low + high + 1) // 2
        segments = encoder.prepare_data(alphabet[0] * mid, consts.MODE_MAPPING[mode], None)
        if segments.bit_length_with_overhead(version, False) <= available:
            low = mid
        else:
            high = mid - 1
    return low


def _cases_from_segno() -> Iterator[Case]:
    index = 0
    for version in range(1, 41):
        for error in ERRORS:
            for mode in MODES:
                length = max(1, _capacity(version, error, mode) - _shortfall(index))
                yield Case(version, error, mode, length, fixed_mask=(index + version) % 8)
                index += 1


def load() -> dict:
    return json.loads(GRID_FILE.read_text(encoding="utf-8"))


def recorded_cases(grid: dict) -> list[tuple[Case, dict]]:
    return [(Case(**entry["case"]), entry) for entry in grid["cases"]]


def record() -> None:
    """Encode the grid with pristine segno (the installed release) and add it to the grid file."""
    import segno
    from segno import encoder

    grid = load() if GRID_FILE.exists() else {"segno_versions": [], "cases": []}
    cases = []
    for case in _cases_from_segno():
        content = case.content()
        options = {"version": case.version, "error": case.error, "mode": case.mode, "boost_error": False,
                   "micro": False}
        chosen = encoder.encode(content, **options)
        fixed = encoder.encode(content, mask=case.fixed_mask, **options)
        cases.append({"case": case.__dict__, "mask": chosen.mask, "matrix": digest(chosen.matrix),
                      "fixed_matrix": digest(fixed.matrix)})
        if case.error == "H" and case.mode == "kanji":
            print(f"version {case.version} recorded", file=sys.stderr, flush=True)
    if grid["cases"] and grid["cases"] != cases:
        sys.exit(f"segno {segno.__version__} makes other codes than the recorded releases "
                 f"{grid['segno_versions']}: keep the pin and compare the encoders before upgrading")
    grid["cases"] = cases
    grid["segno_versions"] = sorted({*grid["segno_versions"], segno.__version__})
    lines = ",\n".join(json.dumps(entry) for entry in cases)  # one line per case: readable diffs
    GRID_FILE.write_text(f'{{"segno_versions": {json.dumps(grid["segno_versions"])},\n"cases": [\n{lines}\n]}}\n',
                         encoding="utf-8")
    print(f"recorded segno {segno.__version__}: {len(cases)} cases in {GRID_FILE}", file=sys.stderr)


if __name__ == "__main__":
    record()
