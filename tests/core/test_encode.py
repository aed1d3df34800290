"""The encoder's choices: charset/ECI, error correction with logos, Micro QR, capacity messages."""

from __future__ import annotations

import pytest

from app.core.encode import encode, encode_spec
from app.core.errors import CapacityError, SpecError
from app.core.render import render_image
from app.core.spec import QrSpec, Style
from app.core.verify import decode_image


def _decoded(data: str, style: Style | None = None) -> str:
    style = style or Style()
    texts = decode_image(render_image(encode(data, style), style, module_px=4))
    assert len(texts) == 1, texts
    return texts[0]


@pytest.mark.parametrize("text", ["Grüße aus Köln", "日本語のテキスト", "emoji 😀🎉 mixed", "Ελληνικά", "ascii only"])
def test_text_decodes_exactly_whatever_the_script(text: str) -> None:
    assert _decoded(text) == text


def test_non_ascii_is_announced_as_utf8_with_eci() -> None:
    code = encode("Grüße")
    assert (code.charset, code.eci) == ("utf-8", True)
    assert encode("plain").eci is False


def test_latin1_charset_needs_no_eci_and_decodes() -> None:
    style = Style(charset="iso-8859-1")
    code = encode("Grüße", style)
    assert (code.charset, code.eci) == ("iso-8859-1", False)
    assert _decoded("Grüße", style) == "Grüße"


def test_charset_that_cannot_encode_names_the_field() -> None:
    with pytest.raises(SpecError) as err:
        encode("日本", Style(charset="iso-8859-1"))
    assert err.value.field == "style.charset"


def test_logo_forces_level_h(tmp_path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "red").save(logo)
    assert encode("https://example.com", Style(ecc="L", logo=str(logo))).ecc == "H"


def test_boost_raises_level_only_when_allowed() -> None:
    assert encode("hi", Style(ecc="L")).ecc == "H"
    assert encode("hi", Style(ecc="L", boost_ecc=False)).ecc == "L"


def test_micro_used_when_it_fits_and_decodes() -> None:
    style = Style(micro=True, ecc="L")
    code = encode("12345", style)
    assert code.micro and code.version in ("M1", "M2")
    assert _decoded("12345", style) == "12345"
    assert not encode("x" * 100, style).micro  # falls back to a regular code


def test_too_long_data_explains_the_limit() -> None:
    with pytest.raises(CapacityError, match=r"3000 bytes.*level M holds 2331 bytes"):
        encode("a" * 3000, Style(ecc="M", boost_ecc=False))


def test_empty_data_is_refused() -> None:
    with pytest.raises(SpecError):
        encode("")


def test_description_and_capacity() -> None:
    code = encode_spec(QrSpec.text("https://example.com/" + "a" * 60))
    assert 0 < code.capacity_used <= 1
    assert code.description.startswith(f"version {code.version}-{code.ecc}")
