"""The sync service image: built by scripts/build-image.sh (no Docker engine), run with the manifests' own security
settings, smoke-tested through the container: healthz, readyz, token create, a push and a pull with `qrdesk sync`.

The container's user, read-only root filesystem and capabilities come from the rendered aws overlay's Deployment,
so the image is tried the way Kubernetes will run it. S3 and Azure are moto and Azurite on loopback (host network:
no bridge, no iptables rules left behind). The container and the image are removed by their ids.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from deploy_checks import ROOT

from tests.sync_service.conftest import Moto
from tests.sync_service.helpers import Azurite, free_port, wait_http

pytestmark = [pytest.mark.emulators, pytest.mark.slow]
TAG = "localhost/qrdesk-sync-service:ci"
PODMAN = ["podman", "--runtime", "runc"]


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


@pytest.fixture(scope="module")
def image() -> Iterator[str]:
    for tool in ("podman", "mmdebstrap", "runc"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} not found: `scripts/setup.sh test` installs mmdebstrap podman runc uidmap",
                        pytrace=False)
    mirror = os.environ.get("QRDESK_IMAGE_MIRROR") or _host_mirror()
    start = time.monotonic()
    out = subprocess.run(["bash", str(ROOT / "scripts" / "build-image.sh"), TAG], cwd=ROOT, capture_output=True,
                         text=True, timeout=900, env={**os.environ, "QRDESK_IMAGE_MIRROR": mirror})
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    print(f"\nimage build: {time.monotonic() - start:.0f} s")
    yield TAG
    subprocess.run([*PODMAN, "rmi", "--force", TAG], capture_output=True, timeout=120)


def _host_mirror() -> str:
    """This machine's Debian archive (CI machines reach the archive, not snapshot.debian.org)."""
    for path in Path("/etc/apt/sources.list.d").glob("*.sources"):
        for line in path.read_text().splitlines():
            if line.startswith("URIs:") and "security" not in line:
                return line.split(":", 1)[1].strip()
    return "http://deb.debian.org/debian"


def _run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=180, env=env, input=stdin)


def test_image_serves_the_cli_with_the_manifests_security_settings(
        image: str, rendered_overlays: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(k, v)
    moto, azurite = Moto(), Azurite()
    moto.start()
    azurite.start()
    from sync_service.storage.azure import AzureStore
    from sync_service.storage.s3 import S3Store

    S3Store("image", "us-east-1", moto.url).ensure_bucket()
    AzureStore("image", azurite.connection_string).ensure_container()
    port = free_port()
    settings = {"QRDESK_SYNC_STORE": "s3+azure", "QRDESK_SYNC_S3_BUCKET": "image",
                "QRDESK_SYNC_S3_ENDPOINT_URL": moto.url, "QRDESK_SYNC_AZURE_CONTAINER": "image",
                "QRDESK_SYNC_AZURE_CONNECTION_STRING": azurite.connection_string,
                "QRDESK_SYNC_CURSOR_KEY": "image-test-cursor-key", "QRDESK_SYNC_TOKEN_PEPPER": "image-test-pepper",
                "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}
    env_flags = [f"--env={k}" for k in settings]
    run_env = {**os.environ, **settings}
    common = [*PODMAN, "run", "--network=host", "--ulimit=nofile=16384:16384", "--ulimit=nproc=16384:16384",
              *_security_flags(rendered_overlays["aws"]), *env_flags]
    started = _run(*common, "--detach", image, "serve", "--host", "127.0.0.1", "--port", str(port), env=run_env)
    assert started.returncode == 0, started.stderr
    container = started.stdout.strip()
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(base + "/healthz", timeout=60)
        deadline = time.monotonic() + 30
        while httpx.get(base + "/readyz", timeout=2).status_code != 200:
            assert time.monotonic() < deadline, "readyz never passed"
            time.sleep(0.2)
        ready = httpx.get(base + "/readyz", timeout=2).json()
        assert ready["status"] == "ok" and ready["stores"]["s3"]["up"] and ready["stores"]["azure"]["up"]
        inspect = json.loads(_run(*PODMAN, "inspect", container).stdout)[0]
        assert inspect["Config"]["User"] == "10001:10001" and inspect["HostConfig"]["ReadonlyRootfs"] is True

        from app.core.library import Library

        laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
        tokens = {}
        for home in (laptop, desktop):  # one token per machine: a token is bound to the library's device id
            with Library.open(home) as lib:
                device = lib.device_id
            created = _run(*common, "--rm", image, "token", "create", "--user", "ivan", "--device", device,
                           env=run_env)
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
    finally:
        _run(*PODMAN, "stop", "-t", "10", container)
        _run(*PODMAN, "rm", "--force", container)
        moto.stop()
        azurite.stop()
