"""Where the library lives: ``--library`` beats the profile's library (see :mod:`app.core.profile`: the folder
chosen in the preferences, else ``$QRDESK_HOME``, else the platform's user data folder)."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.profile import Profile

DB_NAME = "library.db"
LOCK_NAME = "library.lock"
OWNER_NAME = "library.owner.json"
FILES_DIR = "files"
BACKUPS_DIR = "backups"


def default_library_dir() -> Path:
    """The current profile's library folder."""
    return Profile.current().library_dir


def resolve_library_dir(option: str | os.PathLike[str] | None) -> Path:
    """The folder a command should use, given the value of a ``--library`` option (may be None)."""
    return Path(option).expanduser() if option else default_library_dir()
