"""Library speed at scale, side by side with the targets of issue 3, on this machine.

    .venv/bin/python benchmarks/bench_library.py [--items 100000] [--queries 300] [--keep DIR]

Builds a library of ``--items`` items (names of 2-4 words from a 2,000-word vocabulary, 1-3 of 60 tags, a
mix of text/url/wifi payloads) through the public API in one transaction, then measures:

- open + first page: ``Library.open`` (writer lock, schema check) plus ``list(limit=100)`` incl. the total count,
  in a fresh process each time so no Python-level cache helps (the OS file cache is warm, as on a desktop);
- search latency: ``list(query)`` — FTS5 match, sort by date, first 100 and the match count — for words, prefixes,
  two-word queries and tag words, p50/p99 over ``--queries`` queries.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.library import Library
from app.core.spec import QrSpec

TARGET_OPEN_S = 0.5
TARGET_SEARCH_S = 0.050

SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "un", "pi", "qua", "zen", "bri", "ost", "ler"]


def vocabulary(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def build(folder: Path, n: int, rng: random.Random, words: list[str], tags: list[str], *, check: bool = True) -> float:
    start = time.perf_counter()
    with Library.open(folder) as lib, lib.transaction():
        for i in range(n):
            name = " ".join(rng.sample(words, rng.randint(2, 4)))
            kind = rng.random()
            if kind < 0.5:
                spec = QrSpec.text(f"{name} {rng.choice(words)} #{i}")
            elif kind < 0.85:
                spec = QrSpec(kind="url", fields={"url": f"https://{rng.choice(words)}.example/{i}"})
            else:
                spec = QrSpec(kind="wifi", fields={"ssid": rng.choice(words), "password": f"pw-{i:08d}"})
            lib.add(spec, name=name, tags=rng.sample(tags, rng.randint(1, 3)), check=check)
    return time.perf_counter() - start


OPEN_PROBE = """
import sys, time
sys.path.insert(0, {repo!r})
t0 = time.perf_counter()
from app.core.library import Library
t1 = time.perf_counter()
with Library.open({folder!r}) as lib:
    page = lib.list(limit=100)
    t2 = time.perf_counter()
assert len(page.items) == 100 and page.total == {n}
print(t1 - t0, t2 - t1)
"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the library in this folder instead of a temp one")
    args = parser.parse_args()
    rng = random.Random(3)
    words, tags = vocabulary(rng, 2000), [f"tag{i:02d}" for i in range(60)]

    tmp = None
    if args.keep:
        folder = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="qrdesk-bench-")
        folder = Path(tmp.name) / "lib"
    existing = 0
    if (folder / "library.db").exists():
        with Library.open(folder) as lib:
            existing = lib.count()
    if existing != args.items:
        if existing:
            raise SystemExit(f"{folder} holds {existing} items, not {args.items}; use another --keep folder")
        seconds = build(folder, args.items, rng, words, tags)
        print(f"built {args.items:,} items in {seconds:.1f} s ({args.items / seconds:,.0f} items/s, one transaction)")
    size = sum(p.stat().st_size for p in folder.glob("library.db*"))
    print(f"library: {folder} ({size / 1e6:.1f} MB); load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs (figures from a loaded machine overstate latency)")

    repo = str(Path(__file__).resolve().parents[1])
    opens = []
    for _ in range(7):
        out = subprocess.run([sys.executable, "-c", OPEN_PROBE.format(repo=repo, folder=str(folder), n=args.items)],
                             check=True, capture_output=True, text=True).stdout.split()
        opens.append(float(out[1]))

    with Library.open(folder) as lib:
        lib.list(limit=100)  # warm the statement cache like a running app
        kinds = {
            "word": lambda: rng.choice(words),
            "prefix": lambda: rng.choice(words)[:3],
            "two words": lambda: f"{rng.choice(words)} {rng.choice(words)[:4]}",
            "tag word": lambda: rng.choice(tags),
        }
        results: dict[str, list[float]] = {}
        for label, make in kinds.items():
            times = []
            for _ in range(args.queries // len(kinds)):
                query = make()
                t0 = time.perf_counter()
                lib.list(query, limit=100)
                times.append(time.perf_counter() - t0)
            results[label] = times
        all_times = [t for ts in results.values() for t in ts]
        filters = {}
        for label, call in {"tag filter": lambda: lib.list(tag=rng.choice(tags)),
                            "sort by name": lambda: lib.list(sort="name"),
                            "kind filter": lambda: lib.list(kind="wifi")}.items():
            times = []
            for _ in range(30):
                t0 = time.perf_counter()
                call()
                times.append(time.perf_counter() - t0)
            filters[label] = statistics.median(times)

    print(f"load average after measuring: {os.getloadavg()[0]:.1f}")
    ok_open = statistics.median(opens) < TARGET_OPEN_S
    ok_search = percentile(all_times, 99) < TARGET_SEARCH_S
    print()
    print(f"{'measure':<44}{'measured':>12}{'target':>12}  verdict")
    print(f"{'open + first page of 100, median of 7':<44}{statistics.median(opens) * 1000:>9.1f} ms"
          f"{TARGET_OPEN_S * 1000:>9.0f} ms  {'ok' if ok_open else 'MISSED'}")
    print(f"{'open + first page of 100, worst of 7':<44}{max(opens) * 1000:>9.1f} ms{'':>12}")
    print(f"{'search p50 (all queries)':<44}{percentile(all_times, 50) * 1000:>9.1f} ms"
          f"{TARGET_SEARCH_S * 1000:>9.0f} ms")
    print(f"{'search p99 (all queries)':<44}{percentile(all_times, 99) * 1000:>9.1f} ms"
          f"{TARGET_SEARCH_S * 1000:>9.0f} ms  {'ok' if ok_search else 'MISSED'}")
    for label, times in results.items():
        print(f"{'  ' + label + ' p50 / p99':<44}{percentile(times, 50) * 1000:>9.1f} ms"
              f"   p99 {percentile(times, 99) * 1000:.1f} ms")
    for label, median in filters.items():
        print(f"{label + ' (page of 100 + count), median':<44}{median * 1000:>9.1f} ms")
    if tmp:
        tmp.cleanup()
    return 0 if ok_open and ok_search else 1


if __name__ == "__main__":
    sys.exit(main())
