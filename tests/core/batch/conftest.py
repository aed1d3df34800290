"""Helpers for the batch tests: every code a test makes is decoded with zxing-cpp."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image


def decode_bytes(data: bytes) -> list[str]:
    image = Image.open(io.BytesIO(data))
    image.load()
    return decode_image(image)


def decode_image(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"), text_mode=zxingcpp.TextMode.Plain)]


def decode_folder(folder: Path) -> dict[str, str]:
    """File name → the single text its code decodes to."""
    out = {}
    for path in sorted(folder.iterdir()):
        texts = decode_bytes(path.read_bytes())
        assert len(texts) == 1, f"{path.name} decodes to {texts}"
        out[path.name] = texts[0]
    return out


def decode_zip(path: Path) -> dict[str, str]:
    out = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            texts = decode_bytes(archive.read(name))
            assert len(texts) == 1, f"{name} decodes to {texts}"
            out[name] = texts[0]
    return out


def decode_pdf_pages(path: Path, scale: float = 4.0) -> list[list[str]]:
    """Texts of every code on each page (rendered with pdfium)."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            image = page.render(scale=scale).to_pil()
            pages.append(decode_image(image))
        return pages
    finally:
        pdf.close()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"
