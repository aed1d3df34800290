"""``qrdesk make``: one code to a file (checked by decoding it), or drawn in the terminal without ``-o``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.exit_codes import ExitCode
from app.cli.style_options import add_style_arguments, style_from_args
from app.core.encode import QrCode, encode_spec
from app.core.errors import SpecError
from app.core.export import export_code
from app.core.formats import FORMATS
from app.core.payloads import PAYLOAD_KINDS
from app.core.render import render
from app.core.spec import QrSpec

if TYPE_CHECKING:
    from app.core.printsize import PrintAdvice


def register(parser: argparse.ArgumentParser) -> None:
    kinds = ", ".join(PAYLOAD_KINDS)
    parser.description = (
        "Make one QR code. The output is decoded before it is kept; a code that does not scan is not written "
        "unless --force is given (exit code 1 either way). Without -o the code is drawn in the terminal "
        "(UTF-8 half blocks; black on white, whatever the terminal's colours).")
    parser.add_argument("text", nargs="?", metavar="TEXT",
                        help="what to encode (for --kind other than text: the kind's first field)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="output file (.png, .svg, .pdf, .eps, .jpg, .webp, .tif, .txt), or - for standard "
                             "output with --format (default: draw the code in the terminal)")
    parser.add_argument("--format", choices=FORMATS,
                        help="output format (default: from the file suffix; pdf-cmyk: a PDF in CMYK for print shops)")
    parser.add_argument("--kind", default="text", choices=list(PAYLOAD_KINDS), metavar="KIND",
                        help=f"payload type: {kinds} (default text)")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE",
                        help="a payload field, e.g. --kind wifi --field ssid=Home --field password=secret")
    parser.add_argument("--spec", metavar="FILE", help="read the whole spec (payload + style) from a JSON file")
    parser.add_argument("--no-verify", action="store_true", help="do not decode the output to check it")
    parser.add_argument("--force", action="store_true", help="write the file even if it does not scan")
    parser.add_argument("--for-distance", metavar="DISTANCE",
                        help="size the code to scan from this far, e.g. 2m, 150cm, 6ft (the 10:1 rule adjusted for "
                             "the code's version and contrast); with --size, warn if that is smaller")
    parser.add_argument("--poor-light", action="store_true",
                        help="with --for-distance: size for dim light or shaky hands (6:1 instead of 10:1)")
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
    from app.core.lint import lint

    for found in lint(code.data):  # what phones will make of the payload; never stops the code being made
        print(found, file=sys.stderr)
    advice = None
    if args.for_distance:
        spec, advice = _sized_for_distance(args, spec, code)
    elif args.poor_light:
        raise SpecError("--poor-light", "only applies together with --for-distance")
    if args.output is None:
        return _draw_in_terminal(args, spec, code)
    if args.output == "-":
        if not args.format:
            raise SpecError("--format", "is required when writing to standard output")
        render(code, spec.style, args.format, sys.stdout.buffer)
        return ExitCode.OK
    result = export_code(code, spec.style, args.output, args.format, verify=not args.no_verify,
                         force=args.force)
    status = "not checked"
    if result.report is not None:
        status = "scans OK" if result.report.ok else "DOES NOT SCAN (written because of --force)"
        for warning in result.report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {result.path} ({code.description}; {status})")
    if advice is not None:
        print(f"print size: {advice.sentence()}")
    return ExitCode.OK if result.report is None or result.report.ok else ExitCode.FAILED


def _sized_for_distance(args: argparse.Namespace, spec: QrSpec, code: QrCode) -> tuple[QrSpec, PrintAdvice]:
    """Module size from the distance; a size the user gave wins but is checked against it."""
    from app.core.printsize import advise, parse_distance

    advice = advise(code, spec.style, parse_distance(args.for_distance, "--for-distance"),
                    "poor" if args.poor_light else "good")
    for note in advice.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.size is None:
        return spec.with_style(size=round(advice.module_mm, 2), size_unit="mm", size_mode="module"), advice
    given = spec.style.module_size_mm(code.size + 2 * spec.style.quiet_zone)
    if given < advice.module_mm * 0.995:
        print(f"warning: modules of {given:.2f} mm are too small; {advice.sentence()}", file=sys.stderr)
    return spec, advice


def _draw_in_terminal(args: argparse.Namespace, spec: QrSpec, code: QrCode) -> int:
    from app.core.render.terminal import terminal_text
    from app.core.verify import check_code

    if args.format and args.format != "txt":
        raise SpecError("--format", f"{args.format} needs an output file: add -o FILE (or -o - for standard output)")
    report = check_code(code, spec.style)  # the same module grid the text draws
    sys.stdout.write(terminal_text(code, spec.style, ansi=sys.stdout.isatty()))
    for message in report.errors + report.warnings:
        print(f"warning: {message}", file=sys.stderr)
    return ExitCode.OK if report.ok else ExitCode.FAILED
