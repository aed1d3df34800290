"""The sync account of a library: the server URL in ``sync.json`` beside the database, the token in the OS
keyring (never in a file, never on a command line).

Headless Linux often has no keyring backend; then signing in fails with a message that says so. The one
explicit opt-in fallback is the ``QRDESK_SYNC_TOKEN`` environment variable (for scripts and CI), which the
user sets on purpose and which QRDesk never writes anywhere.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from cloud_sync.errors import AccountError

SETTINGS_FILE = "sync.json"
KEYRING_SERVICE = "QRDesk sync"
TOKEN_ENV = "QRDESK_SYNC_TOKEN"

_NO_KEYRING = ("no OS keyring is available to keep the sync token safely ({why}); install and unlock one "
               "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or set the token in the "
               f"{TOKEN_ENV} environment variable for this session")


@dataclass
class Account:
    """``server`` is None until the user configures one."""

    folder: Path
    server: str | None = None

    @classmethod
    def load(cls, library_folder: str | Path) -> Account:
        folder = Path(library_folder)
        path = folder / SETTINGS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(folder)
        except (OSError, ValueError) as exc:
            raise AccountError(f"the sync settings {path} cannot be read ({exc}); fix or delete the file") from None
        server = data.get("server") if isinstance(data, dict) else None
        return cls(folder, server if isinstance(server, str) and server else None)

    def set_server(self, url: str) -> None:
        url = url.strip().rstrip("/")
        if not url.startswith(("https://", "http://")):
            raise AccountError(f"server URL {url!r} must start with https:// (or http:// for a local server)")
        self.server = url
        self._save()

    def _save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".sync-", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"server": self.server}, fh, indent=2)
        os.replace(tmp, self.folder / SETTINGS_FILE)

    # ------------------------------------------------------------------------------------------- token

    def _require_server(self) -> str:
        if not self.server:
            raise AccountError("no sync server is set; give one with `qrdesk sync --server URL`")
        return self.server

    def sign_in(self, token: str) -> None:
        token = token.strip()
        if not token:
            raise AccountError("the token is empty")
        try:
            keyring.set_password(KEYRING_SERVICE, self._require_server(), token)
        except keyring.errors.NoKeyringError as exc:
            raise AccountError(_NO_KEYRING.format(why=exc)) from None
        except keyring.errors.KeyringError as exc:
            raise AccountError(f"the OS keyring refused to store the token ({exc})") from None

    def sign_out(self) -> bool:
        """Forget the token; returns whether one was stored."""
        if not self.server:
            return False
        try:
            keyring.delete_password(KEYRING_SERVICE, self.server)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.NoKeyringError:
            return False
        except keyring.errors.KeyringError as exc:
            raise AccountError(f"the OS keyring refused to delete the token ({exc})") from None
        return True

    def token(self) -> str:
        """The token to use; raises :class:`AccountError` with what to do when there is none."""
        server = self._require_server()
        env = os.environ.get(TOKEN_ENV, "").strip()
        if env:
            return env
        try:
            token = keyring.get_password(KEYRING_SERVICE, server)
        except keyring.errors.NoKeyringError as exc:
            raise AccountError(_NO_KEYRING.format(why=exc)) from None
        except keyring.errors.KeyringError as exc:
            raise AccountError(f"the OS keyring cannot be read ({exc})") from None
        if not token:
            raise AccountError(f"not signed in to {server}; sign in with `qrdesk sync --login`")
        return token

    def signed_in(self) -> bool:
        try:
            self.token()
        except AccountError:
            return False
        return True
