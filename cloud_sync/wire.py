"""Library records (``app.core.library.SyncRecord``) to and from the records the protocol carries."""

from __future__ import annotations

from typing import Any

from app.core.library import SyncRecord
from cloud_sync.protocol import BlobRef, Record
from cloud_sync.records import check_record


def to_wire(rec: SyncRecord, device_id: str) -> Record:
    return Record(id=rec.id, base_rev=rec.base_rev or 0, device_id=device_id,
                  updated_at=repr(float(rec.updated_at or 0.0)), deleted=rec.deleted,
                  content_hash=rec.content_hash, payload=rec.payload or {},
                  files=[BlobRef.model_validate(f) for f in rec.files], conflict_of=rec.conflict_of)


def from_wire(rec: Record | dict[str, Any]) -> SyncRecord:
    """A record from the server (or from a push request) as the library takes it; raises
    :class:`~app.core.validate.InvalidRecord` for a stored record that does not check."""
    if isinstance(rec, dict):  # pages and conflict answers carry records as stored: check each one
        rec = check_record(rec)
    try:
        updated = float(rec.updated_at)
    except ValueError:
        updated = 0.0
    return SyncRecord(id=rec.id, rev=rec.rev, base_rev=rec.base_rev, device_id=rec.device_id or "",
                      updated_at=updated, deleted=rec.deleted, content_hash=rec.content_hash,
                      payload=None if rec.deleted else dict(rec.payload),
                      files=[f.model_dump() for f in rec.files], conflict_of=rec.conflict_of)
