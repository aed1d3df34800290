"""A stand-in for the Kubernetes API server's Lease endpoints, with the semantics leader election relies on.

Looked for first: kmock 0.8 (PyPI) has a Kubernetes emulator, but its PUT merges the body without comparing
metadata.resourceVersion and never assigns one, so two candidates could both win; mockernetes patches the
`kubernetes` client library instead of serving HTTP (the elector speaks HTTP); kube-apiserver, envtest and kwok
are Go binaries from outside the package registries. So this small server implements coordination.k8s.io/v1
Leases as the API server does, for what matters here:

- GET .../namespaces/{ns}/leases/{name}: 200, or 404 (a Status with reason NotFound).
- POST .../namespaces/{ns}/leases: 201 with a new metadata.resourceVersion; 409 AlreadyExists.
- PUT .../namespaces/{ns}/leases/{name}: 404 when absent; 409 Conflict when the body's resourceVersion is not the
  current one (optimistic concurrency); 200 with a new resourceVersion. Without a resourceVersion the update is
  unconditional, as the API server allows for Leases.
- RBAC: every request is authorized against the rules of the Role bound to the pods' service account, taken from
  the rendered manifests (verbs get/list/watch/create/update/patch/delete as the API server maps them, apiGroups,
  resources, resourceNames); a request no rule allows answers 403 Forbidden and is recorded.

Every request is recorded with the server's monotonic time, so tests read renewals and hand-overs as the API
server saw them.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

_PATH = re.compile(r"^/apis/(?P<group>[^/]+)/(?P<version>[^/]+)/namespaces/(?P<ns>[^/]+)/(?P<resource>[^/]+)"
                   r"(?:/(?P<name>[^/]+))?$")


@dataclass(frozen=True)
class Rule:
    api_groups: frozenset[str]
    resources: frozenset[str]
    verbs: frozenset[str]
    resource_names: frozenset[str]

    def allows(self, group: str, resource: str, verb: str, name: str | None) -> bool:
        if not ({group, "*"} & self.api_groups and {resource, "*"} & self.resources and {verb, "*"} & self.verbs):
            return False
        # As the API server: a rule with resourceNames never matches a request without a name (create, list).
        return not self.resource_names or (name is not None and name in self.resource_names)


@dataclass
class Role:
    namespace: str
    rules: list[Rule]

    @classmethod
    def from_rendered(cls, docs: list[dict[str, Any]]) -> Role:
        """The Role the Deployment's service account is bound to, from `kubectl kustomize` output."""
        (deploy,) = [d for d in docs if d["kind"] == "Deployment"]
        account = deploy["spec"]["template"]["spec"]["serviceAccountName"]
        namespace = deploy["metadata"]["namespace"]
        bound = {b["roleRef"]["name"] for b in docs if b["kind"] == "RoleBinding"
                 if {"kind": "ServiceAccount", "name": account, "namespace": namespace} in b["subjects"]}
        rules = [Rule(frozenset(r.get("apiGroups", [])), frozenset(r.get("resources", [])),
                      frozenset(r.get("verbs", [])), frozenset(r.get("resourceNames", [])))
                 for role in docs if role["kind"] == "Role" and role["metadata"]["name"] in bound
                 for r in role["rules"]]
        return cls(namespace, rules)

    def granted(self, resource: str) -> set[str]:
        return {verb for r in self.rules if resource in r.resources for verb in r.verbs}


@dataclass(frozen=True)
class Event:
    at: float  # the server's time.monotonic() when it answered
    verb: str
    name: str | None
    status: int
    holder: str | None = None  # the Lease's holder after this request (when it is about one Lease)


