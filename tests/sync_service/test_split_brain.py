"""Split brain: the network between the clouds splits, the operator promotes Azure from the AKS side, and the EKS pod
that still reaches S3 but no longer Azure must not keep committing to S3 (fencing, QRDESK_SYNC_FENCE_SECONDS).

moto + Azurite on loopback; the EKS pod reaches Azure, and the AKS pod and the operator reach S3, through proxies
that the test turns into black holes. A device pushes through both pods all along. Without fencing (main before
this test) the EKS pod keeps acknowledging pushes on S3 after the promotion while AKS clients commit on Azure:
two commit points. With it the EKS pod refuses commits once Azure's generation is older than the fence, before
the promotion's settle time ends; after the split heals it commits to Azure; after fail-back every acknowledged
write, including the one S3 took alone just after the split, is in the library.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from .helpers import (
    Client,
    ServiceProcess,
    SwitchableProxy,
    auth,
    base_env,
    metric,
    push_body,
    record,
    run_cli,
    wait_for,
)

pytestmark = pytest.mark.emulators

CFG = {"store": "s3+azure", "s3_bucket": "split", "azure_container": "split", "storage_timeout_seconds": "1",
       "health_interval_seconds": "0.3", "health_timeout_seconds": "0.5", "reconcile_interval_seconds": "0.5",
       "fence_seconds": "1.5", "failover_settle_seconds": "3"}


def _through(connection_string: str, port: int, proxy: SwitchableProxy) -> str:
    return connection_string.replace(f"127.0.0.1:{port}/", f"127.0.0.1:{proxy.port}/")


def _library(url: str, token: str) -> list[str]:
    names, cursor = [], ""
    with httpx.Client(base_url=url, timeout=20, headers=auth(token)) as fresh:
        while True:
            page = fresh.get("/v1/changes", params={"cursor": cursor}).json()
            names += [ch["payload"]["name"] for ch in page["changes"]]
            cursor = page["cursor"]
            if not page["has_more"]:
                return names


def test_pod_cut_off_from_azure_stops_committing_before_a_promotion_takes_effect(tmp_path: Path, moto_s3,
                                                                                 azurite) -> None:
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    S3Store("split", "us-east-1", moto_s3.url).ensure_bucket()
    AzureStore("split", azurite.connection_string).ensure_container()
    eks_to_azure, aks_to_s3 = SwitchableProxy(azurite.port), SwitchableProxy(moto_s3.port)
    eks = {**CFG, "s3_endpoint_url": moto_s3.url,
           "azure_connection_string": _through(azurite.connection_string, azurite.port, eks_to_azure)}
    aks = {**CFG, "s3_endpoint_url": aks_to_s3.url, "azure_connection_string": azurite.connection_string}
    pods = [ServiceProcess(tmp_path / f"{name}.log", wait=False, **cfg) for name, cfg in (("eks", eks), ("aks", aks))]
    device = None
    try:
        for pod in pods:
            pod.wait_ready()
        token, _ = run_cli(base_env(**aks), "token", "create", "--user", "sam", "--device", "laptop")
        device = Client([p.url for p in pods], token.strip())
        EKS, AKS = 0, 1
        for i in range(2):
            device.push(f"before-{i}")
        wait_for(lambda: metric(pods[EKS].url, "qrdesk_sync_replication_lag_seq") == 0, "copies on azure")

        # The clouds split: EKS keeps S3 and loses Azure, AKS (and the operator there) keep Azure and lose S3.
        eks_to_azure.blackhole = aks_to_s3.blackhole = True
        assert device.push_once(push_body("laptop", record(name="s3-alone")), EKS) == 200  # within the fence
        wait_for(lambda: metric(pods[EKS].url, "qrdesk_sync_fenced") == 1, "the EKS pod fencing itself")
        assert device.push_once(push_body("laptop", record(name="refused")), EKS) == 503
        last_eks_ack = time.monotonic()

        out, _ = run_cli(base_env(**aks), "promote-replica", "--reason", "split drill")
        assert "azure commits (generation 1)" in out
        first_azure_send = time.monotonic()
        on_azure = push_body("laptop", record(name="on-azure"))
        wait_for(lambda: device.push_once(on_azure, AKS) == 200, "the AKS pod committing to Azure")
        assert last_eks_ack < first_azure_send
        for i in range(3):  # the EKS pod still cannot see the promotion: it must not commit to S3
            status = device.push_once(push_body("laptop", record(name=f"split-brain-{i}")), EKS)
            assert status == 503, "the EKS pod committed to S3 while Azure was the commit point"

        # The split heals: the EKS pod reads Azure's generation and commits there.
        eks_to_azure.blackhole = aks_to_s3.blackhole = False
        wait_for(lambda: httpx.get(pods[EKS].url + "/readyz", timeout=2).json()["primary"] == "azure",
                 "the EKS pod following the promotion")
        wait_for(lambda: metric(pods[EKS].url, "qrdesk_sync_fenced") == 0, "the EKS pod unfenced")
        assert device.push_once(push_body("laptop", record(name="eks-on-azure")), EKS) == 200

        out, _ = run_cli(base_env(**eks), "fail-back", "--reason", "split drill")
        assert "in generation 2" in out
        device.push("after-fail-back")
        names = _library(pods[AKS].url, token.strip())
        assert sorted(names) == sorted(device.acked.values()), "acknowledged writes lost or doubled"
        assert "s3-alone" in names and not any(n.startswith(("refused", "split-brain")) for n in names)
    finally:
        if device is not None:
            device.close()
        for pod in pods:
            pod.stop()
        eks_to_azure.close()
        aks_to_s3.close()
