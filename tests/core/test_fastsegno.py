"""The vectorised segno hot spots must produce exactly segno's own codes."""

from __future__ import annotations

import random
import string

import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import fastsegno


def _make_both(data: str, **options: object) -> tuple[segno.QRCode, segno.QRCode]:
    fastsegno.uninstall()
    try:
        reference = segno.make(data, **options)
    finally:
        fastsegno.install()
    return reference, segno.make(data, **options)


@settings(max_examples=150, deadline=None)
@given(data=st.text(min_size=1, max_size=300), error=st.sampled_from("lmqh"))
def test_matrix_identical_to_segno_on_random_text(data: str, error: str) -> None:
    try:
        reference, fast = _make_both(data, error=error, micro=False)
    except segno.DataOverflowError:
        return
    assert (fast.mask, fast.version, fast.matrix) == (reference.mask, reference.version, reference.matrix)


@pytest.mark.parametrize("version", [1, 2, 6, 7, 14, 21, 28, 40])
def test_matrix_identical_across_versions(version: int) -> None:
    # Version 7+ reserves version-information areas, which change what the mask scorer sees.
    rnd = random.Random(version)
    for _ in range(5):
        data = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(rnd.randint(1, 17)))
        reference, fast = _make_both(data, version=version, error="l", boost_error=False)
        assert (fast.mask, fast.matrix) == (reference.mask, reference.matrix)


def test_finder_like_patterns_4_or_6_apart_are_replayed_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the rare N3 branch where segno's scan skips a match hidden by a counted one."""
    calls = []
    original = fastsegno._n3_line_score
    monkeypatch.setattr(fastsegno, "_n3_line_score", lambda *a: calls.append(1) or original(*a))
    rnd = random.Random(7)
    for _ in range(400):
        data = "".join(rnd.choice(string.printable) for _ in range(rnd.randint(20, 200)))
        reference, fast = _make_both(data, error=rnd.choice("lmqh"))
        assert (fast.mask, fast.matrix) == (reference.mask, reference.matrix)
    assert calls, "no payload reached the replay branch; pick another seed"


def test_micro_and_fixed_masks_are_left_to_segno() -> None:
    reference, fast = _make_both("12345", micro=True)
    assert fast.matrix == reference.matrix
    reference, fast = _make_both("fixed", mask=5, micro=False)
    assert (fast.mask, fast.matrix) == (5, reference.matrix)
