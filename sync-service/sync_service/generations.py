"""Failover generations: which store is the commit point, and how a library's log continues after a switch.

Generation 0 is the start: S3 commits, Azure holds copies. `sync-service promote-replica` starts generation n+1
with Azure as the commit point, `sync-service fail-back` the next one with S3 again. A generation is an immutable
document `_system/primary/{n:010d}.json` (created create-only, so two operators cannot both start n+1) plus a
pointer `_system/generation.json` that every pod reads in its health check.

Logs are immutable and both stores keep every object, so after a switch the two stores may hold different entries
for the same seq range: entries committed on S3 that never reached Azure before S3 was lost ("orphans"). To keep
every acknowledged write without ever overwriting an object, each generation commits in its own seq range
(`segment_start`), and a library's first entry in a new generation (its *genesis*) records:

- `chain`: the seq intervals of the older generations that make up the library's state (what the new commit
  point could read contiguously when it took over), and
- `merged`: orphan entries found outside the chain whose records were merged into the genesis, so nothing an
  older generation acknowledged is lost (conflicts become conflict copies, as the desktop client does).

Revs stay unique across generations (a stale client's base_rev can never match a newer generation's rev by
accident), and the library's epoch goes up by one, so clients resync once (keeping their local-only items).
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from cloud_sync.protocol import Record

STRIDE = 10**12
CONTROL_PREFIX = "_system/primary/"
POINTER_KEY = "_system/generation.json"
FAILOVER_DEVICE = "_failover"
STORES = ("s3", "azure")
# Namespace of the deterministic ids given to conflict copies made while merging orphans (reruns make the same).
_CONFLICT_NS = uuid.UUID("6f1b8e3a-51c0-4d8e-9a55-3f0c2b7d9e11")


@dataclass(frozen=True)
class Generation:
    number: int
    primary: str
    # When the switch was made (wall clock): writes wait until every pod can have seen it (settle time).
    at: float = field(default=0.0, compare=False)

    def doc(self, reason: str = "") -> bytes:
        return json.dumps({"generation": self.number, "primary": self.primary, "at": self.at,
                           "reason": reason}, sort_keys=True).encode()

    @classmethod
    def parse(cls, raw: bytes) -> Generation:
        doc = json.loads(raw)
        number, primary = doc["generation"], doc["primary"]
        if not isinstance(number, int) or number < 0 or primary not in STORES:
            raise ValueError(f"malformed generation document: {doc!r}")
        return cls(number, primary, float(doc.get("at", 0.0)))


INITIAL = Generation(0, "s3")


def control_key(number: int) -> str:
    return f"{CONTROL_PREFIX}{number:010d}.json"


def segment_start(generation: int) -> int:
    """First seq of a generation's log segment (generation 0 keeps the original numbering from 1)."""
    return generation * STRIDE + 1 if generation else 1


def generation_of(seq: int) -> int:
    return (seq - 1) // STRIDE


def in_chain(seq: int, chain: list[list[int]]) -> bool:
    return any(first <= seq <= last for first, last in chain)


def _same_content(a: Record, b: Record) -> bool:
    return bool(a.content_hash) and a.content_hash == b.content_hash and a.deleted == b.deleted


def merge_orphans(state: dict[str, Record], orphans: list[tuple[int, list[Record]]], rev: int) -> list[Record]:
    """Records to commit in a genesis entry so every orphan write survives.

    `state` is the library as the chain builds it; `orphans` are (seq, records) in seq order. An orphan whose base
    is still current applies; identical content is nothing to do; an edit beats a delete either way; when both
    sides changed a record, the chain's version stays and the orphan becomes a conflict copy (`conflict_of`).
    """
    current = dict(state)
    orphan_rev: dict[str, int] = {}  # record id -> seq of the last orphan applied in this merge
    out: dict[str, Record] = {}
    for seq, records in orphans:
        for rec in records:
            cur = current.get(rec.id)
            based_on_current = cur is None or rec.base_rev in (cur.rev, orphan_rev.get(rec.id))
            if cur is not None and _same_content(cur, rec):
                continue
            if cur is None and rec.deleted:
                continue
            if based_on_current or cur is None or (cur.deleted and not rec.deleted):
                merged = rec.model_copy(update={"rev": rev})
                current[rec.id], out[rec.id], orphan_rev[rec.id] = merged, merged, seq
            elif rec.deleted:
                continue  # an edit beats a delete: keep the chain's version
            else:
                copy_id = str(uuid.uuid5(_CONFLICT_NS, f"{rec.id}:{seq}"))
                out[copy_id] = rec.model_copy(update={"id": copy_id, "rev": rev, "base_rev": 0, "conflict_of": rec.id})
    return list(out.values())


def genesis_entry(generation: int, chain: list[list[int]], merged: list[int], records: list[Record]) -> dict[str, Any]:
    seq = segment_start(generation)
    return {
        "seq": seq,
        "device_id": FAILOVER_DEVICE,
        "idempotency_key": f"generation-{generation}",
        "request_hash": "",
        "server_ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "server_ts_epoch": time.time(),
        "records": [r.model_dump(mode="json") for r in records],
        "response": {"results": [], "head": seq},
        "genesis": {"generation": generation, "chain": chain, "merged": merged},
    }
