"""The sync service image: built by scripts/build-image.sh (no Docker engine), run with the manifests' own security
settings, smoke-tested through the container: healthz, readyz, token create, a push and a pull with `qrdesk sync`.

The container's user, read-only root filesystem and capabilities come from the rendered aws overlay's Deployment,
so the image is tried the way Kubernetes will run it. S3 and Azure are moto and Azurite on loopback (host network:
no bridge, no iptables rules left behind). The container is removed by its id. The image is built in the background
from the end of collection and this test runs last (tests/deploy/image_build.py), so the build overlaps the suite.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from deploy_checks import ROOT
from image_build import PODMAN, ImageBuild

from tests.sync_service.helpers import clouds, free_port, wait_http

pytestmark = [pytest.mark.emulators, pytest.mark.slow]


def _security_flags(rendered: str) -> list[str]:
    deploy = next(d for d in yaml.safe_load_all(rendered) if d and d["kind"] == "Deployment")
    pod = deploy["spec"]["template"]["spec"]
    sc = {**pod["securityContext"], **pod["containers"][0]["securityContext"]}
    assert sc["runAsNonRoot"] and sc["runAsUser"] != 0
    flags = [f"--user={sc['runAsUser']}:{sc.get('runAsGroup', sc['runAsUser'])}"]
    if sc.get("readOnlyRootFilesystem"):
        flags += ["--read-only", "--tmpfs=/tmp"]
    flags += [f"--cap-drop={c}" for c in sc["capabilities"]["drop"]]
    flags += [f"--cap-add={c}" for c in sc["capabilities"].get("add", [])]
    if sc.get("allowPrivilegeEscalation") is False:
        flags.append("--security-opt=no-new-privileges")
    return flags


def _run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=180, env=env, input=stdin)


def test_image_serves_the_cli_with_the_manifests_security_settings(
        image_build: ImageBuild, rendered_overlays: dict[str, str], tmp_path: Path) -> None:
    port = free_port()
    with clouds("image") as settings:
        image = image_build.tag()
        run_env = {**os.environ, **settings, "QRDESK_SYNC_CURSOR_KEY": "image-test-cursor-key",
                   "QRDESK_SYNC_TOKEN_PEPPER": "image-test-pepper"}
        env_flags = [f"--env={k}" for k in [*settings, "QRDESK_SYNC_CURSOR_KEY", "QRDESK_SYNC_TOKEN_PEPPER"]]
        started = _run(*PODMAN, "run", "--detach", "--network=host", "--ulimit=nofile=16384:16384",
                       "--ulimit=nproc=16384:16384", *_security_flags(rendered_overlays["aws"]), *env_flags,
                       image, "serve", "--host", "127.0.0.1", "--port", str(port), env=run_env)
        assert started.returncode == 0, started.stderr
        container = started.stdout.strip()
        try:
            _smoke_test(container, f"http://127.0.0.1:{port}", tmp_path)
        finally:
            _run(*PODMAN, "stop", "-t", "10", container)
            _run(*PODMAN, "rm", "--force", container)


def _smoke_test(container: str, base: str, tmp_path: Path) -> None:
    wait_http(base + "/healthz", timeout=60)
    deadline = time.monotonic() + 30
    while httpx.get(base + "/readyz", timeout=2).status_code != 200:
        assert time.monotonic() < deadline, "readyz never passed"
        time.sleep(0.2)
    ready = httpx.get(base + "/readyz", timeout=2).json()
    assert ready["status"] == "ok" and ready["stores"]["s3"]["up"] and ready["stores"]["azure"]["up"]
    inspect = json.loads(_run(*PODMAN, "inspect", container).stdout)[0]
    assert inspect["Config"]["User"] == "10001:10001" and inspect["HostConfig"]["ReadonlyRootfs"] is True
    _assert_installed_as_pinned(container)

    from app.core.library import Library

    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    tokens = {}
    for home in (laptop, desktop):  # one token per machine: a token is bound to the library's device id
        with Library.open(home) as lib:
            device = lib.device_id
        # As the runbook does it (kubectl exec): the CLI inside the running container, as its user.
        created = _run(*PODMAN, "exec", container, "sync-service", "token", "create", "--user", "ivan",
                       "--device", device)
        assert created.returncode == 0, created.stderr
        tokens[home] = created.stdout.strip()
        assert tokens[home].startswith("qrd_")

    def qrdesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "QRDESK_HOME": str(home), "QRDESK_SYNC_TOKEN": tokens[home],
               "QT_QPA_PLATFORM": "offscreen"}
        return _run(sys.executable, "-m", "app", *args, env=env)

    added = qrdesk(laptop, "library", "add", "https://qrdesk.example/image", "--kind", "url", "--name", "via-image")
    assert added.returncode == 0, added.stderr
    for home in (laptop, desktop):
        assert qrdesk(home, "sync", "--server", base).returncode == 0
    pushed = qrdesk(laptop, "sync")
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    pulled = qrdesk(desktop, "sync")
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    listed = qrdesk(desktop, "library", "list", "--json")
    items: list[dict[str, Any]] = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    assert [i["name"] for i in items] == ["via-image"]


def _assert_installed_as_pinned(container: str) -> None:
    """Every distribution in the image is the version constraints.txt pins (the image once installed whatever
    the index had), and nothing unpinned came along; pip and setuptools, build tools only, are not in it."""
    listed = _run(*PODMAN, "exec", container, "python3", "-c",
                  "import importlib.metadata as m, json; "
                  "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))")
    assert listed.returncode == 0, listed.stderr
    installed = {_normalise(name): version for name, version in json.loads(listed.stdout).items()}
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line:
            name, version = line.split("#")[0].split(";")[0].strip().split("==", 1)
            pins[_normalise(name.split("[")[0])] = version.strip()
    unpinned = {name: version for name, version in installed.items()
                if name != "qrdesk-sync-service" and pins.get(name) != version}
    assert not unpinned, f"in the image but not as constraints.txt pins them: {unpinned}"
    assert "qrdesk-sync-service" in installed and not {"pip", "setuptools"} & installed.keys(), sorted(installed)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503
