"""A real Prometheus scrapes /metrics; promtool lints the exposition."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from .helpers import auth, free_port, make_token, push_body, record, wait_http


def require_tool(name: str) -> str:
    """A Prometheus tool; missing is a failure (scripts/setup.sh installs it), never a silent skip."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: run scripts/setup.sh test (Debian package prometheus)", pytrace=False)
    return found


CONTRACT = [
    "qrdesk_sync_http_requests_total", "qrdesk_sync_http_request_duration_seconds_bucket",
    "qrdesk_sync_storage_operation_duration_seconds_bucket", "qrdesk_sync_storage_errors_total",
    "qrdesk_sync_commits_total", "qrdesk_sync_conflicts_total", "qrdesk_sync_blob_bytes_total",
    "qrdesk_sync_replication_lag_seq", "qrdesk_sync_replication_lag_seconds", "qrdesk_sync_degraded",
    "qrdesk_sync_push_records_total",
]


def test_metrics_pass_promtool_and_carry_no_user_labels(local_service) -> None:
    promtool = require_tool("promtool")
    token = make_token("mia", "laptop", store="local", data_dir=str(local_service.data_dir))
    httpx.post(local_service.url + "/v1/push", json=push_body("laptop", record()), headers=auth(token), timeout=10)
    text = httpx.get(local_service.url + "/metrics", timeout=10).text
    for name in CONTRACT:
        assert f"\n{name}" in text, name
    assert 'route="/v1/blobs/{sha256}"' in text  # series exist before the first blob request
    assert 'qrdesk_sync_push_records_total{result="applied"}' in text
    assert "mia" not in text and "laptop" not in text
    out = subprocess.run([promtool, "check", "metrics"], input=text, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stdout + out.stderr


def test_real_prometheus_scrapes_the_service(local_service, tmp_path: Path) -> None:
    prometheus = require_tool("prometheus")
    target = local_service.url.removeprefix("http://")
    cfg = tmp_path / "prometheus.yml"
    cfg.write_text(
        "global: {scrape_interval: 1s}\n"
        "scrape_configs:\n"
        f"  - job_name: qrdesk-sync\n    static_configs: [{{targets: ['{target}']}}]\n"
    )
    port = free_port()
    proc = subprocess.Popen(
        [prometheus, f"--config.file={cfg}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
         f"--web.listen-address=127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        api = f"http://127.0.0.1:{port}"
        wait_http(api + "/-/ready")
        deadline = time.monotonic() + 20
        result: list = []
        while time.monotonic() < deadline and not result:
            r = httpx.get(api + "/api/v1/query", params={"query": 'up{job="qrdesk-sync"} == 1'}, timeout=5)
            result = r.json()["data"]["result"]
            if not result:
                time.sleep(0.5)
        assert result, "Prometheus never scraped the service"
        r = httpx.get(api + "/api/v1/query", params={"query": "qrdesk_sync_degraded"}, timeout=5)
        assert r.json()["data"]["result"][0]["value"][1] == "0"
        r = httpx.get(api + "/api/v1/query",
                      params={"query": 'qrdesk_sync_http_requests_total{route="/metrics"}'}, timeout=5)
        assert r.json()["data"]["result"], "request counter by route template missing"
    finally:
        proc.terminate()
        proc.wait(10)
