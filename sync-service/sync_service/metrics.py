"""Prometheus metrics. Names are a contract with the alert rules and the dashboard: do not rename.

No label carries a user id, device id or any other unbounded value.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

HTTP_REQUESTS = Counter(
    "qrdesk_sync_http_requests_total", "HTTP requests by route template, method and status",
    ["route", "method", "status"], registry=REGISTRY,
)
HTTP_DURATION = Histogram(
    "qrdesk_sync_http_request_duration_seconds", "HTTP request latency by route template and method",
    ["route", "method"], registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
STORAGE_DURATION = Histogram(
    "qrdesk_sync_storage_operation_duration_seconds", "Object store operation latency",
    ["store", "op"], registry=REGISTRY,
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
STORAGE_ERRORS = Counter(
    "qrdesk_sync_storage_errors_total", "Object store operations that failed (unreachable or server error)",
    ["store", "op"], registry=REGISTRY,
)
COMMITS = Counter("qrdesk_sync_commits_total", "Log entries committed", registry=REGISTRY)
CONFLICTS = Counter("qrdesk_sync_conflicts_total", "Pushed records answered with a conflict", registry=REGISTRY)
COMMIT_RETRIES = Counter(
    "qrdesk_sync_commit_retries_total", "Create-only log writes that lost the race and were retried",
    registry=REGISTRY,
)
BLOB_BYTES = Counter("qrdesk_sync_blob_bytes_total", "Blob bytes transferred", ["direction"], registry=REGISTRY)
REPLICATION_LAG_SEQ = Gauge(
    "qrdesk_sync_replication_lag_seq", "Objects written to the commit point and not yet confirmed on the replica",
    registry=REGISTRY,
)
REPLICATION_LAG_SECONDS = Gauge(
    "qrdesk_sync_replication_lag_seconds", "Age of the oldest object not yet confirmed on the replica",
    registry=REGISTRY,
)
DEGRADED = Gauge("qrdesk_sync_degraded", "1 while S3 is unreachable and reads come from Azure", registry=REGISTRY)
PUSH_RECORDS = Counter("qrdesk_sync_push_records_total", "Pushed records by result", ["result"], registry=REGISTRY)
REPLICATION_COPIES = Counter(
    "qrdesk_sync_replication_copies_total", "Objects copied to the replica by the reconciler", registry=REGISTRY,
)
STORAGE_REFUSALS = Counter(
    "qrdesk_sync_storage_refusals_total",
    "Object store operations the store refused (403 firewall or missing role, 401, 400): they do not heal alone",
    ["store", "op"], registry=REGISTRY,
)
STORE_UP = Gauge(
    "qrdesk_sync_store_up", "1 when the store answered the last bounded health check", ["store"], registry=REGISTRY,
)
REPLICATION_LAST_SUCCESS = Gauge(
    "qrdesk_sync_replication_last_success_timestamp_seconds",
    "When the reconciler last finished a pass with nothing left to copy (0: never, or not the leader)",
    registry=REGISTRY,
)
RECONCILER_LEADER = Gauge(
    "qrdesk_sync_reconciler_leader", "1 on the pod that holds the reconciler Lease", registry=REGISTRY,
)
FENCED = Gauge(
    "qrdesk_sync_fenced",
    "1 while this pod refuses commits: it could not confirm the failover generation on the other store within the "
    "fence time (QRDESK_SYNC_FENCE_SECONDS)", registry=REGISTRY,
)
GENERATION = Gauge(
    "qrdesk_sync_generation", "Failover generation in force (0: S3 primary since the start)", registry=REGISTRY,
)

ROUTES = [
    ("/v1/library", "GET"), ("/v1/changes", "GET"), ("/v1/push", "POST"),
    ("/v1/blobs/{sha256}", "PUT"), ("/v1/blobs/{sha256}", "HEAD"), ("/v1/blobs/{sha256}", "GET"),
    ("/v1/blobs/missing", "POST"), ("/v1/blobs/pack", "POST"), ("/v1/blobs/fetch", "POST"),
    ("/v1/auth/login", "POST"), ("/v1/auth/logout", "POST"),
    ("/v1/auth/pairing", "POST"), ("/v1/devices", "GET"), ("/v1/devices/{device_id}", "DELETE"),
    ("/healthz", "GET"), ("/readyz", "GET"), ("/metrics", "GET"),
]
STORE_OPS = ["get", "iter_chunks", "size", "put", "put_if_absent", "list", "ping"]


def init_series(stores: list[str]) -> None:
    """Create the label sets we know up front so dashboards and alerts see series before the first request."""
    for route, method in ROUTES:
        HTTP_DURATION.labels(route, method)
        HTTP_REQUESTS.labels(route, method, "200")
    for store in stores:
        STORE_UP.labels(store)
        for op in STORE_OPS:
            STORAGE_DURATION.labels(store, op)
            STORAGE_ERRORS.labels(store, op)
            STORAGE_REFUSALS.labels(store, op)
    for direction in ("in", "out"):
        BLOB_BYTES.labels(direction)
    for result in ("applied", "conflict", "missing_blobs", "rejected"):
        PUSH_RECORDS.labels(result)
