"""``qrdesk verify``: decode image, SVG or PDF files and report whether they scan."""

from __future__ import annotations

import argparse

from app.cli.exit_codes import ExitCode
from app.core.verify import verify_file


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = ("Decode each file (PNG, JPEG, WebP, TIFF, SVG, PDF) and print one line per file. "
                          "Exits 1 when any file does not scan or does not match --expect (with --thorough: or "
                          "when any of the three readers cannot read it).")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    parser.add_argument("--expect", metavar="TEXT", help="the exact data every file must decode to")
    parser.add_argument("--thorough", action="store_true",
                        help="also read with zbar and OpenCV, and score how the code survives small prints, "
                             "blur, JPEG, tilt, dim light, dot gain and a smudge (about a second per file)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        report = verify_file(name, expected=args.expect, thorough=args.thorough)
        if report.ok:
            print(f"{name}: OK {report.decoded!r}")
        else:
            failed += 1
            reason = "; ".join(report.errors) or "no code found"
            print(f"{name}: FAIL {reason}")
        if report.readers:
            from app.core.decoders import DECODERS

            seen = ", ".join(f"{DECODERS[r].label} {'yes' if ok else 'no'}" for r, ok in report.readers.items())
            print(f"{name}: readers: {seen}")
        if report.robustness is not None:
            print(f"{name}: robustness: {report.robustness.summary()}")
        for warning in report.warnings:
            print(f"{name}: warning: {warning}")
    return ExitCode.FAILED if failed else ExitCode.OK
