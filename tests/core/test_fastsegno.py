"""The fast encoder must make exactly pristine segno's codes, and must leave segno itself untouched."""

from __future__ import annotations

import random
import re
import tomllib
import types
from pathlib import Path

import numpy as np
import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st
from segno import encoder as segno_encoder

from app.core import fastsegno
from tests.core import segno_grid

ROOT = Path(__file__).resolve().parents[2]
GRID = segno_grid.load()
CASES = segno_grid.recorded_cases(GRID)


def _pristine(data: str, **options: object) -> segno_encoder.Code:
    return segno_encoder.encode(data, micro=False, **options)


def _same(fast: fastsegno.Code, reference: segno_encoder.Code) -> None:
    assert (fast.version, fast.error, fast.mask) == (reference.version, reference.error, reference.mask)
    assert fast.matrix == reference.matrix


# --- the full grid, recorded from pristine segno -------------------------------------------------------

def test_installed_segno_is_a_recorded_release_and_pinned_to_them() -> None:
    assert segno.__version__ in GRID["segno_versions"], (
        f"segno {segno.__version__} was never compared with the fast encoder: run "
        "`.venv/bin/python -m tests.core.segno_grid` and keep this test green before upgrading")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pins = [d for d in pyproject["project"]["dependencies"] if re.match(r"segno\b", d)]
    assert len(pins) == 1
    allowed = set(re.findall(r"==\s*([\w.]+)", pins[0]))
    assert allowed and allowed <= set(GRID["segno_versions"]) and "," not in pins[0].replace("==", ""), pins
    constraint = re.search(r"^segno==(\S+)$", (ROOT / "constraints.txt").read_text(), re.MULTILINE)
    assert constraint and constraint.group(1) in allowed


def test_grid_covers_every_version_level_mode_and_fixed_mask() -> None:
    cases = [case for case, _ in CASES]
    assert {(c.version, c.error, c.mode) for c in cases} == {
        (v, e, m) for v in range(1, 41) for e in segno_grid.ERRORS for m in segno_grid.MODES}
    assert {(c.version, c.fixed_mask) for c in cases} == {(v, m) for v in range(1, 41) for m in range(8)}
    assert {c.mode for c in cases if c.version == 40 and c.length > 700} == set(segno_grid.MODES)


@pytest.mark.parametrize("version", range(1, 41))
def test_full_grid_identical_to_recorded_pristine_segno(version: int) -> None:
    for case, expected in (entry for entry in CASES if entry[0].version == version):
        content = case.content()
        options = {"version": case.version, "error": case.error, "mode": case.mode, "boost_error": False}
        chosen = fastsegno.encode(content, **options)
        assert (chosen.mask, segno_grid.digest(chosen.matrix)) == (expected["mask"], expected["matrix"]), case
        fixed = fastsegno.encode(content, mask=case.fixed_mask, **options)
        assert (fixed.mask, segno_grid.digest(fixed.matrix)) == (case.fixed_mask, expected["fixed_matrix"]), case


# --- live comparisons with pristine segno --------------------------------------------------------------

def test_recorded_grid_is_what_the_installed_segno_makes() -> None:
    """One case per version, live: the recording and the installed segno agree (fixed masks keep it cheap)."""
    for case, expected in CASES[::16]:
        reference = _pristine(case.content(), version=case.version, error=case.error, mode=case.mode,
                              boost_error=False, mask=case.fixed_mask)
        assert segno_grid.digest(reference.matrix) == expected["fixed_matrix"], case


_KANJI = segno_grid._kanji_alphabet()
_payloads = st.one_of(
    st.text(min_size=1, max_size=250),
    st.text(alphabet="0123456789", min_size=1, max_size=400),
    st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", min_size=1, max_size=300),
    st.text(alphabet=_KANJI[:400], min_size=1, max_size=80),
)


@settings(max_examples=300, deadline=None)
@given(data=_payloads, error=st.sampled_from("LMQH"), mask=st.none() | st.integers(0, 7), boost=st.booleans(),
       eci=st.booleans())
def test_identical_to_pristine_segno_on_random_payloads(data: str, error: str, mask: int | None, boost: bool,
                                                        eci: bool) -> None:
    encoding = "utf-8" if eci else None
    try:
        reference = _pristine(data, error=error, mask=mask, boost_error=boost, encoding=encoding, eci=eci)
    except segno.DataOverflowError:
        with pytest.raises(segno.DataOverflowError):
            fastsegno.encode(data, error=error, mask=mask, boost_error=boost, encoding=encoding, eci=eci)
        return
    _same(fastsegno.encode(data, error=error, mask=mask, boost_error=boost, encoding=encoding, eci=eci), reference)


@pytest.mark.parametrize("version", [7, 40])
def test_mask_choice_on_large_versions_live(version: int) -> None:
    # Version 7+ reserves version-information areas, which change what the mask scorer sees.
    data = "".join(random.Random(version).choice("abcdefgh0123") for _ in range(40))
    _same(fastsegno.encode(data, version=version, error="Q"), _pristine(data, version=version, error="Q"))


def _with_finder_like_runs(rnd: random.Random, size: int) -> np.ndarray:
    """A random matrix with 1:1:3:1:1 patterns overlapping 4 or 6 apart, with and without light margins."""
    matrix = (np.array([[rnd.random() < rnd.choice((0.3, 0.5)) for _ in range(size)] for _ in range(size)])
              .astype(np.uint8))
    for _ in range(rnd.randint(1, 4)):
        run = rnd.choice(("10111011101", "1011101011101"))
        if rnd.random() < 0.5:
            run = "0000" + run if rnd.random() < 0.5 else run + "0000"
        start, line = rnd.randint(0, size - len(run)), rnd.randrange(size)
        values = np.array([int(c) for c in run], dtype=np.uint8)
        if rnd.random() < 0.5:
            matrix[line, start:start + len(run)] = values
        else:
            matrix[start:start + len(run), line] = values
    return matrix


def test_finder_like_patterns_4_or_6_apart_score_as_segno(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the rare N3 branch where segno's scan skips a match hidden by a counted one."""
    calls = []
    original = fastsegno._n3_line_score
    monkeypatch.setattr(fastsegno, "_n3_line_score", lambda *a: calls.append(1) or original(*a))
    rnd = random.Random(7)
    for _ in range(150):
        size = rnd.randint(21, 45)
        matrix = _with_finder_like_runs(rnd, size)
        expected = segno_encoder.evaluate_mask(tuple(bytearray(row.tobytes()) for row in matrix), size, size)
        assert int(fastsegno.mask_penalties(matrix[None])[0]) == expected
    assert calls, "no matrix reached the replay branch; pick another seed"


# --- segno itself stays pristine -----------------------------------------------------------------------

def test_encoding_leaves_segno_untouched() -> None:
    from app.core.encode import encode
    from app.core.spec import Style

    encode("https://example.com/a", Style())
    encode("12345", Style(micro=True))
    for module in (segno, segno_encoder):
        for name, value in vars(module).items():
            if isinstance(value, types.FunctionType):
                assert value.__module__.split(".")[0] not in {"app", "tests"}, f"{module.__name__}.{name} was replaced"
    data = "pristine?"
    assert segno.make(data, micro=False).matrix == _pristine(data).matrix


def test_rejects_micro_versions_and_bad_arguments() -> None:
    with pytest.raises(ValueError, match="Micro"):
        fastsegno.encode("1", version="M2")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        fastsegno.encode("1", mask=8)
    with pytest.raises(segno.DataOverflowError):
        fastsegno.encode("x" * 30, version=1, error="H")
