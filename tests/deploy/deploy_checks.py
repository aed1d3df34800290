"""Shared helpers for the deployment checks.

Every check runs a real tool (python-hcl2, checkov, kubectl kustomize, kubernetes-validate, promtool). A missing
tool is a test FAILURE that says how to install it, never a silent skip: CI must not go green without checking.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TERRAFORM = ROOT / "terraform"
K8S = ROOT / "deploy" / "k8s"
MONITORING = ROOT / "deploy" / "monitoring"
RULES = MONITORING / "rules" / "sync-service.rules.yml"
RULES_TEST = MONITORING / "rules" / "sync-service.rules.test.yml"
DASHBOARD = MONITORING / "grafana" / "sync-service.json"
OVERLAYS = ("aws", "azure")
KUBERNETES_VERSION = "1.35.0"  # the clusters' version (terraform kubernetes_version)

INSTALL_HINTS = {
    "kubectl": "kubectl is on the CI image at /usr/bin/kubectl; elsewhere install it (it bundles kustomize).",
    "promtool": "install Prometheus' promtool: `apt-get install prometheus` (Debian) or a Prometheus release.",
    "checkov": "run `scripts/install-checkov.sh` (creates .venv-checkov with the pinned checkov).",
    "terraform": "terraform is on the CI image at /usr/local/bin/terraform (fmt needs no providers); elsewhere "
                 "install it from HashiCorp's releases.",
}


def require_tool(name: str) -> str:
    """Path of a command-line tool, or a test failure that says how to install it."""
    if name == "checkov":
        local = ROOT / ".venv-checkov" / "bin" / "checkov"
        if local.is_file():
            return str(local)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: {INSTALL_HINTS[name]}", pytrace=False)
    return found


def require_module(name: str, package: str):
    """Import a Python module the checks need, or fail with the pip command that installs it."""
    try:
        return __import__(name)
    except ImportError:
        pytest.fail(f"Python package {package} is missing: `pip install '{package}'` into .venv", pytrace=False)


def run(cmd: Sequence[str], *, timeout: float = 120, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a tool and capture its output as text (never raises on a non-zero exit)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout, env=full_env, cwd=cwd,
                          check=False)


def kustomize_build(path: Path) -> subprocess.CompletedProcess[str]:
    return run([require_tool("kubectl"), "kustomize", str(path)])


@pytest.fixture(scope="session")
def rendered_overlays() -> dict[str, str]:
    """`kubectl kustomize` output of each overlay (built once per session)."""
    out = {}
    for overlay in OVERLAYS:
        result = kustomize_build(K8S / "overlays" / overlay)
        assert result.returncode == 0, f"kustomize build of overlays/{overlay} failed:\n{result.stderr}"
        out[overlay] = result.stdout
    return out


def parse_hcl(path: Path) -> dict[str, Any]:
    hcl2 = require_module("hcl2", "python-hcl2>=8,<9")
    options = hcl2.SerializationOptions(strip_string_quotes=True, explicit_blocks=False)
    return hcl2.loads(path.read_text(), serialization_options=options)


def hcl_blocks(cloud: str, kind: str) -> list[dict[str, Any]]:
    """Every top-level block of one kind (resource, data, variable, ...) in terraform/<cloud>/*.tf."""
    found = []
    for tf in sorted((TERRAFORM / cloud).glob("*.tf")):
        found.extend(parse_hcl(tf).get(kind, []))
    return found


def terraform_variable_default(cloud: str, name: str) -> Any:
    variables = {n: body for block in hcl_blocks(cloud, "variable") for n, body in block.items()}
    return variables[name]["default"]
