"""The monitoring objects point at what the manifests really create: ServiceMonitor → Service, adapter → HPA."""

from __future__ import annotations

import yaml
from deploy_checks import MONITORING, OVERLAYS


def _docs(text: str) -> list[dict]:
    return [d for d in yaml.safe_load_all(text) if d]


def test_service_monitor_selects_the_service(rendered_overlays: dict[str, str]) -> None:
    (monitor,) = _docs((MONITORING / "servicemonitor.yaml").read_text())
    selector = monitor["spec"]["selector"]["matchLabels"]
    for overlay in OVERLAYS:
        (service,) = [d for d in _docs(rendered_overlays[overlay]) if d["kind"] == "Service"]
        assert selector.items() <= service["metadata"]["labels"].items(), overlay
        assert service["metadata"]["namespace"] in monitor["spec"]["namespaceSelector"]["matchNames"]
        assert {e["port"] for e in monitor["spec"]["endpoints"]} <= {p["name"] for p in service["spec"]["ports"]}
    assert monitor["spec"]["endpoints"][0]["path"] == "/metrics"


def test_adapter_serves_the_metric_the_hpa_asks_for(rendered_overlays: dict[str, str]) -> None:
    values = yaml.safe_load((MONITORING / "prometheus-adapter" / "values.yaml").read_text())
    served = {r["name"]["as"] for r in values["rules"]["custom"]}
    for overlay in OVERLAYS:
        (hpa,) = [d for d in _docs(rendered_overlays[overlay]) if d["kind"] == "HorizontalPodAutoscaler"]
        wanted = {m["pods"]["metric"]["name"] for m in hpa["spec"]["metrics"] if m["type"] == "Pods"}
        assert wanted and wanted <= served, overlay


def test_scrape_config_keeps_only_the_service_pods(rendered_overlays: dict[str, str]) -> None:
    config = yaml.safe_load((MONITORING / "prometheus" / "scrape-config.yml").read_text())
    (job,) = config["scrape_configs"]
    keep = {tuple(r["source_labels"]): r["regex"] for r in job["relabel_configs"] if r.get("action") == "keep"}
    (deploy,) = [d for d in _docs(rendered_overlays["aws"]) if d["kind"] == "Deployment"]
    pod_labels = deploy["spec"]["template"]["metadata"]["labels"]
    assert keep[("__meta_kubernetes_pod_label_app_kubernetes_io_name",)] == pod_labels["app.kubernetes.io/name"]
    port_names = {p["name"] for c in deploy["spec"]["template"]["spec"]["containers"] for p in c["ports"]}
    assert keep[("__meta_kubernetes_pod_container_port_name",)] in port_names
    assert job["kubernetes_sd_configs"][0]["namespaces"]["names"] == [deploy["metadata"]["namespace"]]
