"""S3 as the only commit point, Azure as a copy of immutable objects.

Writes go to the primary; a successful write is then copied to the replica create-only, best effort (the
reconciler copies whatever that missed). Reads fall back to the replica when the primary is unreachable, and
the service is then "degraded": it serves reads but refuses commits (the caller turns StoreUnavailable on a
write into 503 + Retry-After).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ..metrics import DEGRADED
from .base import ObjectStore, StoreError, StoreUnavailable

log = logging.getLogger(__name__)


class ReplicatedStore:
    name = "s3+azure"

    def __init__(self, primary: ObjectStore, replica: ObjectStore) -> None:
        self.primary = primary
        self.replica = replica
        self.degraded = False

    def _set_degraded(self, value: bool) -> None:
        if value != self.degraded:
            log.warning("degraded mode %s", "on: reading from the replica" if value else "off")
        self.degraded = value
        DEGRADED.set(1 if value else 0)

    def _read(self, op: str, *args):
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
        try:
            if overwrite:
                self.replica.put(key, data)
            else:
                self.replica.put_if_absent(key, data)
        except (StoreError, OSError) as err:
            log.warning("replica copy of %s deferred to the reconciler: %s", key, err)

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
