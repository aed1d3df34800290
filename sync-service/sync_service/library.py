"""The per-user library: state derived from the immutable log, commit by create-only write.

A push is committed when `log/{head+1}` is created with a create-only write. Two service replicas racing for the
same seq: one wins, the other sees "exists", re-reads the log and re-checks every record against the new state,
so a stale edit can never overwrite a newer one. State is cached per process and advanced by listing only the
log keys after the cached head.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cloud_sync.protocol import PushRequest, PushResponse, PushResult, Record

from . import keys
from .metrics import COMMIT_RETRIES, COMMITS, CONFLICTS, PUSH_RECORDS
from .storage import NotFound, ObjectStore

MAX_COMMIT_ATTEMPTS = 50
MAX_CACHED_USERS = 5000


class IdempotencyMismatch(Exception):
    """The idempotency key was used before with a different request body."""


@dataclass
class UserState:
    head: int = 0
    records: dict[str, Record] = field(default_factory=dict)
    # (device_id, idempotency_key) -> (request hash, stored response)
    answers: dict[tuple[str, str], tuple[str, dict]] = field(default_factory=dict)
    ts: dict[int, float] = field(default_factory=dict)
    # Log entries are immutable, so the records of each seq can be cached without invalidation.
    entries: dict[int, list[Record]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _dumps(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":"), sort_keys=True).encode()


def request_digest(req: PushRequest) -> str:
    return hashlib.sha256(_dumps(req.model_dump(mode="json"))).hexdigest()


class Library:
    """Service-side view of every user's log in one object store."""

    def __init__(self, store: ObjectStore) -> None:
        self.store = store
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

    def meta(self, uid: str) -> dict:
        """{library_id, epoch}, created on first use. Re-read each time: an operator may bump the epoch."""
        key = keys.meta_key(uid)
        try:
            return json.loads(self.store.get(key))
        except NotFound:
            self.store.put_if_absent(key, _dumps({"library_id": str(uuid.uuid4()), "epoch": 1}))
            return json.loads(self.store.get(key))  # whoever created it first wins

    def refresh(self, uid: str) -> UserState:
        """Advance the cached state to the newest contiguous log entry. Caller holds no lock."""
        st = self._state(uid)
        with st.lock:
            self._refresh_locked(uid, st)
        return st

    def _refresh_locked(self, uid: str, st: UserState) -> None:
        start_after = keys.log_key(uid, st.head) if st.head else None
        for key in self.store.list(keys.log_prefix(uid), start_after):
            seq = keys.seq_of(key)
            if seq != st.head + 1:
                # A gap can only appear on a replica that has not received every copy yet: serve up to the gap.
                break
            self._apply_entry(st, seq, json.loads(self.store.get(key)))

    @staticmethod
    def _apply_entry(st: UserState, seq: int, entry: dict) -> None:
        recs = [Record.model_validate(raw) for raw in entry["records"]]
        for rec in recs:
            st.records[rec.id] = rec
        st.entries[seq] = recs
        st.answers[(entry["device_id"], entry["idempotency_key"])] = (entry["request_hash"], entry["response"])
        st.ts[seq] = entry.get("server_ts_epoch", 0.0)
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
        while last < st.head and len(out) < limit:
            last += 1
            out.extend(st.entries[last])
        return out, last, st.head

    def _missing_blobs(self, uid: str, rec: Record) -> list[str]:
        missing = []
        for f in rec.files:
            if self.store.size(keys.blob_key(uid, f.sha256)) is None:
                missing.append(f.sha256)
        return sorted(set(missing))

    def _evaluate(self, uid: str, st: UserState, req: PushRequest, next_seq: int) -> tuple[list[PushResult], list]:
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
                response = PushResponse(results=results, head=next_seq if applied else st.head)
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
    def _answer_doc(digest: str, response: PushResponse) -> dict:
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
