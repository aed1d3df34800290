"""The local library: every code the user keeps, in one SQLite file with its files beside it.

Layout of a library folder::

    library.db (+ -wal, -shm)   items, tags, files, full-text index, sync state (see schema.py)
    library.lock                 held by the one process that may write (see locking.py)
    files/sha256/ab/abcdef...    exports and logos, content-addressed (see store.py)
    backups/library-*.db         automatic backups, the recovery path for a damaged database (see backups.py)

:class:`Library` is the one public surface. It keeps the items API here and hands the other jobs to their
modules: ``query`` (search pages), ``sync_state`` (what the sync client reads and writes), ``backups``;
``rows`` maps items to tables and ``database`` owns the connection and its transactions.

Every change is one SQLite transaction that also marks the item dirty, bumps ``updated_at``, stamps this
device's id and recomputes ``content_hash``, which is all the sync client needs to find what to push.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.core import validate
from app.core.library import backups, rows, schema, sync_state
from app.core.library.database import Database, corrupt_error, is_corruption
from app.core.library.errors import ItemNotFoundError, LibraryCorruptError, LibraryError
from app.core.library.locking import WriterLock
from app.core.library.logos import adopt_logo
from app.core.library.models import (
    Item,
    ItemFile,
    Page,
    Quarantined,
    SortKey,
    SyncPosition,
    SyncRecord,
    clean_tags,
)
from app.core.library.paths import DB_NAME, FILES_DIR
from app.core.library.query import count_items, list_page, tag_counts, tag_names
from app.core.library.store import FileStore
from app.core.spec import QrSpec

# Aliases for annotations inside the class, where ``list`` names the method.
TagCounts = list[tuple[str, int]]
TagNames = list[str]  # an alias: inside the class, ``list`` is Library.list
SyncRecords = list[SyncRecord]
QuarantinedRecords = list[Quarantined]


class Library:
    """A library folder opened for reading and (unless ``read_only``) writing. Use :meth:`open`."""

    def __init__(self, folder: Path, conn: sqlite3.Connection, lock: WriterLock | None, read_only: bool) -> None:
        self.folder = folder
        self.read_only = read_only
        self.files = FileStore(folder / FILES_DIR)
        self._db = Database(folder, conn, read_only=read_only)
        self._lock = lock
        self.device_id: str = self._db.meta("device_id") or ""

    # ----------------------------------------------------------------------------------------------- opening

    @classmethod
    def open(cls, folder: str | Path, *, read_only: bool = False, lock_timeout: float = 0.0) -> Library:
        """Open (creating if needed) the library in ``folder``.

        Raises :class:`LibraryLockedError` when another instance writes to it (``read_only=True`` still works
        then) and :class:`LibraryCorruptError` when the database is damaged (see :func:`restore_backup`).
        """
        folder = Path(folder).expanduser()
        path = folder / DB_NAME
        if read_only:
            if not path.is_file():
                raise LibraryError(f"there is no library at {folder} (no {DB_NAME})")
            return cls._connect(folder, None, read_only=True)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the library folder {folder}: {exc.strerror or exc}") from None
        lock = WriterLock(folder)
        lock.acquire(lock_timeout)
        try:
            return cls._connect(folder, lock, read_only=False)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _connect(cls, folder: Path, lock: WriterLock | None, *, read_only: bool) -> Library:
        path = folder / DB_NAME
        conn: sqlite3.Connection | None = None
        try:
            conn = schema.connect(path, read_only=read_only)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if read_only:
                if version != schema.SCHEMA_VERSION:
                    raise LibraryError(f"the library at {folder} needs an upgrade; open it once without --read-only")
            else:
                if 0 < version < schema.SCHEMA_VERSION:
                    backups.take_backup(conn, folder, reason="pre-upgrade")
                schema.migrate(conn)
                if conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone() is None:
                    with suppress(sqlite3.IntegrityError):
                        conn.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?), ('library_uid', ?)",
                                     (str(uuid.uuid4()), str(uuid.uuid4())))
            # Touch the tables a page load reads, so a damaged file is reported here, not mid-session.
            conn.execute("SELECT count(*) FROM meta").fetchone()
            conn.execute(f"SELECT {rows.ITEM_COLUMNS} FROM items ORDER BY pk DESC LIMIT 1").fetchone()
            return cls(folder, conn, lock, read_only)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.OperationalError) and not is_corruption(exc):
                raise LibraryError(f"cannot open the library at {folder}: {exc}") from None
            raise corrupt_error(folder, exc) from None

    def close(self) -> None:
        """Close the database (taking an automatic backup if due) and release the writer lock."""
        with self._db.mutex:
            if self._db.closed:
                return
            try:
                if not self.read_only and self._db.changed and backups.backup_due(self.folder):
                    # A failed backup must not turn closing into an error; the previous backups stay.
                    with suppress(sqlite3.Error, OSError, LibraryCorruptError):
                        self.backup_now()
            finally:
                self._db.close()
                if self._lock is not None:
                    self._lock.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup_now(self) -> Path:
        """Copy the database (consistently, while open) into ``backups/``; keeps the newest few."""
        return backups.take_backup(self._db.conn, self.folder, reason="auto")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of change; nested calls join the outer transaction.

        The sync client uses this to apply pulled records and save the cursor together, e.g.
        ``with lib.transaction(): lib.apply_remote(records); lib.save_cursor(...)``.
        """
        with self._db.transaction() as conn:
            yield conn

    # ----------------------------------------------------------------------------------------------- items

    def add(self, spec: QrSpec, name: str = "", tags: Iterable[str] = (), notes: str = "",
            files: Iterable[ItemFile] = (), *, item_id: str | None = None, created_at: float | None = None,
            updated_at: float | None = None, conflict_of: str | None = None, check: bool = True) -> Item:
        """Keep a new item; an empty name is made from what the payload means (never a secret).

        The spec must encode (:func:`app.core.encode.check_spec` raises the reason otherwise) and its logo
        is stored as the item's file (see :mod:`.logos`). ``check=False`` is for items that already exist
        elsewhere (a sync conflict copy, an archive), which are kept as they are rather than lost.
        ``item_id`` and the times are for imports, which keep an item's identity (a UUID, kept in lower case)
        and history;
        ``conflict_of`` marks a sync conflict copy of that item, so the user can review it.
        """
        if not isinstance(spec, QrSpec):
            raise LibraryError("an item needs a QrSpec")
        spec, refs = self._checked(spec, tuple(files), check)
        now = time.time()
        new_id = validate.item_id(item_id) if item_id else str(uuid.uuid4())
        item = Item(id=new_id, name=rows.clean_name(name) or rows.default_name(spec),
                    spec=spec, tags=_tags(tags, check), notes=str(notes or ""), created_at=created_at or now,
                    updated_at=updated_at or created_at or now,
                    files=refs, device_id=self.device_id, conflict_of=conflict_of)
        with self.transaction() as conn:
            rows.insert(conn, item, self.device_id)
        return self.get(item.id)

    def get(self, item_id: str) -> Item:
        """The item with this id (in the trash or not)."""
        found = self._db.read(f"SELECT {rows.ITEM_COLUMNS} FROM items WHERE id = ? AND deleted = 0", (item_id,))
        if not found:
            raise ItemNotFoundError(f"no item with id {item_id} in the library")
        return rows.load_items(self._db, found)[0]

    def resolve(self, id_or_prefix: str) -> Item:
        """An item by full id or an unambiguous id prefix (at least 4 characters), as the CLI shows them."""
        text = (id_or_prefix or "").strip().lower()
        if len(text) < 4:
            raise LibraryError(f"item id {id_or_prefix!r} is too short; give at least 4 characters")
        found = self._db.read(f"SELECT {rows.ITEM_COLUMNS} FROM items WHERE id >= ? AND id < ? AND deleted = 0 "
                              "LIMIT 2", (text, text + "\U0010ffff"))
        if not found:
            raise ItemNotFoundError(f"no item with id {id_or_prefix} in the library")
        if len(found) > 1:
            raise LibraryError(f"item id {id_or_prefix!r} is ambiguous; give more characters")
        return rows.load_items(self._db, found)[0]

    def update(self, item_id: str, *, name: str | None = None, tags: Iterable[str] | None = None,
               notes: str | None = None, spec: QrSpec | None = None, check: bool = True) -> Item:
        """Change any of name, tags, notes and spec in one step; a new spec is checked as :meth:`add` checks
        one (``check=False`` only for specs that come from elsewhere, e.g. a merged sync record)."""
        with self.transaction() as conn:
            item = self.get(item_id)
            files = item.files
            if spec is not None:
                spec, files = self._checked(spec, item.files, check)
            changed = replace(item, name=item.name if name is None else (rows.clean_name(name) or item.name),
                              tags=item.tags if tags is None else _tags(tags, check),
                              notes=item.notes if notes is None else str(notes),
                              spec=item.spec if spec is None else spec, files=files)
            rows.write_local(conn, changed, self.device_id)
        return self.get(item_id)

    def _checked(self, spec: QrSpec, files: tuple[ItemFile, ...], check: bool) -> tuple[QrSpec, tuple[ItemFile, ...]]:
        """The spec as stored (its logo a file of the item) and the item's files; raises why it cannot encode."""
        if check:
            from app.core.encode import check_spec  # NumPy and segno: reading a library needs neither

            check_spec(spec)
        return adopt_logo(spec, self.files, files, strict=check)

    def rename(self, item_id: str, name: str) -> Item:
        if not rows.clean_name(name):
            raise LibraryError("a name cannot be empty")
        return self.update(item_id, name=name)

    def retag(self, item_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Item:
        item = self.get(item_id)
        gone = {t.casefold() for t in remove}
        return self.update(item_id, tags=[t for t in item.tags if t.casefold() not in gone] + list(add))

    def duplicate(self, item_id: str) -> Item:
        item = self.get(item_id)
        return self.add(item.spec, f"{item.name} (copy)", item.tags, item.notes, item.files, check=False)

    def attach_file(self, item_id: str, kind: str, data: bytes) -> ItemFile:
        """Store ``data`` in the file store and list it on the item (same content is stored once)."""
        sha, size = self.files.put_bytes(data)
        ref = ItemFile(kind=kind, sha256=sha, size=size)
        with self.transaction() as conn:
            item = self.get(item_id)
            if ref not in item.files:
                rows.write_local(conn, replace(item, files=(*item.files, ref)), self.device_id)
        return ref

    def trash(self, item_ids: Iterable[str]) -> int:
        """Move items to the trash (they can be restored); returns how many moved."""
        return self._set_trashed(item_ids, time.time())

    def restore(self, item_ids: Iterable[str]) -> int:
        return self._set_trashed(item_ids, None)

    def _set_trashed(self, item_ids: Iterable[str], when: float | None) -> int:
        count = 0
        with self.transaction() as conn:
            for item_id in item_ids:
                item = self.get(item_id)
                if item.trashed != (when is not None):
                    rows.write_local(conn, replace(item, trashed_at=when), self.device_id)
                    count += 1
        return count

    def delete_forever(self, item_ids: Iterable[str]) -> int:
        """Delete items for good. A synced item leaves a tombstone until the server has it (see mark_pushed)."""
        count = 0
        with self.transaction() as conn:
            for item_id in item_ids:
                item = self.get(item_id)
                if item.rev is None:
                    conn.execute("DELETE FROM items_fts WHERE rowid = (SELECT pk FROM items WHERE id = ?)", (item_id,))
                    conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
                else:
                    rows.write_tombstone(conn, item_id, self.device_id)
                count += 1
        return count

    def empty_trash(self) -> int:
        ids = [str(r[0]) for r in self._db.read(f"SELECT id FROM items WHERE {rows.TRASH}")]
        return self.delete_forever(ids)

    # ----------------------------------------------------------------------------------------------- listing

    def list(self, query: str = "", *, kind: str | None = None, tag: str | None = None, trashed: bool = False,
             sort: SortKey = "updated", descending: bool | None = None, limit: int = 100, offset: int = 0) -> Page:
        """One page of items: full-text ``query`` over name, tags, notes and payload, filtered and sorted.

        ``descending`` defaults to newest first for dates and A→Z for names.
        """
        return list_page(self._db, query, kind=kind, tag=tag, trashed=trashed, sort=sort, descending=descending,
                         limit=limit, offset=offset)

    def count(self, query: str = "", *, kind: str | None = None, tag: str | None = None,
              trashed: bool = False) -> int:
        """Exactly how many items :meth:`list` with the same filters finds (a page's total stops counting a
        broad search at 1,000)."""
        return count_items(self._db, query, kind=kind, tag=tag, trashed=trashed)

    def tags(self) -> TagCounts:
        """Every tag in use by a live item, with how many items carry it."""
        return tag_counts(self._db)

    def tag_names(self) -> TagNames:
        """Every tag in use by a live item, as :meth:`tags` orders them, without the counts (fast on any size)."""
        return tag_names(self._db)

    def all_items(self, include_trash: bool = True) -> Iterator[Item]:
        """Every item, oldest first, in batches (for export)."""
        last = 0
        where = "deleted = 0" if include_trash else rows.LIVE.replace("items.", "")
        while True:
            found = self._db.read(f"SELECT {rows.ITEM_COLUMNS} FROM items WHERE {where} AND pk > ? ORDER BY pk "
                                  "LIMIT 500", (last,))
            if not found:
                return
            yield from rows.load_items(self._db, found)
            last = found[-1]["pk"]

    # ----------------------------------------------------------------------------------------------- sync API

    def sync_state(self) -> SyncPosition:
        """``{library_id, epoch, cursor}`` of the server log this library last pulled from (None if never)."""
        return sync_state.position(self._db)

    def save_cursor(self, library_id: str | None, epoch: int | None, cursor: str | None) -> None:
        """Store the pull position; call inside the transaction that applied the changes it covers."""
        sync_state.save_position(self._db, library_id, epoch, cursor)

    def is_dirty(self, item_id: str) -> bool:
        """Whether the item (or its tombstone) has local changes the server has not acknowledged."""
        return sync_state.is_dirty(self._db, item_id)

    def forget_sync_revisions(self) -> None:
        """Prepare a union resync with a server whose log our revisions do not refer to.

        Every item becomes a local change again (merge base kept), unsent deletions included: the merge
        keeps a deletion unless the server's copy was edited since the merge base. Call inside the
        transaction that also resets the cursor.
        """
        sync_state.forget_revisions(self._db)

    def dirty_items(self, limit: int = 500) -> SyncRecords:
        """Records changed locally since their last push (tombstones included), oldest change first."""
        return sync_state.dirty_records(self._db, limit)

    def mark_pushed(self, pushed: SyncRecord, rev: int) -> bool:
        """The server committed ``pushed`` (a record from :meth:`dirty_items`) at ``rev``.

        The pushed payload becomes the merge base and ``rev`` the base revision. When the item was edited
        again while the push was in flight (its hash differs) it stays dirty, rebased on what was pushed (see
        :meth:`rebase`); a pushed tombstone is removed for good. Returns whether the item is now clean.
        """
        return sync_state.mark_pushed(self._db, pushed, rev)

    def rebase(self, item_id: str, rev: int, base: dict[str, Any] | None) -> None:
        """Keep the local version of ``item_id`` as a change still to push, now based on the server's ``rev``,
        with ``base`` as the common ancestor of the next three-way merge."""
        sync_state.rebase(self._db, item_id, rev, base)

    def base_payload(self, item_id: str) -> dict[str, Any] | None:
        """The last synced payload of an item (the common ancestor for a three-way merge)."""
        return sync_state.base_payload(self._db, item_id)

    def local_record(self, item_id: str) -> SyncRecord | None:
        """The current local state of an item as a record (tombstones too); None when unknown here."""
        return sync_state.local_record(self._db, item_id)

    def apply_remote(self, records: Iterable[SyncRecord], cursor: tuple[str, int, str] | None = None) -> int:
        """Make local state equal to these server records and save ``cursor`` (library_id, epoch, cursor),
        all in one transaction: after a crash either both happened or neither.

        The records are taken as they are (the engine merges before calling this): each becomes clean with
        ``rev == base_rev == record.rev`` and its payload as the merge base; a tombstone removes the item.
        Returns how many records were applied.
        """
        return sync_state.apply_remote(self._db, self.device_id, records, cursor)

    def quarantine(self, entries: Iterable[Quarantined]) -> None:
        """Set aside server records this client cannot apply, with why; one entry per item (the newest). Call
        inside the transaction that saves the cursor past them, so the sync moves on and nothing is lost."""
        sync_state.quarantine(self._db, entries)

    def quarantined(self) -> QuarantinedRecords:
        """The server records set aside (oldest first); a later version of the item that applies clears one."""
        return sync_state.quarantined(self._db)

    def outbox_put(self, request: dict[str, Any]) -> None:
        """Store the push request about to be sent (JSON; one at a time) so that, if its answer is lost,
        the next sync sends it again with the same idempotency key."""
        sync_state.outbox_put(self._db, request)

    def outbox_get(self) -> dict[str, Any] | None:
        """The push request in flight, if its answer was never recorded."""
        return sync_state.outbox_get(self._db)

    def outbox_clear(self) -> None:
        """Forget the push request in flight; call inside the transaction that records its answer."""
        sync_state.outbox_clear(self._db)


def _tags(tags: Iterable[str] | None, check: bool) -> tuple[str, ...]:
    """Cleaned tags; checked (``check``) against what the sync protocol carries (at most 200 tags of at most
    200 characters), so a tag list the user types never makes an item the server would refuse."""
    cleaned = clean_tags(tags)
    if check:
        try:
            validate.tags(list(cleaned), "tags")
        except validate.InvalidRecord as err:
            raise LibraryError(str(err)) from None
    return cleaned
