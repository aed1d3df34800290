"""JPEG, WebP and TIFF output: decodable, the right file type, DPI where the format has it, transparency kept
where it can be, and usable from a batch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from app.core.batch import BatchOptions, run_batch
from app.core.decode import decode_bytes
from app.core.encode import encode
from app.core.render import FORMATS, WRITERS, render_bytes
from app.core.spec import Style

FILE_TYPES = {"jpeg": "JPEG", "webp": "WEBP", "tiff": "TIFF"}


@pytest.mark.parametrize("fmt", list(FILE_TYPES))
@pytest.mark.parametrize("style", [Style(), Style(fg="#1a237e", module_shape="dots", eye_shape="circle", dpi=600)],
                         ids=["plain", "styled"])
def test_raster_outputs_decode_and_carry_their_dpi(fmt: str, style: Style) -> None:
    data = render_bytes(encode("raster out ✓", style), style, fmt)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == FILE_TYPES[fmt]
        if fmt != "webp":  # WebP has no resolution field
            assert tuple(round(v) for v in image.info["dpi"]) == (style.dpi, style.dpi)
    assert [c.text for c in decode_bytes(data, f"x.{fmt}").codes] == ["raster out ✓"]


def test_a_black_on_white_tiff_is_one_bit_group4() -> None:
    with Image.open(io.BytesIO(render_bytes(encode("print"), Style(), "tiff"))) as image:
        assert (image.mode, image.info["compression"]) == ("1", "group4")


def test_webp_and_tiff_keep_a_transparent_background_and_jpeg_flattens_it() -> None:
    style = Style(bg="transparent")
    code = encode("see-through", style)
    for fmt, corner in (("webp", 0), ("tiff", 0), ("jpeg", 255)):
        with Image.open(io.BytesIO(render_bytes(code, style, fmt))) as image:
            assert image.convert("RGBA").getpixel((0, 0))[3 if fmt != "jpeg" else 0] == corner, fmt


def test_batch_writes_every_format_the_writers_have(tmp_path: Path) -> None:
    assert tuple(WRITERS) == FORMATS  # the batch and the CLI offer app.core.formats.FORMATS
    (tmp_path / "rows.txt").write_text("one\ntwo\n", encoding="utf-8")
    result = run_batch(tmp_path / "rows.txt", BatchOptions(output=tmp_path / "out", fmt="webp", jobs=1))
    assert (result.ok_count, result.errors) == (2, [])
    files = sorted((tmp_path / "out").iterdir())
    assert [f.suffix for f in files] == [".webp", ".webp"]
    assert [decode_bytes(f.read_bytes(), f.name).codes[0].text for f in files] == ["one", "two"]


def test_batch_records_each_codes_robustness_when_asked(tmp_path: Path) -> None:
    import csv

    from app.core.spec import Style

    (tmp_path / "rows.csv").write_text("name,text\nsturdy,https://qrdesk.app/r/2025?campaign=spring\n"
                                       "round,https://qrdesk.app/r/round\n", encoding="utf-8")
    style = Style(ecc="H")
    options = BatchOptions(output=tmp_path / "out", name_column="name", style=style, robustness=True, jobs=1,
                           style_columns={})
    result = run_batch(tmp_path / "rows.csv", options)
    assert result.robustness_path == tmp_path / "out-robustness.csv"
    with open(result.robustness_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["row"], r["name"]) for r in rows] == [("2", "sturdy.png"), ("3", "round.png")]
    assert all(r["robustness"].startswith("survives ") and "on 3 readers" in r["robustness"] for r in rows)
    plain = run_batch(tmp_path / "rows.csv", BatchOptions(output=tmp_path / "plain", name_column="name", jobs=1))
    assert plain.robustness_path is None and not (tmp_path / "plain-robustness.csv").exists()
