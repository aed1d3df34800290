"""Copies objects the replica is missing and measures replication lag.

Immutable objects (log entries, blobs, meta) are copied create-only, so a copy can never replace different
content; mutable token records under `_auth/` are copied when they differ. Lag is measured per library as
(primary head − replica's contiguous head) and exported as the largest value, with no user label.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

from . import keys
from .metrics import REPLICATION_COPIES, REPLICATION_LAG_SECONDS, REPLICATION_LAG_SEQ
from .storage import NotFound, ObjectStore, ReplicatedStore, StoreUnavailable

log = logging.getLogger(__name__)


@dataclass
class ReconcileReport:
    copied: int
    lag_seq: int
    lag_seconds: float


def _is_log_key(key: str) -> bool:
    parts = key.split("/")
    return len(parts) == 4 and parts[2] == "log" and parts[3][:20].isdigit() and parts[3].endswith(".json")


def _contiguous_head(log_keys: list[str]) -> int:
    head = 0
    for key in log_keys:
        if keys.seq_of(key) != head + 1:
            break
        head += 1
    return head


def reconcile(store: ReplicatedStore) -> ReconcileReport:
    """One full pass. Raises StoreUnavailable if either store is down (lag then stays as last measured)."""
    primary, replica = store.primary, store.replica
    primary_keys = primary.list("")
    try:
        replica_keys = set(replica.list(""))
    except StoreUnavailable:
        # The replica is down: the lag still grows with every commit, and alerts must see it grow.
        _publish_lag(primary, primary_keys, store.replica_heads)
        raise
    copied = 0
    for key in primary_keys:
        if key.startswith("_auth/"):
            data = primary.get(key)
            try:
                same = key in replica_keys and replica.get(key) == data
            except NotFound:
                same = False
            if not same:
                replica.put(key, data)
                copied += 1
        elif key not in replica_keys:
            replica.put_if_absent(key, primary.get(key))
            replica_keys.add(key)
            copied += 1
    REPLICATION_COPIES.inc(copied)
    lag_seq, lag_seconds = measure_lag(primary, replica, store.replica_heads)
    return ReconcileReport(copied, lag_seq, lag_seconds)


def _heads(all_keys: list[str]) -> dict[str, int]:
    logs: dict[str, list[str]] = {}
    for key in all_keys:
        if _is_log_key(key):
            logs.setdefault(key.split("/")[1], []).append(key)
    return {uid: _contiguous_head(sorted(k)) for uid, k in logs.items()}


def measure_lag(primary: ObjectStore, replica: ObjectStore, replica_heads: dict[str, int]) -> tuple[int, float]:
    """Measure and publish the lag; remember the replica's heads for when it cannot be listed."""
    replica_heads.clear()
    replica_heads.update(_heads(replica.list("u/")))
    return _publish_lag(primary, primary.list("u/"), replica_heads)


def _publish_lag(primary: ObjectStore, primary_keys: list[str], replica_heads: dict[str, int]) -> tuple[int, float]:
    worst_seq, worst_age = 0, 0.0
    now = time.time()
    for uid, p_head in _heads(primary_keys).items():
        r_head = replica_heads.get(uid, 0)
        if p_head > r_head:
            worst_seq = max(worst_seq, p_head - r_head)
            oldest = json.loads(primary.get(keys.log_key(uid, r_head + 1)))
            worst_age = max(worst_age, now - float(oldest.get("server_ts_epoch", now)))
    REPLICATION_LAG_SEQ.set(worst_seq)
    REPLICATION_LAG_SECONDS.set(worst_age)
    return worst_seq, worst_age
