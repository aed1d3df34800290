"""S3 + Azure: normalised store outcomes, replication, failover and reconciler catch-up, on moto and Azurite."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from .helpers import Azurite, ServiceProcess, auth, base_env, make_token, push_body, record

pytestmark = pytest.mark.emulators


def _stores(moto_s3, azurite: Azurite, bucket: str = "qrdesk"):
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    s3 = S3Store(bucket, "us-east-1", moto_s3.url, timeout=2)
    s3.ensure_bucket()
    az = AzureStore(bucket, azurite.connection_string, timeout=2)
    az.ensure_container()
    return s3, az


def _cfg(moto_s3, azurite: Azurite, bucket: str = "qrdesk", **extra: str) -> dict[str, str]:
    return {"store": "s3+azure", "s3_bucket": bucket, "s3_endpoint_url": moto_s3.url, "azure_container": bucket,
            "azure_connection_string": azurite.connection_string, "storage_timeout_seconds": "2",
            "log_level": "DEBUG", **extra}


def _metric(url: str, name: str) -> float:
    text = httpx.get(url + "/metrics", timeout=5).text
    m = re.search(rf"^{name} (\S+)$", text, re.M)
    assert m, name
    return float(m.group(1))


def _poll(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("condition not reached in time")


def test_create_only_and_missing_are_normalised(moto_s3, azurite) -> None:
    from sync_service.storage import NotFound

    for store in _stores(moto_s3, azurite):
        key = f"u/t/log/{uuid.uuid4().hex}.json"
        assert store.put_if_absent(key, b"first") is True
        assert store.put_if_absent(key, b"second") is False  # S3 412 / Azure 409 both mean "exists"
        assert store.get(key) == b"first"
        assert store.size(key) == 5 and store.size(key + "x") is None
        with pytest.raises(NotFound):
            store.get(key + "x")
        assert key in store.list("u/t/")
        assert b"".join(store.iter_chunks(key)) == b"first"


def test_s3_down_reads_fail_over_and_pushes_503(tmp_path: Path, moto_s3, azurite) -> None:
    _, az = _stores(moto_s3, azurite)
    cfg = _cfg(moto_s3, azurite, reconcile_interval_seconds="0.3")
    svc = ServiceProcess(tmp_path / "svc.log", **cfg)
    try:
        token = make_token("erin", "laptop", **cfg)
        with httpx.Client(base_url=svc.url, timeout=30, headers=auth(token)) as c:
            ids = []
            for i in range(3):
                r = c.post("/v1/push", json=push_body("laptop", record(name=f"r{i}")))
                assert r.status_code == 200
                ids.append(r.json()["results"][0]["id"])
            _poll(lambda: len(az.list("u/erin/log/")) == 3)
            assert c.get("/readyz").json()["status"] == "ok"

            moto_s3.stop()
            page = c.get("/v1/changes")
            assert page.status_code == 200, page.text
            assert [ch["id"] for ch in page.json()["changes"]] == ids
            ready = c.get("/readyz").json()
            assert (ready["status"], ready["degraded"], ready["primary"]) == ("degraded", True, "s3")
            assert _metric(svc.url, "qrdesk_sync_degraded") == 1.0
            r = c.post("/v1/push", json=push_body("laptop", record(name="while-down")))
            assert r.status_code == 503 and int(r.headers["retry-after"]) > 0
            # Nothing acknowledged that was not committed: the replica still holds exactly the 3 entries.
            assert len(az.list("u/erin/log/")) == 3
            assert c.get("/v1/library").json()["head"] == 3
    finally:
        svc.stop()


def test_azure_down_pushes_succeed_and_reconciler_catches_up(tmp_path: Path, moto_s3, azurite) -> None:
    s3, az = _stores(moto_s3, azurite)
    cfg = _cfg(moto_s3, azurite, reconcile_interval_seconds="0.3")
    svc = ServiceProcess(tmp_path / "svc.log", **cfg)
    try:
        token = make_token("finn", "laptop", **cfg)
        with httpx.Client(base_url=svc.url, timeout=30, headers=auth(token)) as c:
            assert c.post("/v1/push", json=push_body("laptop", record())).status_code == 200
            azurite.stop()
            for _ in range(4):
                r = c.post("/v1/push", json=push_body("laptop", record()))
                assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
            assert len(s3.list("u/finn/log/")) == 5
            # While Azure is down the lag keeps being measured against its last known head.
            # (5 if the reconciler had not yet seen the first copy before Azure went down, else 4).
            _poll(lambda: _metric(svc.url, "qrdesk_sync_replication_lag_seq") >= 4.0)
            assert _metric(svc.url, "qrdesk_sync_replication_lag_seconds") > 0
            azurite.start()  # same port, same on-disk location
            _poll(lambda: len(az.list("u/finn/log/")) == 5)
            _poll(lambda: _metric(svc.url, "qrdesk_sync_replication_lag_seq") == 0.0)
            for key in s3.list("u/finn/"):
                assert az.get(key) == s3.get(key)  # copies never differ in content
    finally:
        svc.stop()


def test_reconcile_command_reports_zero_lag(moto_s3, azurite) -> None:
    s3, az = _stores(moto_s3, azurite, bucket="cli")
    s3.put_if_absent("u/gus/log/00000000000000000001.json", b'{"server_ts_epoch": 0, "records": []}')
    env = base_env(**_cfg(moto_s3, azurite, bucket="cli"))
    out = subprocess.run([sys.executable, "-m", "sync_service", "reconcile"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "copied 1 object(s); lag 0 entries" in out.stdout
    assert az.get("u/gus/log/00000000000000000001.json") == s3.get("u/gus/log/00000000000000000001.json")


def test_lost_response_retried_with_same_key_creates_no_duplicate(tmp_path: Path, moto_s3, azurite) -> None:
    s3, _ = _stores(moto_s3, azurite)
    cfg = _cfg(moto_s3, azurite)
    svc = ServiceProcess(tmp_path / "svc.log", **cfg)
    try:
        token = make_token("hana", "laptop", **cfg)
        body = push_body("laptop", record(name="once"), key="lost-response-1")
        # The first response is lost: the client times out before reading it, then retries the same key.
        with httpx.Client(base_url=svc.url, timeout=30, headers=auth(token)) as c:
            first = c.post("/v1/push", json=body).json()
            retry = c.post("/v1/push", json=body).json()
        assert retry["results"] == first["results"] and retry["replayed"] is True
        assert len(s3.list("u/hana/log/")) == 1
    finally:
        svc.stop()


def test_degraded_reads_are_capped_at_the_replica_and_keep_client_cursors(tmp_path: Path, moto_s3, azurite) -> None:
    _, az = _stores(moto_s3, azurite)
    cfg = _cfg(moto_s3, azurite, reconcile_interval_seconds="0")  # no reconciler: Azure keeps lagging
    first = ServiceProcess(tmp_path / "a.log", **cfg)
    try:
        token = make_token("ivy", "laptop", **cfg)
        with httpx.Client(base_url=first.url, timeout=30, headers=auth(token)) as c:
            c.post("/v1/push", json=push_body("laptop", record(name="copied")))
            _poll(lambda: len(az.list("u/ivy/log/")) == 1)
            azurite.stop()
            for i in range(2):
                assert c.post("/v1/push", json=push_body("laptop", record(name=f"s3-only-{i}"))).status_code == 200
            cursor = c.get("/v1/changes").json()["cursor"]  # the client has seen seq 3
            azurite.start()
    finally:
        first.stop()
    moto_s3.stop()
    cold = ServiceProcess(tmp_path / "b.log", **cfg)  # a fresh replica of the service: no cached state
    try:
        with httpx.Client(base_url=cold.url, timeout=30, headers=auth(token)) as c:
            assert c.get("/v1/library").json()["head"] == 1  # highest contiguous seq copied to Azure
            assert [ch["payload"]["name"] for ch in c.get("/v1/changes").json()["changes"]] == ["copied"]
            page = c.get("/v1/changes", params={"cursor": cursor})
            # Lagging replica, not a reset server: an empty page, not 410 (which would force a full resync).
            assert page.status_code == 200 and page.json() == {"changes": [], "cursor": cursor, "has_more": False}
    finally:
        cold.stop()


def _metric_sum(url: str, name: str, **labels: str) -> float:
    """The sum of a metric's series whose labels include `labels` (0 when there is none)."""
    total = 0.0
    for m in re.finditer(rf"^{name}(?:{{(.*?)}})? (\S+)$", httpx.get(url + "/metrics", timeout=5).text, re.M):
        have = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1) or ""))
        if all(have.get(k) == v for k, v in labels.items()):
            total += float(m.group(2))
    return total


