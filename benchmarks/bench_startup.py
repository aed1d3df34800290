"""Cold start of the desktop app: process start to the first painted main window.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--items 100000]

Each run is a fresh Python process that starts the app exactly as ``qrdesk`` does (:func:`app.ui.app.start_gui`:
profile, logging, language, theme, library, main window) and prints a line when the main window receives its
first paint event; the clock runs in this process from just before the child is spawned until that line
arrives. Profiles (``QRDESK_HOME``) with an empty library and with a library of ``--items`` items are measured,
beside the anchor: a bare PySide6 window (QApplication + QMainWindow, nothing of QRDesk), the floor any PySide6
app pays on this machine. Target: median under 1.0 s. Offscreen unless ``$DISPLAY`` is set (e.g. ``xvfb-run -a``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_S = 1.0

_PAINTED = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    def __init__(self, app):
        super().__init__()
        self.app, self.seen = app, False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print("PAINTED", time.process_time(), flush=True)  # the process's CPU time, interpreter start included
            QTimer.singleShot(0, self.app.quit)
        return False
"""

QRDESK = _PAINTED + """
from app.ui.app import start_gui

gui = start_gui(["qrdesk"])
probe = FirstPaint(gui.app)
gui.window.installEventFilter(probe)
gui.app.exec()
gui.window.close()
if gui.library is not None:
    gui.library.close()
"""

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
""" + _PAINTED + """
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
probe = FirstPaint(app)
window.installEventFilter(probe)
window.show()
app.exec()
"""


def build_library(folder: Path, n: int) -> float:
    """``n`` items made as bench_library makes them (names from a vocabulary, URLs, texts, Wi-Fi, 1-3 tags)."""
    from bench_library import build, vocabulary

    rng = random.Random(11)
    return build(folder, n, rng, vocabulary(rng, 2000), [f"tag{i:02d}" for i in range(60)], check=False)


def one_run(script: str, home: Path) -> tuple[float, float]:
    """Wall time to the first paint, and the CPU time the process had used by then."""
    env = {**os.environ, "QRDESK_HOME": str(home), "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            elapsed, cpu = time.perf_counter() - start, float(line.split()[1])
            break
    else:
        raise SystemExit(f"no first paint:\n{proc.stderr.read() if proc.stderr else ''}")
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit("the app did not quit after its first paint") from None
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--big-home", type=Path, help="reuse this profile's library (from an earlier run's "
                        "big/ folder) instead of building one")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="qrdesk-bench-startup-"))
    empty, big = tmp / "empty", args.big_home or tmp / "big"
    if args.big_home is None:
        print(f"building a library of {args.items:,} items…", flush=True)
        print(f"  built in {build_library(big, args.items):.1f} s")
    one_run(QRDESK, empty)  # a first start creates the empty library and warms the OS file cache, as any start
    one_run(QRDESK, big)
    rows = [("bare PySide6 window (anchor)", BARE, tmp / "bare"), ("QRDesk, empty library", QRDESK, empty),
            (f"QRDesk, {args.items:,} items", QRDESK, big)]
    results: dict[str, list[tuple[float, float]]] = {label: [] for label, _s, _h in rows}
    for _ in range(args.runs):  # interleaved, so a burst of load on a shared machine hits every row alike
        for label, script, home in rows:
            results[label].append(one_run(script, home))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\ncold start to the first painted window, {args.runs} runs each, load {load:.1f} "
          "(wall median, min–max; CPU median):")
    for label, runs in results.items():
        walls, cpus = [w for w, _c in runs], [c for _w, c in runs]
        median = statistics.median(walls)
        met = "met" if median < TARGET_S else "MISSED"
        verdict = "" if "anchor" in label else f"   target < {TARGET_S:.1f} s: {met}"
        print(f"  {label:34s} {median:5.2f} s   ({min(walls):.2f}–{max(walls):.2f})   CPU "
              f"{statistics.median(cpus):5.2f} s{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
