"""The /v1 API over real HTTP against the local-directory store."""

from __future__ import annotations

import hashlib
import json
import uuid

import httpx
import pytest

from .helpers import ServiceProcess, auth, make_token, push_body, record


@pytest.fixture(scope="module")
def alice(local_service) -> tuple[str, str]:
    return make_token("alice", "laptop", store="local", data_dir=str(local_service.data_dir)), "laptop"


@pytest.fixture
def client(local_service) -> httpx.Client:
    with httpx.Client(base_url=local_service.url, timeout=10) as c:
        yield c


def test_health_ready_and_request_id_round_trip(client: httpx.Client) -> None:
    r = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.status_code == 200
    assert r.headers["x-request-id"] == "abc-123"
    assert client.get("/readyz").json()["status"] == "ok"
    generated = client.get("/healthz").headers["x-request-id"]
    assert len(generated) == 32
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/library", "/v1/changes", "/v1/push", "/v1/blobs/{sha256}", "/healthz", "/readyz"} <= set(paths)


def test_push_then_changes_feed_with_cursor(client: httpx.Client, alice) -> None:
    token, device = alice
    head0 = client.get("/v1/library", headers=auth(token)).json()["head"]
    first = client.get("/v1/changes", headers=auth(token)).json()
    rec = record(name="menu")
    r = client.post("/v1/push", json=push_body(device, rec), headers=auth(token))
    assert r.status_code == 200, r.text
    result = r.json()["results"][0]
    assert result == {"id": rec["id"], "status": "applied", "rev": head0 + 1, "server": None, "missing": [],
                      "reason": None}
    page = client.get("/v1/changes", params={"cursor": first["cursor"]}, headers=auth(token)).json()
    assert [c["id"] for c in page["changes"]] == [rec["id"]]
    assert page["changes"][0]["rev"] == head0 + 1 and page["changes"][0]["device_id"] == device
    assert page["has_more"] is False
    again = client.get("/v1/changes", params={"cursor": page["cursor"]}, headers=auth(token)).json()
    assert again["changes"] == []


def test_stale_edit_is_a_conflict_carrying_the_server_record(client: httpx.Client, alice) -> None:
    token, device = alice
    rec = record(name="v1")
    rev1 = client.post("/v1/push", json=push_body(device, rec), headers=auth(token)).json()["results"][0]["rev"]
    edit = record(rec["id"], base_rev=rev1, name="v2")
    rev2 = client.post("/v1/push", json=push_body(device, edit), headers=auth(token)).json()["results"][0]["rev"]
    stale = record(rec["id"], base_rev=rev1, name="v2-other")
    res = client.post("/v1/push", json=push_body(device, stale), headers=auth(token)).json()["results"][0]
    assert res["status"] == "conflict"
    assert res["server"]["rev"] == rev2 and res["server"]["payload"]["name"] == "v2"
    same = record(rec["id"], base_rev=rev1, name="v2")  # identical content is no conflict
    res = client.post("/v1/push", json=push_body(device, same), headers=auth(token)).json()["results"][0]
    assert res == {"id": rec["id"], "status": "applied", "rev": rev2, "server": None, "missing": [], "reason": None}


def test_retried_key_returns_first_answer_without_a_new_commit(client: httpx.Client, alice) -> None:
    token, device = alice
    body = push_body(device, record(name="once"), key="retry-" + uuid.uuid4().hex)
    first = client.post("/v1/push", json=body, headers=auth(token)).json()
    head = client.get("/v1/library", headers=auth(token)).json()["head"]
    second = client.post("/v1/push", json=body, headers=auth(token)).json()
    assert second["results"] == first["results"] and second["replayed"] is True
    assert client.get("/v1/library", headers=auth(token)).json()["head"] == head
    body["changes"][0]["payload"]["name"] = "different"
    assert client.post("/v1/push", json=body, headers=auth(token)).status_code == 409


def test_blobs_missing_then_uploaded_then_applied(client: httpx.Client, alice) -> None:
    token, device = alice
    data = b"\x89PNG fake png bytes " + uuid.uuid4().bytes
    sha = hashlib.sha256(data).hexdigest()
    rec = record(name="with-file", files=[{"kind": "png", "sha256": sha, "size": len(data)}])
    res = client.post("/v1/push", json=push_body(device, rec), headers=auth(token)).json()["results"][0]
    assert res["status"] == "missing_blobs" and res["missing"] == [sha]
    assert client.head(f"/v1/blobs/{sha}", headers=auth(token)).status_code == 404
    assert client.put(f"/v1/blobs/{sha}", content=data, headers=auth(token)).status_code == 201
    assert client.put(f"/v1/blobs/{sha}", content=data, headers=auth(token)).status_code == 200
    assert client.head(f"/v1/blobs/{sha}", headers=auth(token)).status_code == 200
    assert client.get(f"/v1/blobs/{sha}", headers=auth(token)).content == data
    res = client.post("/v1/push", json=push_body(device, rec), headers=auth(token)).json()["results"][0]
    assert res["status"] == "applied"


