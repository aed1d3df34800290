"""Two profiles (QRDESK_HOME) used one after the other never mix, and nothing lands outside their homes.

Each run is the real app in a fresh process, started as ``qrdesk`` starts it, with HOME and the XDG folders
pointing into an empty folder: whatever the app (or Qt on its behalf) writes outside its QRDESK_HOME shows up
there. The run changes the theme, saves a preset and a library item, uses a file dialog and closes the window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.core.library import Library

ROOT = Path(__file__).resolve().parents[2]

_SESSION = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
app = QApplication(sys.argv[:1])
from app.core.spec import QrSpec
from app.ui.app import run_gui
from app.ui.main_window import MainWindow
name, theme = sys.argv[1], sys.argv[2]

def use_the_app():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.set_theme(theme)
    window.presets.save(f"preset {name}", window.model.spec.style)
    window.model.load(QrSpec.text(f"item of {name}"))
    window.save_to_library()
    dialog = QFileDialog(window, "pick")  # Qt's own dialog keeps its history in Qt's default settings
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    dialog.reject()
    dialog.deleteLater()
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(0, app.quit)

QTimer.singleShot(0, use_the_app)
sys.exit(run_gui(["qrdesk"]))
"""


def _run(home: Path, outside: Path, name: str, theme: str) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(outside), "XDG_CONFIG_HOME": str(outside / "config"), "XDG_DATA_HOME": str(outside / "data"),
           "XDG_STATE_HOME": str(outside / "state"), "XDG_CACHE_HOME": str(outside / "cache"),
           "QRDESK_HOME": str(home), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", _SESSION, name, theme], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]


def test_two_profiles_keep_everything_in_their_own_home(tmp_path: Path) -> None:
    outside = tmp_path / "user"
    outside.mkdir()
    homes = {"a": tmp_path / "profile a", "b": tmp_path / "profile b"}
    _run(homes["a"], outside, "a", "dark")
    _run(homes["b"], outside, "b", "light")

    leaked = sorted(str(p.relative_to(outside)) for p in outside.rglob("*") if p.is_file())
    assert leaked == [], f"written outside QRDESK_HOME: {leaked}"
    for name, theme, other in (("a", "dark", "b"), ("b", "light", "a")):
        home = homes[name]
        assert f"theme={theme}" in (home / "settings.ini").read_text(encoding="utf-8")
        assert list(json.loads((home / "presets.json").read_text(encoding="utf-8"))["presets"]) == [f"preset {name}"]
        assert (home / "logs" / "qrdesk-gui.log").stat().st_size > 0
        with Library.open(home, read_only=True) as library:
            assert [i.spec.data() for i in library.list().items] == [f"item of {name}"]
        assert not any(str(homes[other]) in p.read_text(errors="replace") for p in home.rglob("*.ini"))
