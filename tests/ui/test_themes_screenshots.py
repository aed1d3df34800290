"""Theme switching at run time, and the README screenshots (light and dark) taken from the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from uihelpers import decode, wait_preview

from app.core.spec import QrSpec, Style
from app.ui.main_window import DEFAULT_SIZE

DOCS = Path(__file__).resolve().parents[2] / "docs"
SAMPLE = QrSpec("url", {"url": "https://qrdesk.app/spring-menu?table=12"},
                Style(fg="#1a3d8f", module_shape="rounded", eye_shape="rounded", ecc="Q", frame=True,
                      caption="Scan for the spring menu"))


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


def test_screenshots_light_and_dark(make_window, library, qtbot):
    window = make_window(library=library)
    window.resize(DEFAULT_SIZE)
    window.model.load(SAMPLE)
    panel = window.library_panel
    for row in range(panel.model.rowCount()):
        panel.model.data(panel.model.index(row), 1)  # DecorationRole: start the thumbnails
    qtbot.waitUntil(lambda: all(panel.model.thumbnail_ready(r) for r in range(panel.model.rowCount())))
    panel.view.setCurrentIndex(panel.model.index(1))
    for theme in ("light", "dark"):
        window.set_theme(theme)
        wait_preview(qtbot, window, "https://qrdesk.app/spring-menu?table=12")
        qtbot.waitUntil(lambda: window.scan_label.objectName() in ("scanOk", "scanWarn"))
        qtbot.wait(50)
        shot = window.grab()
        assert shot.width() >= 1000
        DOCS.mkdir(exist_ok=True)
        path = DOCS / f"screenshot-{theme}.png"
        assert shot.save(str(path))
        # The code in the screenshot is a real, scannable one.
        assert "https://qrdesk.app/spring-menu?table=12" in decode(shot.toImage())
    window.set_theme("light")
