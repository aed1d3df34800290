"""Accounts and devices over real HTTP: `sync-service user ...` on the server, sign-in from a device, device
list and revoke, pairing codes, sign-in rate limits, and secrets the service refuses to start with."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .helpers import ServiceProcess, auth, base_env

PASSWORD = "correct horse battery"


def sync_service(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync_service", *args], env=env, input=stdin,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    data = tmp_path_factory.mktemp("accounts-data")
    # Small sign-in budgets so the limits show after a few attempts (every check costs an Argon2id hash).
    svc = ServiceProcess(data.parent / "accounts.log", store="local", data_dir=str(data), login_user_burst="3",
                         login_user_refill_seconds="600", login_address_burst="40",
                         login_address_refill_seconds="600")
    svc.data_dir = data  # type: ignore[attr-defined]
    yield svc
    svc.stop()


def new_user(service: ServiceProcess, password: str = PASSWORD) -> str:
    name = f"u{uuid.uuid4().hex[:10]}"
    out = sync_service(base_env(store="local", data_dir=str(service.data_dir)), "user", "add", name,
                       stdin=password + "\n")
    assert out.returncode == 0, out.stderr
    assert password not in out.stdout + out.stderr
    return name


def login(service: ServiceProcess, user: str, device: str | None = None, **secret: str) -> httpx.Response:
    body = {"user": user, "device_id": device or uuid.uuid4().hex, "device_name": "Test laptop", **secret}
    return httpx.post(service.url + "/v1/auth/login", json=body, timeout=30)


def test_user_signs_in_with_a_password_and_wrong_answers_say_nothing_more(service: ServiceProcess) -> None:
    user = new_user(service)
    ok = login(service, user, "laptop-1", password=PASSWORD)
    assert ok.status_code == 200, ok.text
    token = ok.json()["token"]
    assert ok.json()["device_id"] == "laptop-1" and ok.json()["user"] == user
    assert httpx.get(service.url + "/v1/library", headers=auth(token), timeout=10).status_code == 200
    wrong = login(service, user, password="not the password")
    nobody = login(service, f"nobody{uuid.uuid4().hex[:6]}", password=PASSWORD)
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.json()["detail"] == nobody.json()["detail"]
    # Stored: Argon2id hashes only, never the password or the token.
    stored = b"".join(p.read_bytes() for p in (service.data_dir / "_auth").rglob("*.json"))  # type: ignore[attr-defined]
    assert PASSWORD.encode() not in stored and token.encode() not in stored
    assert b"$argon2id$" in stored


def test_enrollment_code_is_one_time_and_sets_the_password(service: ServiceProcess) -> None:
    env = base_env(store="local", data_dir=str(service.data_dir))  # type: ignore[attr-defined]
    name = f"e{uuid.uuid4().hex[:10]}"
    out = sync_service(env, "user", "add", name, "--enrollment-code")
    assert out.returncode == 0, out.stderr
    code = re.search(r"code \(valid [^)]*\): ([A-Z0-9-]+)", out.stdout).group(1)  # type: ignore[union-attr]
    first = login(service, name, enrollment_code=code.lower(), new_password="my own password")
    assert first.status_code == 200, first.text
    assert login(service, name, enrollment_code=code).status_code == 401  # used up
    assert login(service, name, password="my own password").status_code == 200


def test_devices_are_listed_and_revoked_and_sign_out_ends_the_token(service: ServiceProcess) -> None:
    user = new_user(service)
    a = login(service, user, "desk", password=PASSWORD).json()["token"]
    b = login(service, user, "travel", password=PASSWORD).json()["token"]
    listed = httpx.get(service.url + "/v1/devices", headers=auth(a), timeout=10).json()
    assert {(d["device_id"], d["current"], d["revoked"]) for d in listed["devices"]} == {
        ("desk", True, False), ("travel", False, False)}
    assert httpx.delete(service.url + "/v1/devices/travel", headers=auth(a), timeout=10).status_code == 204
    assert httpx.get(service.url + "/v1/library", headers=auth(b), timeout=10).status_code == 401
    env = base_env(store="local", data_dir=str(service.data_dir))  # type: ignore[attr-defined]
    out = sync_service(env, "device", "list", user)
    assert "travel" in out.stdout and "revoked" in out.stdout and a not in out.stdout
    assert httpx.post(service.url + "/v1/auth/logout", headers=auth(a), timeout=10).status_code == 204
    assert httpx.get(service.url + "/v1/library", headers=auth(a), timeout=10).status_code == 401
    # Signing in again on the same device replaces its token.
    again = login(service, user, "desk", password=PASSWORD).json()["token"]
    newer = login(service, user, "desk", password=PASSWORD).json()["token"]
    assert httpx.get(service.url + "/v1/library", headers=auth(again), timeout=10).status_code == 401
    assert httpx.get(service.url + "/v1/library", headers=auth(newer), timeout=10).status_code == 200
    # A disabled user's devices stop at once and cannot sign in again.
    assert sync_service(env, "user", "disable", user).returncode == 0
    assert httpx.get(service.url + "/v1/library", headers=auth(newer), timeout=10).status_code == 401
    assert login(service, user, password=PASSWORD).status_code == 401


def test_a_pairing_code_lets_a_new_device_join_once(service: ServiceProcess) -> None:
    user = new_user(service)
    token = login(service, user, "desk", password=PASSWORD).json()["token"]
    made = httpx.post(service.url + "/v1/auth/pairing", headers=auth(token), timeout=10).json()
    assert made["expires_in"] > 0 and re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", made["code"])
    joined = login(service, user, "phone", pairing_code=made["code"])
    assert joined.status_code == 200
    assert login(service, user, "tablet", pairing_code=made["code"]).status_code == 401
    other = new_user(service)
    assert login(service, other, "x", pairing_code=made["code"]).status_code == 401  # bound to its user


def test_sign_in_is_rate_limited_per_user_without_telling_who_exists(service: ServiceProcess) -> None:
    user = new_user(service)
    ghost = f"ghost{uuid.uuid4().hex[:6]}"
    for name in (user, ghost):
        statuses = [login(service, name, password="wrong password").status_code for _ in range(4)]
        assert statuses == [401, 401, 401, 429], name
    limited = login(service, user, password=PASSWORD)  # even the right password waits now
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.json() == {"detail": limited.json()["detail"], "request_id": limited.json()["request_id"]}
    assert login(service, new_user(service), password=PASSWORD).status_code == 200  # other users are not held up


def test_sign_in_is_rate_limited_per_client_address(tmp_path: Path) -> None:
    svc = ServiceProcess(tmp_path / "svc.log", store="local", data_dir=str(tmp_path / "data"),
                         login_address_burst="4", login_address_refill_seconds="600")
    try:
        statuses = [login(svc, f"someone{n}", password="whatever password").status_code for n in range(6)]
        assert statuses[:4] == [401] * 4 and statuses[4:] == [429, 429]
    finally:
        svc.stop()


def test_a_revoked_token_stops_on_every_instance_within_a_second(service: ServiceProcess, tmp_path: Path) -> None:
    # A second instance on the same store with the default token cache (this one caches lookups).
    other = ServiceProcess(tmp_path / "other.log", store="local", data_dir=str(service.data_dir),  # type: ignore[attr-defined]
                           token_cache_seconds="0.5")
    try:
        user = new_user(service)
        token = login(service, user, "desk", password=PASSWORD).json()["token"]
        assert httpx.get(other.url + "/v1/library", headers=auth(token), timeout=10).status_code == 200  # cached
        assert httpx.post(service.url + "/v1/auth/logout", headers=auth(token), timeout=10).status_code == 204
        time.sleep(1.0)  # the bound under test: an instance's cache entry is at most token_cache_seconds old
        assert httpx.get(other.url + "/v1/library", headers=auth(token), timeout=10).status_code == 401
    finally:
        other.stop()


@pytest.mark.parametrize("secrets", [{}, {"cursor_key": "dev-cursor-key-change-me"}, {"token_pepper": "short"}])
def test_the_service_refuses_to_start_without_real_secrets(tmp_path: Path, secrets: dict[str, str]) -> None:
    env = base_env(store="local", data_dir=str(tmp_path))
    if not secrets:
        env.pop("QRDESK_SYNC_CURSOR_KEY")
        env.pop("QRDESK_SYNC_TOKEN_PEPPER")
    env.update({f"QRDESK_SYNC_{k.upper()}": v for k, v in secrets.items()})
    for args in (["serve", "--port", "1"], ["user", "add", "x"]):
        out = sync_service(env, *args, stdin="a password\n")
        assert out.returncode == 2, out.stdout + out.stderr
        assert "refusing to start" in out.stderr and "sync-service init" in out.stderr
        assert "Traceback" not in out.stderr


def test_init_writes_private_fresh_secrets_that_the_service_accepts(tmp_path: Path) -> None:
    env = {k: v for k, v in base_env().items() if k not in ("QRDESK_SYNC_CURSOR_KEY", "QRDESK_SYNC_TOKEN_PEPPER")}
    out = subprocess.run([sys.executable, "-m", "sync_service", "init", "--data-dir", "data"], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    written = tmp_path / "qrdesk-sync.env"
    assert written.stat().st_mode & 0o077 == 0
    assert "change-me" not in written.read_text()
    added = subprocess.run([sys.executable, "-m", "sync_service", "user", "add", "ann"], env=env, cwd=tmp_path,
                           input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
    assert added.returncode == 0, added.stderr
    assert (tmp_path / "data" / "_auth" / "users" / "ann.json").is_file()
    again = subprocess.run([sys.executable, "-m", "sync_service", "init"], env=env, cwd=tmp_path,
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "exists" in again.stderr
