"""The robustness score: deterministic, each condition has teeth (a known-fragile code that scans undisturbed
fails it, a sturdy code survives it), and the report says what a user needs to know."""

from __future__ import annotations

import pytest

from app.core.encode import encode
from app.core.render import render_image
from app.core.robustness import CONDITIONS, SCORE_PX, RobustnessReport, report_columns, score_code, score_image
from app.core.spec import Style

URL = "https://qrdesk.app/r/2025?campaign=spring"
LONG = URL + "&ref=" + "x" * 150  # version 8 at level L
# Known fragile: 2 px per module, contrast 2:1 (#b4b4b4 on white), level L, a dense version.
FRAGILE = Style(fg="#b4b4b4", ecc="L", boost_ecc=False)
FRAGILE_PX = 2
# Known sturdy: black on white, level H, a small version, 8 px per module.
STURDY = Style(ecc="H")


@pytest.mark.parametrize("condition", CONDITIONS, ids=[c.name for c in CONDITIONS])
def test_each_condition_fails_a_fragile_code_and_spares_a_sturdy_one(condition) -> None:  # type: ignore[no-untyped-def]
    fragile = score_image(render_image(encode(LONG, FRAGILE), FRAGILE, FRAGILE_PX), LONG, FRAGILE_PX,
                          conditions=[condition])
    assert all(fragile.clean.values()) and len(fragile.clean) == 3  # every reader reads it undisturbed...
    assert fragile.survived == [] and fragile.weakest == condition.name  # ...but not under this condition
    sturdy = score_code(encode(URL, STURDY), STURDY, conditions=[condition])
    assert sturdy.survived == [condition.name], sturdy.results


def test_the_score_is_deterministic_for_a_seed() -> None:
    style = Style(module_shape="dots", fg="#444444")
    code = encode(URL, style)
    first = score_code(code, style, seed=7, trials=1)
    second = score_code(code, style, seed=7, trials=1)
    assert first.results == second.results and first.summary() == second.summary()


def test_one_pixel_per_module_at_2_to_1_scans_undisturbed_but_not_small_compressed_dim_printed_or_smudged() -> None:
    code = encode(URL, FRAGILE)
    report = score_image(render_image(code, FRAGILE, 1), URL, 1, decoders=["zxing"], trials=1)
    assert report.clean == {"zxing": True}
    # Blur and tilt redraw the picture larger first, which a one-pixel module survives.
    assert set(report.survived) == {"blur", "tilt"}
    assert report.summary().startswith("survives 2 of 7 conditions on 1 reader; weakest: 2.5 px per module")


def test_a_reader_that_cannot_read_the_undisturbed_code_is_named() -> None:
    style = Style(module_shape="dots", eye_shape="circle")  # OpenCV's detector cannot find round eyes
    report = score_code(encode(URL, style), style, trials=1)
    assert report.clean == {"zxing": True, "zbar": True, "opencv": False}
    assert report.summary().startswith("survives 0 of 7 conditions on 3 readers; OpenCV cannot read it even "
                                       "undisturbed")


def _report(clean: dict[str, bool], results: dict[str, dict[str, bool]]) -> RobustnessReport:
    return RobustnessReport(expected="x", readers=tuple(clean), clean=clean, results=results)


def test_weakest_is_judged_by_the_readers_that_read_the_code() -> None:
    report = _report({"zxing": True, "zbar": True, "opencv": False},
                     {"small": {"zxing": True, "zbar": True, "opencv": False},
                      "blur": {"zxing": True, "zbar": False, "opencv": False},
                      "smudge": {"zxing": False, "zbar": False, "opencv": False}})
    assert report.weakest == "smudge"
    assert report.summary() == ("survives 0 of 3 conditions on 3 readers; OpenCV cannot read it even undisturbed; "
                                "weakest: smudge (read by 0 of 3)")
    assert report_columns(report) == {"robustness": report.summary(), "conditions_survived": "0/3",
                                      "weakest_condition": "smudge"}
    sturdy_elsewhere = _report({"zxing": True, "opencv": False}, {"small": {"zxing": True, "opencv": False}})
    assert sturdy_elsewhere.weakest is None
    assert sturdy_elsewhere.summary() == ("survives 0 of 1 conditions on 2 readers; OpenCV cannot read it even "
                                          "undisturbed")
    tie = _report({"zxing": True, "zbar": True}, {"small": {"zxing": False, "zbar": True},
                                                  "blur": {"zxing": True, "zbar": False}})
    assert tie.weakest == "small"  # first in CONDITIONS order
    assert report_columns(None) == {"robustness": "", "conditions_survived": "", "weakest_condition": ""}


def test_micro_qr_is_scored_on_the_readers_that_read_it() -> None:
    style = Style(micro=True)
    report = score_code(encode("12345", style), style, trials=1)
    assert report.readers == ("zxing",)
    assert report.skipped == {"zbar": "zbar does not read Micro QR codes",
                              "opencv": "OpenCV does not read Micro QR codes"}


def test_large_pictures_are_scored_at_the_score_scale() -> None:
    code = encode(URL, STURDY)
    big = score_image(render_image(code, STURDY, 3 * SCORE_PX), URL, 3 * SCORE_PX, trials=1)
    assert big.survived == [c.name for c in CONDITIONS]
