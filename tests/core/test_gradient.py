"""Gradients on modules and eyes in PNG, SVG and PDF (drawn by three different rasterisers, they agree), the
contrast check at a gradient's palest point, and the CMYK PDF for print shops."""

from __future__ import annotations

import io
import re
from pathlib import Path

import cairosvg
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from app.core.decode import decode_bytes
from app.core.encode import encode
from app.core.errors import RenderError, SpecError
from app.core.gradient import parse_gradient
from app.core.render import render_bytes
from app.core.spec import QrSpec, Style
from app.core.verify import check_code
from tests.core.pdfstreams import content_streams

URL = "https://qrdesk.app/gradient"
PX = 10  # pixels per module when the three formats are drawn


def _pixels(code_style: tuple[object, Style], fmt: str) -> np.ndarray:
    code, style = code_style
    data = render_bytes(code, style, fmt)  # type: ignore[arg-type]
    side = (code.size + 2 * style.quiet_zone) * PX  # type: ignore[attr-defined]
    if fmt == "svg":
        image = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=data, output_width=side, output_height=side)))
    elif fmt == "pdf":
        page = pdfium.PdfDocument(data)[0]
        image = page.render(scale=side / page.get_width()).to_pil()
    else:
        image = Image.open(io.BytesIO(data))
    return np.asarray(image.convert("RGB"), dtype=np.int16)


