"""The state the sync client builds on: device id, dirty flags, tombstones, merge base, cursor."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.library import Library, LibraryError, SyncRecord, list_backups, schema
from app.core.spec import QrSpec


def test_device_id_is_stable_and_stamped_on_local_changes(lib_dir: Path) -> None:
    with Library.open(lib_dir) as lib:
        device = lib.device_id
        item = lib.add(QrSpec.text("x"))
    with Library.open(lib_dir) as lib:
        assert lib.device_id == device and len(device) == 36
        assert lib.get(item.id).device_id == device


def test_every_local_change_sets_dirty_and_mark_pushed_clears_it(lib: Library) -> None:
    item = lib.add(QrSpec.text("x"), name="n")
    [record] = lib.dirty_items()
    assert record.id == item.id and record.payload["name"] == "n" and record.rev is None
    assert lib.mark_pushed(record, 7)
    assert lib.dirty_items() == []
    again = lib.get(item.id)
    assert (again.rev, again.base_rev, again.dirty) == (7, 7, False)
    assert lib.base_payload(item.id) == record.payload
    for rev, change in enumerate((lambda: lib.rename(item.id, "m"), lambda: lib.retag(item.id, add=["t"]),
                   lambda: lib.trash([item.id]), lambda: lib.restore([item.id]),
                   lambda: lib.attach_file(item.id, "logo", b"logo")), start=8):
        change()
        [dirty] = lib.dirty_items()
        assert dirty.base_rev == rev - 1
        assert lib.mark_pushed(dirty, rev)
        assert lib.dirty_items() == []


def test_an_edit_during_a_push_stays_dirty_based_on_what_was_pushed(lib: Library) -> None:
    item = lib.add(QrSpec.text("x"), name="pushed")
    [in_flight] = lib.dirty_items()
    lib.rename(item.id, "edited while pushing")
    assert not lib.mark_pushed(in_flight, 3)
    [still] = lib.dirty_items()
    assert still.payload["name"] == "edited while pushing" and still.base_rev == 3
    # The server holds the pushed version at rev 3: that is the common ancestor of the next merge.
    assert lib.base_payload(item.id) == in_flight.payload and lib.base_payload(item.id)["name"] == "pushed"


def test_rebase_keeps_the_local_version_to_push_on_the_given_base(lib: Library) -> None:
    item = lib.add(QrSpec.text("x"), name="mine")
    lib.mark_pushed(lib.local_record(item.id), 1)
    base = lib.base_payload(item.id)
    lib.rename(item.id, "mine, edited")
    lib.rebase(item.id, 9, base)
    [pending] = lib.dirty_items()
    assert (pending.payload["name"], pending.rev, pending.base_rev) == ("mine, edited", 9, 9)
    assert lib.base_payload(item.id) == base
    lib.rebase(item.id, 10, None)
    assert lib.base_payload(item.id) is None and lib.is_dirty(item.id)


def test_the_outbox_holds_one_push_request_across_reopening(lib_dir: Path) -> None:
    request = {"device_id": "d", "idempotency_key": "qd-1", "changes": [{"id": "x", "payload": {"name": "é"}}]}
    with Library.open(lib_dir) as lib:
        assert lib.outbox_get() is None
        lib.outbox_put(request)
        with pytest.raises(LibraryError, match="already in flight"):
            lib.outbox_put({**request, "idempotency_key": "qd-2"})
    with Library.open(lib_dir) as lib:
        assert lib.outbox_get() == request
        with pytest.raises(RuntimeError), lib.transaction():
            lib.outbox_clear()
            raise RuntimeError("the answer could not be recorded")
        assert lib.outbox_get() == request  # cleared only with the answer
        lib.outbox_clear()
        assert lib.outbox_get() is None


def test_upgrade_keeps_the_push_the_old_sync_client_left_in_flight(lib_dir: Path) -> None:
    lib_dir.mkdir()
    conn = sqlite3.connect(lib_dir / "library.db", isolation_level=None)
    schema.MIGRATIONS[0](conn)  # a library of schema version 1, as the previous release left it
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TABLE cloud_sync_outbox (id INTEGER PRIMARY KEY CHECK (id = 1), "
                 "request TEXT NOT NULL, hashes TEXT NOT NULL)")
    conn.execute("INSERT INTO cloud_sync_outbox VALUES (1, ?, '{}')", ('{"idempotency_key": "qd-old"}',))
    conn.close()
    with Library.open(lib_dir) as lib:
        assert lib.outbox_get() == {"idempotency_key": "qd-old"}
    conn = sqlite3.connect(lib_dir / "library.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "cloud_sync_outbox" not in tables and "sync_outbox" in tables
    assert list_backups(lib_dir)  # the upgrade took a backup first


def test_identical_content_has_identical_hash(lib: Library) -> None:
    a = lib.add(QrSpec.text("same"), name="n", tags=["b", "a"])
    b = lib.add(QrSpec.text("same"), name="n", tags=["a", "b"])
    assert a.content_hash == b.content_hash
    assert lib.rename(b.id, "other").content_hash != a.content_hash


def test_deleting_a_synced_item_keeps_a_tombstone_until_pushed(lib: Library) -> None:
    synced, local_only = lib.add(QrSpec.text("s")), lib.add(QrSpec.text("l"))
    lib.mark_pushed(lib.local_record(synced.id), 1)
    lib.trash([synced.id, local_only.id])
    lib.empty_trash()
    [tomb] = lib.dirty_items()  # the never-synced item is simply gone
    assert tomb.id == synced.id and tomb.deleted and tomb.payload is None and tomb.base_rev == 1
    assert lib.count() == 0 and lib.count(trashed=True) == 0
    assert lib.local_record(synced.id) == tomb and lib.local_record(local_only.id) is None
    lib.mark_pushed(tomb, 2)
    assert lib.dirty_items() == [] and lib.local_record(synced.id) is None


def test_apply_remote_and_cursor_commit_together(lib: Library) -> None:
    payload = {"spec": QrSpec.text("remote").to_dict(), "name": "R", "tags": ["x"], "notes": "", "trashed": False}
    rec = SyncRecord(id="0b7e6a1e-0000-4000-8000-000000000001", rev=5, base_rev=4, device_id="other",
                     updated_at=1700000000.0, deleted=False, content_hash="", payload=payload)
    assert lib.apply_remote([rec], ("lib-1", 1, "c5")) == 1
    item = lib.get(rec.id)
    assert (item.name, item.tags, item.rev, item.base_rev, item.dirty) == ("R", ("x",), 5, 5, False)
    assert lib.base_payload(rec.id) == payload and lib.dirty_items() == []
    assert lib.sync_state() == {"library_id": "lib-1", "epoch": 1, "cursor": "c5"}
    assert lib.list("remote").total == 1

    bad = replace(rec, id="0b7e6a1e-0000-4000-8000-000000000002", payload={"spec": "nonsense"})
    tomb = replace(rec, rev=6, deleted=True, payload=None)
    with pytest.raises(LibraryError, match=r"remote record .*0002 is invalid"):
        lib.apply_remote([tomb, bad], ("lib-1", 1, "c7"))
    # All or nothing: the tombstone before the bad record was rolled back with the cursor.
    assert lib.get(rec.id).rev == 5 and lib.sync_state()["cursor"] == "c5"
    lib.apply_remote([tomb], ("lib-1", 1, "c6"))
    assert lib.local_record(rec.id) is None and lib.sync_state()["cursor"] == "c6"


def test_transaction_groups_several_changes(lib: Library) -> None:
    with pytest.raises(RuntimeError), lib.transaction():
        lib.add(QrSpec.text("a"))
        lib.save_cursor("L", 1, "c1")
        raise RuntimeError("engine failed half-way")
    assert lib.count() == 0 and lib.sync_state()["cursor"] is None
