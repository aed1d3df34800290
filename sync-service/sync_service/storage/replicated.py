"""S3 as the only commit point, Azure as a copy of immutable objects.

Writes go to the primary; a successful write is then copied to the replica create-only, best effort (the
reconciler copies whatever that missed). Reads fall back to the replica when the primary is unreachable, and
the service is then "degraded": it serves reads but refuses commits (the caller turns StoreUnavailable on a
write into 503 + Retry-After).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from ..metrics import DEGRADED
from .base import ObjectStore, StoreError, StoreUnavailable

log = logging.getLogger(__name__)


class ReplicatedStore:
    name = "s3+azure"

    REPLICA_BACKOFF_SECONDS = 5.0
    # After the primary fails, reads skip it for this long instead of paying its timeout on every request.
    PRIMARY_BACKOFF_SECONDS = 5.0

    def __init__(self, primary: ObjectStore, replica: ObjectStore) -> None:
        self.primary = primary
        self.replica = replica
        self.degraded = False
        # Copies run off the request path: a slow or dead replica never delays an acknowledged push.
        self._copier = ThreadPoolExecutor(max_workers=4, thread_name_prefix="replica-copy")
        self._replica_down_until = 0.0
        self._primary_down_until = 0.0
        # Last measured contiguous log head per library on the replica (kept by the reconciler).
        self.replica_heads: dict[str, int] = {}
        self._lock = threading.Lock()

    def _set_degraded(self, value: bool) -> None:
        self._primary_down_until = time.monotonic() + self.PRIMARY_BACKOFF_SECONDS if value else 0.0
        if value != self.degraded:
            log.warning("degraded mode %s", "on: reading from the replica" if value else "off")
        self.degraded = value
        DEGRADED.set(1 if value else 0)

    def _read(self, op: str, *args):
        if time.monotonic() < self._primary_down_until:
            return getattr(self.replica, op)(*args)
        try:
            result = getattr(self.primary, op)(*args)
            self._set_degraded(False)
            return result
        except StoreUnavailable:
            self._set_degraded(True)
            return getattr(self.replica, op)(*args)

    def get(self, key: str) -> bytes:
        return self._read("get", key)

    def iter_chunks(self, key: str, chunk_size: int = 65536) -> Iterator[bytes]:
        return self._read("iter_chunks", key, chunk_size)

    def size(self, key: str) -> int | None:
        return self._read("size", key)

    def list(self, prefix: str, start_after: str | None = None) -> list[str]:
        return self._read("list", prefix, start_after)

    def _copy(self, key: str, data: bytes, overwrite: bool) -> None:
        if time.monotonic() < self._replica_down_until:
            return  # replica recently failed: leave it to the reconciler rather than queue doomed copies
        self._copier.submit(self._copy_now, key, data, overwrite)

    def _copy_now(self, key: str, data: bytes, overwrite: bool) -> None:
        try:
            if overwrite:
                self.replica.put(key, data)
            else:
                self.replica.put_if_absent(key, data)
        except (StoreError, OSError) as err:
            with self._lock:
                self._replica_down_until = time.monotonic() + self.REPLICA_BACKOFF_SECONDS
            log.warning("replica copy of %s deferred to the reconciler: %s", key, err)

    def close(self) -> None:
        """Finish pending copies (graceful shutdown)."""
        self._copier.shutdown(wait=True)

    def put(self, key: str, data: bytes) -> None:
        try:
            self.primary.put(key, data)
        except StoreUnavailable:
            self._set_degraded(True)
            raise
        self._copy(key, data, overwrite=True)

    def put_if_absent(self, key: str, data: bytes) -> bool:
        try:
            created = self.primary.put_if_absent(key, data)
        except StoreUnavailable:
            self._set_degraded(True)
            raise
        self._set_degraded(False)
        if created:
            self._copy(key, data, overwrite=False)
        return created

    def ping(self) -> None:
        try:
            self.primary.ping()
            self._set_degraded(False)
        except StoreUnavailable:
            self._set_degraded(True)
            self.replica.ping()
