"""Leader election by behaviour: three pods' real BackgroundLoops (LeaseElector + reconciler) in threads, against
a Lease API that enforces resourceVersion concurrency (kube_api.py), each pod reaching it through its own proxy
so one pod can lose the API while the others keep it.

The pods share two stores (local folders standing in for S3 and Azure); a writer keeps committing objects whose
replica copy was missed, so the leader's reconciler copies all along. Every copy a pod makes is recorded with the
time it started and ended: copies of two pods never overlap, the one who copies is the one who leads, and a leader
that loses the API has stopped copying before the next one starts. (SIGKILL of a leader process and the RBAC of
the rendered manifests: tests/deploy/test_leader_election.py.)
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pytest
from sync_service.leader import KubernetesApi, LeaseElector
from sync_service.loops import BackgroundLoops
from sync_service.settings import Settings
from sync_service.storage import LocalStore, ReplicatedStore
from sync_service.storage.replicated import journal_key

from .helpers import SwitchableProxy, wait_for
from .kube_api import LeaseApiServer, Role, Rule

LEASE = 3  # seconds: renew deadline 2 s, so a cut-off leader stops >= 1 s before anyone may take over
NAME = "sync-service-reconciler"
ROLE = Role("qrdesk", [Rule(frozenset({"coordination.k8s.io"}), frozenset({"leases"}), frozenset({"get", "update"}),
                            frozenset({NAME})),
                       Rule(frozenset({"coordination.k8s.io"}), frozenset({"leases"}), frozenset({"create"}),
                            frozenset())])


@dataclass(frozen=True)
class Copy:
    pod: str
    start: float
    end: float


class RecordingStore(LocalStore):
    """The shared replica as one pod writes to it: every write is recorded with its pod and time span."""

    def __init__(self, root: Path, pod: str, copies: list[Copy]) -> None:
        super().__init__(root)
        self.pod, self.copies = pod, copies

    def put_if_absent(self, key: str, data: bytes | BinaryIO) -> bool:
        start = time.monotonic()
        try:
            return super().put_if_absent(key, data)
        finally:
            self.copies.append(Copy(self.pod, start, time.monotonic()))

    def put(self, key: str, data: bytes) -> None:
        start = time.monotonic()
        try:
            super().put(key, data)
        finally:
            self.copies.append(Copy(self.pod, start, time.monotonic()))


class Pod:
    def __init__(self, name: str, api: LeaseApiServer, root: Path, copies: list[Copy]) -> None:
        self.name = name
        self.proxy = SwitchableProxy(int(api.url.rsplit(":", 1)[1]))
        client = KubernetesApi(self.proxy.url, token_file=root / "no-token", timeout=0.5)
        self.elector = LeaseElector(client, "qrdesk", NAME, name, LEASE)
        store = ReplicatedStore(LocalStore(root / "s3"), RecordingStore(root / "azure", name, copies))
        settings = Settings(store="s3+azure", reconcile_interval_seconds=0.05, health_interval_seconds=0.5,
                            leader_election="kubernetes")
        self.loops = BackgroundLoops(settings, store, self.elector)
        self.loops.start()

    def stop(self) -> None:
        self.loops.stop()
        self.proxy.close()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[LeaseApiServer, dict[str, Pod], list[Copy]]]:
    api = LeaseApiServer(ROLE).start()
    copies: list[Copy] = []
    stop = threading.Event()
    s3 = LocalStore(tmp_path / "s3")

    def commit_without_copy() -> None:
        """Objects committed with their journal marker whose inline copy never happened: the reconciler's job."""
        n = 0
        while not stop.wait(0.03):
            key = f"u/ida/blobs/sha256/{hashlib.sha256(str(n).encode()).hexdigest()}"
            s3.put_if_absent(journal_key(key), b"")
            s3.put_if_absent(key, str(n).encode())
            n += 1

    writer = threading.Thread(target=commit_without_copy, daemon=True)
    writer.start()
    pods = {name: Pod(name, api, tmp_path, copies) for name in ("pod-a", "pod-b", "pod-c")}
    try:
        yield api, pods, copies
    finally:
        stop.set()
        for pod in pods.values():
            pod.stop()
        writer.join(5)
        api.stop()


def _leaders(pods: dict[str, Pod]) -> list[str]:
    return [name for name, pod in pods.items() if pod.elector.is_leader()]


def _assert_one_writer_at_a_time(copies: list[Copy]) -> None:
    last_end: dict[str, float] = {}
    for c in sorted(copies, key=lambda c: c.start):
        for other, end in last_end.items():
            assert other == c.pod or end < c.start, f"{other} was still copying when {c.pod} started"
        last_end[c.pod] = max(c.end, last_end.get(c.pod, c.end))


def test_one_leader_reconciles_and_a_leader_cut_off_from_the_api_stops_before_the_next_starts(cluster) -> None:
    api, pods, copies = cluster
    wait_for(lambda: api.holder(NAME) and any(c.pod == api.holder(NAME) for c in copies), "a leader copying")
    first = api.holder(NAME)
    assert first is not None
    for _ in range(40):  # exactly one pod acts as leader, and it is the one the API server records
        assert _leaders(pods) in ([first], []), _leaders(pods)
        time.sleep(0.025)
    assert {c.pod for c in copies} == {first}, "only the leader's reconciler copies"

    # The leader loses the API (its requests hang, as when the API server or the route to it is gone).
    cut_at = time.monotonic()
    pods[first].proxy.blackhole = True
    wait_for(lambda: api.holder(NAME) not in (None, first), "another pod taking over", timeout=LEASE * 10)
    second = api.holder(NAME)
    assert second is not None
    assert not pods[first].elector.is_leader()
    assert min(api.writes_holding(second)) - max(api.writes_holding(first)) >= LEASE, "taken over too early"
    wait_for(lambda: any(c.pod == second and c.start > cut_at for c in copies), "the new leader copying")

    # Back on the API, the old leader stays a follower: the Lease is held and renewed by another pod.
    pods[first].proxy.blackhole = False
    time.sleep(LEASE / 2)
    assert _leaders(pods) in ([second], [])
    assert api.holder(NAME) == second

    # A leader that stops gracefully releases the Lease for the next one (no waiting out the lease).
    copies_before = len(copies)
    pods[second].stop()
    assert api.holder(NAME) != second
    wait_for(lambda: api.holder(NAME) not in (None, second), "a third leader")
    third = api.holder(NAME)
    wait_for(lambda: any(c.pod == third for c in copies[copies_before:]), "the third leader copying")

    _assert_one_writer_at_a_time(copies)
    assert api.verbs_used() == {"get", "create", "update"}
    assert not [e for e in api.events if e.status == 403]
