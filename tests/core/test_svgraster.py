"""SVG drawing with resvg: what the scan check, SVG logos and the decoder see, and what they must never read."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from app.core.encode import encode
from app.core.errors import RenderError
from app.core.render import render_bytes
from app.core.spec import Style
from app.core.svgraster import svg_to_image
from app.core.verify import decode_image


def _red_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def test_our_svg_export_draws_and_decodes() -> None:
    style = Style(module_shape="dots", eye_shape="circle", fg="#1a237e", frame=True, caption="Scan me")
    image = svg_to_image(render_bytes(encode("resvg ✓", style), style, "svg"), width=800, background="white")
    assert image.width == 800
    assert decode_image(image) == ["resvg ✓"]


def test_images_on_this_computer_are_never_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "secret.png").write_bytes(_red_png())
    monkeypatch.chdir(tmp_path)
    inline = "data:image/png;base64," + base64.b64encode(_red_png()).decode()
    for href, drawn in ((str(tmp_path / "secret.png"), False), ("secret.png", False),
                        ((tmp_path / "secret.png").as_uri(), False), (inline, True)):
        svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
               f'height="10"><image xlink:href="{href}" width="10" height="10"/></svg>')
        red = svg_to_image(svg, width=10).getpixel((5, 5))
        assert (red == (255, 0, 0, 255)) is drawn, href


@pytest.mark.parametrize("svg", [
    "<svg",
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
    "<html><body>not a drawing</body></html>",
])
def test_what_cannot_be_drawn_is_a_clear_error(svg: str) -> None:
    with pytest.raises(RenderError, match="SVG"):
        svg_to_image(svg, width=10)
