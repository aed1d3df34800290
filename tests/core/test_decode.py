"""Reading codes back: every payload kind from PNG, JPEG, PDF and SVG files written by QRDesk, by segno and by
qrencode; several codes in one picture; a photographed (warped, noisy) code; colours read back."""

from __future__ import annotations

import io
import shutil
import subprocess

import numpy as np
import pytest
import segno
from PIL import Image, ImageDraw

from app.core.decode import decode_bytes, decode_image
from app.core.encode import encode
from app.core.payloads import build_payload
from app.core.render import render_bytes, render_image
from app.core.spec import QrSpec, Style
from tests.platforms import debian_tool

# One payload per kind, each with the characters that break naive writers or parsers.
SAMPLES: dict[str, dict[str, str]] = {
    "text": {"text": "Grüße aus Köln — 日本語 ✓"},
    "url": {"url": "https://example.com/path?q=1&x=ä"},
    "wifi": {"ssid": 'Café "Net";1', "password": "p;a:ss,w\\rd", "security": "WPA", "hidden": "yes"},
    "vcard": {"first_name": "Jürgen", "last_name": "O'Neil", "mobile": "+49 170 1234567", "email": "j@example.com",
              "org": "ACME, Inc.", "note": "line one\nline two; more", "street": "Hauptstr. 1", "city": "Köln",
              "country": "Germany", "birthday": "1980-02-29"},
    "mecard": {"first_name": "Jane", "last_name": "Doe", "phone": "+1 555 0100", "email": "jane@example.com",
               "address": "Main St. 1; Springfield", "note": "Call: after 5"},
    "email": {"email": "jane@example.com", "cc": "bob@example.com", "subject": "Hi & bye", "body": "a\nb"},
    "sms": {"number": "+49 170 1234567", "message": "See you: 5pm"},
    "phone": {"number": "+1 (555) 010-9999"},
    "geo": {"latitude": "48.8584", "longitude": "2.2945", "label": "Tour Eiffel"},
    "event": {"summary": "Launch; party", "start": "2025-06-01 14:00+02:00", "end": "2025-06-01 16:30+02:00",
              "location": "Hall 2, Berlin", "description": "Bring: badge"},
}
FORMATS = ("png", "jpeg", "pdf", "svg")


def _via_pillow(png: bytes, fmt: str) -> bytes:
    """A writer's PNG saved by Pillow as JPEG or PDF (for writers that have no such output)."""
    out = io.BytesIO()
    with Image.open(io.BytesIO(png)) as image:
        rgb = image.convert("RGBA").convert("RGB")  # qrencode writes a palette with a transparent entry
        rgb.save(out, "JPEG", quality=85) if fmt == "jpeg" else rgb.save(out, "PDF", resolution=72)
    return out.getvalue()


def write_qrdesk(data: str, fmt: str) -> bytes:
    style = Style(size=4)
    return render_bytes(encode(data, style), style, fmt)


def write_segno(data: str, fmt: str) -> bytes:
    code = segno.make(data, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="png" if fmt == "jpeg" else fmt, scale=4)
    return _via_pillow(out.getvalue(), fmt) if fmt == "jpeg" else out.getvalue()


def write_qrencode(data: str, fmt: str) -> bytes:
    exe = shutil.which("qrencode")
    if exe is None:
        pytest.fail("qrencode is not installed (scripts/setup.sh test installs it)")
    kind = "SVG" if fmt == "svg" else "PNG"
    # Data on standard input keeps CRLF and leading dashes intact; -8 keeps UTF-8 bytes as they are.
    done = subprocess.run([exe, "-8", "-l", "M", "-s", "4", "-t", kind, "-o", "-"], input=data.encode("utf-8"),
                          capture_output=True, check=True, timeout=30)
    return done.stdout if fmt in ("png", "svg") else _via_pillow(done.stdout, fmt)


WRITERS = {"qrdesk": write_qrdesk, "segno": write_segno, "qrencode": write_qrencode}


@pytest.mark.parametrize("writer", [pytest.param(w, marks=debian_tool("qrencode", "qrencode")) if w == "qrencode"
                                    else w for w in WRITERS])
@pytest.mark.parametrize("kind", list(SAMPLES))
def test_every_kind_round_trips_from_every_format_and_writer(writer: str, kind: str) -> None:
    data = build_payload(kind, SAMPLES[kind])
    for fmt in FORMATS:
        result = decode_bytes(WRITERS[writer](data, fmt), f"{kind}.{fmt}")
        assert [c.text for c in result.codes] == [data], f"{writer} {fmt}"
        code = result.codes[0]
        assert code.kind == kind, f"{writer} {fmt}"
        # The fields the editor opens make exactly the same code again.
        assert QrSpec(kind=code.kind, fields=code.fields).data() == data, f"{writer} {fmt}"


