"""Packs over real HTTP: many small blobs stored in one object and fetched in one answer (cloud_sync.frames),
every blob checked against its hash, and no body a client can send makes the service answer 5xx."""

from __future__ import annotations

import hashlib
import os

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloud_sync.frames import FrameReader, header

from .helpers import auth, make_token, push_body, record


@pytest.fixture(scope="module")
def carol(local_service) -> str:
    return make_token("carol", "laptop", store="local", data_dir=str(local_service.data_dir))


@pytest.fixture
def client(local_service) -> httpx.Client:
    with httpx.Client(base_url=local_service.url, timeout=30) as c:
        yield c


def _blob(n: int = 1500) -> tuple[str, bytes]:
    data = os.urandom(n)
    return hashlib.sha256(data).hexdigest(), data


def _frames(*blobs: tuple[str, bytes]) -> bytes:
    return b"".join(header(sha, len(data)) + data for sha, data in blobs)


def _post_pack(client: httpx.Client, token: str, body: bytes) -> httpx.Response:
    return client.post("/v1/blobs/pack", content=body,
                       headers={**auth(token), "content-type": "application/octet-stream"})


def test_a_pack_stores_its_blobs_which_every_blob_call_finds(client: httpx.Client, carol: str, local_service) -> None:
    blobs = [_blob(), _blob(10), _blob(0)]
    r = _post_pack(client, carol, _frames(*blobs, blobs[0]))  # a repeated blob is stored once
    assert r.status_code == 201, r.text
    assert r.json()["blobs"] == 3
    shas = [sha for sha, _ in blobs]
    unknown = _blob()[0]
    assert client.post("/v1/blobs/missing", json={"sha256": [*shas, unknown]},
                       headers=auth(carol)).json() == {"missing": [unknown]}
    for sha, data in blobs:
        assert client.head(f"/v1/blobs/{sha}", headers=auth(carol)).headers["content-length"] == str(len(data))
        assert client.get(f"/v1/blobs/{sha}", headers=auth(carol)).content == data
    fetched = client.post("/v1/blobs/fetch", json={"sha256": [*shas, unknown]}, headers=auth(carol))
    assert fetched.status_code == 200
    reader = FrameReader(1 << 20)
    got = dict(reader.feed(fetched.content))
    reader.close()
    assert got == dict(blobs)  # the unknown one is left out
    # A record naming packed blobs commits (they are not "missing"), and another user cannot read them.
    files = [{"kind": "export", "sha256": sha, "size": len(data)} for sha, data in blobs]
    res = client.post("/v1/push", json=push_body("laptop", record(files=files)), headers=auth(carol)).json()
    assert res["results"][0]["status"] == "applied"
    dave = make_token("dave", "phone", store="local", data_dir=str(local_service.data_dir))
    assert client.post("/v1/blobs/fetch", json={"sha256": shas}, headers=auth(dave)).content == b""
    assert client.get(f"/v1/blobs/{shas[0]}", headers=auth(dave)).status_code == 404


SHA, DATA = _blob()


@pytest.mark.parametrize(("body", "status", "said"), [
    (b"", 422, "no blob"),
    (header(SHA, len(DATA)) + DATA[:-1], 422, "ends inside"),
    (header(SHA, len(DATA)) + DATA[::-1], 422, "does not match its sha256"),
    (b"not a header\n" + DATA, 422, "header"),
    (header(SHA.upper(), len(DATA)) + DATA, 422, "header"),
    (header(SHA, (1 << 20) + 1), 422, "over the limit"),
    (b"".join(header(hashlib.sha256(str(i).encode()).hexdigest(), len(str(i))) + str(i).encode()
              for i in range(1001)), 413, "at most 1000"),
    (_frames(*[_blob(60_000) for _ in range(4)]), 413, ""),  # the test service's limit is 200 kB
])
def test_a_bad_pack_is_refused_and_stores_nothing(client: httpx.Client, carol: str, body: bytes, status: int,
                                                   said: str) -> None:
    r = _post_pack(client, carol, body)
    detail = r.json()["detail"]  # a 422 names its problem like a validation error: [{"loc", "msg", "type"}]
    assert r.status_code == status and said in (detail[0]["msg"] if status == 422 else detail), r.text
    assert client.post("/v1/blobs/missing", json={"sha256": [SHA]}, headers=auth(carol)).json() == {"missing": [SHA]}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.builds(lambda sha, size, tail: header(sha, size) + tail,
                                           st.sampled_from([SHA, "0" * 64]), st.integers(0, 2**40),
                                           st.binary(max_size=200)))
def test_any_body_gets_an_answer_below_500(client: httpx.Client, carol: str, body: bytes) -> None:
    assert _post_pack(client, carol, body).status_code < 500
