"""Starting the app the way ``qrdesk`` does, the crash guard, and the binding guard."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.ui import errors as ui_errors
from app.ui.compat import needs_none_guard

ROOT = Path(__file__).resolve().parents[2]


_STARTUP_SCRIPT = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from app.ui.app import run_gui
from app.ui.main_window import MainWindow

def inspect_and_quit():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    print("windows", len(windows), "library", windows[0].library_panel is not None)
    deadline = time.monotonic() + 20  # bounded: a loaded machine paints late, never an assertion about speed
    while "app.core.fastsegno" not in sys.modules and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print("warm", "app.core.fastsegno" in sys.modules)  # the typing path's NumPy encoder, after the first paint
    for w in windows:
        w.close()
    app.quit()

def loaded():  # the first turn of the event loop: what the window needed before it could be painted
    print("loaded", " ".join(sorted(sys.modules)))

QTimer.singleShot(0, loaded)
QTimer.singleShot(500, inspect_and_quit)
sys.exit(run_gui(["qrdesk"]))
"""
# Not needed to show the window (seen loaded before: 1 s of a 2 s cold start on a 100,000-item library): the
# batch (reportlab), the picture decoders and the thorough check (NumPy, OpenCV), the sync's HTTP client and wire
# models (httpx, pydantic). Each loads when its command first runs; benchmarks/bench_startup.py measures the rest.
NOT_AT_START = ("reportlab", "numpy", "cv2", "httpx", "pydantic", "app.core.batch", "app.core.decode",
                "app.core.robustness", "app.ui.batch_wizard")


def test_run_gui_opens_the_window_with_the_library_and_exits_cleanly(tmp_path):
    # A fresh process, as `qrdesk` starts it: run_gui's QApplication.exec() must not share a test's loop.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QRDESK_HOME": str(tmp_path / "lib"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", _STARTUP_SCRIPT], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "windows 1 library True" in proc.stdout
    loaded = set(next(line for line in proc.stdout.splitlines() if line.startswith("loaded ")).split()[1:])
    assert not loaded & set(NOT_AT_START), sorted(loaded & set(NOT_AT_START))
    assert "warm True" in proc.stdout  # without it every keystroke's preview took segno's 10x slower steps
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "lib" / "library.db").is_file()
    assert "geometry" in (tmp_path / "lib" / "settings.ini").read_text()  # window state saved on close, in the home


def test_window_geometry_is_restored(make_window, settings):
    first = make_window()
    first.resize(720, 520)  # inside the offscreen screen (800x600): restoreGeometry clamps to the screen
    first.close()
    second = make_window()
    assert (second.size().width(), second.size().height()) == (720, 520)


def test_unexpected_error_shows_a_dialog_and_logs_the_traceback(monkeypatch, tmp_path, qapp):
    log_file = tmp_path / "gui.log"
    ui_errors.setup_logging(log_file)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text)))
    old = sys.excepthook
    try:
        ui_errors.install_excepthook()
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert shown and "boom" in shown[0] and "Traceback" not in shown[0]
    for handler in __import__("logging").getLogger("qrdesk").handlers:
        handler.flush()
    assert "Traceback" in log_file.read_text() and "ZeroDivisionError" in log_file.read_text()


def test_binding_guard_only_for_the_defective_release_on_old_python():
    assert needs_none_guard("6.12.0", (3, 11))
    assert not needs_none_guard("6.12.0", (3, 12))
    assert not needs_none_guard("6.11.3", (3, 11))


def test_garbage_cycles_are_freed_on_the_gui_thread_not_by_a_worker(qapp):
    """A worker allocating past the collector's threshold must not free a parentless widget caught in a cycle
    (Qt deleting a widget off the GUI thread crashed the GUI suite at random); the GUI thread's timer does."""
    import gc
    import threading

    from PySide6.QtWidgets import QLabel, QWidget

    from app.ui import compat

    freed_in: list[str] = []

    class Orphan(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.label = QLabel("x", self)
            self.label.owner = self  # a reference cycle through a child

        def __del__(self) -> None:
            freed_in.append(threading.current_thread().name)

    compat.collect_garbage_on_gui_thread(qapp)
    Orphan()
    worker = threading.Thread(target=lambda: [[[]] for _ in range(200_000)], name="worker")  # many allocations
    worker.start()
    worker.join()
    assert freed_in == []
    assert compat._collector is not None
    compat._collector.check()
    gc.collect()  # the timer's collection may have been of a younger generation only
    assert freed_in == ["MainThread"]
