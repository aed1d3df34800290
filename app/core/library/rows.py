"""How an item is stored: its row in ``items``, its tags, files and full-text entry, and the record it syncs as.

Every write keeps the four tables and ``content_hash`` in step; callers run these inside a transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import replace

from app.core.errors import QrDeskError
from app.core.library.database import Database
from app.core.library.errors import LibraryError
from app.core.library.logos import local_spec, portable_spec
from app.core.library.models import Item, ItemFile, SyncRecord, content_hash, make_payload
from app.core.library.paths import FILES_DIR
from app.core.library.search import body_text
from app.core.library.store import FileStore
from app.core.payloads import item_name
from app.core.spec import QrSpec

ITEM_COLUMNS = ("pk, id, name, kind, spec, tags, notes, created_at, updated_at, trashed_at, rev, base_rev, dirty, "
                "device_id, content_hash, conflict_of")
LIVE = "items.deleted = 0 AND items.trashed_at IS NULL"
TRASH = "items.deleted = 0 AND items.trashed_at IS NOT NULL"


def load_items(db: Database, rows: Sequence[sqlite3.Row]) -> list[Item]:
    """Items from ``items`` rows (selected as :data:`ITEM_COLUMNS`), with their files (a logo as a path of
    this library's file store, see :mod:`.logos`)."""
    store = FileStore(db.folder / FILES_DIR)
    pks = [r["pk"] for r in rows]
    files: dict[int, list[ItemFile]] = {}
    if pks:
        marks = ",".join("?" * len(pks))
        for f in db.read(f"SELECT item_pk, kind, sha256, size FROM item_files WHERE item_pk IN ({marks}) "
                         "ORDER BY kind, sha256", pks):
            files.setdefault(f[0], []).append(ItemFile(f[1], f[2], f[3]))
    items = []
    for r in rows:
        try:
            spec = local_spec(QrSpec.from_json(r["spec"]), store)
        except QrDeskError as exc:
            raise LibraryError(f"item {r['id']} holds an invalid spec ({exc})") from None
        items.append(Item(id=r["id"], name=r["name"], spec=spec, tags=tuple(json.loads(r["tags"])),
                          notes=r["notes"], created_at=r["created_at"], updated_at=r["updated_at"],
                          trashed_at=r["trashed_at"], files=tuple(files.get(r["pk"], ())), rev=r["rev"],
                          base_rev=r["base_rev"], dirty=bool(r["dirty"]), device_id=r["device_id"],
                          content_hash=r["content_hash"], conflict_of=r["conflict_of"]))
    return items


def to_record(item: Item) -> SyncRecord:
    """The item as the sync protocol carries it, with its content hash."""
    payload = make_payload(portable_spec(item.spec), item.name, item.tags, item.notes, item.trashed)
    files = [f.to_dict() for f in item.files]
    return SyncRecord(id=item.id, rev=item.rev, base_rev=item.base_rev, device_id=item.device_id,
                      updated_at=item.updated_at, deleted=False, content_hash=content_hash(payload, files),
                      payload=payload, files=files, conflict_of=item.conflict_of)


def row_record(db: Database, row: sqlite3.Row) -> SyncRecord:
    """The record of a row selected as :data:`ITEM_COLUMNS` plus ``deleted`` (tombstones included)."""
    if row["deleted"]:
        return SyncRecord(id=row["id"], rev=row["rev"], base_rev=row["base_rev"], device_id=row["device_id"],
                          updated_at=row["updated_at"], deleted=True, content_hash=row["content_hash"],
                          payload=None, conflict_of=row["conflict_of"])
    return to_record(load_items(db, [row])[0])


def insert(conn: sqlite3.Connection, item: Item, device_id: str, base_payload: str | None = None) -> None:
    """Store a new item (``device_id`` stamps it unless the item names the device that made it)."""
    record = to_record(item)
    cur = conn.execute(
        "INSERT INTO items (id, name, kind, spec, tags, notes, created_at, updated_at, trashed_at, rev, base_rev, "
        "dirty, device_id, content_hash, base_payload, conflict_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (item.id, item.name, item.spec.kind, portable_spec(item.spec).to_json(),
         json.dumps(list(item.tags), ensure_ascii=False), item.notes, item.created_at, item.updated_at,
         item.trashed_at, item.rev, item.base_rev, int(item.dirty), item.device_id or device_id, record.content_hash,
         base_payload, item.conflict_of))
    _index(conn, cur.lastrowid, item)


