"""The state the sync client builds on: device id, dirty flags, tombstones, merge base, cursor."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.core.library import Library, LibraryError, SyncRecord
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
    assert lib.mark_pushed(item.id, 7, record.content_hash)
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
        assert lib.mark_pushed(item.id, rev, dirty.content_hash)
        assert lib.dirty_items() == []


def test_an_edit_during_a_push_stays_dirty(lib: Library) -> None:
    item = lib.add(QrSpec.text("x"))
    [in_flight] = lib.dirty_items()
    lib.rename(item.id, "edited while pushing")
    assert not lib.mark_pushed(item.id, 3, in_flight.content_hash)
    [still] = lib.dirty_items()
    assert still.payload["name"] == "edited while pushing" and still.base_rev == 3


def test_identical_content_has_identical_hash(lib: Library) -> None:
    a = lib.add(QrSpec.text("same"), name="n", tags=["b", "a"])
    b = lib.add(QrSpec.text("same"), name="n", tags=["a", "b"])
    assert a.content_hash == b.content_hash
    assert lib.rename(b.id, "other").content_hash != a.content_hash


def test_deleting_a_synced_item_keeps_a_tombstone_until_pushed(lib: Library) -> None:
    synced, local_only = lib.add(QrSpec.text("s")), lib.add(QrSpec.text("l"))
    lib.mark_pushed(synced.id, 1, lib.local_record(synced.id).content_hash)
    lib.trash([synced.id, local_only.id])
    lib.empty_trash()
    [tomb] = lib.dirty_items()  # the never-synced item is simply gone
    assert tomb.id == synced.id and tomb.deleted and tomb.payload is None and tomb.base_rev == 1
    assert lib.count() == 0 and lib.count(trashed=True) == 0
    assert lib.local_record(synced.id) == tomb and lib.local_record(local_only.id) is None
    lib.mark_pushed(synced.id, 2, tomb.content_hash)
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
