"""Wraps a store so every operation is timed and failures are counted, labelled by store and op.

Refusals (403 and other permanent answers) are counted twice: as errors, and on their own, because they never
heal by themselves and must page someone (alert QrdeskSyncStoreRefusing).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..metrics import STORAGE_DURATION, STORAGE_ERRORS, STORAGE_REFUSALS
from .base import NotFound, ObjectStore, StoreError, StoreRefused


class InstrumentedStore:
    def __init__(self, inner: ObjectStore) -> None:
        self.inner = inner
        self.name = inner.name

    def _call(self, op: str, *args: Any) -> Any:
        start = time.perf_counter()
        try:
            return getattr(self.inner, op)(*args)
        except NotFound:
            raise
        except (StoreError, OSError) as err:
            STORAGE_ERRORS.labels(self.name, op).inc()
            if isinstance(err, StoreRefused):
                STORAGE_REFUSALS.labels(self.name, op).inc()
            raise
        finally:
            STORAGE_DURATION.labels(self.name, op).observe(time.perf_counter() - start)

    def get(self, key: str) -> bytes:
        data: bytes = self._call("get", key)
        return data

    def iter_chunks(self, key: str, chunk_size: int = 65536) -> Iterator[bytes]:
        chunks: Iterator[bytes] = self._call("iter_chunks", key, chunk_size)
        return chunks

    def size(self, key: str) -> int | None:
        size: int | None = self._call("size", key)
        return size

    def put(self, key: str, data: bytes) -> None:
        self._call("put", key, data)

    def put_if_absent(self, key: str, data: bytes | BinaryIO) -> bool:
        created: bool = self._call("put_if_absent", key, data)
        return created

    def list(self, prefix: str, start_after: str | None = None) -> list[str]:
        keys: list[str] = self._call("list", prefix, start_after)
        return keys

    def ping(self) -> None:
        self._call("ping")
