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
import logging
import sys

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
