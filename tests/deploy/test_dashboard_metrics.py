"""The dashboard and the alert rules query only metrics the sync service really exports.

The main check starts the real service (`sync-service serve`, local store, temporary data dir) on 127.0.0.1,
sends it a few requests, scrapes /metrics and compares. The checker itself is tested on a hand-made scrape and
on a dashboard fixture with a wrong metric name.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from deploy_checks import DASHBOARD, FIXTURES, ROOT, RULES
from promql_names import (
    EXTERNAL_METRICS,
    bucket_bounds,
    dashboard_exprs,
    metric_names,
    rule_exprs,
    scraped_bucket_bounds,
    unexported,
)

CONTRACT_METRICS = {
    "qrdesk_sync_http_requests_total", "qrdesk_sync_http_request_duration_seconds",
    "qrdesk_sync_storage_operation_duration_seconds", "qrdesk_sync_storage_errors_total", "qrdesk_sync_commits_total",
    "qrdesk_sync_conflicts_total", "qrdesk_sync_blob_bytes_total", "qrdesk_sync_replication_lag_seq",
    "qrdesk_sync_replication_lag_seconds", "qrdesk_sync_degraded", "qrdesk_sync_push_records_total",
}
STARTUP_TIMEOUT_S = 30


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _service_command() -> str:
    exe = shutil.which("sync-service") or str(Path(sys.executable).with_name("sync-service"))
    if not Path(exe).is_file():
        pytest.fail("the sync-service command is not installed: `pip install -e sync-service` into .venv "
                    "(this test scrapes the real service)", pytrace=False)
    return exe


@pytest.fixture(scope="module")
def real_scrape(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """/metrics of a real sync service that has answered a few requests."""
    exe = _service_command()
    data_dir = tmp_path_factory.mktemp("sync-data")
    log_path = data_dir.parent / "sync-service.log"
    port = _free_port()
    env = {
        "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
        "HOME": str(data_dir),
        # The service imports the wire models from the checkout's cloud_sync package, installed or not.
        "PYTHONPATH": str(ROOT),
        "QRDESK_SYNC_STORE": "local",
        "QRDESK_SYNC_DATA_DIR": str(data_dir),
        "QRDESK_SYNC_CURSOR_KEY": secrets.token_hex(32),
        "QRDESK_SYNC_TOKEN_PEPPER": secrets.token_hex(32),
        "QRDESK_SYNC_LOG_LEVEL": "WARNING",
    }
    base = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        proc = subprocess.Popen([exe, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=log,
                                stderr=subprocess.STDOUT, cwd=data_dir)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"sync-service exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"sync-service not ready in {STARTUP_TIMEOUT_S}s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        with httpx.Client(base_url=base, timeout=5) as client:
            # Touch the labelled request metrics the way real traffic would: probes, an API call without a token.
            for path in ("/healthz", "/readyz", "/v1/library", "/v1/changes", f"/v1/blobs/{'ab' * 32}"):
                client.get(path)
            response = client.get("/metrics")
        assert response.status_code == 200
        yield response.text
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _all_exprs() -> tuple[list[str], set[str]]:
    exprs, recorded = rule_exprs(RULES)
    return exprs + dashboard_exprs(DASHBOARD), recorded


def test_dashboard_and_rules_use_only_exported_metrics(real_scrape: str) -> None:
    exprs, recorded = _all_exprs()
    assert unexported(exprs, real_scrape, recorded) == set()


def test_slo_buckets_exist_in_the_real_histograms(real_scrape: str) -> None:
    """The latency SLO counts requests under le="0.5": that bound must be one of the service's buckets."""
    exprs, _ = _all_exprs()
    needed = bucket_bounds(exprs)
    assert needed, "the latency SLO rules should use a bucket bound"
    assert needed <= scraped_bucket_bounds(real_scrape)


def test_request_labels_match_what_the_rules_filter_on(real_scrape: str) -> None:
    """The rules exclude probes by route and count errors by status=~"5..": those label values must be real."""
    from prometheus_client.parser import text_string_to_metric_families

    samples = [s for fam in text_string_to_metric_families(real_scrape) for s in fam.samples
               if s.name == "qrdesk_sync_http_requests_total"]
    assert samples, "the probes sent by the fixture should have been counted"
    assert all(set(s.labels) == {"route", "method", "status"} for s in samples)
    assert all(re.fullmatch(r"[1-5]\d\d", s.labels["status"]) for s in samples)
    routes = {s.labels["route"] for s in samples}
    assert {"/healthz", "/readyz"} <= routes
    # Routes are templates, not raw paths (a raw path per blob would explode the series count).
    assert not any(re.search(r"[0-9a-f]{64}", r) for r in routes)


def test_dashboard_covers_the_metric_contract() -> None:
    used = {n for e in dashboard_exprs(DASHBOARD) for n in metric_names(e)}
    bases = {n.removesuffix("_bucket") for n in used}
    assert bases >= CONTRACT_METRICS
    assert used - {n for n in used if n.startswith("qrdesk_sync_")} <= EXTERNAL_METRICS


def test_dashboard_is_well_formed() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    assert dashboard["uid"] and dashboard["title"]
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    for panel in dashboard["panels"]:
        assert panel["targets"], panel["title"]
        assert panel["datasource"]["uid"] == "${datasource}"
        assert panel["gridPos"]["x"] >= 0 and panel["gridPos"]["x"] + panel["gridPos"]["w"] <= 24


def test_checker_accepts_the_sample_scrape() -> None:
    sample = (FIXTURES / "sample-scrape.txt").read_text()
    exprs, recorded = _all_exprs()
    assert unexported(exprs, sample, recorded) == set()


def test_checker_reports_a_metric_the_service_does_not_export() -> None:
    sample = (FIXTURES / "sample-scrape.txt").read_text()
    exprs = dashboard_exprs(FIXTURES / "dashboard-unknown-metric.json")
    assert unexported(exprs, sample) == {"qrdesk_sync_request_latency_seconds"}


@pytest.mark.parametrize(
    ("expr", "names"),
    [
        ('sum by (le, route) (rate(a_bucket{route!~"/x|/y",le="0.5"}[$__rate_interval]))', {"a_bucket"}),
        ("rec:ratio:rate5m > (14.4 * 0.001) and other:ratio > 1e-3", {"rec:ratio:rate5m", "other:ratio"}),
        ('absent(up{job="sync-service"} == 1)', {"up"}),
        ("max(x_seconds) > 900 and on(pod) group_left(node) y_info", {"x_seconds", "y_info"}),
    ],
)
def test_metric_name_extraction(expr: str, names: set[str]) -> None:
    assert metric_names(expr) == names


def test_repo_root_is_the_project() -> None:
    assert (ROOT / "pyproject.toml").is_file()
