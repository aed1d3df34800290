"""The sync account of a library: the server URL (and the user and device name) in ``sync.json`` beside the
database, the device's token in the OS keyring (never in a file, never on a command line).

Signing in sends the user name and password (or a one-time enrollment or pairing code) once; the server
answers with a token for this device, bound to the library's device id. A plain ``http://`` server is refused
unless it is on this machine or the user says ``insecure``: the password and token would cross the network in
clear text.

Headless Linux often has no keyring backend; then signing in fails with a message that says so. The one
explicit opt-in fallback is the ``QRDESK_SYNC_TOKEN`` environment variable (for scripts and CI), which the
user sets on purpose and which QRDesk never writes anywhere.
"""

from __future__ import annotations

import ipaddress
import json
import os
import platform
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import keyring
import keyring.errors

from app.core.profile import KEYRING_SERVICE as KEYRING_SERVICE  # the default profile's service
from app.core.profile import Profile
from cloud_sync.errors import AccountError, ServerUnavailable, SyncError

if TYPE_CHECKING:
    from pydantic import ValidationError

    from cloud_sync.client import SyncClient

SETTINGS_FILE = "sync.json"
TOKEN_ENV = "QRDESK_SYNC_TOKEN"

_NO_KEYRING = ("no OS keyring is available to keep the sync token safely ({why}); install and unlock one "
               "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or set the token in the "
               f"{TOKEN_ENV} environment variable for this session")

# Pydantic's error types in words, for the sign-in fields (the message never repeats the value).
_PROBLEMS = {"string_too_short": "is empty", "string_too_long": "is too long",
             "string_pattern_mismatch": "is not valid", "missing": "is missing"}


def _in_words(exc: ValidationError) -> str:
    problem = exc.errors()[0]
    if not problem["loc"]:  # a rule over the whole request (one secret, not two)
        return str(problem.get("ctx", {}).get("error", "the request is not valid"))
    field_name = {"user": "user name"}.get(str(problem["loc"][0]), str(problem["loc"][0]).replace("_", " "))
    return f"the {field_name} {_PROBLEMS.get(problem['type'], 'is not valid')}"


def default_device_name() -> str:
    return platform.node() or "QRDesk device"


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str, insecure: bool = False) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("https://", "http://")) or not urlsplit(url).hostname:
        raise AccountError(f"server URL {url!r} must start with https:// (or http:// for a local server)")
    if url.startswith("http://") and not insecure and not is_loopback(url):
        raise AccountError(f"{url} is not encrypted (http://): your password and token would cross the network "
                           "in clear text. Use https://, or confirm with --insecure (\"Allow unencrypted\" in the "
                           "app) on a network you trust")
    return url


