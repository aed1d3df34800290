"""Failover drill on moto + Azurite with two service pods (one per cloud) and a client pushing all along.

S3 is lost mid-run (its endpoint starts swallowing traffic) while two acknowledged commits have not reached Azure
yet (Azure was briefly down), the operator promotes Azure with the real CLI, pushes continue on both pods, S3
comes back, the operator fails back, pushes continue. Every acknowledged write must be in the final library
(the two S3-only commits come back through the fail-back merge): 0 lost. RPO (acknowledged commits not on the
replica when S3 was lost) and RTO (S3 lost -> next acknowledged push) are printed; docs/deploy.md quotes them.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from .helpers import Client, ServiceProcess, SwitchableProxy, auth, base_env, make_token, run_cli, wait_for

pytestmark = pytest.mark.emulators


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
        out, _ = run_cli(env, "promote-replica", "--dry-run")
        assert "dry run: nothing written" in out and "-> 1 (azure commits)" in out
        wait_for(lambda: len(azure.list("u/dora/log/")) == 3, "copies reached azure")

        # Azure hiccups: two commits are acknowledged by S3 and not copied. Then S3 is lost.
        azurite.stop()
        device.push("s3-only-0")
        device.push("s3-only-1")
        azurite.start()
        lost_at = time.monotonic()
        proxy.blackhole = True
        on_replica = len(azure.list("u/dora/log/"))
        rpo_entries = 5 - on_replica

        detect = wait_for(lambda: httpx.get(pods[0].url + "/readyz", timeout=2).json()["status"] == "degraded",
                       "pods report degraded")
        out, promote_s = run_cli(env, "promote-replica", "--reason", "drill")
        assert "azure commits (generation 1)" in out
        first_ack = device.push("on-azure-0")
        rto = first_ack - lost_at
        again, _ = run_cli(env, "promote-replica")
        assert "already promoted" in again  # idempotent
        for i in range(1, 4):
            device.push(f"on-azure-{i}")
        for pod in pods:
            body = httpx.get(pod.url + "/readyz", timeout=2).json()
            assert (body["primary"], body["generation"], body["status"]) == ("azure", 1, "ok"), body

        proxy.blackhole = False
        wait_for(lambda: all(httpx.get(p.url + "/readyz", timeout=2).json()["stores"]["s3"]["up"] for p in pods),
              "pods see s3 again")
        out, _ = run_cli(env, "fail-back", "--dry-run")
        assert "dry run: nothing written" in out
        out, failback_s = run_cli(env, "fail-back", "--reason", "drill")
        assert "in generation 2" in out
        again, _ = run_cli(env, "fail-back")
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
