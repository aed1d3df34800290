"""Guards against known defects of the Qt binding in use.

PySide6/shiboken6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a C++ method
that returns ``void`` (``QPainter.drawRect``, ``QPainter.save``, ...) and likewise to ``True``/``False``:
a few hundred repaints take away thousands of references and the interpreter aborts with
"none_dealloc: deallocating None" (measured here; 6.11.3 keeps the counts exact). Python 3.12
made ``None`` immortal (PEP 683), and 6.11.3 does not have the bug, so the real fix is the pin
``PySide6-Essentials!=6.12.0`` on Python 3.11. Until every install has it, ``guard_none_refcount`` gives
``None`` the same effectively infinite reference count that 3.12 gives it, so the app cannot abort.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer

log = logging.getLogger("qrdesk.ui")

_BAD_SHIBOKEN = {"6.12.0"}
_RESERVE = 1 << 48  # references "held" for None; 2**48 dropped references would take centuries of repaints
_applied = False


def needs_none_guard(shiboken_version: str, python: tuple[int, int] = sys.version_info[:2]) -> bool:
    return python < (3, 12) and shiboken_version in _BAD_SHIBOKEN


def guard_none_refcount() -> bool:
    """Apply the guard once when the running binding needs it; returns whether it is active."""
    global _applied
    if _applied:
        return True
    import shiboken6

    if not needs_none_guard(shiboken6.__version__):
        return False
    # The binding skips the reference on every singleton 3.12 made immortal, not only None.
    # ob_refcnt is the first field of every object in CPython < 3.12 (no immortal bit yet).
    for obj in (None, True, False, Ellipsis, NotImplemented, (), "", *range(-5, 257)):
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    _applied = True
    log.info("shiboken6 %s on Python %s: None refcount guard active", shiboken6.__version__, sys.version.split()[0])
    return True


class _GuiThreadCollector(QObject):
    """Python's cyclic garbage collector runs in whichever thread happens to allocate past its threshold, and
    that is often a worker (a preview, a decode, a batch). A cycle holding the wrapper of a parentless Qt object
    (a window, a dialog, a timer: Python owns their C++ side) is then freed there, and Qt deletes a widget off
    the GUI thread: a segfault at a random later moment (the GUI tests' "occasional" crashes). Automatic
    collection is therefore off and this timer collects on the GUI thread, with Python's own thresholds."""

    def __init__(self, app: QCoreApplication, interval_ms: int) -> None:
        super().__init__(app)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        generation = -1
        for gen, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if count <= threshold:
                break
            generation = gen
        if generation >= 0:
            gc.collect(generation)


_collector: _GuiThreadCollector | None = None


def collect_garbage_on_gui_thread(app: QCoreApplication, interval_ms: int = 500) -> None:
    """Run the cyclic garbage collector only on the GUI thread, for as long as ``app`` lives (once per app)."""
    global _collector
    if _collector is not None and _collector.parent() is app:
        return
    gc.disable()
    _collector = _GuiThreadCollector(app, interval_ms)
