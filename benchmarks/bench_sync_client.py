"""Sync client throughput against `rclone copy` of the same files, in the same run.

Machine A pushes N items with a PNG each and machine B pulls them, through the sync service on loopback backed by
moto's S3 server + Azurite. In the same run, `rclone copy` (Debian package `rclone`) uploads the same PNG files
to the same S3 emulator and downloads them again. Several rounds, each with a fresh user, bucket and library
copies; rclone runs as it comes (4 transfers) and with 8, as many as the sync client keeps in flight. The
table gives the medians and the ratios (rclone's time / qrdesk's time: above 1 means faster than rclone).
Not a test: it prints figures.

    .venv/bin/python benchmarks/bench_sync_client.py [--items 1000] [--runs 3]

Every PNG pulled in the first round is decoded (zxing-cpp) and must give back its item's payload.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import zxingcpp  # noqa: E402
from PIL import Image  # noqa: E402

from app.core.encode import encode_spec  # noqa: E402
from app.core.library import Library  # noqa: E402
from app.core.render import render_image  # noqa: E402
from app.core.spec import QrSpec  # noqa: E402
from benchmarks.replicated_service import replicated_service  # noqa: E402
from cloud_sync.client import SyncClient  # noqa: E402
from cloud_sync.engine import SyncEngine, SyncReport  # noqa: E402
from tests.sync_service.helpers import make_token  # noqa: E402


def _fill(lib: Library, n: int) -> int:
    total = 0
    for i in range(n):
        item = lib.add(QrSpec.text(f"https://example.com/bench/{i:05d}"), name=f"Bench {i}")
        buf = io.BytesIO()
        render_image(encode_spec(item.spec), item.spec.style).save(buf, format="PNG")
        lib.attach_file(item.id, "export", buf.getvalue())
        total += len(buf.getvalue())
    return total


def _sync(folder: Path, url: str, user: str, cfg: dict[str, str]) -> tuple[float, SyncReport]:
    with Library.open(folder) as lib, SyncClient(url, make_token(user, lib.device_id, **cfg)) as client:
        engine = SyncEngine(lib, client)
        start = time.perf_counter()
        report = engine.sync()
        return time.perf_counter() - start, report


def _rclone(src: str, dst: str, s3_url: str, transfers: int) -> float:
    # rclone's S3 backend fails on an AWS_CA_BUNDLE meant for the real AWS endpoints; this one is plain HTTP.
    env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
    env = {**env, **{f"RCLONE_CONFIG_BENCH_{k}": v for k, v in {
        "TYPE": "s3", "PROVIDER": "Other", "ENDPOINT": s3_url, "ACCESS_KEY_ID": "bench",
        "SECRET_ACCESS_KEY": "bench", "REGION": "us-east-1", "FORCE_PATH_STYLE": "true"}.items()}}
    start = time.perf_counter()
    subprocess.run(["rclone", "copy", "--config", "/dev/null", "--transfers", str(transfers), src, dst], env=env,
                   check=True)
    return time.perf_counter() - start


def _check_pngs(folder: Path, items: int) -> None:
    with Library.open(folder, read_only=True) as lib:
        bad = 0
        for item in lib.all_items():
            decoded = zxingcpp.read_barcodes(Image.open(lib.files.path_of(item.files[0].sha256)))
            bad += not decoded or decoded[0].text != item.spec.fields["text"]
        assert lib.count() == items and bad == 0, f"{lib.count()} items pulled, {bad} PNGs wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("rclone") is None:
        sys.exit("rclone is not installed (Debian package `rclone`)")
    times: dict[str, list[float]] = {"push": [], "pull": [], "up": [], "down": [], "up8": [], "down8": []}
    with tempfile.TemporaryDirectory(prefix="bench-sync-client-") as tmp_name:
        tmp = Path(tmp_name)
        with Library.open(tmp / "source") as source:
            size = _fill(source, args.items)
        with replicated_service(tmp / "svc.log") as stack:
            cfg, s3_url, url = stack.config, stack.s3_url, stack.service.url
            for run in range(args.runs):
                user, a, b = f"bench{run}", tmp / f"a{run}", tmp / f"b{run}"
                shutil.copytree(tmp / "source", a)  # the same items, never synced: all of them to push
                push_s, push_report = _sync(a, url, user, cfg)
                pull_s, pull_report = _sync(b, url, user, cfg)
                assert push_report.pushed == args.items and pull_report.pulled == args.items
                if run == 0:
                    _check_pngs(b, args.items)
                times["push"].append(push_s)
                times["pull"].append(pull_s)
                # rclone as it comes (4 transfers), and with as many in flight as the sync client (8).
                for n, up, down in ((4, "up", "down"), (8, "up8", "down8")):
                    times[up].append(_rclone(str(a / "files"), f"bench:rclone{run}-{n}", s3_url, n))
                    times[down].append(_rclone(f"bench:rclone{run}-{n}", str(tmp / f"rclone-down{run}-{n}"), s3_url, n))
                print(f"round {run + 1}: push {push_s:.2f} s, pull {pull_s:.2f} s; rclone up {times['up'][-1]:.2f} s "
                      f"({times['up8'][-1]:.2f} s with 8), down {times['down'][-1]:.2f} s ({times['down8'][-1]:.2f} s "
                      "with 8)", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"\n{args.items} items, {size / 1048576:.1f} MiB of PNG, loopback, service on moto S3 + Azurite, "
          f"median of {args.runs} rounds:\n")
    print("| direction | qrdesk sync | rclone copy | qrdesk vs rclone | rclone copy --transfers 8 | qrdesk vs that |")
    print("|---|---|---|---|---|---|")
    for name, ours, theirs in (("push (A uploads)", "push", "up"), ("pull (B downloads)", "pull", "down")):
        print(f"| {name} | {med[ours]:.2f} s ({args.items / med[ours]:.0f} items/s) | {med[theirs]:.2f} s | "
              f"{med[theirs] / med[ours]:.2f}x | {med[theirs + '8']:.2f} s | {med[theirs + '8'] / med[ours]:.2f}x |")


if __name__ == "__main__":
    main()
