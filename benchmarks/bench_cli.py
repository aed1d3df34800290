"""One code from the command line: `qrdesk make URL -o x.png` next to segno's own command, in one run.

    .venv/bin/python benchmarks/bench_cli.py [--runs 40] [--warmup 3]

hyperfine-style: both commands run alternately (so load on this shared machine hits both alike), after a
few warm-up runs, each as a fresh process; the figure is the median wall time. Both write a PNG of the
same URL; QRDesk also decodes its file before keeping it (the scan check is part of `make`). Both
outputs are decoded afterwards and must give back the URL.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

URL = "https://example.com/qrdesk/bench?campaign=autumn"
BIN = Path(sys.executable).parent
TARGET = 2.0  # qrdesk within 2x of segno's command line


def commands(out: Path) -> dict[str, list[str]]:
    return {
        "qrdesk make URL -o x.png": [str(BIN / "qrdesk"), "make", URL, "-o", str(out / "qrdesk.png")],
        "segno URL -o x.png": [str(BIN / "segno"), URL, "-o", str(out / "segno.png")],
    }


def run_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def decodes(path: Path) -> bool:
    import zxingcpp
    from PIL import Image

    with Image.open(path) as image:
        results = zxingcpp.read_barcodes(image.convert("L"))
    return [r.text for r in results] == [URL]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40, help="timed runs of each command (default 40)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each command first (default 3)")
    args = parser.parse_args()
    env = {**os.environ, "QRDESK_HOME": tempfile.mkdtemp(prefix="qrdesk-bench-home-")}
    with tempfile.TemporaryDirectory(prefix="qrdesk-bench-cli-") as tmp:
        out = Path(tmp)
        cmds = commands(out)
        for _ in range(args.warmup):
            for argv in cmds.values():
                run_once(argv, env)
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(args.runs):
            for name, argv in cmds.items():
                times[name].append(run_once(argv, env))
        for png in ("qrdesk.png", "segno.png"):
            if not decodes(out / png):
                raise SystemExit(f"{png} does not decode to the URL")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"one code, {args.runs} runs each, alternating, median wall time (load {load:.1f}, "
          f"{os.cpu_count()} CPUs):")
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    for name, ts in times.items():
        print(f"  {name:<26} median {medians[name] * 1000:7.1f} ms   "
              f"min {min(ts) * 1000:7.1f} ms   max {max(ts) * 1000:7.1f} ms")
    qrdesk, segno = medians.values()
    ratio = qrdesk / segno
    print(f"  qrdesk / segno: {ratio:.2f}x (target <= {TARGET:.0f}x) -> {'OK' if ratio <= TARGET else 'OVER'}")


if __name__ == "__main__":
    main()
