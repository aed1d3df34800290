"""Failover drill on moto + Azurite with two service pods (one per cloud) and a client pushing all along.

S3 is lost mid-run (its endpoint starts swallowing traffic) while two acknowledged commits have not reached Azure
yet (Azure was briefly down), the operator promotes Azure with the real CLI, pushes continue on both pods, S3
comes back, the operator fails back, pushes continue. Every acknowledged write must be in the final library
(the two S3-only commits come back through the fail-back merge): 0 lost. RPO (acknowledged commits not on the
replica when S3 was lost) and RTO (S3 lost -> next acknowledged push) are printed; docs/deploy.md quotes them.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .helpers import ServiceProcess, SwitchableProxy, auth, base_env, make_token, push_body, record

pytestmark = pytest.mark.emulators


class Client:
    """A device pushing one record at a time; remembers what the service acknowledged."""

    def __init__(self, urls: list[str], token: str) -> None:
        self.clients = [httpx.Client(base_url=u, timeout=20, headers=auth(token)) for u in urls]
        self.acked: dict[str, str] = {}  # record id -> name
        self.turn = 0

    def push(self, name: str, deadline_s: float = 60) -> float:
        """Push until acknowledged (503 means retry later, as the desktop client does). Returns ack time."""
        rec = record(name=name)
        body = push_body("laptop", rec)  # one idempotency key for every retry of this push
        deadline = time.monotonic() + deadline_s
        while True:
            c = self.clients[self.turn % len(self.clients)]
            self.turn += 1
            try:
                r = c.post("/v1/push", json=body)
                if r.status_code == 200 and r.json()["results"][0]["status"] == "applied":
                    self.acked[rec["id"]] = name
                    return time.monotonic()
                assert r.status_code == 503, r.text
            except httpx.TimeoutException:
                pass
            assert time.monotonic() < deadline, f"push {name} never acknowledged"
            time.sleep(0.2)

    def close(self) -> None:
        for c in self.clients:
            c.close()


def _cli(env: dict[str, str], *args: str) -> tuple[str, float]:
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "sync_service", *args], env=env, capture_output=True, text=True,
                         timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout, time.monotonic() - start


def _wait(predicate, what: str, timeout: float = 30) -> float:
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < timeout, what
        time.sleep(0.1)
    return time.monotonic() - start


def test_s3_lost_promote_azure_push_fail_back_nothing_lost(tmp_path: Path, moto_s3, azurite) -> None:
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    proxy = SwitchableProxy(moto_s3.port)
    S3Store("drill", "us-east-1", moto_s3.url).ensure_bucket()
    AzureStore("drill", azurite.connection_string).ensure_container()
    cfg = {"store": "s3+azure", "s3_bucket": "drill", "s3_endpoint_url": proxy.url, "azure_container": "drill",
           "azure_connection_string": azurite.connection_string, "storage_timeout_seconds": "2",
           "health_interval_seconds": "0.5", "reconcile_interval_seconds": "0.5", "failover_settle_seconds": "2"}
    pods = [ServiceProcess(tmp_path / f"pod{i}.log", **cfg) for i in range(2)]
    token = make_token("dora", "laptop", **cfg)
    device = Client([p.url for p in pods], token)
    azure = AzureStore("drill", azurite.connection_string)
    env = base_env(**cfg)
    try:
        for i in range(3):
            device.push(f"before-{i}")
        out, _ = _cli(env, "promote-replica", "--dry-run")
        assert "dry run: nothing written" in out and "-> 1 (azure commits)" in out
        _wait(lambda: len(azure.list("u/dora/log/")) == 3, "copies reached azure")

        # Azure hiccups: two commits are acknowledged by S3 and not copied. Then S3 is lost.
        azurite.stop()
        device.push("s3-only-0")
        device.push("s3-only-1")
        azurite.start()
        lost_at = time.monotonic()
        proxy.blackhole = True
        on_replica = len(azure.list("u/dora/log/"))
        rpo_entries = 5 - on_replica

        detect = _wait(lambda: httpx.get(pods[0].url + "/readyz", timeout=2).json()["status"] == "degraded",
                       "pods report degraded")
        out, promote_s = _cli(env, "promote-replica", "--reason", "drill")
        assert "azure commits (generation 1)" in out
        first_ack = device.push("on-azure-0")
        rto = first_ack - lost_at
        again, _ = _cli(env, "promote-replica")
        assert "already promoted" in again  # idempotent
        for i in range(1, 4):
            device.push(f"on-azure-{i}")
        for pod in pods:
            body = httpx.get(pod.url + "/readyz", timeout=2).json()
            assert (body["primary"], body["generation"], body["status"]) == ("azure", 1, "ok"), body

        proxy.blackhole = False
        _wait(lambda: all(httpx.get(p.url + "/readyz", timeout=2).json()["stores"]["s3"]["up"] for p in pods),
              "pods see s3 again")
        out, _ = _cli(env, "fail-back", "--dry-run")
        assert "dry run: nothing written" in out
        out, failback_s = _cli(env, "fail-back", "--reason", "drill")
        assert "in generation 2" in out
        again, _ = _cli(env, "fail-back")
        assert "s3 already commits" in again  # idempotent
        for i in range(3):
            device.push(f"after-{i}")
        for pod in pods:
            assert httpx.get(pod.url + "/readyz", timeout=2).json()["primary"] == "s3"

        # A new device pulls the whole library: every acknowledged write is there, none twice.
        with httpx.Client(base_url=pods[1].url, timeout=20, headers=auth(token)) as fresh:
            names, cursor = [], ""
            while True:
                page = fresh.get("/v1/changes", params={"cursor": cursor}).json()
                names += [ch["payload"]["name"] for ch in page["changes"]]
                cursor = page["cursor"]
                if not page["has_more"]:
                    break
        lost = sorted(set(device.acked.values()) - set(names))
        assert lost == [], f"acknowledged writes lost: {lost}"
        assert sorted(names) == sorted(device.acked.values())
        print(f"\ndrill: RPO {rpo_entries} acknowledged commit(s) not on azure when s3 was lost (recovered at "
              f"fail-back); detection {detect:.1f} s; promote-replica {promote_s:.1f} s; RTO {rto:.1f} s "
              f"(s3 lost -> next acknowledged push); fail-back {failback_s:.1f} s; lost 0 of {len(device.acked)}")
        assert rpo_entries == 2
    finally:
        device.close()
        for pod in pods:
            pod.stop()
        proxy.close()
