"""Batch and preview speed, side by side with the anchors named in issues 2 and 14, in one run on this machine.

    .venv/bin/python benchmarks/bench_batch.py [--rows 10000] [--jobs 2] [--anchor-rows 2000] [--runs 3]

Rows are 100-character URLs (the kind of data a print campaign batches). All PNG outputs use the
`qrencode` command's default geometry (3 px per module, 4-module quiet zone) so every contender
writes comparable files. The anchors are measured on a subset (``--anchor-rows``) because they are
per-code costs; throughput is codes per second either way. The native contender of issue 14 (zxing-cpp's
writer, C++, one process per core, PNG via Pillow) runs on all rows with as many processes as the batch has
jobs, start-up included as for the batch. Every file is decoded afterwards
(zxing-cpp) and must give back its exact payload, for the project's outputs and the anchors alike.
The same rows are also read from an .xlsx workbook: it must stay within 1.2x of the CSV's time.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import segno
import zxingcpp
from PIL import Image

from app.core.batch import BatchOptions, run_batch
from app.core.encode import encode_spec
from app.core.render import render_image
from app.core.spec import QrSpec, Style

MODULE_PX = 3  # qrencode's default -s 3
BASE_URL = "https://shop.example.com/products/item-{i:05d}?ref=batch&campaign=autumn-2026&utm_source=qrdesk"


def make_rows(n: int) -> list[str]:
    rows = []
    for i in range(n):
        url = BASE_URL.format(i=i)
        rows.append(url + "&p=" + "x" * (100 - len(url) - 3))
    return rows


def write_csv(path: Path, rows: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "url"])
        for i, url in enumerate(rows):
            writer.writerow([f"item-{i:05d}", url])


def write_xlsx(path: Path, rows: list[str]) -> None:
    """The same rows as write_csv, as a workbook (openpyxl's writer; the batch reads it with calamine)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Rows")
    sheet.append(["name", "url"])
    for i, url in enumerate(rows):
        sheet.append([f"item-{i:05d}", url])
    book.save(path)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def decode_all(files: list[Path], expected: dict[str, str]) -> int:
    """Decode every PNG and compare with its payload; returns the number of mismatches."""
    bad = 0
    for path in files:
        results = zxingcpp.read_barcodes(Image.open(path))
        if len(results) != 1 or results[0].text != expected[path.stem]:
            bad += 1
    return bad


def bench_plain_segno(rows: list[str], out: Path) -> float:
    """segno as a user would call it: make + save PNG, one process, segno's own mask search."""
    def run() -> None:
        for i, url in enumerate(rows):
            segno.make(url, error="m").save(out / f"{i:05d}.png", scale=MODULE_PX, border=4)
    return timed(run)


def bench_qrencode(rows: list[str], out: Path) -> float:
    exe = shutil.which("qrencode")
    if exe is None:
        raise SystemExit("qrencode is not installed: apt-get install -y qrencode")

    def run() -> None:
        for i, url in enumerate(rows):
            subprocess.run([exe, "-l", "M", "-s", str(MODULE_PX), "-m", "4", "-o", str(out / f"{i:05d}.png"), url],
                           check=True)
    return timed(run)


def _zxing_writer_chunk(task: tuple[Path, int, list[str]]) -> None:
    import numpy as np

    out, first, rows = task
    for i, url in enumerate(rows, first):
        barcode = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        pixels = np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=MODULE_PX))  # 4-module quiet zone
        Image.fromarray(pixels).save(out / f"{i:05d}.png")


def bench_zxing_writer(rows: list[str], out: Path, jobs: int) -> float:
    """zxing-cpp's own encoder and writer (native code) as a user would script it, one process per core."""
    size = -(-len(rows) // jobs)
    tasks = [(out, start, rows[start:start + size]) for start in range(0, len(rows), size)]

    def run() -> None:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_zxing_writer_chunk, tasks))
    return timed(run)


def bench_project(csv_path: Path, out: Path, jobs: int, verify: bool, fmt: str = "png") -> tuple[float, object]:
    style = Style(size=MODULE_PX, size_unit="px", ecc="M")
    options = BatchOptions(output=out, kind="url", style=style, fmt=fmt, jobs=jobs, verify=verify,
                           name_column="name", template="{name}")
    result: list[object] = []

    def run() -> None:
        result.append(run_batch(csv_path, options))
    return timed(run), result[0]


