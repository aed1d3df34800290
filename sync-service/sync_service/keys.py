"""Object key layout (docs/sync-protocol.md, "Object layout"). Every key is built here from validated parts."""

from __future__ import annotations

import re

USER_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def user_prefix(uid: str) -> str:
    if not USER_RE.match(uid):
        raise ValueError(f"invalid user id {uid!r}")
    return f"u/{uid}/"


def meta_key(uid: str) -> str:
    return user_prefix(uid) + "meta.json"


def log_prefix(uid: str) -> str:
    return user_prefix(uid) + "log/"


def log_key(uid: str, seq: int) -> str:
    return f"{log_prefix(uid)}{seq:020d}.json"


def seq_of(key: str) -> int:
    return int(key.rsplit("/", 1)[1].split(".", 1)[0])


def blob_key(uid: str, sha256: str) -> str:
    if not SHA_RE.match(sha256):
        raise ValueError(f"invalid sha256 {sha256!r}")
    return f"{user_prefix(uid)}blobs/sha256/{sha256}"


def blob_prefix(uid: str) -> str:
    return f"{user_prefix(uid)}blobs/sha256/"


PACK_RE = re.compile(r"^[0-9a-f]{64}$")


def pack_prefix(uid: str) -> str:
    """Packs: many small blobs in one object (``{id}.pack``, the blobs one after the other) and its index
    (``{id}.idx``, written after it: where each blob is). Under ``blobs/``, so create-only like a blob."""
    return f"{user_prefix(uid)}blobs/packs/"


def pack_key(uid: str, pack_id: str, suffix: str) -> str:
    if not PACK_RE.match(pack_id) or suffix not in (".pack", ".idx"):
        raise ValueError(f"invalid pack {pack_id!r}{suffix!r}")
    return f"{pack_prefix(uid)}{pack_id}{suffix}"


def idem_key(uid: str, digest: str) -> str:
    return f"{user_prefix(uid)}idem/{digest}.json"


def token_key(token_hmac: str) -> str:
    return f"_auth/tokens/{token_hmac}.json"
