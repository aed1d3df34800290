"""A small NetworkPolicy evaluator (networking.k8s.io/v1 semantics) for the rendered overlays.

It answers "may this connection happen?" the way the API documents it, so a selector that matches nothing, a
missing port or a wrong namespace shows up as a blocked path instead of a green schema check:

- a pod is isolated for a direction when any policy of its namespace selects it with that policyType; an isolated
  pod allows exactly the union of the matching rules of the policies that select it;
- a rule with no `to`/`from` matches every peer, no `ports` matches every port; a peer with only `podSelector`
  means pods of the policy's own namespace, `namespaceSelector` + `podSelector` both must match, `ipBlock`
  matches addresses outside the cluster (CIDR minus `except`);
- named ports resolve against the destination pod's container ports; `endPort` makes a range; protocol
  defaults to TCP; label selectors support matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist).

A connection from A to B needs egress allowed at A and ingress allowed at B.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Pod:
    namespace: str
    labels: dict[str, str]
    namespace_labels: dict[str, str]
    ports: dict[str, int] = field(default_factory=dict)  # container port name -> number
    ip: str = "10.0.0.10"


@dataclass(frozen=True)
class External:
    """An address outside the cluster (S3, STS, Azure, a load balancer node in the VPC)."""

    ip: str


Peer = Pod | External


def selector_matches(selector: dict[str, Any] | None, labels: dict[str, str]) -> bool:
    """A LabelSelector; an empty selector matches everything, a missing one (None) matches nothing."""
    if selector is None:
        return False
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr["key"], expr["operator"], expr.get("values") or []
        present = key in labels
        if op == "In" and not (present and labels[key] in values):
            return False
        if op == "NotIn" and present and labels[key] in values:
            return False
        if op == "Exists" and not present:
            return False
        if op == "DoesNotExist" and present:
            return False
    return True


def _peer_matches(peer: dict[str, Any], other: Peer, policy_namespace: str) -> bool:
    if "ipBlock" in peer:
        if not isinstance(other, External):
            return False
        block = peer["ipBlock"]
        address = ipaddress.ip_address(other.ip)
        if address not in ipaddress.ip_network(block["cidr"]):
            return False
        return not any(address in ipaddress.ip_network(cidr) for cidr in block.get("except") or [])
    if not isinstance(other, Pod):
        return False
    if "namespaceSelector" in peer:
        if not selector_matches(peer["namespaceSelector"], other.namespace_labels):
            return False
    elif other.namespace != policy_namespace:
        return False
    return "podSelector" not in peer or selector_matches(peer["podSelector"], other.labels)


def _port_matches(rule_ports: list[dict[str, Any]] | None, port: int, protocol: str, target: Peer) -> bool:
    if not rule_ports:
        return True
    for spec in rule_ports:
        if spec.get("protocol", "TCP") != protocol:
            continue
        wanted = spec.get("port")
        if wanted is None:
            return True
        if isinstance(wanted, str):
            if not isinstance(target, Pod) or wanted not in target.ports:
                continue
            wanted = target.ports[wanted]
        if wanted <= port <= spec.get("endPort", wanted):
            return True
    return False


def _policies_selecting(policies: list[dict[str, Any]], pod: Pod, direction: str) -> list[dict[str, Any]]:
    return [p for p in policies
            if p["metadata"].get("namespace") == pod.namespace
            and direction in p["spec"].get("policyTypes", ["Ingress"])
            and selector_matches(p["spec"].get("podSelector"), pod.labels)]


def egress_allowed(policies: list[dict[str, Any]], src: Pod, dst: Peer, port: int, protocol: str = "TCP") -> bool:
    selecting = _policies_selecting(policies, src, "Egress")
    if not selecting:
        return True
    for policy in selecting:
        for rule in policy["spec"].get("egress") or []:
            peers = rule.get("to")
            if (not peers or any(_peer_matches(p, dst, policy["metadata"]["namespace"]) for p in peers)) \
                    and _port_matches(rule.get("ports"), port, protocol, dst):
                return True
    return False


def ingress_allowed(policies: list[dict[str, Any]], src: Peer, dst: Pod, port: int, protocol: str = "TCP") -> bool:
    selecting = _policies_selecting(policies, dst, "Ingress")
    if not selecting:
        return True
    for policy in selecting:
        for rule in policy["spec"].get("ingress") or []:
            peers = rule.get("from")
            if (not peers or any(_peer_matches(p, src, policy["metadata"]["namespace"]) for p in peers)) \
                    and _port_matches(rule.get("ports"), port, protocol, dst):
                return True
    return False


def connection_allowed(policies: list[dict[str, Any]], src: Peer, dst: Peer, port: int,
                       protocol: str = "TCP") -> bool:
    out = egress_allowed(policies, src, dst, port, protocol) if isinstance(src, Pod) else True
    into = ingress_allowed(policies, src, dst, port, protocol) if isinstance(dst, Pod) else True
    return out and into