@dataclass
class Account:
    """``server`` is None until the user configures one; ``user`` until they sign in with a password."""

    folder: Path
    server: str | None = None
    user: str | None = None
    device_name: str | None = None
    insecure: bool = False
    device_id: str | None = None  # set by a password sign-in: each library folder keeps its own token
    # The keyring service of the profile (QRDESK_HOME): two profiles never read each other's token.
    service: str = field(default_factory=lambda: Profile.current().keyring_service)

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
        if not isinstance(data, dict):
            data = {}

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        return cls(folder, text("server"), text("user"), text("device_name"), data.get("insecure") is True,
                   text("device_id"))

    def set_server(self, url: str, insecure: bool = False) -> None:
        url = check_server_url(url, insecure)
        if url != self.server:
            self.user = self.device_id = None  # an account belongs to one server
        self.server = url
        self.insecure = insecure and url.startswith("http://")
        self._save()

    def _save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        doc: dict[str, Any] = {"server": self.server}
        doc.update({k: v for k, v in (("user", self.user), ("device_name", self.device_name),
                                      ("device_id", self.device_id)) if v})
        if self.insecure:
            doc["insecure"] = True
        fd, tmp = tempfile.mkstemp(prefix=".sync-", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2)
        os.replace(tmp, self.folder / SETTINGS_FILE)

    def client(self, token: str | None = None, **kw: Any) -> SyncClient:
        """A :class:`~cloud_sync.client.SyncClient` for the server (signed in unless ``token=""``)."""
        from cloud_sync.client import SyncClient

        server = self._require_server()
        check_server_url(server, self.insecure)
        return SyncClient(server, self.token() if token is None else (token or None), **kw)

    def sign_in_with_password(self, user: str, device_id: str, *, password: str | None = None,
                              enrollment_code: str | None = None, pairing_code: str | None = None,
                              new_password: str | None = None, device_name: str | None = None) -> None:
        """Sign this device in to the server; the token it gets goes to the OS keyring."""
        from pydantic import ValidationError

        from cloud_sync.protocol import LoginRequest  # the wire models (pydantic) only when signing in

        name = (device_name or self.device_name or default_device_name())[:100]
        try:
            request = LoginRequest(user=user.strip(), device_id=device_id, device_name=name, password=password,
                                   enrollment_code=enrollment_code, pairing_code=pairing_code,
                                   new_password=new_password)
        except ValidationError as exc:  # name the field in words, never echo what was typed (a password)
            raise AccountError(f"cannot sign in: {_in_words(exc)}") from None
        self._check_keyring()
        with self.client(token="") as client:
            try:
                answer = client.login(request)
            except ServerUnavailable:
                raise ServerUnavailable(f"cannot sign in: the sync server {client.server_url} cannot be reached or "
                                        "is not answering; check the address and your network, then try again"
                                        ) from None
        self.device_id = device_id
        self.sign_in(answer.token)
        self.user, self.device_name = answer.user, name
        self._save()

    def _check_keyring(self) -> None:
        """Fail before asking the server for a token there is no safe place for."""
        try:
            keyring.get_password(self.service, self._keyring_name())
        except keyring.errors.NoKeyringError as exc:
            raise AccountError(_NO_KEYRING.format(why=exc)) from None
        except keyring.errors.KeyringError:
            pass

    # ------------------------------------------------------------------------------------------- token

    def _keyring_name(self) -> str:
        server = self._require_server()
        return f"{server} device {self.device_id}" if self.device_id else server

    def _require_server(self) -> str:
        if not self.server:
            raise AccountError("no sync server is set; give one with `qrdesk sync --server URL`")
        return self.server

    def sign_in(self, token: str) -> None:
        token = token.strip()
        if not token:
            raise AccountError("the token is empty")
        try:
            keyring.set_password(self.service, self._keyring_name(), token)
        except keyring.errors.NoKeyringError as exc:
            raise AccountError(_NO_KEYRING.format(why=exc)) from None
        except keyring.errors.KeyringError as exc:
            raise AccountError(f"the OS keyring refused to store the token ({exc})") from None

    def sign_out(self) -> bool:
        """Revoke this device's token on the server (when it can be reached) and forget it here; returns
        whether a token was stored. Raises :class:`ServerUnavailable` after forgetting it when the server
        could not be told (the token then stays valid there until revoked from another device)."""
        if not self.server:
            return False
        unreachable: SyncError | None = None
        try:
            with self.client() as client:
                client.logout()
        except ServerUnavailable as exc:
            unreachable = exc
        except SyncError:
            pass  # not signed in, or the token is already revoked or expired: nothing to revoke
        removed = self._forget_token()
        if unreachable is not None and removed:
            raise ServerUnavailable(f"signed out here, but the server could not be told ({unreachable}); "
                                    "revoke this device from another one (qrdesk sync --devices)")
        return removed

    def _forget_token(self) -> bool:
        try:
            keyring.delete_password(self.service, self._keyring_name())
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
            token = keyring.get_password(self.service, self._keyring_name())
        except keyring.errors.NoKeyringError as exc:
            raise AccountError(_NO_KEYRING.format(why=exc)) from None
        except keyring.errors.KeyringError as exc:
            raise AccountError(f"the OS keyring cannot be read ({exc})") from None
        if not token:
            raise AccountError(f"not signed in to {server}; sign in with `qrdesk sync --user NAME` "
                               "(it asks for your password)")
        return token

    def signed_in(self) -> bool:
        try:
            self.token()
        except AccountError:
            return False
        return True
