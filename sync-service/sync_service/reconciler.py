"""Copies what the replica is missing and measures replication lag, from the journal, on one leader.

Each write to the commit point is preceded by a journal marker (storage/replicated.py). A pass lists the markers
of the last hours after the low-water mark (one small list per pass when nothing happened), confirms each object
on the replica and copies it when missing, so its cost follows the write rate: not the number of objects and
not the number of pods (only the Lease holder runs it, leader.py). A full sweep (both stores listed) runs when a
leader starts without a checkpoint, once a day, and from `sync-service reconcile --full`.

Immutable objects are copied create-only, so a copy never replaces different content. Mutable documents are
merged: token records (a revocation wins), library meta (the higher generation wins), the generation pointer.
Lag = markers not yet confirmed; when the commit point cannot be listed the last values stay and
`qrdesk_sync_replication_last_success_timestamp_seconds` stops moving, which is what the alert watches.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .generations import POINTER_KEY, Generation
from .metrics import REPLICATION_COPIES, REPLICATION_LAG_SECONDS, REPLICATION_LAG_SEQ, REPLICATION_LAST_SUCCESS
from .storage import NotFound, ObjectStore, ReplicatedStore, StoreError
from .storage.replicated import HOUR_MS, JOURNAL_PREFIX, parse_journal_key

log = logging.getLogger(__name__)

CHECKPOINT_KEY = "_repl/checkpoint.json"
# Top-level prefixes the service writes (the journal is not copied: each commit point keeps its own).
SWEEP_PREFIXES = ("u/", "_auth/", "_system/")


class NotLeader(Exception):
    """The pass stopped because this process is no longer the leader (nothing more is written)."""


@dataclass
class ReconcileReport:
    copied: int
    lag_seq: int
    lag_seconds: float
    pending: list[str] = field(default_factory=list)


def _is_mutable(key: str) -> bool:
    return key.startswith("_auth/") or key.endswith("/meta.json") or key == POINTER_KEY


def _merge(key: str, source: bytes, target: bytes | None) -> bytes:
    """The version both stores should hold of a mutable document."""
    if target is None or target == source:
        return source
    try:
        a, b = json.loads(source), json.loads(target)
    except ValueError:
        return source
    if key.startswith("_auth/"):
        return target if b.get("revoked") and not a.get("revoked") else source  # a revocation is never undone
    if key == POINTER_KEY:
        return source if Generation.parse(source).number >= Generation.parse(target).number else target
    rank_a, rank_b = (a.get("generation", 0), a.get("epoch", 0)), (b.get("generation", 0), b.get("epoch", 0))
    return source if rank_a >= rank_b else target


def copy_object(source: ObjectStore, target: ObjectStore, key: str) -> bool:
    """Make `target` hold `key` as `source` has it. True if something was written. Raises NotFound if `source`
    has no such object."""
    if not _is_mutable(key):
        if target.size(key) is not None:
            return False
        target.put_if_absent(key, source.get(key))
        return True
    data = source.get(key)
    try:
        current: bytes | None = target.get(key)
    except NotFound:
        current = None
    merged = _merge(key, data, current)
    wrote = False
    if merged != current:
        target.put(key, merged)
        wrote = True
    if merged != data:
        source.put(key, merged)  # e.g. a revocation only the replica saw
        wrote = True
    return wrote


class Reconciler:
    """Journal-driven replication for one ReplicatedStore. Not thread-safe: one loop calls it."""

    # Markers are re-read this far before the low-water mark: pods' clocks differ by far less.
    WINDOW_MS = 120_000
    # A marker whose object does not exist (yet) stays pending this long: its write may still be in flight.
    GRACE_MS = 60_000

    def __init__(self, store: ReplicatedStore, keep_going: Callable[[], bool] = lambda: True) -> None:
        self.store = store
        self._keep_going = keep_going
        self.low_water_ms: int | None = None
        self._done: dict[str, int] = {}  # marker -> its ms, confirmed on the replica
        self._generation = store.generation

    def _load_checkpoint(self, source: ObjectStore) -> bool:
        try:
            self.low_water_ms = int(json.loads(source.get(CHECKPOINT_KEY))["low_water_ms"])
            return True
        except NotFound:
            self.low_water_ms = int(time.time() * 1000)
            return False

    def run_pass(self) -> ReconcileReport:
        """One incremental pass. Raises StoreError if the commit point cannot be listed."""
        store = self.store
        if store.generation != self._generation:  # a failover: the new commit point has its own journal
            self._generation, self.low_water_ms, self._done = store.generation, None, {}
        source, target = store.primary, store.replica
        copied = 0
        if self.low_water_ms is None and not self._load_checkpoint(source):
            copied += self.full_sweep().copied  # first leader ever (or an upgrade): establish the baseline
        assert self.low_water_ms is not None
        now_ms = int(time.time() * 1000)
        start_ms = self.low_water_ms - self.WINDOW_MS
        markers: list[str] = []
        for hour in range(start_ms // HOUR_MS, now_ms // HOUR_MS + 1):
            prefix = f"{JOURNAL_PREFIX}{hour:09d}/"
            markers.extend(source.list(prefix, f"{prefix}{start_ms:013d}"))
        pending: list[str] = []
        failed: StoreError | None = None
        for marker in markers:
            if marker in self._done:
                continue
            ms, key = parse_journal_key(marker)
            self._check_leader()
            if failed is not None:
                pending.append(marker)
                continue
            try:
                copied += copy_object(source, target, key)
                self._done[marker] = ms
            except NotFound:
                if now_ms - ms < self.GRACE_MS:
                    pending.append(marker)  # the write it announces may still be in flight
                else:
                    self._done[marker] = ms  # announced but never written (the write failed or lost a race)
            except StoreError as err:
                failed = err
                pending.append(marker)
        REPLICATION_COPIES.inc(copied)
        self._check_leader()  # a former leader neither moves the checkpoint nor reports the lag
        oldest = min((parse_journal_key(m)[0] for m in pending), default=now_ms)
        lag_seconds = max(0.0, (now_ms - oldest) / 1000)
        REPLICATION_LAG_SEQ.set(len(pending))
        REPLICATION_LAG_SECONDS.set(lag_seconds)
        self._advance(source, oldest)
        if failed is not None:
            raise failed
        if not pending:
            REPLICATION_LAST_SUCCESS.set(time.time())
        return ReconcileReport(copied, len(pending), lag_seconds, pending)

    def _check_leader(self) -> None:
        if not self._keep_going():
            raise NotLeader

    def _advance(self, source: ObjectStore, low_water_ms: int) -> None:
        if low_water_ms <= (self.low_water_ms or 0):
            return
        self.low_water_ms = low_water_ms
        floor = low_water_ms - self.WINDOW_MS
        self._done = {m: ms for m, ms in self._done.items() if ms >= floor}
        try:
            source.put(CHECKPOINT_KEY, json.dumps({"low_water_ms": low_water_ms}).encode())
        except StoreError as err:
            log.warning("reconciler checkpoint not saved: %s", err)

    def full_sweep(self, source: ObjectStore | None = None, target: ObjectStore | None = None) -> ReconcileReport:
        """List both stores and make the target hold everything the source has (O(objects): rarely)."""
        source = source or self.store.primary
        target = target or self.store.replica
        copied = 0
        for prefix in SWEEP_PREFIXES:
            present = set(target.list(prefix))
            for key in source.list(prefix):
                if key not in present or _is_mutable(key):
                    self._check_leader()
                    copied += copy_object(source, target, key)
        REPLICATION_COPIES.inc(copied)
        REPLICATION_LAST_SUCCESS.set(time.time())
        return ReconcileReport(copied, 0, 0.0)


def reconcile(store: ReplicatedStore) -> ReconcileReport:
    """`sync-service reconcile --full`: one full sweep from the commit point to the replica."""
    return Reconciler(store).full_sweep()
