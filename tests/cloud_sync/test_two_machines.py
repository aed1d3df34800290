"""Two library folders (two machines of one user) syncing through the real service over HTTP."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

from app.core.spec import QrSpec
from cloud_sync.engine import conflict_copies
from tests.cloud_sync.conftest import snapshot
from tests.cloud_sync.faults import AfterRequests


def _decode_file(lib, sha: str) -> str:
    image = Image.open(lib.files.path_of(sha))
    return zxingcpp.read_barcodes(image)[0].text


def test_offline_edits_on_both_machines_converge_with_every_edit_kept(machines) -> None:
    a, b = machines(2)
    shared = a.add("https://example.com/shared", name="Shared", tags=["work"])
    both_code = a.add("first code", name="Both edit code")
    doomed = a.add("to delete", name="Delete me")
    edit_vs_delete = a.add("edit beats delete", name="Edit vs delete")
    a.attach_png(shared.id)
    a.sync()
    b.sync()
    assert snapshot(a.lib) == snapshot(b.lib)
    assert _decode_file(b.lib, b.lib.get(shared.id).files[0].sha256) == "https://example.com/shared"

    # Offline on both: independent edits of one item merge; same code edited on both → conflict copy.
    a.lib.update(shared.id, name="Shared (renamed on A)", tags=["work", "from-a"])
    b.lib.retag(shared.id, add=["from-b"], remove=["work"])
    a.lib.update(both_code.id, spec=a.lib.get(both_code.id).spec.__class__.text("code by A"))
    b.lib.update(both_code.id, spec=b.lib.get(both_code.id).spec.__class__.text("code by B"))
    b.lib.delete_forever([doomed.id])
    a.lib.delete_forever([edit_vs_delete.id])
    b.lib.update(edit_vs_delete.id, notes="B still needs this")
    new_a = a.add("made on A offline", name="New A")
    new_b = b.add("made on B offline", name="New B")
    b.attach_png(new_b.id)

    a.sync()
    b.sync()
    a.sync()
    assert snapshot(a.lib) == snapshot(b.lib)

    lib = a.lib
    merged = lib.get(shared.id)
    assert merged.name == "Shared (renamed on A)"
    assert set(merged.tags) == {"from-a", "from-b"}
    assert lib.get(both_code.id).spec.fields["text"] == "code by A"  # the server's (A pushed first)
    copies = conflict_copies(lib)
    assert len(copies) == 1 and copies[0].conflict_of == both_code.id
    assert copies[0].spec.fields["text"] == "code by B" and "(conflict, machine-2)" in copies[0].name
    assert {i.id for i in lib.all_items()} >= {new_a.id, new_b.id, edit_vs_delete.id}
    assert lib.get(edit_vs_delete.id).notes == "B still needs this"
    assert doomed.id not in {i.id for i in lib.all_items()}
    png = lib.get(new_b.id).files[0].sha256
    assert _decode_file(a.lib, png) == "made on B offline"
    assert not lib.dirty_items() and not b.lib.dirty_items()


def test_identical_edits_on_both_machines_are_no_conflict(machines) -> None:
    a, b = machines(2)
    item = a.add("same", name="Same")
    a.sync()
    b.sync()
    a.lib.update(item.id, name="Renamed the same way", tags=["x"])
    b.lib.update(item.id, name="Renamed the same way", tags=["x"])
    a.sync()
    report = b.sync()
    assert report.conflicts == 0
    assert snapshot(a.lib) == snapshot(b.lib)
    assert len(list(a.lib.all_items())) == 1


def test_trash_state_syncs_and_restoring_is_an_edit(machines) -> None:
    a, b = machines(2)
    item = a.add("trash me", name="Trash")
    a.sync()
    b.sync()
    a.lib.trash([item.id])
    a.sync()
    b.sync()
    assert b.lib.get(item.id).trashed
    b.lib.restore([item.id])
    b.sync()
    a.sync()
    assert not a.lib.get(item.id).trashed


def _is(method: str, path: str):
    return lambda request: request.method == method and request.url.path == path


def test_an_edit_while_a_push_is_in_flight_never_loses_the_other_machines_rename(machines) -> None:
    a, b = machines(2)
    item = a.add("code 0", name="Original")
    a.sync()
    b.sync()
    a.lib.rename(item.id, "Renamed on A")

    def meanwhile() -> None:
        # A's push has reached the server; before A hears back, its user changes the code, and B takes
        # A's rename and deliberately renames the item back.
        a.lib.update(item.id, spec=QrSpec.text("code 1"))
        b.sync()
        b.lib.rename(item.id, "Original")
        b.sync()

    a.transport = AfterRequests(1, _is("POST", "/v1/push"), meanwhile)
    a.sync()
    b.sync()
    assert snapshot(a.lib) == snapshot(b.lib)
    # The merge base is what A pushed ("Renamed on A", code 0): B changed the name, A the code; both stay.
    merged = a.lib.get(item.id)
    assert (merged.name, merged.spec.fields["text"]) == ("Original", "code 1")
    assert conflict_copies(a.lib) == []


def test_an_edit_while_a_pull_is_in_flight_is_merged_with_what_it_brings(machines) -> None:
    a, b = machines(2)
    item = a.add("code 0", name="Original", tags=["old"])
    a.sync()
    b.sync()
    b.lib.rename(item.id, "Renamed on B")
    b.sync()
    a.transport = AfterRequests(1, _is("GET", "/v1/changes"), lambda: a.lib.retag(item.id, add=["new"]))
    a.sync()
    b.sync()
    assert snapshot(a.lib) == snapshot(b.lib)
    merged = a.lib.get(item.id)
    assert (merged.name, merged.tags) == ("Renamed on B", ("new", "old"))
    assert conflict_copies(a.lib) == [] and not a.lib.dirty_items()


def test_cancel_keeps_what_was_done_and_the_next_sync_resumes(machines) -> None:
    from cloud_sync.errors import SyncCancelled

    a, b = machines(2)
    made = [a.add(f"item {i}") for i in range(12)]
    a.engine_kw = {"push_batch": 5}
    seen: list[tuple[str, int, int]] = []
    with pytest.raises(SyncCancelled):
        a.sync(progress=lambda stage, done, total: seen.append((stage, done, total)),
               cancel=lambda: len(seen) >= 2)
    assert seen[:2] == [("push", 0, 12), ("push", 5, 12)]
    assert len(a.lib.dirty_items()) == 2  # two batches of 5 reached the server, the rest waits
    a.sync()
    b.sync()
    assert {i.id for i in b.lib.all_items()} == {i.id for i in made}
