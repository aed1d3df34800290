"""Automatic backups of the library database in ``backups/``: the recovery path for a damaged file.

A backup is taken when a library that was changed closes and the newest backup is older than
:data:`BACKUP_INTERVAL_S`, and before a schema upgrade. Only sound copies enter the rotation.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from app.core.library import schema
from app.core.library.errors import LibraryCorruptError, LibraryError
from app.core.library.locking import WriterLock
from app.core.library.paths import BACKUPS_DIR, DB_NAME

BACKUP_INTERVAL_S = 6 * 3600  # at most one automatic backup per this many seconds of writing
BACKUPS_KEPT = 5


def list_backups(folder: Path) -> list[Path]:
    """Automatic backups of the library in ``folder``, newest first."""
    return sorted((Path(folder) / BACKUPS_DIR).glob("library-*.db"), reverse=True)


def take_backup(conn: sqlite3.Connection, folder: Path, reason: str) -> Path:
    """Copy the database (consistently, while open) into ``backups/``; keeps the newest few."""
    target_dir = folder / BACKUPS_DIR
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + f"-{time.time_ns() % 1_000_000:06d}"
    target = target_dir / f"library-{stamp}-{reason}.db"
    tmp = target.with_suffix(".tmp")
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
        problem = schema.quick_check(dest)
    finally:
        dest.close()
    if problem is not None:
        # Never let a copy of a damaged database push a sound backup out of the rotation.
        tmp.unlink(missing_ok=True)
        raise LibraryCorruptError(f"the library database {folder / DB_NAME} is damaged ({problem}); "
                                  "no backup was taken", tuple(str(p) for p in list_backups(folder)))
    tmp.replace(target)
    for old in list_backups(folder)[BACKUPS_KEPT:]:
        old.unlink(missing_ok=True)
    return target


def backup_due(folder: Path) -> bool:
    newest = next(iter(list_backups(folder)), None)
    return newest is None or time.time() - newest.stat().st_mtime > BACKUP_INTERVAL_S


def restore_backup(folder: str | Path, backup: str | Path | None = None) -> Path:
    """Replace a damaged database with an automatic backup (the newest sound one unless ``backup`` is given).

    The damaged file (and its WAL) is moved aside as ``library.db.damaged-<time>``, never deleted. Changes made
    after the backup was taken are not in it; files in the file store are untouched. Returns the backup used.
    """
    folder = Path(folder).expanduser()
    lock = WriterLock(folder)
    lock.acquire()
    try:
        candidates = [Path(backup)] if backup else list_backups(folder)
        chosen = next((c for c in candidates if _sound(c)), None)
        if chosen is None:
            raise LibraryError(f"no sound automatic backup found in {folder / BACKUPS_DIR}")
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        for suffix in ("", "-wal", "-shm"):
            src = folder / f"{DB_NAME}{suffix}"
            if src.exists():
                src.replace(folder / f"{DB_NAME}.damaged-{stamp}{suffix}")
        tmp = folder / f"{DB_NAME}.restoring"
        shutil.copyfile(chosen, tmp)
        tmp.replace(folder / DB_NAME)
        return chosen
    finally:
        lock.release()


def _sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return schema.quick_check(conn) is None
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
