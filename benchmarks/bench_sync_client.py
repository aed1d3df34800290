"""Sync client throughput: machine A pushes N items with a PNG each, machine B pulls them, through the sync
service on loopback backed by moto's S3 server + Azurite; side by side with `rclone copy` of the same PNG
files to the same S3 emulator (Debian package `rclone`). Not a test: it prints figures.

    .venv/bin/python benchmarks/bench_sync_client.py [--items 1000]

Every pulled PNG is decoded (zxing-cpp) and must give back its item's payload.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
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
from cloud_sync.engine import SyncEngine  # noqa: E402
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


def _sync(lib: Library, url: str, token: str) -> tuple[float, object]:
    with SyncClient(url, token) as client:
        engine = SyncEngine(lib, client)
        start = time.perf_counter()
        report = engine.sync()
        return time.perf_counter() - start, report


def _rclone(src: Path, s3_url: str, bucket: str) -> float:
    # rclone's S3 backend fails on an AWS_CA_BUNDLE meant for the real AWS endpoints; this one is plain HTTP.
    env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
    env = {**env, **{f"RCLONE_CONFIG_BENCH_{k}": v for k, v in {
        "TYPE": "s3", "PROVIDER": "Other", "ENDPOINT": s3_url, "ACCESS_KEY_ID": "bench",
        "SECRET_ACCESS_KEY": "bench", "REGION": "us-east-1", "FORCE_PATH_STYLE": "true"}.items()}}
    start = time.perf_counter()
    subprocess.run(["rclone", "copy", "--config", "/dev/null", str(src), f"bench:{bucket}"], env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000)
    args = parser.parse_args()
    if shutil.which("rclone") is None:
        sys.exit("rclone is not installed (Debian package `rclone`)")
    with tempfile.TemporaryDirectory(prefix="bench-sync-client-") as tmp_name:
        tmp = Path(tmp_name)
        with replicated_service(tmp / "svc.log") as stack:
            cfg, s3_url = stack.config, stack.s3_url
            a, b = Library.open(tmp / "a"), Library.open(tmp / "b")
            size = _fill(a, args.items)
            ta, tb = make_token("bench", a.device_id, **cfg), make_token("bench", b.device_id, **cfg)
            push_s, push_report = _sync(a, stack.service.url, ta)
            pull_s, pull_report = _sync(b, stack.service.url, tb)
            bad = 0
            for item in b.all_items():
                decoded = zxingcpp.read_barcodes(Image.open(b.files.path_of(item.files[0].sha256)))
                bad += not decoded or decoded[0].text != item.spec.fields["text"]
            assert b.count() == args.items and bad == 0, f"{b.count()} items pulled, {bad} PNGs wrong"
            rclone_s = _rclone(a.files.root, s3_url, "rclone-bench")
            mib = size / 1048576
            print(f"{args.items} items, {mib:.1f} MiB of PNG, loopback, service on moto S3 + Azurite")
            print(f"  qrdesk push (A)  {push_s:7.2f} s  {args.items / push_s:7.1f} items/s  ({push_report.summary()})")
            print(f"  qrdesk pull (B)  {pull_s:7.2f} s  {args.items / pull_s:7.1f} items/s  ({pull_report.summary()})")
            print(f"  rclone copy      {rclone_s:7.2f} s  {args.items / rclone_s:7.1f} files/s  (same PNGs, same S3)")
            a.close()
            b.close()


if __name__ == "__main__":
    main()
