"""``qrdesk decode``: print the codes in pictures, PDFs and SVGs (``-`` reads standard input).

Only argparse is imported here: the readers (zxing-cpp, and zbar/OpenCV when asked for) load inside the
command, so ``qrdesk --help`` and the other commands start without them.
"""

from __future__ import annotations

import argparse
import json
import sys

READERS = ("zxing", "zbar", "opencv")


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print every QR code in each FILE (PNG, JPEG, WebP, TIFF, GIF, BMP, SVG, or each page of a PDF; - reads "
        "standard input): its text, payload kind and position. zxing-cpp reads first; zbar and OpenCV get a try "
        "when it finds nothing. Exits 1 when a file holds no code, 2 when a file cannot be read.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to read, or - for standard input")
    parser.add_argument("--decoder", choices=(*READERS, "all"), default=None,
                        help="use only this reader (all: every reader, and list what each found)")
    parser.add_argument("--json", action="store_true", help="one JSON object per code (and per file without one)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.cli.exit_codes import ExitCode
    from app.core.decode import decode_file
    from app.core.errors import UnreadableImage
    from app.core.lint import lint

    decoders = READERS if args.decoder == "all" else (args.decoder or "zxing",)
    unreadable = empty = 0
    for name in args.files:
        try:
            result = decode_file(name, decoders, fallback=args.decoder is None)
        except UnreadableImage as exc:
            unreadable += 1
            print(f"qrdesk: error: {exc}", file=sys.stderr)
            if args.json:
                print(json.dumps({"file": name, "error": str(exc)}, ensure_ascii=False))
            continue
        if not result.codes:
            empty += 1
            where = f" ({result.pages} pages)" if result.pages > 1 else ""
            print(f"{name}: no QR code found{where}", file=sys.stderr)
            if args.json:
                print(json.dumps({"file": name, "codes": 0}, ensure_ascii=False))
            continue
        for index, code in enumerate(result.codes, 1):
            findings = lint(code.text)
            if args.json:
                print(json.dumps({**_as_json(name, code), "lint": [str(f) for f in findings]}, ensure_ascii=False))
                continue
            number = f" #{index}" if len(result.codes) > 1 else ""
            print(f"{name}{number}: {code.symbology}, {code.kind}, at {code.where()} (read by {code.decoder})")
            for line in code.text.replace("\r\n", "\n").split("\n"):
                print(f"    {line}")
            for found in findings:
                print(f"  {found}")
    if unreadable:
        return ExitCode.USAGE
    return ExitCode.FAILED if empty else ExitCode.OK


def _as_json(name: str, code: object) -> dict[str, object]:
    from dataclasses import asdict

    raw = asdict(code)  # type: ignore[call-overload]
    raw["corners"] = [list(p) for p in raw["corners"]]
    return {"file": name, **raw}