def write_local(conn: sqlite3.Connection, item: Item, device_id: str) -> None:
    """Store a local edit: dirty, stamped with this device and the time, hash recomputed."""
    item = replace(item, updated_at=max(time.time(), item.updated_at), device_id=device_id)
    record = to_record(item)
    pk = conn.execute("SELECT pk FROM items WHERE id = ?", (item.id,)).fetchone()[0]
    conn.execute(
        "UPDATE items SET name = ?, kind = ?, spec = ?, tags = ?, notes = ?, updated_at = ?, trashed_at = ?, "
        "dirty = 1, device_id = ?, content_hash = ? WHERE pk = ?",
        (item.name, item.spec.kind, portable_spec(item.spec).to_json(), json.dumps(list(item.tags), ensure_ascii=False),
         item.notes, item.updated_at, item.trashed_at, device_id, record.content_hash, pk))
    conn.execute("DELETE FROM items_fts WHERE rowid = ?", (pk,))
    _index(conn, pk, item)


def write_tombstone(conn: sqlite3.Connection, item_id: str, device_id: str) -> None:
    """Replace a synced item by a tombstone, kept (dirty) until the server has the deletion."""
    pk = conn.execute("SELECT pk FROM items WHERE id = ?", (item_id,)).fetchone()[0]
    conn.execute("DELETE FROM items_fts WHERE rowid = ?", (pk,))
    conn.execute("DELETE FROM item_tags WHERE item_pk = ?", (pk,))
    conn.execute("DELETE FROM item_files WHERE item_pk = ?", (pk,))
    conn.execute("UPDATE items SET deleted = 1, dirty = 1, updated_at = ?, device_id = ?, content_hash = ? "
                 "WHERE pk = ?", (time.time(), device_id, content_hash(None, []), pk))


def delete(conn: sqlite3.Connection, pk: int) -> None:
    """Remove an item's row for good (its tags and files go with it; the full-text entry is removed here)."""
    conn.execute("DELETE FROM items_fts WHERE rowid = ?", (pk,))
    conn.execute("DELETE FROM items WHERE pk = ?", (pk,))


def clean_name(name: object) -> str:
    return " ".join(str(name or "").split())[:200]


def default_name(spec: QrSpec) -> str:
    """The name of an item given none: what its payload means, never a secret (see app.core.payloads.naming)."""
    return clean_name(item_name(spec.kind, spec.fields))


def _index(conn: sqlite3.Connection, pk: int | None, item: Item) -> None:
    conn.execute("DELETE FROM item_tags WHERE item_pk = ?", (pk,))
    conn.executemany("INSERT OR IGNORE INTO item_tags (item_pk, tag) VALUES (?, ?)", [(pk, t) for t in item.tags])
    conn.execute("DELETE FROM item_files WHERE item_pk = ?", (pk,))
    conn.executemany("INSERT OR IGNORE INTO item_files (item_pk, kind, sha256, size) VALUES (?, ?, ?, ?)",
                     [(pk, f.kind, f.sha256, f.size) for f in item.files])
    # Trashed items stay indexed: the trash view is searchable too.
    conn.execute("INSERT INTO items_fts (rowid, name, tags, notes, body) VALUES (?, ?, ?, ?, ?)",
                 (pk, item.name, " ".join(item.tags), item.notes, body_text(item.spec.kind, item.spec.fields)))
