"""Regenerates the docs' screenshots: the main window with a sample library, light and dark; the File menu
open; a field's inline error; the unsaved-changes question; the window in German.

    .venv/bin/python scripts/screenshots.py                 # writes docs/screenshot-light.png, -dark.png,
                                                            # screenshot-file-menu.png, screenshot-field-error.png,
                                                            # screenshot-unsaved.png, screenshot-german.png
    .venv/bin/python scripts/screenshots.py --out /tmp/shots
    .venv/bin/python scripts/screenshots.py --bundle build/bundle-test/dist/qrdesk/qrdesk
                                                            # also docs/screenshot-bundle.png (needs Xvfb)

Runs the real window on Qt's offscreen platform (or the X display in $DISPLAY, e.g. under ``xvfb-run -a``)
with settings, presets and the library in a temporary folder, so nothing of the user's is read or changed.
Every picture is checked before it is written: the code in it must decode to the sample URL. The test suite
runs this script into a temporary folder (tests/ui/test_themes_screenshots.py) and never writes docs/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file from anywhere, the app need not be installed

import numpy as np  # noqa: E402
import zxingcpp  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.core.spec import QrSpec, Style  # noqa: E402
from app.ui.imaging import qimage_to_pil  # noqa: E402
from app.ui.library_store import LibraryStore, open_store  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402

SAMPLE_URL = "https://qrdesk.app/spring-menu?table=12"
SAMPLE_SPEC = QrSpec("url", {"url": SAMPLE_URL}, Style(fg="#1a3d8f", module_shape="rounded", eye_shape="rounded",
                                                       ecc="Q", frame=True, caption="Scan for the spring menu"))
WAIT_S = 30


def _wait(app: QApplication, done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshots: gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def _fill_library(store: LibraryStore) -> None:
    samples = [
        ("Spring menu — table 12", SAMPLE_SPEC, ("menu",)),
        ("Office Wi-Fi", QrSpec("wifi", {"ssid": "Atelier", "password": "correct horse", "security": "WPA"}),
         ("office",)),
        ("Ada Lovelace — card", QrSpec("vcard", {"first_name": "Ada", "last_name": "Lovelace",
                                                  "email": "ada@example.org"}), ("people",)),
        ("Workshop, 14 May", QrSpec("event", {"summary": "Label workshop", "start": "2026-05-14 10:00"}), ()),
        ("Shop", QrSpec("url", {"url": "https://shop.example/qrdesk"}, Style(module_shape="dots",
                                                                             eye_shape="circle")), ()),
        ("Hotline", QrSpec("phone", {"number": "+49 30 1234567"}), ("office",)),
    ]
    for name, spec, tags in samples:
        store.add_spec(spec, name=name, tags=tags)


def take_screenshots(out: Path) -> list[Path]:
    """Light and dark screenshots of the main window into ``out``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    from app.ui.app import create_app
    from app.ui.compat import guard_none_refcount
    from app.ui.i18n import install_translators
    from app.ui.main_window import DEFAULT_SIZE
    from app.ui.presets import PresetStore
    from app.ui.preview_status import ScanState
    from app.ui.settings import Settings

    guard_none_refcount()
    app = create_app([sys.argv[0]])
    install_translators(app, "en")  # as the app does at start: English plural forms ("6 items")
    written = []
    with tempfile.TemporaryDirectory(prefix="qrdesk-screenshots-") as tmp:
        home = Path(tmp)
        store = open_store(str(home / "library"))
        _fill_library(store)
        settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings=settings, presets=PresetStore(home / "presets.json"), library=store)
        window.resize(DEFAULT_SIZE)
        window.show()
        panel = window.library_panel
        assert panel is not None
        window.open_item(next(item for item in store.items() if item.spec == SAMPLE_SPEC))
        for row in range(panel.model.rowCount()):
            panel.model.data(panel.model.index(row), 1)  # DecorationRole: start the thumbnails, as painting does
        _wait(app, lambda: all(panel.model.thumbnail_ready(r) for r in range(panel.model.rowCount())), "thumbnails")
        shown = next(r for r, item in enumerate(panel.model.items) if item.spec.data() == SAMPLE_URL)
        panel.view.setCurrentIndex(panel.model.index(shown))  # the item the editor shows is the selected one
        out.mkdir(parents=True, exist_ok=True)
        for theme in ("light", "dark"):
            window.set_theme(theme)
            _wait(app, lambda: window.preview_status.scan_state in (ScanState.OK, ScanState.WARN), "the scan check")
            for _ in range(5):
                app.processEvents()
            shot = window.grab()
            _check(qimage_to_pil(shot.toImage()), theme)
            path = out / f"screenshot-{theme}.png"
            if not shot.save(str(path)):
                raise SystemExit(f"screenshots: cannot write {path}")
            written.append(path)
        window.set_theme("light")
        written.append(_file_menu_shot(app, window, out))
        written.append(_field_error_shot(app, window, out))
        written.append(_unsaved_question_shot(app, window, out))
        _close_discarding(window)
        written.append(_german_shot(app, home, store, out))
        store.close()
    return written


