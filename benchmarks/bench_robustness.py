"""Robustness of styled codes: the score per style and per reader, as a Markdown table for the README.

    .venv/bin/python benchmarks/bench_robustness.py [--seed 0] [--trials 3]

Every style is the same URL (version 3 at level M) drawn as QRDesk draws it; each is scored exactly as the
app's scan details and ``qrdesk verify --thorough`` score it (:func:`app.core.robustness.score_code`: seven
conditions, three seeded variants each, three readers). The anchor is the first row, plain black on white:
every other row reads against it. A cell is "N/7" conditions the reader survives, "clean ✗" when it cannot
read the undisturbed code, "n/a" when it does not read the symbology (Micro QR). The score is deterministic
for a seed, so one run is the figure; the time per score is printed for scale.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw

from app.core import decoders
from app.core.encode import encode
from app.core.robustness import CONDITIONS, RobustnessReport, label_of, score_code
from app.core.spec import Style

URL = "https://qrdesk.app/r/2025?campaign=spring"


def _logo(folder: Path) -> str:
    """A typical brand mark: a filled rounded square with a contrasting disc (no transparency)."""
    image = Image.new("RGB", (240, 240), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, 232, 232), radius=40, fill="#1e88e5")
    draw.ellipse((70, 70, 170, 170), fill="#fdd835")
    path = folder / "logo.png"
    image.save(path)
    return str(path)


def corpus(logo: str) -> list[tuple[str, Style]]:
    styles = [("plain, black on white (anchor)", Style())]
    styles += [(f"ECC {ecc}", Style(ecc=ecc, boost_ecc=False)) for ecc in ("L", "Q", "H")]
    styles += [(f"modules: {shape}", Style(module_shape=shape)) for shape in ("rounded", "dots")]
    styles += [(f"eyes: {shape}", Style(eye_shape=shape)) for shape in ("rounded", "circle")]
    styles += [("dots + circle eyes", Style(module_shape="dots", eye_shape="circle"))]
    styles += [(f"logo {round(scale * 100)} %", Style(logo=logo, logo_scale=scale)) for scale in (0.1, 0.2, 0.3)]
    styles += [
        ("gradient linear", Style(fg_gradient="linear:45 #1a237e #00897b")),
        ("gradient radial + eye gradient", Style(fg_gradient="radial #c62828 #1a237e",
                                                 eye_gradient="linear:90 #000000 #6a1b9a")),
        ("medium contrast 4.5:1", Style(fg="#767676")),
        ("low contrast 3:1", Style(fg="#949494")),
        ("coloured eyes", Style(eye_color="#c62828")),
        ("Micro QR", Style(micro=True)),
    ]
    return styles


def cell(report: RobustnessReport, reader: str) -> str:
    if reader not in report.readers:
        return "n/a"
    if not report.clean.get(reader):
        return "clean ✗"
    return f"{report.per_reader(reader)}/{len(report.results)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--trials", type=int, default=3)
    args = parser.parse_args()
    missing = {name: decoders.unavailable_reason(name) for name in decoders.DECODERS}
    if any(missing.values()):
        raise SystemExit(f"readers missing: {missing}")
    names = list(decoders.DECODERS)
    labels = [decoders.DECODERS[n].label for n in names]
    print(f"conditions: {', '.join(c.label for c in CONDITIONS)}; seed {args.seed}, {args.trials} variants each")
    print(f"| style | {' | '.join(labels)} | all readers | weakest condition |")
    print(f"|---|{'---|' * len(labels)}---|---|")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for title, style in corpus(_logo(Path(tmp))):
            code = encode("12345678" if style.micro else URL, style)
            start = time.perf_counter()
            report = score_code(code, style, seed=args.seed, trials=args.trials)
            times.append(time.perf_counter() - start)
            weakest = report.weakest
            weak = f"{label_of(weakest)} ({report.read_by(weakest)}/{len(report.readers)})" if weakest else "—"
            cells = " | ".join(cell(report, n) for n in names)
            print(f"| {title} | {cells} | {len(report.survived)}/{len(report.results)} | {weak} |", flush=True)
    print(f"\n{len(times)} styles; one score takes {statistics.median(times):.2f} s (median), "
          f"{max(times):.2f} s at most, on this machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