@dataclass
class LeaseApiServer:
    """The API server stand-in on a free loopback port; `start()` / `stop()`; `url` for the clients."""

    role: Role
    events: list[Event] = field(default_factory=list)
    leases: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    _version: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> LeaseApiServer:
        threading.Thread(target=self._server.serve_forever, name="lease-api", daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def holder(self, name: str) -> str | None:
        with self._lock:
            lease = self.leases.get((self.role.namespace, name))
            return None if lease is None else (lease["spec"].get("holderIdentity") or None)

    def verbs_used(self) -> set[str]:
        return {e.verb for e in self.events}

    def writes_holding(self, holder: str) -> list[float]:
        """When the server accepted a create or update that left `holder` holding the Lease."""
        return [e.at for e in self.events if e.holder == holder and e.verb in ("create", "update") and e.status < 300]

    def handle(self, method: str, path: str, body: dict[str, Any] | None) -> tuple[int, dict[str, Any]]:
        url = urlsplit(path)
        match = _PATH.match(url.path)
        if not match:
            return 404, _status(404, "NotFound", f"no such path {url.path}")
        group, resource, ns, name = match["group"], match["resource"], match["ns"], match["name"]
        verb = _verb(method, name, parse_qs(url.query))
        with self._lock:
            if ns != self.role.namespace or not any(r.allows(group, resource, verb, name) for r in self.role.rules):
                return self._answer(verb, name, 403, _status(403, "Forbidden", f"cannot {verb} {resource} {name}"))
            if (group, resource) != ("coordination.k8s.io", "leases") or verb not in ("get", "create", "update"):
                return self._answer(verb, name, 405, _status(405, "MethodNotAllowed", f"{verb} is not served here"))
            if verb == "create":
                name = ((body or {}).get("metadata") or {}).get("name")
                if not name:
                    return self._answer(verb, name, 422, _status(422, "Invalid", "metadata.name is required"))
                if (ns, name) in self.leases:
                    return self._answer(verb, name, 409, _status(409, "AlreadyExists", f"lease {name} exists"))
                lease = self._stamp(body or {}, ns, name, {"uid": str(uuid.uuid4()),
                                                           "creationTimestamp": _now_text()})
                return self._answer(verb, name, 201, lease)
            current = self.leases.get((ns, name or ""))
            if current is None:
                return self._answer(verb, name, 404, _status(404, "NotFound", f"lease {name} not found"))
            if verb == "get":
                return self._answer(verb, name, 200, current)
            sent = ((body or {}).get("metadata") or {}).get("resourceVersion")
            if sent is not None and sent != current["metadata"]["resourceVersion"]:
                return self._answer(verb, name, 409, _status(409, "Conflict", "the object has been modified"))
            kept = {k: current["metadata"][k] for k in ("uid", "creationTimestamp")}
            return self._answer(verb, name, 200, self._stamp(body or {}, ns, name or "", kept))

    def _stamp(self, body: dict[str, Any], ns: str, name: str, kept: dict[str, Any]) -> dict[str, Any]:
        self._version += 1
        lease = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "spec": dict(body.get("spec") or {}),
                 "metadata": {**kept, "name": name, "namespace": ns, "resourceVersion": str(self._version)}}
        self.leases[(ns, name)] = lease
        return lease

    def _answer(self, verb: str, name: str | None, status: int, doc: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        lease = self.leases.get((self.role.namespace, name or ""))
        holder = None if lease is None else (lease["spec"].get("holderIdentity") or None)
        self.events.append(Event(time.monotonic(), verb, name, status, holder))
        return status, json.loads(json.dumps(doc))


def _verb(method: str, name: str | None, query: dict[str, list[str]]) -> str:
    if method == "GET":
        return "get" if name else ("watch" if query.get("watch") == ["true"] else "list")
    if method == "DELETE":
        return "delete" if name else "deletecollection"
    return {"POST": "create", "PUT": "update", "PATCH": "patch"}.get(method, method.lower())


def _status(code: int, reason: str, message: str) -> dict[str, Any]:
    return {"kind": "Status", "apiVersion": "v1", "status": "Failure", "code": code, "reason": reason,
            "message": message}


def _now_text() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _handler(api: LeaseApiServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            status, doc = api.handle(self.command, self.path, body)
            data = json.dumps(doc).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