def test_several_codes_in_one_picture_with_positions() -> None:
    texts = ["https://example.com/one", "WIFI:T:nopass;S:Guest;;", "tel:+15550100"]
    sheet = Image.new("RGB", (900, 420), "white")
    for index, text in enumerate(texts):
        sheet.paste(render_image(encode(text), Style(), 6).convert("RGB"), (20 + index * 300, 30 + index * 40))
    codes = decode_image(sheet)
    assert sorted(c.text for c in codes) == sorted(texts)
    for code in codes:
        index = texts.index(code.text)
        left, top = min(p[0] for p in code.corners), min(p[1] for p in code.corners)
        # The symbol starts after the 4-module quiet zone of 6 px modules.
        assert abs(left - (20 + index * 300 + 24)) <= 3 and abs(top - (30 + index * 40 + 24)) <= 3
    assert [c.kind for c in sorted(codes, key=lambda c: c.corners[0][0])] == ["url", "wifi", "phone"]


def test_several_codes_on_pdf_pages_are_numbered_by_page() -> None:
    pages = [render_image(encode(f"page {n}"), Style(), 6).convert("RGB") for n in (1, 2)]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=72)
    result = decode_bytes(out.getvalue(), "two.pdf")
    assert [(c.page, c.text, c.unit) for c in result.codes] == [(1, "page 1", "pt"), (2, "page 2", "pt")]


def _photograph(image: Image.Image, seed: int) -> Image.Image:
    """The code as a phone sees it: on a grey desk, seen at an angle (a true perspective warp by OpenCV),
    turned, a little out of focus, unevenly lit, with sensor noise, saved as a JPEG."""
    import cv2

    rng = np.random.default_rng(seed)
    desk = np.full((image.height + 240, image.width + 240, 3), (120, 110, 100), dtype=np.uint8)
    desk[120:120 + image.height, 120:120 + image.width] = np.asarray(image.convert("RGB"))
    h, w = desk.shape[:2]
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    # The far edge 25 % narrower (about 35 degrees of tilt), each corner moved a little more at random.
    seen = corners + np.float32([[0.12 * w, 0], [-0.12 * w, 0], [0, 0], [0, 0]]) + rng.uniform(-15, 15, (4, 2))
    angle = np.deg2rad(rng.uniform(-25, 25))
    turn = np.float32([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    seen = (seen - (w / 2, h / 2)) @ turn.T + (w / 2, h / 2) + 80
    matrix = cv2.getPerspectiveTransform(corners, seen.astype(np.float32))
    photo = cv2.warpPerspective(desk, matrix, (w + 160, h + 160), flags=cv2.INTER_LINEAR,
                                borderValue=(120, 110, 100))
    photo = cv2.GaussianBlur(photo, (0, 0), 1.2).astype(np.float64)
    photo *= np.linspace(0.6, 1.0, photo.shape[1])[None, :, None]  # light falls off across the picture
    photo += rng.normal(0, 9, photo.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8), "RGB").save(out, "JPEG", quality=70)
    return Image.open(io.BytesIO(out.getvalue()))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_photographed_code_is_read(seed: int) -> None:
    spec = QrSpec(kind="wifi", fields=SAMPLES["wifi"], style=Style(module_shape="rounded"))
    code = encode(spec.data(), spec.style)
    photo = _photograph(render_image(code, spec.style, 8), seed)
    found = decode_image(photo)
    assert [(c.kind, c.text) for c in found] == [("wifi", spec.data())]


def test_colours_are_read_back_into_the_spec() -> None:
    style = Style(fg="#1a237e", bg="#fff8e1", eye_color="#c62828", module_shape="dots", eye_shape="rounded")
    spec = QrSpec(kind="url", fields={"url": "https://example.com/colours"}, style=style)
    (found,) = decode_bytes(render_bytes(encode(spec.data(), style), style, "png"), "c.png").codes
    again = found.spec()
    assert (again.kind, again.data()) == ("url", spec.data())
    assert (again.style.fg, again.style.bg, again.style.eye_color) == ("#1a237e", "#fff8e1", "#c62828")


def test_plain_colours_leave_the_eye_colour_unset_and_see_through_stays_transparent() -> None:
    style = Style(fg="#004d40", bg="transparent", micro=True)
    (found,) = decode_image(render_image(encode("12345", style), style, 8))
    assert found.symbology == "Micro QR"
    assert found.colours is not None and (found.colours.fg, found.colours.bg, found.colours.eye) == (
        "#004d40", "transparent", None)
    assert found.spec().style.micro is True


def test_small_codes_on_a_large_pdf_page_are_found_by_looking_closer() -> None:
    # A4 at 72 dpi with a 21 mm code: at the first drawing size its modules are about 2 px.
    page = Image.new("RGB", (2480, 3508), "white")
    page.paste(render_image(encode("tiny on A4"), Style(quiet_zone=2), 8).convert("RGB"), (1800, 3000))
    out = io.BytesIO()
    page.save(out, "PDF", resolution=300)
    assert [c.text for c in decode_bytes(out.getvalue(), "a4.pdf").codes] == ["tiny on A4"]


def test_a_picture_without_a_code_finds_nothing() -> None:
    picture = Image.new("RGB", (300, 200), "white")
    ImageDraw.Draw(picture).ellipse((40, 40, 200, 160), fill="navy")
    assert decode_image(picture) == []
