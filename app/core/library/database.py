"""One open library database: its connection, transactions and reads, shared by every part of the library.

One connection serves the GUI thread and its workers: a transaction and every read hold one re-entrant lock,
so a worker's read never lands inside another thread's open transaction. SQLite's reports of a damaged file
become a :class:`LibraryCorruptError` that names the automatic backups able to restore it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from app.core.library.backups import list_backups
from app.core.library.errors import LibraryCorruptError, LibraryError, LibraryReadOnlyError
from app.core.library.paths import DB_NAME


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "corrupt", "disk image"))


def corrupt_error(folder: Path, exc: Exception) -> LibraryCorruptError:
    backups = tuple(str(p) for p in list_backups(folder))
    hint = (f"restore the newest automatic backup with `qrdesk library recover` ({len(backups)} available; "
            "the damaged file is kept aside)" if backups else
            "no automatic backup exists; try opening it read-only (--read-only) to export what is readable")
    return LibraryCorruptError(f"the library database {folder / DB_NAME} is damaged ({exc}); {hint}", backups)


class Database:
    """The connection of one open library, with nested transactions and locked reads."""

    def __init__(self, folder: Path, conn: sqlite3.Connection, *, read_only: bool) -> None:
        self.folder = folder
        self.read_only = read_only
        self.changed = False  # a transaction was committed since opening (an automatic backup may be due)
        self.mutex = threading.RLock()
        self._conn: sqlite3.Connection | None = conn
        self._tx_depth = 0

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LibraryError("the library is closed")
        return self._conn

    def close(self) -> None:
        with self.mutex:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of change; nested calls join the outer transaction."""
        if self.read_only:
            raise LibraryReadOnlyError("the library is open read-only; close the other QRDesk to make changes")
        conn = self.conn
        with self.mutex:
            if self._tx_depth:
                self._tx_depth += 1
                try:
                    yield conn
                finally:
                    self._tx_depth -= 1
                return
            with self.guard():
                conn.execute("BEGIN IMMEDIATE")
            self._tx_depth = 1
            try:
                yield conn
            except BaseException:
                self._tx_depth = 0
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            self._tx_depth = 0
            with self.guard():
                conn.execute("COMMIT")
            self.changed = True

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn SQLite's report of a damaged file into a :class:`LibraryCorruptError`."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if is_corruption(exc):
                raise corrupt_error(self.folder, exc) from None
            raise

    def read(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        conn = self.conn
        with self.mutex, self.guard():
            rows: list[sqlite3.Row] = conn.execute(sql, params).fetchall()
            return rows

    def scalar(self, sql: str, params: Sequence[object] = ()) -> int:
        """The integer in the first column of the first row (a count)."""
        return int(self.read(sql, params)[0][0])

    def meta(self, key: str) -> str | None:
        rows = self.read("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None
