"""The sync service image built by scripts/build-image.sh in the background, for tests/deploy/test_image.py.

The build (a Debian base by mmdebstrap, the wheels, podman) takes two to three minutes and mostly waits on one
core, the network and the disk, while pytest runs on one core: tests/deploy/conftest.py starts it as soon as the
session knows the image test is selected and runs that test last, so the build overlaps the rest of the suite
instead of adding to it. The image is removed by its tag at the end of the session; a build still running then is
stopped (SIGTERM to its process group: mmdebstrap unmounts and removes its chroot on it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from shutil import which

import pytest
from deploy_checks import ROOT

PODMAN = ["podman", "--runtime", "runc"]
TOOLS = ("podman", "mmdebstrap", "runc")


def host_mirror() -> str:
    """This machine's Debian archive (CI machines reach the archive, not snapshot.debian.org)."""
    for path in Path("/etc/apt/sources.list.d").glob("*.sources"):
        for line in path.read_text().splitlines():
            if line.startswith("URIs:") and "security" not in line:
                return line.split(":", 1)[1].strip()
    return "http://deb.debian.org/debian"


class ImageBuild:
    """One run of scripts/build-image.sh; `tag()` waits for it and fails the test with its output if it failed."""

    def __init__(self) -> None:
        # Per run: several checkouts may build on one machine, and each removes its own image.
        self.tag_name = f"localhost/qrdesk-sync-service:ci-{os.getpid()}"
        self.missing = [tool for tool in TOOLS if which(tool) is None]
        self.proc: subprocess.Popen[bytes] | None = None
        # A file, not a pipe: nobody reads the output while the suite runs. Closed by stop().
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.started = time.monotonic()
        if self.missing:
            return
        mirror = os.environ.get("QRDESK_IMAGE_MIRROR") or host_mirror()
        self.proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "build-image.sh"), self.tag_name], cwd=ROOT,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
                                     env={**os.environ, "QRDESK_IMAGE_MIRROR": mirror})

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def tag(self) -> str:
        if self.missing:
            pytest.fail(f"{', '.join(self.missing)} not found: `scripts/setup.sh test` installs mmdebstrap podman "
                        "runc uidmap", pytrace=False)
        assert self.proc is not None
        waited = time.monotonic()
        returncode = self.proc.wait(timeout=900)
        assert returncode == 0, self.output()[-6000:]
        print(f"\n{self.output().strip()}\nimage build: {waited - self.started:.0f} s before the test, "
              f"{time.monotonic() - waited:.0f} s waited for by it")
        return self.tag_name

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self.log.close()
        if not self.missing:
            subprocess.run([*PODMAN, "rmi", "--force", self.tag_name], capture_output=True, timeout=120)
