"""Library records (``app.core.library.SyncRecord``) to and from the records the protocol carries."""

from __future__ import annotations

import json
from typing import Any

from app.core import validate
from app.core.library import Quarantined, SyncRecord
from cloud_sync.checks import InvalidRecord
from cloud_sync.protocol import BlobRef, Record
from cloud_sync.records import check_record, id_of


def to_wire(rec: SyncRecord, device_id: str) -> Record:
    return Record(id=rec.id, base_rev=rec.base_rev or 0, device_id=device_id,
                  updated_at=repr(float(rec.updated_at or 0.0)), deleted=rec.deleted,
                  content_hash=rec.content_hash, payload=rec.payload or {},
                  files=[BlobRef.model_validate(f) for f in rec.files], conflict_of=rec.conflict_of)


def from_wire(rec: Any) -> SyncRecord:
    """A record from the server (or from a push request) as the library takes it.

    Pages and conflict answers carry records as stored (any JSON value): each is checked like a pushed record
    (:func:`~cloud_sync.records.check_record`) and its spec parsed fully (:func:`app.core.validate.payload`);
    :class:`~cloud_sync.checks.InvalidRecord` says why one cannot be applied (see :func:`quarantined`)."""
    if not isinstance(rec, Record):
        rec = check_record(rec)
        if not rec.deleted:
            try:
                validate.payload(rec.payload)
            except InvalidRecord as err:
                raise InvalidRecord(f"record {rec.id}", str(err)) from None
    try:
        updated = float(rec.updated_at)
    except ValueError:
        updated = 0.0
    return SyncRecord(id=rec.id, rev=rec.rev, base_rev=rec.base_rev, device_id=rec.device_id or "",
                      updated_at=updated, deleted=rec.deleted, content_hash=rec.content_hash,
                      payload=None if rec.deleted else dict(rec.payload),
                      files=[f.model_dump() for f in rec.files], conflict_of=rec.conflict_of)


def checked(raws: list[Any]) -> tuple[list[SyncRecord], list[Quarantined]]:
    """The records (as received) this library can apply, and the others as quarantine entries with why."""
    good: list[SyncRecord] = []
    bad: list[Quarantined] = []
    for raw in raws:
        try:
            good.append(from_wire(raw))
        except InvalidRecord as err:
            bad.append(quarantined(raw, str(err)))
    return good, bad


def quarantined(raw: Any, reason: str) -> Quarantined:
    """A record this library cannot apply, kept aside with why (the reason made printable)."""
    rev = raw.get("rev") if isinstance(raw, dict) else None
    return Quarantined(record_id=id_of(raw), rev=rev if isinstance(rev, int) and not isinstance(rev, bool) else None,
                       reason=printable(reason)[:2000], record=json.dumps(raw, ensure_ascii=True, default=str))


def printable(text: str) -> str:
    """Shown in a terminal and the app: control characters (a hostile field name could hold escape codes) are
    written as escapes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