def preview_latency(samples: int = 400) -> tuple[float, float]:
    """Spec -> 300 px RGBA image, the work behind one keystroke in the live preview."""
    url = make_rows(1)[0]
    times = []
    for i in range(samples):
        spec = QrSpec(kind="url", fields={"url": url[:-3] + f"{i:03d}"}, style=Style())
        start = time.perf_counter()
        code = encode_spec(spec)
        render_image(code, spec.style, module_px=max(1, 300 // (code.size + 2 * spec.style.quiet_zone)))
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.99) - 1] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--anchor-rows", type=int, default=2_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--runs", type=int, default=3, help="runs of the CSV vs .xlsx comparison (median)")
    args = parser.parse_args()

    rows = make_rows(args.rows)
    expected = {f"item-{i:05d}": url for i, url in enumerate(rows)}
    anchor_rows = rows[: args.anchor_rows]
    anchor_expected = {f"{i:05d}": url for i, url in enumerate(anchor_rows)}
    figures: list[tuple[str, int, float]] = []
    with tempfile.TemporaryDirectory(prefix="qrdesk-bench-") as tmp:
        root = Path(tmp)
        csv_path = root / "rows.csv"
        write_csv(csv_path, rows)

        for label, verify in (("QRDesk batch -> PNG folder, scan check off", False),
                              ("QRDesk batch -> PNG folder, scan check on", True)):
            out = root / f"png-{verify}"
            seconds, result = bench_project(csv_path, out, args.jobs, verify)
            files = sorted(out.glob("*.png"))
            assert len(files) == args.rows, (len(files), result)
            assert decode_all(files, expected) == 0, "a QRDesk output did not decode to its payload"
            figures.append((f"{label} (jobs={args.jobs})", args.rows, seconds))

        # The same rows from a workbook: reading .xlsx must cost little next to making the codes.
        xlsx_path = root / "rows.xlsx"
        write_xlsx(xlsx_path, rows)
        pair: dict[str, list[float]] = {"csv": [], "xlsx": []}
        for run in range(args.runs):
            for kind, source in (("csv", csv_path), ("xlsx", xlsx_path)):
                out = root / f"pair-{kind}-{run}"
                seconds, result = bench_project(source, out, args.jobs, True)
                assert result.ok_count == args.rows, result.errors[:3]
                pair[kind].append(seconds)
                shutil.rmtree(out)
        csv_s, xlsx_s = statistics.median(pair["csv"]), statistics.median(pair["xlsx"])
        figures.append((f"QRDesk batch .csv -> PNG, scan check on, median of {args.runs}", args.rows, csv_s))
        figures.append((f"QRDesk batch .xlsx -> PNG, scan check on, median of {args.runs}", args.rows, xlsx_s))

        out_pdf = root / "labels.pdf"
        seconds, result = bench_project(csv_path, out_pdf, args.jobs, False)
        assert result.ok_count == args.rows, result.errors[:3]
        figures.append((f"QRDesk batch -> one PDF label sheet A4 3x8 (jobs={args.jobs})", args.rows, seconds))

        native = f"zxing-cpp writer + Pillow PNG ({args.jobs} processes)"
        out = root / "zxing-writer"
        out.mkdir()
        seconds = bench_zxing_writer(rows, out, args.jobs)
        assert decode_all(sorted(out.glob("*.png")), {f"{i:05d}": url for i, url in enumerate(rows)}) == 0, \
            "zxing-cpp writer output did not decode"
        figures.append((native, args.rows, seconds))

        for label, fn in (("plain segno, one process (make + save PNG)", bench_plain_segno),
                          ("qrencode command once per code", bench_qrencode)):
            out = root / label.split()[0]
            out.mkdir()
            seconds = fn(anchor_rows, out)
            assert decode_all(sorted(out.glob("*.png")), anchor_expected) == 0, f"{label} output did not decode"
            figures.append((label, len(anchor_rows), seconds))

    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, segno {segno.__version__}")
    print(f"{'contender':<62} {'codes':>7} {'seconds':>8} {'codes/s':>9}")
    rates = {}
    for label, n, seconds in figures:
        rates[label] = n / seconds
        print(f"{label:<62} {n:>7} {seconds:>8.2f} {n / seconds:>9.0f}")
    fast = rates[f"QRDesk batch -> PNG folder, scan check off (jobs={args.jobs})"]
    checked = rates[f"QRDesk batch -> PNG folder, scan check on (jobs={args.jobs})"]
    segno_rate = rates["plain segno, one process (make + save PNG)"]
    qrencode_rate = rates["qrencode command once per code"]
    print(f"\nPNG batch vs plain segno: {fast / segno_rate:.1f}x (target >= 8x)")
    print(f"PNG batch vs qrencode:    {fast / qrencode_rate:.1f}x (target >= 2x)")
    print(f"checked batch vs qrencode: {checked / qrencode_rate:.1f}x (target > 1x)")
    print(f"PNG batch vs zxing-cpp writer:     {fast / rates[native]:.2f}x (issue 14 stretch: close the gap)")
    print(f"checked batch vs zxing-cpp writer: {checked / rates[native]:.2f}x")
    print(f".xlsx vs .csv, same rows:  {xlsx_s / csv_s:.2f}x the time (target <= 1.2x)")
    p50, p99 = preview_latency()
    print(f"preview spec -> 300 px image: p50 {p50:.2f} ms, p99 {p99:.2f} ms (target p99 < 16 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
