"""Per-user, per-device bearer tokens, stored only as HMAC hashes in the primary object store.

The object name is HMAC(pepper, token), so a token is looked up without ever storing or logging it, and every
service replica sees the same set. Lookups by an unguessable hash plus a constant-time compare of the stored
hash keep the check free of timing leaks about valid tokens.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from . import keys
from .storage import NotFound, ObjectStore

TOKEN_PREFIX = "qrd_"
_TOKEN_RE = re.compile(r"^qrd_[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True)
class Principal:
    user_id: str
    device_id: str


class TokenService:
    def __init__(self, store: ObjectStore, pepper: str, cache_seconds: float = 0.5) -> None:
        self.store = store
        self._pepper = pepper.encode()
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, dict[str, Any] | None]] = {}
        self._lock = threading.Lock()

    def digest(self, token: str) -> str:
        return hmac.new(self._pepper, token.encode(), hashlib.sha256).hexdigest()

    def create(self, user_id: str, device_id: str, ttl_days: float | None = None) -> str:
        """Make a token and store its hash; the token itself is returned once and never stored."""
        keys.user_prefix(user_id)
        if not re.match(r"^[A-Za-z0-9._-]{1,64}$", device_id):
            raise ValueError(f"invalid device id {device_id!r}")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        h = self.digest(token)
        now = datetime.now(UTC)
        doc = {
            "hash": h,
            "user_id": user_id,
            "device_id": device_id,
            "created_at": now.isoformat(),
            "expires_at": (now + timedelta(days=ttl_days)).isoformat() if ttl_days is not None else None,
            "revoked": False,
        }
        self.store.put(keys.token_key(h), json.dumps(doc).encode())
        return token

    def _records(self) -> list[tuple[str, dict[str, Any]]]:
        out = []
        for key in self.store.list("_auth/tokens/"):
            out.append((key, json.loads(self.store.get(key))))
        return out

    def revoke(self, token: str | None = None, user_id: str | None = None, device_id: str | None = None) -> int:
        """Revoke one token, or every token of a user (optionally only one device). Returns how many."""
        count = 0
        if token is not None:
            candidates = []
            try:
                key = keys.token_key(self.digest(token))
                candidates = [(key, json.loads(self.store.get(key)))]
            except NotFound:
                pass
        else:
            candidates = [
                (k, d) for k, d in self._records()
                if d["user_id"] == user_id and (device_id is None or d["device_id"] == device_id)
            ]
        for key, doc in candidates:
            if not doc.get("revoked"):
                doc["revoked"] = True
                doc["revoked_at"] = datetime.now(UTC).isoformat()
                self.store.put(key, json.dumps(doc).encode())
                count += 1
        with self._lock:
            self._cache.clear()
        return count

    def revoke_digest(self, digest: str) -> int:
        """Revoke the token whose HMAC is ``digest`` (as kept in a device record); returns 1 or 0."""
        key = keys.token_key(digest)
        try:
            doc = json.loads(self.store.get(key))
        except NotFound:
            return 0
        with self._lock:
            self._cache.pop(digest, None)
        if doc.get("revoked"):
            return 0
        doc["revoked"] = True
        doc["revoked_at"] = datetime.now(UTC).isoformat()
        self.store.put(key, json.dumps(doc).encode())
        return 1

    def verify(self, token: str) -> Principal | None:
        if not _TOKEN_RE.match(token):
            return None
        h = self.digest(token)
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(h)
        if cached is not None and now - cached[0] < self._cache_seconds:
            doc = cached[1]
        else:
            try:
                doc = json.loads(self.store.get(keys.token_key(h)))
            except NotFound:
                doc = None
            with self._lock:
                if len(self._cache) > 10_000:
                    self._cache.clear()
                self._cache[h] = (now, doc)
        if doc is None or not hmac.compare_digest(doc.get("hash", ""), h) or doc.get("revoked"):
            return None
        expires = doc.get("expires_at")
        if expires and datetime.fromisoformat(expires) <= datetime.now(UTC):
            return None
        return Principal(doc["user_id"], doc["device_id"])
