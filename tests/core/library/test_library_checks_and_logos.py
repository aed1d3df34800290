"""Every way into the library checks that the item encodes; a logo is stored as the item's own file."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from app.core.encode import encode_spec
from app.core.errors import CapacityError, RenderError, SpecError
from app.core.library import Library
from app.core.library.archive import export_archive, import_archive
from app.core.render import render_image
from app.core.spec import QrSpec, Style

URL = "https://qrdesk.app/logo-test"


def _logo(path: Path, colour: str = "#d62828") -> Path:
    Image.new("RGB", (64, 64), colour).save(path)
    return path


def _decoded(spec: QrSpec) -> list[str]:
    image = render_image(encode_spec(spec), spec.style, module_px=8).convert("RGB")
    return [r.text for r in zxingcpp.read_barcodes(np.asarray(image))]


def _stored_spec(lib_dir: Path, item_id: str) -> dict:
    conn = sqlite3.connect(lib_dir / "library.db")
    try:
        return json.loads(conn.execute("SELECT spec FROM items WHERE id = ?", (item_id,)).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(("spec", "error", "reason"), [
    (QrSpec("url", {"url": "not a url"}), SpecError, "url: "),
    (QrSpec("wifi", {"ssid": "Home", "password": "short", "security": "WPA"}), SpecError, "password: "),
    (QrSpec("text", {"text": "x" * 1500}, Style(ecc="H")), CapacityError, "too long"),
    (QrSpec("text", {"text": "Grüße"}, Style(charset="shift_jis")), SpecError, "charset"),
    (QrSpec("url", {"url": URL}, Style(logo="/nonexistent/logo.png")), RenderError, "not found"),
])
def test_add_and_update_refuse_what_does_not_encode_and_keep_the_item(lib: Library, spec: QrSpec, error: type,
                                                                       reason: str) -> None:
    with pytest.raises(error, match=reason):
        lib.add(spec)
    assert lib.count() == 0
    good = lib.add(QrSpec("url", {"url": URL}), name="Good")
    with pytest.raises(error, match=reason):
        lib.update(good.id, spec=spec)
    assert lib.get(good.id).spec == good.spec


def test_data_from_elsewhere_is_kept_unchecked(lib: Library) -> None:
    # A sync conflict copy or an archive entry already exists on another machine: it is kept, never lost.
    odd = QrSpec("url", {"url": "not a url"})
    item = lib.add(odd, name="From the other laptop", check=False)
    assert lib.get(item.id).spec == odd
    assert lib.duplicate(item.id).spec == odd


def test_a_logo_is_stored_as_the_items_file_and_survives_the_original(lib: Library, lib_dir: Path,
                                                                       tmp_path: Path) -> None:
    original = _logo(tmp_path / "brand.png")
    item = lib.add(QrSpec("url", {"url": URL}, Style(logo=str(original))))
    (ref,) = [f for f in item.files if f.kind == "logo"]
    assert item.spec.style.logo == str(lib.files.path_of(ref.sha256))  # a path of this library's store
    assert _stored_spec(lib_dir, item.id)["style"]["logo"] == f"sha256:{ref.sha256}"  # portable in the database
    original.unlink()
    assert _decoded(lib.get(item.id).spec) == [URL]

    # Saving the opened item back keeps the same file; a new logo replaces the reference.
    again = lib.update(item.id, spec=lib.get(item.id).spec.with_style(fg="#123456"))
    assert [f for f in again.files if f.kind == "logo"] == [ref]
    other = _logo(tmp_path / "other.png", "#1d3557")
    changed = lib.update(item.id, spec=again.spec.with_style(logo=str(other)))
    logos = [f for f in changed.files if f.kind == "logo"]
    assert len(logos) == 1 and logos[0] != ref
    assert lib.update(item.id, spec=changed.spec.with_style(logo=None)).files == ()


def test_a_logo_travels_in_an_archive_to_another_library(lib: Library, tmp_path: Path) -> None:
    item = lib.add(QrSpec("url", {"url": URL}, Style(logo=str(_logo(tmp_path / "brand.png")))), name="Logo")
    export_archive(lib, tmp_path / "all.zip")
    with zipfile.ZipFile(tmp_path / "all.zip") as zf:
        archive = json.loads(zf.read("manifest.json"))
    assert archive["items"][0]["spec"]["style"]["logo"].startswith("sha256:")  # no path of this machine
    with Library.open(tmp_path / "laptop") as other:
        import_archive(other, tmp_path / "all.zip")
        there = other.get(item.id)
        assert Path(there.spec.style.logo).is_relative_to(tmp_path / "laptop")
        assert _decoded(there.spec) == [URL]
        assert import_archive(other, tmp_path / "all.zip").unchanged == 1
