"""S3 that accepts connections and never answers: /readyz says degraded within seconds, reads keep being served.

On main /readyz waited for the S3 client's timeouts and retries (~15 s against a 3 s probe), so every pod left the
endpoints: a full outage instead of the read-only mode the runbook promises. Health is now checked in the
background with a bound of 1 s per check, and /readyz answers from that cache.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from .helpers import ServiceProcess, SwitchableProxy, auth, make_token, push_body, record

pytestmark = pytest.mark.emulators


def _ready(c: httpx.Client) -> tuple[int, dict]:
    r = c.get("/readyz", timeout=2.0)  # a probe's own timeout: /readyz must never wait for a store
    return r.status_code, r.json()


def test_blackholed_s3_is_degraded_within_seconds_and_reads_are_served(tmp_path: Path, moto_s3, azurite) -> None:
    proxy = SwitchableProxy(moto_s3.port)
    cfg = {"store": "s3+azure", "s3_bucket": "blackhole", "s3_endpoint_url": proxy.url, "azure_container": "blackhole",
           "azure_connection_string": azurite.connection_string, "storage_timeout_seconds": "5",
           "health_interval_seconds": "1", "reconcile_interval_seconds": "0.5"}
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    S3Store("blackhole", "us-east-1", moto_s3.url).ensure_bucket()
    azure = AzureStore("blackhole", azurite.connection_string)
    azure.ensure_container()
    svc = ServiceProcess(tmp_path / "svc.log", **cfg)
    try:
        token = make_token("bea", "laptop", **{**cfg, "s3_endpoint_url": moto_s3.url})
        with httpx.Client(base_url=svc.url, timeout=30, headers=auth(token)) as c:
            pushed = [c.post("/v1/push", json=push_body("laptop", record(name=f"b{i}"))).json()["results"][0]["id"]
                      for i in range(3)]
            deadline = time.monotonic() + 30
            while len(azure.list("u/bea/log/")) < 3 or len(azure.list("_auth/tokens/")) < 1:
                assert time.monotonic() < deadline, "the replica never got the copies"
                time.sleep(0.2)
            assert _ready(c) [1]["status"] == "ok"

            proxy.blackhole = True
            seen_degraded = False
            deadline = time.monotonic() + 5  # the bound: degraded in < 5 s, every answer on time
            while time.monotonic() < deadline:
                status, body = _ready(c)
                assert status == 200, body  # the pod stays in the endpoints
                if body["status"] == "degraded":
                    seen_degraded = True
                    break
                time.sleep(0.2)
            assert seen_degraded, "/readyz did not report degraded within 5 s of S3 hanging"
            assert body["stores"]["s3"]["up"] is False and body["stores"]["azure"]["up"] is True

            page = c.get("/v1/changes", timeout=10)
            assert page.status_code == 200, page.text
            assert [ch["id"] for ch in page.json()["changes"]] == pushed
            blocked = c.post("/v1/push", json=push_body("laptop", record(name="while-hung")), timeout=10)
            assert blocked.status_code == 503 and int(blocked.headers["retry-after"]) > 0

            proxy.blackhole = False
            deadline = time.monotonic() + 30
            while _ready(c)[1]["status"] != "ok":
                assert time.monotonic() < deadline, "never left degraded mode after S3 answered again"
                time.sleep(0.2)
            assert c.post("/v1/push", json=push_body("laptop", record(name="after"))).status_code == 200
    finally:
        svc.stop()
        proxy.close()
