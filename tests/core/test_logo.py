"""Centre logos: loading, the error-correction budget, and never touching function patterns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image, ImageDraw

from app.core.encode import ECC_RECOVERY, encode
from app.core.errors import RenderError
from app.core.logo import LOGO_BUDGET_SHARE, load_logo, plan_logo
from app.core.render import render_bytes, render_image
from app.core.render.geometry import function_mask
from app.core.spec import Style


@pytest.fixture
def png_logo(tmp_path: Path) -> Path:
    image = Image.new("RGBA", (90, 90), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((0, 0, 89, 89), fill=(200, 30, 60, 255))
    path = tmp_path / "round.png"
    image.save(path)
    return path


@pytest.fixture
def wide_svg_logo(tmp_path: Path) -> Path:
    path = tmp_path / "wide.svg"
    path.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" '
                    'onload="alert(1)"><script>alert(2)</script>'
                    '<rect width="300" height="100" fill="#2e7d32"/></svg>', encoding="utf-8")
    return path


def _decode(image: Image.Image) -> list[str]:
    flat = Image.new("RGBA", image.size, "white")
    flat.alpha_composite(image.convert("RGBA"))
    return [r.text for r in zxingcpp.read_barcodes(flat.convert("RGB"))]


def test_missing_logo_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "logo.png"
    with pytest.raises(RenderError, match="logo file not found") as info:
        load_logo(missing)
    assert str(missing) in str(info.value)
    style = Style(logo=str(missing))
    with pytest.raises(RenderError, match="logo file not found"):
        render_bytes(encode("hello", style), style, "png")


def test_unreadable_logo_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "logo.png"
    bogus.write_bytes(b"\x00\x01 definitely not an image")
    with pytest.raises(RenderError, match="is not a readable PNG, JPEG or SVG image") as info:
        load_logo(bogus)
    assert str(bogus.name) in str(info.value)
    broken_svg = tmp_path / "broken.svg"
    broken_svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", encoding="utf-8")
    with pytest.raises(RenderError, match="not a valid SVG"):
        load_logo(broken_svg)


def test_svg_entities_are_refused(tmp_path: Path) -> None:
    evil = tmp_path / "evil.svg"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "xxxxxxxx">]>'
                    '<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>', encoding="utf-8")
    with pytest.raises(RenderError, match="not a valid SVG"):
        load_logo(evil)


def test_svg_logo_loses_scripts_and_handlers(wide_svg_logo: Path) -> None:
    source = load_logo(wide_svg_logo)
    assert source.kind == "svg" and source.aspect == pytest.approx(3.0)
    assert source.svg is not None
    assert "script" not in source.svg and "onload" not in source.svg and "<rect" not in source.svg[:5]


def test_changed_logo_file_is_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    Image.new("RGB", (10, 10), "red").save(path)
    assert load_logo(path).width == 10
    Image.new("RGB", (20, 10), "blue").save(path)
    assert load_logo(path).width == 20


@pytest.mark.parametrize("data_length", [5, 40, 120, 400, 900])
@pytest.mark.parametrize("scale", [0.05, 0.2, 0.3, 0.4])
def test_logo_stays_within_budget_and_off_function_patterns(png_logo: Path, data_length: int,
                                                             scale: float) -> None:
    style = Style(logo=str(png_logo), logo_scale=scale)
    code = encode("L" * data_length, style)
    plan = plan_logo(code, style)
    assert plan is not None
    functions = function_mask(code.size, code.version)
    data_modules = int((~functions).sum())
    assert plan.covered == int(plan.cleared.sum())
    assert plan.covered <= LOGO_BUDGET_SHARE * ECC_RECOVERY["H"] * data_modules
    assert not (plan.cleared & functions).any()
    # centred on the module grid
    assert plan.row * 2 + plan.rows == code.size and plan.col * 2 + plan.cols == code.size
    assert _decode(render_image(code, style, 6)) == [code.data]


def test_large_logo_on_small_code_is_shrunk_and_reported(png_logo: Path) -> None:
    style = Style(logo=str(png_logo), logo_scale=0.4)
    code = encode("hi", style)
    plan = plan_logo(code, style)
    assert plan is not None and plan.shrunk
    assert plan.cols < plan.requested_cols
    assert plan.message is not None and "shrunk" in plan.message


def test_small_logo_is_not_shrunk(png_logo: Path) -> None:
    style = Style(logo=str(png_logo), logo_scale=0.15)
    code = encode("https://example.com/" + "p" * 80, style)
    plan = plan_logo(code, style)
    assert plan is not None and not plan.shrunk and plan.message is None


def test_wide_logo_gets_a_wide_box(wide_svg_logo: Path) -> None:
    style = Style(logo=str(wide_svg_logo), logo_scale=0.35)
    code = encode("https://example.com/" + "w" * 100, style)
    plan = plan_logo(code, style)
    assert plan is not None
    assert plan.cols > plan.rows
    x, _, w, h = plan.draw_box
    assert w / h == pytest.approx(3.0)
    assert plan.col <= x and x + w <= plan.col + plan.cols


def test_centre_alignment_pattern_is_drawn_over_the_logo(png_logo: Path) -> None:
    style = Style(logo=str(png_logo), logo_scale=0.3)
    code = encode("https://example.com/" + "a" * 120, style)
    assert isinstance(code.version, int) and code.version >= 7
    plan = plan_logo(code, style)
    assert plan is not None
    centre = code.size // 2
    assert plan.protected[centre - 2:centre + 3, centre - 2:centre + 3].all()
    image = np.array(render_image(code, style, 4).convert("L"))
    origin = style.quiet_zone * 4
    # the alignment pattern's centre module is dark, its ring light, its border dark
    sample = [image[origin + (centre + d) * 4 + 2, origin + centre * 4 + 2] for d in (0, 1, 2)]
    assert sample[0] < 80 and sample[1] > 200 and sample[2] < 80


def test_logo_on_a_low_ecc_code_is_refused(png_logo: Path) -> None:
    code = encode("hi", Style(ecc="L", boost_ecc=False))  # made without the logo, so not at level H
    assert code.ecc == "L"
    with pytest.raises(RenderError, match="does not fit"):
        plan_logo(code, Style(logo=str(png_logo)))


def test_logo_needs_no_plan_without_a_logo() -> None:
    assert plan_logo(encode("x"), Style()) is None


def test_svg_logo_loses_external_links(tmp_path: Path) -> None:
    path = tmp_path / "linked.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                    'viewBox="0 0 10 10"><image xlink:href="file:///etc/passwd" width="10" height="10"/>'
                    '<use href="#a"/><image href="data:image/png;base64,AAAA"/></svg>', encoding="utf-8")
    svg = load_logo(path).svg
    assert svg is not None
    assert "/etc/passwd" not in svg
    assert 'href="#a"' in svg and "data:image/png;base64,AAAA" in svg
