"""`qrdesk make` loads only what making one code needs, and works without the `sync` extra installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from app.core.encode import encode
from app.core.export import export_code
from app.core.spec import Style
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