def _module_centre(code: object, style: Style, row: int, col: int) -> tuple[int, int]:
    return ((row + style.quiet_zone) * PX + PX // 2, (col + style.quiet_zone) * PX + PX // 2)


def test_gradients_are_parsed_and_spelled_canonically() -> None:
    assert parse_gradient("LINEAR:45deg #1A237E rgb(0,137,123)", "g").text == "linear:45 #1a237e #00897b"
    assert parse_gradient("linear #000 #444", "g").angle == 180  # top to bottom, CSS's default
    assert parse_gradient("radial red blue green", "g").text == "radial #ff0000 #0000ff #008000"


@pytest.mark.parametrize(("text", "message"), [
    ("", "is empty"), ("diagonal #000 #fff", "not linear or radial"), ("radial:30 #000 #fff", "no angle"),
    ("linear:north #000 #fff", "not an angle"), ("linear #000", "2 to 8 colours"),
    ("linear #000 #00000080", "opaque"), ("linear #000 nocolour", "is not a colour"),
])
def test_bad_gradients_name_the_field(text: str, message: str) -> None:
    with pytest.raises(SpecError, match=message) as info:
        Style(fg_gradient=text)
    assert info.value.field == "style.fg_gradient"


@pytest.mark.parametrize("style", [
    Style(fg_gradient="linear:90 #1a237e #00897b", module_shape="rounded", eye_shape="rounded"),
    Style(fg_gradient="radial #c62828 #1a237e", eye_gradient="linear:180 #000000 #6a1b9a", module_shape="dots",
          eye_shape="circle"),
], ids=["linear-modules-and-eyes", "radial-modules-linear-eyes"])
def test_png_svg_and_pdf_show_the_same_gradient(style: Style) -> None:
    code = encode(URL, style)
    drawn = {fmt: _pixels((code, style), fmt) for fmt in ("png", "svg", "pdf")}
    rows, cols = np.nonzero(code.matrix)
    for r, c in list(zip(rows.tolist(), cols.tolist(), strict=True))[::7]:
        y, x = _module_centre(code, style, r, c)
        png = drawn["png"][y, x]
        for fmt in ("svg", "pdf"):
            assert np.abs(drawn[fmt][y, x] - png).max() <= 24, (fmt, r, c, drawn[fmt][y, x], png)
    assert [c.text for c in decode_bytes(render_bytes(code, style, "pdf"), "g.pdf").codes] == [URL]


def test_a_linear_gradient_runs_across_the_symbol_and_each_eye_across_itself() -> None:
    style = Style(fg_gradient="linear:90 #000000 #0000ff", eye_gradient="linear:90 #ff0000 #000000")
    code = encode(URL, style)
    pixels = _pixels((code, style), "png")
    dark = np.argwhere(code.matrix & ~code.eye_mask)
    first, last = dark[dark[:, 1].argmin()], dark[dark[:, 1].argmax()]
    left, right = pixels[_module_centre(code, style, *first)], pixels[_module_centre(code, style, *last)]
    assert left[2] < 40 and right[2] > 200  # black on the left, blue on the right
    for r, c in code.finder_origins:  # every eye starts red at its own left edge and ends dark
        start, end = pixels[_module_centre(code, style, r + 3, c)], pixels[_module_centre(code, style, r + 3, c + 6)]
        assert start[0] > 200 and end[0] < 60


def test_contrast_is_checked_at_the_palest_point() -> None:
    fading = Style(fg_gradient="linear #000000 #d0d0d0")  # its average, #686868, would pass at 5.8:1
    report = check_code(encode(URL, fading), fading)
    assert not report.ok
    assert report.errors[0].startswith("foreground and background contrast is too low at the gradient's palest point")
    eyes = Style(eye_gradient="radial #000000 #888888")
    assert any("eye and background contrast is low at the gradient's palest point" in w
               for w in check_code(encode(URL, eyes), eyes).warnings)


def test_eps_refuses_gradients_with_a_clear_message() -> None:
    style = Style(fg_gradient="linear #000 #333")
    with pytest.raises(RenderError, match="EPS export does not support gradients"):
        render_bytes(encode(URL, style), style, "eps")


def test_specs_without_gradients_serialise_as_before() -> None:
    plain = QrSpec.text("x").to_dict()["style"]
    assert "fg_gradient" not in plain and "eye_gradient" not in plain  # content hashes of old items unchanged
    styled = QrSpec.text("x", Style(fg_gradient="radial #111 #333"))
    assert QrSpec.from_json(styled.to_json()) == styled


def test_cmyk_pdf_has_no_rgb_and_black_is_k_only(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGBA", (40, 40), (200, 30, 30, 255)).save(logo)
    style = Style(fg_gradient="linear:45 #1a237e #00897b", eye_color="#000000", logo=str(logo), frame=True,
                  caption="CMYK")
    data = render_bytes(encode(URL, style), style, "pdf-cmyk")
    content = content_streams(data)
    assert not re.search(rb"\b(rg|RG)\b", content)
    assert b"0 0 0 1 k" in content  # the eyes: black as K alone
    assert b"/DeviceCMYK" in data and b"/DeviceRGB" not in data
    assert [c.text for c in decode_bytes(data, "print.pdf").codes] == [URL]
    rgb = render_bytes(encode(URL, style), style, "pdf")
    assert re.search(rb"\brg\b", content_streams(rgb)) and b"/DeviceCMYK" not in rgb


def test_label_sheets_draw_gradients_and_cmyk_batches_are_pdf_files(tmp_path: Path) -> None:
    from app.core.batch import BatchOptions, run_batch

    (tmp_path / "rows.txt").write_text("one\ntwo\n", encoding="utf-8")
    style = Style(fg_gradient="linear:90 #1a237e #00897b", module_shape="rounded")
    sheet = run_batch(tmp_path / "rows.txt", BatchOptions(output=tmp_path / "sheet.pdf", style=style, jobs=1))
    assert sheet.ok_count == 2
    data = (tmp_path / "sheet.pdf").read_bytes()
    assert re.search(rb"/Sh\w+ sh\b", content_streams(data))  # drawn as shadings, not flat colour
    assert sorted(c.text for c in decode_bytes(data, "sheet.pdf").codes) == ["one", "two"]
    run_batch(tmp_path / "rows.txt", BatchOptions(output=tmp_path / "cmyk", style=style, fmt="pdf-cmyk", jobs=1))
    assert sorted(p.name for p in (tmp_path / "cmyk").iterdir()) == ["00001.pdf", "00002.pdf"]
