"""Print-size advice: the 10:1 rule per module, adjusted for version, contrast, light and margin; fixed vectors."""

from __future__ import annotations

import pytest

from app.core.encode import encode
from app.core.errors import SpecError
from app.core.printsize import advise, format_length, parse_distance, scan_distance
from app.core.spec import Style

V2 = "https://qrdesk.app/welcome"  # 25 modules at level M: the size the rule of thumb is stated for


@pytest.mark.parametrize(("text", "mm"), [("2m", 2000), ("150 cm", 1500), ("6ft", 1828.8), ("30in", 762),
                                          ('12"', 304.8), ("0,5m", 500), ("500mm", 500)])
def test_distances_are_read_with_their_unit(text: str, mm: float) -> None:
    assert parse_distance(text) == pytest.approx(mm)


@pytest.mark.parametrize("text", ["2", "two metres", "", "0.1mm", "2km"])
def test_distances_without_a_unit_or_out_of_range_are_refused(text: str) -> None:
    with pytest.raises(SpecError, match="distance"):
        parse_distance(text)


def test_a_version_2_code_follows_the_10_to_1_rule_exactly() -> None:
    code = encode(V2, Style())
    assert code.size == 25
    advice = advise(code, Style(), 2000)
    assert advice.module_mm == pytest.approx(8.0) and advice.symbol_mm == pytest.approx(200.0)
    assert advice.total_mm == pytest.approx(8.0 * 33) and advice.notes == ()
    assert advice.sentence() == ("to scan from 2 m: modules at least 8.0 mm, the code at least 20 cm across "
                                 "(26 cm with its 4-module margin)")


def test_denser_codes_need_larger_prints_for_the_same_distance() -> None:
    small, dense = encode(V2, Style()), encode(V2 + "?" + "x" * 120, Style())
    assert dense.size > small.size
    a, b = advise(small, Style(), 1000), advise(dense, Style(), 1000)
    assert a.module_mm == b.module_mm and b.symbol_mm / a.symbol_mm == pytest.approx(dense.size / small.size)


def test_poor_light_uses_6_to_1() -> None:
    code = encode(V2, Style())
    assert advise(code, Style(), 600, "poor").symbol_mm == pytest.approx(100.0)


@pytest.mark.parametrize(("fg", "growth"), [("#000000", 1.0), ("#595959", 1.0), ("#767676", 1.31),
                                             ("#a0a0a0", 1.5)])
def test_low_contrast_needs_larger_modules(fg: str, growth: float) -> None:
    style = Style(fg=fg)
    advice = advise(encode(V2, style), style, 1000)
    assert advice.module_mm == pytest.approx(4.0 * growth, rel=0.02)
    assert bool(advice.notes) == (growth > 1.0)


def test_eye_colour_counts_when_it_is_the_paler_one() -> None:
    style = Style(eye_color="#a0a0a0")
    assert advise(encode(V2, style), style, 1000).contrast < 3.0


def test_floors_hold_close_up_codes_printable() -> None:
    code = encode(V2, Style())
    advice = advise(code, Style(), 100)  # 10 cm would give 1 cm codes with 0.4 mm modules
    assert advice.symbol_mm == pytest.approx(20.0) and "smallest size" in advice.notes[0]
    micro = encode("12345", Style(micro=True))
    assert advise(micro, Style(micro=True), 50).symbol_mm == pytest.approx(max(10.0, 0.4 * micro.size))


def test_a_thin_margin_is_named_and_the_advice_keeps_the_standard_one() -> None:
    style = Style(quiet_zone=1)
    advice = advise(encode(V2, style), style, 2000)
    assert advice.total_mm == pytest.approx(8.0 * 33)
    assert advice.notes == ("keep 4 modules (32.0 mm) clear around the code; its own margin is 1",)


def test_scan_distance_is_the_inverse_of_the_advice() -> None:
    style = Style(fg="#777777")
    code = encode(V2, style)
    advice = advise(code, style, 3000)
    assert scan_distance(code, style, advice.module_mm) == pytest.approx(3000)


@pytest.mark.parametrize(("mm", "text"), [(4.04, "4.0 mm"), (42.4, "42 mm"), (260, "26 cm"), (2000, "2 m"),
                                          (2540, "2.54 m")])
def test_lengths_read_naturally(mm: float, text: str) -> None:
    assert format_length(mm) == text
