"""Property: any text in any style renders to a PNG that decodes back to exactly that text."""

from __future__ import annotations

import io

import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from app.core.encode import encode
from app.core.render import render_bytes
from app.core.spec import EYE_SHAPES, MODULE_SHAPES, Style

texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=120)
styles = st.builds(Style, module_shape=st.sampled_from(MODULE_SHAPES), eye_shape=st.sampled_from(EYE_SHAPES),
                   ecc=st.sampled_from(("L", "M", "Q", "H")), quiet_zone=st.integers(2, 6),
                   frame=st.booleans(), caption=st.text(max_size=30), size=st.integers(3, 6))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, style=styles)
def test_any_text_in_any_style_decodes(text: str, style: Style) -> None:
    code = encode(text, style)
    image = Image.open(io.BytesIO(render_bytes(code, style, "png"))).convert("RGB")
    results = zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)
    assert [r.text for r in results] == [text]
