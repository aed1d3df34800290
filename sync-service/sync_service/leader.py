"""Leader election with a Kubernetes Lease (coordination.k8s.io/v1), as client-go's leaderelection does it.

Only the holder runs the reconciler. The holder renews every `renew_seconds`; the others take over when the
Lease has not changed for `lease_seconds` as seen on their own clock (never by comparing clocks), and every
write carries the resourceVersion read, so two pods cannot both win (the API answers 409 to the later one).
A holder that cannot renew within `lease_seconds` stops acting as leader before anyone else can start.
"""

from __future__ import annotations

import json
import logging
import os
import ssl
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

SERVICE_ACCOUNT = Path("/var/run/secrets/kubernetes.io/serviceaccount")


class Elector(Protocol):
    def is_leader(self) -> bool:
        """Try to acquire or renew; True while this process may act as the leader."""


class AlwaysLeader:
    """One process (local store, a single pod, the CLI): it is the leader."""

    def is_leader(self) -> bool:
        return True


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
                 lease_seconds: int = 15, clock: Any = time.monotonic) -> None:
        self.api = api
        self.path = f"/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}"
        self.collection = f"/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases"
        self.name = name
        self.identity = identity
        self.lease_seconds = lease_seconds
        self._clock = clock
        self._observed: tuple[str, float] | None = None  # (resourceVersion, when we first saw it)
        self._renewed_at: float | None = None

    def _spec(self, transitions: int, acquire: str) -> dict[str, Any]:
        return {"holderIdentity": self.identity, "leaseDurationSeconds": self.lease_seconds,
                "acquireTime": acquire, "renewTime": _now(), "leaseTransitions": transitions}

    def is_leader(self) -> bool:
        try:
            won = self._try()
        except (LeaseApiError, OSError, ValueError) as err:
            log.warning("leader election: %s", err)
            won = False
        now = self._clock()
        if won:
            if self._renewed_at is None:
                log.warning("leader election: %s now holds lease %s", self.identity, self.name)
            self._renewed_at = now
            return True
        # Still the leader only while the last renewal is fresh enough that nobody else can have taken over.
        if self._renewed_at is not None and now - self._renewed_at < self.lease_seconds * 2 / 3:
            return True
        if self._renewed_at is not None:
            log.warning("leader election: %s lost lease %s", self.identity, self.name)
        self._renewed_at = None
        return False

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
