"""Theme switching at run time, and the script that makes the README screenshots (light and dark)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from uihelpers import decode, wait_preview

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCRIPT = ROOT / "scripts" / "screenshots.py"
SAMPLE_URL = "https://qrdesk.app/spring-menu?table=12"  # what scripts/screenshots.py shows


def _window_colour() -> str:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).name()


def test_switching_theme_recolours_the_app_but_not_the_code(make_window, qtbot):
    window = make_window()
    window.set_theme("light")
    wait_preview(qtbot, window)
    light_code = window.preview.image().copy()
    light_bg = _window_colour()

    idx = window.theme_combo.findData("dark")
    window.theme_combo.setCurrentIndex(idx)  # the user's way: the toolbar's theme box
    assert QApplication.instance().property("qrdesk_theme") == "dark"
    assert _window_colour() != light_bg
    assert window.settings.theme == "dark"
    # The code is rendered with its own colours whatever the theme.
    window.preview_ctl.request(window.model.spec)
    wait_preview(qtbot, window)
    assert window.preview.image() == light_code
    window.set_theme("light")
    assert _window_colour() == light_bg


def test_system_theme_follows_the_platform(make_window):
    window = make_window()
    window.set_theme("system")
    assert QApplication.instance().property("qrdesk_theme") in ("light", "dark")
    assert window.theme_combo.currentData() == "system"


def test_screenshot_script_writes_decodable_pictures_and_leaves_docs_alone(tmp_path):
    # The README's pictures are made by scripts/screenshots.py; here it runs into tmp_path only.
    before = {p.name: p.read_bytes() for p in DOCS.glob("*.png")}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    for theme in ("light", "dark"):
        with Image.open(tmp_path / f"screenshot-{theme}.png") as shot:
            assert shot.width >= 1000
            assert SAMPLE_URL in decode(shot)  # decoded here too, not only by the script's own check
    for name in ("screenshot-unsaved.png", "screenshot-file-menu.png"):
        with Image.open(tmp_path / name) as shot:
            assert shot.width >= 1000
    assert "file menu: 11 commands" in result.stdout
    assert "field error: Password: a WPA password" in result.stdout  # the field's label, not "password:"
    assert "unsaved question: shown and cancelled" in result.stdout
    assert {p.name: p.read_bytes() for p in DOCS.glob("*.png")} == before
