"""The hosted workflows parse, and the portable test job runs what it says on paths that exist."""

from __future__ import annotations

import fnmatch
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a mapping"
    return data


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_parses_with_triggers_and_jobs(path: Path) -> None:
    data = _load(path)
    assert data.get("on", data.get(True)), f"{path.name} has no triggers"  # YAML 1.1 reads a bare `on` as True
    for name, job in data["jobs"].items():
        assert job.get("runs-on") and job.get("steps"), f"{path.name}: job {name} lacks runs-on or steps"


def test_the_portable_suite_runs_on_windows_and_macos_on_real_paths() -> None:
    job = _load(ROOT / ".github" / "workflows" / "tests.yml")["jobs"]["portable"]
    assert set(job["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest"}
    [command] = [step["run"] for step in job["steps"] if "pytest" in step.get("run", "")]
    words = shlex.split(command.replace("\\\n", " "))
    paths = [w for w in words if w.startswith("tests")]
    assert {"tests/core", "tests/cli", "tests/cloud_sync", "tests/ui"} <= set(paths)
    missing = [p for p in paths if not (ROOT / p).exists()]
    assert not missing, f"tests.yml runs paths that do not exist: {missing}"
    markers = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["markers"]
    marker_expr = words[len(words) - 1 - words[::-1].index("-m") + 1]  # the last -m: pytest's, not python's
    selected = marker_expr.replace("not ", "").split(" and ")
    assert all(any(m.startswith(f"{name}:") for m in markers) for name in selected), selected


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_named(path: Path) -> None:
    """A tag can be moved to other code (trivy-action's were, in March 2026); a full commit SHA cannot."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines, f"{path.name} uses no action"
    loose = [line for line in lines
             if not re.search(r"uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40} # v?\d+\.\d+\.\d+$", line)]
    assert not loose, f"{path.name}: not pinned to a full commit SHA with '# vX.Y.Z': {loose}"


def test_the_image_workflow_runs_when_anything_the_image_holds_changes() -> None:
    """The image is rebuilt, scanned and published when a file that build-image.sh stages changes: the trigger's
    paths cover every checkout path it copies into the build context (cloud_sync/records.py was once missed)."""
    script = (ROOT / "scripts" / "build-image.sh").read_text(encoding="utf-8")
    staged = [word for line in script.splitlines() if line.strip().startswith("cp ") and '"$work/ctx' in line
              for word in shlex.split(line.split("#")[0])[1:-1] if not word.startswith(("-", "$"))]
    assert "cloud_sync/protocol.py" in staged and "constraints.txt" in staged, staged
    globs = _load(ROOT / ".github" / "workflows" / "sync-service-image.yml")[True]["push"]["paths"]
    # A copied folder is covered when a file inside it would be.
    uncovered = [path for path in staged
                 if not any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(f"{path}/file", g) for g in globs)]
    assert not uncovered, f"sync-service-image.yml does not run when these change: {uncovered}"
