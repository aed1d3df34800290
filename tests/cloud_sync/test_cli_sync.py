"""`qrdesk sync` end to end: sign in (token from stdin, kept in the keyring), sync, status, sign out."""

from __future__ import annotations

import io
import json

import keyring
import pytest

from app.cli import main
from app.core.library import Library
from app.core.spec import QrSpec
from cloud_sync.account import KEYRING_SERVICE, SETTINGS_FILE


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_login_sync_status_logout(server, tmp_path, monkeypatch, capsys, memory_keyring) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        lib.add(QrSpec.text("from the cli"), name="CLI item")
        device = lib.device_id
    token = server.token("cli-user", device)

    _stdin(monkeypatch, token + "\n")
    assert main(["--library", str(folder), "sync", "--server", server.url, "--login"]) == 0
    assert keyring.get_password(KEYRING_SERVICE, server.url) == token
    settings = (folder / SETTINGS_FILE).read_text()
    assert token not in settings and json.loads(settings) == {"server": server.url}

    assert main(["--library", str(folder), "sync"]) == 0
    assert "synced: pushed 1" in capsys.readouterr().out

    assert main(["--library", str(folder), "sync", "--status"]) == 0
    out = capsys.readouterr().out
    assert "pending changes: 0" in out and "signed in: yes" in out and token not in out
    assert "conflict copies to review: 0" in out

    assert main(["--library", str(folder), "sync", "--logout"]) == 0
    assert keyring.get_password(KEYRING_SERVICE, server.url) is None
    assert main(["--library", str(folder), "sync"]) == 2
    assert "not signed in" in capsys.readouterr().err


def test_sync_without_server_says_what_to_do(tmp_path, capsys) -> None:
    assert main(["--library", str(tmp_path / "lib"), "sync"]) == 2
    assert "qrdesk sync --server URL" in capsys.readouterr().err


def test_no_keyring_backend_is_a_clear_error_and_nothing_is_written(tmp_path, monkeypatch, capsys) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())
    folder = tmp_path / "lib"
    _stdin(monkeypatch, "secret-token-value\n")
    assert main(["--library", str(folder), "sync", "--server", "https://sync.example", "--login"]) == 2
    err = capsys.readouterr().err
    assert "no OS keyring" in err and "Traceback" not in err
    assert all("secret-token-value" not in p.read_text() for p in folder.rglob("*.json"))


def test_wrong_token_is_reported_without_traceback(server, tmp_path, monkeypatch, capsys) -> None:
    folder = tmp_path / "lib"
    _stdin(monkeypatch, "not-a-real-token\n")
    assert main(["--library", str(folder), "sync", "--server", server.url, "--login"]) == 0
    assert main(["--library", str(folder), "sync"]) == 2
    err = capsys.readouterr().err
    assert "refused the token" in err and "Traceback" not in err


def test_mass_delete_is_refused_without_yes(server, tmp_path, monkeypatch, capsys) -> None:
    folders = [tmp_path / "a", tmp_path / "b"]
    tokens = []
    for folder in folders:
        with Library.open(folder) as lib:
            tokens.append(server.token("cli-mass", lib.device_id))
        assert main(["--library", str(folder), "sync", "--server", server.url]) == 0

    def sync(i: int, *extra: str) -> int:
        # The explicit opt-in for machines without a keyring: the token in the environment.
        monkeypatch.setenv("QRDESK_SYNC_TOKEN", tokens[i])
        return main(["--library", str(folders[i]), "sync", *extra])

    with Library.open(folders[0]) as lib:
        ids = [lib.add(QrSpec.text(f"code {n}")).id for n in range(6)]
    assert sync(0) == 0 and sync(1) == 0
    with Library.open(folders[0]) as lib:
        lib.delete_forever(ids)
    assert sync(0) == 0
    capsys.readouterr()
    assert sync(1) == 2
    assert "--yes" in capsys.readouterr().err
    with Library.open(folders[1]) as lib:
        assert lib.count() == 6
    assert sync(1, "--yes") == 0
    with Library.open(folders[1]) as lib:
        assert lib.count() == 0
