"""``qrdesk verify``: decode image, SVG or PDF files and report whether they scan."""

from __future__ import annotations

import argparse

from app.core.verify import verify_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify", help="check that files hold a scannable code",
        description="Decode each file (PNG, JPEG, SVG, PDF) and print one line per file. "
                    "Exits 1 when any file does not scan or does not match --expect.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    parser.add_argument("--expect", metavar="TEXT", help="the exact data every file must decode to")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        report = verify_file(name, expected=args.expect)
        if report.ok:
            print(f"{name}: OK {report.decoded!r}")
        else:
            failed += 1
            reason = "; ".join(report.errors) or "no code found"
            print(f"{name}: FAIL {reason}")
        for warning in report.warnings:
            print(f"{name}: warning: {warning}")
    return 1 if failed else 0
