"""Load benchmark of the sync service: push and changes-feed throughput and p99 latency.

50 concurrent clients (one user and device each) on loopback, against the local-directory store and against
moto's S3 server + Azurite (replicated store). Not a test: it prints figures.

    python benchmarks/bench_sync_service.py [--clients 50] [--pushes 20] [--reads 20] [--only local|replicated]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.replicated_service import replicated_service  # noqa: E402
from tests.sync_service.helpers import (  # noqa: E402
    ServiceProcess,
    auth,
    make_token,
    push_body,
    record,
)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _client(url: str, token: str, device: str, pushes: int, reads: int) -> tuple[list[float], list[float]]:
    push_lat, read_lat = [], []
    async with httpx.AsyncClient(base_url=url, headers=auth(token), timeout=60) as c:
        for i in range(pushes):
            body = push_body(device, record(name=f"bench-{i}"), record(name=f"bench-{i}b"))
            t = time.perf_counter()
            r = await c.post("/v1/push", json=body)
            push_lat.append(time.perf_counter() - t)
            r.raise_for_status()
        for _ in range(reads):
            t = time.perf_counter()
            r = await c.get("/v1/changes", params={"limit": 100})
            read_lat.append(time.perf_counter() - t)
            r.raise_for_status()
    return push_lat, read_lat


async def _load(url: str, tokens: list[str], pushes: int, reads: int) -> dict[str, float]:
    start = time.perf_counter()
    results = await asyncio.gather(*[_client(url, t, f"dev{i}", pushes, reads) for i, t in enumerate(tokens)])
    wall = time.perf_counter() - start
    push_lat = [x for p, _ in results for x in p]
    read_lat = [x for _, r in results for x in r]
    # Pushes and reads run in sequence per client, so each phase's throughput uses its own summed share of time.
    push_time = wall * sum(push_lat) / (sum(push_lat) + sum(read_lat))
    read_time = wall - push_time
    return {
        "push_rps": len(push_lat) / push_time, "push_p50_ms": statistics.median(push_lat) * 1000,
        "push_p99_ms": _pct(push_lat, 0.99) * 1000,
        "changes_rps": len(read_lat) / read_time, "changes_p50_ms": statistics.median(read_lat) * 1000,
        "changes_p99_ms": _pct(read_lat, 0.99) * 1000,
    }


def _report(name: str, clients: int, figures: dict[str, float]) -> None:
    print(
        f"{name:<22} clients={clients}  push {figures['push_rps']:7.1f}/s p50 {figures['push_p50_ms']:6.1f} ms "
        f"p99 {figures['push_p99_ms']:7.1f} ms | changes {figures['changes_rps']:7.1f}/s "
        f"p50 {figures['changes_p50_ms']:6.1f} ms p99 {figures['changes_p99_ms']:7.1f} ms"
    )


def bench_local(args: argparse.Namespace, tmp: Path) -> None:
    data = tmp / "local-data"
    cfg = {"store": "local", "data_dir": str(data)}
    svc = ServiceProcess(tmp / "local.log", **cfg)
    try:
        tokens = [make_token(f"user{i}", f"dev{i}", **cfg) for i in range(args.clients)]
        _report("local store", args.clients, asyncio.run(_load(svc.url, tokens, args.pushes, args.reads)))
    finally:
        svc.stop()


def bench_replicated(args: argparse.Namespace, tmp: Path) -> None:
    with replicated_service(tmp / "replicated.log") as stack:
        tokens = [make_token(f"user{i}", f"dev{i}", **stack.config) for i in range(args.clients)]
        _report("moto S3 + Azurite", args.clients,
                asyncio.run(_load(stack.service.url, tokens, args.pushes, args.reads)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--pushes", type=int, default=20)
    parser.add_argument("--reads", type=int, default=20)
    parser.add_argument("--only", choices=["local", "replicated"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        if args.only in (None, "local"):
            bench_local(args, Path(tmp))
        if args.only in (None, "replicated"):
            bench_replicated(args, Path(tmp))


if __name__ == "__main__":
    main()
