"""The operator commands: token create prints a working token once; token revoke makes it fail."""

from __future__ import annotations

import subprocess
import sys

import httpx

from .helpers import auth, base_env, push_body, record


def _cli(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync_service", *args], env=env, input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_token_create_and_revoke_through_the_cli(local_service) -> None:
    env = base_env(store="local", data_dir=str(local_service.data_dir))
    created = _cli(env, "token", "create", "--user", "olga", "--device", "tablet")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert token.startswith("qrd_")
    stored = b"".join(p.read_bytes() for p in (local_service.data_dir / "_auth" / "tokens").glob("*.json"))
    assert token.encode() not in stored  # only the HMAC is kept
    with httpx.Client(base_url=local_service.url, timeout=10, headers=auth(token)) as c:
        assert c.post("/v1/push", json=push_body("tablet", record())).status_code == 200
        revoked = _cli(env, "token", "revoke", "--stdin", stdin=token + "\n")
        assert revoked.returncode == 0 and "revoked 1 token(s)" in revoked.stdout
        assert c.get("/v1/library").status_code == 401
    again = _cli(env, "token", "revoke", "--user", "olga", "--device", "tablet")
    assert again.returncode == 1 and "revoked 0 token(s)" in again.stdout


def test_bad_user_id_is_a_clear_error_not_a_traceback(local_service) -> None:
    env = base_env(store="local", data_dir=str(local_service.data_dir))
    out = _cli(env, "token", "create", "--user", "../etc", "--device", "d")
    assert out.returncode == 2
    assert "invalid user id" in out.stderr and "Traceback" not in out.stderr


def test_changes_feed_pages_with_has_more(local_service) -> None:
    env = base_env(store="local", data_dir=str(local_service.data_dir))
    token = _cli(env, "token", "create", "--user", "pia", "--device", "d1").stdout.strip()
    with httpx.Client(base_url=local_service.url, timeout=10, headers=auth(token)) as c:
        pushed = []
        for i in range(5):
            rec = record(name=f"p{i}")
            c.post("/v1/push", json=push_body("d1", rec))
            pushed.append(rec["id"])
        seen, cursor, pages = [], "", 0
        while True:
            page = c.get("/v1/changes", params={"cursor": cursor, "limit": 2}).json()
            seen += [ch["id"] for ch in page["changes"]]
            cursor, pages = page["cursor"], pages + 1
            if not page["has_more"]:
                break
        assert seen == pushed and pages == 3
