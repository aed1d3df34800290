"""Every user's log (their library, as the service keeps it): state derived from the immutable log, commit by
create-only write.

A push is committed when `log/{head+1}` is created with a create-only write. Two service replicas racing for the
same seq: one wins, the other sees "exists", re-reads the log and re-checks every record against the new state,
so a stale edit can never overwrite a newer one. State is cached per process and advanced by listing only the
log keys after the cached head.

After a failover (generations.py) a library's state is the chain of older segments its genesis entry names, then
its current segment; the first access in a new generation writes that genesis (`ensure_generation`).

Records are checked one by one at push (:func:`cloud_sync.records.check_record`): a bad one is answered
``rejected`` with its reason and never stored, the good ones of the same push commit. What is already stored is
read back leniently and served as it is (as JSON that any reader can parse), so no stored record can make the
feed fail. Log entries are cached by bytes across all libraries (:class:`LogCache`), not kept forever.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cloud_sync.checks import InvalidRecord
from cloud_sync.checks import item_id as canonical_id
from cloud_sync.protocol import PushRequest, PushResponse, PushResult, Record
from cloud_sync.records import check_record, id_of

from . import generations, keys
from .blobindex import BlobIndex
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
    # (device_id, idempotency_key) -> (request hash, seq of the log entry that holds the answer)
    answers: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    ts: dict[int, float] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # applied seqs, ascending (they jump between generations)
    generation: int | None = None  # generation whose segment `head` advances in; None: not built yet
    lock: threading.Lock = field(default_factory=threading.Lock)


def _dumps(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":"), sort_keys=True).encode()


def request_digest(req: PushRequest) -> str:
    # Python mode: the changes are not checked yet and may hold lone surrogates, which _dumps escapes.
    return hashlib.sha256(_dumps(req.model_dump())).hexdigest()


def safe_json(value: Any) -> bytes:
    """JSON every reader can parse: lone surrogates escaped, non-finite numbers (stored before records were
    checked) as null."""
    try:
        return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode()
    except ValueError:
        return json.dumps(_finite(value), ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode()


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, list):
        return [_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    return value


def stored_record(raw: Any) -> Record | None:
    """A record as stored, without checking it (it may predate the checks); None when it has no id."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        return None
    fields = {k: v for k, v in raw.items() if k in Record.model_fields}
    try:
        fields["id"] = canonical_id(fields["id"])
    except InvalidRecord:
        fields["id"] = fields["id"].lower()
    return Record.model_construct(**fields)


def record_dict(rec: Record) -> dict[str, Any]:
    """A stored record back as the plain object it was (for a conflict answer)."""
    return {k: getattr(rec, k) for k in Record.model_fields}


