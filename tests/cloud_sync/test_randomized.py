"""Seeded random runs: three machines make random adds, edits, renames, retags, trash moves and deletions,
sync at random moments through a network that loses responses, then all sync until quiet.

After each run every machine holds the same library, and every code a machine changed but had not yet synced
is still there (as the item or as its conflict copy).
"""

from __future__ import annotations

import contextlib
import random

import pytest

from app.core.spec import QrSpec
from cloud_sync.errors import ServerUnavailable
from tests.cloud_sync.conftest import Machine, restart_server, snapshot, two_machines
from tests.cloud_sync.faults import AfterRequests, drop_randomly

STEPS = 60


def _live_ids(m: Machine) -> list[str]:
    return sorted(i.id for i in m.lib.all_items())


def _step(rng: random.Random, m: Machine, serial: list[int]) -> None:
    ids = _live_ids(m)
    op = rng.choice(["add", "add", "code", "code", "rename", "retag", "trash", "delete", "sync", "sync", "sync"])
    if op == "add" or not ids:
        serial[0] += 1
        m.add(f"code {serial[0]}", name=f"Item {serial[0]}", tags=[rng.choice("abc")])
        return
    target = rng.choice(ids)
    if op == "code":
        serial[0] += 1
        m.lib.update(target, spec=QrSpec.text(f"code {serial[0]}"))
    elif op == "rename":
        m.lib.rename(target, f"name {rng.randrange(1000)}")
    elif op == "retag":
        m.lib.retag(target, add=[rng.choice("abcde")], remove=[rng.choice("abcde")])
    elif op == "trash":
        item = m.lib.get(target)
        (m.lib.restore if item.trashed else m.lib.trash)([target])
    elif op == "delete":
        m.lib.delete_forever([target])
    else:
        changed = _changed_codes(m)
        # A lost answer that the retry lost too: the changes stay queued for the next sync.
        with contextlib.suppress(ServerUnavailable):
            m.sync(confirm_mass_delete=True)
        # No step of a sync (finished or not) may drop a code this machine changed.
        kept = {i.spec.fields["text"] for i in m.lib.all_items()}
        assert changed <= kept, f"sync lost local edits: {sorted(changed - kept)}"


def _changed_codes(m: Machine) -> set[str]:
    """Codes this machine changed (or made) and has not pushed yet: these must survive."""
    out = set()
    for rec in m.lib.dirty_items(limit=100_000):
        if rec.deleted:
            continue
        base = m.lib.base_payload(rec.id)
        if base is None or base.get("spec") != rec.payload["spec"]:
            out.add(rec.payload["spec"]["fields"]["text"])
    return out


@pytest.mark.parametrize("seed", range(1, 9))
def test_random_edits_syncs_and_lost_responses_converge_without_loss(machines, seed: int) -> None:
    rng = random.Random(seed)
    devices = machines(3)
    for m in devices:
        m.transport = drop_randomly(rng, 0.1)
    serial = [0]
    for _ in range(STEPS):
        _step(rng, rng.choice(devices), serial)

    must_survive = set().union(*(_changed_codes(m) for m in devices))
    for m in devices:
        m.transport = None
    for _round in range(4):
        for m in devices:
            m.sync(confirm_mass_delete=True)
        if all(not m.lib.dirty_items() for m in devices) and \
                snapshot(devices[0].lib) == snapshot(devices[1].lib) == snapshot(devices[2].lib):
            break
    reports = [r for m in devices for r in m.reports]
    print(f"seed {seed}: must survive {len(must_survive)}, "
          f"conflict copies {sum(r.conflicts for r in reports)}, merged {sum(r.merged for r in reports)}, "
          f"deleted {sum(r.deleted for r in reports)}, resynced {sum(r.resynced for r in reports)}")
    first = snapshot(devices[0].lib)
    assert all(snapshot(m.lib) == first for m in devices[1:])
    final_codes = {i.spec.fields["text"] for i in devices[0].lib.all_items()}
    assert must_survive <= final_codes, f"lost edits: {sorted(must_survive - final_codes)}"


def test_random_run_with_the_service_dying_mid_sync_converges(own_server, tmp_path) -> None:
    rng = random.Random(42)
    devices = two_machines(own_server, tmp_path)
    try:
        for m in devices:
            m.engine_kw = {"push_batch": 3, "pull_page": 3}
        serial = [0]
        for step in range(40):
            _step(rng, rng.choice(devices), serial)
            if step % 10 == 9:  # the service dies after a random request of a sync, then comes back
                m = rng.choice(devices)
                m.add(f"before outage {step}")
                m.transport = AfterRequests(rng.randint(1, 4), lambda r: True, own_server.proc.stop)
                changed = _changed_codes(m)
                with contextlib.suppress(ServerUnavailable):
                    m.sync(confirm_mass_delete=True)
                assert changed <= {i.spec.fields["text"] for i in m.lib.all_items()}
                restart_server(own_server, tmp_path, *devices)
        must_survive = set().union(*(_changed_codes(m) for m in devices))
        for _round in range(4):
            for m in devices:
                m.sync(confirm_mass_delete=True)
        assert snapshot(devices[0].lib) == snapshot(devices[1].lib)
        assert must_survive <= {i.spec.fields["text"] for i in devices[0].lib.all_items()}
        assert not devices[0].lib.dirty_items() and not devices[1].lib.dirty_items()
    finally:
        for m in devices:
            m.lib.close()
