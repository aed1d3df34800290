"""A hostile device pushes whatever Hypothesis makes of the protocol (any JSON value where a field is expected,
Unicode edge cases, huge and non-finite numbers, unknown kinds and keys) to the running service, mixed with good
records; after every batch a second device syncs with the real client. The service never answers >= 500, the
second device never gets stuck, and every good record reaches it."""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.library import Library
from cloud_sync.client import SyncClient
from cloud_sync.engine import SyncEngine

from .helpers import auth, make_token

EDGE_TEXT = ["\ud800", "a\udfffb", "\udbff\udc00", "\x00", "\u202e", "\ufeff", "🙂", "e\u0301", "\uffff", "",
             " " * 3, "\\u0000", "𝔘𝔫𝔦"]
HUGE = [10**20, -(10**20), 2**53 + 1, 1e308, -1e308, math.nan, math.inf, -math.inf, 1e-320, -0.0]

text = st.one_of(st.text(max_size=20), st.sampled_from(EDGE_TEXT))
number = st.one_of(st.integers(-(2**70), 2**70), st.floats(allow_nan=True, allow_infinity=True),
                   st.sampled_from(HUGE))
scalar = st.one_of(st.none(), st.booleans(), number, text)
json_value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(text, inner, max_size=3)), max_leaves=8)


def good_record(name: str, body: str) -> dict[str, Any]:
    payload = {"spec": {"kind": "text", "fields": {"text": body}}, "name": name, "tags": ["fuzz"], "notes": "",
               "trashed": False}
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
    return {"id": str(uuid.uuid4()), "base_rev": 0, "updated_at": "1700000000.0", "payload": payload,
            "content_hash": digest}


clean_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=30)
good = st.builds(good_record, clean_text.map(lambda t: " ".join(t.split()) or "x"), clean_text)

# Where a hostile record differs from a good one: (path into the record, replacement).
FIELDS = [("id",), ("rev",), ("base_rev",), ("device_id",), ("updated_at",), ("deleted",), ("content_hash",),
          ("payload",), ("files",), ("conflict_of",), ("payload", "spec"), ("payload", "name"), ("payload", "tags"),
          ("payload", "notes"), ("payload", "trashed"), ("payload", "spec", "kind"), ("payload", "spec", "fields"),
          ("payload", "spec", "style"), ("payload", "spec", "fields", "text"), ("payload", "unknown"), ("extra",)]


@st.composite
def hostile(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(json_value)  # not even an object
    rec = draw(good)
    path = draw(st.sampled_from(FIELDS))
    value = draw(st.one_of(json_value, st.sampled_from(["qr-unknown-kind", "wifi", "not-a-uuid"])))
    node = rec
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return rec


batch = st.lists(st.one_of(good.map(lambda r: ("good", r)), hostile().map(lambda r: ("hostile", r))),
                 min_size=1, max_size=6)


@pytest.fixture(scope="module")
def devices(local_service, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("second-device")
    lib = Library.open(folder / "lib")
    data = str(local_service.data_dir)
    pusher = make_token("hostile", "fuzzer", store="local", data_dir=data)
    reader = make_token("hostile", lib.device_id, store="local", data_dir=data)
    yield {"url": local_service.url, "pusher": pusher, "reader": reader, "lib": lib, "delivered": {}}
    lib.close()


def _post(url: str, token: str, body: Any) -> httpx.Response:
    # allow_nan and ensure_ascii: NaN, Infinity and lone surrogates reach the service as a client could send them.
    raw = json.dumps(body, allow_nan=True, ensure_ascii=True)
    return httpx.post(url + "/v1/push", content=raw, timeout=30,
                      headers={**auth(token), "content-type": "application/json"})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batch=batch, envelope=st.integers(0, 14), junk=json_value)
def test_hostile_pushes_never_break_the_service_or_another_device(devices: dict[str, Any], batch, envelope: int,
                                                                  junk: Any) -> None:
    records = [rec for _kind, rec in batch]
    body: Any = {"device_id": "fuzzer", "idempotency_key": f"fz-{uuid.uuid4().hex}", "changes": records}
    if envelope == 0:
        body["changes"] = junk  # any JSON value where the list is expected
    elif envelope == 1:
        body["device_id"] = junk
    elif envelope == 2:
        body = junk
    response = _post(devices["url"], devices["pusher"], body)
    assert response.status_code < 500, response.text[:500]
    if envelope <= 2 and response.status_code != 200:
        assert response.status_code in (400, 403, 409, 413, 422), response.text[:500]
    else:
        assert response.status_code == 200, response.text[:500]
        results = response.json()["results"]
        for result in results:
            if result["status"] == "rejected":
                assert result["reason"] and "\ud800" not in result["reason"]
        if envelope in (0, 2):
            # The junk itself was the list of changes (or the whole body) and the service took it: one answer per
            # entry sent, and none of the batch's good records was among them.
            assert len(results) == len(body["changes"])
        else:
            assert len(results) == len(batch)
            for (kind, rec), result in zip(batch, results, strict=True):
                if kind == "good":
                    assert result["status"] == "applied", result
                    devices["delivered"][rec["id"]] = rec["payload"]["name"]
    # The second device syncs with the real client: never stuck, and every good record so far is there.
    with SyncClient(devices["url"], devices["reader"], attempts=1) as client:
        report = SyncEngine(devices["lib"], client).sync()
    assert report.pending == 0
    lib: Library = devices["lib"]
    for rid, name in devices["delivered"].items():
        assert lib.get(rid).name == name
    # Whatever the service stored, the second device's library stays readable: a record it cannot apply is
    # quarantined (with its reason), never kept half-parsed.
    assert lib.list(limit=1000).total == len(list(lib.all_items(include_trash=False)))


def test_feed_stays_readable_after_the_fuzzing(devices: dict[str, Any]) -> None:
    page = httpx.get(devices["url"] + "/v1/changes", headers=auth(devices["reader"]), params={"limit": 1000},
                     timeout=30)
    assert page.status_code == 200
    page.content.decode("ascii")  # lone surrogates travel escaped
    json.loads(page.text, parse_constant=lambda c: pytest.fail(f"{c} in the feed"))  # strict JSON: no NaN
    assert set(devices["delivered"]) <= {c["id"] for c in page.json()["changes"]}
