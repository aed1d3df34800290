"""The local library: items (a QrSpec with name, tags and notes), their files, search, trash, archive and
the state the sync client needs. ``Library.open(folder)`` is the entry point."""

from app.core.library.backups import list_backups, restore_backup
from app.core.library.errors import (
    ArchiveError,
    ItemNotFoundError,
    LibraryCorruptError,
    LibraryError,
    LibraryLockedError,
    LibraryReadOnlyError,
)
from app.core.library.library import Library
from app.core.library.models import Item, ItemFile, Page, Quarantined, SortKey, SyncPosition, SyncRecord
from app.core.library.paths import default_library_dir, resolve_library_dir
from app.core.library.store import FileStore

__all__ = [
    "ArchiveError",
    "FileStore",
    "Item",
    "ItemFile",
    "ItemNotFoundError",
    "Library",
    "LibraryCorruptError",
    "LibraryError",
    "LibraryLockedError",
    "LibraryReadOnlyError",
    "Page",
    "Quarantined",
    "SortKey",
    "SyncPosition",
    "SyncRecord",
    "default_library_dir",
    "list_backups",
    "resolve_library_dir",
    "restore_backup",
]
