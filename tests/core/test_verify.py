"""Scan check: decoding, exact comparison, and the warnings and errors about how a code looks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app.core.encode import encode
from app.core.render import render, render_image
from app.core.spec import Style
from app.core.verify import ScanReport, check_code, verify_file

URL = "https://example.com/verify?ä=1"


def _messages(report: ScanReport) -> str:
    return " | ".join(report.errors + report.warnings)


def test_default_code_scans_cleanly() -> None:
    code = encode(URL)
    report = check_code(code, Style())
    assert report == ScanReport(ok=True, decoded=URL, errors=[], warnings=[])


@pytest.mark.parametrize(("module_shape", "eye_shape"), [("rounded", "rounded"), ("dots", "circle")])
def test_shapes_scan(module_shape: str, eye_shape: str) -> None:
    style = Style(module_shape=module_shape, eye_shape=eye_shape)
    assert check_code(encode(URL, style), style).ok


def test_low_contrast_is_an_error() -> None:
    style = Style(fg="#9e9e9e", bg="#bdbdbd")
    report = check_code(encode(URL, style), style)
    assert not report.ok
    assert any("contrast is too low" in e for e in report.errors)


def test_middling_contrast_is_a_warning() -> None:
    style = Style(fg="#7a7a7a")  # about 4.3:1 on white
    report = check_code(encode(URL, style), style)
    assert report.ok
    assert any("contrast is low" in w for w in report.warnings)


def test_low_contrast_eye_colour_is_an_error() -> None:
    style = Style(eye_color="#eeeeee")
    report = check_code(encode(URL, style), style)
    assert not report.ok
    assert any(e.startswith("eye and background contrast is too low") for e in report.errors)


def test_translucent_foreground_counts_as_seen() -> None:
    style = Style(fg="rgba(0, 0, 0, 40)")
    report = check_code(encode(URL, style), style)
    assert not report.ok and "contrast is too low" in _messages(report)


def test_inverted_colours_are_warned() -> None:
    style = Style(fg="#ffffff", bg="#000000")
    report = check_code(encode(URL, style), style)
    assert report.decoded == URL
    assert any("inverted" in w for w in report.warnings)


def test_transparent_background_is_warned() -> None:
    style = Style(bg="transparent")
    report = check_code(encode(URL, style), style)
    assert report.ok
    assert any("transparent" in w for w in report.warnings)


@pytest.mark.parametrize(("quiet", "expected"), [(0, "no quiet zone"), (2, "quiet zone is 2 modules"),
                                                 (1, "quiet zone is 1 module;")])
def test_small_quiet_zone_is_warned(quiet: int, expected: str) -> None:
    style = Style(quiet_zone=quiet)
    report = check_code(encode(URL, style), style)
    assert expected in _messages(report)


def test_micro_qr_needs_only_two_modules_of_quiet_zone() -> None:
    style = Style(micro=True, quiet_zone=2)
    code = encode("12345", style)
    assert code.micro
    report = check_code(code, style)
    assert report.ok and report.warnings == []


def test_other_code_in_image_is_a_mismatch() -> None:
    other = render_image(encode("something else"), Style(), 6)
    report = check_code(encode(URL), Style(), image=other)
    assert not report.ok
    assert report.decoded == "something else"
    assert "decodes to 'something else' instead of" in report.errors[0]


def test_blank_image_does_not_decode() -> None:
    blank = Image.new("RGB", (300, 300), "white")
    report = check_code(encode(URL), Style(), image=blank)
    assert not report.ok and report.decoded is None
    assert report.errors == ["the code does not decode"]


def test_damaged_code_does_not_decode() -> None:
    code = encode(URL, Style(ecc="L", boost_ecc=False))
    image = render_image(code, Style(), 6)
    side = image.width
    ImageDraw.Draw(image).rectangle((side // 4, side // 4, 3 * side // 4, 3 * side // 4), fill="black")
    report = check_code(code, Style(), image=image)
    assert not report.ok and report.errors == ["the code does not decode"]


def test_shrunk_logo_is_reported(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (50, 50), "#ff0000").save(logo)
    style = Style(logo=str(logo), logo_scale=0.4)
    report = check_code(encode("hi", style), style)
    assert report.ok
    assert any("logo was shrunk" in w for w in report.warnings)


def test_logo_over_budget_is_an_error(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (50, 50), "#ff0000").save(logo)
    code = encode("hi", Style(ecc="L", boost_ecc=False))
    report = check_code(code, Style(logo=str(logo)))
    assert not report.ok
    assert any("logo does not fit" in e for e in report.errors)


def test_missing_logo_is_an_error_not_an_exception(tmp_path: Path) -> None:
    style = Style(logo=str(tmp_path / "gone.png"))
    report = check_code(encode("hi", style), style)
    assert not report.ok and "logo file not found" in report.errors[-1]


# Files


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("style", [Style(), Style(module_shape="dots", eye_shape="circle", frame=True,
                                                  caption="Küche"),
                                   Style(bg="transparent", module_shape="rounded")])
def test_verify_exported_files(tmp_path: Path, fmt: str, style: Style) -> None:
    path = tmp_path / f"code.{fmt}"
    render(encode(URL, style), style, fmt, path)
    assert verify_file(path, URL) == ScanReport(ok=True, decoded=URL)
    assert verify_file(path).decoded == URL


def test_verify_svg_and_pdf_with_svg_logo(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                    '<circle cx="5" cy="5" r="5" fill="#6a1b9a"/></svg>', encoding="utf-8")
    style = Style(logo=str(logo), logo_scale=0.3, module_shape="rounded")
    code = encode(URL, style)
    for fmt in ("svg", "pdf", "png"):
        render(code, style, fmt, tmp_path / f"out.{fmt}")
        assert verify_file(tmp_path / f"out.{fmt}", URL).ok, fmt


def test_verify_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    render_image(encode(URL), Style(), 8).convert("RGB").save(path, quality=70)
    assert verify_file(path, URL).ok


def test_verify_wrong_expectation(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    render(encode("alpha"), Style(), "png", path)
    report = verify_file(path, "beta")
    assert not report.ok and report.decoded == "alpha"
    assert report.errors == ["the code decodes to 'alpha' instead of 'beta'"]


def test_verify_missing_and_bad_files(tmp_path: Path) -> None:
    report = verify_file(tmp_path / "missing.png")
    assert not report.ok and report.errors == [f"file not found: {tmp_path / 'missing.png'}"]
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"\x89PNG but not really")
    assert verify_file(junk).errors == ["junk.png is not a picture QRDesk can read (PNG, JPEG, WebP, TIFF, GIF, "
                                        "BMP, SVG or PDF)"]
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4 truncated")
    assert "bad.pdf is not a readable PDF" in verify_file(bad_pdf).errors[0]
    bad_svg = tmp_path / "bad.svg"
    bad_svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect", encoding="utf-8")
    assert "bad.svg is not an SVG picture QRDesk can draw" in verify_file(bad_svg).errors[0]


def test_verify_image_without_code(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    Image.new("RGB", (100, 100), "white").save(path)
    assert verify_file(path).errors == ["no QR code found in empty.png"]