def test_users_are_isolated(client: httpx.Client, alice, local_service) -> None:
    token, device = alice
    bob = make_token("bob", "phone", store="local", data_dir=str(local_service.data_dir))
    data = b"alice only " + uuid.uuid4().bytes
    sha = hashlib.sha256(data).hexdigest()
    client.put(f"/v1/blobs/{sha}", content=data, headers=auth(token))
    client.post("/v1/push", json=push_body(device, record(name="secret")), headers=auth(token))
    assert client.get(f"/v1/blobs/{sha}", headers=auth(bob)).status_code == 404
    assert client.get("/v1/changes", headers=auth(bob)).json()["changes"] == []
    alice_lib = client.get("/v1/library", headers=auth(token)).json()
    bob_lib = client.get("/v1/library", headers=auth(bob)).json()
    assert alice_lib["library_id"] != bob_lib["library_id"]
    alice_cursor = client.get("/v1/changes", headers=auth(token)).json()["cursor"]
    assert client.get("/v1/changes", params={"cursor": alice_cursor}, headers=auth(bob)).status_code == 410
    # Path tricks never reach the store: the sha256 path parameter is validated.
    for bad in ("..%2F..%2Fu%2Falice%2Fmeta.json", "ABC", "0" * 63, "g" * 64):
        assert client.get(f"/v1/blobs/{bad}", headers=auth(bob)).status_code in (404, 422)
    bad_id = record(rid="../../u/alice/meta")
    answer = client.post("/v1/push", json=push_body("phone", bad_id), headers=auth(bob)).json()["results"][0]
    assert answer["status"] == "rejected" and "id" in answer["reason"] and answer["id"] == ""


def test_bad_tokens_get_401(client: httpx.Client, alice, local_service) -> None:
    from sync_service.storage import LocalStore
    from sync_service.tokens import TokenService

    from .helpers import PEPPER

    token, _ = alice
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    expired = make_token("alice", "old", ttl_days=-1, store="local", data_dir=str(local_service.data_dir))
    revoked = make_token("alice", "lost", store="local", data_dir=str(local_service.data_dir))
    assert client.get("/v1/library", headers=auth(revoked)).status_code == 200
    assert TokenService(LocalStore(local_service.data_dir), PEPPER, 0).revoke(token=revoked) == 1
    for bad in (forged, expired, revoked, "qrd_short", "x"):
        r = client.get("/v1/library", headers=auth(bad))
        assert r.status_code == 401, bad[:6]
        assert r.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/library").status_code == 401
    # The token's device is the device: pushing as another device is refused.
    assert client.post("/v1/push", json=push_body("other", record()), headers=auth(token)).status_code == 403


def test_oversize_and_hash_mismatch(client: httpx.Client, alice) -> None:
    token, device = alice
    big = push_body(device, record(name="x" * 70_000))
    assert client.post("/v1/push", json=big, headers=auth(token)).status_code == 413

    def chunks():
        for _ in range(30):
            yield b"z" * 10_000

    sha = "0" * 64
    assert client.put(f"/v1/blobs/{sha}", content=chunks(), headers=auth(token)).status_code == 413
    r = client.put(f"/v1/blobs/{sha}", content=b"not zero", headers=auth(token))
    assert r.status_code == 422 and "sha256" in r.json()["detail"][0]["msg"]


def test_forged_cursor_is_400_and_future_cursor_410(client: httpx.Client, alice) -> None:
    from sync_service import cursors

    from .helpers import CURSOR_KEY

    token, _ = alice
    good = client.get("/v1/changes", headers=auth(token)).json()["cursor"]
    body, _sig = good.split(".")
    assert client.get("/v1/changes", params={"cursor": body + ".xx"}, headers=auth(token)).status_code == 400
    lib = client.get("/v1/library", headers=auth(token)).json()
    ahead = cursors.encode(CURSOR_KEY.encode(), lib["library_id"], lib["epoch"], lib["head"] + 100)
    assert client.get("/v1/changes", params={"cursor": ahead}, headers=auth(token)).status_code == 410


def test_logs_are_json_with_request_id(tmp_path) -> None:
    # The access line is written after the response has gone out, so reading the log right after the
    # response races with the service. A service of its own, stopped (and so flushed) first, does not.
    log_file = tmp_path / "service.log"
    service = ServiceProcess(log_file, store="local", data_dir=str(tmp_path / "data"), log_level="INFO")
    try:
        httpx.get(service.url + "/v1/library", headers={"X-Request-ID": "log-check-1", "Authorization": "Bearer qrd_x"},
                  timeout=10)
    finally:
        service.stop()
    lines = [json.loads(line) for line in log_file.read_text().splitlines() if line.startswith("{")]
    (access,) = [e for e in lines if e.get("request_id") == "log-check-1" and e.get("msg") == "request"]
    assert access["route"] == "/v1/library" and access["status"] == 401 and access["level"] == "INFO"
