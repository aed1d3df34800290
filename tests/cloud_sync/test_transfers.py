"""What a sync sends and reads: blobs only when the server lacks them (one question per batch, never a HEAD per
blob), and the feed applied page by page with the mass-delete guard intact however long it is."""

from __future__ import annotations

import os

import pytest

from cloud_sync import pull
from cloud_sync.errors import MassDeleteError
from tests.cloud_sync.conftest import Server, two_machines
from tests.cloud_sync.faults import CountRequests
from tests.sync_service.helpers import ServiceProcess


def test_a_rename_or_tag_change_uploads_no_blob(machines) -> None:
    a, b = machines(2)
    items = [a.add(f"code {i}", name=f"Code {i}") for i in range(3)]
    for item in items:
        a.attach_png(item.id)
    a.transport = counted = CountRequests()
    first = a.sync()
    # One "which of these do you miss" question and one pack for the three PNGs: no HEAD, no PUT per blob.
    assert first.blobs_up == 3
    assert {k: v for k, v in counted.counts.items() if "blobs" in k[1]} == {
        ("POST", "/v1/blobs/missing"): 1, ("POST", "/v1/blobs/pack"): 1}

    a.lib.rename(items[0].id, "Renamed")
    a.lib.retag(items[1].id, add=["tagged"])
    counted.counts.clear()
    report = a.sync()
    assert report.pushed == 2 and report.blobs_up == 0
    assert not {k for k in counted.counts if k[0] in ("PUT", "HEAD") or k[1] == "/v1/blobs/pack"}

    # B downloads the three PNGs in one fetch, then edits an item whose PNG the server has: nothing to upload.
    b.transport = counted_b = CountRequests()
    assert b.sync().blobs_down == 3
    assert counted_b.counts[("POST", "/v1/blobs/fetch")] == 1 and ("GET", "/v1/blobs/*") not in counted_b.counts
    b.lib.update(items[2].id, notes="edited on B")
    counted_b.counts.clear()
    assert b.sync().blobs_up == 0 and ("POST", "/v1/blobs/pack") not in counted_b.counts


def test_a_long_feed_is_applied_page_by_page_and_the_guard_still_sees_all_of_it(machines, monkeypatch) -> None:
    monkeypatch.setattr(pull, "HELD_PAGES", 1)
    a, b = machines(2)
    items = [a.add(f"code {i}", name=f"code {i}") for i in range(12)]
    a.engine_kw = {"push_batch": 2}  # six log entries: a feed of six pages of two
    a.sync()
    b.engine_kw = {"pull_page": 2}
    b.transport = counted = CountRequests()
    assert b.sync().pulled == 12
    pages = counted.counts[("GET", "/v1/changes")]
    assert pages >= 2 * 6  # more pages than it may hold: read for the guard, then again to apply

    # The deletions are in the last pages: the guard counts them before the first page is applied.
    a.lib.rename(items[0].id, "renamed first")
    a.lib.delete_forever([i.id for i in items[1:]])
    a.sync()
    with pytest.raises(MassDeleteError):
        b.sync()
    assert b.lib.get(items[0].id).name == "code 0"  # nothing of that pull was applied
    assert b.sync(confirm_mass_delete=True).deleted == 11
    assert [i.name for i in b.lib.all_items()] == ["renamed first"]


def test_a_server_that_takes_smaller_bodies_than_a_pack_gets_the_blobs_one_by_one(tmp_path) -> None:
    data = tmp_path / "sync-data"
    data.mkdir()
    proc = ServiceProcess(tmp_path / "small.log", store="local", data_dir=str(data), max_blob_bytes="40000")
    a, b = two_machines(Server(proc, data), tmp_path)
    try:
        blobs = [os.urandom(30_000) for _ in range(3)]  # each fits the limit, a pack of them does not
        for i, blob in enumerate(blobs):
            a.lib.attach_file(a.add(f"big {i}").id, "export", blob)
        a.transport = counted = CountRequests()
        assert a.sync().blobs_up == 3
        assert counted.counts[("POST", "/v1/blobs/pack")] == 1 and counted.counts[("PUT", "/v1/blobs/*")] == 3
        assert b.sync().blobs_down == 3
        assert sorted(b.lib.files.read_bytes(f.sha256) for i in b.lib.all_items() for f in i.files) == sorted(blobs)
    finally:
        a.lib.close()
        b.lib.close()
        proc.stop()
