"""Thumbnails stay sharp on a 2x screen: modules are whole physical pixels, not a small picture scaled up.

A device pixel ratio is fixed when Qt starts, so the check runs the real window in a fresh process with
``QT_SCALE_FACTOR=2``, grabs the thumbnail the grid painted and counts blurred (mid-grey) pixels; zbar must
read the code in it. The old grid painted a 96-pixel picture into 192 physical pixels: a grey smear.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from pyzbar import pyzbar

ROOT = Path(__file__).resolve().parents[2]
TEXT = "a dense code for a sharp thumbnail " * 4

_GRAB = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from app.core.spec import QrSpec
from app.ui.library_store import open_store
from app.ui.main_window import MainWindow
from app.ui.presets import PresetStore
from app.ui.settings import Settings
home, text = Path(sys.argv[1]), sys.argv[2]
store = open_store(str(home / "library"))
store.add_spec(QrSpec.text(text), name="dense")
window = MainWindow(settings=Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)),
                    presets=PresetStore(home / "presets.json"), library=store)
window.show()
panel, index = window.library_panel, window.library_panel.model.index(0)
deadline = time.monotonic() + 60
while not panel.model.thumbnail_ready(0) and time.monotonic() < deadline:
    panel.model.data(index, Qt.ItemDataRole.DecorationRole)  # as painting does
    app.processEvents()
    time.sleep(0.01)
for _ in range(10):
    app.processEvents()
print("ratio", panel.view.devicePixelRatioF())
panel.view.viewport().grab(panel.view.visualRect(index)).save(str(home / "thumbnail.png"))
window.close()
store.close()
"""


def test_thumbnails_are_sharp_at_device_pixel_ratio_2(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2", "QRDESK_HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", _GRAB, str(tmp_path), TEXT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "ratio 2.0" in proc.stdout
    grey = Image.open(tmp_path / "thumbnail.png").convert("L")
    pixels = np.asarray(grey)
    blurred = np.count_nonzero((pixels > 40) & (pixels < 215))
    assert blurred / pixels.size < 0.01, f"{blurred} of {pixels.size} pixels are mid-grey: a scaled-up thumbnail"
    assert [r.data.decode() for r in pyzbar.decode(pixels)] == [TEXT]
