"""checkov over the Terraform and the rendered Kubernetes manifests: no failed check, every skip explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from deploy_checks import FIXTURES, OVERLAYS, TERRAFORM, require_tool, run

CHECKOV_ENV = {"CKV_SKIP_PACKAGE_UPDATE_CHECK": "true", "BC_SKIP_MAPPING": "TRUE", "LOG_LEVEL": "ERROR"}
NO_REASON = {"", "No comment provided"}


def checkov(directory: Path, *frameworks: str) -> tuple[int, list[dict]]:
    """Run checkov offline on a directory; return its exit code and one JSON report per framework."""
    cmd = [require_tool("checkov"), "-d", str(directory), "--framework", *frameworks, "--skip-download",
           "--compact", "-o", "json"]
    result = run(cmd, env=CHECKOV_ENV, timeout=300)
    try:
        reports = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"checkov printed no JSON report (exit {result.returncode}):\n{result.stderr[-3000:]}")
    if isinstance(reports, dict):
        # A run that finds nothing to scan reports only a summary: treat it as an empty, failing run.
        reports = [reports] if "results" in reports else []
    return result.returncode, reports


def failures(reports: list[dict]) -> list[str]:
    return [f"{c['check_id']} {c['resource']} ({c['file_path']}:{c['file_line_range'][0]}): {c['check_name']}"
            for r in reports for c in r["results"].get("failed_checks", [])]


def unexplained_skips(reports: list[dict]) -> list[str]:
    """Skips whose reason is empty: every skip must say why in the code."""
    return [f"{c['check_id']} {c['resource']} ({c['file_path']})"
            for r in reports for c in r["results"].get("skipped_checks", [])
            if (c.get("check_result", {}).get("suppress_comment") or "").strip() in NO_REASON]


def assert_clean(code: int, reports: list[dict], what: str) -> None:
    assert reports, f"checkov scanned nothing in {what}"
    assert all(r["summary"]["parsing_errors"] == 0 for r in reports), f"checkov could not parse part of {what}"
    assert all(r["summary"]["passed"] > 0 for r in reports), f"checkov passed no check at all in {what}"
    assert not failures(reports), f"checkov failed checks in {what}:\n" + "\n".join(failures(reports))
    unexplained = unexplained_skips(reports)
    assert not unexplained, f"skips without a reason in {what}:\n" + "\n".join(unexplained)
    assert code == 0


@pytest.mark.parametrize("cloud", ["aws", "azure"])
def test_terraform_passes_checkov(cloud: str) -> None:
    code, reports = checkov(TERRAFORM / cloud, "terraform")
    assert_clean(code, reports, f"terraform/{cloud}")


def test_rendered_manifests_pass_checkov(rendered_overlays: dict[str, str], tmp_path: Path) -> None:
    for overlay in OVERLAYS:
        (tmp_path / f"{overlay}.yaml").write_text(rendered_overlays[overlay])
    code, reports = checkov(tmp_path, "kubernetes")
    assert_clean(code, reports, "the rendered aws and azure overlays")
    resources = {c["resource"] for r in reports for c in r["results"].get("skipped_checks", [])}
    assert resources, "expected the documented Deployment skips to be seen"


def test_checkov_fails_on_insecure_fixtures() -> None:
    code, reports = checkov(FIXTURES / "checkov-insecure", "terraform", "kubernetes")
    failed = {r["check_type"]: {c["check_id"] for c in r["results"]["failed_checks"]} for r in reports}
    assert code != 0
    # Public ACL / public access block off, and a privileged root container.
    assert {"CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"} <= failed["terraform"]
    assert {"CKV_K8S_16", "CKV_K8S_19"} <= failed["kubernetes"]


def test_skip_without_reason_is_caught() -> None:
    _, reports = checkov(FIXTURES / "checkov-unexplained-skip", "terraform")
    assert [s.split()[0] for s in unexplained_skips(reports)] == ["CKV_AWS_158"]
