"""The reconciler's leader election as the rendered manifests deploy it, by behaviour.

Three `sync-service serve` processes get the environment the aws overlay gives its pods (the ConfigMap, a pod name
and namespace as the Deployment's fieldRefs do) with moto and Azurite as the clouds, and talk to a Lease API
(tests/sync_service/kube_api.py) that enforces resourceVersion concurrency and the Role the manifests bind to the
pods' service account. Exactly one pod leads and only it reconciles; SIGKILL it and another takes over once the
lease has expired, not before; the verbs the pods used are exactly the verbs the Role grants, and each of them is
needed. (Threads losing the API, step-down before hand-over: tests/sync_service/test_leader.py.)
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest
import yaml
from sync_service.leader import KubernetesApi, LeaseElector
from sync_service.settings import Settings

from tests.sync_service.helpers import ServiceProcess, clouds, metric, wait_for
from tests.sync_service.kube_api import LeaseApiServer, Role, Rule

LEASE = 3  # seconds (the manifests keep the default, 15)
LEADER = "qrdesk_sync_reconciler_leader"
LAST_PASS = "qrdesk_sync_replication_last_success_timestamp_seconds"


def _docs(rendered: str) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(rendered) if d]


def _pod_environment(docs: list[dict[str, Any]]) -> dict[str, str]:
    """The ConfigMap the Deployment loads with envFrom (the settings every pod starts with)."""
    (deploy,) = [d for d in docs if d["kind"] == "Deployment"]
    container = deploy["spec"]["template"]["spec"]["containers"][0]
    (ref,) = [src["configMapRef"]["name"] for src in container["envFrom"]]
    (config,) = [d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"] == ref]
    return dict(config["data"])


def _lease_name(environment: dict[str, str]) -> str:
    return environment.get("QRDESK_SYNC_LEASE_NAME") or Settings.model_fields["lease_name"].default


@pytest.fixture(scope="module")
def aws(rendered_overlays: dict[str, str]) -> list[dict[str, Any]]:
    return _docs(rendered_overlays["aws"])


def test_each_verb_the_role_grants_is_needed_to_lead(aws: list[dict[str, Any]], tmp_path: Path) -> None:
    role = Role.from_rendered(aws)
    name = _lease_name(_pod_environment(aws))
    granted = role.granted("leases")
    assert granted, "the pods' service account may not use leases at all"
    for missing in [None, *sorted(granted)]:
        rules = [Rule(r.api_groups, r.resources, r.verbs - {missing}, r.resource_names) for r in role.rules]
        api = LeaseApiServer(Role(role.namespace, rules)).start()
        try:
            elector = LeaseElector(KubernetesApi(api.url, token_file=tmp_path / "none"), role.namespace, name, "pod-0")
            leads = elector.try_once() and elector.try_once()  # acquire, then renew
        finally:
            api.stop()
        assert leads == (missing is None), f"without {missing!r} the pod {'still leads' if leads else 'cannot lead'}"


@pytest.mark.emulators
def test_rendered_pods_elect_one_reconciler_and_replace_a_killed_one(aws: list[dict[str, Any]],
                                                                     tmp_path: Path) -> None:
    role = Role.from_rendered(aws)
    environment = _pod_environment(aws)
    lease_name = _lease_name(environment)
    api = LeaseApiServer(role).start()
    pods: dict[str, ServiceProcess] = {}
    with clouds("lease") as emulated:
        try:
            for i in range(3):
                pod = f"sync-service-7d9f-{i}"
                env = {k: v for k, v in environment.items() if not k.startswith(("QRDESK_SYNC_S3", "QRDESK_SYNC_AZ"))}
                env |= {**emulated, "QRDESK_SYNC_POD_NAME": pod, "QRDESK_SYNC_POD_NAMESPACE": role.namespace,
                        "QRDESK_SYNC_KUBERNETES_API_URL": api.url, "QRDESK_SYNC_LEASE_SECONDS": str(LEASE),
                        "QRDESK_SYNC_RECONCILE_INTERVAL_SECONDS": "0.2", "QRDESK_SYNC_HEALTH_INTERVAL_SECONDS": "0.5",
                        "QRDESK_SYNC_LOG_LEVEL": "INFO"}
                pods[pod] = ServiceProcess(tmp_path / f"{pod}.log", extra_env=env, wait=False)
            for pod_process in pods.values():
                pod_process.wait_ready()

            def leaders() -> list[str]:
                return [n for n, p in pods.items() if p.proc.poll() is None and metric(p.url, LEADER) == 1]

            wait_for(lambda: api.holder(lease_name) and leaders() == [api.holder(lease_name)], "exactly one leader")
            first = api.holder(lease_name)
            assert first is not None
            wait_for(lambda: metric(pods[first].url, LAST_PASS) > 0, "the leader's reconciler finishing a pass")
            assert [metric(p.url, LAST_PASS) for n, p in pods.items() if n != first] == [0, 0], "a follower reconciled"

            os.kill(pods[first].proc.pid, signal.SIGKILL)
            pods[first].proc.wait(10)
            wait_for(lambda: api.holder(lease_name) not in (None, first), "another pod taking over", timeout=60)
            second = api.holder(lease_name)
            assert second is not None
            taken = min(api.writes_holding(second)) - max(api.writes_holding(first))
            assert taken >= LEASE, f"taken over {taken:.1f} s after the last renewal, before the lease expired"
            wait_for(lambda: leaders() == [second], "the new leader reporting itself")
            wait_for(lambda: metric(pods[second].url, LAST_PASS) > 0, "the new leader reconciling")
            (third,) = set(pods) - {first, second}
            assert metric(pods[third].url, LAST_PASS) == 0, "a follower reconciled"
        finally:
            for pod_process in pods.values():
                pod_process.stop()
            api.stop()
    assert not [e for e in api.events if e.status == 403], "the Role refused a call the pods make"
    assert api.verbs_used() == role.granted("leases"), "the Role grants verbs the pods never use"
