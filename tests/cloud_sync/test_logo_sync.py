"""An item's logo syncs as the item's file: the other machine shows the same logo from its own store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image

from app.core.encode import encode_spec
from app.core.render import render_image
from app.core.spec import QrSpec, Style
from tests.cloud_sync.conftest import snapshot

URL = "https://qrdesk.app/synced-logo"


def test_a_logo_reaches_the_other_machine_and_draws_there(machines, tmp_path: Path) -> None:
    a, b = machines(2)
    logo = tmp_path / "brand.png"
    Image.new("RGB", (40, 40), "#e63946").save(logo)
    item = a.lib.add(QrSpec("url", {"url": URL}, Style(logo=str(logo))), name="With logo")
    logo.unlink()  # the file the user picked is gone; the library has its own copy
    a.sync()
    report = b.sync()
    assert report.blobs_down == 1
    there = b.lib.get(item.id)
    assert Path(there.spec.style.logo).is_relative_to(b.folder)
    assert [f.kind for f in there.files] == ["logo"]
    image = render_image(encode_spec(there.spec), there.spec.style, module_px=8).convert("RGB")
    assert [r.text for r in zxingcpp.read_barcodes(np.asarray(image))] == [URL]
    centre = image.getpixel((image.width // 2, image.height // 2))
    assert centre == (0xE6, 0x39, 0x46)  # the logo itself, not a blank hole
    assert snapshot(a.lib) == snapshot(b.lib)
