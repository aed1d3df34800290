"""Two service processes on different ports commit to one user's log concurrently.

Honest pushers retry on conflict with the server's rev; stale pushers always push against rev 0. The log must end
gapless, every acknowledged edit must be in it exactly once, each record's history must be a single chain
(every committed edit based on the rev before it: no lost update), and every stale push must be a conflict.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from .helpers import ServiceProcess, auth, make_token, push_body, record

RECORDS = 3
HONEST_PER_SERVICE = 4
EDITS = 6
STALE_PER_SERVICE = 2


def _run_race(urls: list[str], token: str, device: str) -> tuple[list[tuple[str, int, str]], int, int, list[str]]:
    with httpx.Client(base_url=urls[0], timeout=30) as c:
        seeds = [record(name=f"seed-{i}") for i in range(RECORDS)]
        res = c.post("/v1/push", json=push_body(device, *seeds), headers=auth(token)).json()["results"]
        ids = [r["id"] for r in res]
        seed_acks = [(r["id"], r["rev"], f"seed-{i}") for i, r in enumerate(res)]

    def honest(worker: int) -> list[tuple[str, int, str]]:
        acks = []
        known = {rid: rev for rid, rev, _ in seed_acks}
        with httpx.Client(base_url=urls[worker % len(urls)], timeout=30) as c:
            for i in range(EDITS):
                rid = ids[(worker + i) % RECORDS]
                name = f"w{worker}-e{i}"
                for _ in range(200):
                    body = push_body(device, record(rid, base_rev=known[rid], name=name))
                    r = c.post("/v1/push", json=body, headers=auth(token))
                    assert r.status_code == 200, r.text
                    result = r.json()["results"][0]
                    if result["status"] == "applied":
                        known[rid] = result["rev"]
                        acks.append((rid, result["rev"], name))
                        break
                    assert result["status"] == "conflict"
                    known[rid] = result["server"]["rev"]
                else:
                    pytest.fail("an honest pusher never got its edit in")
        return acks

    def stale(worker: int) -> tuple[int, int]:
        conflicts = total = 0
        with httpx.Client(base_url=urls[worker % len(urls)], timeout=30) as c:
            for i in range(EDITS):
                body = push_body(device, record(ids[i % RECORDS], base_rev=0, name=f"stale-{worker}-{i}"))
                r = c.post("/v1/push", json=body, headers=auth(token))
                assert r.status_code == 200, r.text
                total += 1
                conflicts += r.json()["results"][0]["status"] == "conflict"
        return conflicts, total

    n_honest = HONEST_PER_SERVICE * len(urls)
    n_stale = STALE_PER_SERVICE * len(urls)
    with ThreadPoolExecutor(n_honest + n_stale) as pool:
        honest_f = [pool.submit(honest, w) for w in range(n_honest)]
        stale_f = [pool.submit(stale, w) for w in range(n_stale)]
        acks = seed_acks + [a for f in honest_f for a in f.result()]
        stale_results = [f.result() for f in stale_f]
    return acks, sum(c for c, _ in stale_results), sum(t for _, t in stale_results), ids


def _check_log(entries: dict[int, dict], acks: list[tuple[str, int, str]]) -> None:
    seqs = sorted(entries)
    assert seqs == list(range(1, len(seqs) + 1)), "log has a gap"
    committed = []
    last_rev: dict[str, int] = {}
    for seq in seqs:
        for rec in entries[seq]["records"]:
            assert rec["rev"] == seq
            # Each edit was based on the rev right before it: nobody overwrote an edit they had not seen.
            assert rec["base_rev"] == last_rev.get(rec["id"], 0), f"lost update on {rec['id']} at seq {seq}"
            last_rev[rec["id"]] = seq
            committed.append((rec["id"], seq, rec["payload"]["name"]))
    assert sorted(committed) == sorted(acks), "acknowledged edits and committed edits differ"
    assert not any(name.startswith("stale-") for _, _, name in committed)


def test_two_processes_local_store_gapless_no_lost_update(tmp_path: Path) -> None:
    data = tmp_path / "data"
    services = [ServiceProcess(tmp_path / f"svc{i}.log", store="local", data_dir=str(data)) for i in range(2)]
    try:
        token = make_token("carol", "desk", store="local", data_dir=str(data))
        acks, conflicts, stale_total, _ = _run_race([s.url for s in services], token, "desk")
    finally:
        for s in services:
            s.stop()
    assert conflicts == stale_total > 0
    entries = {int(p.stem): json.loads(p.read_text()) for p in (data / "u" / "carol" / "log").glob("*.json")}
    _check_log(entries, acks)


@pytest.mark.emulators
def test_two_processes_on_s3_gapless_no_lost_update(tmp_path: Path, moto_s3) -> None:
    from sync_service.storage.s3 import S3Store

    s3 = S3Store("race", "us-east-1", moto_s3.url)
    s3.ensure_bucket()
    cfg = {"store": "s3", "s3_bucket": "race", "s3_endpoint_url": moto_s3.url}
    services = [ServiceProcess(tmp_path / f"svc{i}.log", **cfg) for i in range(2)]
    try:
        token = make_token("dave", "desk", **cfg)
        acks, conflicts, stale_total, _ = _run_race([s.url for s in services], token, "desk")
    finally:
        for s in services:
            s.stop()
    assert conflicts == stale_total > 0
    entries = {int(k.rsplit("/", 1)[1][:-5]): json.loads(s3.get(k)) for k in s3.list("u/dave/log/")}
    _check_log(entries, acks)
