"""Errors the core raises; each carries a message fit to show a user as is."""

from __future__ import annotations

import errno


class QrDeskError(Exception):
    """Base of every error the core raises on purpose (never a bug)."""


class SpecError(QrDeskError, ValueError):
    """A field of a spec, style or payload is invalid.

    ``field`` names the offending field (dotted for nested ones, e.g. ``style.fg``) so the GUI can
    highlight it and the batch report can name it next to the row number.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class CapacityError(QrDeskError, ValueError):
    """The data does not fit into any QR code with the requested options."""


class RenderError(QrDeskError):
    """A code could not be rendered (unreadable logo, unwritable target, ...)."""


class ScanError(QrDeskError):
    """A rendered code does not decode back to its data."""


class UnreadableImage(QrDeskError):
    """A file to decode is missing, damaged, too large or of a kind QRDesk cannot read."""


class TransientError(QrDeskError):
    """A failure outside the user's input that may go away by itself: a server that is down, a library another
    QRDesk holds, a full disk. Nothing was lost; the same action can simply be tried again later."""


# errno values that mean "not now" rather than "not like this"
_TRANSIENT_ERRNOS = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EAGAIN", "EBUSY", "ETIMEDOUT")
                              if hasattr(errno, name))
# SQLite result codes: SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL
_TRANSIENT_SQLITE_CODES = frozenset({5, 6, 13})


def is_transient(exc: BaseException) -> bool:
    """Whether ``exc`` (or an error it was raised from or while handling) is a :class:`TransientError`,
    a full disk or busy resource (``OSError``), or a busy, locked or full SQLite database."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, TransientError):
            return True
        if isinstance(current, OSError) and current.errno in _TRANSIENT_ERRNOS:
            return True
        if (getattr(current, "sqlite_errorcode", None) or 0) & 0xFF in _TRANSIENT_SQLITE_CODES:
            return True
        current = current.__cause__ or current.__context__
    return False
