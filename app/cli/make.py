"""``qrdesk make``: one code to a PNG, SVG, PDF or EPS file, checked by decoding it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.style_options import add_style_arguments, style_from_args
from app.core.encode import encode_spec
from app.core.errors import SpecError
from app.core.export import FORMAT_SUFFIXES, export_code
from app.core.payloads import PAYLOAD_KINDS
from app.core.render import render
from app.core.spec import QrSpec


def register(subparsers: argparse._SubParsersAction) -> None:
    kinds = ", ".join(PAYLOAD_KINDS)
    parser = subparsers.add_parser(
        "make", help="make one code and write it to a file",
        description="Make one QR code. The output is decoded before it is kept; a code that does not scan "
                    "is not written unless --force is given.")
    parser.add_argument("text", nargs="?", metavar="TEXT",
                        help="what to encode (for --kind other than text: the kind's first field)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="output file (.png, .svg, .pdf, .eps), or - for standard output with --format")
    parser.add_argument("--format", choices=sorted(set(FORMAT_SUFFIXES.values())),
                        help="output format (default: from the file suffix)")
    parser.add_argument("--kind", default="text", choices=list(PAYLOAD_KINDS), metavar="KIND",
                        help=f"payload type: {kinds} (default text)")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE",
                        help="a payload field, e.g. --kind wifi --field ssid=Home --field password=secret")
    parser.add_argument("--spec", metavar="FILE", help="read the whole spec (payload + style) from a JSON file")
    parser.add_argument("--no-verify", action="store_true", help="do not decode the output to check it")
    parser.add_argument("--force", action="store_true", help="write the file even if it does not scan")
    add_style_arguments(parser)
    parser.set_defaults(handler=run)


def spec_from_args(args: argparse.Namespace) -> QrSpec:
    if args.spec:
        try:
            base = QrSpec.from_json(Path(args.spec).read_text(encoding="utf-8"))
        except OSError as exc:
            raise SpecError("--spec", f"cannot read {args.spec}: {exc.strerror}") from None
        return QrSpec(kind=base.kind, fields=base.fields, style=style_from_args(args, base.style))
    fields: dict[str, str] = {}
    if args.text is not None:
        fields[PAYLOAD_KINDS[args.kind].fields[0].name] = args.text
    for item in args.field:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise SpecError("--field", f"{item!r} must look like NAME=VALUE")
        fields[name.strip()] = value
    if not fields:
        raise SpecError("TEXT", "give the text to encode, or --field NAME=VALUE for --kind")
    return QrSpec(kind=args.kind, fields=fields, style=style_from_args(args))


def run(args: argparse.Namespace) -> int:
    spec = spec_from_args(args)
    code = encode_spec(spec)
    if args.output == "-":
        if not args.format:
            raise SpecError("--format", "is required when writing to standard output")
        render(code, spec.style, args.format, sys.stdout.buffer)
        return 0
    result = export_code(code, spec.style, args.output, args.format, verify=not args.no_verify,
                         force=args.force)
    status = "not checked"
    if result.report is not None:
        status = "scans OK" if result.report.ok else "DOES NOT SCAN (written because of --force)"
        for warning in result.report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {result.path} ({code.description}; {status})")
    return 0 if result.report is None or result.report.ok else 1
