"""Errors of the sync client; each message is fit to show a user as is."""

from __future__ import annotations

from app.core.errors import QrDeskError, TransientError


class SyncError(QrDeskError):
    """Base of every error the sync client raises on purpose."""


class AccountError(SyncError):
    """No server or token configured, or the OS keyring cannot hold the token."""


class AuthError(SyncError):
    """The server refused the token (missing, expired or revoked)."""


class ServerUnavailable(SyncError, TransientError):
    """The server could not be reached or asked to come back later; local changes stay queued."""


class ResyncRequired(SyncError):
    """The server's log no longer matches the saved cursor (reset, new library or epoch): resync fully."""


class ProtocolError(SyncError):
    """The server answered something the client did not expect; ``status`` is its HTTP status when it gave
    one (a 404 for an endpoint an older server does not have, say)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class MassDeleteError(SyncError):
    """Applying the pulled changes would delete a large part of the library; ask the user first.

    ``count`` and ``total`` let a GUI phrase the question; sync again with ``confirm_mass_delete=True``.
    """

    def __init__(self, count: int, total: int) -> None:
        super().__init__(f"the server asks to delete {count} of the {total} items in this library; nothing was "
                         "deleted. Sync again with confirmation (qrdesk sync --yes) if that is what you want")
        self.count = count
        self.total = total


class SyncCancelled(SyncError):
    """The user cancelled the sync; what was done so far is kept and the next sync resumes."""
