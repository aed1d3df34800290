"""`qrdesk make` loads only what making one code needs, and works without the `sync` extra installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from app.core.encode import encode
from app.core.export import export_code
from app.core.render import render_bytes
from app.core.spec import Style
from app.core.svgraster import svg_to_image
from tests.cli.procs import run_qrdesk

URL = "https://example.com/lazy"
# Never needed to make, check or list codes: the PDF library, the sync client and what it needs, Qt.
NOT_FOR_MAKE = {"reportlab", "httpx", "keyring", "cloud_sync", "secretstorage", "jeepney", "dbus", "PySide6",
                "shiboken6", "pypdfium2", "svglib", "sqlite3"}
SYNC_EXTRA = ("httpx", "keyring")


def _decoded(path: Path) -> list[str]:
    with Image.open(path) as image:
        return [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]


def test_make_png_imports_neither_pdf_nor_sync_libraries(tmp_path: Path) -> None:
    modules = tmp_path / "modules.json"
    result = run_qrdesk("make", URL, "-o", str(tmp_path / "x.png"), modules_file=modules)
    assert result.returncode == 0, result.stderr
    assert _decoded(tmp_path / "x.png") == [URL]
    loaded = set(json.loads(modules.read_text()))
    assert not loaded & NOT_FOR_MAKE, sorted(loaded & NOT_FOR_MAKE)


def _zbar_reads(path: Path) -> list[str]:
    """A second decoder (zbar), not the zxing-cpp the export gate uses."""
    from pyzbar.pyzbar import decode

    with Image.open(path) as image:
        page = Image.new("RGBA", image.size, "white")  # a transparent background is seen on white paper
        page.alpha_composite(image.convert("RGBA"))
    return [found.data.decode("utf-8") for found in decode(page.convert("L"))]


# The drawing code (app.core.render.draw), the logo and scene modules and the vectorised encoder need NumPy;
# a plain code needs none of them, and NumPy's import alone cost a one-code command as much as segno's whole
# command (benchmarks/bench_cli.py). So NumPy is made unimportable here: the command must still make, check
# and refuse exactly as before.
@pytest.mark.parametrize("args", [
    ["make", URL, "-o", "{tmp}/x.png"],
    ["make", URL, "-o", "{tmp}/x.png", "--fg", "#1a237e", "--eye-color", "#c62828", "--bg", "#fff8e1"],
    ["make", URL, "-o", "{tmp}/x.png", "--bg", "transparent", "--quiet-zone", "2", "--size", "3"],
    ["make", "12345", "-o", "{tmp}/x.png", "--micro"],
    ["make", URL, "-o", "{tmp}/x.svg"],
    ["make", URL, "-o", "{tmp}/x.svg", "--fg", "#1a237e", "--eye-color", "#c62828", "--bg", "transparent"],
], ids=["black on white", "colours", "transparent", "micro", "svg", "svg colours"])
def test_make_plain_png_or_svg_needs_no_numpy(tmp_path: Path, args: list[str]) -> None:
    modules = tmp_path / "modules.json"
    result = run_qrdesk(*(a.format(tmp=tmp_path) for a in args), blocked=("numpy",), modules_file=modules)
    assert result.returncode == 0, result.stderr
    assert "scans OK" in result.stdout
    assert "numpy" not in json.loads(modules.read_text())
    out = Path(args[3].format(tmp=tmp_path))
    if out.suffix == ".svg":  # zbar reads pictures: the SVG is drawn by resvg here, in the test's process
        png = tmp_path / "svg.png"
        svg_to_image(out.read_bytes()).save(png)
        out = png
    if "--micro" not in args:  # zbar reads no Micro QR
        assert _zbar_reads(out) == [args[1]]


def test_make_without_numpy_writes_the_file_the_vectorised_path_writes(tmp_path: Path) -> None:
    """Without NumPy the command encodes with segno's own encoder and renders from the rows; the file is the
    one this process (NumPy loaded: app.core.fastsegno, the app's and a batch's path) writes, byte for byte."""
    long_url = URL + "?" + "q=1&" * 60
    for text, fmt in ((URL, "png"), (long_url, "png"), ("Grüße, 東京", "png"), (URL, "svg"), (long_url, "svg")):
        out = tmp_path / f"cli.{fmt}"
        result = run_qrdesk("make", text, "-o", str(out), "--fg", "#1a237e", blocked=("numpy",))
        assert result.returncode == 0, result.stderr
        assert out.read_bytes() == render_bytes(encode(text, Style(fg="#1a237e")), Style(fg="#1a237e"), fmt)


def test_make_without_numpy_still_refuses_a_code_that_does_not_scan(tmp_path: Path) -> None:
    result = run_qrdesk("make", URL, "-o", str(tmp_path / "x.png"), "--fg", "#eeeeee", blocked=("numpy",))
    assert result.returncode == 1, result.stderr
    assert "contrast is too low" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_make_in_the_terminal_needs_no_numpy(tmp_path: Path) -> None:
    result = run_qrdesk("make", URL, blocked=("numpy",))
    assert result.returncode == 0, result.stderr
    assert "\u2580" in result.stdout or "\u2584" in result.stdout  # half blocks


@pytest.mark.parametrize("args", [
    ["--help"],
    ["make", "--help"],
    ["sync", "--help"],
    ["make", URL, "-o", "{tmp}/x.png"],
    ["make", URL, "-o", "{tmp}/x.svg", "--module-shape", "dots"],
    ["verify", "{tmp}/ref.png"],
    ["batch", "{tmp}/rows.txt", "--out", "{tmp}/out", "--jobs", "1"],
    ["--library", "{tmp}/lib", "library", "add", URL, "--kind", "url"],
    ["--library", "{tmp}/lib", "library", "list"],
], ids=lambda a: " ".join(a[:3]))
def test_everything_but_sync_works_without_the_sync_extra(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "rows.txt").write_text("one\ntwo\n", encoding="utf-8")
    export_code(encode("reference"), Style(), tmp_path / "ref.png")
    result = run_qrdesk(*(a.format(tmp=tmp_path) for a in args), blocked=SYNC_EXTRA)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Connection Error" not in result.stderr


def test_sync_without_the_sync_extra_says_how_to_install_it(tmp_path: Path) -> None:
    result = run_qrdesk("--library", str(tmp_path / "lib"), "sync", "--status", blocked=SYNC_EXTRA)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "pip install 'qrdesk[sync]'" in result.stderr
    assert "Traceback" not in result.stderr


LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">'
        '<circle cx="20" cy="20" r="18" fill="#c62828"/><text x="20" y="26" font-size="14" text-anchor="middle" '
        'font-family="sans-serif" fill="#ffffff">Q</text></svg>')


def test_svg_exports_checks_and_logos_need_no_cairo(tmp_path: Path) -> None:
    """SVG is drawn by resvg from its wheel: no cairo library (nor cairosvg) on the machine is needed."""
    (tmp_path / "logo.svg").write_text(LOGO, encoding="utf-8")
    runs = [
        ["make", URL, "-o", str(tmp_path / "code.svg"), "--module-shape", "rounded"],
        ["verify", str(tmp_path / "code.svg"), "--expect", URL],
        ["make", URL, "-o", str(tmp_path / "logo.png"), "--logo", str(tmp_path / "logo.svg")],
        ["decode", str(tmp_path / "code.svg")],
    ]
    modules = tmp_path / "modules.json"
    for args in runs:
        result = run_qrdesk(*args, blocked=("cairosvg", "cairocffi"), modules_file=modules)
        assert result.returncode == 0, (args, result.stderr)
        assert "cairo" not in set(json.loads(modules.read_text()))
    assert _decoded(tmp_path / "logo.png") == [URL]
