"""Soak, run in its own process by test_theme_soak.py: the real main window with a library, every dialog opened
and closed, then 50 theme switches. Exit code 0 and "soak ok" mean it survived; a crash ends the process with a
signal (faulthandler prints the Python frames).

Usage: python tests/ui/soak_themes.py FOLDER [SWITCHES]
"""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path

faulthandler.enable()

from PySide6.QtCore import QSettings  # noqa: E402 (faulthandler first: a crash while importing is reported too)
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def main(folder: Path, switches: int) -> int:
    from dialogs import dialog_openers, open_and_close

    from app.core.spec import QrSpec, Style
    from app.ui.app import create_app
    from app.ui.compat import guard_none_refcount
    from app.ui.library_store import open_store
    from app.ui.main_window import MainWindow
    from app.ui.presets import PresetStore
    from app.ui.settings import Settings
    from app.ui.themes import apply_theme

    guard_none_refcount()
    app = create_app(["qrdesk-soak"])
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    apply_theme(app, "light")
    library = open_store(str(folder / "library"))
    library.add_spec(QrSpec("url", {"url": "https://qrdesk.app/soak"}))
    presets = PresetStore(folder / "presets.json")
    presets.save("Mine", Style(module_shape="dots"))  # a preset of the user's own, so there is one to delete
    window = MainWindow(settings=settings, presets=presets, library=library)
    window.show()
    app.processEvents()
    openers = dialog_openers(window)
    opened = []
    for name, opener in openers.items():
        closed = open_and_close(opener)
        print(f"{name}: {', '.join(closed) or 'nothing opened'}", flush=True)
        opened += closed
    if len(opened) < 5:
        print(f"soak: only {len(opened)} dialogs opened; the window's dialogs were not found", flush=True)
        return 2
    for n in range(switches):
        window.set_theme(("dark", "light", "system")[n % 3])
        app.processEvents()
    own = [w.objectName() or type(w).__name__ for w in QApplication.allWidgets()
           if isinstance(w, QWidget) and w.styleSheet()]
    if own:  # each is restyled on its own at every switch: the theme is the app's palette
        print(f"soak: widgets with a stylesheet of their own: {own}", flush=True)
        return 3
    window.close()
    library.close()
    print(f"soak ok: {len(opened)} dialogs, {switches} theme switches", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50))
