"""One commit point, one replica of immutable objects; which is which follows the failover generation.

Generation 0: S3 commits, Azure holds copies. After `promote-replica` Azure commits and S3 gets the copies, after
`fail-back` S3 again (generations.py). Every pod learns the generation from its health checks (health.py).

Writes go to the primary. Before each write a journal marker `_repl/journal/{hour}/{ms}-{rand}/{key}` is created
on the primary, so every acknowledged object is known to the reconciler (which copies what the inline copy
missed) without anyone listing the whole bucket. After the write the object is copied to the replica
create-only, off the request path. Reads fall back to the replica while the primary is unreachable: the service
is then "degraded": it serves reads and answers writes with 503 + Retry-After at once (no timeout to wait for).
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, BinaryIO

from ..generations import CONTROL_PREFIX, INITIAL, POINTER_KEY, STORES, Generation
from ..metrics import DEGRADED, FENCED, GENERATION
from .base import NotFound, ObjectStore, StoreError, StoreUnavailable

log = logging.getLogger(__name__)

JOURNAL_PREFIX = "_repl/journal/"
# Objects the journal does not track: the journal itself and the reconciler's checkpoint.
UNJOURNALED = ("_repl/",)
HOUR_MS = 3_600_000
# promote-replica and fail-back both publish the new generation on Azure before their settle time starts
# (failover.py): reading Azure's pointer recently is what proves no switch this process missed is in force.
WITNESS = "azure"


def journal_key(key: str, now_ms: int | None = None) -> str:
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    return f"{JOURNAL_PREFIX}{ms // HOUR_MS:09d}/{ms:013d}-{uuid.uuid4().hex[:8]}/{key}"


def parse_journal_key(marker: str) -> tuple[int, str]:
    """(milliseconds, object key) of a journal marker."""
    _hour, stamp, key = marker[len(JOURNAL_PREFIX):].split("/", 2)
    return int(stamp.split("-", 1)[0]), key


def read_generation(store: ObjectStore, thorough: bool = False) -> Generation:
    """The newest generation one store knows: its pointer (one GET: the health check's read), or, `thorough`,
    the highest generation document (a list; the failover commands use it to finish an interrupted switch)."""
    pointed = INITIAL
    with contextlib.suppress(NotFound):
        pointed = Generation.parse(store.get(POINTER_KEY))
    if not thorough:
        return pointed
    documents = store.list(CONTROL_PREFIX)
    if not documents:
        return pointed
    newest = Generation.parse(store.get(documents[-1]))
    return newest if newest.number > pointed.number else pointed


class ReplicatedStore:
    name = "s3+azure"

    REPLICA_BACKOFF_SECONDS = 5.0
    # After the primary fails, reads skip it for this long instead of paying its timeout on every request; the
    # health monitor clears it as soon as a bounded check succeeds again.
    PRIMARY_BACKOFF_SECONDS = 5.0

    def __init__(self, s3: ObjectStore, azure: ObjectStore, journal: bool = True, settle_seconds: float = 12.0,
                 fence_seconds: float = 0.0) -> None:
        self.stores: dict[str, ObjectStore] = {"s3": s3, "azure": azure}
        self.generation = INITIAL
        self.journal = journal
        # After a switch, no pod writes until every pod's health check can have seen it: a pod still in the old
        # generation must not commit to the old commit point while the new one already takes commits.
        self.settle_seconds = settle_seconds
        # Fencing (0: off). Every switch is published on the witness store (Azure) before its settle time starts,
        # so a pod commits only while it has read the witness's generation pointer within `fence_seconds`: a pod
        # that cannot reach Azure (a split between the clouds) stops committing before the settle time of a
        # promotion it cannot see is over. The price: while Azure is the replica, an Azure outage longer than
        # the fence stops commits too (docs/deploy.md, "Split brain and fencing").
        self.fence_seconds = fence_seconds
        self._confirmed: dict[str, float] = dict.fromkeys(STORES, float("-inf"))  # monotonic start of the read
        self.degraded = False
        # Copies run off the request path: a slow or dead replica never delays an acknowledged push.
        self._copier = ThreadPoolExecutor(max_workers=4, thread_name_prefix="replica-copy")
        self._down_until: dict[str, float] = dict.fromkeys(STORES, 0.0)
        self._lock = threading.Lock()
        GENERATION.set(0)

    # ------------------------------------------------------------------------------------------- roles

    @property
    def primary(self) -> ObjectStore:
        return self.stores[self.generation.primary]

    @property
    def replica(self) -> ObjectStore:
        return self.stores["azure" if self.generation.primary == "s3" else "s3"]

    def set_generation(self, generation: Generation) -> None:
        """Switch roles (health monitor, failover commands). Generations only move forward."""
        with self._lock:
            if generation.number < self.generation.number or generation == self.generation:
                return
            log.warning("generation %d: %s is the commit point", generation.number, generation.primary)
            self.generation = generation
            down = time.monotonic() < self._down_until[generation.primary]
        GENERATION.set(generation.number)
        self.degraded = down
        DEGRADED.set(1 if down else 0)

    def mark(self, store: str, up: bool) -> None:
        """Result of a bounded health check of one backend."""
        with self._lock:
            self._down_until[store] = 0.0 if up else time.monotonic() + self.PRIMARY_BACKOFF_SECONDS
        if store == self.generation.primary:
            self._set_degraded(not up)

    def confirm(self, store: str, read_started: float) -> None:
        """A read of `store`'s generation pointer that started at `read_started` (time.monotonic()) succeeded."""
        with self._lock:
            self._confirmed[store] = max(self._confirmed[store], read_started)
        FENCED.set(1 if self.fenced() else 0)

    def fenced(self) -> str | None:
        """Why this process may not commit now (fencing on and the replica's generation not confirmed), or None."""
        if self.fence_seconds <= 0:
            return None
        age = time.monotonic() - self._confirmed[WITNESS]
        if age <= self.fence_seconds:
            return None
        seen = "never" if age == float("inf") else f"{age:.0f} s ago"
        return (f"writes paused: the failover generation was last confirmed on {WITNESS} {seen} (fence "
                f"{self.fence_seconds:g} s); a promotion this process cannot see may be under way")

    def is_up(self, name: str) -> bool:
        """False while the health checks (or a failed call) say this backend does not answer."""
        return time.monotonic() >= self._down_until[name]

    def replica_available(self) -> bool:
        name = "azure" if self.generation.primary == "s3" else "s3"
        return time.monotonic() >= self._down_until[name]

    def _primary_down(self) -> bool:
        return time.monotonic() < self._down_until[self.generation.primary]

    def _set_degraded(self, value: bool) -> None:
        if value:
            with self._lock:
                self._down_until[self.generation.primary] = time.monotonic() + self.PRIMARY_BACKOFF_SECONDS
        if value != self.degraded:
            log.warning("degraded mode %s", "on: reading from the replica" if value else "off")
        self.degraded = value
        DEGRADED.set(1 if value else 0)

    # ------------------------------------------------------------------------------------------- reads

    def _read(self, op: str, *args: Any) -> Any:
        if self._primary_down():
            return getattr(self.replica, op)(*args)
        try:
            result = getattr(self.primary, op)(*args)
        except StoreUnavailable:
            self._set_degraded(True)
            return getattr(self.replica, op)(*args)
        except NotFound:
            # Right after a switch the new commit point may still miss blobs uploaded to the old one (the
            # fail-back copies them); a blob is content-addressed, so the replica's copy is the same object.
            if "/blobs/" not in args[0]:
                raise
            return getattr(self.replica, op)(*args)
        if result is None and op == "size" and "/blobs/" in args[0]:
            return self.replica.size(*args)
        return result

    def get(self, key: str) -> bytes:
        data: bytes = self._read("get", key)
        return data

    def iter_chunks(self, key: str, chunk_size: int = 65536) -> Iterator[bytes]:
        chunks: Iterator[bytes] = self._read("iter_chunks", key, chunk_size)
        return chunks

    def size(self, key: str) -> int | None:
        size: int | None = self._read("size", key)
        return size

    def list(self, prefix: str, start_after: str | None = None) -> list[str]:
        keys: list[str] = self._read("list", prefix, start_after)
        return keys

    # ------------------------------------------------------------------------------------------- writes

    def settling(self) -> float:
        """Seconds until writes are allowed after the last switch (0 when they are)."""
        return max(0.0, self.generation.at + self.settle_seconds - time.time()) if self.generation.number else 0.0

    def _before_write(self, key: str) -> ObjectStore:
        if self._primary_down():
            raise StoreUnavailable(f"{self.generation.primary} (commit point) is unreachable")
        if self.settling():
            raise StoreUnavailable(f"commit point switching to {self.generation.primary}; writes resume shortly")
        fenced = self.fenced()
        if fenced:
            FENCED.set(1)
            raise StoreUnavailable(fenced)
        primary = self.primary
        if self.journal and not key.startswith(UNJOURNALED):
            try:
                primary.put_if_absent(journal_key(key), b"")
            except StoreUnavailable:
                self._set_degraded(True)
                raise
        return primary

    def put(self, key: str, data: bytes) -> None:
        primary = self._before_write(key)
        try:
            primary.put(key, data)
        except StoreUnavailable:
            self._set_degraded(True)
            raise
        if not key.startswith(UNJOURNALED):
            self._copy(key, data, overwrite=True)

    def put_if_absent(self, key: str, data: bytes | BinaryIO) -> bool:
        primary = self._before_write(key)
        try:
            created = primary.put_if_absent(key, data)
        except StoreUnavailable:
            self._set_degraded(True)
            raise
        self._set_degraded(False)
        if created and not key.startswith(UNJOURNALED):
            self._copy(key, data if isinstance(data, bytes) else None, overwrite=False)
        return created

    def _copy(self, key: str, data: bytes | None, overwrite: bool) -> None:
        replica = self.replica
        name = "azure" if self.generation.primary == "s3" else "s3"
        if time.monotonic() < self._down_until[name]:
            return  # replica recently failed: the journal marker leaves it to the reconciler
        self._copier.submit(self._copy_now, replica, name, key, data, overwrite)

    def _copy_now(self, replica: ObjectStore, name: str, key: str, data: bytes | None, overwrite: bool) -> None:
        try:
            if data is None:  # a streamed object: stream it from the primary through a temporary file
                with tempfile.TemporaryFile() as spool:
                    for chunk in self.primary.iter_chunks(key):
                        spool.write(chunk)
                    spool.seek(0)
                    replica.put_if_absent(key, spool)
            elif overwrite:
                replica.put(key, data)
            else:
                replica.put_if_absent(key, data)
        except (StoreError, OSError) as err:
            # Refusals (403...) included: counted by the instrumented store, retried by the reconciler.
            with self._lock:
                self._down_until[name] = time.monotonic() + self.REPLICA_BACKOFF_SECONDS
            log.warning("replica copy of %s deferred to the reconciler: %s", key, err)

    def close(self) -> None:
        """Finish pending copies (graceful shutdown)."""
        self._copier.shutdown(wait=True)

    def ping(self) -> None:
        try:
            self.primary.ping()
            self._set_degraded(False)
        except StoreUnavailable:
            self._set_degraded(True)
            self.replica.ping()
