"""Where the library lives: ``--library`` beats ``$QRDESK_HOME`` beats the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "QRDesk"
DB_NAME = "library.db"
LOCK_NAME = "library.lock"
OWNER_NAME = "library.owner.json"
FILES_DIR = "files"
BACKUPS_DIR = "backups"


def default_library_dir() -> Path:
    """``$QRDESK_HOME`` if set (and not empty), else the user data folder for "QRDesk"."""
    home = os.environ.get("QRDESK_HOME", "").strip()
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_library_dir(option: str | os.PathLike[str] | None) -> Path:
    """The folder a command should use, given the value of a ``--library`` option (may be None)."""
    return Path(option).expanduser() if option else default_library_dir()
