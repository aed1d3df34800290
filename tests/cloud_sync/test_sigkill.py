"""The client process SIGKILLed mid-sync (mid-push and mid-pull), then restarted: converges, nothing lost or
duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.library import Library
from tests.cloud_sync.conftest import snapshot
from tests.cloud_sync.test_faults import _log_records
from tests.platforms import posix_kill
from tests.sync_service.helpers import REPO

CHILD = Path(__file__).with_name("sigkill_child.py")


def _run_until_frozen(folder: Path, url: str, token: str, path: str, n: int) -> None:
    env = {**os.environ, "QRDESK_SYNC_TOKEN": token, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, str(CHILD), str(folder), url, path, str(n)], env=env,
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()  # blocks until the child froze (or ended)
        assert line == "frozen", f"child did not reach the kill point: {line!r}"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL


@posix_kill
@pytest.mark.parametrize("kill_after_push", [1, 2])
def test_killed_mid_push_and_mid_pull_then_restarted_converges(machines, kill_after_push: int) -> None:
    a, b = machines(2)
    made = [a.add(f"item {i}", name=f"Item {i}") for i in range(25)]
    for item in made:  # every page of the feed has files: its first blob request belongs to that page
        a.attach_png(item.id)
    a.lib.close()
    # Killed after the server committed a push batch but before the client recorded the answer.
    _run_until_frozen(a.folder, a.url, a.token, "/v1/push", kill_after_push)
    a.lib = Library.open(a.folder)
    a.sync()
    assert not a.lib.dirty_items()
    assert sorted(r["id"] for r in _log_records(a.url, a.token)) == sorted(i.id for i in made)

    b.add("made on B", name="B item")
    b.lib.close()
    # Killed while downloading the files of the second page: the first page is applied with its cursor.
    _run_until_frozen(b.folder, b.url, b.token, "/v1/blobs/", 2)
    b.lib = Library.open(b.folder)
    assert 1 < b.lib.count() < 26
    b.sync()
    a.sync()
    assert snapshot(a.lib) == snapshot(b.lib)
    assert len(snapshot(a.lib)) == 26
    assert len(_log_records(a.url, a.token)) == 26  # every item committed exactly once
