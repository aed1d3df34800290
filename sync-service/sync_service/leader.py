"""Leader election with a Kubernetes Lease (coordination.k8s.io/v1), as client-go's leaderelection does it.

Only the holder runs the reconciler. A thread of its own tries to acquire or renew every `retry` seconds,
independently of how long a reconciler pass takes. The others take over when the Lease has not changed for its
`leaseDurationSeconds` as seen on their own clock (never by comparing clocks), and every write carries the
resourceVersion read, so two pods cannot both win (the API answers 409 to the later one).

The holder stops acting as leader `renew_deadline` (2/3 of the lease) after the *start* of its last successful
renewal: the renewal reached the API server after it started, and the others count the lease duration from
when they saw it, so the holder has stopped at least `lease - renew_deadline` seconds before anyone else can
start. A pass checks `is_leader()` before every step; one step in flight (a single object copy, bounded by the
storage timeout) fits in that margin. On a graceful stop the holder releases the Lease (empty holder), so
another pod takes over at its next try instead of after the lease duration.

RBAC: the elector calls `get`, `create` and `update` on leases, nothing else (deploy/k8s/base/rbac.yaml grants
exactly these; tests/deploy/test_leader_election.py runs pods against an API that enforces the rendered Role).
"""

from __future__ import annotations

import json
import logging
import math
import os
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

SERVICE_ACCOUNT = Path("/var/run/secrets/kubernetes.io/serviceaccount")


class Elector(Protocol):
    def is_leader(self) -> bool:
        """True while this process may act as the leader (cheap: no API call)."""

    def start(self) -> None:
        """Begin campaigning (a background thread)."""

    def stop(self) -> None:
        """Stop campaigning and give up the leadership; call only after the leader's work has stopped."""


class AlwaysLeader:
    """One process (local store, a single pod, the CLI): it is the leader."""

    def is_leader(self) -> bool:
        return True

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


class LeaseApiError(Exception):
    def __init__(self, status: int, detail: str = "") -> None:
        super().__init__(f"lease API answered {status} {detail}".strip())
        self.status = status


class KubernetesApi:
    """The few Lease calls, over the pod's service-account token (re-read each call: it is rotated)."""

    def __init__(self, base_url: str | None = None, token_file: Path | None = None, ca_file: Path | None = None,
                 timeout: float = 3.0) -> None:
        host, port = os.environ.get("KUBERNETES_SERVICE_HOST"), os.environ.get("KUBERNETES_SERVICE_PORT", "443")
        self.base_url = base_url or f"https://{host}:{port}"
        self.token_file = token_file if token_file is not None else SERVICE_ACCOUNT / "token"
        ca = ca_file if ca_file is not None else SERVICE_ACCOUNT / "ca.crt"
        self._ssl = ssl.create_default_context(cafile=str(ca)) if self.base_url.startswith("https") else None
        self.timeout = timeout

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if self.token_file.is_file():
            headers["Authorization"] = f"Bearer {self.token_file.read_text().strip()}"
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout, context=self._ssl) as resp:
                doc: dict[str, Any] = json.loads(resp.read())
                return doc
        except urllib.error.HTTPError as err:
            raise LeaseApiError(err.code, err.reason) from None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class LeaseElector:
    def __init__(self, api: KubernetesApi, namespace: str, name: str, identity: str,
                 lease_seconds: float = 15, clock: Callable[[], float] = time.monotonic,
                 on_change: Callable[[bool], None] | None = None) -> None:
        self.api = api
        self.path = f"/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}"
        self.collection = f"/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases"
        self.name = name
        self.identity = identity
        self.lease_seconds = lease_seconds
        # client-go's defaults for a 15 s lease: renew deadline 10 s, retry period 2 s.
        self.renew_deadline = lease_seconds * 2 / 3
        self.retry_seconds = lease_seconds * 2 / 15
        self._clock = clock
        self._on_change = on_change
        self._observed: tuple[str, float] | None = None  # (resourceVersion, when we first saw it)
        self._valid_until = float("-inf")
        self._leading = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def is_leader(self) -> bool:
        return self._clock() < self._valid_until

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="lease-elector", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            self.try_once()
            if self._stop.wait(self.retry_seconds):
                return

    def try_once(self) -> bool:
        """One attempt to acquire or renew. True if this process holds the Lease now."""
        started = self._clock()
        try:
            won = self._try()
        except (LeaseApiError, OSError, ValueError, KeyError) as err:
            log.warning("leader election: %s", err)
            won = False
        if won:
            self._valid_until = started + self.renew_deadline
        self._report()
        return won

    def _report(self) -> None:
        leading = self.is_leader()
        if leading != self._leading:
            self._leading = leading
            log.warning("leader election: %s %s lease %s", self.identity, "now holds" if leading else "lost",
                        self.name)
            if self._on_change is not None:
                self._on_change(leading)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.api.timeout * 2 + self.retry_seconds)
        was_leader = self.is_leader()
        self._valid_until = float("-inf")
        self._report()
        if was_leader:
            self._release()

    def _release(self) -> None:
        """Give the Lease up (empty holder), so another pod need not wait for it to expire."""
        try:
            lease = self.api.request("GET", self.path)
            if (lease.get("spec") or {}).get("holderIdentity") != self.identity:
                return
            lease["spec"] = {**lease["spec"], "holderIdentity": "", "leaseDurationSeconds": 1, "renewTime": _now()}
            self.api.request("PUT", self.path, lease)
            log.warning("leader election: %s released lease %s", self.identity, self.name)
        except (LeaseApiError, OSError, ValueError) as err:
            log.warning("leader election: release failed (the lease expires by itself): %s", err)

    def _spec(self, transitions: int, acquire: str) -> dict[str, Any]:
        return {"holderIdentity": self.identity, "leaseDurationSeconds": max(1, math.ceil(self.lease_seconds)),
                "acquireTime": acquire, "renewTime": _now(), "leaseTransitions": transitions}

    def _try(self) -> bool:
        try:
            lease = self.api.request("GET", self.path)
        except LeaseApiError as err:
            if err.status != 404:
                raise
            body = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": {"name": self.name},
                    "spec": self._spec(0, _now())}
            try:
                self.api.request("POST", self.collection, body)
                return True
            except LeaseApiError as created:
                if created.status == 409:
                    return False  # another pod created it first
                raise
        spec = lease.get("spec") or {}
        version = lease["metadata"]["resourceVersion"]
        now = self._clock()
        if self._observed is None or self._observed[0] != version:
            self._observed = (version, now)
        holder = spec.get("holderIdentity")
        duration = float(spec.get("leaseDurationSeconds") or self.lease_seconds)
        if holder and holder != self.identity and now - self._observed[1] < duration:
            return False
        transitions = int(spec.get("leaseTransitions") or 0) + (0 if holder == self.identity else 1)
        acquire = spec.get("acquireTime") if holder == self.identity else _now()
        lease["spec"] = self._spec(transitions, acquire or _now())
        try:
            self.api.request("PUT", self.path, lease)  # carries metadata.resourceVersion: 409 if it changed
        except LeaseApiError as err:
            if err.status == 409:
                return False
            raise
        return True
