"""The new user's path, through the commands the README's "Sync your machines" shows (read from it, so the
README cannot drift from what works): the operator's `sync-service init`, `user add`, `serve`; two library folders
sign in with the password (`qrdesk sync --server URL --user NAME`) and converge; the device list, pairing a third
device, and signing out, which revokes the device's token on the server."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest

from app.cli import main
from app.core.library import Library
from app.core.spec import QrSpec
from cloud_sync.account import KEYRING_SERVICE, SETTINGS_FILE
from tests.sync_service.helpers import REPO, add_user, base_env, free_port, wait_http

PASSWORD = "a long enough password"
README_SERVER = "https://sync.example.com"  # the address the README's client commands use


def qrdesk(monkeypatch: pytest.MonkeyPatch, folder: Path, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--library", str(folder), "sync", *args])


def readme_commands() -> tuple[list[str], list[str]]:
    """The server's and a machine's commands in the README's "Sync your machines" (comments dropped)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Sync your machines\n", 1)[1].split("\n## ", 1)[0]
    server, client = (
        [line.split(" #", 1)[0].strip() for line in block.splitlines() if line.strip()]
        for block in re.findall(r"^```\n(.*?)^```", section, re.S | re.M)[:2])
    return server, client


@pytest.fixture
def readme_server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The service set up with exactly the README's server commands, in a folder of its own, on a free port
    (the README's 8080 may be taken); yields (url, the user the README adds)."""
    commands, _ = readme_commands()
    assert len(commands) <= 3 and [c.split()[:2] for c in commands] == [
        ["sync-service", "init"], ["sync-service", "user"], ["sync-service", "serve"]]
    here = tmp_path / "server"
    here.mkdir()
    # Secrets come from what `init` writes, not the test environment's (cheap Argon2id settings stay).
    env = {k: v for k, v in base_env().items() if k not in ("QRDESK_SYNC_CURSOR_KEY", "QRDESK_SYNC_TOKEN_PEPPER")}
    script = shutil.which("sync-service", path=os.path.dirname(sys.executable))
    program = [script] if script else [sys.executable, "-m", "sync_service"]
    for command in commands[:2]:
        out = subprocess.run(program + shlex.split(command)[1:], cwd=here, env=env, input=PASSWORD + "\n",
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, f"{command}: {out.stderr}"
        assert PASSWORD not in out.stdout + out.stderr
    user = shlex.split(commands[1])[3]
    port = free_port()
    serve = shlex.split(commands[2].replace("--port 8080", f"--port {port}"))
    assert f"--port {port}" in " ".join(serve) and "127.0.0.1" in serve
    proc = subprocess.Popen(program + serve[1:], cwd=here, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_http(url + "/healthz")
        yield url, user
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def test_two_folders_sign_in_with_a_password_and_converge(readme_server, tmp_path, monkeypatch, capsys) -> None:
    url, user = readme_server
    _, machine_commands = readme_commands()
    sign_in, sync_now = ([*shlex.split(c.replace(README_SERVER, url))[2:]] for c in machine_commands)
    assert sign_in == ["--server", url, "--user", user] and sync_now == []
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"

    # A fresh folder: status works before the first item, setting the server says what to do next.
    assert qrdesk(monkeypatch, laptop, "--status") == 0
    assert "items: none yet" in capsys.readouterr().out
    assert qrdesk(monkeypatch, laptop, "--server", url) == 0
    assert "qrdesk sync --user NAME" in capsys.readouterr().out

    for folder, name in ((laptop, "Laptop"), (desktop, "Desktop")):
        assert qrdesk(monkeypatch, folder, *sign_in, "--device-name", name, stdin=PASSWORD + "\n") == 0
        out = capsys.readouterr().out
        assert f"signed in to {url} as {user}" in out and PASSWORD not in out
        settings = json.loads((folder / SETTINGS_FILE).read_text())
        assert {k: settings[k] for k in ("server", "user", "device_name")} == {
            "server": url, "user": user, "device_name": name}
        assert PASSWORD not in (folder / SETTINGS_FILE).read_text()
    with Library.open(laptop) as lib:
        lib.add(QrSpec.text("made on the laptop"), name="Laptop code")
    with Library.open(desktop) as lib:
        lib.add(QrSpec.text("made on the desktop"), name="Desktop code")
    for folder in (laptop, desktop, laptop):
        assert qrdesk(monkeypatch, folder, *sync_now) == 0
    for folder in (laptop, desktop):
        with Library.open(folder, read_only=True) as lib:
            assert sorted(i.name for i in lib.all_items()) == ["Desktop code", "Laptop code"]
    capsys.readouterr()

    # The account's devices, a third device joining with a pairing code, signing one out.
    assert qrdesk(monkeypatch, laptop, "--devices") == 0
    listed = capsys.readouterr().out
    assert "Laptop" in listed and "Desktop" in listed and "this device" in listed
    assert qrdesk(monkeypatch, laptop, "--pair") == 0
    code = listed_code = capsys.readouterr().out.split("pairing code: ")[1].split()[0]
    assert listed_code
    tablet = tmp_path / "tablet"
    assert qrdesk(monkeypatch, tablet, "--server", url, "--user", user, "--pairing-code", stdin=code) == 0
    assert qrdesk(monkeypatch, tablet) == 0
    with Library.open(tablet, read_only=True) as lib:
        assert lib.count() == 2

    slot = f"{url} device {json.loads((tablet / SETTINGS_FILE).read_text())['device_id']}"
    token = keyring.get_password(KEYRING_SERVICE, slot)
    assert token
    assert qrdesk(monkeypatch, tablet, "--logout") == 0
    assert "revoked" in capsys.readouterr().out
    assert keyring.get_password(KEYRING_SERVICE, slot) is None
    r = httpx.get(url + "/v1/library", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 401  # revoked on the server, not only forgotten here


def test_wrong_password_and_unknown_user_read_the_same(server, tmp_path, monkeypatch, capsys) -> None:
    user = f"bob{uuid.uuid4().hex[:8]}"
    add_user(server.data_dir, user, PASSWORD)
    folder = tmp_path / "lib"
    assert qrdesk(monkeypatch, folder, "--server", server.url, "--user", user, stdin="wrong password\n") == 2
    wrong = capsys.readouterr().err
    assert qrdesk(monkeypatch, folder, "--user", f"nobody{uuid.uuid4().hex[:6]}", stdin=PASSWORD + "\n") == 2
    assert capsys.readouterr().err == wrong and "password" in wrong and "Traceback" not in wrong
    assert not keyring.get_keyring().secrets  # type: ignore[attr-defined]


def test_plain_http_to_another_machine_needs_insecure(tmp_path, monkeypatch, capsys) -> None:
    folder = tmp_path / "lib"
    assert qrdesk(monkeypatch, folder, "--server", "http://sync.example.com") == 2
    assert "clear text" in capsys.readouterr().err and not (folder / SETTINGS_FILE).exists()
    assert qrdesk(monkeypatch, folder, "--server", "http://sync.example.com", "--insecure") == 0
    assert json.loads((folder / SETTINGS_FILE).read_text())["insecure"] is True
    for ok in ("https://sync.example.com", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:2"):
        assert qrdesk(monkeypatch, tmp_path / "other", "--server", ok) == 0
