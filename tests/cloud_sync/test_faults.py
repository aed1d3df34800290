"""Faults: lost responses, the service dying mid-push and mid-pull, the mass-delete guard, a server reset."""

from __future__ import annotations

import json
import sqlite3

import httpx
import pytest
from sync_service import cursors

from app.core.library.paths import DB_NAME
from cloud_sync.errors import MassDeleteError, ServerUnavailable
from tests.cloud_sync.conftest import restart_server, snapshot, two_machines
from tests.cloud_sync.faults import AfterRequests, ProxyErrors, drop_first_push
from tests.sync_service.helpers import CURSOR_KEY, auth


def _log_records(url: str, token: str) -> list[dict]:
    """Every record version committed in the user's server log, read raw from the changes feed."""
    out, cursor = [], ""
    while True:
        page = httpx.get(f"{url}/v1/changes", params={"cursor": cursor, "limit": 1000}, headers=auth(token)).json()
        out += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return out


def test_lost_push_response_is_retried_with_the_same_key_and_commits_once(machines) -> None:
    a, b = machines(2)
    item = a.add("pushed once", name="Once")
    a.transport = drop_first_push()
    a.sync()
    assert a.transport.dropped == 1
    assert [r["id"] for r in _log_records(a.url, a.token)] == [item.id]
    b.sync()
    assert snapshot(a.lib) == snapshot(b.lib)


def test_lost_push_response_then_client_gives_up_resumes_with_the_same_key(machines) -> None:
    a, b = machines(2)
    items = [a.add(f"item {i}") for i in range(3)]
    a.transport = drop_first_push()
    a.engine_kw = {}
    engine = a.engine()
    engine.client.attempts = 1  # no in-process retry: the answer is simply lost
    with pytest.raises(ServerUnavailable):
        engine.sync()
    engine.client.close()
    assert len(a.lib.dirty_items()) == 3  # the server committed, but we never heard back
    a.lib.update(items[0].id, name="edited while the answer was lost")
    a.transport = None
    a.sync()
    records = _log_records(a.url, a.token)
    assert sorted(r["id"] for r in records if r["rev"] == 1) == sorted(i.id for i in items)
    assert len(records) == 4  # three creations once each (replayed, not recommitted), then the later edit
    assert not a.lib.dirty_items()
    b.sync()
    assert snapshot(a.lib) == snapshot(b.lib)


def test_service_stopped_mid_push_and_mid_pull_then_retry_converges(own_server, tmp_path) -> None:
    a, b = two_machines(own_server, tmp_path)
    try:
        made = [a.add(f"batch item {i}", name=f"Item {i}") for i in range(25)]
        a.engine_kw = b.engine_kw = {"push_batch": 10, "pull_page": 10}
        is_push = lambda r: r.url.path == "/v1/push"  # noqa: E731
        a.transport = AfterRequests(1, is_push, own_server.proc.stop)
        with pytest.raises(ServerUnavailable):
            a.sync()
        assert 0 < len(a.lib.dirty_items()) < 25  # the first batch landed, the rest is still queued
        restart_server(own_server, tmp_path, a, b)
        a.sync()
        assert not a.lib.dirty_items()

        is_pull = lambda r: r.url.path == "/v1/changes"  # noqa: E731
        b.transport = AfterRequests(1, is_pull, own_server.proc.stop)
        with pytest.raises(ServerUnavailable):
            b.sync()
        restart_server(own_server, tmp_path, a, b)
        b.sync()
        assert snapshot(a.lib) == snapshot(b.lib)
        assert {i.id for i in b.lib.all_items()} == {i.id for i in made}
        assert len(_log_records(a.url, a.token)) == 25
    finally:
        a.lib.close()
        b.lib.close()


def test_mass_delete_from_the_server_needs_confirmation(machines) -> None:
    a, b = machines(2)
    items = [a.add(f"keep {i}") for i in range(10)]
    a.sync()
    b.sync()
    a.lib.delete_forever([i.id for i in items[:8]])
    a.sync()
    with pytest.raises(MassDeleteError) as info:
        b.sync()
    assert info.value.count == 8 and info.value.total == 10
    assert b.lib.count() == 10  # nothing was deleted
    b.sync(confirm_mass_delete=True)
    assert snapshot(a.lib) == snapshot(b.lib) and b.lib.count() == 2


def test_a_few_deletions_do_not_trip_the_guard(machines) -> None:
    a, b = machines(2)
    items = [a.add(f"keep {i}") for i in range(10)]
    a.sync()
    b.sync()
    a.lib.delete_forever([items[0].id, items[1].id])
    a.sync()
    assert b.sync().deleted == 2


def test_a_reset_server_gets_a_union_and_nothing_is_deleted(machines, own_server, tmp_path) -> None:
    a, b = machines(2)
    synced = a.add("synced before the reset")
    a.sync()
    b.sync()
    local_a = a.add("only on A")
    local_b = b.add("only on B")
    # The user's server is replaced by an empty one (new library id): both machines move to it.
    for m in (a, b):
        m.url = own_server.url
        m.token = own_server.token("reset-user", m.lib.device_id)
    assert a.sync().resynced
    assert b.sync().resynced
    a.sync()
    assert snapshot(a.lib) == snapshot(b.lib)
    assert {i.id for i in a.lib.all_items()} == {synced.id, local_a.id, local_b.id}


