"""Renderers: every output is decoded back to its exact payload (SVG and PDF rasterised first)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import cairosvg
import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageDraw

from app.core.encode import encode
from app.core.errors import RenderError
from app.core.render import FORMATS, WRITERS, render, render_bytes, render_image
from app.core.render.draw import caption_font, draw_scene
from app.core.render.layout import compute_layout
from app.core.render.scene import build_scene
from app.core.spec import EYE_SHAPES, MODULE_SHAPES, Style
from tests.core.pdfstreams import content_streams

URL = "https://example.com/qrdesk?lang=de&q=Grüße"
SHAPES = [(m, e) for m in MODULE_SHAPES for e in EYE_SHAPES]

# Expected sizes come from the QR standard (ISO/IEC 18004) and the documented picture geometry, never from the
# code under test. A version-V symbol is 4V+17 modules wide. "hello" (5 bytes) fits version 1 at level M;
# SIZED is 50 bytes of lower-case ASCII (byte mode): level M holds 42 bytes in version 3 and 62 in version 4.
SIZED = "https://example.com/" + "a" * 30
V1_MODULES = 4 * 1 + 17
V4_MODULES = 4 * 4 + 17
QUIET = 4  # the default quiet zone
FRAME_BORDER = 1  # modules of frame on each side (with frame=True)
CAPTION_BAND = 3  # modules below the quiet zone for a caption (with a frame)


def picture_modules(symbol: int, frame: bool = False, caption: bool = False) -> tuple[int, int]:
    """(width, height) of the whole picture in modules."""
    width = symbol + 2 * QUIET + (2 * FRAME_BORDER if frame else 0)
    return width, width + (CAPTION_BAND if frame and caption else 0)


def decode(image: Image.Image) -> list[str]:
    if image.mode != "RGB":
        flat = Image.new("RGBA", image.size, "white")
        flat.alpha_composite(image.convert("RGBA"))
        image = flat.convert("RGB")
    return [r.text for r in zxingcpp.read_barcodes(image)]


def rasterise(data: bytes, fmt: str) -> Image.Image:
    if fmt == "png":
        return Image.open(io.BytesIO(data))
    if fmt == "svg":
        return Image.open(io.BytesIO(cairosvg.svg2png(bytestring=data, output_width=900)))
    if fmt == "pdf":
        document = pdfium.PdfDocument(data)
        page = document[0]
        image = page.render(scale=900 / page.get_size()[0]).to_pil()
        document.close()
        return image
    raise AssertionError(fmt)


def decoded(code, style, fmt) -> list[str]:  # type: ignore[no-untyped-def]
    return decode(rasterise(render_bytes(code, style, fmt), fmt))


@pytest.fixture(scope="module")
def logos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("logos")
    image = Image.new("RGB", (160, 120), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 4, 156, 116), radius=20, fill="#1e88e5")
    draw.ellipse((50, 30, 110, 90), fill="#fdd835")
    image.save(folder / "logo.png")
    image.save(folder / "logo.jpg", quality=90)
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">'
        '<rect width="100" height="100" rx="18" fill="#c62828"/>'
        '<path d="M20 50 L45 75 L80 25" stroke="#ffffff" stroke-width="12" fill="none"/></svg>',
        encoding="utf-8")
    return {"png": folder / "logo.png", "jpeg": folder / "logo.jpg", "svg": folder / "logo.svg"}


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize(("module_shape", "eye_shape"), SHAPES)
def test_every_shape_decodes_in_every_format(module_shape: str, eye_shape: str, fmt: str) -> None:
    style = Style(module_shape=module_shape, eye_shape=eye_shape, eye_color="#b71c1c", fg="#0d47a1")
    code = encode(URL, style)
    assert decoded(code, style, fmt) == [URL]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("logo_kind", ["png", "jpeg", "svg"])
@pytest.mark.parametrize(("module_shape", "eye_shape"), SHAPES)
def test_logo_codes_decode(logos: dict[str, Path], logo_kind: str, fmt: str, module_shape: str,
                           eye_shape: str) -> None:
    style = Style(logo=str(logos[logo_kind]), logo_scale=0.3, module_shape=module_shape, eye_shape=eye_shape)
    code = encode(URL + "&campaign=winter-2026", style)
    assert code.ecc == "H"
    assert decoded(code, style, fmt) == [code.data]


def test_svg_logo_is_nested_as_vector_and_raster_logo_as_base64(logos: dict[str, Path]) -> None:
    style = Style(logo=str(logos["svg"]))
    text = render_bytes(encode(URL, style), style, "svg").decode()
    root = ET.fromstring(text)
    nested = root.findall("{http://www.w3.org/2000/svg}svg")
    assert len(nested) == 1 and nested[0].get("viewBox") == "0 0 100 100"
    assert "<image" not in text
    style = Style(logo=str(logos["png"]))
    text = render_bytes(encode(URL, style), style, "svg").decode()
    assert 'xlink:href="data:image/png;base64,' in text


def test_pdf_logo_from_svg_is_vector(logos: dict[str, Path]) -> None:
    style = Style(logo=str(logos["svg"]))
    data = render_bytes(encode(URL, style), style, "pdf")
    assert b"/Subtype /Image" not in data
    style = Style(logo=str(logos["png"]))
    assert b"/Subtype /Image" in render_bytes(encode(URL, style), style, "pdf")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("caption", ["Scan me", "Grüße & <b>\"Küche\"</b>", "x" * 120])
def test_frame_with_caption_decodes(fmt: str, caption: str) -> None:
    style = Style(frame=True, caption=caption, module_shape="rounded")
    code = encode(URL, style)
    assert decoded(code, style, fmt) == [URL]


def test_long_caption_shrinks_to_fit() -> None:
    code = encode("hello")
    short = compute_layout(code, Style(frame=True, caption="Hi"))
    long = compute_layout(code, Style(frame=True, caption="A much longer caption " * 5))
    assert long.font_size < short.font_size
    assert compute_layout(code, Style(frame=True, caption="  spaced \n out  ")).caption == "spaced out"


def test_non_ascii_caption_gets_a_font_with_its_glyphs() -> None:
    font = caption_font(40, "Grüße")
    missing = bytes(font.getmask("\U000f0000"))  # a private-use character no font draws: the "tofu" box
    assert bytes(font.getmask("ü")) != missing
    assert bytes(font.getmask("ß")) != missing


def test_caption_is_drawn_in_png() -> None:
    code = encode("hello")
    base = Style(frame=True, caption="Grüße", size=8)
    with_caption = np.array(render_image(code, base).convert("L"))
    without = np.array(render_image(code, Style(frame=True, caption=" ", size=8)).convert("L"))
    band = with_caption[-3 * 8:-8, 8:-8]
    assert (band < 128).sum() > 50  # glyphs, not an empty band
    assert without.shape[0] < with_caption.shape[0]


def test_caption_is_escaped_in_svg() -> None:
    caption = 'a <script>alert("x")</script> & b'
    style = Style(frame=True, caption=caption)
    text = render_bytes(encode("hello", style), style, "svg").decode()
    root = ET.fromstring(text)  # well-formed despite the markup in the caption
    texts = root.findall("{http://www.w3.org/2000/svg}text")
    assert [t.text for t in texts] == [caption]
    assert "<script" not in text


def test_caption_band_adds_height_only_with_a_frame() -> None:
    code = encode("hello")
    plain = render_image(code, Style(caption="ignored without a frame"), 4)
    framed = render_image(code, Style(frame=True, caption="shown"), 4)
    assert plain.size == tuple(4 * n for n in picture_modules(V1_MODULES))
    assert framed.size == tuple(4 * n for n in picture_modules(V1_MODULES, frame=True, caption=True))
    assert decode(framed) == ["hello"]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_transparent_background(fmt: str) -> None:
    style = Style(bg="transparent", module_shape="dots")
    code = encode(URL, style)
    data = render_bytes(code, style, fmt)
    if fmt == "png":
        image = Image.open(io.BytesIO(data)).convert("RGBA")
        assert image.getpixel((0, 0))[3] == 0
    if fmt == "svg":
        assert "<rect" not in data.decode()
    assert decode(rasterise(data, fmt)) == [URL]


def test_transparent_plain_png_uses_a_palette_with_transparency() -> None:
    style = Style(bg="transparent")
    image = Image.open(io.BytesIO(render_bytes(encode(URL), style, "png")))
    assert image.mode == "P" and "transparency" in image.info
    assert image.convert("RGBA").getpixel((0, 0))[3] == 0
    assert decode(image.convert("RGBA")) == [URL]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("data", ["12345", "HELLO"])
def test_micro_qr(fmt: str, data: str) -> None:
    style = Style(micro=True, quiet_zone=2, module_shape="rounded", eye_shape="rounded")
    code = encode(data, style)
    assert code.micro
    assert decoded(code, style, fmt) == [data]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
@pytest.mark.parametrize("data", ["Grüße aus Köln", "東京タワー 日本語", "emoji 🎉👍", "Ünïcödé\ttab\nline"])
def test_non_ascii_payloads(fmt: str, data: str) -> None:
    style = Style(module_shape="dots", eye_shape="circle")
    assert decoded(encode(data, style), style, fmt) == [data]


def test_plain_png_matches_the_drawn_image() -> None:
    """The fast 1-bit path and the general drawing path must put every module in the same place."""
    code = encode(URL)
    fast = np.array(Image.open(io.BytesIO(render_bytes(code, Style(), "png"))).convert("L"))
    drawn = np.array(draw_scene(build_scene(code, Style()), 10).convert("L"))
    assert fast.shape == drawn.shape
    assert np.array_equal(fast, drawn)


def test_plain_png_has_exact_module_grid() -> None:
    code = encode(URL)
    px = 7
    image = Image.open(io.BytesIO(render_bytes(code, Style(size=px), "png")))
    assert image.mode == "1"
    pixels = np.array(image.convert("L")) == 0
    modules = pixels[4 * px::px, 4 * px::px][:code.size, :code.size]
    assert np.array_equal(modules, code.matrix)
    assert not pixels[:4 * px].any()


# Physical size


@pytest.mark.parametrize(("style", "px_per_module"), [
    (Style(size=10), 10),
    (Style(size=1, size_unit="mm", dpi=254), 10),  # 1 mm at 254 dpi = 10 px
    (Style(size=0.1, size_unit="in", dpi=300), 30),
    (Style(size=1.5, size_unit="mm", dpi=300, module_shape="rounded"), 17),  # 17.7 px: whole pixels, floored
])
def test_png_pixel_size_and_dpi(style: Style, px_per_module: int) -> None:
    image = Image.open(io.BytesIO(render_bytes(encode(SIZED, style), style, "png")))
    width, height = picture_modules(V4_MODULES)
    assert image.size == (width * px_per_module, height * px_per_module)
    assert image.info["dpi"] == pytest.approx((style.dpi, style.dpi), abs=0.01)
    assert decode(image) == [SIZED]


def test_png_total_size_is_an_upper_bound() -> None:
    style = Style(size=500, size_mode="total")
    image = Image.open(io.BytesIO(render_bytes(encode(SIZED, style), style, "png")))
    width, _ = picture_modules(V4_MODULES)  # 41 modules: 12 whole pixels each fit in 500 px
    assert image.size == (12 * width, 12 * width)


def _svg_size_mm(text: str) -> tuple[float, float]:
    root = ET.fromstring(text)
    width, height = root.get("width"), root.get("height")
    assert width and height and width.endswith("mm") and height.endswith("mm")
    return float(width[:-2]), float(height[:-2])


@pytest.mark.parametrize(("style", "expected_width_mm"), [
    (Style(size=0.5, size_unit="mm"), 0.5 * picture_modules(V4_MODULES)[0]),
    (Style(size=30, size_unit="mm", size_mode="total"), 30.0),
    (Style(size=2, size_unit="in", size_mode="total", frame=True, caption="cap"), 50.8),
])
def test_svg_size_is_exact_in_mm(style: Style, expected_width_mm: float) -> None:
    text = render_bytes(encode(SIZED, style), style, "svg").decode()
    width, height = picture_modules(V4_MODULES, style.frame, bool(style.caption))
    width_mm, height_mm = _svg_size_mm(text)
    assert width_mm == pytest.approx(expected_width_mm, abs=1e-4)
    assert height_mm == pytest.approx(expected_width_mm * height / width, abs=1e-4)
    assert f'viewBox="0 0 {width} {height}"' in text


@pytest.mark.parametrize(("style", "expected_width_mm"), [
    (Style(size=0.5, size_unit="mm"), 0.5 * picture_modules(V4_MODULES)[0]),
    (Style(size=40, size_unit="mm", size_mode="total"), 40.0),
    (Style(size=1, size_unit="in", size_mode="total", frame=True, caption="cap"), 25.4),
])
def test_pdf_page_size_is_exact_in_mm(style: Style, expected_width_mm: float) -> None:
    document = pdfium.PdfDocument(render_bytes(encode(SIZED, style), style, "pdf"))
    width_pt, height_pt = document[0].get_size()
    document.close()
    width, height = picture_modules(V4_MODULES, style.frame, bool(style.caption))
    assert width_pt / 72 * 25.4 == pytest.approx(expected_width_mm, abs=1e-3)
    assert height_pt / 72 * 25.4 == pytest.approx(expected_width_mm * height / width, abs=1e-3)


def test_eps_bounding_box_matches_size() -> None:
    style = Style(size=25.4, size_unit="mm", size_mode="total", frame=True, caption="(x) \\ y")
    text = render_bytes(encode(SIZED, style), style, "eps").decode("latin-1")
    assert text.startswith("%!PS-Adobe-3.0 EPSF-3.0")
    width, height = picture_modules(V4_MODULES, frame=True, caption=True)
    hires = re.search(r"%%HiResBoundingBox: 0 0 ([\d.]+) ([\d.]+)", text)
    assert hires is not None
    assert float(hires.group(1)) == pytest.approx(72.0, abs=1e-3)
    assert float(hires.group(2)) == pytest.approx(72.0 * height / width, abs=1e-3)
    assert "(\\(x\\) \\\\ y)" in text


def test_eps_refuses_a_logo(logos: dict[str, Path]) -> None:
    style = Style(logo=str(logos["png"]))
    with pytest.raises(RenderError, match="EPS"):
        render_bytes(encode(URL, style), style, "eps")


# Writers and targets


@pytest.mark.parametrize("fmt", FORMATS)
def test_path_and_stream_give_the_same_bytes(tmp_path: Path, fmt: str) -> None:
    style = Style(module_shape="rounded", frame=True, caption="same")
    code = encode(URL, style)
    stream = io.BytesIO()
    render(code, style, fmt, stream)
    render(code, style, fmt, tmp_path / f"out.{fmt}")
    render(code, style, fmt, str(tmp_path / f"out2.{fmt}"))
    assert (tmp_path / f"out.{fmt}").read_bytes() == stream.getvalue()
    assert (tmp_path / f"out2.{fmt}").read_bytes() == stream.getvalue()
    assert stream.getvalue() == render_bytes(code, style, fmt)


def test_writers_are_chosen_by_format() -> None:
    assert set(WRITERS) == {"png", "svg", "pdf", "eps", "jpeg", "webp", "tiff", "txt", "pdf-cmyk"}
    with pytest.raises(RenderError, match="unknown output format 'gif'"):
        render_bytes(encode("x"), Style(), "gif")


def test_unwritable_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="cannot write"):
        render(encode("x"), Style(), "png", tmp_path / "missing-folder" / "x.png")


def test_pdf_merges_runs_of_dark_modules() -> None:
    data = "https://example.com/" + "a1b2c3" * 40
    code = encode(data)
    content = content_streams(render_bytes(code, Style(), "pdf"))
    rects = len(re.findall(rb" re\b", content))
    dark = int(code.matrix.sum())
    body = np.pad(code.matrix & ~code.eye_mask, ((0, 0), (1, 0))).astype(np.int8)
    runs = int((np.diff(body, axis=1) == 1).sum())
    assert rects <= runs + 10  # one rect per run (+ background and eyes)
    assert rects < dark * 0.6
    assert decode(rasterise(render_bytes(code, Style(), "pdf"), "pdf")) == [data]


def test_svg_squares_are_one_path_of_runs() -> None:
    code = encode(URL)
    text = render_bytes(code, Style(), "svg").decode()
    root = ET.fromstring(text)
    paths = root.findall("{http://www.w3.org/2000/svg}path")
    assert len(paths) == 2  # modules, eyes
    assert paths[0].get("d", "").count("M") < int(code.matrix.sum()) * 0.6


def test_big_code_renders_in_every_format() -> None:
    data = "x" * 1200
    style = Style(size=3, ecc="L")
    code = encode(data, style)
    assert code.version >= 25
    for fmt in ("png", "svg", "pdf"):
        assert decoded(code, style, fmt) == [data]


def test_oversized_raster_is_refused_with_advice() -> None:
    style = Style(size=10, size_unit="mm", dpi=1200)  # 472 px per module
    code = encode("x" * 300, style)
    with pytest.raises(RenderError, match="lower the size or the DPI"):
        render_bytes(code, style, "png")
    with pytest.raises(RenderError, match="million"):
        render_bytes(code, Style(size=10, size_unit="mm", dpi=1200, module_shape="dots"), "png")
    assert render_bytes(code, style, "svg")  # vector output has no such limit


def test_pdf_caption_text_survives_outside_latin1() -> None:
    caption = "Привет, Grüße €"
    # Every OS QRDesk targets has one (DejaVu from fonts-dejavu-core on Debian, Arial on Windows and macOS);
    # without it the caption would fall back to a font that draws boxes, which is what this test guards.
    assert getattr(caption_font(12, caption), "path", None), "no system font with Cyrillic glyphs was found"
    style = Style(frame=True, caption=caption)
    document = pdfium.PdfDocument(render_bytes(encode("x", style), style, "pdf"))
    assert document[0].get_textpage().get_text_range() == caption
    document.close()


def test_control_characters_in_caption_keep_svg_valid() -> None:
    style = Style(frame=True, caption="bell\x07 and\x00 null")
    text = render_bytes(encode("x"), style, "svg").decode()
    root = ET.fromstring(text)
    assert [t.text for t in root.findall("{http://www.w3.org/2000/svg}text")] == ["bell and null"]


def test_pdf_metadata_does_not_repeat_the_data() -> None:
    secret = "WIFI:T:WPA;S:home;P:hunter2-secret;;"
    data = render_bytes(encode(secret), Style(), "pdf")
    assert b"hunter2" not in data
