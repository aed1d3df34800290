"""One writer per library across processes: an OS file lock (``filelock``) plus a note naming the holder.

The lock is released by the OS when the holding process dies, so a crash never leaves a library locked.
The owner note is informational only (it makes the "locked" message say who holds it).
"""

from __future__ import annotations

import json
import os
import socket
import time
from contextlib import suppress
from pathlib import Path

from filelock import FileLock, Timeout

from app.core.library.errors import LibraryLockedError
from app.core.library.paths import LOCK_NAME, OWNER_NAME


class WriterLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = FileLock(str(folder / LOCK_NAME), timeout=0)

    def acquire(self, timeout: float = 0.0) -> None:
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            raise LibraryLockedError(
                f"the library at {self.folder} is open in another QRDesk instance{self._holder()}; "
                "close it there, or open this library read-only (--read-only)"
            ) from None
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.strftime("%Y-%m-%d %H:%M:%S")}
        with suppress(OSError):  # the note is a courtesy; the lock itself is what protects the data
            (self.folder / OWNER_NAME).write_text(json.dumps(owner), encoding="utf-8")

    def release(self) -> None:
        if self._lock.is_locked:
            (self.folder / OWNER_NAME).unlink(missing_ok=True)
            self._lock.release()

    def _holder(self) -> str:
        try:
            owner = json.loads((self.folder / OWNER_NAME).read_text(encoding="utf-8"))
            return f" (process {int(owner['pid'])} on {owner['host']}, since {owner['since']})"
        except (OSError, ValueError, KeyError, TypeError):
            return ""
