"""The merge rules on their own (docs/sync-protocol.md, "Merge rules")."""

from __future__ import annotations

from app.core.library import SyncRecord
from app.core.library.models import content_hash
from cloud_sync.merge import merge

BASE = {"spec": {"kind": "text", "fields": {"text": "a"}}, "name": "N", "tags": ["t1", "t2"], "notes": "",
        "trashed": False}


def rec(payload: dict | None, files: list | None = None, deleted: bool = False) -> SyncRecord:
    files = files or []
    return SyncRecord(id="x", rev=1, base_rev=1, device_id="d", updated_at=0.0, deleted=deleted,
                      content_hash=content_hash(None if deleted else payload, files),
                      payload=None if deleted else payload, files=files)


def test_identical_content_is_no_conflict() -> None:
    assert merge(BASE, rec({**BASE, "name": "M"}), rec({**BASE, "name": "M"})).outcome == "take_server"


def test_edit_beats_delete_both_ways() -> None:
    assert merge(BASE, rec(None, deleted=True), rec({**BASE, "name": "M"})).outcome == "take_server"
    assert merge(BASE, rec({**BASE, "name": "M"}), rec(None, deleted=True)).outcome == "keep_local"


def test_tags_merge_as_sets_and_name_from_the_side_that_changed_it() -> None:
    local = rec({**BASE, "tags": ["t1", "t2", "mine"]})
    server = rec({**BASE, "name": "Server name", "tags": ["t1"]})
    m = merge(BASE, local, server)
    assert m.outcome == "merged"
    assert m.payload["name"] == "Server name" and m.payload["tags"] == ["mine", "t1"]


def test_both_changed_the_code_makes_a_conflict_copy() -> None:
    local = rec({**BASE, "spec": {"kind": "text", "fields": {"text": "local"}}})
    server = rec({**BASE, "spec": {"kind": "text", "fields": {"text": "server"}}})
    assert merge(BASE, local, server).outcome == "conflict_copy"


def test_one_side_changed_the_code_the_other_the_name_merges_both() -> None:
    local = rec({**BASE, "spec": {"kind": "text", "fields": {"text": "local"}}})
    server = rec({**BASE, "name": "Renamed"})
    m = merge(BASE, local, server)
    assert m.outcome == "merged"
    assert m.payload["spec"]["fields"]["text"] == "local" and m.payload["name"] == "Renamed"


def test_files_are_united() -> None:
    f1 = {"kind": "export", "sha256": "1" * 64, "size": 1}
    f2 = {"kind": "logo", "sha256": "2" * 64, "size": 2}
    m = merge(BASE, rec(BASE, [f1]), rec(BASE, [f2]))
    assert m.outcome == "merged" and m.files == [f1, f2]


def test_without_a_common_base_different_content_is_kept_as_a_copy() -> None:
    assert merge(None, rec({**BASE, "name": "A"}), rec({**BASE, "name": "B"})).outcome == "conflict_copy"
