"""Accounts and devices: users with Argon2id password hashes, one-time enrollment and pairing codes, and the
devices each user signed in from (each with its own token).

Objects (all in the primary store, under ``_auth/``, which only the service reads):

- ``_auth/users/{user}.json``: name, Argon2id hash of the password and of a pending enrollment code, disabled.
- ``_auth/devices/{user}/{device_id}.json``: the device's name, when it signed in, the HMAC of its token.
- ``_auth/pairing/{hmac}.json``: a short-lived one-time code a signed-in device made for a new one.
- ``_auth/tokens/{hmac}.json``: the tokens themselves (:mod:`.tokens`).

Signing in never tells whether a user exists: an unknown user, a wrong password, a disabled account and a used
code all get the same answer after the same work (a dummy hash is verified for unknown users).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from . import keys
from .storage import NotFound, ObjectStore
from .tokens import Principal, TokenService

USER_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_CHARS = 1024
# Crockford's base32 without look-alikes: easy to read aloud and type on another machine.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"


class AccountError(ValueError):
    """A command or request the accounts cannot carry out; the message says why (fit for a user)."""


class SignInFailed(Exception):
    """Wrong user name, password or code (deliberately not saying which)."""


def normalise_user(name: str) -> str:
    user = (name or "").strip().lower()
    if not USER_RE.match(user):
        raise AccountError("a user name is 1-64 letters, digits, '-' or '_', starting with a letter or digit")
    return user


def check_password(password: str) -> str:
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise AccountError(f"a password needs {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters")
    return password


def new_code(groups: int = 3) -> str:
    """``XXXX-XXXX-XXXX``: about 59 bits from a 30-letter alphabet."""
    return "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(groups))


def _canonical_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").upper()


@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    signed_in_at: str
    revoked: bool


@dataclass(frozen=True)
class SignedIn:
    user: str
    device_id: str
    token: str


class Accounts:
    def __init__(self, store: ObjectStore, tokens: TokenService, time_cost: int = 3, memory_kib: int = 65_536) -> None:
        self.store = store
        self.tokens = tokens
        self.hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)  # Argon2id
        self._dummy = self.hasher.hash(secrets.token_hex(16))

    # ----------------------------------------------------------------------------------------- users

    def _user_key(self, user: str) -> str:
        return f"_auth/users/{normalise_user(user)}.json"

    def _read(self, key: str) -> dict[str, Any] | None:
        try:
            doc: dict[str, Any] = json.loads(self.store.get(key))
            return doc
        except NotFound:
            return None

    def _write(self, key: str, doc: dict[str, Any]) -> None:
        self.store.put(key, json.dumps(doc).encode())

    def user(self, name: str) -> dict[str, Any] | None:
        return self._read(self._user_key(name))

    def add_user(self, name: str, password: str | None = None, enrollment_hours: float = 72.0) -> str | None:
        """Create a user with a password, or (password None) with a one-time enrollment code, returned once."""
        user = normalise_user(name)
        keys.user_prefix(user)
        doc: dict[str, Any] = {"user": user, "created_at": _now(), "disabled": False, "password": None,
                               "enrollment": None}
        code = None
        if password is None:
            code = new_code()
            doc["enrollment"] = {"hash": self.hasher.hash(_canonical_code(code)),
                                 "expires_at": _later(hours=enrollment_hours)}
        else:
            doc["password"] = self.hasher.hash(check_password(password))
        if not self.store.put_if_absent(self._user_key(user), json.dumps(doc).encode()):
            raise AccountError(f"user {user} already exists (use `sync-service user passwd {user}`)")
        return code

    def set_password(self, name: str, password: str) -> None:
        doc = self._existing(name)
        doc["password"] = self.hasher.hash(check_password(password))
        doc["enrollment"] = None
        doc["disabled"] = False
        self._write(self._user_key(name), doc)

    def disable(self, name: str) -> int:
        """Refuse every sign-in and revoke every device's token; returns how many tokens were revoked."""
        doc = self._existing(name)
        doc["disabled"] = True
        self._write(self._user_key(name), doc)
        return sum(self.revoke_device(doc["user"], d.device_id) for d in self.devices(doc["user"]) if not d.revoked)

    def _existing(self, name: str) -> dict[str, Any]:
        doc = self.user(name)
        if doc is None:
            raise AccountError(f"there is no user {normalise_user(name)}")
        return doc

    # ----------------------------------------------------------------------------------------- sign-in

    def sign_in(self, name: str, device_id: str, device_name: str, *, password: str | None = None,
                enrollment_code: str | None = None, pairing_code: str | None = None,
                new_password: str | None = None) -> SignedIn:
        """Check one secret and mint a token for the device; raises SignInFailed (no detail) otherwise."""
        try:
            user = normalise_user(name)
        except AccountError:
            self._burn()
            raise SignInFailed from None
        doc = self.user(user)
        if pairing_code is not None:
            ok = doc is not None and self._use_pairing(user, pairing_code)
        elif enrollment_code is not None:
            ok = doc is not None and self._use_enrollment(doc, enrollment_code, new_password)
        else:
            ok = self._verify(doc.get("password") if doc else None, password or "")
            if ok and doc is not None and self.hasher.check_needs_rehash(doc["password"]):
                doc["password"] = self.hasher.hash(password or "")
                self._write(self._user_key(user), doc)
        if not ok or doc is None or doc.get("disabled"):
            raise SignInFailed
        return SignedIn(user, device_id, self._enroll_device(user, device_id, device_name))

    def _verify(self, stored: str | None, secret: str) -> bool:
        try:
            self.hasher.verify(stored or self._dummy, secret)
            return stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _burn(self) -> None:
        self._verify(None, "x")  # same work as a real check, so timing says nothing

    def _use_enrollment(self, doc: dict[str, Any], code: str, new_password: str | None) -> bool:
        pending = doc.get("enrollment") or {}
        if not self._verify(pending.get("hash"), _canonical_code(code)):
            return False
        if datetime.fromisoformat(pending["expires_at"]) <= datetime.now(UTC):
            return False
        doc["enrollment"] = None  # one-time
        if new_password is not None:
            doc["password"] = self.hasher.hash(check_password(new_password))
        self._write(self._user_key(doc["user"]), doc)
        return True

    def new_pairing_code(self, principal: Principal, minutes: float = 10.0) -> str:
        code = new_code(2)
        doc = {"user": principal.user_id, "by_device": principal.device_id, "expires_at": _later(minutes=minutes)}
        self.store.put(self._pairing_key(principal.user_id, code), json.dumps(doc).encode())
        return code

    def _pairing_key(self, user: str, code: str) -> str:
        return f"_auth/pairing/{self.tokens.digest(user + chr(0) + _canonical_code(code))}.json"

    def _use_pairing(self, user: str, code: str) -> bool:
        self._burn()  # pairing codes are looked up by hash: keep the work equal to a password check
        key = self._pairing_key(user, code)
        doc = self._read(key)
        if doc is None or doc.get("used") or doc.get("user") != user:
            return False
        if datetime.fromisoformat(doc["expires_at"]) <= datetime.now(UTC):
            return False
        doc["used"] = _now()
        self._write(key, doc)
        return True

    # ----------------------------------------------------------------------------------------- devices

    def _device_key(self, user: str, device_id: str) -> str:
        if not re.match(r"^[A-Za-z0-9._-]{1,64}$", device_id):
            raise AccountError("a device id is 1-64 letters, digits, '.', '-' or '_'")
        return f"_auth/devices/{normalise_user(user)}/{device_id}.json"

    def _enroll_device(self, user: str, device_id: str, name: str) -> str:
        """A new token for the device (its previous one, if any, is revoked) and its record."""
        key = self._device_key(user, device_id)
        previous = self._read(key)
        if previous is not None and previous.get("token"):
            self.tokens.revoke_digest(previous["token"])
        token = self.tokens.create(user, device_id)
        doc = {"device_id": device_id, "name": name[:100], "signed_in_at": _now(), "revoked": False,
               "token": self.tokens.digest(token)}
        self._write(key, doc)
        return token

    def devices(self, user: str) -> list[Device]:
        out = []
        for key in self.store.list(f"_auth/devices/{normalise_user(user)}/"):
            doc = self._read(key)
            if doc is not None:
                out.append(Device(doc["device_id"], doc.get("name", ""), doc.get("signed_in_at", ""),
                                  bool(doc.get("revoked"))))
        return sorted(out, key=lambda d: d.signed_in_at)

    def revoke_device(self, user: str, device_id: str) -> int:
        """Revoke the device's token(s) and mark it signed out; returns how many tokens were revoked."""
        key = self._device_key(user, device_id)
        doc = self._read(key)
        if doc is not None and doc.get("token"):
            count = self.tokens.revoke_digest(doc["token"])
        else:  # a device from `sync-service token create`: find its tokens the slow way
            count = self.tokens.revoke(user_id=normalise_user(user), device_id=device_id)
        if doc is None and not count:
            raise AccountError(f"user {normalise_user(user)} has no device {device_id}")
        if doc is not None and not doc.get("revoked"):
            doc["revoked"] = True
            self._write(key, doc)
        return count


class RateLimiter:
    """Token buckets by key (user name or client address), bounded in memory; one per service instance."""

    def __init__(self, burst: int, refill_seconds: float, max_keys: int = 100_000) -> None:
        self.burst = burst
        self.refill = refill_seconds
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def _level(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - at) / self.refill)

    def retry_after(self, key: str) -> float:
        """0 when an attempt is allowed now, else seconds until it is."""
        now = time.monotonic()
        with self._lock:
            level = self._level(key, now)
        return 0.0 if level >= 1 else (1 - level) * self.refill

    def spend(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            level = self._level(key, now)
            self._buckets.pop(key, None)
            self._buckets[key] = (max(0.0, level - 1), now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)


def limiter_key(kind: str, value: str) -> str:
    # Hashed so the limiter never holds user names or addresses in clear.
    return hashlib.sha256(f"{kind}\0{value}".encode()).hexdigest()[:32]


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _later(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()
