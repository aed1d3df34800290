"""The per-user library: state derived from the immutable log, commit by create-only write.

A push is committed when `log/{head+1}` is created with a create-only write. Two service replicas racing for the
same seq: one wins, the other sees "exists", re-reads the log and re-checks every record against the new state,
so a stale edit can never overwrite a newer one. State is cached per process and advanced by listing only the
log keys after the cached head.

After a failover (generations.py) a library's state is the chain of older segments its genesis entry names, then
its current segment; the first access in a new generation writes that genesis (`ensure_generation`).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cloud_sync.protocol import PushRequest, PushResponse, PushResult, Record

from . import generations, keys
from .metrics import COMMIT_RETRIES, COMMITS, CONFLICTS, PUSH_RECORDS
from .storage import NotFound, ObjectStore, StoreUnavailable

MAX_COMMIT_ATTEMPTS = 50
MAX_CACHED_USERS = 5000


class IdempotencyMismatch(Exception):
    """The idempotency key was used before with a different request body."""


@dataclass
class UserState:
    head: int = 0
    records: dict[str, Record] = field(default_factory=dict)
    # (device_id, idempotency_key) -> (request hash, stored response)
    answers: dict[tuple[str, str], tuple[str, dict[str, Any]]] = field(default_factory=dict)
    ts: dict[int, float] = field(default_factory=dict)
    # Log entries are immutable, so the records of each seq can be cached without invalidation.
    entries: dict[int, list[Record]] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # applied seqs, ascending (they jump between generations)
    generation: int | None = None  # generation whose segment `head` advances in; None: not built yet
    lock: threading.Lock = field(default_factory=threading.Lock)


def _dumps(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":"), sort_keys=True).encode()


def request_digest(req: PushRequest) -> str:
    return hashlib.sha256(_dumps(req.model_dump(mode="json"))).hexdigest()


class Library:
    """Service-side view of every user's log in one object store."""

    def __init__(self, store: ObjectStore, generation: Callable[[], int] = lambda: 0) -> None:
        self.store = store
        self._generation = generation  # the failover generation in force (0 without a replicated store)
        self._states: dict[str, UserState] = {}
        self._guard = threading.Lock()

    def _state(self, uid: str) -> UserState:
        # The cache is only an optimisation (correctness comes from create-only writes), so evicting the
        # least recently used library is always safe; it is rebuilt from the log on its next request.
        with self._guard:
            st = self._states.pop(uid, None) or UserState()
            self._states[uid] = st
            while len(self._states) > MAX_CACHED_USERS:
                self._states.pop(next(iter(self._states)))
            return st

    def meta(self, uid: str) -> dict[str, Any]:
        """{library_id, epoch}, created on first use. Re-read each time: an operator may bump the epoch."""
        key = keys.meta_key(uid)
        try:
            doc: dict[str, Any] = json.loads(self.store.get(key))
        except NotFound:
            self.store.put_if_absent(key, _dumps({"library_id": str(uuid.uuid4()), "epoch": 1}))
            doc = json.loads(self.store.get(key))  # whoever created it first wins
        return doc

    def refresh(self, uid: str) -> UserState:
        """Advance the cached state to the newest contiguous log entry. Caller holds no lock."""
        st = self._state(uid)
        with st.lock:
            self._refresh_locked(uid, st)
        return st

    def _refresh_locked(self, uid: str, st: UserState) -> None:
        wanted = self._generation()
        if st.generation != wanted:
            generation = self._library_generation(uid, wanted)
            if generation != st.generation:
                self._rebuild_locked(uid, st, generation)
        assert st.generation is not None
        self._advance(uid, st, generations.segment_start(st.generation))

    def _advance(self, uid: str, st: UserState, first: int, last: int | None = None) -> None:
        """Apply the contiguous entries from `first` (or after the head, when it is past it) up to `last`."""
        start = max(first, st.head + 1) if st.head >= first else first
        for key in self.store.list(keys.log_prefix(uid), keys.log_key(uid, start - 1)):
            seq = keys.seq_of(key)
            if seq != start or (last is not None and seq > last):
                # A gap can only appear on a replica that has not received every copy yet: serve up to the gap.
                break
            self._apply_entry(st, seq, json.loads(self.store.get(key)))
            start += 1

    def _rebuild_locked(self, uid: str, st: UserState, generation: int) -> None:
        """State of a library in `generation`: the chain its genesis names, then the genesis itself."""
        st.head, st.records, st.answers, st.ts, st.entries, st.order = 0, {}, {}, {}, {}, []
        st.generation = generation
        if generation == 0:
            return
        genesis = self._genesis(uid, generation)
        if genesis is None:
            raise StoreUnavailable(f"genesis of generation {generation} not readable yet")
        for first, last in genesis["genesis"]["chain"]:
            self._advance(uid, st, first, last)
        self._apply_entry(st, generations.segment_start(generation), genesis)

    def _genesis(self, uid: str, generation: int) -> dict[str, Any] | None:
        try:
            doc: dict[str, Any] = json.loads(self.store.get(keys.log_key(uid, generations.segment_start(generation))))
            return doc
        except NotFound:
            return None

    def _library_generation(self, uid: str, wanted: int) -> int:
        """The generation the library is in, moving it to `wanted` when it is behind and the commit point allows.

        Moving needs a write (genesis + meta); while the commit point is unreachable the library is served as it
        was (degraded reads), and moved on a later request.
        """
        meta = self.meta(uid)
        current = int(meta.get("generation", 0))
        if current >= wanted:
            return current
        try:
            self.ensure_generation(uid, wanted)
        except StoreUnavailable:
            return current
        return wanted

    def ensure_generation(self, uid: str, generation: int) -> None:
        """Start the library's segment of `generation` on the commit point: genesis entry, then meta (epoch + 1).

        Idempotent and safe to race: the genesis is created create-only (the loser reads the winner's), and the
        meta written is a function of the meta read and `generation`.
        """
        meta = self.meta(uid)
        previous = int(meta.get("generation", 0))
        if previous >= generation:
            return
        self._pull_from_replica(uid)
        if self._genesis(uid, generation) is None:
            old = UserState()
            self._rebuild_locked(uid, old, previous)
            self._advance(uid, old, generations.segment_start(previous))
            chain = [list(c) for c in self._chain_of(uid, previous)]
            if old.head >= generations.segment_start(previous):
                chain.append([generations.segment_start(previous), old.head])
            merged = self._merged_of(uid, previous)
            orphans = []
            for key in self.store.list(keys.log_prefix(uid)):
                seq = keys.seq_of(key)
                if seq < generations.segment_start(generation) and not generations.in_chain(seq, chain) \
                        and seq not in merged:
                    entry = json.loads(self.store.get(key))
                    orphans.append((seq, [Record.model_validate(r) for r in entry["records"]]))
            start = generations.segment_start(generation)
            records = generations.merge_orphans(old.records, orphans, start)
            entry = generations.genesis_entry(generation, chain, sorted(merged | {s for s, _ in orphans}), records)
            self.store.put_if_absent(keys.log_key(uid, start), _dumps(entry))
        self.store.put(keys.meta_key(uid), _dumps({**meta, "epoch": int(meta["epoch"]) + 1, "generation": generation}))

    def _pull_from_replica(self, uid: str) -> None:
        """Copy the library's log entries the commit point misses from the other store (create-only), so the
        chain of the new generation holds everything the old commit point acknowledged before the switch."""
        replica = getattr(self.store, "replica", None)
        primary = getattr(self.store, "primary", None)
        if replica is None or primary is None or not self.store.replica_available():  # type: ignore[attr-defined]
            return
        present = set(primary.list(keys.log_prefix(uid)))
        try:
            theirs = replica.list(keys.log_prefix(uid))
        except StoreUnavailable:
            return  # the old commit point is gone (promotion): what it never copied is merged at fail-back
        for key in theirs:
            if key not in present:
                primary.put_if_absent(key, replica.get(key))

    def _chain_of(self, uid: str, generation: int) -> list[list[int]]:
        genesis = self._genesis(uid, generation) if generation else None
        return list(genesis["genesis"]["chain"]) if genesis else []

    def _merged_of(self, uid: str, generation: int) -> set[int]:
        genesis = self._genesis(uid, generation) if generation else None
        return set(genesis["genesis"]["merged"]) if genesis else set()

    @staticmethod
    def _apply_entry(st: UserState, seq: int, entry: dict[str, Any]) -> None:
        recs = [Record.model_validate(raw) for raw in entry["records"]]
        for rec in recs:
            st.records[rec.id] = rec
        st.entries[seq] = recs
        st.answers[(entry["device_id"], entry["idempotency_key"])] = (entry["request_hash"], entry["response"])
        st.ts[seq] = entry.get("server_ts_epoch", 0.0)
        st.order.append(seq)
        st.head = seq

    def entries_after(self, uid: str, seq: int, limit: int) -> tuple[list[Record], int, int]:
        """Records of log entries after seq, whole entries at a time, up to about `limit` records.

        Returns (records, last seq included, head).
        """
        st = self.refresh(uid)
        if seq >= st.head:
            return [], seq, st.head
        out: list[Record] = []
        last = seq
        for applied in st.order[bisect.bisect_right(st.order, seq):]:
            if len(out) >= limit:
                break
            out.extend(st.entries[applied])
            last = applied
        return out, last, st.head

    def _missing_blobs(self, uid: str, rec: Record) -> list[str]:
        missing = []
        for f in rec.files:
            if self.store.size(keys.blob_key(uid, f.sha256)) is None:
                missing.append(f.sha256)
        return sorted(set(missing))

    def _evaluate(
        self, uid: str, st: UserState, req: PushRequest, next_seq: int
    ) -> tuple[list[PushResult], list[Record]]:
        results: list[PushResult] = []
        applied: list[Record] = []
        for rec in req.changes:
            current = st.records.get(rec.id)
            if current is not None and rec.base_rev != current.rev:
                if rec.content_hash and rec.content_hash == current.content_hash and rec.deleted == current.deleted:
                    # Identical content is no conflict: nothing to write.
                    results.append(PushResult(id=rec.id, status="applied", rev=current.rev))
                else:
                    results.append(PushResult(id=rec.id, status="conflict", server=current))
                continue
            missing = [] if rec.deleted else self._missing_blobs(uid, rec)
            if missing:
                results.append(PushResult(id=rec.id, status="missing_blobs", missing=missing))
                continue
            stored = rec.model_copy(update={"rev": next_seq, "device_id": req.device_id})
            applied.append(stored)
            results.append(PushResult(id=rec.id, status="applied", rev=next_seq))
        return results, applied

    def push(self, uid: str, req: PushRequest) -> PushResponse:
        """Commit the applicable records of one push as one log entry; answer per record.

        A retried idempotency key returns the stored first answer (`replayed=True`) and writes nothing.
        """
        ids = [r.id for r in req.changes]
        if len(ids) != len(set(ids)):
            raise ValueError("a push may carry each record id only once")
        digest = request_digest(req)
        answer_key = keys.idem_key(uid, hashlib.sha256(f"{req.device_id}\0{req.idempotency_key}".encode()).hexdigest())
        st = self._state(uid)
        if st.head == 0:
            self.meta(uid)  # the library exists (and is replicated) before its first log entry
        with st.lock:
            for _attempt in range(MAX_COMMIT_ATTEMPTS):
                self._refresh_locked(uid, st)
                replay = self._replay(st, req, digest, answer_key)
                if replay is not None:
                    return replay
                next_seq = st.head + 1
                results, applied = self._evaluate(uid, st, req, next_seq)
                response = PushResponse(results=results, head=next_seq if applied else st.head, replayed=False)
                if not applied:
                    # Nothing to commit; keep the answer so a retry of this key gets the same one.
                    if not self.store.put_if_absent(answer_key, _dumps(self._answer_doc(digest, response))):
                        continue
                    self._count(results)
                    return response
                entry = {
                    "seq": next_seq,
                    "device_id": req.device_id,
                    "idempotency_key": req.idempotency_key,
                    "request_hash": digest,
                    "server_ts": datetime.now(UTC).isoformat(),
                    "server_ts_epoch": time.time(),
                    "records": [r.model_dump(mode="json") for r in applied],
                    "response": response.model_dump(mode="json"),
                }
                if self.store.put_if_absent(keys.log_key(uid, next_seq), _dumps(entry)):
                    self._apply_entry(st, next_seq, entry)
                    COMMITS.inc()
                    self._count(results)
                    return response
                COMMIT_RETRIES.inc()  # another replica took this seq: re-read and re-check every record
            raise RuntimeError(f"could not commit after {MAX_COMMIT_ATTEMPTS} attempts")

    @staticmethod
    def _answer_doc(digest: str, response: PushResponse) -> dict[str, Any]:
        return {"request_hash": digest, "response": response.model_dump(mode="json")}

    def _replay(self, st: UserState, req: PushRequest, digest: str, answer_key: str) -> PushResponse | None:
        found = st.answers.get((req.device_id, req.idempotency_key))
        if found is None:
            try:
                doc = json.loads(self.store.get(answer_key))
            except NotFound:
                return None
            found = (doc["request_hash"], doc["response"])
        if found[0] != digest:
            raise IdempotencyMismatch("idempotency_key was already used with a different request body")
        return PushResponse.model_validate({**found[1], "replayed": True})

    @staticmethod
    def _count(results: list[PushResult]) -> None:
        for r in results:
            PUSH_RECORDS.labels(r.status).inc()
            if r.status == "conflict":
                CONFLICTS.inc()
