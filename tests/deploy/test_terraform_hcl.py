"""Every .tf / .tfvars parses (python-hcl2), and the properties that matter hold in the parsed configuration."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from deploy_checks import FIXTURES, ROOT, TERRAFORM, hcl_blocks, parse_hcl, require_tool, run

TF_FILES = sorted([*TERRAFORM.rglob("*.tf"), *TERRAFORM.rglob("*.tfvars"), *TERRAFORM.rglob("*.tfvars.example"),
                   *TERRAFORM.rglob("*.tftest.hcl")])
EXACT_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


parse = parse_hcl
blocks = hcl_blocks


def resources(cloud: str, rtype: str) -> dict[str, dict[str, Any]]:
    return {name: body for block in blocks(cloud, "resource") for t, named in block.items() if t == rtype
            for name, body in named.items()}


def test_there_is_terraform_to_check() -> None:
    assert {p.parent.name for p in TF_FILES} >= {"aws", "azure"}
    assert len(TF_FILES) >= 20


@pytest.mark.parametrize("path", TF_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_file_parses(path: Path) -> None:
    assert isinstance(parse(path), dict)


def test_broken_tf_fixture_does_not_parse() -> None:
    with pytest.raises(Exception, match="Unexpected"):
        parse(FIXTURES / "broken-tf" / "main.tf")


@pytest.mark.parametrize("cloud", ["aws", "azure"])
def test_every_variable_is_typed_and_described(cloud: str) -> None:
    variables = {name: body for block in blocks(cloud, "variable") for name, body in block.items()}
    assert variables
    untyped = [n for n, b in variables.items() if "type" not in b]
    undescribed = [n for n, b in variables.items() if len(str(b.get("description", ""))) < 10]
    assert not untyped and not undescribed, f"untyped {untyped}, undescribed {undescribed}"


@pytest.mark.parametrize("cloud", ["aws", "azure"])
def test_providers_and_modules_are_pinned(cloud: str) -> None:
    terraform = next(b for b in blocks(cloud, "terraform") if "required_providers" in b)
    assert terraform["required_version"].startswith(">=") and "<" in terraform["required_version"]
    for providers in terraform["required_providers"]:
        for name, spec in providers.items():
            assert spec["version"].startswith("~>"), f"provider {name} is not pinned: {spec}"
    for block in blocks(cloud, "module"):
        for name, body in block.items():
            assert EXACT_VERSION.match(body.get("version", "")), f"module {name} must pin an exact version"


@pytest.mark.parametrize("cloud", ["aws", "azure"])
def test_outputs_are_described(cloud: str) -> None:
    outputs = {n: b for block in blocks(cloud, "output") for n, b in block.items()}
    assert outputs and all(b.get("description") for b in outputs.values())


@pytest.mark.parametrize("cloud", ["aws", "azure"])
def test_example_tfvars_sets_every_required_variable(cloud: str) -> None:
    variables = {n: b for block in blocks(cloud, "variable") for n, b in block.items()}
    required = {n for n, b in variables.items() if "default" not in b}
    example = {k for k in parse(TERRAFORM / cloud / "terraform.tfvars.example") if not k.startswith("__")}
    assert required <= set(example), f"missing in the example: {required - set(example)}"
    assert set(example) <= set(variables), f"unknown in the example: {set(example) - set(variables)}"


def test_s3_bucket_is_versioned_encrypted_private_and_tiered() -> None:
    assert resources("aws", "aws_s3_bucket_versioning")["sync"]["versioning_configuration"][0]["status"] == "Enabled"
    sse = resources("aws", "aws_s3_bucket_server_side_encryption_configuration")["sync"]
    assert sse["rule"][0]["apply_server_side_encryption_by_default"][0]["sse_algorithm"] == "aws:kms"
    pab = resources("aws", "aws_s3_bucket_public_access_block")
    for name in ("sync", "access_logs"):
        assert all(pab[name][k] is True for k in
                   ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"))
    lifecycle = resources("aws", "aws_s3_bucket_lifecycle_configuration")["sync"]["rule"][0]
    assert [t["storage_class"] for t in lifecycle["transition"]] == ["STANDARD_IA", "GLACIER_IR"]
    assert resources("aws", "aws_s3_bucket_replication_configuration")["sync"]["count"]


def test_service_role_cannot_delete_and_is_bound_to_one_service_account() -> None:
    docs = {n: b for block in blocks("aws", "data") for t, named in block.items() if t == "aws_iam_policy_document"
            for n, b in named.items()}
    actions = {a for st in docs["sync_service"]["statement"] for a in st["actions"]}
    assert not any("Delete" in a or a.endswith("*") for a in actions), actions
    trust = docs["sync_service_assume"]["statement"][0]
    subjects = {c["variable"].rsplit(":", 1)[1]: c["values"] for c in trust["condition"]}
    assert subjects["aud"] == ["sts.amazonaws.com"]
    assert subjects["sub"] == ["${local.service_account_sub}"]


def test_azure_storage_is_geo_redundant_versioned_and_private() -> None:
    account = resources("azure", "azurerm_storage_account")["sync"]
    assert account["allow_nested_items_to_be_public"] is False
    assert account["shared_access_key_enabled"] is False
    assert account["min_tls_version"] == "TLS1_2"
    props = account["blob_properties"][0]
    assert props["versioning_enabled"] is True
    assert props["delete_retention_policy"][0]["days"] and props["container_delete_retention_policy"][0]["days"]
    assert account["network_rules"][0]["default_action"] == "Deny"
    variables = {n: b for block in blocks("azure", "variable") for n, b in block.items()}
    assert variables["storage_replication_type"]["default"] in {"GRS", "GZRS"}
    assert resources("azure", "azurerm_storage_container")["sync"]["container_access_type"] == "private"


def test_azure_identities_are_scoped_to_the_container() -> None:
    assignments = resources("azure", "azurerm_role_assignment")
    for name in ("aks_blob", "eks_blob"):
        assert assignments[name]["scope"] == "${azurerm_storage_container.sync.id}"
        assert assignments[name]["role_definition_id"] == \
            "${azurerm_role_definition.blob_writer.role_definition_resource_id}"
    (permissions,) = resources("azure", "azurerm_role_definition")["blob_writer"]["permissions"]
    allowed = permissions["actions"] + permissions["data_actions"]
    assert allowed and not any("delete" in a.lower() or a.endswith("*") for a in allowed), allowed
    aks = resources("azure", "azurerm_kubernetes_cluster")["main"]
    assert aks["oidc_issuer_enabled"] is True and aks["workload_identity_enabled"] is True
    assert resources("azure", "azurerm_kubernetes_cluster_node_pool")["user"]["mode"] == "User"


def test_terraform_fmt() -> None:
    """`terraform fmt -check`: the CI machine has the binary (no providers needed for fmt)."""
    terraform = require_tool("terraform")
    env = {"CHECKPOINT_DISABLE": "1", "TF_CLI_CONFIG_FILE": "/dev/null", "TF_IN_AUTOMATION": "1"}
    result = run([terraform, "fmt", "-check", "-recursive", str(TERRAFORM)], env=env)
    assert result.returncode == 0, f"terraform fmt would change:\n{result.stdout}{result.stderr}"
    broken = run([terraform, "fmt", "-check", str(FIXTURES / "tf-unformatted")], env=env)
    assert broken.returncode != 0 and "main.tf" in broken.stdout


def _policy_documents(cloud: str) -> dict[str, dict[str, Any]]:
    return {n: b for block in blocks(cloud, "data") for t, named in block.items() if t == "aws_iam_policy_document"
            for n, b in named.items()}


def test_committed_objects_are_create_only_in_s3_itself() -> None:
    """The bucket policy refuses any PutObject without If-None-Match on committed object classes, for everyone,
    and Object Lock keeps every version; the service's role has no delete either."""
    bucket = resources("aws", "aws_s3_bucket")["sync"]
    assert bucket["object_lock_enabled"] is True
    (rule,) = resources("aws", "aws_s3_bucket_object_lock_configuration")["sync"]["rule"]
    assert rule["default_retention"][0]["mode"] in {"GOVERNANCE", "COMPLIANCE"}
    statements = {st.get("sid"): st for st in _policy_documents("aws")["sync_bucket"]["statement"]}
    overwrite = statements["DenyOverwriteOfCommittedObjects"]
    assert overwrite["effect"] == "Deny" and overwrite["actions"] == ["s3:PutObject"]
    assert overwrite["principals"][0]["identifiers"] == ["*"]
    assert overwrite["condition"][0] == {"test": "Null", "variable": "s3:if-none-match", "values": ["true"]}
    covered = {r.split("}/", 1)[1] for r in overwrite["resources"]}
    assert {"u/*/log/*", "u/*/blobs/*", "u/*/idem/*"} <= covered
    deletes = statements["DenyDeleteAndRetentionBypass"]
    assert deletes["effect"] == "Deny" and {"s3:DeleteObject", "s3:DeleteObjectVersion",
                                            "s3:BypassGovernanceRetention"} <= set(deletes["actions"])


