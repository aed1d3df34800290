"""`qrdesk decode` through the real entry point: files, standard input, JSON, readers, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from app.core.encode import encode
from app.core.render import render, render_image
from app.core.spec import Style

ROOT = Path(__file__).resolve().parents[2]
VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nFN:Jane Doe\r\nEND:VCARD\r\n"


def test_decode_prints_text_kind_and_position(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    render(encode(VCARD), Style(size=5), "png", tmp_path / "card.png")
    render(encode("https://example.com"), Style(), "pdf", tmp_path / "link.pdf")
    assert main(["decode", str(tmp_path / "card.png"), str(tmp_path / "link.pdf")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{tmp_path / 'card.png'}: QR, vcard, at 20,20 to 205,205 px (read by zxing)"
    assert out[1:6] == ["    BEGIN:VCARD", "    VERSION:3.0", "    N:Doe;Jane;;;", "    FN:Jane Doe", "    END:VCARD"]
    assert out[7].startswith(f"{tmp_path / 'link.pdf'}: QR, url, at page 1, ")
    assert out[8] == "    https://example.com"


def test_decode_numbers_several_codes_and_reads_standard_input(monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    sheet = Image.new("RGB", (500, 220), "white")
    for index, text in enumerate(("first", "second")):
        sheet.paste(render_image(encode(text), Style(), 6).convert("RGB"), (index * 250, 0))
    data = io.BytesIO()
    sheet.save(data, "WEBP", lossless=True)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.getvalue())))
    assert main(["decode", "-", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["text"] for r in rows) == ["first", "second"]
    assert {r["file"] for r in rows} == {"-"} and all(len(r["corners"]) == 4 for r in rows)


def test_every_reader_can_be_chosen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    render(encode("three readers"), Style(), "png", tmp_path / "c.png")
    for reader in ("zxing", "zbar", "opencv"):
        assert main(["decode", "--decoder", reader, str(tmp_path / "c.png")]) == 0
        assert f"(read by {reader})" in capsys.readouterr().out
    assert main(["decode", "--decoder", "all", "--json", str(tmp_path / "c.png")]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["decoder"] for r in rows] == ["zxing"]  # one code, found by all three, listed once


def test_exit_codes_name_each_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    render(encode("good"), Style(), "png", tmp_path / "good.png")
    Image.new("L", (100, 100), 255).save(tmp_path / "blank.png")
    (tmp_path / "notes.txt").write_text("not a picture")
    assert main(["decode", str(tmp_path / "good.png"), str(tmp_path / "blank.png")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'blank.png'}: no QR code found\n"
    assert main(["decode", str(tmp_path / "notes.txt"), str(tmp_path / "missing.png"),
                 str(tmp_path / "good.png")]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"qrdesk: error: {tmp_path / 'notes.txt'} is not a picture QRDesk can read (PNG, JPEG, WebP, TIFF, GIF, "
        "BMP, SVG or PDF)",
        f"qrdesk: error: {tmp_path / 'missing.png'}: no such file"]
    assert "    good" in captured.out  # the good file after the bad ones is still read


def test_the_cli_starts_without_loading_the_readers() -> None:
    script = ("import sys\nfrom app.cli import build_parser\nbuild_parser()\n"
              "print(sorted(m for m in ('cv2', 'pyzbar') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_decode_lints_a_code_made_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import segno

    segno.make("WIFI:T:wpa;S:Cafe;Bar;P:secret12;;", error="m").save(str(tmp_path / "wifi.png"), scale=4)
    assert main(["decode", str(tmp_path / "wifi.png")]) == 0
    out = capsys.readouterr().out
    assert "  error: network type T:wpa is unknown to ZXing-based readers" in out
    assert "  error: 'Bar' after the network name is not a field" in out


def test_make_prints_lint_findings_but_still_makes_the_code(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["make", "http://example.com", "-o", str(tmp_path / "h.png")]) == 0
    assert "warning: http:// is not encrypted" in capsys.readouterr().err
