"""Errors of the local library; each message tells the user what happened and what to do next."""

from __future__ import annotations

from app.core.errors import QrDeskError, TransientError


class LibraryError(QrDeskError):
    """Base of every error the library raises on purpose."""


class LibraryLockedError(LibraryError, TransientError):
    """Another running QRDesk (window, CLI or sync) holds the library for writing."""


class LibraryCorruptError(LibraryError):
    """The database file cannot be read; ``backups`` lists the automatic backups that can restore it."""

    def __init__(self, message: str, backups: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.backups = backups


class LibraryReadOnlyError(LibraryError):
    """A change was attempted on a library opened read-only."""


class ItemNotFoundError(LibraryError, KeyError):
    """No item has the given id (or id prefix)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class ArchiveError(LibraryError):
    """A library archive is unreadable or does not follow the manifest format."""