class LogCache:
    """Serialized records of log entries, least recently used out once over ``max_bytes`` (all users)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[tuple[str, int], list[bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, uid: str, seq: int) -> list[bytes] | None:
        with self._lock:
            found = self._entries.get((uid, seq))
            if found is not None:
                self._entries.move_to_end((uid, seq))
            return found

    def put(self, uid: str, seq: int, records: list[bytes]) -> None:
        with self._lock:
            if (uid, seq) in self._entries:
                return
            self._entries[(uid, seq)] = records
            self.size += sum(len(r) for r in records)
            while self.size > self.max_bytes and self._entries:
                _key, old = self._entries.popitem(last=False)
                self.size -= sum(len(r) for r in old)


class LogStore:
    """Service-side view of every user's log in one object store (the desktop's ``Library`` is a different
    thing: one machine's SQLite library)."""

    def __init__(self, store: ObjectStore, generation: Callable[[], int] = lambda: 0,
                 log_cache_bytes: int = 64 * 1_048_576) -> None:
        self.store = store
        self._generation = generation  # the failover generation in force (0 without a replicated store)
        self._states: dict[str, UserState] = {}
        self._guard = threading.Lock()
        self.cache = LogCache(log_cache_bytes)
        self.blobs = BlobIndex(store)

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
            self._apply_entry(uid, st, seq, json.loads(self.store.get(key)))
            start += 1

    def _rebuild_locked(self, uid: str, st: UserState, generation: int) -> None:
        """State of a library in `generation`: the chain its genesis names, then the genesis itself."""
        st.head, st.records, st.answers, st.ts, st.order = 0, {}, {}, {}, []
        st.generation = generation
        if generation == 0:
            return
        genesis = self._genesis(uid, generation)
        if genesis is None:
            raise StoreUnavailable(f"genesis of generation {generation} not readable yet")
        for first, last in genesis["genesis"]["chain"]:
            self._advance(uid, st, first, last)
        self._apply_entry(uid, st, generations.segment_start(generation), genesis)

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
                    stored = [stored_record(r) for r in _records_of(entry)]
                    orphans.append((seq, [r for r in stored if r is not None]))
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

    def _apply_entry(self, uid: str, st: UserState, seq: int, entry: dict[str, Any]) -> None:
        raws = _records_of(entry)
        for raw in raws:
            rec = stored_record(raw)
            if rec is not None:
                st.records[rec.id] = rec
        self.cache.put(uid, seq, [safe_json(raw) for raw in raws])
        st.answers[(entry.get("device_id", ""), entry.get("idempotency_key", ""))] = (entry.get("request_hash", ""),
                                                                                    seq)
        st.ts[seq] = entry.get("server_ts_epoch", 0.0)
        st.order.append(seq)
        st.head = seq

    def _entry_records(self, uid: str, seq: int) -> list[bytes]:
        found = self.cache.get(uid, seq)
        if found is None:
            found = [safe_json(raw) for raw in _records_of(json.loads(self.store.get(keys.log_key(uid, seq))))]
            self.cache.put(uid, seq, found)
        return found

    def entries_after(self, uid: str, seq: int, limit: int, max_bytes: int = 1_048_576) -> tuple[list[bytes], int, int]:
        """Records (as JSON) of log entries after seq, whole entries at a time, up to about ``limit`` records
        and ``max_bytes`` bytes (at least one entry, so a page always moves on).

        Returns (records, last seq included, head).
        """
        st = self.refresh(uid)
        if seq >= st.head:
            return [], seq, st.head
        out: list[bytes] = []
        size = 0
        last = seq
        for applied in st.order[bisect.bisect_right(st.order, seq):]:
            if len(out) >= limit:
                break
            records = self._entry_records(uid, applied)
            entry_size = sum(len(r) + 1 for r in records)
            if out and size + entry_size > max_bytes:
                break
            out.extend(records)
            size += entry_size
            last = applied
        return out, last, st.head

    def _evaluate(self, st: UserState, device_id: str, records: list[Record], missing_blobs: set[str],
                  next_seq: int) -> tuple[list[PushResult], list[Record]]:
        results: list[PushResult] = []
        applied: list[Record] = []
        for rec in records:
            current = st.records.get(rec.id)
            if current is not None and rec.base_rev != current.rev:
                if rec.content_hash and rec.content_hash == current.content_hash and rec.deleted == current.deleted:
                    # Identical content is no conflict: nothing to write.
                    results.append(PushResult(id=rec.id, status="applied", rev=current.rev))
                else:
                    results.append(PushResult(id=rec.id, status="conflict", server=record_dict(current)))
                continue
            missing = [] if rec.deleted else sorted({f.sha256 for f in rec.files} & missing_blobs)
            if missing:
                results.append(PushResult(id=rec.id, status="missing_blobs", missing=missing))
                continue
            stored = rec.model_copy(update={"rev": next_seq, "device_id": device_id})
            applied.append(stored)
            results.append(PushResult(id=rec.id, status="applied", rev=next_seq))
        return results, applied

    def push(self, uid: str, req: PushRequest) -> PushResponse:
        """Commit the applicable records of one push as one log entry; answer per record.

        A retried idempotency key returns the stored first answer (`replayed=True`) and writes nothing.
        Each invalid record is answered ``rejected`` with its reason; the others are handled as usual.
        """
        records, rejected = self._check(req)
        missing_blobs = self.blobs.missing(uid, {f.sha256 for r in records if not r.deleted for f in r.files})
        digest = request_digest(req)
        answer_key = keys.idem_key(uid, hashlib.sha256(f"{req.device_id}\0{req.idempotency_key}".encode()).hexdigest())
        st = self._state(uid)
        if st.head == 0:
            self.meta(uid)  # the library exists (and is replicated) before its first log entry
        with st.lock:
            for _attempt in range(MAX_COMMIT_ATTEMPTS):
                self._refresh_locked(uid, st)
                replay = self._replay(uid, st, req, digest, answer_key)
                if replay is not None:
                    return replay
                next_seq = st.head + 1
                results, applied = self._evaluate(st, req.device_id, records, missing_blobs, next_seq)
                response = PushResponse(results=_in_order(req, results, rejected),
                                        head=next_seq if applied else st.head, replayed=False)
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
                    self._apply_entry(uid, st, next_seq, entry)
                    COMMITS.inc()
                    self._count(results)
                    return response
                COMMIT_RETRIES.inc()  # another replica took this seq: re-read and re-check every record
            raise RuntimeError(f"could not commit after {MAX_COMMIT_ATTEMPTS} attempts")

    @staticmethod
    def _check(req: PushRequest) -> tuple[list[Record], dict[int, PushResult]]:
        """The valid records, and a ``rejected`` answer by position for each invalid one."""
        records: list[Record] = []
        rejected: dict[int, PushResult] = {}
        seen: set[str] = set()
        for n, raw in enumerate(req.changes):
            try:
                rec = check_record(raw)
            except InvalidRecord as err:
                # A field name may be hostile text too: keep the reason valid Unicode.
                reason = f"changes[{n}]: {err}".encode("utf-8", "backslashreplace").decode("utf-8")
                rejected[n] = PushResult(id=id_of(raw), status="rejected", reason=reason)
                continue
            if rec.id in seen:
                rejected[n] = PushResult(id=rec.id, status="rejected",
                                         reason=f"changes[{n}]: the push carries record {rec.id} twice")
                continue
            seen.add(rec.id)
            records.append(rec)
        return records, rejected

    @staticmethod
    def _answer_doc(digest: str, response: PushResponse) -> dict[str, Any]:
        return {"request_hash": digest, "response": response.model_dump(mode="json")}

    def _replay(self, uid: str, st: UserState, req: PushRequest, digest: str, answer_key: str) -> PushResponse | None:
        committed = st.answers.get((req.device_id, req.idempotency_key))
        try:
            doc = json.loads(self.store.get(keys.log_key(uid, committed[1]) if committed else answer_key))
        except NotFound:
            return None
        if doc["request_hash"] != digest:
            raise IdempotencyMismatch("idempotency_key was already used with a different request body")
        return PushResponse.model_validate({**doc["response"], "replayed": True})

    @staticmethod
    def _count(results: list[PushResult]) -> None:
        for r in results:
            PUSH_RECORDS.labels(r.status).inc()
            if r.status == "conflict":
                CONFLICTS.inc()


def _records_of(entry: dict[str, Any]) -> list[Any]:
    records = entry.get("records")
    return records if isinstance(records, list) else []


def _in_order(req: PushRequest, results: list[PushResult], rejected: dict[int, PushResult]) -> list[PushResult]:
    """Answers in the order of the pushed records."""
    valid = iter(results)
    return [rejected[n] if n in rejected else next(valid) for n in range(len(req.changes))]