@pytest.mark.parametrize("first", ["deleting machine", "other machine"])
def test_an_unsent_deletion_survives_a_full_resync(machines, own_server, first: str) -> None:
    """A deletes an item, then the server is replaced before A pushed the deletion; B still has the item, which
    its own resync pushes again as part of the union. Whichever machine reaches the new server first, the
    deleted item stays deleted on both (and an item edited meanwhile would have come back: an edit wins)."""
    a, b = machines(2)
    doomed, kept = a.add("deleted on A before it could sync"), a.add("kept")
    a.sync()
    b.sync()
    a.lib.delete_forever([doomed.id])
    for m in (a, b):
        m.url = own_server.url
        m.token = own_server.token("resync-user", m.lib.device_id)
    order = (a, b) if first == "deleting machine" else (b, a)
    for m in (*order, *order):
        m.sync()
    for m in (a, b):
        assert {i.id for i in m.lib.all_items()} == {kept.id}, m.folder.name
        assert not m.lib.dirty_items()


def test_an_edit_on_the_server_still_beats_an_unsent_deletion_after_a_resync(machines) -> None:
    a, b = machines(2)
    item = a.add("edited on B, deleted on A")
    a.sync()
    b.sync()
    b.lib.rename(item.id, "B's edit")
    b.sync()
    a.lib.delete_forever([item.id])
    state = a.lib.sync_state()
    a.lib.save_cursor(state["library_id"], state["epoch"],
                      cursors.encode(CURSOR_KEY.encode(), state["library_id"], state["epoch"], 10_000))
    assert a.sync().resynced
    assert a.lib.get(item.id).name == "B's edit"  # no edit is lost to a delete


def test_cursor_ahead_of_the_log_410_triggers_a_union_resync(machines) -> None:
    a, b = machines(2)
    kept = a.add("kept through the resync")
    a.sync()
    b.sync()
    state = a.lib.sync_state()
    # A validly signed cursor past the head is what a client holds after the server's log was reset.
    stale = cursors.encode(CURSOR_KEY.encode(), state["library_id"], state["epoch"], 10_000)
    a.lib.save_cursor(state["library_id"], state["epoch"], stale)
    local = a.add("only on A")
    assert a.sync().resynced
    b.sync()
    assert {i.id for i in a.lib.all_items()} == {kept.id, local.id}
    assert snapshot(a.lib) == snapshot(b.lib)
    assert not a.lib.dirty_items()


@pytest.mark.parametrize("status", [502, 504, 429])
def test_a_transient_answer_to_a_push_keeps_the_changes_and_the_next_sync_commits_them_once(machines,
                                                                                          status) -> None:
    """502, 504 and 429 are transient: the changes stay queued in the outbox, nothing is dropped."""
    a, b = machines(2)
    items = [a.add(f"item {i}") for i in range(3)]
    # A gateway gives up after the service committed: the retries send the same request (same idempotency key).
    a.transport = proxy = ProxyErrors(status, lambda r: r.url.path == "/v1/push", times=5, after_server=True)
    with pytest.raises(ServerUnavailable, match="temporarily unavailable"):
        a.sync()
    assert proxy.answered == 2  # both of the client's tries, with a pause between them
    assert len(a.lib.dirty_items()) == 3 and a.lib.outbox_get() is not None
    a.transport = None
    assert a.sync().pushed == 3
    assert not a.lib.dirty_items() and a.lib.outbox_get() is None
    assert sorted(r["id"] for r in _log_records(a.url, a.token)) == sorted(i.id for i in items)  # once each
    b.sync()
    assert snapshot(a.lib) == snapshot(b.lib)


@pytest.mark.parametrize("status", [502, 504, 429])
def test_a_transient_answer_on_the_feed_is_retried_within_the_sync(machines, status) -> None:
    a, b = machines(2)
    a.add("through a flaky proxy")
    a.sync()
    b.transport = proxy = ProxyErrors(status, lambda r: r.url.path == "/v1/changes", times=1)
    assert b.sync().pulled == 1 and proxy.answered == 1


def test_a_change_the_service_refuses_stays_local_and_the_report_says_why(machines) -> None:
    a, b = machines(2)
    good, odd = a.add("fine"), a.add("too many tags")
    # Written by an older QRDesk, whose library took any number of tags (the wire carries 200 at most).
    a.lib.close()
    with sqlite3.connect(a.folder / DB_NAME) as db:
        db.execute("UPDATE items SET tags = ? WHERE id = ?", (json.dumps([f"tag {i}" for i in range(201)]), odd.id))
    db.close()
    a.reopen()
    report = a.sync()
    assert report.pushed == 1 and len(report.rejected) == 1 and "tags" in report.rejected[0]
    assert "refused by the server" in report.summary()
    assert [r.id for r in a.lib.dirty_items()] == [odd.id]  # nothing lost: still a local change
    b.sync()
    assert [i.id for i in b.lib.all_items()] == [good.id]
