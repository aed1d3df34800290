"""Every .tf / .tfvars parses (python-hcl2), and the properties that matter hold in the parsed configuration."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from deploy_checks import FIXTURES, ROOT, TERRAFORM, require_module, run

TF_FILES = sorted([*TERRAFORM.rglob("*.tf"), *TERRAFORM.rglob("*.tfvars"), *TERRAFORM.rglob("*.tfvars.example"),
                   *TERRAFORM.rglob("*.tftest.hcl")])
EXACT_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def parse(path: Path) -> dict[str, Any]:
    hcl2 = require_module("hcl2", "python-hcl2>=8,<9")
    options = hcl2.SerializationOptions(strip_string_quotes=True, explicit_blocks=False)
    return hcl2.loads(path.read_text(), serialization_options=options)


def blocks(cloud: str, kind: str) -> list[dict[str, Any]]:
    found = []
    for tf in sorted((TERRAFORM / cloud).glob("*.tf")):
        found.extend(parse(tf).get(kind, []))
    return found


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
        assert assignments[name]["role_definition_name"] == "Storage Blob Data Contributor"
    aks = resources("azure", "azurerm_kubernetes_cluster")["main"]
    assert aks["oidc_issuer_enabled"] is True and aks["workload_identity_enabled"] is True
    assert resources("azure", "azurerm_kubernetes_cluster_node_pool")["user"]["mode"] == "User"


def test_terraform_fmt() -> None:
    """`terraform fmt -check` when the binary exists; the brief makes terraform optional on CI machines."""
    import shutil

    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("terraform binary not installed: formatting not checked (HCL parsing still is)")
    env = {"CHECKPOINT_DISABLE": "1", "TF_CLI_CONFIG_FILE": "/dev/null", "TF_IN_AUTOMATION": "1"}
    result = run([terraform, "fmt", "-check", "-recursive", str(TERRAFORM)], env=env)
    assert result.returncode == 0, f"terraform fmt would change:\n{result.stdout}{result.stderr}"
    broken = run([terraform, "fmt", "-check", str(FIXTURES / "tf-unformatted")], env=env)
    assert broken.returncode != 0 and "main.tf" in broken.stdout
