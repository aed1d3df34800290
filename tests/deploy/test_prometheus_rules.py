"""promtool checks the alert rules and runs their unit tests; broken fixtures make both fail."""

from __future__ import annotations

import re

import yaml
from deploy_checks import FIXTURES, ROOT, RULES, RULES_TEST, require_tool, run

REQUIRED_ALERTS = {
    "QrdeskSyncErrorBudgetFastBurn", "QrdeskSyncErrorBudgetSlowBurn", "QrdeskSyncLatencyBudgetFastBurn",
    "QrdeskSyncLatencyBudgetSlowBurn", "QrdeskSyncReplicationLagHigh", "QrdeskSyncReplicationLagCritical",
    "QrdeskSyncDegraded", "QrdeskSyncPodRestarting", "QrdeskSyncStoreRefusing", "QrdeskSyncReplicationStopped",
}


def test_rules_pass_promtool_check() -> None:
    result = run([require_tool("promtool"), "check", "rules", str(RULES)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_rule_unit_tests_pass() -> None:
    result = run([require_tool("promtool"), "test", "rules", str(RULES_TEST)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_is_unit_tested_and_has_a_runbook() -> None:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    alerts = {r["alert"]: r for g in groups for r in g["rules"] if "alert" in r}
    assert set(alerts) >= REQUIRED_ALERTS
    tested = {t["alertname"] for case in yaml.safe_load(RULES_TEST.read_text())["tests"]
              for t in case.get("alert_rule_test", [])}
    assert set(alerts) <= tested, f"alerts without a unit test: {set(alerts) - tested}"
    for name, rule in alerts.items():
        assert rule["labels"]["severity"] in {"page", "ticket"}, name
        assert rule["annotations"]["runbook_url"].endswith(tuple("abcdefghijklmnopqrstuvwxyz")), name


def test_broken_rule_fixture_fails_check() -> None:
    result = run([require_tool("promtool"), "check", "rules", str(FIXTURES / "broken-rules.yml")])
    assert result.returncode != 0
    assert "broken-rules.yml" in result.stdout + result.stderr


def test_wrong_expectation_fails_rule_tests() -> None:
    result = run([require_tool("promtool"), "test", "rules", str(FIXTURES / "wrong-rules-test.yml")])
    assert result.returncode != 0
    assert "QrdeskSyncDegraded" in result.stdout + result.stderr


def _github_anchor(heading: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", heading.strip().lower()).replace(" ", "-")


def test_every_runbook_link_points_to_a_section_of_the_deploy_doc() -> None:
    doc = ROOT / "docs" / "deploy.md"
    anchors = {_github_anchor(line.lstrip("#")) for line in doc.read_text().splitlines() if line.startswith("#")}
    groups = yaml.safe_load(RULES.read_text())["groups"]
    links = {r["annotations"]["runbook_url"] for g in groups for r in g["rules"] if "alert" in r}
    missing = {link for link in links if link.split("#", 1)[1] not in anchors}
    assert not missing, f"runbook links without a heading in docs/deploy.md: {missing}"