def test_azure_refusing_is_counted_and_shows_replication_stopped(tmp_path: Path, moto_s3, azurite) -> None:
    """A 403 from the replica (its firewall, a role assignment gone, a wrong key) is no outage that heals alone:
    pushes still commit on S3, and what an operator watches says so: refusals counted for azure, the lag grows,
    the last complete replication pass never comes (the alerts QrdeskSyncStoreRefusing and
    QrdeskSyncReplicationStopped watch these; their promtool tests are in deploy/monitoring/rules)."""
    s3, az = _stores(moto_s3, azurite)
    good = _cfg(moto_s3, azurite, reconcile_interval_seconds="0.3")
    token = make_token("gail", "laptop", **good)
    wrong_key = "A" * 86 + "=="  # well-formed, not Azurite's: every request is signed wrong and answered 403
    refused = {**good, "azure_connection_string": re.sub(r"AccountKey=[^;]+", f"AccountKey={wrong_key}",
                                                         azurite.connection_string)}
    svc = ServiceProcess(tmp_path / "svc.log", **refused)
    try:
        with httpx.Client(base_url=svc.url, timeout=30, headers=auth(token)) as c:
            for _ in range(3):
                r = c.post("/v1/push", json=push_body("laptop", record()))
                assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text
        assert len(s3.list("u/gail/log/")) == 3 and az.list("u/gail/log/") == []
        _poll(lambda: _metric_sum(svc.url, "qrdesk_sync_storage_refusals_total", store="azure") >= 3)
        assert _metric_sum(svc.url, "qrdesk_sync_storage_refusals_total", store="s3") == 0
        _poll(lambda: _metric(svc.url, "qrdesk_sync_replication_lag_seq") >= 3.0)
        assert _metric(svc.url, "qrdesk_sync_replication_last_success_timestamp_seconds") == 0
    finally:
        svc.stop()
