"""The object-store interface every backend implements, with normalised outcomes.

S3 answers 412 and Azure 409 when a create-only write meets an existing object; S3 answers 404 and Azure 412
for a missing object under If-Match. Backends translate all of that into the few outcomes below so the commit
logic never sees a vendor status code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO, Protocol

_KEY_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./=-]*$")


class StoreError(Exception):
    """Base class of normalised store errors."""


class NotFound(StoreError):
    """The object does not exist."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or answered with a server error; the caller may fail over or retry."""


class StoreRefused(StoreError):
    """The store answered but refused the operation (403 firewall or missing role, 401, 400...).

    Not transient: retrying the same call will not help until an operator fixes identity, network rules or
    policy. Counted per store (qrdesk_sync_storage_refusals_total) so replication cannot stop silently.
    """

    def __init__(self, store: str, status: int, code: str) -> None:
        super().__init__(f"{store} refused the request: {status} {code}".strip())
        self.status = status
        self.code = code


def check_key(key: str) -> str:
    """Refuse keys that could escape their prefix; keys are built by the service, so this is a last guard."""
    if not _KEY_RE.match(key) or ".." in key or "//" in key or key.endswith("/"):
        raise ValueError(f"unsafe object key: {key!r}")
    return key


class ObjectStore(Protocol):
    name: str

    def get(self, key: str) -> bytes:
        """Whole object; raises NotFound."""

    def iter_chunks(self, key: str, chunk_size: int = 65536) -> Iterator[bytes]:
        """Stream an object; raises NotFound before the first chunk."""

    def size(self, key: str) -> int | None:
        """Object size, or None when missing."""

    def put(self, key: str, data: bytes) -> None:
        """Create or overwrite (only for mutable metadata such as token records)."""

    def put_if_absent(self, key: str, data: bytes | BinaryIO) -> bool:
        """Create-only write. True if this call created it, False if it already existed. ``data`` may be a
        readable, seekable file (blobs are streamed from one, never read into memory whole)."""

    def list(self, prefix: str, start_after: str | None = None) -> list[str]:
        """Keys under prefix in lexicographic order, after start_after."""

    def ping(self) -> None:
        """Raise StoreUnavailable (or StoreRefused) unless the store answers a list of `_system/`."""