def test_azure_replica_is_worm_per_version() -> None:
    account = resources("azure", "azurerm_storage_account")["sync"]
    (policy,) = account["immutability_policy"]
    assert policy["period_since_creation_in_days"] == "${var.immutability_days}"
    assert policy["allow_protected_append_writes"] is False
    assert account["blob_properties"][0]["versioning_enabled"] is True  # version-level WORM needs versions


@pytest.mark.parametrize("cloud", ["aws", "azure"])
def test_kubernetes_version_is_in_standard_support(cloud: str) -> None:
    """1.30 left EKS standard support in July 2025; 1.35 is supported until March 2027."""
    variables = {n: b for block in blocks(cloud, "variable") for n, b in block.items()}
    major, minor = (int(x) for x in variables["kubernetes_version"]["default"].split("."))
    assert (major, minor) >= (1, 34)
    assert variables["kubernetes_version"].get("validation"), "old versions must be refused"


# Allocatable CPU (millicores) of the default instance types after the kubelet reserve EKS applies
# (6 % of the first core, 1 % of the second) and ~250m of daemon sets (VPC CNI, kube-proxy, pod identity).
ALLOCATABLE_MILLICORES = {"m6i.large": 2000 - 70 - 250, "m5.large": 2000 - 70 - 250}


def test_eks_autoscales_nodes_and_pods_fit() -> None:
    """metrics-server (the HPA's CPU source) and the cluster autoscaler exist, and the node groups' maximum holds
    the HPA's maximum: 30 pods x 250m did not fit the old 3 fixed nodes."""
    import yaml
    from deploy_checks import K8S

    eks = next(b["eks"] for b in blocks("aws", "module") if "eks" in b)
    assert "metrics-server" in eks["cluster_addons"]
    assert "cluster_autoscaler" in resources("aws", "helm_release")
    assert "for i, az in local.azs" in str(eks["eks_managed_node_groups"]), "one node group per zone"
    variables = {n: b for block in blocks("aws", "variable") for n, b in block.items()}
    size = variables["node_group_size"]["default"]
    per_node = min(ALLOCATABLE_MILLICORES[t] for t in variables["node_instance_types"]["default"])
    hpa = yaml.safe_load((K8S / "base" / "hpa.yaml").read_text())
    deploy = yaml.safe_load((K8S / "base" / "deployment.yaml").read_text())
    request = int(deploy["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"]["cpu"].rstrip("m"))
    pods_per_node = per_node // request
    assert 3 * size["max"] * pods_per_node >= hpa["spec"]["maxReplicas"]
    assert 3 * size["min"] >= 3, "at least one node per zone"


