"""Files that are not good pictures: empty, not a picture, damaged, a decompression bomb, huge. Each gives one
clear sentence naming the file, and decoding stays within 1 GB of memory (measured in a child process)."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.core.decode import decode_bytes
from app.core.encode import encode
from app.core.errors import UnreadableImage
from app.core.imagefile import DECODE_PX, read_pictures
from app.core.render import render_bytes, render_image
from app.core.spec import Style

ROOT = Path(__file__).resolve().parents[2]
GIB = 2**30


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def bilevel_png(path: Path, side: int, code_at: tuple[int, int] | None = None, text: str = "") -> None:
    """A white ``side`` x ``side`` 1-bit PNG written row by row (never held in memory), optionally with a
    code (4 px per module) at ``code_at``."""
    block = None
    if code_at is not None:
        block = np.asarray(render_image(encode(text), Style(), 4).convert("L")) >= 128  # True = white
    row_bytes = (side + 7) // 8
    white = b"\x00" + b"\xff" * row_bytes
    compressor = zlib.compressobj(1)
    parts = []
    for y in range(side):
        if block is not None and code_at is not None and code_at[1] <= y < code_at[1] + block.shape[0]:
            bits = np.ones(row_bytes * 8, dtype=bool)
            bits[code_at[0]:code_at[0] + block.shape[1]] = block[y - code_at[1]]
            parts.append(compressor.compress(b"\x00" + np.packbits(bits).tobytes()))
        else:
            parts.append(compressor.compress(white))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"".join(parts))
                     + _chunk(b"IEND", b""))


def _decode_in_child(path: Path) -> tuple[int, str, str, float]:
    """``qrdesk decode PATH`` in a fresh interpreter: exit code, stdout, stderr and peak RSS in GiB."""
    script = ("import resource, sys\nfrom app.cli import main\ncode = main(['decode', sys.argv[1]])\n"
              "sys.stdout.flush()\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)
    *lines, rss_kib = done.stderr.strip().splitlines()
    return done.returncode, done.stdout, "\n".join(lines), int(rss_kib) / 2**20


def _message(data: bytes, name: str = "file.png") -> str:
    with pytest.raises(UnreadableImage) as info:
        list(read_pictures(data, name))
    return str(info.value)


def test_empty_and_non_picture_files_are_named() -> None:
    assert _message(b"") == "file.png is empty"
    assert "notes.txt is not a picture QRDesk can read" in _message(b"just some text\n", "notes.txt")


def test_a_truncated_png_is_reported_as_damaged() -> None:
    png = render_bytes(encode("truncated"), Style(fg="#123456"), "png")  # an RGB PNG, not 1-bit
    message = _message(png[: len(png) // 2], "cut.png")
    assert message.startswith("cut.png is damaged and cannot be read")


def test_a_damaged_pdf_is_reported() -> None:
    assert "broken.pdf is not a readable PDF" in _message(b"%PDF-1.7\n1 0 obj <<garbage", "broken.pdf")


def test_a_decompression_bomb_is_refused_from_its_header() -> None:
    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)  # RGB, 8 bits: 1.2 GB of pixels
    bomb = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\0" * 1000))
    assert "bomb.png claims more than 179 million pixels" in _message(bomb, "bomb.png")


def test_a_large_colour_picture_over_the_memory_budget_is_refused_before_decoding() -> None:
    header = struct.pack(">IIBBBBB", 12_000, 12_000, 8, 6, 0, 0, 0)  # RGBA: 576 MB decoded
    png = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\0" * 1000))
    message = _message(png, "scan.png")
    assert message.startswith("scan.png is 12,000 x 12,000 pixels (549 MB decoded)")


def test_a_large_jpeg_is_decoded_at_reduced_scale() -> None:
    photo = Image.new("L", (9000, 5000), 255)
    photo.paste(render_image(encode("big photo"), Style(), 16).convert("L"), (7000, 3000))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90)
    (picture,) = read_pictures(out.getvalue(), "photo.jpg")
    assert picture.image.size == (4500, 2500) and picture.scale == 0.5  # the DCT decoded at half size
    (code,) = decode_bytes(out.getvalue(), "photo.jpg").codes
    assert code.text == "big photo"
    assert abs(code.corners[0][0] - (7000 + 64)) < 4  # positions are in the original picture's pixels


def test_a_20000_px_picture_gives_a_clear_message_within_1_gb(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    bilevel_png(path, 20_000)
    status, out, err, rss = _decode_in_child(path)
    assert status == 2 and out == ""
    assert err == ("qrdesk: error: " + str(path) + " claims more than 179 million pixels; QRDesk does not open "
                   "pictures that large (scale it down first)")
    assert rss < 1.0, f"peak memory {rss:.2f} GiB"


def test_a_12000_px_scan_is_read_within_1_gb(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    bilevel_png(path, 12_000, code_at=(9_001, 10_003), text="found in a 144 megapixel scan")
    assert DECODE_PX < 12_000  # the shrunk-first path is taken
    status, out, err, rss = _decode_in_child(path)
    assert status == 0, err
    assert out.splitlines()[1].strip() == "found in a 144 megapixel scan"
    assert rss < 1.0, f"peak memory {rss:.2f} GiB"


def test_no_code_in_a_picture_exits_1_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("RGB", (200, 200), "white").save(path)
    status, out, err, _ = _decode_in_child(path)
    assert (status, out, err) == (1, "", f"{path}: no QR code found")


def test_verify_and_the_export_gate_read_through_the_same_loader(tmp_path: Path) -> None:
    from app.core.verify import verify_file

    header = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    (tmp_path / "bomb.png").write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
                                        + _chunk(b"IDAT", zlib.compress(b"\0" * 1000)))
    report = verify_file(tmp_path / "bomb.png")
    assert not report.ok and report.errors[0].startswith("bomb.png claims more than 179 million pixels")
