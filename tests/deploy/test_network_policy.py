"""NetworkPolicy reachability on the rendered overlays: every path the service needs is open, the rest is closed.

The evaluator (netpol.py) reads the policies exactly as `kubectl kustomize` renders them. Each fixture under
fixtures/netpol breaks one path (the first is the DNS bug seen on main: kustomize's includeSelectors put the app
labels into the CoreDNS peer selector) and must be reported as blocked.
"""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
import yaml
from deploy_checks import FIXTURES, OVERLAYS, kustomize_build, terraform_variable_default
from netpol import External, Pod, connection_allowed

# Public endpoints the pods call on 443 (addresses from each service's published ranges) and the API server.
HTTPS_ENDPOINTS = {
    "s3": "52.218.0.10", "sts": "3.5.0.10", "azure-blob": "20.60.0.10", "entra-id": "20.190.128.10",
}
API_SERVER = {"aws": "10.40.0.20", "azure": "20.50.0.20"}


def _docs(text: str) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(text) if d]


def _namespace_labels(docs: list[dict[str, Any]], name: str) -> dict[str, str]:
    labels = {"kubernetes.io/metadata.name": name}  # set by the API server on every namespace
    for doc in docs:
        if doc["kind"] == "Namespace" and doc["metadata"]["name"] == name:
            labels.update(doc["metadata"].get("labels") or {})
    return labels


def _service_pod(docs: list[dict[str, Any]]) -> Pod:
    (deploy,) = [d for d in docs if d["kind"] == "Deployment"]
    template = deploy["spec"]["template"]
    ports = {p["name"]: p["containerPort"] for c in template["spec"]["containers"] for p in c.get("ports", [])}
    namespace = deploy["metadata"]["namespace"]
    return Pod(namespace, template["metadata"]["labels"], _namespace_labels(docs, namespace), ports)


def _load_balancer_ip(overlay: str) -> str:
    """An address of the load balancer's subnet, as terraform cuts it from the VPC/VNet default range."""
    if overlay == "aws":
        vpc = ipaddress.ip_network(terraform_variable_default("aws", "vpc_cidr"))
        public = list(vpc.subnets(new_prefix=24))[48]  # cidrsubnet(vpc_cidr, 8, 48): first public subnet
        return str(public[10])
    vnet = ipaddress.ip_network(terraform_variable_default("azure", "vnet_cidr"))
    appgw = list(vnet.subnets(new_prefix=24))[32]  # cidrsubnet(vnet_cidr, 8, 32): the gateway subnet
    return str(appgw[10])


def reachability(rendered: str, overlay: str) -> dict[str, bool]:
    """Verdict for every path the service needs (True = open) and for paths that must stay closed."""
    docs = _docs(rendered)
    policies = [d for d in docs if d["kind"] == "NetworkPolicy"]
    pod = _service_pod(docs)
    coredns = Pod("kube-system", {"k8s-app": "kube-dns", "eks.amazonaws.com/component": "coredns"},
                  {"kubernetes.io/metadata.name": "kube-system"}, {"dns": 53, "dns-tcp": 53})
    prometheus = Pod("monitoring", {"app.kubernetes.io/name": "prometheus"},
                     {"kubernetes.io/metadata.name": "monitoring"})
    stranger = Pod("default", {"app": "curl"}, {"kubernetes.io/metadata.name": "default"})
    verdict = {
        "dns-udp": connection_allowed(policies, pod, coredns, 53, "UDP"),
        "dns-tcp": connection_allowed(policies, pod, coredns, 53, "TCP"),
        "kubernetes-api": connection_allowed(policies, pod, External(API_SERVER[overlay]), 443),
        "prometheus-scrape": connection_allowed(policies, prometheus, pod, pod.ports["http"]),
        "load-balancer": connection_allowed(policies, External(_load_balancer_ip(overlay)), pod, pod.ports["http"]),
    }
    for name, ip in HTTPS_ENDPOINTS.items():
        verdict[f"{name}-443"] = connection_allowed(policies, pod, External(ip), 443)
    # Must stay closed: instance metadata (node credentials), plain HTTP out, other namespaces in.
    verdict["closed:imds"] = not connection_allowed(policies, pod, External("169.254.169.254"), 80)
    verdict["closed:imds-443"] = not connection_allowed(policies, pod, External("169.254.169.254"), 443)
    verdict["closed:http-out"] = not connection_allowed(policies, pod, External(HTTPS_ENDPOINTS["s3"]), 80)
    verdict["closed:other-namespace-in"] = not connection_allowed(policies, stranger, pod, pod.ports["http"])
    verdict["closed:dns-to-other-pods"] = not connection_allowed(policies, pod, stranger, 53, "UDP")
    return verdict


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_needed_path_is_open_and_the_rest_closed(overlay: str, rendered_overlays: dict[str, str]) -> None:
    verdict = reachability(rendered_overlays[overlay], overlay)
    assert {k for k, ok in verdict.items() if not ok} == set()


@pytest.mark.parametrize(("fixture", "broken"), [
    ("dns", {"dns-udp", "dns-tcp"}),
    ("egress-443", {"s3-443", "sts-443", "azure-blob-443", "entra-id-443"}),
    ("scrape", {"prometheus-scrape"}),
    ("ingress", {"load-balancer"}),
])
def test_each_broken_fixture_is_caught(fixture: str, broken: set[str]) -> None:
    result = kustomize_build(FIXTURES / "netpol" / fixture)
    assert result.returncode == 0, result.stderr
    verdict = reachability(result.stdout, "aws")
    assert {k for k, ok in verdict.items() if not ok} == broken