def test_dns_fails_over_between_the_clouds() -> None:
    records = resources("aws", "aws_route53_record")
    eks, aks = records["sync_eks"], records["sync_aks"]
    assert eks["name"] == aks["name"] == "${var.domain_name}"
    roles = {eks["failover_routing_policy"][0]["type"], aks["failover_routing_policy"][0]["type"]}
    assert "PRIMARY" in str(roles) and "SECONDARY" in str(roles)
    assert eks["alias"][0]["evaluate_target_health"] is True
    check = resources("aws", "aws_route53_health_check")["readyz"]
    assert check["resource_path"] == "/readyz" and check["enable_sni"] is True
    # The Azure side is checked by the shared name (Host + SNI): it must hold a certificate and a route for it.
    sides = parse_hcl(TERRAFORM / "aws" / "ingress.tf")["locals"][0]["readyz_checks"]
    assert "aks = {fqdn = var.domain_name, ip_address = var.azure_ingress_ip}" in sides
    assert aks["health_check_id"] == '${aws_route53_health_check.readyz["aks"].id}'
    assert records["acme_challenge"]["name"] == "_acme-challenge.${var.domain_name}"


def test_both_ingresses_serve_the_shared_name(rendered_overlays: dict[str, str]) -> None:
    import yaml

    def ingress(overlay: str) -> dict[str, Any]:
        return next(d for d in yaml.safe_load_all(rendered_overlays[overlay]) if d and d["kind"] == "Ingress")

    aws, azure = ingress("aws"), ingress("azure")
    shared = {r.get("host") for r in aws["spec"]["rules"]} - {None}
    assert len(shared) == 1
    azure_hosts = {r["host"] for r in azure["spec"]["rules"]}
    assert shared <= azure_hosts
    assert shared <= set(azure["spec"]["tls"][0]["hosts"]), "the Azure certificate must cover the shared name"
    assert "alb.ingress.kubernetes.io/certificate-arn" in aws["metadata"]["annotations"]
