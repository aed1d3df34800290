"""The library's side of sync: pull position, local changes to push, merge bases, applying server records.

The sync client (``cloud_sync``) reaches this only through :class:`~app.core.library.Library`; every
operation here is one transaction, or joins the caller's (see ``Library.transaction``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable
from typing import Any

from app.core.errors import QrDeskError
from app.core.library import rows
from app.core.library.database import Database
from app.core.library.errors import LibraryError
from app.core.library.models import Item, ItemFile, Quarantined, SyncPosition, SyncRecord, clean_tags
from app.core.library.store import is_sha256
from app.core.spec import QrSpec

_RECORD_COLUMNS = f"{rows.ITEM_COLUMNS}, deleted"


def position(db: Database) -> SyncPosition:
    row = db.read("SELECT library_id, epoch, cursor FROM sync_state WHERE id = 1")[0]
    return SyncPosition(library_id=row[0], epoch=row[1], cursor=row[2])


def save_position(db: Database, library_id: str | None, epoch: int | None, cursor: str | None) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE sync_state SET library_id = ?, epoch = ?, cursor = ?, updated_at = ? WHERE id = 1",
                     (library_id, epoch, cursor, time.time()))


def is_dirty(db: Database, item_id: str) -> bool:
    found = db.read("SELECT dirty FROM items WHERE id = ?", (item_id,))
    return bool(found and found[0][0])


def forget_revisions(db: Database) -> None:
    # Tombstones stay: an unsent deletion is still the user's change (the merge base it keeps tells the merge
    # whether the server's copy was edited since).
    with db.transaction() as conn:
        conn.execute("UPDATE items SET dirty = 1, rev = NULL, base_rev = NULL")


def dirty_records(db: Database, limit: int) -> list[SyncRecord]:
    found = db.read(f"SELECT {_RECORD_COLUMNS} FROM items WHERE dirty = 1 ORDER BY updated_at, pk LIMIT ?",
                    (limit,))
    return [rows.row_record(db, row) for row in found]


def local_record(db: Database, item_id: str) -> SyncRecord | None:
    found = db.read(f"SELECT {_RECORD_COLUMNS} FROM items WHERE id = ?", (item_id,))
    return rows.row_record(db, found[0]) if found else None


def base_payload(db: Database, item_id: str) -> dict[str, Any] | None:
    found = db.read("SELECT base_payload FROM items WHERE id = ?", (item_id,))
    return _payload(found[0][0]) if found and found[0][0] else None


def mark_pushed(db: Database, pushed: SyncRecord, rev: int) -> bool:
    with db.transaction() as conn:
        row = conn.execute("SELECT pk, deleted, content_hash FROM items WHERE id = ?", (pushed.id,)).fetchone()
        if row is None:
            return True
        if row["content_hash"] != pushed.content_hash:
            # Edited again while the push was in flight: the edit waits for the next push, based on what the
            # server committed, which is also the common ancestor of any later merge.
            rebase(db, pushed.id, rev, pushed.payload)
            return False
        if row["deleted"]:
            conn.execute("DELETE FROM items WHERE pk = ?", (row["pk"],))
            return True
        conn.execute("UPDATE items SET rev = ?, base_rev = ?, dirty = 0, base_payload = ? WHERE pk = ?",
                     (rev, rev, _dump(pushed.payload), row["pk"]))
    return True


def rebase(db: Database, item_id: str, rev: int, base: dict[str, Any] | None) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE items SET rev = ?, base_rev = ?, base_payload = ?, dirty = 1 WHERE id = ?",
                     (rev, rev, _dump(base), item_id))


def quarantine(db: Database, entries: Iterable[Quarantined]) -> None:
    with db.transaction() as conn:
        for q in entries:
            key = q.record_id or "sha256:" + hashlib.sha256(q.record.encode("utf-8")).hexdigest()
            conn.execute("INSERT OR REPLACE INTO sync_quarantine (key, record_id, rev, reason, record, quarantined_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (key, q.record_id, q.rev, q.reason, q.record,
                                                       q.quarantined_at or time.time()))


def quarantined(db: Database) -> list[Quarantined]:
    found = db.read("SELECT record_id, rev, reason, record, quarantined_at FROM sync_quarantine "
                    "ORDER BY quarantined_at, key")
    return [Quarantined(r[0], r[1], r[2], r[3], r[4]) for r in found]


def outbox_put(db: Database, request: dict[str, Any]) -> None:
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM sync_outbox").fetchone():
            raise LibraryError("a push is already in flight; finish it (or clear the outbox) first")
        conn.execute("INSERT INTO sync_outbox (id, request) VALUES (1, ?)", (json.dumps(request),))


def outbox_get(db: Database) -> dict[str, Any] | None:
    found = db.read("SELECT request FROM sync_outbox WHERE id = 1")
    return _payload(found[0][0]) if found else None


def outbox_clear(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM sync_outbox")


def apply_remote(db: Database, device_id: str, records: Iterable[SyncRecord],
                 cursor: tuple[str, int, str] | None) -> int:
    count = 0
    with db.transaction() as conn:
        for rec in records:
            _apply_record(conn, device_id, rec)
            count += 1
        if cursor is not None:
            save_position(db, *cursor)
    return count


def _apply_record(conn: sqlite3.Connection, device_id: str, rec: SyncRecord) -> None:
    # A version that applies supersedes an older one this client had to set aside.
    conn.execute("DELETE FROM sync_quarantine WHERE record_id = ? AND (rev IS NULL OR rev <= ?)",
                 (rec.id, rec.rev or 0))
    row = conn.execute("SELECT pk, created_at FROM items WHERE id = ?", (rec.id,)).fetchone()
    created_at = row["created_at"] if row is not None else rec.updated_at
    if row is not None:
        rows.delete(conn, row["pk"])
    if rec.deleted or rec.payload is None:
        return
    try:
        payload = rec.payload
        spec = QrSpec.from_dict(payload.get("spec"))
        files = tuple(ItemFile.from_dict(f) for f in rec.files)
        if not all(is_sha256(f.sha256) for f in files):
            raise LibraryError("a file reference has no valid sha256")
        item = Item(id=rec.id, name=rows.clean_name(payload.get("name", "")) or rows.default_name(spec), spec=spec,
                    tags=clean_tags(payload.get("tags", ())), notes=str(payload.get("notes", "")),
                    created_at=created_at, updated_at=rec.updated_at,
                    trashed_at=rec.updated_at if payload.get("trashed") else None, files=files, rev=rec.rev,
                    base_rev=rec.rev, dirty=False, device_id=rec.device_id, conflict_of=rec.conflict_of)
    except (QrDeskError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LibraryError(f"remote record {rec.id} is invalid: {exc}") from None
    rows.insert(conn, item, device_id, base_payload=_dump(rec.payload))


def _dump(payload: dict[str, Any] | None) -> str | None:
    return None if payload is None else json.dumps(payload, ensure_ascii=False)


def _payload(text: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(text)
    return value
