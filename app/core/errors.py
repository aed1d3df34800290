"""Errors the core raises; each carries a message fit to show a user as is."""

from __future__ import annotations


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
