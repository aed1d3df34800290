"""The new user's path, through the commands a user types: the operator adds a user on the server
(`sync-service user add`), two library folders sign in with the password (`qrdesk sync --user`) and converge;
the device list, pairing a third device, and signing out, which revokes the device's token on the server."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import keyring
import pytest

from app.cli import main
from app.core.library import Library
from app.core.spec import QrSpec
from cloud_sync.account import KEYRING_SERVICE, SETTINGS_FILE
from tests.sync_service.helpers import base_env

PASSWORD = "a long enough password"


def qrdesk(monkeypatch: pytest.MonkeyPatch, folder: Path, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--library", str(folder), "sync", *args])


def add_user(server, name: str) -> None:
    out = subprocess.run([sys.executable, "-m", "sync_service", "user", "add", name], input=PASSWORD + "\n",
                         env=base_env(store="local", data_dir=str(server.data_dir)), capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr


def test_two_folders_sign_in_with_a_password_and_converge(server, tmp_path, monkeypatch, capsys) -> None:
    user = f"ann{uuid.uuid4().hex[:8]}"
    add_user(server, user)
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"

    # A fresh folder: status works before the first item, setting the server says what to do next.
    assert qrdesk(monkeypatch, laptop, "--status") == 0
    assert "items: none yet" in capsys.readouterr().out
    assert qrdesk(monkeypatch, laptop, "--server", server.url) == 0
    assert "qrdesk sync --user NAME" in capsys.readouterr().out

    for folder, name in ((laptop, "Laptop"), (desktop, "Desktop")):
        assert qrdesk(monkeypatch, folder, "--server", server.url, "--user", user, "--device-name", name,
                      stdin=PASSWORD + "\n") == 0
        out = capsys.readouterr().out
        assert f"signed in to {server.url} as {user}" in out and PASSWORD not in out
        settings = json.loads((folder / SETTINGS_FILE).read_text())
        assert {k: settings[k] for k in ("server", "user", "device_name")} == {
            "server": server.url, "user": user, "device_name": name}
    with Library.open(laptop) as lib:
        lib.add(QrSpec.text("made on the laptop"), name="Laptop code")
    with Library.open(desktop) as lib:
        lib.add(QrSpec.text("made on the desktop"), name="Desktop code")
    for folder in (laptop, desktop, laptop):
        assert qrdesk(monkeypatch, folder) == 0
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
    assert qrdesk(monkeypatch, tablet, "--server", server.url, "--user", user, "--pairing-code", stdin=code) == 0
    assert qrdesk(monkeypatch, tablet) == 0
    with Library.open(tablet, read_only=True) as lib:
        assert lib.count() == 2

    slot = f"{server.url} device {json.loads((tablet / SETTINGS_FILE).read_text())['device_id']}"
    token = keyring.get_password(KEYRING_SERVICE, slot)
    assert token
    assert qrdesk(monkeypatch, tablet, "--logout") == 0
    assert "revoked" in capsys.readouterr().out
    assert keyring.get_password(KEYRING_SERVICE, slot) is None
    r = httpx.get(server.url + "/v1/library", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 401  # revoked on the server, not only forgotten here


def test_wrong_password_and_unknown_user_read_the_same(server, tmp_path, monkeypatch, capsys) -> None:
    user = f"bob{uuid.uuid4().hex[:8]}"
    add_user(server, user)
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
