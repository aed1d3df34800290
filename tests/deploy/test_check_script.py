"""scripts/check-deploy.sh (the one-command offline check for operators) runs every check and passes."""

from __future__ import annotations

import re

import yaml
from deploy_checks import ROOT, RULES, require_tool, run


def test_check_deploy_script_passes() -> None:
    for tool in ("kubectl", "promtool", "checkov"):
        require_tool(tool)
    result = run(["bash", str(ROOT / "scripts" / "check-deploy.sh")], timeout=600, cwd=ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-5000:]
    rules = sum(len(group["rules"]) for group in yaml.safe_load(RULES.read_text())["groups"])
    for marker in ("files parse", f"SUCCESS: {rules} rules found", "all offline deployment checks passed"):
        assert marker in output
    assert re.search(r"aws\.yaml: 1\d objects", output) and re.search(r"azure\.yaml: 1\d objects", output)
