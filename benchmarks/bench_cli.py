"""One code from the command line: `qrdesk make URL -o x.png` next to segno's own command, in one run.

    .venv/bin/python benchmarks/bench_cli.py [--runs 40] [--warmup 3]

hyperfine-style: both commands run alternately (so load on this shared machine hits both alike), after a
few warm-up runs, each as a fresh process; the figures are the median wall time and the median CPU time
(user + system; on a busy machine the wall time also counts waiting for a core, the CPU time does not).
Both write a PNG of the same URL; QRDesk also decodes its file before keeping it (the scan check is part
of `make`). Both outputs are decoded afterwards and must give back the URL. Both run with byte-code
caching on, as installed programs do.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed programs have their byte code cached
    with tempfile.TemporaryDirectory(prefix="qrdesk-bench-cli-") as tmp:
        out = Path(tmp)
        cmds = commands(out)
        for _ in range(args.warmup):
            for argv in cmds.values():
                run_once(argv, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
        for _ in range(args.runs):
            for name, argv in cmds.items():
                times[name].append(run_once(argv, env))
        for png in ("qrdesk.png", "segno.png"):
            if not decodes(out / png):
                raise SystemExit(f"{png} does not decode to the URL")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"one code, {args.runs} runs each, alternating (load {load:.1f}, {os.cpu_count()} CPUs):")
    wall = {name: statistics.median(w for w, _ in ts) for name, ts in times.items()}
    cpu = {name: statistics.median(c for _, c in ts) for name, ts in times.items()}
    for name, ts in times.items():
        print(f"  {name:<26} wall median {wall[name] * 1000:7.1f} ms (min {min(w for w, _ in ts) * 1000:6.1f})"
              f"   CPU median {cpu[name] * 1000:7.1f} ms")
    for what, medians in (("wall", wall), ("CPU", cpu)):
        qrdesk, segno = medians.values()
        ratio = qrdesk / segno
        print(f"  qrdesk / segno, {what:<4}: {ratio:.2f}x (target <= {TARGET:.0f}x) "
              f"-> {'OK' if ratio <= TARGET else 'OVER'}")


if __name__ == "__main__":
    main()
