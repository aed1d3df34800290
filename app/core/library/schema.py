"""SQLite schema, migrations and connections of the library.

The schema version lives in ``PRAGMA user_version``; :data:`MIGRATIONS` lists the steps from each
version to the next and every step runs in the same transaction as the version bump, so an interrupted
upgrade leaves the old version intact. WAL journaling keeps readers (GUI, CLI ``--read-only``) working
while one writer commits, and makes a commit durable without rewriting the main file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.core.library.errors import LibraryError

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- pk is an explicit INTEGER PRIMARY KEY so VACUUM never renumbers the rows the FTS index points at.
CREATE TABLE items (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,          -- UUID, stable across devices
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    spec         TEXT NOT NULL,                 -- QrSpec JSON
    tags         TEXT NOT NULL DEFAULT '[]',    -- JSON list, sorted
    notes        TEXT NOT NULL DEFAULT '',
    created_at   REAL NOT NULL,
    updated_at   REAL NOT NULL,
    trashed_at   REAL,                          -- in the trash since (NULL: not trashed)
    deleted      INTEGER NOT NULL DEFAULT 0,    -- tombstone: gone for good, kept until the server knows
    rev          INTEGER,                       -- server seq of the last synced version (NULL: never synced)
    base_rev     INTEGER,                       -- rev this local version was based on
    dirty        INTEGER NOT NULL DEFAULT 1,    -- changed locally since the last push
    device_id    TEXT NOT NULL,                 -- device that made this version
    content_hash TEXT NOT NULL,
    base_payload TEXT,                          -- last synced payload JSON, the base of a three-way merge
    conflict_of  TEXT                           -- id of the item this is a conflict copy of
);
CREATE INDEX items_live_updated ON items(updated_at) WHERE deleted = 0 AND trashed_at IS NULL;
CREATE INDEX items_live_created ON items(created_at) WHERE deleted = 0 AND trashed_at IS NULL;
CREATE INDEX items_live_name ON items(name COLLATE NOCASE) WHERE deleted = 0 AND trashed_at IS NULL;
CREATE INDEX items_trash ON items(trashed_at) WHERE deleted = 0 AND trashed_at IS NOT NULL;
CREATE INDEX items_kind ON items(kind, updated_at);
CREATE INDEX items_dirty ON items(dirty) WHERE dirty = 1;

-- Columns in primary-key order: SQLite 3.40's quick_check misreports NULLs in WITHOUT ROWID tables otherwise.
CREATE TABLE item_tags (
    tag     TEXT NOT NULL COLLATE NOCASE,
    item_pk INTEGER NOT NULL REFERENCES items(pk) ON DELETE CASCADE,
    PRIMARY KEY (tag, item_pk)
) WITHOUT ROWID;
CREATE INDEX item_tags_item ON item_tags(item_pk);

CREATE TABLE item_files (
    item_pk INTEGER NOT NULL REFERENCES items(pk) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    size    INTEGER NOT NULL,
    PRIMARY KEY (item_pk, kind, sha256)
) WITHOUT ROWID;
CREATE INDEX item_files_sha ON item_files(sha256);

-- rowid = items.pk; body holds the kind and the field values.
-- prefix indexes: the search box matches every word as a prefix while the user types.
CREATE VIRTUAL TABLE items_fts USING fts5(name, tags, notes, body, tokenize = 'unicode61 remove_diacritics 2',
                                          prefix = '2 3');

-- One row: where the sync client is in the server's log. Saved in the same transaction as the changes.
CREATE TABLE sync_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    library_id TEXT,
    epoch      INTEGER,
    cursor     TEXT,
    updated_at REAL
);
INSERT INTO sync_state (id) VALUES (1);
"""

Migration = Callable[[sqlite3.Connection], None]


def _run_statements(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the migration's transaction first; run statement by statement instead.
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _to_v1(conn: sqlite3.Connection) -> None:
    _run_statements(conn, SCHEMA_V1)


# The push request the sync client is sending (at most one): stored before it is sent, removed in the
# transaction that records its answer, so a lost answer is retried with the same idempotency key.
SYNC_OUTBOX = "CREATE TABLE sync_outbox (id INTEGER PRIMARY KEY CHECK (id = 1), request TEXT NOT NULL)"


def _to_v2(conn: sqlite3.Connection) -> None:
    conn.execute(SYNC_OUTBOX)
    # Before version 2 the sync client kept its own table here; a push it left in flight is carried over.
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cloud_sync_outbox'").fetchone():
        conn.execute("INSERT INTO sync_outbox (id, request) SELECT id, request FROM cloud_sync_outbox")
        conn.execute("DROP TABLE cloud_sync_outbox")


# Records pulled from the server that this client could not apply, one row per item (its newest such
# version), with why: listed by `qrdesk sync --status` and the app; a later version that applies clears it.
SYNC_QUARANTINE = """CREATE TABLE sync_quarantine (
    key            TEXT PRIMARY KEY,   -- the record's id, or 'sha256:' + the hash of the record when it has none
    record_id      TEXT NOT NULL,      -- '' when the record has no valid id
    rev            INTEGER,            -- the server's rev, when the record says
    reason         TEXT NOT NULL,
    record         TEXT NOT NULL,      -- the record as the server sent it (JSON, ASCII-escaped)
    quarantined_at REAL NOT NULL
)"""


def _to_v3(conn: sqlite3.Connection) -> None:
    conn.execute(SYNC_QUARANTINE)


# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: list[Migration] = [_to_v1, _to_v2, _to_v3]
SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open the database file with the pragmas the library relies on (autocommit; we BEGIN ourselves)."""
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit the user saw succeed survives a power cut too, not only a process crash.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`; returns the version found before."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise LibraryError(
            f"this library was written by a newer QRDesk (schema {found}, this version knows {SCHEMA_VERSION}); "
            "update QRDesk to open it"
        )
    for version in range(found, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found


def quick_check(conn: sqlite3.Connection) -> str | None:
    """None when the database is sound, else SQLite's first complaint."""
    row = conn.execute("PRAGMA quick_check(1)").fetchone()
    return None if row[0] == "ok" else str(row[0])