def _german_shot(app: QApplication, home: Path, store: LibraryStore, out: Path) -> Path:
    """The main window in German (its catalogue from resources/translations, as Preferences → Language → Deutsch
    gives it at the next start), the File menu's commands in the window's own menu bar."""
    from PySide6.QtCore import QLocale

    from app.ui.i18n import install_translators
    from app.ui.main_window import DEFAULT_SIZE
    from app.ui.presets import PresetStore
    from app.ui.preview_status import ScanState
    from app.ui.settings import Settings

    default = QLocale()
    _locale, translators = install_translators(app, "de")
    try:
        settings = Settings(QSettings(str(home / "settings-de.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings=settings, presets=PresetStore(home / "presets.json"), library=store)
        window.resize(DEFAULT_SIZE)
        window.show()
        window.open_item(next(item for item in store.items() if item.spec == SAMPLE_SPEC))
        panel = window.library_panel
        assert panel is not None
        for row in range(panel.model.rowCount()):
            panel.model.data(panel.model.index(row), 1)
        _wait(app, lambda: all(panel.model.thumbnail_ready(r) for r in range(panel.model.rowCount())), "thumbnails")
        _wait(app, lambda: window.preview_status.scan_state in (ScanState.OK, ScanState.WARN), "the scan check")
        _settle(app)
        shot = window.grab()
        _check(qimage_to_pil(shot.toImage()), "German")
        path = out / "screenshot-german.png"
        if not shot.save(str(path)):
            raise SystemExit(f"screenshots: cannot write {path}")
        titles = [a.text() for a in window.menuBar().actions()]
        print(f"German menus: {', '.join(titles)}")
        _close_discarding(window)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(default)
    return path


def _close_discarding(window: MainWindow) -> None:
    """Close the window, answering Discard to the unsaved-changes question the last picture left open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def discard() -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "unsavedPrompt" and w.isVisible()), None)
        if box is not None:
            box.button(QMessageBox.StandardButton.Discard).click()
        elif window.isVisible():
            QTimer.singleShot(20, discard)

    QTimer.singleShot(20, discard)
    window.close()


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _overlay(window: MainWindow, popup: QWidget, path: Path) -> None:
    """The window with ``popup`` (a menu, a question) drawn where it appears, as a desktop screenshot shows it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

    picture = window.grab()
    painter = QPainter(picture)
    corner = window.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft()))
    if not window.rect().contains(corner):  # offscreen places dialogs at 0,0: centre it as a desktop would
        corner = window.rect().center() - popup.rect().center()
    painter.fillRect(popup.rect().translated(corner + QPoint(4, 4)), QColor(0, 0, 0, 60))  # a soft shadow
    painter.drawPixmap(corner, popup.grab())
    painter.setPen(QColor(120, 120, 120))
    painter.drawRect(popup.rect().translated(corner).adjusted(0, 0, -1, -1))
    painter.end()
    if not picture.save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")


def _file_menu_shot(app: QApplication, window: MainWindow, out: Path) -> Path:
    """The File menu open, as a click on its title opens it: every command with its keys."""
    bar, menu = window.menuBar(), window.menus.file
    bar.setActiveAction(menu.menuAction())  # the title highlighted and its menu shown under it
    _wait(app, menu.isVisible, "the File menu")
    _settle(app)
    path = out / "screenshot-file-menu.png"
    _overlay(window, menu, path)
    menu.close()
    _settle(app)
    print(f"file menu: {len([a for a in menu.actions() if not a.isSeparator()])} commands")
    return path


def _field_error_shot(app: QApplication, window: MainWindow, out: Path) -> Path:
    """The Wi-Fi form with a password too short for WPA: the reason under the field, in the form's words."""
    from app.ui.preview import PreviewState

    window.open_spec(QrSpec("wifi", {"ssid": "Atelier", "password": "1234", "security": "WPA"}))
    _wait(app, lambda: window.preview_ctl.last is not None and window.preview_ctl.last.state is PreviewState.INVALID
          and window.form.problem()[0] == "password", "the password's inline error")
    _settle(app)
    editor = window.centralWidget().widget(1)  # the editor column (library, editor, preview)
    path = out / "screenshot-field-error.png"
    if not editor.grab().save(str(path)):
        raise SystemExit(f"screenshots: cannot write {path}")
    print(f"field error: {window.form.problem()[1]}")
    return path


def _unsaved_question_shot(app: QApplication, window: MainWindow, out: Path) -> Path:
    """New with unsaved edits: the question, drawn over the window where it appears."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    path = out / "screenshot-unsaved.png"
    shots: list[object] = []

    def shoot() -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "unsavedPrompt" and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, shoot)
            return
        _settle(app)
        _overlay(window, box, path)
        shots.append(True)
        box.button(QMessageBox.StandardButton.Cancel).click()

    window.model.set_field("password", "atelier-2026")  # a code on screen: the question is the subject
    window.model.set_field("ssid", "Atelier 2")
    _wait(app, lambda: window.preview_ctl.last is not None and window.preview_ctl.last.code is not None
          and window.preview_ctl.last.spec == window.model.spec, "the edited code")
    QTimer.singleShot(20, shoot)
    if window.new_code() or not shots or not shots[0]:
        raise SystemExit("screenshots: the unsaved-changes question was not shown or not saved")
    print("unsaved question: shown and cancelled")
    return path


def _check(image: Image.Image, theme: str) -> None:
    texts = [r.text for r in zxingcpp.read_barcodes(np.asarray(image.convert("RGB")))]
    if SAMPLE_URL not in texts:
        raise SystemExit(f"screenshots: the {theme} screenshot shows no scannable sample code (found {texts})")
    print(f"{theme}: {image.width}x{image.height}, the sample code decodes")


def take_bundle_screenshot(exe: Path, out: Path) -> Path:
    """The built bundle's window on an Xvfb screen (scripts/capture-window.sh), into ``out``."""
    path = out / "screenshot-bundle.png"
    env = {"PATH": "/usr/bin:/bin", "HOME": tempfile.mkdtemp(prefix="qrdesk-bundle-home-"), "LANG": "C.UTF-8"}
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp", "bash",
                             str(ROOT / "scripts" / "capture-window.sh"), str(exe.resolve()), str(path), "60"],
                            env=env, capture_output=True, text=True, timeout=180, check=False)
    if "QRDESK-ALIVE" not in result.stdout:
        raise SystemExit(f"screenshots: the bundle did not stay up:\n{result.stdout}{result.stderr}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs (default: docs/)")
    parser.add_argument("--bundle", type=Path, help="a built bundle's executable: also screenshot it under Xvfb")
    args = parser.parse_args(argv)
    written = take_screenshots(args.out)
    if args.bundle is not None:
        written.append(take_bundle_screenshot(args.bundle, args.out))
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
