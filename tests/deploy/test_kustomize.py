"""Both overlays build with `kubectl kustomize`, validate strictly against the Kubernetes 1.30 schemas, and keep
the properties the service needs (hardening, probes, zone spread, cloud identity)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from deploy_checks import FIXTURES, KUBERNETES_VERSION, OVERLAYS, kustomize_build, require_module

EXPECTED_KINDS = {"Namespace", "ServiceAccount", "ConfigMap", "Deployment", "Service", "Ingress",
                  "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Role", "RoleBinding"}


def validation_errors(docs: list[dict[str, Any]]) -> list[str]:
    """kubernetes-validate in strict mode: unknown fields, wrong types and unknown kinds are errors."""
    kv = require_module("kubernetes_validate", "kubernetes-validate")
    errors = []
    for doc in docs:
        try:
            kv.validate(doc, KUBERNETES_VERSION, strict=True)
        except Exception as exc:  # the library raises several unrelated types (schema, unknown version/kind)
            errors.append(f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}: {exc}")
    return errors


def load(text: str) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(text) if d]


def by_kind(docs: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [d for d in docs if d["kind"] == kind]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_validates_strictly(overlay: str, rendered_overlays: dict[str, str]) -> None:
    docs = load(rendered_overlays[overlay])
    assert {d["kind"] for d in docs} == EXPECTED_KINDS
    assert all(d["metadata"].get("namespace") == "qrdesk" for d in docs if d["kind"] != "Namespace")
    assert validation_errors(docs) == []


def test_invalid_manifest_fixture_fails_validation() -> None:
    (doc,) = load((FIXTURES / "invalid-manifest.yaml").read_text())
    (error,) = validation_errors([doc])
    assert "'three' is not of type 'integer'" in error
    # With the type fixed, strict mode still refuses the misspelt field (non-strict would accept it).
    doc["spec"]["replicas"] = 1
    (error,) = validation_errors([doc])
    assert "'securityContxt' was unexpected" in error


def test_broken_overlay_fixture_fails_to_build() -> None:
    result = kustomize_build(FIXTURES / "kustomize-broken")
    assert result.returncode != 0
    assert "no-such-deployment" in result.stderr


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_deployment_is_hardened_and_probed(overlay: str, rendered_overlays: dict[str, str]) -> None:
    (deploy,) = by_kind(load(rendered_overlays[overlay]), "Deployment")
    pod = deploy["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    sc = container["securityContext"]
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] == 10001
    assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    assert {m["mountPath"] for m in container["volumeMounts"]} >= {"/tmp"}
    assert container["resources"]["requests"] and container["resources"]["limits"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["ports"] == [{"name": "http", "containerPort": 8080, "protocol": "TCP"}]
    assert container["image"].startswith("ghcr.io/qrdesk/sync-service:")
    zones = [c for c in pod["topologySpreadConstraints"] if c["topologyKey"] == "topology.kubernetes.io/zone"]
    assert zones and zones[0]["whenUnsatisfiable"] == "DoNotSchedule"
    env = {e["name"]: e for e in container["env"]}
    for name, key in (("QRDESK_SYNC_CURSOR_KEY", "cursor-key"), ("QRDESK_SYNC_TOKEN_PEPPER", "token-pepper")):
        assert env[name]["valueFrom"]["secretKeyRef"] == {"name": "sync-service-secrets", "key": key}
    (config,) = by_kind(load(rendered_overlays[overlay]), "ConfigMap")
    assert config["data"]["QRDESK_SYNC_STORE"] == "s3+azure"
    assert not any(v == "set-by-overlay" for v in config["data"].values()), "an overlay left a placeholder"


def test_cloud_identities_are_bound(rendered_overlays: dict[str, str]) -> None:
    aws = load(rendered_overlays["aws"])
    azure = load(rendered_overlays["azure"])
    (aws_sa,) = by_kind(aws, "ServiceAccount")
    assert aws_sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].startswith("arn:aws:iam::")
    (az_sa,) = by_kind(azure, "ServiceAccount")
    assert "azure.workload.identity/client-id" in az_sa["metadata"]["annotations"]
    (az_deploy,) = by_kind(azure, "Deployment")
    assert az_deploy["spec"]["template"]["metadata"]["labels"]["azure.workload.identity/use"] == "true"
    # Each cloud reaches the other one's store through a projected token with the other side's audience.
    audiences = {
        name: [s["serviceAccountToken"]["audience"]
               for v in by_kind(docs, "Deployment")[0]["spec"]["template"]["spec"]["volumes"] if "projected" in v
               for s in v["projected"]["sources"] if "audience" in s.get("serviceAccountToken", {})]
        for name, docs in (("aws", aws), ("azure", azure))
    }
    assert audiences == {"aws": ["api://AzureADTokenExchange"], "azure": ["sts.amazonaws.com"]}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_scaling_disruption_and_network_policy(overlay: str, rendered_overlays: dict[str, str]) -> None:
    docs = load(rendered_overlays[overlay])
    (hpa,) = by_kind(docs, "HorizontalPodAutoscaler")
    (deploy,) = by_kind(docs, "Deployment")
    # A fixed count next to the HPA would reset the autoscaled count on every `kubectl apply`.
    assert "replicas" not in deploy["spec"], "the HPA owns spec.replicas"
    assert hpa["spec"]["scaleTargetRef"]["name"] == deploy["metadata"]["name"]
    metric_kinds = {m["type"] for m in hpa["spec"]["metrics"]}
    assert metric_kinds == {"Resource", "Pods"}
    assert hpa["spec"]["minReplicas"] >= 3
    (pdb,) = by_kind(docs, "PodDisruptionBudget")
    assert pdb["spec"]["minAvailable"] < hpa["spec"]["minReplicas"]
    policies = {p["metadata"]["name"]: p for p in by_kind(docs, "NetworkPolicy")}
    assert policies["default-deny"]["spec"]["podSelector"] == {}
    sources = [f for rule in policies["sync-service"]["spec"]["ingress"] for f in rule["from"]]
    assert any("ipBlock" in f for f in sources), "the load balancer's range must be admitted"
    (ingress,) = by_kind(docs, "Ingress")
    assert ingress["spec"]["ingressClassName"] == {"aws": "alb", "azure": "azure-application-gateway"}[overlay]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_leader_election_can_use_only_its_lease(overlay: str, rendered_overlays: dict[str, str]) -> None:
    docs = load(rendered_overlays[overlay])
    (role,) = by_kind(docs, "Role")
    (binding,) = by_kind(docs, "RoleBinding")
    (deploy,) = by_kind(docs, "Deployment")
    pod = deploy["spec"]["template"]["spec"]
    assert binding["roleRef"]["name"] == role["metadata"]["name"]
    assert binding["subjects"] == [{"kind": "ServiceAccount", "name": pod["serviceAccountName"], "namespace": "qrdesk"}]
    rules = role["rules"]
    assert all(r["resources"] == ["leases"] and r["apiGroups"] == ["coordination.k8s.io"] for r in rules)
    named = [r for r in rules if "resourceNames" in r]
    assert named and set(named[0]["verbs"]) == {"get", "update"}
    assert {v for r in rules if "resourceNames" not in r for v in r["verbs"]} == {"create"}
    # The API token is mounted explicitly (read-only, expiring), not by automount.
    assert pod["automountServiceAccountToken"] is False
    (api,) = [v for v in pod["volumes"] if v["name"] == "kube-api-access"]
    assert api["projected"]["sources"][0]["serviceAccountToken"]["expirationSeconds"] <= 3607
    env = {e["name"] for e in pod["containers"][0]["env"]}
    assert {"QRDESK_SYNC_POD_NAME", "QRDESK_SYNC_POD_NAMESPACE"} <= env
